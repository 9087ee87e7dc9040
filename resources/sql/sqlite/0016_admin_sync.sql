-- SaferHomes local schema: budgets and frozen quarterly returns sync, and a fitted item keeps
-- the unit cost it was fitted at (DESIGN.md sections 7 and 9, issue 14; central schema
-- 0015_admin_sync.sql).
--
-- The outbox takes two new entities, which SQLite cannot add to its CHECK in place: the table is
-- rebuilt. Every record table's outbox trigger names the outbox in its body; with the legacy
-- rename the new table takes the old one's name without SQLite re-checking those bodies against
-- a schema that has, for a moment, no outbox. The triggers on the outbox itself go with the old
-- table and are made again below; so does its AUTOINCREMENT counter, so that no seq is reused.
PRAGMA legacy_alter_table = ON;

CREATE TABLE outbox_v15 (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL,
    entity TEXT NOT NULL CHECK (entity IN ('household', 'resident', 'visit', 'attachment',
                                           'consent', 'survey', 'recommendation', 'job',
                                           'job_item', 'stock_movement', 'equipment_type',
                                           'area_budget', 'frozen_return')),
    entity_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('create', 'update', 'delete')),
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    created_at TEXT NOT NULL,
    rejected_at TEXT,
    rejected_reason TEXT
);
INSERT INTO outbox_v15 (seq, op_id, entity, entity_id, kind, payload, created_at, rejected_at,
                        rejected_reason)
SELECT seq, op_id, entity, entity_id, kind, payload, created_at, rejected_at, rejected_reason
FROM outbox;
DELETE FROM sqlite_sequence WHERE name = 'outbox_v15';
INSERT INTO sqlite_sequence (name, seq)
SELECT 'outbox_v15', seq FROM sqlite_sequence WHERE name = 'outbox';
DROP TABLE outbox;
ALTER TABLE outbox_v15 RENAME TO outbox;
CREATE INDEX outbox_pending ON outbox (seq) WHERE rejected_at IS NULL;

-- As in 0010_stock.sql (and 0015_stock_guard.sql, which made the outbox again for the catalogue).
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

-- Budgets. An edit sends the area by name (areas match by name between devices), the year, and
-- old and new amounts: the server sets the (area, year) budget where it still has the old
-- amount and otherwise keeps its own and reports a conflict (sh_set_budget). A first budget of
-- an area and year has no old amounts.
CREATE TRIGGER area_budget_outbox AFTER INSERT ON area_budget
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES ((SELECT id FROM sync_new_uuid), 'area_budget', new.id, 'update',
            json_object('area', (SELECT name FROM area WHERE id = new.area_id),
                        'financial_year', new.financial_year,
                        'capital_pence', json_array(NULL, new.capital_pence),
                        'revenue_pence', json_array(NULL, new.revenue_pence)),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER area_budget_update_outbox AFTER UPDATE ON area_budget
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES ((SELECT id FROM sync_new_uuid), 'area_budget', new.id, 'update',
            json_object('area', (SELECT name FROM area WHERE id = new.area_id),
                        'financial_year', new.financial_year,
                        'capital_pence', json_array(old.capital_pence, new.capital_pence),
                        'revenue_pence', json_array(old.revenue_pence, new.revenue_pence)),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

-- The server's row for an area and year replaces this device's, whatever id either has (two
-- devices may each have made the first budget of a year before they synced).
CREATE TRIGGER area_budget_pulled BEFORE INSERT ON area_budget
WHEN (SELECT applying FROM sync_flag) = 1
BEGIN
    DELETE FROM area_budget
    WHERE area_id = new.area_id AND financial_year = new.financial_year AND id <> new.id;
END;

-- A budget edit the server refused (a role that may not set budgets, an area it does not
-- know) is undone here, unless the budget was edited again since: the device shows what the
-- scheme's budget is, and the refusal stays listed with the other refused changes. The next
-- edit of the same budget, if any, then changes it from what this one changed it from (the
-- refused one never happened on the server), so that refusing it too undoes both.
CREATE TRIGGER area_budget_refused AFTER UPDATE OF rejected_at ON outbox
WHEN new.entity = 'area_budget' AND old.rejected_at IS NULL AND new.rejected_at IS NOT NULL
BEGIN
    UPDATE outbox
    SET payload = json_set(payload,
                           '$.capital_pence[0]', json_extract(new.payload, '$.capital_pence[0]'),
                           '$.revenue_pence[0]', json_extract(new.payload, '$.revenue_pence[0]'))
    WHERE seq = (SELECT min(o.seq) FROM outbox o
                 WHERE o.entity = 'area_budget' AND o.entity_id = new.entity_id
                   AND o.seq > new.seq AND o.rejected_at IS NULL);
    UPDATE sync_flag SET applying = 1;
    DELETE FROM area_budget
    WHERE id = new.entity_id AND json_extract(new.payload, '$.capital_pence[0]') IS NULL
      AND capital_pence = json_extract(new.payload, '$.capital_pence[1]')
      AND revenue_pence = json_extract(new.payload, '$.revenue_pence[1]');
    UPDATE area_budget
    SET capital_pence = json_extract(new.payload, '$.capital_pence[0]'),
        revenue_pence = json_extract(new.payload, '$.revenue_pence[0]')
    WHERE id = new.entity_id AND json_extract(new.payload, '$.capital_pence[0]') IS NOT NULL
      AND capital_pence = json_extract(new.payload, '$.capital_pence[1]')
      AND revenue_pence = json_extract(new.payload, '$.revenue_pence[1]');
    UPDATE sync_flag SET applying = 0;
END;

-- Frozen returns. The central copy is append-only, like this one. A period frozen on two
-- devices before either synced keeps both copies, each with its own hash (neither is ever
-- changed or deleted): the period's return is the first frozen (frozen_at, then id), and the
-- others are later versions. A device still refuses to freeze a period it already holds a
-- frozen return of. So the period is no longer UNIQUE here: the table is rebuilt.
DROP TRIGGER frozen_return_unchanged;
DROP TRIGGER frozen_return_kept;
CREATE TABLE frozen_return_v15 (
    id TEXT PRIMARY KEY,
    period TEXT NOT NULL,
    document BLOB NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    frozen_at TEXT NOT NULL,
    frozen_by TEXT NOT NULL
);
INSERT INTO frozen_return_v15 (id, period, document, sha256, frozen_at, frozen_by)
SELECT id, period, document, sha256, frozen_at, frozen_by FROM frozen_return;
DROP TABLE frozen_return;
ALTER TABLE frozen_return_v15 RENAME TO frozen_return;
CREATE INDEX frozen_return_period ON frozen_return (period, frozen_at, id);

CREATE TRIGGER frozen_return_unchanged BEFORE UPDATE ON frozen_return
BEGIN
    SELECT RAISE(ABORT, 'a frozen return is never changed');
END;

CREATE TRIGGER frozen_return_kept BEFORE DELETE ON frozen_return
BEGIN
    SELECT RAISE(ABORT, 'a frozen return is never deleted');
END;

CREATE TRIGGER frozen_return_outbox AFTER INSERT ON frozen_return
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES (new.id, 'frozen_return', new.id, 'create', '{}',
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

PRAGMA legacy_alter_table = OFF;

-- Spend is fitted quantity x unit cost. The unit cost is recorded on the item when the job is
-- completed, so a later catalogue price change does not rewrite past spend (nor a frozen
-- return's variance). Items fitted before this version have none: their spend is at the
-- catalogue's price, as before.
ALTER TABLE job_item ADD COLUMN unit_cost_pence INTEGER
    CHECK (unit_cost_pence IS NULL OR unit_cost_pence >= 0);

DROP TRIGGER job_item_update_outbox;
CREATE TRIGGER job_item_update_outbox AFTER UPDATE ON job_item
WHEN (SELECT applying FROM sync_flag) = 0
BEGIN
    INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at)
    VALUES ((SELECT id FROM sync_new_uuid), 'job_item', new.id, 'update',
            json_object('serial', json_array(old.serial, new.serial),
                        'fitted', json_array(old.fitted, new.fitted),
                        'fitted_qty', json_array(old.fitted_qty, new.fitted_qty),
                        'difference_reason',
                        json_array(old.difference_reason, new.difference_reason),
                        'unit_cost_pence',
                        json_array(old.unit_cost_pence, new.unit_cost_pence)),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

-- The dashboard's index of fitted items (0013) holds the recorded cost too, so that spend is
-- still read from the index alone.
DROP INDEX job_item_job_fitted;
CREATE INDEX job_item_job_fitted ON job_item (job_id, equipment_code, fitted_qty, unit_cost_pence);
