-- SaferHomes central schema: a package agreed again on an officer's or volunteer's device for
-- a job the office has since taken off the schedule (DESIGN.md sections 7 and 8, issue 12).
--
-- When the package is agreed again, the officer's device changes the job's length and, when it
-- holds the job as booked, its end (start plus the new length) and iCalendar sequence, in one
-- op with the old value of each (0018). If the office took the job off the schedule before
-- that op arrived, the server's job has no end, so sh_update_record refused the whole op as
-- "changed on the server": the new items arrived (ops of their own) and the old length stayed,
-- and the coordinator would book the job for the length of the old package.
--
-- An officer's or volunteer's end and sequence only ever follow the length on the booking
-- their device knew (0018's trigger refuses anything else from them). When the server's job is
-- in the tray (unscheduled, no end) and their op moves an end from a time, without touching
-- the fitter, status or start, that booking no longer exists: the op's end and sequence are
-- left out, and the rest applies as to a job still in the tray. The job keeps no end and the
-- sequence the office left it with; the length is still checked against the server's old
-- value, so a length the office changed meanwhile is refused as before. A booked job, the
-- office's ops and every other op are treated as before.

-- What the server applies of an update of job record_id whose changes (field: [old, new])
-- an officer's or volunteer's device sent: all of them, except as above.
CREATE FUNCTION sh_doorstep_job_changes(record_id uuid, changes jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
    field text;
BEGIN
    IF NOT sh_doorstep_role() OR (changes->'scheduled_end'->>0) IS NULL
       OR (changes->'scheduled_end'->>0) IS NOT DISTINCT FROM (changes->'scheduled_end'->>1) THEN
        RETURN changes;
    END IF;
    FOREACH field IN ARRAY ARRAY['fitter_id', 'status', 'scheduled_start'] LOOP
        IF (changes->field->>0) IS DISTINCT FROM (changes->field->>1) THEN
            RETURN changes;
        END IF;
    END LOOP;
    -- Locked as sh_update_record locks it next, so that it stays in the tray meanwhile.
    PERFORM 1 FROM job j
        WHERE j.id = record_id AND j.status = 'unscheduled' AND j.scheduled_end IS NULL
        FOR UPDATE;
    IF NOT FOUND THEN
        RETURN changes;
    END IF;
    RETURN changes - 'scheduled_end' - 'sequence';
END;
$$;
REVOKE ALL ON FUNCTION sh_doorstep_job_changes(uuid, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sh_doorstep_job_changes(uuid, jsonb)
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager, sh_admin;

-- 0015's (the catalogue's ops to sh_apply_catalogue_op, budget ops to sh_set_budget), with a
-- job's update passed through sh_doorstep_job_changes.
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
    ELSIF op->>'kind' = 'update' AND entity = 'job' THEN
        PERFORM sh_update_record(entity, record_id,
                                 sh_doorstep_job_changes(record_id, op->'payload'));
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
