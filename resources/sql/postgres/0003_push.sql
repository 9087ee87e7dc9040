-- SaferHomes central schema, version 3: sh_push, how devices send their changes (DESIGN.md
-- section 7).
--
-- A device sends its outbox in order as a JSON array of ops:
--   {"op_id": uuid, "entity": "household"|"resident", "entity_id": uuid,
--    "kind": "create"|"update", "payload": {...}}
-- create: payload {"household": {column: value, ..., "area": name}, "resident": {...} | null}
--         (household) or the resident row (resident);
-- update: payload {field: [old, new]} with the fields of the import file (the area by its
--         name; resident_name, phone and email are the household's primary resident's).
-- Each op is applied in its own sub-transaction, as the caller (SECURITY INVOKER: the
-- privileges and row-level security of the person pushing decide): a refusal rolls back that op
-- only and is returned as {"status": "rejected", "reason": ...}. An update applies a field only
-- where the server still has the old value; otherwise the server value stays and the field is
-- returned in "conflicts" ([{"field", "local", "server"}]). Every result is recorded in
-- applied_ops under the op's id, so a batch sent again returns the stored results and changes
-- nothing.

-- The current text of \a field of household \a household_id (the area by name, resident
-- fields from the primary resident), locking the row; NULL when the row is not visible.
CREATE FUNCTION sh_household_field(household_id uuid, field text) RETURNS text
LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
    server_value text;
BEGIN
    IF field = 'area' THEN
        SELECT coalesce(a.name, '') INTO server_value FROM household h
            LEFT JOIN area a ON a.id = h.area_id WHERE h.id = household_id FOR UPDATE OF h;
    ELSIF field IN ('resident_name', 'phone', 'email') THEN
        EXECUTE format('SELECT coalesce(r.%I::text, '''') FROM resident r '
                       'WHERE r.household_id = $1 AND r.is_primary AND r.deleted_at IS NULL '
                       'ORDER BY r.created_at LIMIT 1 FOR UPDATE',
                       CASE field WHEN 'resident_name' THEN 'name' ELSE field END)
            INTO server_value USING household_id;
    ELSIF field IN ('uprn', 'address_line1', 'address_line2', 'town', 'postcode', 'latitude',
                    'longitude', 'eligibility', 'status', 'priority', 'notes') THEN
        EXECUTE format('SELECT coalesce(h.%I::text, '''') FROM household h WHERE h.id = $1 '
                       'FOR UPDATE', field)
            INTO server_value USING household_id;
    ELSE
        RAISE EXCEPTION 'unknown field %', field USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN server_value;
END;
$$;

-- Whether two field texts mean the same value (coordinates compared as numbers).
CREATE FUNCTION sh_same_value(field text, a text, b text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN field IN ('latitude', 'longitude') AND a <> '' AND b <> ''
            THEN abs(a::double precision - b::double precision) < 1e-9
        ELSE coalesce(a, '') = coalesce(b, '')
    END;
$$;

CREATE FUNCTION sh_set_household_field(household_id uuid, field text, value text) RETURNS void
LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
    area uuid;
BEGIN
    IF field = 'area' THEN
        IF value <> '' THEN
            SELECT a.id INTO area FROM area a WHERE a.name = value AND a.deleted_at IS NULL;
            IF area IS NULL THEN
                RAISE EXCEPTION 'unknown area "%"', value USING ERRCODE = 'foreign_key_violation';
            END IF;
        END IF;
        UPDATE household SET area_id = area, updated_at = now() WHERE id = household_id;
    ELSIF field IN ('resident_name', 'phone', 'email') THEN
        EXECUTE format('UPDATE resident SET %I = $1 WHERE id = (SELECT r.id FROM resident r '
                       'WHERE r.household_id = $2 AND r.is_primary AND r.deleted_at IS NULL '
                       'ORDER BY r.created_at LIMIT 1)',
                       CASE field WHEN 'resident_name' THEN 'name' ELSE field END)
            USING value, household_id;
        UPDATE household SET updated_at = now() WHERE id = household_id;
    ELSIF field IN ('uprn', 'latitude', 'longitude') THEN
        EXECUTE format('UPDATE household SET %I = nullif($1, '''')::%s, updated_at = now() '
                       'WHERE id = $2', field,
                       CASE field WHEN 'uprn' THEN 'text' ELSE 'double precision' END)
            USING value, household_id;
    ELSIF field = 'priority' THEN
        UPDATE household SET priority = value::smallint, updated_at = now()
            WHERE id = household_id;
    ELSE
        EXECUTE format('UPDATE household SET %I = $1, updated_at = now() WHERE id = $2', field)
            USING value, household_id;
    END IF;
END;
$$;

-- Applies one op (see above); raises when the server refuses it.
CREATE FUNCTION sh_apply_op(op jsonb) RETURNS jsonb
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
        INSERT INTO resident (id, household_id, name, phone, email, is_primary, created_at)
        VALUES (entity_id, (payload->>'household_id')::uuid, coalesce(payload->>'name', ''),
                coalesce(payload->>'phone', ''), coalesce(payload->>'email', ''),
                coalesce((payload->>'is_primary')::boolean, false),
                coalesce((payload->>'created_at')::timestamptz, now()))
        -- Already there when its household's create op, read at push time, brought it.
        ON CONFLICT (id) DO NOTHING;
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
                PERFORM sh_set_household_field(entity_id, field, new_value);
            ELSE
                conflicts := conflicts || jsonb_build_array(jsonb_build_object(
                    'field', field, 'local', new_value, 'server', server_value));
            END IF;
        END LOOP;
    ELSE
        RAISE EXCEPTION 'unknown op % on %', op->>'kind', op->>'entity'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN jsonb_build_object('op_id', op->>'op_id', 'status', 'applied',
                              'conflicts', conflicts);
END;
$$;

CREATE FUNCTION sh_push(ops jsonb) RETURNS jsonb
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
            result := sh_apply_op(op);
        EXCEPTION WHEN OTHERS THEN
            result := jsonb_build_object('op_id', op->>'op_id', 'status', 'rejected',
                                         'reason', SQLERRM, 'sqlstate', SQLSTATE);
        END;
        INSERT INTO applied_ops (op_id, result) VALUES (this_op, result);
        results := results || jsonb_build_array(result);
    END LOOP;
    RETURN results;
END;
$$;

REVOKE EXECUTE ON FUNCTION sh_push(jsonb), sh_apply_op(jsonb),
    sh_household_field(uuid, text), sh_set_household_field(uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sh_push(jsonb), sh_apply_op(jsonb),
    sh_household_field(uuid, text), sh_set_household_field(uuid, text, text)
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_admin;
