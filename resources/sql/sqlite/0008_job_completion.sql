-- SaferHomes local schema, version 8: what the fitter's day records with a completed visit
-- (DESIGN.md section 8): why a fitted quantity differs from the planned one, and which photos
-- and householder signature belong to which job.
--
-- Both columns are local for now: the synced column lists (model/sync/syncedtables.cpp) do not
-- name them yet, so a completion syncs its quantities, serials and status, and the photos and
-- signature travel as ordinary attachments of the household.
ALTER TABLE job_item ADD COLUMN difference_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE attachment ADD COLUMN job_id TEXT REFERENCES job (id);
CREATE INDEX attachment_job ON attachment (job_id);
