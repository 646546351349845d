-- The partner packages the client has seen, for how long each usually takes: orders from SmartRecruiters name their
-- package but not its usual time, and an order is flagged when it waits much longer than that. Disposable like the
-- rest of the cache; refilled from the partner catalogue. (V2 is the search change; this one does not depend on it.)

CREATE TABLE assessment_package (
    id               VARCHAR(64) PRIMARY KEY,
    partner_id       VARCHAR(64) NOT NULL,
    name             VARCHAR(255),
    expected_minutes INT NOT NULL DEFAULT 0,   -- 0: the partner did not say
    fetched_on       TIMESTAMP WITH TIME ZONE NOT NULL
);
