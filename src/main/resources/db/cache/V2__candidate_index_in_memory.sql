-- Search moved into memory (CandidateIndex, built from the candidate rows at start and kept up to date on every
-- write): the search-word table and the indexes nobody reads any more go. Each was a B-tree with random keys that
-- every sync page rewrote, which is what made a full sync write many times the cache's size.
DROP TABLE candidate_word;
DROP INDEX candidate_by_kind;
DROP INDEX application_by_application_id;
DROP INDEX order_by_application;
DROP INDEX candidate_by_name;

-- Candidates an incremental sync changed, whose orders the low-priority background walk still has to read (kept
-- here, not in memory, so a restart does not lose them).
CREATE TABLE order_refresh (
    candidate_id VARCHAR(64) PRIMARY KEY
);

-- Plain indexes instead of the primary keys on candidate and application: a unique index makes H2 look every new
-- key up before it inserts it (a second B-tree descent per row, about a sixth of the sync's write time). The single
-- writer keeps them unique: candidates are replaced by id (the in-memory index knows which exist), a candidate's
-- applications are deleted before they are written again.
ALTER TABLE candidate DROP PRIMARY KEY;
CREATE INDEX candidate_by_id ON candidate (id);
ALTER TABLE application DROP PRIMARY KEY;
CREATE INDEX application_by_candidate ON application (candidate_id, job_id);
