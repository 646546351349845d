-- A hash of a candidate's applications as the last listing (or profile read) gave them. When a listing gives the
-- same again, the stored application rows already hold what merging them would write, so the sync skips reading
-- them: reading them was a third of an incremental sync, each row's page read from the file of a cache just opened.
-- NULL: not known (rows from before this version, or applications changed since by another write): merged as before.
ALTER TABLE candidate ADD COLUMN listed_apps_hash BIGINT;
