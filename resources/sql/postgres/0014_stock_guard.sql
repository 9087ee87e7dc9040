-- SaferHomes central schema: the server keeps the stock ledger honest, and the catalogue is
-- written by coordinators and admins from their devices (DESIGN.md sections 7 and 8, issue 13).
--
-- 0009 checked reservations only. Now every movement that touches what is reserved is checked
-- against what the job it names holds on the server, one item and location at a time (the same
-- advisory lock as the reservation check):
--   - a movement that gives back reserved stock (released, or the reserved part of fitted)
--     never gives back more than the job it names (or, naming none, no job) holds reserved
--     there: two devices releasing the same reservation, or a release or fitting beyond what
--     was reserved, is refused ("stock reservation: ...");
--   - a reservation names a job that is booked (tentative or scheduled) on the server, at the
--     depot or at the van of the fitter the server has it booked on: the reservation follows
--     the job as the server holds it, so one sent after a job change the server refused (a
--     double booking, a job changed meanwhile) is refused with it ("stock reservation: ...");
--   - a job never holds more of an item reserved (all locations together) than its items
--     need: two devices making the same booking offline reserve it once;
--   - a fitting takes what was reserved for the job first; what it fits beyond that comes out
--     of what is available there (on hand and not reserved for other jobs): a completion that
--     would take the van below what it holds is refused with the figures ("stock short: ...").
-- Physical movements other than fittings (deliveries, transfers, returns, counts, write-offs)
-- are facts a device recorded and are taken as before.
--
-- Catalogue ops: create | update | delete on equipment_type, keyed by the item's code (sent
-- as the op's "key"; entity_id is null). Create inserts the row, update changes the fields
-- whose old value the server still has (otherwise the whole op is refused and the server's
-- row stands), delete marks it deleted (deleted_at) unless a package, job or the ledger still
-- refers to it. Only coordinators and admins may write the catalogue: anyone else's op is
-- refused by the table's privileges. Every role reads it as before; devices remove an item
-- deleted here when they pull it.

-- What the whole ledger says a job (or, for a NULL job, no job) holds reserved of one item at
-- one location, whatever rows the caller may read (a coordinator releasing what a fitter's
-- device reserved).
CREATE FUNCTION sh_stock_job_held(job uuid, code text, place text) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT coalesce(sum(m.reserved_change), 0)
    FROM stock_movement m
    WHERE m.equipment_code = code AND m.location = place
      AND (m.job_id = job OR (job IS NULL AND m.job_id IS NULL));
$$;

-- A job as the server holds it (its status and fitter), whoever asks: empty when there is no
-- such job.
CREATE FUNCTION sh_stock_job_booking(job uuid)
RETURNS TABLE (status text, fitter_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT j.status, j.fitter_id FROM job j WHERE j.id = job;
$$;

-- What a job needs of one item (its items' quantities) and holds reserved of it anywhere.
CREATE FUNCTION sh_stock_job_need(job uuid, code text)
RETURNS TABLE (needed bigint, held bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT (SELECT coalesce(sum(i.qty), 0) FROM job_item i
            WHERE i.job_id = job AND i.equipment_code = code AND i.deleted_at IS NULL),
           (SELECT coalesce(sum(m.reserved_change), 0) FROM stock_movement m
            WHERE m.job_id = job AND m.equipment_code = code);
$$;

REVOKE ALL ON FUNCTION sh_stock_job_held(uuid, text, text), sh_stock_job_booking(uuid),
    sh_stock_job_need(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sh_stock_job_held(uuid, text, text), sh_stock_job_booking(uuid),
    sh_stock_job_need(uuid, text)
    TO sh_admin, sh_coordinator, sh_fitter, sh_manager;

-- After the row is in (so that the policies have had their say first), with the row counted in
-- every sum: a figure "before" is the sum less the row.
CREATE FUNCTION sh_stock_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    held bigint;
    on_hand bigint;
    reserved bigint;
    beyond bigint := NEW.reserved_change - NEW.qty_change;
    booking record;
    need record;
    holder text := coalesce('job ' || NEW.job_id::text, 'no job');
BEGIN
    IF NEW.reserved_change = 0 AND NEW.reason <> 'fitted' THEN
        RETURN NULL;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('stock:' || NEW.equipment_code || ':' || NEW.location));
    IF NEW.reserved_change > 0 AND NEW.job_id IS NOT NULL THEN
        SELECT b.status, b.fitter_id INTO booking FROM sh_stock_job_booking(NEW.job_id) b;
        IF NOT FOUND OR booking.status NOT IN ('tentative', 'scheduled') THEN
            RAISE EXCEPTION 'stock reservation: job % is % on the server: % of % cannot be '
                            'reserved for it at %', NEW.job_id,
                            coalesce(booking.status, 'not there'), NEW.reserved_change,
                            NEW.equipment_code, NEW.location
                USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.location <> 'depot' AND NEW.location IS DISTINCT FROM booking.fitter_id::text THEN
            RAISE EXCEPTION 'stock reservation: job % is booked on fitter % on the server: % of '
                            '% cannot be reserved for it in van %', NEW.job_id,
                            coalesce(booking.fitter_id::text, 'nobody'), NEW.reserved_change,
                            NEW.equipment_code, NEW.location
                USING ERRCODE = 'check_violation';
        END IF;
        SELECT n.needed, n.held INTO need FROM sh_stock_job_need(NEW.job_id, NEW.equipment_code) n;
        IF need.held > need.needed THEN
            RAISE EXCEPTION 'stock reservation: job % needs % of % and holds % reserved on the '
                            'server: % more cannot be reserved for it', NEW.job_id, need.needed,
                            NEW.equipment_code, need.held - NEW.reserved_change,
                            NEW.reserved_change
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    IF NEW.reserved_change < 0 THEN
        held := sh_stock_job_held(NEW.job_id, NEW.equipment_code, NEW.location);
        IF held < 0 THEN
            RAISE EXCEPTION 'stock reservation: % holds % of % reserved at % on the server: '
                            '% cannot be % for it', holder, held - NEW.reserved_change,
                            NEW.equipment_code, NEW.location, -NEW.reserved_change, NEW.reason
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    -- What a fitting takes beyond its reservation comes out of what is available there.
    IF NEW.reason = 'fitted' AND beyond > 0 THEN
        SELECT t.on_hand, t.reserved INTO on_hand, reserved
            FROM sh_stock_totals(NEW.equipment_code, NEW.location) t;
        IF on_hand - reserved < 0 THEN
            RAISE EXCEPTION 'stock short: % has % of % available on the server (% on hand, % '
                            'reserved): % fitted beyond the reservation of % cannot be taken',
                            NEW.location, on_hand - reserved + beyond, NEW.equipment_code,
                            on_hand - NEW.qty_change, reserved - NEW.reserved_change, beyond,
                            holder
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

-- After the row: the policies refuse what is not the caller's to write before any figure is
-- checked. Takes the lock the reservation check (0009) took before the row.
CREATE TRIGGER stock_movement_guard AFTER INSERT ON stock_movement
    FOR EACH ROW EXECUTE FUNCTION sh_stock_guard();

-- The catalogue: coordinators write it as admins do (0002), never delete a row outright.
GRANT INSERT (code, name, standard, unit_cost_pence, fit_minutes, skill, supplier_code,
              reorder_level)
    ON equipment_type TO sh_coordinator;
GRANT UPDATE (name, standard, unit_cost_pence, fit_minutes, skill, supplier_code, reorder_level,
              deleted_at)
    ON equipment_type TO sh_coordinator;
CREATE POLICY equipment_type_coordinator_insert ON equipment_type FOR INSERT
    TO sh_coordinator WITH CHECK (true);
CREATE POLICY equipment_type_coordinator_update ON equipment_type FOR UPDATE
    TO sh_coordinator USING (true) WITH CHECK (true);

-- Whether anything still refers to an item: a package, a job's items, the ledger.
CREATE FUNCTION sh_equipment_in_use(item text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM recommendation r
                   WHERE r.equipment_code = item AND r.deleted_at IS NULL)
        OR EXISTS (SELECT 1 FROM job_item i WHERE i.equipment_code = item AND i.deleted_at IS NULL)
        OR EXISTS (SELECT 1 FROM stock_movement m WHERE m.equipment_code = item);
$$;
REVOKE ALL ON FUNCTION sh_equipment_in_use(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sh_equipment_in_use(text) TO sh_admin, sh_coordinator;

-- One catalogue op (see the top of this file), as the caller: the privileges decide who may.
CREATE FUNCTION sh_apply_catalogue_op(op jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
    item text := op->>'key';
    payload jsonb := op->'payload';
    allowed text[] := ARRAY['name', 'standard', 'unit_cost_pence', 'fit_minutes', 'skill',
                            'supplier_code', 'reorder_level'];
    field text;
    change jsonb;
    column_type text;
    same_old boolean;
    same_new boolean;
    server_value text;
BEGIN
    IF item IS NULL THEN
        RAISE EXCEPTION 'a catalogue op names its item by its code (key)'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF op->>'kind' = 'create' THEN
        IF payload->>'code' IS DISTINCT FROM item THEN
            RAISE EXCEPTION 'the catalogue row does not carry the code of its op'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        INSERT INTO equipment_type (code, name, standard, unit_cost_pence, fit_minutes, skill,
                                    supplier_code, reorder_level)
        SELECT r.code, r.name, coalesce(r.standard, ''), r.unit_cost_pence, r.fit_minutes,
               r.skill, coalesce(r.supplier_code, ''), coalesce(r.reorder_level, 0)
        FROM jsonb_populate_record(NULL::equipment_type, payload) r;
    ELSIF op->>'kind' = 'update' THEN
        PERFORM 1 FROM equipment_type WHERE code = item AND deleted_at IS NULL FOR UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'there is no item % in the catalogue on the server', item
                USING ERRCODE = 'no_data_found';
        END IF;
        FOR field, change IN SELECT key, value FROM jsonb_each(payload) ORDER BY key LOOP
            IF NOT field = ANY (allowed) THEN
                RAISE EXCEPTION 'the % of a catalogue item cannot be changed by a device', field
                    USING ERRCODE = 'invalid_parameter_value';
            END IF;
            IF (change->>0) IS NOT DISTINCT FROM (change->>1) THEN
                CONTINUE;
            END IF;
            SELECT format_type(a.atttypid, a.atttypmod) INTO column_type FROM pg_attribute a
                WHERE a.attrelid = 'equipment_type'::regclass AND a.attname = field;
            EXECUTE format('SELECT %1$I IS NOT DISTINCT FROM CAST($2 AS %2$s), '
                           '%1$I IS NOT DISTINCT FROM CAST($3 AS %2$s), CAST(%1$I AS text) '
                           'FROM equipment_type WHERE code = $1', field, column_type)
                INTO same_old, same_new, server_value
                USING item, change->>0, change->>1;
            IF same_new THEN
                CONTINUE;
            ELSIF NOT same_old THEN
                RAISE EXCEPTION 'the % of % was changed on the server (now %): the server''s '
                                'version stands', field, item, coalesce(server_value, 'empty')
                    USING ERRCODE = 'serialization_failure';
            END IF;
            EXECUTE format('UPDATE equipment_type SET %1$I = CAST($2 AS %2$s) WHERE code = $1',
                           field, column_type)
                USING item, change->>1;
        END LOOP;
    ELSIF op->>'kind' = 'delete' THEN
        IF sh_equipment_in_use(item) THEN
            RAISE EXCEPTION '% is still used by packages, jobs or the stock ledger on the '
                            'server: it stays in the catalogue', item
                USING ERRCODE = 'foreign_key_violation';
        END IF;
        UPDATE equipment_type SET deleted_at = now() WHERE code = item AND deleted_at IS NULL;
    ELSE
        RAISE EXCEPTION 'unknown op % on equipment_type', op->>'kind'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN jsonb_build_object('op_id', op->>'op_id', 'status', 'applied', 'conflicts', '[]'::jsonb);
END;
$$;
REVOKE ALL ON FUNCTION sh_apply_catalogue_op(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sh_apply_catalogue_op(jsonb)
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_admin;

-- sh_apply_op_v4 of 0004 with the catalogue's ops routed to sh_apply_catalogue_op.
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

-- sh_update_record of 0004, except that an op's changes are written in one UPDATE: column by
-- column, taking a job off the schedule (both times to NULL) broke the job's CHECK that its
-- times are both set or both empty between the two, and was always refused.
CREATE OR REPLACE FUNCTION sh_update_record(entity text, record_id uuid, changes jsonb)
RETURNS void
LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
    allowed text[] := sh_record_mutable(entity);
    field text;
    change jsonb;
    column_type text;
    same_old boolean;
    same_new boolean;
    server_value text;
    sets text[] := '{}';
    new_values text[] := '{}';
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
        new_values := array_append(new_values, change->>1);
        sets := sets || format('%1$I = CAST($2[%2$s] AS %3$s)', field,
                               array_length(new_values, 1), column_type);
    END LOOP;
    IF array_length(sets, 1) > 0 THEN
        EXECUTE format('UPDATE %1$I SET %2$s WHERE id = $1', entity,
                       array_to_string(sets, ', '))
            USING record_id, new_values;
    END IF;
END;
$$;
