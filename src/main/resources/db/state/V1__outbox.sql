-- Writes the recruiter asked for that must reach SmartRecruiters. Not disposable: never dropped, only migrated.

CREATE TABLE outbox (
    idempotency_key VARCHAR(64) PRIMARY KEY,   -- client-made UUID; the server never makes two orders for one key
    kind            VARCHAR(32) NOT NULL,      -- PLACE_ORDER
    state           VARCHAR(16) NOT NULL,      -- PENDING, SENT, FAILED
    candidate_id    VARCHAR(64) NOT NULL,
    job_id          VARCHAR(64) NOT NULL,
    package_id      VARCHAR(64) NOT NULL,
    payload_json    CLOB NOT NULL,
    created_on      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_on      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INT NOT NULL DEFAULT 0,
    last_error      VARCHAR(1000),
    server_id       VARCHAR(64)
);
CREATE INDEX outbox_by_state ON outbox (state, created_on);
CREATE INDEX outbox_by_candidate ON outbox (candidate_id);
