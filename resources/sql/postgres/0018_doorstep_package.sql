-- SaferHomes central schema: a package agreed again on an officer's or volunteer's device
-- reaches the office (DESIGN.md sections 7 and 8, issue 12).
--
-- Agreeing a package again (at the doorstep) makes the job from it follow the new package on
-- the device that agreed it (JobRepository::packageAgreed): the job's items are deleted and
-- inserted again, its duration changes and, when it is booked, its end (start plus the new
-- length) and iCalendar sequence; the householder's availability and access notes change too.
-- 0017 let officers and volunteers insert an unscheduled job and its items and nothing more,
-- so every one of those changes came back refused and the coordinator's tray and board never
-- learnt that the householder changed the package.
--
-- The narrowest grant that takes them, for jobs still open (unscheduled, tentative or
-- scheduled) of households the officer or volunteer can see:
--   - UPDATE of a job's duration_minutes, scheduled_end, sequence, availability and
--     access_notes only: booking, moving (fitter, start), completing or cancelling stay with
--     the office and the fitters (the other columns are not granted). A trigger refuses such
--     a change that leaves a booked job ending anywhere but at its start plus its duration,
--     or raises the sequence by more than one; a new length sent by a device that had not
--     heard of the booking yet (its job was still in the tray there) moves the end with it;
--   - inserting items (0017's policy, now for booked jobs too, nothing recorded as fitted) and
--     deleting them (deleted_at, which is what a device's delete of an item does here);
--     sh_delete_record now refuses a delete the policies do not let through instead of
--     changing nothing without a word.
-- Officers and volunteers still cannot read or write the stock ledger, so their devices
-- cannot move a booked job's reservations (their ledger is empty: they reserve nothing and
-- release nothing). The server does it for them: when the items of a booked job change in a
-- push of an officer or volunteer, a deferred trigger settles the job's reservations at commit
-- (after every op of the push) exactly as a device's StockLedger would (each item whole in the
-- fitter's van when it has enough, else at the depot, else nothing and the board marks the
-- job stock short; releases before reservations), as movements in the officer's name that the
-- office's and fitter's devices pull. The 0009 and 0014 triggers still check every figure; a
-- movement they refuse is left out (the job is then stock short) rather than failing the push.
-- A SECURITY DEFINER "package re-agreed" op was the other way; it would need a new op kind
-- from the devices, whose pushed ops are the same for every role, and still settle stock here.

CREATE FUNCTION sh_doorstep_role() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT (pg_has_role(current_user, 'sh_officer', 'MEMBER')
            OR pg_has_role(current_user, 'sh_volunteer', 'MEMBER'))
       AND NOT pg_has_role(current_user, 'sh_coordinator', 'MEMBER')
       AND NOT pg_has_role(current_user, 'sh_admin', 'MEMBER');
$$;

GRANT UPDATE (duration_minutes, scheduled_end, sequence, availability, access_notes) ON job
    TO sh_volunteer, sh_officer;
CREATE POLICY job_doorstep_update ON job FOR UPDATE TO sh_volunteer, sh_officer
    USING (status IN ('unscheduled', 'tentative', 'scheduled')
           AND EXISTS (SELECT 1 FROM household h WHERE h.id = job.household_id))
    WITH CHECK (status IN ('unscheduled', 'tentative', 'scheduled')
                AND EXISTS (SELECT 1 FROM household h WHERE h.id = job.household_id));

CREATE FUNCTION sh_job_doorstep_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Agreed again on a device that had not yet heard of the booking: the job keeps its
    -- start and takes the new length, as it would have there (a moved end is a reschedule).
    IF NEW.scheduled_start IS NOT NULL AND NEW.duration_minutes <> OLD.duration_minutes
       AND NEW.scheduled_end IS NOT DISTINCT FROM OLD.scheduled_end
       AND NEW.sequence = OLD.sequence THEN
        NEW.scheduled_end := NEW.scheduled_start + make_interval(mins => NEW.duration_minutes);
        IF NEW.scheduled_end IS DISTINCT FROM OLD.scheduled_end THEN
            NEW.sequence := OLD.sequence + 1;
        END IF;
    END IF;
    IF NEW.scheduled_start IS NOT NULL
       AND (NEW.scheduled_end IS DISTINCT FROM OLD.scheduled_end
            OR NEW.duration_minutes IS DISTINCT FROM OLD.duration_minutes)
       AND NEW.scheduled_end IS DISTINCT FROM
           NEW.scheduled_start + make_interval(mins => NEW.duration_minutes) THEN
        RAISE EXCEPTION 'job %: a package agreed again keeps the booked start, so the visit '
                        'ends % minutes after it, at %, not at %', NEW.id,
                        NEW.duration_minutes,
                        to_char((NEW.scheduled_start
                                 + make_interval(mins => NEW.duration_minutes))
                                AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                        coalesce(to_char(NEW.scheduled_end AT TIME ZONE 'UTC',
                                         'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'none')
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.sequence NOT IN (OLD.sequence, OLD.sequence + 1) THEN
        RAISE EXCEPTION 'job %: a package agreed again raises the sequence by one at most '
                        '(% to %)', NEW.id, OLD.sequence, NEW.sequence
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER job_doorstep_change BEFORE UPDATE ON job
    FOR EACH ROW WHEN (sh_doorstep_role()) EXECUTE FUNCTION sh_job_doorstep_change();

GRANT UPDATE (deleted_at) ON job_item TO sh_volunteer, sh_officer;
CREATE POLICY job_item_doorstep_update ON job_item FOR UPDATE TO sh_volunteer, sh_officer
    USING (EXISTS (SELECT 1 FROM job j WHERE j.id = job_item.job_id
                   AND j.status IN ('unscheduled', 'tentative', 'scheduled')))
    WITH CHECK (EXISTS (SELECT 1 FROM job j WHERE j.id = job_item.job_id
                        AND j.status IN ('unscheduled', 'tentative', 'scheduled')));
DROP POLICY job_item_doorstep_insert ON job_item;
CREATE POLICY job_item_doorstep_insert ON job_item FOR INSERT TO sh_volunteer, sh_officer
    WITH CHECK (NOT fitted AND fitted_qty = 0
                AND EXISTS (SELECT 1 FROM job j WHERE j.id = job_id
                            AND j.status IN ('unscheduled', 'tentative', 'scheduled')));

-- sh_delete_record of 0004, except that a delete the caller's policies keep from a row they
-- can see is refused; one of a row deleted already (a delete sent again) changes nothing.
CREATE OR REPLACE FUNCTION sh_delete_record(entity text, record_id uuid) RETURNS void
LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
    deleted integer;
    visible boolean;
BEGIN
    IF entity NOT IN ('recommendation', 'job_item') THEN
        RAISE EXCEPTION 'records of kind % cannot be deleted by a device', entity
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('UPDATE %I SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL',
                   entity)
        USING record_id;
    GET DIAGNOSTICS deleted = ROW_COUNT;
    IF deleted = 0 THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE id = $1 AND deleted_at IS NULL)',
                       entity)
            INTO visible USING record_id;
        IF visible THEN
            RAISE EXCEPTION '% % may not be deleted by %', entity, record_id, current_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
END;
$$;

-- The reservations of a booked job whose items an officer's or volunteer's push changed,
-- settled as StockLedger settles them on a device (stockstore::settleJobReservations). Runs at
-- commit as the owner (devices of these roles may not write the ledger), once per changed
-- item; the first run does the work, the others find nothing to change.
CREATE FUNCTION sh_doorstep_reservations() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    booking record;
    van text;
    code text;
    needed bigint;
    place text;
    spare bigint;
    target text;
    holding record;
    keep bigint;
    held bigint;
BEGIN
    SELECT j.status, j.fitter_id INTO booking FROM job j WHERE j.id = NEW.job_id;
    IF NOT FOUND OR booking.status NOT IN ('tentative', 'scheduled')
       OR booking.fitter_id IS NULL THEN
        RETURN NULL;
    END IF;
    van := booking.fitter_id::text;
    FOR code IN SELECT i.equipment_code FROM job_item i WHERE i.job_id = NEW.job_id
                UNION
                SELECT m.equipment_code FROM stock_movement m WHERE m.job_id = NEW.job_id
                ORDER BY 1 LOOP
        SELECT coalesce(sum(i.qty), 0) INTO needed FROM job_item i
            WHERE i.job_id = NEW.job_id AND i.equipment_code = code AND i.deleted_at IS NULL;
        target := NULL;
        IF needed > 0 THEN
            FOREACH place IN ARRAY ARRAY[van, 'depot'] LOOP
                PERFORM pg_advisory_xact_lock(hashtext('stock:' || code || ':' || place));
                -- What this job holds there already is available to it.
                SELECT t.on_hand - t.reserved + sh_stock_job_held(NEW.job_id, code, place)
                    INTO spare FROM sh_stock_totals(code, place) t;
                IF spare >= needed THEN
                    target := place;
                    EXIT;
                END IF;
            END LOOP;
        END IF;
        BEGIN
            FOR holding IN SELECT m.location, sum(m.reserved_change) AS held
                           FROM stock_movement m
                           WHERE m.job_id = NEW.job_id AND m.equipment_code = code
                           GROUP BY m.location HAVING sum(m.reserved_change) <> 0
                           ORDER BY m.location LOOP
                keep := CASE WHEN holding.location = target THEN needed ELSE 0 END;
                IF keep < holding.held THEN
                    INSERT INTO stock_movement (id, equipment_code, qty_change, reason, job_id,
                                                at, by_user, note, location, reserved_change)
                    VALUES (gen_random_uuid(), code, 0, 'released', NEW.job_id, now(),
                            session_user, 'package agreed again', holding.location,
                            keep - holding.held);
                END IF;
            END LOOP;
            IF target IS NOT NULL THEN
                held := sh_stock_job_held(NEW.job_id, code, target);
                IF needed > held THEN
                    INSERT INTO stock_movement (id, equipment_code, qty_change, reason, job_id,
                                                at, by_user, note, location, reserved_change)
                    VALUES (gen_random_uuid(), code, 0, 'reserved', NEW.job_id, now(),
                            session_user, 'package agreed again', target, needed - held);
                END IF;
            END IF;
        EXCEPTION
            WHEN check_violation THEN
                NULL; -- the figures changed meanwhile: the job is stock short on the board
        END;
    END LOOP;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER job_item_doorstep_reservations
    AFTER INSERT OR UPDATE OF deleted_at ON job_item
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (sh_doorstep_role()) EXECUTE FUNCTION sh_doorstep_reservations();
