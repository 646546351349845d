-- The cache: a disposable copy of what SmartRecruiters holds. Deleting the file loses nothing but time.

CREATE TABLE candidate (
    id                  VARCHAR(64) PRIMARY KEY,
    first_name          VARCHAR(255),
    last_name           VARCHAR(255),
    email               VARCHAR(320),
    phone               VARCHAR(64),
    city                VARCHAR(255),
    country             VARCHAR(255),
    name_key            VARCHAR(520) NOT NULL,   -- lower-case "first last": list order
    email_key           VARCHAR(320) NOT NULL,   -- lower-case email
    jobs_text           VARCHAR(2000),           -- job titles joined, for display
    app_status          VARCHAR(64),             -- primary application's status
    latest_order_status VARCHAR(64),             -- raw, as the server sent it
    latest_order_kind   VARCHAR(16),             -- OrderStatus.Kind name, for the status filter
    latest_order_at     TIMESTAMP WITH TIME ZONE,
    created_on          TIMESTAMP WITH TIME ZONE,
    updated_on          TIMESTAMP WITH TIME ZONE,
    seen_gen            INT NOT NULL DEFAULT 0   -- full-sync generation that last listed it
);
CREATE INDEX candidate_by_name ON candidate (name_key, id);
CREATE INDEX candidate_by_kind ON candidate (latest_order_kind, name_key, id);

-- Search words: every word of the name and the parts of the email, lower-case; a prefix LIKE on the primary key
-- finds "any word starts with" in an index range instead of a scan.
CREATE TABLE candidate_word (
    word         VARCHAR(320) NOT NULL,
    candidate_id VARCHAR(64)  NOT NULL,
    PRIMARY KEY (word, candidate_id)
);
CREATE INDEX candidate_word_by_candidate ON candidate_word (candidate_id);

CREATE TABLE application (
    candidate_id   VARCHAR(64) NOT NULL,
    job_id         VARCHAR(64) NOT NULL,
    application_id VARCHAR(64),
    job_title      VARCHAR(512),
    status         VARCHAR(64),
    sub_status     VARCHAR(255),
    is_primary     BOOLEAN NOT NULL DEFAULT FALSE,
    starts_on      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (candidate_id, job_id)
);
CREATE INDEX application_by_application_id ON application (application_id);

CREATE TABLE job (
    id                  VARCHAR(64) PRIMARY KEY,
    title               VARCHAR(512),
    status              VARCHAR(64),
    department          VARCHAR(255),
    location            VARCHAR(255),
    hiring_process_id   VARCHAR(64)
);

CREATE TABLE assessment_order (
    id               VARCHAR(64) PRIMARY KEY,
    idempotency_key  VARCHAR(64),
    application_id   VARCHAR(64),
    candidate_id     VARCHAR(64),
    job_id           VARCHAR(64),
    partner_id       VARCHAR(64),
    partner_name     VARCHAR(255),
    package_id       VARCHAR(64),
    package_name     VARCHAR(255),
    status           VARCHAR(64) NOT NULL,
    status_kind      VARCHAR(16) NOT NULL,
    created_on       TIMESTAMP WITH TIME ZONE,
    updated_on       TIMESTAMP WITH TIME ZONE,
    score_label      VARCHAR(255),
    score_value      VARCHAR(64),
    score_min        VARCHAR(64),
    score_max        VARCHAR(64),
    summary          VARCHAR(4000),
    report_url       VARCHAR(2000),
    history_json     CLOB,
    attachments_json CLOB,
    last_error       VARCHAR(1000)
);
CREATE INDEX order_by_candidate ON assessment_order (candidate_id);
CREATE INDEX order_by_application ON assessment_order (application_id);
CREATE INDEX order_by_kind ON assessment_order (status_kind);

CREATE TABLE sync_state (
    k VARCHAR(64) PRIMARY KEY,
    v VARCHAR(4000)
);
