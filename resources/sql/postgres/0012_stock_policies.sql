-- SaferHomes central schema, version 12: a fitter's stock movements stay on their own stock.
--
-- 0009 gave movements a location (`depot` or a fitter's id as text: their van) and a reserved
-- change, but the fitter's insert policy (last 0005) still only checked the author and the job,
-- so a fitter could record deliveries, counts or write-offs at the depot or at another fitter's
-- van, or a `released` row with no job that freed other people's reservations. A fitter may now
-- insert a movement only at their own van, at the depot for one of their own jobs (the
-- reservations a job holds there are fitted or released when it is done), or as the depot's
-- side of a transfer to or from their van (loading the van); reservations,
-- releases and fittings always name a job, and a named job is always one of theirs.
--
-- sh_stock_totals is SECURITY DEFINER: its search_path now lists pg_temp, last, so that a
-- caller's temporary objects cannot stand in for the ledger.
--
-- sh_push stored every error of an op as its permanent rejection, a lock timeout or a deadlock
-- (a reservation waiting on another push's) included: those now fail the whole push, which the
-- device retries, and leave no answer stored. serialization_failure is not among them: pushes
-- run at READ COMMITTED, and sh_update_record raises it on purpose for a change the server's
-- version overrules, which is a permanent rejection.

DROP POLICY stock_movement_fitter_insert ON stock_movement;
CREATE POLICY stock_movement_fitter_insert ON stock_movement FOR INSERT TO sh_fitter
    WITH CHECK (
        by_user = current_user
        AND (reason NOT IN ('reserved', 'released', 'fitted') OR job_id IS NOT NULL)
        AND (job_id IS NULL
             OR job_id IN (SELECT j.id FROM job j
                           WHERE j.fitter_id = (SELECT f.id FROM fitter f
                                                WHERE f.user_id = (SELECT u.id FROM app_user u
                                                                   WHERE u.login = current_user
                                                                     AND u.deleted_at IS NULL))))
        AND (location = (SELECT f.id::text FROM fitter f
                         WHERE f.user_id = (SELECT u.id FROM app_user u
                                            WHERE u.login = current_user
                                              AND u.deleted_at IS NULL))
             OR (location = 'depot' AND job_id IS NOT NULL
                 AND reason IN ('reserved', 'released', 'fitted'))
             -- Loading their van from the depot, or taking stock back: the depot's side of a
             -- transfer (its pair, at their van, is checked by this same policy).
             OR (location = 'depot' AND reason = 'transferred' AND job_id IS NULL
                 AND reserved_change = 0 AND pair_id IS NOT NULL)));

CREATE OR REPLACE FUNCTION sh_stock_totals(code text, place text)
RETURNS TABLE (on_hand bigint, reserved bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT coalesce(sum(m.qty_change), 0), coalesce(sum(m.reserved_change), 0)
    FROM stock_movement m
    WHERE m.equipment_code = code AND m.location = place;
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
        EXCEPTION
            WHEN deadlock_detected OR lock_not_available THEN
                RAISE;
            WHEN OTHERS THEN
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
