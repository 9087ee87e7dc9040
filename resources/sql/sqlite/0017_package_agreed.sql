-- SaferHomes local schema: when a survey's package was agreed (DESIGN.md section 9, issue 14;
-- central schema 0016_package_agreed.sql).
--
-- The quarterly return counts households_accepted ("package agreed") in the period of the
-- agreement, which is neither the survey's completion nor an audit event (those exist only on
-- the device that agreed). package_agreed_at is the FIRST agreement, when the household
-- accepted: set when a package with an agreed item is saved on a survey that has no time yet,
-- kept when the package is edited or agreed again, and cleared only by a save that leaves no
-- item agreed (the service refuses such a save), so that an agreement after it dates anew.
-- Packages agreed before this version are dated by their survey's completion, as the return
-- dated them until now; the central migration backfills the same way, so devices agree.
ALTER TABLE survey ADD COLUMN package_agreed_at TEXT;
UPDATE survey SET package_agreed_at = completed_at
WHERE completed_at IS NOT NULL
  AND EXISTS (SELECT 1 FROM recommendation r WHERE r.survey_id = survey.id AND r.agreed = 1);
CREATE INDEX survey_package_agreed ON survey (package_agreed_at)
WHERE package_agreed_at IS NOT NULL;

-- A survey is sent once, when it is completed (0004), with the row as it is at push time; an
-- agreement made or changed after that goes as an update op (the server keeps the time it has
-- when another device's agreement reached it first: the first agreement stands).
CREATE TRIGGER survey_package_agreed_outbox AFTER UPDATE OF package_agreed_at ON survey
WHEN (SELECT applying FROM sync_flag) = 0 AND new.completed_at IS NOT NULL
     AND new.package_agreed_at IS NOT old.package_agreed_at
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES ((SELECT id FROM sync_new_uuid), 'survey', new.id, 'update',
            json_object('package_agreed_at',
                        json_array(old.package_agreed_at, new.package_agreed_at)),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
