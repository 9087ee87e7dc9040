-- SaferHomes local schema: the equipment catalogue an admin keeps (DESIGN.md section 8, issue
-- 13): who supplies an item (the supplier's own code for re-ordering) and the level below which
-- the stock screens ask for more. Both sync with the rest of the catalogue (central schema
-- 0011_catalogue.sql; model/sync/syncedtables.cpp names them).
ALTER TABLE equipment_type ADD COLUMN supplier_code TEXT NOT NULL DEFAULT '';
ALTER TABLE equipment_type ADD COLUMN reorder_level INTEGER NOT NULL DEFAULT 0
    CHECK (reorder_level >= 0);
