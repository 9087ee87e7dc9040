-- SaferHomes local schema: catalogue edits reach the central database (DESIGN.md sections 7 and
-- 8, issue 13; central schema 0014_stock_guard.sql).
--
-- A coordinator's or admin's change to the equipment catalogue now makes an outbox op by
-- trigger, like every other synced record: create (the row is read when it is pushed), update
-- ({column: [old, new]}) and delete, each naming the item by its code (outbox.entity_id). The
-- outbox's CHECK on entity names the catalogue too, which SQLite cannot change in place: the
-- table is copied out, made again and copied back (no rename, so the triggers that write to
-- it stay as they are; its own two stock triggers and its index are made again).

CREATE TABLE outbox_saved AS SELECT * FROM outbox;
DROP TABLE outbox;
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL,
    entity TEXT NOT NULL CHECK (entity IN ('household', 'resident', 'visit', 'attachment',
                                           'consent', 'survey', 'recommendation', 'job',
                                           'job_item', 'stock_movement', 'equipment_type')),
    entity_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('create', 'update', 'delete')),
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    created_at TEXT NOT NULL,
    rejected_at TEXT,
    rejected_reason TEXT
);
INSERT INTO outbox SELECT * FROM outbox_saved;
DROP TABLE outbox_saved;
CREATE INDEX outbox_pending ON outbox (seq) WHERE rejected_at IS NULL;

-- As in 0010: a movement the central database refused leaves the levels, and comes back into
-- them if its op is sent again.
CREATE TRIGGER stock_movement_refused AFTER UPDATE OF rejected_at ON outbox
WHEN new.entity = 'stock_movement' AND old.rejected_at IS NULL AND new.rejected_at IS NOT NULL
BEGIN
    UPDATE stock_level
    SET on_hand = on_hand - (SELECT qty_change FROM stock_movement WHERE id = new.entity_id),
        reserved = reserved - (SELECT reserved_change FROM stock_movement WHERE id = new.entity_id)
    WHERE (equipment_code, location)
        = (SELECT equipment_code, location FROM stock_movement WHERE id = new.entity_id);
END;

CREATE TRIGGER stock_movement_retried AFTER UPDATE OF rejected_at ON outbox
WHEN new.entity = 'stock_movement' AND old.rejected_at IS NOT NULL AND new.rejected_at IS NULL
BEGIN
    UPDATE stock_level
    SET on_hand = on_hand + (SELECT qty_change FROM stock_movement WHERE id = new.entity_id),
        reserved = reserved + (SELECT reserved_change FROM stock_movement WHERE id = new.entity_id)
    WHERE (equipment_code, location)
        = (SELECT equipment_code, location FROM stock_movement WHERE id = new.entity_id);
END;

CREATE TRIGGER equipment_type_outbox AFTER INSERT ON equipment_type
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES ((SELECT id FROM sync_new_uuid), 'equipment_type', new.code, 'create', '{}',
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER equipment_type_update_outbox AFTER UPDATE ON equipment_type
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES ((SELECT id FROM sync_new_uuid), 'equipment_type', new.code, 'update',
            json_object('name', json_array(old.name, new.name),
                        'standard', json_array(old.standard, new.standard),
                        'unit_cost_pence', json_array(old.unit_cost_pence, new.unit_cost_pence),
                        'fit_minutes', json_array(old.fit_minutes, new.fit_minutes),
                        'skill', json_array(old.skill, new.skill),
                        'supplier_code', json_array(old.supplier_code, new.supplier_code),
                        'reorder_level', json_array(old.reorder_level, new.reorder_level)),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER equipment_type_delete_outbox AFTER DELETE ON equipment_type
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES ((SELECT id FROM sync_new_uuid), 'equipment_type', old.code, 'delete', '{}',
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
