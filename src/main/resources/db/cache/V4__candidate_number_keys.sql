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

-- a candidate's number is its old row's _ROWID_ (unique, and no sort: numbering by id took 3 s at 100,000)
INSERT INTO candidate_numbered (k, id, first_name, last_name, email, phone, city, country, name_key, email_key,
        jobs_text, app_status, latest_order_status, latest_order_kind, latest_order_at, created_on, updated_on, seen_gen)
    SELECT _ROWID_, id, first_name, last_name, email, phone, city, country, name_key,
        email_key, jobs_text, app_status, latest_order_status, latest_order_kind, latest_order_at, created_on,
        updated_on, seen_gen
    FROM candidate;

-- the applications move to a table of the same shape with their candidate's number beside its id; the number is the
-- old candidate row's _ROWID_, found through the old id index (faster at 100,000 candidates than updating the rows
-- in place or building an index on the new table to join with); a left join's missing row has a _ROWID_ of 0, so
-- an application whose candidate has no row gets no number
CREATE TABLE application_numbered (
    candidate_id   VARCHAR(64) NOT NULL,
    job_id         VARCHAR(64) NOT NULL,
    application_id VARCHAR(64),
    job_title      VARCHAR(512),
    status         VARCHAR(64),
    sub_status     VARCHAR(255),
    is_primary     BOOLEAN NOT NULL DEFAULT FALSE,
    starts_on      TIMESTAMP WITH TIME ZONE,
    candidate_k    BIGINT
);
INSERT INTO application_numbered (candidate_id, job_id, application_id, job_title, status, sub_status, is_primary,
        starts_on, candidate_k)
    SELECT a.candidate_id, a.job_id, a.application_id, a.job_title, a.status, a.sub_status, a.is_primary, a.starts_on,
        CASE WHEN c.id IS NULL THEN NULL ELSE c._ROWID_ END
    FROM application a LEFT JOIN candidate c ON c.id = a.candidate_id;

DROP TABLE application;
ALTER TABLE application_numbered RENAME TO application;
CREATE INDEX application_by_candidate ON application (candidate_k, job_id);

DROP TABLE candidate;
ALTER TABLE candidate_numbered RENAME TO candidate;

-- the order walk's bookmark named a candidate id; it now names a number, so an unfinished walk starts again
UPDATE sync_state SET v = '' WHERE k = 'orders.backfill.after' AND v <> 'done';
