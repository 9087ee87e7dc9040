-- SaferHomes local schema, version 7: jobs from agreed packages, fitters' weeks, householders'
-- availability (DESIGN.md section 8).
--
-- The job table gains the 'unscheduled' status, which SQLite cannot add to a CHECK in place:
-- the table is rebuilt after the "otherwise" procedure of
-- https://www.sqlite.org/lang_altertable.html (copy, new table, copy back, indexes and triggers
-- again). Migrations run inside one transaction, where foreign_keys cannot be switched off, so
-- the foreign keys are deferred to the commit instead. Two things differ from the procedure
-- for that reason: job_item (whose ON DELETE CASCADE would fire) is set aside first and rebuilt
-- after job; and the jobs are copied out and back rather than renamed, because a rename does not
-- undo the deferred violations that emptying job leaves on stock_movement, while inserting the
-- rows again does. Deletes and drops fire no outbox trigger, and the rows are copied back before
-- the outbox triggers exist, so no op is made.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE job_item_saved AS SELECT * FROM job_item;
DROP TABLE job_item;

CREATE TABLE job_saved AS SELECT * FROM job;
DELETE FROM job;
DROP TABLE job;

CREATE TABLE job (
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES household (id),
    survey_id TEXT REFERENCES survey (id),
    fitter_id TEXT REFERENCES fitter (id),
    status TEXT NOT NULL CHECK (status IN ('unscheduled', 'tentative', 'scheduled', 'completed',
                                           'no_access', 'cancelled')),
    scheduled_start TEXT,
    scheduled_end TEXT,
    completed_at TEXT,
    signed_off_by TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    -- Minutes on site: the items' fit minutes times their quantities plus a set-up allowance.
    duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes >= 0),
    -- Kept where it is by the optimiser (a fitter's day, or the exact time when scheduled).
    pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    -- Raised on every reschedule: the iCalendar SEQUENCE of the job's event.
    sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    -- The job whose visit found nobody in, for a revisit.
    revisit_of TEXT REFERENCES job (id),
    -- The householder's availability, as JobAvailability writes it (weekday windows, days
    -- to avoid), and what the fitter needs to know to get in.
    availability TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(availability)),
    access_notes TEXT NOT NULL DEFAULT ''
);
INSERT INTO job (id, household_id, survey_id, fitter_id, status, scheduled_start,
                 scheduled_end, completed_at, signed_off_by, notes, created_at)
SELECT id, household_id, survey_id, fitter_id, status, scheduled_start, scheduled_end,
       completed_at, signed_off_by, notes, created_at
FROM job_saved;
DROP TABLE job_saved;
CREATE INDEX job_household ON job (household_id);
CREATE INDEX job_fitter ON job (fitter_id, scheduled_start);
CREATE INDEX job_status ON job (status);

CREATE TABLE job_item (
    id TEXT PRIMARY KEY,
    job_id TEXT NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    equipment_code TEXT NOT NULL REFERENCES equipment_type (code),
    qty INTEGER NOT NULL CHECK (qty > 0),
    serial TEXT NOT NULL DEFAULT '',
    fitted INTEGER NOT NULL DEFAULT 0 CHECK (fitted IN (0, 1)),
    -- How many were fitted (may differ from qty, the planned number).
    fitted_qty INTEGER NOT NULL DEFAULT 0 CHECK (fitted_qty >= 0)
);
INSERT INTO job_item (id, job_id, equipment_code, qty, serial, fitted, fitted_qty)
SELECT id, job_id, equipment_code, qty, serial, fitted, CASE WHEN fitted = 1 THEN qty ELSE 0 END
FROM job_item_saved;
DROP TABLE job_item_saved;
CREATE INDEX job_item_job ON job_item (job_id);

-- Jobs already in the file have their duration from the catalogue (plus the set-up allowance).
UPDATE job SET duration_minutes = 15 + coalesce(
    (SELECT sum(e.fit_minutes * i.qty) FROM job_item i
     JOIN equipment_type e ON e.code = i.equipment_code WHERE i.job_id = job.id), 0);

CREATE TRIGGER job_outbox AFTER INSERT ON job
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES (new.id, 'job', new.id, 'create', '{}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER job_update_outbox AFTER UPDATE ON job
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES ((SELECT id FROM sync_new_uuid), 'job', new.id, 'update',
            json_object('fitter_id', json_array(old.fitter_id, new.fitter_id),
                        'status', json_array(old.status, new.status),
                        'scheduled_start', json_array(old.scheduled_start, new.scheduled_start),
                        'scheduled_end', json_array(old.scheduled_end, new.scheduled_end),
                        'completed_at', json_array(old.completed_at, new.completed_at),
                        'signed_off_by', json_array(old.signed_off_by, new.signed_off_by),
                        'notes', json_array(old.notes, new.notes),
                        'duration_minutes',
                        json_array(old.duration_minutes, new.duration_minutes),
                        'pinned', json_array(old.pinned, new.pinned),
                        'sequence', json_array(old.sequence, new.sequence),
                        'availability', json_array(old.availability, new.availability),
                        'access_notes', json_array(old.access_notes, new.access_notes)),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER job_item_outbox AFTER INSERT ON job_item
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES (new.id, 'job_item', new.id, 'create', '{}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER job_item_update_outbox AFTER UPDATE ON job_item
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES ((SELECT id FROM sync_new_uuid), 'job_item', new.id, 'update',
            json_object('serial', json_array(old.serial, new.serial),
                        'fitted', json_array(old.fitted, new.fitted),
                        'fitted_qty', json_array(old.fitted_qty, new.fitted_qty)),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

-- A package agreed again replaces the items of its job that is not yet done.
CREATE TRIGGER job_item_delete_outbox AFTER DELETE ON job_item
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES ((SELECT id FROM sync_new_uuid), 'job_item', old.id, 'delete', '{}',
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

-- A fitter's week: the usual shift (shift_start, shift_end) on the weekdays that
-- weekly_shifts does not name, {"1": ["08:00", "16:30"], ..., "7": null} (ISO weekdays, null
-- for a day off; an empty object means Monday to Friday at the usual shift); absences as
-- [{"from": "2026-12-07", "to": "2026-12-08", "reason": "leave"}] (whole days, inclusive); the
-- van is the stock location the fitter carries.
ALTER TABLE fitter ADD COLUMN weekly_shifts TEXT NOT NULL DEFAULT '{}'
    CHECK (json_valid(weekly_shifts));
ALTER TABLE fitter ADD COLUMN absences TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(absences));
ALTER TABLE fitter ADD COLUMN van TEXT NOT NULL DEFAULT '';
