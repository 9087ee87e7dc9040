-- SaferHomes central schema, version 4: every kind of record syncs; the version handshake;
-- GDPR erasure (DESIGN.md section 7).
--
-- New ops (see 0003_push.sql for the household and resident ones):
--   create  visit | attachment | consent | survey | recommendation | job | job_item |
--           stock_movement: payload is the row, column by column as the device stores it
--           (attachment bytes as bytea hex text '\x...'). Inserted as the caller, so the grants
--           and policies decide; a stock movement is always in the caller's name.
--   update  consent | recommendation | job | job_item: payload {column: [old, new]} for the
--           columns that may change. The server decides: when any changed column no longer
--           has the old value here, the whole op is refused and the device gets the server's
--           row on its next pull (jobs: a booking made offline is tentative until confirmed).
--   delete  recommendation | job_item: a soft delete (deleted_at), a no-op when the row never
--           arrived.

-- Package edits delete and re-add recommendations.
GRANT UPDATE (deleted_at) ON recommendation TO sh_volunteer, sh_officer, sh_coordinator;

-- The columns of \a entity a device may write through create ops.
CREATE FUNCTION sh_record_columns(entity text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE entity
        WHEN 'visit' THEN ARRAY['id', 'household_id', 'at', 'by_user', 'outcome', 'reason',
                                'revisit_at', 'notes', 'supersedes']
        WHEN 'attachment' THEN ARRAY['id', 'household_id', 'kind', 'mime_type', 'sha256',
                                     'bytes', 'created_at', 'by_user']
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
                              'signed_off_by', 'notes', 'created_at']
        WHEN 'job_item' THEN ARRAY['id', 'job_id', 'equipment_code', 'qty', 'serial', 'fitted']
        WHEN 'stock_movement' THEN ARRAY['id', 'equipment_code', 'qty_change', 'reason',
                                         'job_id', 'at', 'by_user', 'note']
    END;
$$;

-- The columns of \a entity an update op may change.
CREATE FUNCTION sh_record_mutable(entity text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE entity
        WHEN 'consent' THEN ARRAY['withdrawn_at']
        WHEN 'recommendation' THEN ARRAY['qty', 'reason', 'agreed']
        WHEN 'job' THEN ARRAY['fitter_id', 'status', 'scheduled_start', 'scheduled_end',
                              'completed_at', 'signed_off_by', 'notes']
        WHEN 'job_item' THEN ARRAY['serial', 'fitted']
    END;
$$;

CREATE FUNCTION sh_insert_record(entity text, record_id uuid, payload jsonb) RETURNS void
LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
    allowed text[] := sh_record_columns(entity);
    columns text;
BEGIN
    IF allowed IS NULL THEN
        RAISE EXCEPTION 'records of kind % cannot be created by a device', entity
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF payload->>'id' IS DISTINCT FROM record_id::text THEN
        RAISE EXCEPTION 'the % row does not carry the id of its op', entity
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF entity = 'stock_movement' THEN
        payload := payload || jsonb_build_object('by_user', current_user);
    END IF;
    SELECT string_agg(quote_ident(k), ', ') INTO columns
        FROM jsonb_object_keys(payload) AS k WHERE k = ANY (allowed);
    EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM jsonb_populate_record(NULL::%I, $1)',
                   entity, columns, columns, entity)
        USING payload;
END;
$$;

CREATE FUNCTION sh_update_record(entity text, record_id uuid, changes jsonb) RETURNS void
LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
    allowed text[] := sh_record_mutable(entity);
    field text;
    change jsonb;
    column_type text;
    same_old boolean;
    same_new boolean;
    server_value text;
BEGIN
    IF allowed IS NULL THEN
        RAISE EXCEPTION 'records of kind % cannot be changed by a device', entity
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('SELECT 1 FROM %I WHERE id = $1 FOR UPDATE', entity) USING record_id;
    GET DIAGNOSTICS same_old = ROW_COUNT;
    IF NOT same_old THEN
        RAISE EXCEPTION '% % does not exist or may not be changed by %', entity, record_id,
            current_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    FOR field, change IN SELECT key, value FROM jsonb_each(changes) ORDER BY key LOOP
        IF NOT field = ANY (allowed) THEN
            RAISE EXCEPTION 'the % of a % cannot be changed by a device', field, entity
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF (change->>0) IS NOT DISTINCT FROM (change->>1) THEN
            CONTINUE;
        END IF;
        SELECT format_type(a.atttypid, a.atttypmod) INTO column_type FROM pg_attribute a
            WHERE a.attrelid = entity::regclass AND a.attname = field;
        EXECUTE format('SELECT %1$I IS NOT DISTINCT FROM CAST($2 AS %2$s), '
                       '%1$I IS NOT DISTINCT FROM CAST($3 AS %2$s), CAST(%1$I AS text) '
                       'FROM %3$I WHERE id = $1', field, column_type, entity)
            INTO same_old, same_new, server_value
            USING record_id, change->>0, change->>1;
        IF same_new THEN
            CONTINUE;
        ELSIF NOT same_old THEN
            RAISE EXCEPTION 'the % of % % was changed on the server (now %): the server''s '
                            'version stands', field, entity, record_id,
                            coalesce(server_value, 'empty')
                USING ERRCODE = 'serialization_failure';
        END IF;
        EXECUTE format('UPDATE %1$I SET %2$I = CAST($2 AS %3$s) WHERE id = $1', entity, field,
                       column_type)
            USING record_id, change->>1;
    END LOOP;
END;
$$;

CREATE FUNCTION sh_delete_record(entity text, record_id uuid) RETURNS void
LANGUAGE plpgsql SECURITY INVOKER AS $$
BEGIN
    IF entity NOT IN ('recommendation', 'job_item') THEN
        RAISE EXCEPTION 'records of kind % cannot be deleted by a device', entity
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('UPDATE %I SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL',
                   entity)
        USING record_id;
END;
$$;

-- One primary resident per household, kept so by sh_apply_op below.
CREATE UNIQUE INDEX resident_one_primary ON resident (household_id)
    WHERE is_primary AND deleted_at IS NULL;

-- sh_apply_op of 0003, except that an update's two coordinates are written together and a
-- second first resident for a household joins the one already there.
CREATE OR REPLACE FUNCTION sh_apply_op(op jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
    entity_id uuid := (op->>'entity_id')::uuid;
    payload jsonb := op->'payload';
    h jsonb;
    r jsonb;
    area uuid;
    field text;
    change jsonb;
    old_value text;
    new_value text;
    server_value text;
    conflicts jsonb := '[]';
    coordinates jsonb := '{}';
BEGIN
    IF op->>'kind' = 'create' AND op->>'entity' = 'household' THEN
        h := payload->'household';
        IF coalesce(h->>'area', '') <> '' THEN
            SELECT a.id INTO area FROM area a WHERE a.name = h->>'area' AND a.deleted_at IS NULL;
            IF area IS NULL THEN
                RAISE EXCEPTION 'unknown area "%"', h->>'area'
                    USING ERRCODE = 'foreign_key_violation';
            END IF;
        END IF;
        -- Volunteers may not write (or read) eligibility: leave the column out for them.
        IF has_column_privilege('household', 'eligibility', 'INSERT') THEN
            INSERT INTO household (id, uprn, address_line1, address_line2, town, postcode,
                                   latitude, longitude, area_id, eligibility, status, priority,
                                   notes, created_at, updated_at)
            VALUES (entity_id, nullif(h->>'uprn', ''), h->>'address_line1',
                    coalesce(h->>'address_line2', ''), coalesce(h->>'town', ''), h->>'postcode',
                    (h->>'latitude')::double precision, (h->>'longitude')::double precision,
                    area, coalesce(h->>'eligibility', ''), coalesce(h->>'status', 'identified'),
                    coalesce((h->>'priority')::smallint, 0), coalesce(h->>'notes', ''),
                    coalesce((h->>'created_at')::timestamptz, now()),
                    coalesce((h->>'updated_at')::timestamptz, now()));
        ELSE
            INSERT INTO household (id, uprn, address_line1, address_line2, town, postcode,
                                   latitude, longitude, area_id, status, priority, notes,
                                   created_at, updated_at)
            VALUES (entity_id, nullif(h->>'uprn', ''), h->>'address_line1',
                    coalesce(h->>'address_line2', ''), coalesce(h->>'town', ''), h->>'postcode',
                    (h->>'latitude')::double precision, (h->>'longitude')::double precision,
                    area, coalesce(h->>'status', 'identified'),
                    coalesce((h->>'priority')::smallint, 0), coalesce(h->>'notes', ''),
                    coalesce((h->>'created_at')::timestamptz, now()),
                    coalesce((h->>'updated_at')::timestamptz, now()));
        END IF;
        r := payload->'resident';
        IF r IS NOT NULL AND jsonb_typeof(r) = 'object' THEN
            INSERT INTO resident (id, household_id, name, phone, email, is_primary, created_at)
            VALUES ((r->>'id')::uuid, entity_id, coalesce(r->>'name', ''),
                    coalesce(r->>'phone', ''), coalesce(r->>'email', ''), true,
                    coalesce((r->>'created_at')::timestamptz, now()));
        END IF;
    ELSIF op->>'kind' = 'create' AND op->>'entity' = 'resident' THEN
        -- One primary resident per household. Creates on one household take turns, and a
        -- device's first resident for a household that has one already joins it: this row is
        -- kept as an empty, deleted, non-primary tombstone (records may refer to its id) and
        -- its values are merged into the primary one like field updates from empty.
        PERFORM 1 FROM household h WHERE h.id = (payload->>'household_id')::uuid FOR UPDATE;
        IF coalesce((payload->>'is_primary')::boolean, false) AND EXISTS (
               SELECT 1 FROM resident r
               WHERE r.household_id = (payload->>'household_id')::uuid AND r.is_primary
                 AND r.deleted_at IS NULL AND r.id <> entity_id) THEN
            INSERT INTO resident (id, household_id, name, phone, email, is_primary, created_at,
                                  deleted_at)
            VALUES (entity_id, (payload->>'household_id')::uuid, '', '', '', false,
                    coalesce((payload->>'created_at')::timestamptz, now()), now())
            ON CONFLICT (id) DO NOTHING;
            FOR field IN SELECT unnest(ARRAY['resident_name', 'phone', 'email']) LOOP
                new_value := coalesce(payload->>(CASE field WHEN 'resident_name' THEN 'name'
                                                             ELSE field END), '');
                CONTINUE WHEN new_value = '';
                server_value := coalesce(sh_household_field(
                    (payload->>'household_id')::uuid, field), '');
                IF server_value = '' THEN
                    PERFORM sh_set_household_field((payload->>'household_id')::uuid, field,
                                                   new_value);
                ELSIF server_value <> new_value THEN
                    conflicts := conflicts || jsonb_build_array(jsonb_build_object(
                        'field', field, 'local', new_value, 'server', server_value));
                END IF;
            END LOOP;
        ELSE
            INSERT INTO resident (id, household_id, name, phone, email, is_primary, created_at)
            VALUES (entity_id, (payload->>'household_id')::uuid, coalesce(payload->>'name', ''),
                    coalesce(payload->>'phone', ''), coalesce(payload->>'email', ''),
                    coalesce((payload->>'is_primary')::boolean, false),
                    coalesce((payload->>'created_at')::timestamptz, now()))
            -- Already there when its household's create op, read at push time, brought it.
            ON CONFLICT (id) DO NOTHING;
        END IF;
    ELSIF op->>'kind' = 'update' AND op->>'entity' = 'household' THEN
        PERFORM 1 FROM household WHERE id = entity_id FOR UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'household % does not exist or may not be changed by %',
                entity_id, current_user USING ERRCODE = 'insufficient_privilege';
        END IF;
        FOR field, change IN SELECT key, value FROM jsonb_each(payload) ORDER BY key LOOP
            old_value := coalesce(change->>0, '');
            new_value := coalesce(change->>1, '');
            server_value := coalesce(sh_household_field(entity_id, field), '');
            IF sh_same_value(field, server_value, new_value) THEN
                CONTINUE; -- already so (the same change from elsewhere)
            ELSIF sh_same_value(field, server_value, old_value) THEN
                IF field IN ('latitude', 'longitude') THEN
                    coordinates := coordinates || jsonb_build_object(field, new_value);
                ELSE
                    PERFORM sh_set_household_field(entity_id, field, new_value);
                END IF;
            ELSE
                conflicts := conflicts || jsonb_build_array(jsonb_build_object(
                    'field', field, 'local', new_value, 'server', server_value));
            END IF;
        END LOOP;
        -- Both coordinates in one statement: either alone breaks the "both or neither" check.
        IF coordinates <> '{}' THEN
            UPDATE household SET
                latitude = CASE WHEN coordinates ? 'latitude'
                    THEN nullif(coordinates->>'latitude', '')::double precision ELSE latitude END,
                longitude = CASE WHEN coordinates ? 'longitude'
                    THEN nullif(coordinates->>'longitude', '')::double precision ELSE longitude END,
                updated_at = now()
                WHERE id = entity_id;
        END IF;
    ELSE
        RAISE EXCEPTION 'unknown op % on %', op->>'kind', op->>'entity'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN jsonb_build_object('op_id', op->>'op_id', 'status', 'applied',
                              'conflicts', conflicts);
END;
$$;

-- The record an op was about, so that erasure can blank the values a stored result holds
-- (the conflicts it reported).
ALTER TABLE applied_ops ADD COLUMN entity_id uuid;
CREATE INDEX applied_ops_entity ON applied_ops (entity_id);
GRANT UPDATE (result) ON applied_ops TO sh_admin;

-- Household and resident ops go to sh_apply_op (0003); the others here.
CREATE FUNCTION sh_apply_op_v4(op jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
    entity text := op->>'entity';
    record_id uuid := (op->>'entity_id')::uuid;
BEGIN
    IF entity IN ('household', 'resident') THEN
        RETURN sh_apply_op(op);
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

CREATE OR REPLACE FUNCTION sh_push(ops jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
    op jsonb;
    this_op uuid;
    stored jsonb;
    result jsonb;
    results jsonb := '[]';
BEGIN
    IF jsonb_typeof(ops) <> 'array' THEN
        RAISE EXCEPTION 'sh_push takes a JSON array of ops'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR op IN SELECT e.value FROM jsonb_array_elements(ops) WITH ORDINALITY AS e (value, n)
              ORDER BY e.n LOOP
        this_op := (op->>'op_id')::uuid;
        SELECT a.result INTO stored FROM applied_ops a WHERE a.op_id = this_op;
        IF FOUND THEN
            results := results || jsonb_build_array(stored);
            CONTINUE;
        END IF;
        BEGIN
            result := sh_apply_op_v4(op);
        EXCEPTION WHEN OTHERS THEN
            result := jsonb_build_object('op_id', op->>'op_id', 'status', 'rejected',
                                         'reason', SQLERRM, 'sqlstate', SQLSTATE);
        END;
        INSERT INTO applied_ops (op_id, result, entity_id)
        VALUES (this_op, result, (op->>'entity_id')::uuid);
        results := results || jsonb_build_array(result);
    END LOOP;
    RETURN results;
END;
$$;

-- Households that changed area, so that a device whose user does not work in the new area
-- removes them (it can no longer see their new version) and one whose user does fetches them
-- with their residents and records (which did not change). Ids only: no personal data.
CREATE TABLE household_move (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    household_id uuid NOT NULL REFERENCES household (id),
    from_area uuid REFERENCES area (id),
    to_area uuid REFERENCES area (id),
    at timestamptz NOT NULL DEFAULT now(),
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX household_move_txid ON household_move (txid, id);
CREATE TRIGGER household_move_stamp BEFORE INSERT ON household_move
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();
ALTER TABLE household_move ENABLE ROW LEVEL SECURITY;
ALTER TABLE household_move FORCE ROW LEVEL SECURITY;
GRANT SELECT ON household_move
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager, sh_admin;
GRANT INSERT ON household_move
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager, sh_admin;
CREATE POLICY household_move_read ON household_move FOR SELECT
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager, sh_admin USING (true);
-- Written only by the trigger below, as whoever moved the household.
CREATE POLICY household_move_insert ON household_move FOR INSERT
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager, sh_admin
    WITH CHECK (household_id IN (SELECT h.id FROM household h));

CREATE FUNCTION sh_record_move() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO household_move (household_id, from_area, to_area)
    VALUES (NEW.id, OLD.area_id, NEW.area_id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER household_area_moved AFTER UPDATE OF area_id ON household
    FOR EACH ROW WHEN (OLD.area_id IS DISTINCT FROM NEW.area_id)
    EXECUTE FUNCTION sh_record_move();

-- The first call of every sync: the server's schema and the oldest client it accepts, who the
-- caller is, their areas (for scope changes) and which columns of the synced tables they may
-- read. Also bounds how long this session may sit idle inside a transaction, so that a stuck
-- device cannot hold everyone's pull watermark back, and sets the session's time zone to UTC.
CREATE FUNCTION sh_hello() RETURNS jsonb
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
                               'fitter', 'job', 'job_item', 'stock_movement'] LOOP
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

-- The audit trail stays append-only, except that erasure blanks an erased household's values.
CREATE FUNCTION sh_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.old_value IS NULL AND NEW.new_value IS NULL
       AND (NEW.id, NEW.at, NEW.user_name, NEW.device, NEW.entity, NEW.entity_id,
            NEW.household_id, NEW.field)
           IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.user_name, OLD.device, OLD.entity,
                                 OLD.entity_id, OLD.household_id, OLD.field)
       AND EXISTS (SELECT 1 FROM household h
                   WHERE h.id = OLD.household_id AND h.erased_at IS NOT NULL) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
DROP TRIGGER audit_event_append_only ON audit_event;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION sh_audit_append_only();
GRANT UPDATE (old_value, new_value) ON audit_event TO sh_admin;

-- GDPR erasure (admins): blanks every piece of personal data of one household and leaves the
-- row as an `erased` tombstone (id, area, status and the postcode's outward code, for the
-- figures). Devices apply it on their next pull.
CREATE FUNCTION sh_erase_household(target uuid) RETURNS void
LANGUAGE plpgsql SECURITY INVOKER AS $$
BEGIN
    UPDATE household SET uprn = NULL, address_line1 = '[erased]', address_line2 = '',
        town = '', postcode = split_part(btrim(postcode), ' ', 1), latitude = NULL,
        longitude = NULL, eligibility = '', notes = '', erased_at = now(),
        deleted_at = coalesce(deleted_at, now()), updated_at = now()
        WHERE id = target AND erased_at IS NULL;
    IF NOT FOUND THEN
        PERFORM 1 FROM household WHERE id = target;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'household % does not exist', target
                USING ERRCODE = 'no_data_found';
        END IF;
        RETURN; -- erased already
    END IF;
    UPDATE resident SET name = '', phone = '', email = '', preferred_contact = '',
        language = '', access_needs = '', erased_at = now(),
        deleted_at = coalesce(deleted_at, now())
        WHERE household_id = target;
    UPDATE visit SET notes = '', reason = '' WHERE household_id = target;
    UPDATE consent SET witness = '' WHERE household_id = target;
    UPDATE attachment SET bytes = '\x', deleted_at = coalesce(deleted_at, now())
        WHERE household_id = target;
    UPDATE survey SET answers = '{}', draft_position = '' WHERE household_id = target;
    UPDATE recommendation SET reason = ''
        WHERE survey_id IN (SELECT s.id FROM survey s WHERE s.household_id = target);
    UPDATE job SET notes = '', signed_off_by = '' WHERE household_id = target;
    UPDATE audit_event SET old_value = NULL, new_value = NULL
        WHERE household_id = target AND (old_value IS NOT NULL OR new_value IS NOT NULL);
    -- Stored push results: the conflicts they reported carry both sides' values.
    UPDATE applied_ops SET result = jsonb_set(result, '{conflicts}', (
            SELECT coalesce(jsonb_agg(jsonb_build_object('field', c->>'field', 'local', '',
                                                         'server', '')), '[]')
            FROM jsonb_array_elements(result->'conflicts') AS c))
        WHERE jsonb_array_length(coalesce(result->'conflicts', '[]')) > 0
          AND entity_id IN (SELECT target UNION ALL SELECT r.id FROM resident r
                            WHERE r.household_id = target);
END;
$$;

REVOKE EXECUTE ON FUNCTION sh_hello(), sh_apply_op_v4(jsonb),
    sh_insert_record(text, uuid, jsonb), sh_update_record(text, uuid, jsonb),
    sh_delete_record(text, uuid), sh_erase_household(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sh_hello()
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager, sh_admin;
GRANT EXECUTE ON FUNCTION sh_apply_op_v4(jsonb), sh_insert_record(text, uuid, jsonb),
    sh_update_record(text, uuid, jsonb), sh_delete_record(text, uuid)
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_admin;
GRANT EXECUTE ON FUNCTION sh_erase_household(uuid) TO sh_admin;

-- The scheme's equipment catalogue (DESIGN.md section 6), so that surveys' recommendations,
-- jobs and the stock ledger can refer to it. Admins maintain it from here on.
INSERT INTO equipment_type (code, name, standard, unit_cost_pence, fit_minutes, skill) VALUES
    ('MORTICE_DEADLOCK_BS3621', '5-lever mortice deadlock', 'BS 3621:2007+A2:2012', 2850, 60,
     'locks'),
    ('CYLINDER_TS007_3STAR', 'Anti-snap euro cylinder, 3 star', 'TS 007:2014 3 star', 3200, 20,
     'locks'),
    ('DOOR_VIEWER', 'Wide-angle door viewer', '', 650, 20, 'general'),
    ('DOOR_CHAIN_TS003', 'Door chain', 'TS 003', 900, 15, 'locks'),
    ('WINDOW_LOCK', 'Keyed window lock', 'BS 7950 hardware', 550, 15, 'locks'),
    ('LETTERBOX_GUARD', 'Letterbox guard', 'TS 008:2015', 1800, 15, 'general'),
    ('PIR_LIGHT', 'LED security light with PIR sensor', 'BS EN 60598', 2500, 60, 'electrical'),
    ('INTRUDER_ALARM', 'Wireless intruder alarm kit', 'BS EN 50131 grade 2', 18900, 150,
     'alarms'),
    ('GATE_LOCK', 'Keyed rear gate lock', '', 1500, 30, 'locks'),
    ('SHED_ALARM', 'Battery shed alarm', '', 1200, 20, 'general'),
    ('PROPERTY_MARKING_KIT', 'Forensic property marking kit', 'LPS 1225', 2400, 10, 'general')
ON CONFLICT (code) DO NOTHING;
