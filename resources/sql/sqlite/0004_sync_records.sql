-- SaferHomes local schema, version 4: every kind of record syncs, erasure reaches the device
-- (DESIGN.md section 7).
--
-- Visits, attachments, consents, completed surveys, recommendations, jobs, job items and stock
-- movements put their ops in the outbox by trigger, so whatever code writes them, the op is in
-- the same transaction as the row. A create op's payload is empty: the row is read when it is
-- pushed (a row deleted before then is not sent). An update op's payload is {column: [old,
-- new]} for every column that may change; the server ignores the unchanged ones. The sync
-- itself sets sync_flag.applying while it stores what it pulled, so pulled rows make no ops; it
-- sets and clears the flag inside its own transaction, so no other connection ever sees it set.

CREATE TABLE sync_flag (
    applying INTEGER NOT NULL CHECK (applying IN (0, 1))
);
INSERT INTO sync_flag (applying) VALUES (0);

-- The outbox again, with every entity and the delete kind.
CREATE TABLE outbox_v4 (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL,
    entity TEXT NOT NULL CHECK (entity IN ('household', 'resident', 'visit', 'attachment',
                                           'consent', 'survey', 'recommendation', 'job',
                                           'job_item', 'stock_movement')),
    entity_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('create', 'update', 'delete')),
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    created_at TEXT NOT NULL,
    rejected_at TEXT,
    rejected_reason TEXT
);
INSERT INTO outbox_v4 SELECT * FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v4 RENAME TO outbox;
CREATE INDEX outbox_pending ON outbox (seq) WHERE rejected_at IS NULL;

-- An erased household keeps its id, area and status and nothing personal.
ALTER TABLE household ADD COLUMN erased_at TEXT;

-- The ids (a household, its residents and records) whose personal data was removed from this
-- device: erased (GDPR), or in an area the user no longer works in.
CREATE TABLE redacted_entity (
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL
);

-- The audit trail is append-only, except that the personal values of a household removed
-- from this device are blanked (old_value and new_value set to NULL, nothing else changed).
-- Local ids are UUIDs, so entity_id names one household or one of its residents or records.
DROP TRIGGER audit_event_no_update;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
WHEN NOT (new.old_value IS NULL AND new.new_value IS NULL AND new.seq = old.seq
          AND new.at = old.at AND new.user_name = old.user_name AND new.device = old.device
          AND new.entity = old.entity AND new.entity_id = old.entity_id
          AND new.field = old.field
          AND EXISTS (SELECT 1 FROM redacted_entity e WHERE e.id = old.entity_id))
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;


-- A new random UUID, for the ids of update ops made by triggers.
CREATE VIEW sync_new_uuid AS
SELECT lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-'
             || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(h, 18, 3) || '-'
             || substr(h, 21, 12)) AS id
FROM (SELECT hex(randomblob(16)) AS h);

CREATE TRIGGER visit_outbox AFTER INSERT ON visit
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES (new.id, 'visit', new.id, 'create', '{}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER attachment_outbox AFTER INSERT ON attachment
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES (new.id, 'attachment', new.id, 'create', '{}',
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER consent_outbox AFTER INSERT ON consent
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES (new.id, 'consent', new.id, 'create', '{}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER consent_withdrawn_outbox AFTER UPDATE OF withdrawn_at ON consent
WHEN (SELECT applying FROM sync_flag) = 0 AND new.withdrawn_at IS NOT old.withdrawn_at
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES ((SELECT id FROM sync_new_uuid), 'consent', new.id, 'update',
            json_object('withdrawn_at', json_array(old.withdrawn_at, new.withdrawn_at)),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

-- Drafts stay on the device; a survey goes to the server once, when it is completed.
CREATE TRIGGER survey_outbox AFTER UPDATE OF completed_at ON survey
WHEN (SELECT applying FROM sync_flag) = 0 AND old.completed_at IS NULL
     AND new.completed_at IS NOT NULL
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES (new.id, 'survey', new.id, 'create', '{}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER recommendation_outbox AFTER INSERT ON recommendation
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES (new.id, 'recommendation', new.id, 'create', '{}',
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER recommendation_update_outbox AFTER UPDATE ON recommendation
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES ((SELECT id FROM sync_new_uuid), 'recommendation', new.id, 'update',
            json_object('qty', json_array(old.qty, new.qty),
                        'reason', json_array(old.reason, new.reason),
                        'agreed', json_array(old.agreed, new.agreed)),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER recommendation_delete_outbox AFTER DELETE ON recommendation
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES ((SELECT id FROM sync_new_uuid), 'recommendation', old.id, 'delete', '{}',
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

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
                        'notes', json_array(old.notes, new.notes)),
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
                        'fitted', json_array(old.fitted, new.fitted)),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER stock_movement_outbox AFTER INSERT ON stock_movement
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES (new.id, 'stock_movement', new.id, 'create', '{}',
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
