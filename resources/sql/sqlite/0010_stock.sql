-- SaferHomes local schema, version 10: the stock ledger in use (DESIGN.md section 8).
--
-- Each movement now says where it happened (`depot` or a fitter's id: their van), what it does
-- to the reserved quantity there as well as to what is on hand, and for a count what was
-- counted and what the ledger expected (so two devices' counts compose: the adjustment is
-- counted - expected at the time of the count). Transfers (an out and an in movement, each
-- naming the other in pair_id) and write-offs are new reasons, which SQLite cannot add to a
-- CHECK in place: the table is rebuilt (nothing refers to it; dropping a table fires no
-- trigger, and the rows are copied back before the outbox trigger exists, so no op is made).
--
-- stock_level is a summary kept by triggers: on hand and reserved per code and location, equal
-- to the sums over the ledger (a test checks it) so levels are read without summing a million
-- movements. Rows arriving by sync go through the same trigger. A movement whose op the central
-- database refused (outbox.rejected_at set) is taken out of the summary: the server's ledger is
-- the truth, the row stays here as history.
DROP TRIGGER stock_movement_no_update;
DROP TRIGGER stock_movement_no_delete;
DROP TRIGGER stock_movement_outbox;

CREATE TABLE stock_movement_saved AS SELECT * FROM stock_movement;
DROP TABLE stock_movement;

CREATE TABLE stock_movement (
    id TEXT PRIMARY KEY,
    equipment_code TEXT NOT NULL REFERENCES equipment_type (code),
    -- The change of what is on hand at location (negative: stock leaves it).
    qty_change INTEGER NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('received', 'transferred', 'reserved', 'released',
                                           'fitted', 'count_adjustment', 'returned',
                                           'written_off')),
    job_id TEXT REFERENCES job (id),
    at TEXT NOT NULL,
    by_user TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT 'depot',
    -- The change of what is reserved at location for jobs.
    reserved_change INTEGER NOT NULL DEFAULT 0,
    -- A count: what was counted, and what the ledger said was on hand then.
    counted INTEGER CHECK (counted IS NULL OR counted >= 0),
    expected INTEGER,
    -- A transfer: the other half (the movement out of, or into, the other location).
    pair_id TEXT
);
INSERT INTO stock_movement (id, equipment_code, qty_change, reason, job_id, at, by_user, note)
SELECT id, equipment_code, qty_change, reason, job_id, at, by_user, note
FROM stock_movement_saved;
DROP TABLE stock_movement_saved;
CREATE INDEX stock_movement_code ON stock_movement (equipment_code, at);
CREATE INDEX stock_movement_job ON stock_movement (job_id) WHERE job_id IS NOT NULL;

CREATE TABLE stock_level (
    equipment_code TEXT NOT NULL,
    location TEXT NOT NULL,
    on_hand INTEGER NOT NULL DEFAULT 0,
    reserved INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (equipment_code, location)
) WITHOUT ROWID;
INSERT INTO stock_level (equipment_code, location, on_hand, reserved)
SELECT equipment_code, location, sum(qty_change), sum(reserved_change)
FROM stock_movement GROUP BY equipment_code, location;

CREATE TRIGGER stock_movement_no_update BEFORE UPDATE ON stock_movement
BEGIN
    SELECT RAISE(ABORT, 'stock movements are append-only');
END;

CREATE TRIGGER stock_movement_no_delete BEFORE DELETE ON stock_movement
BEGIN
    SELECT RAISE(ABORT, 'stock movements are append-only');
END;

CREATE TRIGGER stock_movement_outbox AFTER INSERT ON stock_movement
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES (new.id, 'stock_movement', new.id, 'create', '{}',
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER stock_movement_level AFTER INSERT ON stock_movement
BEGIN
    INSERT OR IGNORE INTO stock_level (equipment_code, location)
    VALUES (new.equipment_code, new.location);
    UPDATE stock_level SET on_hand = on_hand + new.qty_change,
                           reserved = reserved + new.reserved_change
    WHERE equipment_code = new.equipment_code AND location = new.location;
END;

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
