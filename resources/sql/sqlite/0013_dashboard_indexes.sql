-- SaferHomes local schema, version 13: indexes for the managers' dashboard (issue 14).
--
-- The dashboard reads every completed job with its items, its household and the household's
-- first completed survey. These indexes hold what those reads need, so SQLite answers them
-- from the index alone instead of fetching each wide row: a job's fitted items by type, a
-- household's survey completion times, and a household's filter columns by its id (the rid
-- comes with every index of the table).

CREATE INDEX job_item_job_fitted ON job_item (job_id, equipment_code, fitted_qty);
CREATE INDEX survey_household_completed ON survey (household_id, completed_at);
CREATE INDEX household_dashboard ON household (id, deleted_at, area_id, status);
