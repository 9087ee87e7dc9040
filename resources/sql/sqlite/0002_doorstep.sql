-- SaferHomes local schema, version 2: doorstep visits, consent and the security survey.

-- Where the officer was in a survey draft (e.g. a section id), so a resumed draft opens there.
ALTER TABLE survey ADD COLUMN draft_position TEXT NOT NULL DEFAULT '';

-- Resuming looks for a household's open draft. Not unique: two devices may each have started
-- one offline, and sync must be able to bring both in; the newest is the one resumed.
CREATE INDEX survey_open_draft ON survey (household_id, started_at) WHERE completed_at IS NULL;

