-- SaferHomes central schema: the equipment catalogue's supplier code and re-order level (DESIGN.md
-- section 8, issue 13; local schema 0012_catalogue.sql). Every role reads the whole catalogue
-- (0002 grants SELECT on the table), so the new columns reach every device with the rest.
ALTER TABLE equipment_type ADD COLUMN supplier_code text NOT NULL DEFAULT '';
ALTER TABLE equipment_type ADD COLUMN reorder_level integer NOT NULL DEFAULT 0
    CHECK (reorder_level >= 0);
