-- The outbox carries every write that must reach SmartRecruiters, not only orders: PLACE_ORDER, MOVE_APPLICATION and
-- CREATE_CANDIDATE. Every V1 row stays as it was (a PLACE_ORDER, not held) and is still sent.

-- A move has no package; a new candidate has no id until SmartRecruiters made it (then it is filled in).
ALTER TABLE outbox ALTER COLUMN package_id SET NULL;
ALTER TABLE outbox ALTER COLUMN candidate_id SET NULL;

-- Held: queued while offline (or waited on a connection failure); sent only once the recruiter confirms.
ALTER TABLE outbox ADD COLUMN held BOOLEAN DEFAULT FALSE NOT NULL;

-- The résumé of a CREATE_CANDIDATE from a file: its bytes, in this owner-only database (never a path to the
-- recruiter's file, which may be gone by the time we send). Cleared once sent or discarded.
ALTER TABLE outbox ADD COLUMN file_content BLOB;

-- States now: PENDING, SENDING (marked before the request goes out), SENT, FAILED, DISCARDED.
CREATE INDEX outbox_by_held ON outbox (held, state);
