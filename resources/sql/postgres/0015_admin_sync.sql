-- SaferHomes central schema: budgets and frozen quarterly returns reach every device that shows
-- the figures, and a fitted item keeps the unit cost it was fitted at (DESIGN.md sections 7 and
-- 9, issue 14; local schema 0016_admin_sync.sql).
--
-- Budgets (0010): managers answer for spend against budget (DESIGN §1), so they set budgets as
-- admins do; officers and coordinators read them; volunteers and fitters neither. A device
-- sends an edit as an update op {area (by name), financial_year, capital_pence: [old, new],
-- revenue_pence: [old, new]}: areas match by name, and the server's row for an area and year is
-- the budget whatever id a device gave it. An amount is set where the server still has the old
-- one; otherwise the server's stands and the op reports a conflict, and the row is stamped again
-- so that the device pulls the server's amounts.
--
-- Frozen returns: managers (and admins) send theirs; managers and admins read them. The table is
-- append-only: never updated or deleted, by anyone. A period frozen on two devices before either
-- synced keeps both copies (versions; the period's return is the first frozen). A copy whose
-- bytes do not match its SHA-256 is refused on the way in, and devices check it again on pull.
--
-- Fitted items: job_item.unit_cost_pence, set by the device that completes the job.

-- Managers now push (budgets and frozen returns; 0003 and 0004 left them out: they had nothing
-- to send). Their other ops are refused by the grants and policies as before.
GRANT EXECUTE ON FUNCTION sh_push(jsonb), sh_apply_op(jsonb), sh_apply_op_v4(jsonb),
    sh_household_field(uuid, text), sh_set_household_field(uuid, text, text),
    sh_insert_record(text, uuid, jsonb), sh_update_record(text, uuid, jsonb),
    sh_delete_record(text, uuid)
    TO sh_manager;

GRANT INSERT, UPDATE ON area_budget TO sh_manager;
CREATE POLICY area_budget_manager ON area_budget TO sh_manager USING (true) WITH CHECK (true);

-- Sets one area's budget for one financial year from a device's op (see above); the conflicts,
-- as sh_apply_op reports them.
CREATE FUNCTION sh_set_budget(record_id uuid, payload jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
    budget_area uuid;
    budget_year integer := (payload->>'financial_year')::integer;
    budget record;
    field text;
    old_value bigint;
    new_value bigint;
    server_value bigint;
    changes jsonb := '{}';
    conflicts jsonb := '[]';
BEGIN
    IF NOT has_table_privilege('area_budget', 'UPDATE') THEN
        RAISE EXCEPTION 'only managers and admins set budgets, and % is neither', current_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT a.id INTO budget_area FROM area a
        WHERE a.name = payload->>'area' AND a.deleted_at IS NULL;
    IF budget_area IS NULL THEN
        RAISE EXCEPTION 'unknown area "%"', payload->>'area'
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    INSERT INTO area_budget (id, area_id, financial_year, capital_pence, revenue_pence)
    VALUES (record_id, budget_area, budget_year,
            coalesce((payload->'capital_pence'->>1)::bigint, 0),
            coalesce((payload->'revenue_pence'->>1)::bigint, 0))
    ON CONFLICT (area_id, financial_year) DO NOTHING;
    IF FOUND THEN
        RETURN conflicts; -- the first budget of the area and year
    END IF;
    SELECT b.id, b.capital_pence, b.revenue_pence INTO budget FROM area_budget b
        WHERE b.area_id = budget_area AND b.financial_year = budget_year FOR UPDATE;
    FOREACH field IN ARRAY ARRAY['capital_pence', 'revenue_pence'] LOOP
        CONTINUE WHEN NOT payload ? field;
        -- No old amount: the device had no budget for the year, which it shows as nothing.
        old_value := coalesce((payload->field->>0)::bigint, 0);
        new_value := (payload->field->>1)::bigint;
        server_value := CASE field WHEN 'capital_pence' THEN budget.capital_pence
                                   ELSE budget.revenue_pence END;
        IF new_value IS NULL OR server_value = new_value THEN
            CONTINUE;
        ELSIF server_value = old_value THEN
            changes := changes || jsonb_build_object(field, new_value);
        ELSE
            conflicts := conflicts || jsonb_build_array(jsonb_build_object(
                'field', field, 'local', new_value::text, 'server', server_value::text));
        END IF;
    END LOOP;
    IF changes <> '{}' OR conflicts <> '[]' THEN
        -- Also with nothing changed: a new txid sends the server's amounts back to the device.
        UPDATE area_budget SET
            capital_pence = coalesce((changes->>'capital_pence')::bigint, capital_pence),
            revenue_pence = coalesce((changes->>'revenue_pence')::bigint, revenue_pence),
            updated_at = now()
            WHERE id = budget.id;
    END IF;
    RETURN conflicts;
END;
$$;

CREATE TABLE frozen_return (
    id uuid PRIMARY KEY,
    period text NOT NULL CHECK (period ~ '^[0-9]{4}/[0-9]{2}-Q[1-4]$'),
    document bytea NOT NULL,
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    frozen_at timestamptz NOT NULL,
    frozen_by text NOT NULL,
    pushed_by text NOT NULL DEFAULT current_user,
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX frozen_return_txid ON frozen_return (txid, id);
CREATE INDEX frozen_return_period ON frozen_return (period, frozen_at, id);

CREATE TRIGGER frozen_return_stamp BEFORE INSERT ON frozen_return
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();

CREATE FUNCTION sh_frozen_return_intact() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF encode(sha256(NEW.document), 'hex') IS DISTINCT FROM NEW.sha256 THEN
        RAISE EXCEPTION 'the frozen return of % does not match its SHA-256 (%): it was altered '
                        'after it was frozen and is not the return that was submitted',
                        NEW.period, NEW.sha256
            USING ERRCODE = 'check_violation';
    END IF;
    NEW.pushed_by := current_user;
    RETURN NEW;
END;
$$;
CREATE TRIGGER frozen_return_intact BEFORE INSERT ON frozen_return
    FOR EACH ROW EXECUTE FUNCTION sh_frozen_return_intact();

CREATE FUNCTION sh_frozen_return_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a frozen return is never changed or deleted'
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER frozen_return_append_only BEFORE UPDATE OR DELETE ON frozen_return
    FOR EACH ROW EXECUTE FUNCTION sh_frozen_return_append_only();

GRANT SELECT, INSERT ON frozen_return TO sh_manager, sh_admin;
ALTER TABLE frozen_return ENABLE ROW LEVEL SECURITY;
ALTER TABLE frozen_return FORCE ROW LEVEL SECURITY;
CREATE POLICY frozen_return_read ON frozen_return FOR SELECT TO sh_manager, sh_admin
    USING (true);
CREATE POLICY frozen_return_insert ON frozen_return FOR INSERT TO sh_manager, sh_admin
    WITH CHECK (true);

ALTER TABLE job_item ADD COLUMN unit_cost_pence integer
    CHECK (unit_cost_pence IS NULL OR unit_cost_pence >= 0);
GRANT INSERT (unit_cost_pence), UPDATE (unit_cost_pence) ON job_item TO sh_fitter;

-- 0013's, with frozen_return and job_item.unit_cost_pence.
CREATE OR REPLACE FUNCTION sh_record_columns(entity text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE entity
        WHEN 'visit' THEN ARRAY['id', 'household_id', 'at', 'by_user', 'outcome', 'reason',
                                'revisit_at', 'notes', 'supersedes']
        WHEN 'attachment' THEN ARRAY['id', 'household_id', 'kind', 'mime_type', 'sha256',
                                     'bytes', 'created_at', 'by_user', 'job_id']
        WHEN 'consent' THEN ARRAY['id', 'household_id', 'resident_id', 'purpose',
                                  'wording_version', 'method', 'witness',
                                  'signature_attachment_id', 'recorded_by', 'given_at',
                                  'withdrawn_at']
        WHEN 'survey' THEN ARRAY['id', 'household_id', 'visit_id', 'definition_version',
                                 'answers', 'started_at', 'completed_at', 'by_user',
                                 'supersedes']
        WHEN 'recommendation' THEN ARRAY['id', 'survey_id', 'equipment_code', 'qty', 'reason',
                                         'agreed']
        WHEN 'job' THEN ARRAY['id', 'household_id', 'survey_id', 'fitter_id', 'status',
                              'scheduled_start', 'scheduled_end', 'completed_at',
                              'signed_off_by', 'notes', 'created_at', 'duration_minutes',
                              'pinned', 'sequence', 'revisit_of', 'availability',
                              'access_notes', 'pin_kind']
        WHEN 'job_item' THEN ARRAY['id', 'job_id', 'equipment_code', 'qty', 'serial', 'fitted',
                                   'fitted_qty', 'difference_reason', 'unit_cost_pence']
        WHEN 'stock_movement' THEN ARRAY['id', 'equipment_code', 'qty_change', 'reason',
                                         'job_id', 'at', 'by_user', 'note', 'location',
                                         'reserved_change', 'counted', 'expected', 'pair_id']
        WHEN 'frozen_return' THEN ARRAY['id', 'period', 'document', 'sha256', 'frozen_at',
                                        'frozen_by']
    END;
$$;

-- 0013's, with job_item.unit_cost_pence.
CREATE OR REPLACE FUNCTION sh_record_mutable(entity text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE entity
        WHEN 'consent' THEN ARRAY['withdrawn_at']
        WHEN 'recommendation' THEN ARRAY['qty', 'reason', 'agreed']
        WHEN 'job' THEN ARRAY['fitter_id', 'status', 'scheduled_start', 'scheduled_end',
                              'completed_at', 'signed_off_by', 'notes', 'duration_minutes',
                              'pinned', 'sequence', 'availability', 'access_notes',
                              'pin_kind']
        WHEN 'job_item' THEN ARRAY['serial', 'fitted', 'fitted_qty', 'difference_reason',
                                   'unit_cost_pence']
    END;
$$;

-- 0014's (the catalogue's ops to sh_apply_catalogue_op), with budget ops.
CREATE OR REPLACE FUNCTION sh_apply_op_v4(op jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
    entity text := op->>'entity';
    record_id uuid;
BEGIN
    IF entity = 'equipment_type' THEN
        RETURN sh_apply_catalogue_op(op);
    END IF;
    record_id := (op->>'entity_id')::uuid;
    IF entity IN ('household', 'resident') THEN
        RETURN sh_apply_op(op);
    ELSIF entity = 'area_budget' AND op->>'kind' = 'update' THEN
        RETURN jsonb_build_object('op_id', op->>'op_id', 'status', 'applied',
                                  'conflicts', sh_set_budget(record_id, op->'payload'));
    ELSIF op->>'kind' = 'create' THEN
        PERFORM sh_insert_record(entity, record_id, op->'payload');
    ELSIF op->>'kind' = 'update' THEN
        PERFORM sh_update_record(entity, record_id, op->'payload');
    ELSIF op->>'kind' = 'delete' THEN
        PERFORM sh_delete_record(entity, record_id);
    ELSE
        RAISE EXCEPTION 'unknown op % on %', op->>'kind', entity
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN jsonb_build_object('op_id', op->>'op_id', 'status', 'applied', 'conflicts', '[]'::jsonb);
END;
$$;

-- Managers push now: a catalogue op of theirs is refused by sh_apply_catalogue_op, as for
-- the other roles that may not write the catalogue, not failed for want of the grant.
GRANT EXECUTE ON FUNCTION sh_apply_catalogue_op(jsonb) TO sh_manager;

REVOKE EXECUTE ON FUNCTION sh_set_budget(uuid, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sh_set_budget(uuid, jsonb)
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager, sh_admin;

-- 0004's, with the two tables that sync now.
CREATE OR REPLACE FUNCTION sh_hello() RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
    info record;
    readable jsonb := '{}';
    tbl text;
    columns jsonb;
    areas jsonb;
    role text;
BEGIN
    PERFORM set_config('idle_in_transaction_session_timeout', '60s', false);
    -- Times travel as text in UTC ('2026-11-24 09:30:00.123456+00'), cheap to make and read.
    PERFORM set_config('TimeZone', 'UTC', false);
    SELECT s.schema_version, s.min_client_version INTO info FROM schema_info s;
    FOREACH tbl IN ARRAY ARRAY['area', 'household', 'resident', 'visit', 'attachment',
                               'consent', 'survey', 'equipment_type', 'recommendation',
                               'fitter', 'job', 'job_item', 'stock_movement', 'area_budget',
                               'frozen_return'] LOOP
        SELECT coalesce(jsonb_agg(a.attname ORDER BY a.attnum), '[]') INTO columns
            FROM pg_attribute a
            WHERE a.attrelid = tbl::regclass AND a.attnum > 0 AND NOT a.attisdropped
              AND has_column_privilege(tbl, a.attname, 'SELECT');
        readable := readable || jsonb_build_object(tbl, columns);
    END LOOP;
    SELECT g.rolname INTO role FROM pg_roles g
        WHERE g.rolname IN ('sh_admin', 'sh_manager', 'sh_coordinator', 'sh_officer',
                            'sh_volunteer', 'sh_fitter')
          AND pg_has_role(current_user, g.oid, 'MEMBER')
        ORDER BY array_position(ARRAY['sh_admin', 'sh_manager', 'sh_coordinator', 'sh_officer',
                                      'sh_volunteer', 'sh_fitter'], g.rolname::text)
        LIMIT 1;
    SELECT coalesce(jsonb_agg(jsonb_build_object('id', a.id::text, 'name', a.name)
                              ORDER BY a.name), '[]') INTO areas
        FROM user_area ua JOIN app_user u ON u.id = ua.user_id JOIN area a ON a.id = ua.area_id
        WHERE u.login = current_user AND u.deleted_at IS NULL AND ua.deleted_at IS NULL;
    RETURN jsonb_build_object('schema_version', info.schema_version,
                              'min_client_version', info.min_client_version,
                              'user', current_user, 'role', coalesce(role, ''),
                              'areas', areas, 'readable', readable);
END;
$$;
