-- Candidates keyed by a number the cache hands out (one more than the largest so far) instead of an index on their
-- SmartRecruiters id. Ids are random UUIDs: an index on them took a random B-tree insert per row, so a first full
-- sync dropped the indexes and built them at its end (a third of its time, 1-3 s at 100,000 candidates, while
-- nothing else could be written). Numbered rows are appended in the order they arrive and an index led by the
-- number is appended to as well. The in-memory candidate index (CandidateIndex) maps an id to its number; the
-- applications of a candidate the listing has not reached yet (an order sent from a fresh cache) carry no number
-- until it does.

-- a crash in the middle of a first full sync of an older version left this index dropped
CREATE INDEX IF NOT EXISTS candidate_by_id ON candidate (id);

CREATE TABLE candidate_numbered (
    k                   BIGINT PRIMARY KEY,
    id                  VARCHAR(64) NOT NULL,
    first_name          VARCHAR(255),
    last_name           VARCHAR(255),
    email               VARCHAR(320),
    phone               VARCHAR(64),
    city                VARCHAR(255),
    country             VARCHAR(255),
    name_key            VARCHAR(520) NOT NULL,
    email_key           VARCHAR(320) NOT NULL,
    jobs_text           VARCHAR(2000),
    app_status          VARCHAR(64),
    latest_order_status VARCHAR(64),
    latest_order_kind   VARCHAR(16),
    latest_order_at     TIMESTAMP WITH TIME ZONE,
    created_on          TIMESTAMP WITH TIME ZONE,
    updated_on          TIMESTAMP WITH TIME ZONE,
    seen_gen            INT NOT NULL DEFAULT 0
);

INSERT INTO candidate_numbered (k, id, first_name, last_name, email, phone, city, country, name_key, email_key,
        jobs_text, app_status, latest_order_status, latest_order_kind, latest_order_at, created_on, updated_on, seen_gen)
    SELECT ROW_NUMBER() OVER (ORDER BY id), id, first_name, last_name, email, phone, city, country, name_key,
        email_key, jobs_text, app_status, latest_order_status, latest_order_kind, latest_order_at, created_on,
        updated_on, seen_gen
    FROM candidate;

CREATE INDEX candidate_numbered_by_id ON candidate_numbered (id);
ALTER TABLE application ADD COLUMN candidate_k BIGINT;
UPDATE application a SET candidate_k = (SELECT c.k FROM candidate_numbered c WHERE c.id = a.candidate_id);
DROP INDEX candidate_numbered_by_id;

DROP TABLE candidate;
ALTER TABLE candidate_numbered RENAME TO candidate;

DROP INDEX IF EXISTS application_by_candidate;
CREATE INDEX application_by_candidate ON application (candidate_k, job_id);

-- the order walk's bookmark named a candidate id; it now names a number, so an unfinished walk starts again
UPDATE sync_state SET v = '' WHERE k = 'orders.backfill.after' AND v <> 'done';
