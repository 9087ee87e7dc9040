-- SaferHomes local schema, version 3: what the sync with the central database needs
-- (DESIGN.md section 7).

-- Local changes not yet accepted by the central database, in the order they were made. Written
-- in the same transaction as the change itself. An update's payload is {field: [old, new]}
-- (fields by their import/export names, the area by its name). A household's create op has the
-- household's id as its op_id and an empty payload: the row (with its primary resident) is
-- read when it is pushed, so a bulk import writes little here. A resident's create op carries
-- the row. op_id is not declared UNIQUE (UUIDs; the central applied_ops is the authority):
-- its index would be most of this table's cost in a bulk import. An op the server refused stays
-- here with rejected_at and rejected_reason set: it is not pushed again and does not hold back
-- pulls, but it is not lost either (`sync conflicts` lists it).
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL,
    entity TEXT NOT NULL CHECK (entity IN ('household', 'resident')),
    entity_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('create', 'update')),
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    created_at TEXT NOT NULL,
    rejected_at TEXT,
    rejected_reason TEXT
);
CREATE INDEX outbox_pending ON outbox (seq) WHERE rejected_at IS NULL;

-- server (the URI last synced with), cursor (the xid8 watermark, as text), last_sync.
CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- A field both this device and someone else changed: the server kept its value.
CREATE TABLE sync_conflict (
    id INTEGER PRIMARY KEY,
    op_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    field TEXT NOT NULL,
    local_value TEXT,
    server_value TEXT,
    at TEXT NOT NULL,
    resolved_at TEXT
);
CREATE INDEX sync_conflict_open ON sync_conflict (at) WHERE resolved_at IS NULL;
