-- SaferHomes local schema, version 14: what a pin holds (DESIGN.md section 8, issue 12).
--
-- A booked job may be pinned to its fitter (any day and time of the horizon), to its fitter's
-- day (the order within the day may change) or to its exact time; until now `pinned` was on or
-- off and meant the exact time. `pin_kind` says which. `pinned` stays, meaning what it always
-- meant, a pin to the exact time (the store writes pinned = 1 exactly when pin_kind = 'time'),
-- so that a row written by an older device (pinned = 1, pin_kind left at 'none') still reads
-- as an exact-time pin. The existing exact-time pins become pin_kind 'time'.
--
-- The job's change log trigger carries pin_kind instead of pinned: the central database derives
-- pinned from pin_kind (its 0013), so the one change travels once. The trigger is dropped while
-- the existing pins are copied, so that the copy makes no outbox op (each device migrates its
-- own rows, the central database its own).

DROP TRIGGER job_update_outbox;

ALTER TABLE job ADD COLUMN pin_kind TEXT NOT NULL DEFAULT 'none'
    CHECK (pin_kind IN ('none', 'fitter', 'day', 'time'));
UPDATE job SET pin_kind = 'time' WHERE pinned = 1;

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
                        'pin_kind', json_array(old.pin_kind, new.pin_kind),
                        'sequence', json_array(old.sequence, new.sequence),
                        'availability', json_array(old.availability, new.availability),
                        'access_notes', json_array(old.access_notes, new.access_notes)),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
