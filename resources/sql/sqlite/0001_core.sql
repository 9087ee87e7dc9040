-- SaferHomes local schema, version 1: the core tables of DESIGN.md section 3.
-- Ids are UUID text made on the device; times are ISO 8601 UTC text.

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE area (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    target_homes INTEGER NOT NULL DEFAULT 0 CHECK (target_homes >= 0),
    budget_pence INTEGER NOT NULL DEFAULT 0 CHECK (budget_pence >= 0),
    created_at TEXT NOT NULL
);

CREATE TABLE app_user (
    id TEXT PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('volunteer', 'officer', 'fitter', 'coordinator',
                                       'manager', 'admin')),
    created_at TEXT NOT NULL
);

CREATE TABLE user_area (
    user_id TEXT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    area_id TEXT NOT NULL REFERENCES area (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, area_id)
);

-- Households and residents keep an integer row key (rid) as the table's own key, so bulk
-- inserts append instead of landing at random places in a UUID-ordered tree; the UUID is what
-- every other table and the central database refer to.
CREATE TABLE household (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    uprn TEXT UNIQUE CHECK (uprn IS NULL OR (length(uprn) BETWEEN 1 AND 12
                                             AND uprn NOT GLOB '*[^0-9]*')),
    address_line1 TEXT NOT NULL CHECK (length(trim(address_line1)) > 0),
    address_line2 TEXT NOT NULL DEFAULT '',
    town TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL,
    latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN 49.8 AND 60.95),
    longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -8.7 AND 1.8),
    area_id TEXT REFERENCES area (id),
    eligibility TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'identified'
        CHECK (status IN ('identified', 'contacted', 'surveyed', 'accepted', 'scheduled',
                          'installed', 'followed_up', 'declined', 'not_eligible',
                          'unreachable', 'moved_away')),
    priority INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 9),
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX household_area ON household (area_id);

CREATE TABLE resident (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    household_id TEXT NOT NULL REFERENCES household (id) ON DELETE CASCADE,
    name TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    preferred_contact TEXT NOT NULL DEFAULT ''
        CHECK (preferred_contact IN ('', 'phone', 'email', 'letter', 'visit')),
    language TEXT NOT NULL DEFAULT '',
    access_needs TEXT NOT NULL DEFAULT '',
    is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    created_at TEXT NOT NULL
);
-- At most one primary resident per household is kept by HouseholdRepository.
CREATE INDEX resident_household ON resident (household_id, is_primary);

CREATE TABLE visit (
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES household (id),
    at TEXT NOT NULL,
    by_user TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('no_answer', 'declined', 'accepted',
                                             'not_eligible', 'revisit_requested',
                                             'moved_away')),
    reason TEXT NOT NULL DEFAULT '',
    revisit_at TEXT,
    notes TEXT NOT NULL DEFAULT '',
    supersedes TEXT REFERENCES visit (id)
);
CREATE INDEX visit_household ON visit (household_id, at);

CREATE TABLE attachment (
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES household (id),
    kind TEXT NOT NULL CHECK (kind IN ('photo', 'signature', 'document')),
    mime_type TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    bytes BLOB NOT NULL,
    created_at TEXT NOT NULL,
    by_user TEXT NOT NULL
);
CREATE INDEX attachment_household ON attachment (household_id);

CREATE TABLE consent (
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES household (id),
    resident_id TEXT REFERENCES resident (id),
    purpose TEXT NOT NULL CHECK (purpose IN ('survey_fitting', 'partner_sharing', 'photos',
                                             'evaluation')),
    wording_version TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('signature', 'verbal_witnessed', 'refused')),
    witness TEXT NOT NULL DEFAULT '',
    signature_attachment_id TEXT REFERENCES attachment (id),
    recorded_by TEXT NOT NULL,
    given_at TEXT NOT NULL,
    withdrawn_at TEXT
);
CREATE INDEX consent_household ON consent (household_id, purpose);

CREATE TABLE survey (
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES household (id),
    visit_id TEXT REFERENCES visit (id),
    definition_version TEXT NOT NULL,
    answers TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(answers)),
    started_at TEXT NOT NULL,
    completed_at TEXT,
    by_user TEXT NOT NULL,
    supersedes TEXT REFERENCES survey (id)
);
CREATE INDEX survey_household ON survey (household_id);

CREATE TABLE equipment_type (
    code TEXT PRIMARY KEY CHECK (code GLOB '[A-Z]*' AND code NOT GLOB '*[^A-Z0-9_]*'),
    name TEXT NOT NULL,
    standard TEXT NOT NULL DEFAULT '',
    unit_cost_pence INTEGER NOT NULL CHECK (unit_cost_pence >= 0),
    fit_minutes INTEGER NOT NULL CHECK (fit_minutes >= 0),
    skill TEXT NOT NULL CHECK (skill IN ('locks', 'alarms', 'electrical', 'general'))
);

CREATE TABLE recommendation (
    id TEXT PRIMARY KEY,
    survey_id TEXT NOT NULL REFERENCES survey (id),
    equipment_code TEXT NOT NULL REFERENCES equipment_type (code),
    qty INTEGER NOT NULL CHECK (qty > 0),
    reason TEXT NOT NULL DEFAULT '',
    agreed INTEGER NOT NULL DEFAULT 0 CHECK (agreed IN (0, 1))
);
CREATE INDEX recommendation_survey ON recommendation (survey_id);

CREATE TABLE fitter (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    skills TEXT NOT NULL DEFAULT '',
    start_latitude REAL,
    start_longitude REAL,
    shift_start TEXT NOT NULL DEFAULT '08:00',
    shift_end TEXT NOT NULL DEFAULT '16:30',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE job (
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES household (id),
    survey_id TEXT REFERENCES survey (id),
    fitter_id TEXT REFERENCES fitter (id),
    status TEXT NOT NULL CHECK (status IN ('tentative', 'scheduled', 'completed', 'no_access',
                                           'cancelled')),
    scheduled_start TEXT,
    scheduled_end TEXT,
    completed_at TEXT,
    signed_off_by TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX job_household ON job (household_id);
CREATE INDEX job_fitter ON job (fitter_id, scheduled_start);

CREATE TABLE job_item (
    id TEXT PRIMARY KEY,
    job_id TEXT NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    equipment_code TEXT NOT NULL REFERENCES equipment_type (code),
    qty INTEGER NOT NULL CHECK (qty > 0),
    serial TEXT NOT NULL DEFAULT '',
    fitted INTEGER NOT NULL DEFAULT 0 CHECK (fitted IN (0, 1))
);
CREATE INDEX job_item_job ON job_item (job_id);

-- Append-only ledger: the stock level of an item is the sum of its movements.
CREATE TABLE stock_movement (
    id TEXT PRIMARY KEY,
    equipment_code TEXT NOT NULL REFERENCES equipment_type (code),
    qty_change INTEGER NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('received', 'reserved', 'released', 'fitted',
                                           'count_adjustment', 'returned')),
    job_id TEXT REFERENCES job (id),
    at TEXT NOT NULL,
    by_user TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stock_movement_code ON stock_movement (equipment_code);

-- Append-only record of every change: who, on which device, what was before and after.
CREATE TABLE audit_event (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user_name TEXT NOT NULL,
    device TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX audit_event_entity ON audit_event (entity, entity_id);

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER stock_movement_no_update BEFORE UPDATE ON stock_movement
BEGIN
    SELECT RAISE(ABORT, 'stock movements are append-only');
END;

CREATE TRIGGER stock_movement_no_delete BEFORE DELETE ON stock_movement
BEGIN
    SELECT RAISE(ABORT, 'stock movements are append-only');
END;

-- Quick-find over address, postcode and resident names; rowid is household.rid. Contentless
-- and without positions: it answers "which households have words starting so", and keeps no
-- second copy of personal data.
CREATE VIRTUAL TABLE household_fts USING fts5 (
    search_text,
    content = '',
    detail = none,
    tokenize = 'unicode61 remove_diacritics 2'
);
