-- SaferHomes central schema, version 1: the tables of the local store (DESIGN.md section 3) on
-- PostgreSQL 15, with what the sync needs (section 7). Who may see and write what is in
-- 0002_access.sql. Applied by `saferhomes-cli admin init-server`, which records the version in
-- schema_info.
--
-- Every synced table carries row_version (1 on insert, +1 on every update) and txid, the id of
-- the transaction that last wrote the row (pg_current_xact_id()), both set by the trigger
-- sh_stamp_row whatever the client sent. A pull reads rows by txid range, paged by (txid, id),
-- so each synced table has an index on exactly that. Nothing is deleted: soft deletes set
-- deleted_at and leave a tombstone that devices pull; visits, consents, surveys, stock
-- movements and audit events are insert-only (a correction is a new row).

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- One row: the schema version (the number of the last migration applied) and the oldest
-- client version this server still accepts.
CREATE TABLE schema_info (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    schema_version integer NOT NULL CHECK (schema_version >= 0),
    min_client_version text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO schema_info (schema_version, min_client_version) VALUES (0, '0.1.0');

CREATE FUNCTION sh_stamp_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.txid := pg_current_xact_id();
    IF TG_OP = 'INSERT' THEN
        NEW.row_version := 1;
    ELSE
        NEW.row_version := OLD.row_version + 1;
    END IF;
    RETURN NEW;
END;
$$;

-- Raised for UPDATE, DELETE and TRUNCATE on the ledgers, for every role including the owner
-- and superusers: no grant is the first guard, this is the second.
CREATE FUNCTION sh_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TABLE area (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL UNIQUE CHECK (btrim(name) <> ''),
    target_homes integer NOT NULL DEFAULT 0 CHECK (target_homes >= 0),
    budget_pence bigint NOT NULL DEFAULT 0 CHECK (budget_pence >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX area_txid ON area (txid, id);

-- One row per person; login is their PostgreSQL login role (current_user), which is how the
-- policies find who is asking.
CREATE TABLE app_user (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    login text NOT NULL UNIQUE CHECK (login ~ '^[a-z][a-z0-9_]{0,62}$'),
    display_name text NOT NULL,
    role text NOT NULL CHECK (role IN ('volunteer', 'officer', 'fitter', 'coordinator',
                                       'manager', 'admin')),
    created_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX app_user_txid ON app_user (txid, id);

-- The areas a person works in. A removed assignment keeps its row (deleted_at) so that the
-- person's devices learn of it and drop the area's rows.
CREATE TABLE user_area (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES app_user (id),
    area_id uuid NOT NULL REFERENCES area (id),
    deleted_at timestamptz,
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    UNIQUE (user_id, area_id)
);
CREATE INDEX user_area_txid ON user_area (txid, id);

CREATE TABLE household (
    id uuid PRIMARY KEY,
    uprn text UNIQUE CHECK (uprn ~ '^[0-9]{1,12}$'),
    address_line1 text NOT NULL CHECK (btrim(address_line1) <> ''),
    address_line2 text NOT NULL DEFAULT '',
    town text NOT NULL DEFAULT '',
    postcode text NOT NULL,
    latitude double precision CHECK (latitude BETWEEN 49.8 AND 60.95),
    longitude double precision CHECK (longitude BETWEEN -8.7 AND 1.8),
    area_id uuid REFERENCES area (id),
    eligibility text NOT NULL DEFAULT '',
    status text NOT NULL DEFAULT 'identified'
        CHECK (status IN ('identified', 'contacted', 'surveyed', 'accepted', 'scheduled',
                          'installed', 'followed_up', 'declined', 'not_eligible',
                          'unreachable', 'moved_away')),
    priority smallint NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 9),
    notes text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    -- Set by GDPR erasure, which blanks the personal data and leaves this row as the tombstone.
    erased_at timestamptz,
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX household_area ON household (area_id);
CREATE INDEX household_txid ON household (txid, id);

-- Personal data, kept apart from the household so that roles can be given one without the other.
CREATE TABLE resident (
    id uuid PRIMARY KEY,
    household_id uuid NOT NULL REFERENCES household (id),
    name text NOT NULL DEFAULT '',
    phone text NOT NULL DEFAULT '',
    email text NOT NULL DEFAULT '',
    preferred_contact text NOT NULL DEFAULT ''
        CHECK (preferred_contact IN ('', 'phone', 'email', 'letter', 'visit')),
    language text NOT NULL DEFAULT '',
    access_needs text NOT NULL DEFAULT '',
    is_primary boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    erased_at timestamptz,
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX resident_household ON resident (household_id);
CREATE INDEX resident_txid ON resident (txid, id);

CREATE TABLE visit (
    id uuid PRIMARY KEY,
    household_id uuid NOT NULL REFERENCES household (id),
    at timestamptz NOT NULL,
    by_user text NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('no_answer', 'declined', 'accepted',
                                             'not_eligible', 'revisit_requested',
                                             'moved_away')),
    reason text NOT NULL DEFAULT '',
    revisit_at timestamptz,
    notes text NOT NULL DEFAULT '',
    supersedes uuid REFERENCES visit (id),
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX visit_household ON visit (household_id, at);
CREATE INDEX visit_txid ON visit (txid, id);

CREATE TABLE attachment (
    id uuid PRIMARY KEY,
    household_id uuid NOT NULL REFERENCES household (id),
    kind text NOT NULL CHECK (kind IN ('photo', 'signature', 'document')),
    mime_type text NOT NULL,
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    bytes bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    by_user text NOT NULL,
    deleted_at timestamptz,
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX attachment_household ON attachment (household_id);
CREATE INDEX attachment_txid ON attachment (txid, id);

CREATE TABLE consent (
    id uuid PRIMARY KEY,
    household_id uuid NOT NULL REFERENCES household (id),
    resident_id uuid REFERENCES resident (id),
    purpose text NOT NULL CHECK (purpose IN ('survey_fitting', 'partner_sharing', 'photos',
                                             'evaluation')),
    wording_version text NOT NULL,
    method text NOT NULL CHECK (method IN ('signature', 'verbal_witnessed', 'refused')),
    witness text NOT NULL DEFAULT '',
    signature_attachment_id uuid REFERENCES attachment (id),
    recorded_by text NOT NULL,
    given_at timestamptz NOT NULL,
    withdrawn_at timestamptz,
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX consent_household ON consent (household_id, purpose);
CREATE INDEX consent_txid ON consent (txid, id);

CREATE TABLE survey (
    id uuid PRIMARY KEY,
    household_id uuid NOT NULL REFERENCES household (id),
    visit_id uuid REFERENCES visit (id),
    definition_version text NOT NULL,
    answers jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(answers) = 'object'),
    started_at timestamptz NOT NULL,
    completed_at timestamptz,
    by_user text NOT NULL,
    supersedes uuid REFERENCES survey (id),
    draft_position text NOT NULL DEFAULT '',
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX survey_household ON survey (household_id);
CREATE INDEX survey_txid ON survey (txid, id);

-- The catalogue is keyed by its code, as in the local store; the code is what surveys, jobs
-- and the stock ledger refer to.
CREATE TABLE equipment_type (
    code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    name text NOT NULL,
    standard text NOT NULL DEFAULT '',
    unit_cost_pence integer NOT NULL CHECK (unit_cost_pence >= 0),
    fit_minutes integer NOT NULL CHECK (fit_minutes >= 0),
    skill text NOT NULL CHECK (skill IN ('locks', 'alarms', 'electrical', 'general')),
    deleted_at timestamptz,
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX equipment_type_txid ON equipment_type (txid, code);

CREATE TABLE recommendation (
    id uuid PRIMARY KEY,
    survey_id uuid NOT NULL REFERENCES survey (id),
    equipment_code text NOT NULL REFERENCES equipment_type (code),
    qty integer NOT NULL CHECK (qty > 0),
    reason text NOT NULL DEFAULT '',
    agreed boolean NOT NULL DEFAULT false,
    deleted_at timestamptz,
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX recommendation_survey ON recommendation (survey_id);
CREATE INDEX recommendation_txid ON recommendation (txid, id);

-- user_id links a fitter to their login, so that the policies can show them their own jobs.
CREATE TABLE fitter (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid UNIQUE REFERENCES app_user (id),
    name text NOT NULL,
    skills text NOT NULL DEFAULT '',
    start_latitude double precision,
    start_longitude double precision,
    shift_start time NOT NULL DEFAULT '08:00',
    shift_end time NOT NULL DEFAULT '16:30',
    active boolean NOT NULL DEFAULT true,
    deleted_at timestamptz,
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX fitter_txid ON fitter (txid, id);

CREATE TABLE job (
    id uuid PRIMARY KEY,
    household_id uuid NOT NULL REFERENCES household (id),
    survey_id uuid REFERENCES survey (id),
    fitter_id uuid REFERENCES fitter (id),
    status text NOT NULL CHECK (status IN ('tentative', 'scheduled', 'completed', 'no_access',
                                           'cancelled')),
    scheduled_start timestamptz,
    scheduled_end timestamptz,
    completed_at timestamptz,
    signed_off_by text NOT NULL DEFAULT '',
    notes text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    CHECK ((scheduled_start IS NULL) = (scheduled_end IS NULL)),
    CHECK (scheduled_end > scheduled_start),
    -- The server decides bookings (DESIGN section 7): a fitter is never in two places at once.
    -- Tentative jobs count, so an offline booking that clashes is refused when it arrives.
    CONSTRAINT job_fitter_not_double_booked EXCLUDE USING gist (
        fitter_id WITH =,
        tstzrange(scheduled_start, scheduled_end, '[)') WITH &&
    ) WHERE (status <> 'cancelled' AND deleted_at IS NULL AND fitter_id IS NOT NULL
             AND scheduled_start IS NOT NULL)
);
CREATE INDEX job_household ON job (household_id);
CREATE INDEX job_fitter ON job (fitter_id, scheduled_start);
CREATE INDEX job_txid ON job (txid, id);

CREATE TABLE job_item (
    id uuid PRIMARY KEY,
    job_id uuid NOT NULL REFERENCES job (id),
    equipment_code text NOT NULL REFERENCES equipment_type (code),
    qty integer NOT NULL CHECK (qty > 0),
    serial text NOT NULL DEFAULT '',
    fitted boolean NOT NULL DEFAULT false,
    deleted_at timestamptz,
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX job_item_job ON job_item (job_id);
CREATE INDEX job_item_txid ON job_item (txid, id);

-- Append-only ledger: the stock level of an item is the sum of its movements; a stock count
-- is a count_adjustment movement, so concurrent counts compose instead of overwriting.
CREATE TABLE stock_movement (
    id uuid PRIMARY KEY,
    equipment_code text NOT NULL REFERENCES equipment_type (code),
    qty_change integer NOT NULL,
    reason text NOT NULL CHECK (reason IN ('received', 'reserved', 'released', 'fitted',
                                           'count_adjustment', 'returned')),
    job_id uuid REFERENCES job (id),
    at timestamptz NOT NULL DEFAULT now(),
    by_user text NOT NULL DEFAULT current_user,
    note text NOT NULL DEFAULT '',
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX stock_movement_code ON stock_movement (equipment_code);
CREATE INDEX stock_movement_txid ON stock_movement (txid, id);

-- Append-only record of every change. household_id (when the change belongs to a household)
-- lets the policies show people the history of the households they can see, and nothing else.
CREATE TABLE audit_event (
    id uuid PRIMARY KEY,
    at timestamptz NOT NULL,
    user_name text NOT NULL DEFAULT current_user,
    device text NOT NULL,
    entity text NOT NULL,
    entity_id text NOT NULL,
    household_id uuid REFERENCES household (id),
    field text NOT NULL,
    old_value text,
    new_value text,
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX audit_event_entity ON audit_event (entity, entity_id);
CREATE INDEX audit_event_household ON audit_event (household_id);
CREATE INDEX audit_event_txid ON audit_event (txid, id);

-- Every pushed operation, by its device-made id: a batch sent again after a lost answer finds
-- its ops here and gets the stored results back instead of applying them twice.
CREATE TABLE applied_ops (
    op_id uuid PRIMARY KEY,
    user_name text NOT NULL DEFAULT current_user,
    result jsonb NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER area_stamp BEFORE INSERT OR UPDATE ON area
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();
CREATE TRIGGER app_user_stamp BEFORE INSERT OR UPDATE ON app_user
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();
CREATE TRIGGER user_area_stamp BEFORE INSERT OR UPDATE ON user_area
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();
CREATE TRIGGER household_stamp BEFORE INSERT OR UPDATE ON household
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();
CREATE TRIGGER resident_stamp BEFORE INSERT OR UPDATE ON resident
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();
CREATE TRIGGER visit_stamp BEFORE INSERT OR UPDATE ON visit
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();
CREATE TRIGGER attachment_stamp BEFORE INSERT OR UPDATE ON attachment
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();
CREATE TRIGGER consent_stamp BEFORE INSERT OR UPDATE ON consent
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();
CREATE TRIGGER survey_stamp BEFORE INSERT OR UPDATE ON survey
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();
CREATE TRIGGER equipment_type_stamp BEFORE INSERT OR UPDATE ON equipment_type
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();
CREATE TRIGGER recommendation_stamp BEFORE INSERT OR UPDATE ON recommendation
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();
CREATE TRIGGER fitter_stamp BEFORE INSERT OR UPDATE ON fitter
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();
CREATE TRIGGER job_stamp BEFORE INSERT OR UPDATE ON job
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();
CREATE TRIGGER job_item_stamp BEFORE INSERT OR UPDATE ON job_item
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();
CREATE TRIGGER stock_movement_stamp BEFORE INSERT ON stock_movement
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();
CREATE TRIGGER audit_event_stamp BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();

CREATE TRIGGER stock_movement_append_only BEFORE UPDATE OR DELETE ON stock_movement
    FOR EACH ROW EXECUTE FUNCTION sh_append_only();
CREATE TRIGGER stock_movement_no_truncate BEFORE TRUNCATE ON stock_movement
    FOR EACH STATEMENT EXECUTE FUNCTION sh_append_only();
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION sh_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION sh_append_only();
