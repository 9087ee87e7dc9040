-- SaferHomes central schema, version 9: the stock ledger in use (DESIGN.md sections 7 and 8).
--
-- A movement now says where it happened (`depot` or a fitter's id: their van), what it does to
-- the reserved quantity there as well as to what is on hand, and for a count what was counted
-- and what the device's ledger expected (the adjustment is counted - expected, so two devices'
-- counts compose). Transfers (two movements naming each other in pair_id) and write-offs are
-- new reasons.
--
-- The ledger here is the truth. Physical movements (deliveries, transfers, fittings, returns,
-- counts, write-offs) are facts a device recorded and are always taken. A reservation is a
-- claim: one that would reserve more than the location holds unreserved on the server (two
-- devices reserving the last unit while offline) is refused, and the device that sent it is
-- told (its op comes back rejected, the movement stays there as history and leaves its levels).
-- Reservations of one item at one location are taken one at a time (an advisory lock), so two
-- concurrent pushes cannot both take the last unit.

ALTER TABLE stock_movement
    ADD COLUMN location text NOT NULL DEFAULT 'depot',
    ADD COLUMN reserved_change integer NOT NULL DEFAULT 0,
    ADD COLUMN counted integer CHECK (counted IS NULL OR counted >= 0),
    ADD COLUMN expected integer,
    ADD COLUMN pair_id uuid;
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_reason_check;
ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_reason_check
    CHECK (reason IN ('received', 'transferred', 'reserved', 'released', 'fitted',
                      'count_adjustment', 'returned', 'written_off'));
CREATE INDEX stock_movement_code_location ON stock_movement (equipment_code, location);

CREATE FUNCTION sh_stock_reservation_check() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    on_hand bigint;
    reserved bigint;
BEGIN
    IF NEW.reserved_change <= 0 OR NEW.qty_change <> 0 THEN
        RETURN NEW;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('stock:' || NEW.equipment_code || ':' || NEW.location));
    -- Sums over every row, whoever may read them: a definer's view of the ledger.
    SELECT t.on_hand, t.reserved INTO on_hand, reserved
        FROM sh_stock_totals(NEW.equipment_code, NEW.location) t;
    IF on_hand - reserved < NEW.reserved_change THEN
        RAISE EXCEPTION 'stock short: % has % of % available on the server (% on hand, % reserved): % cannot be reserved',
            NEW.location, on_hand - reserved, NEW.equipment_code, on_hand, reserved,
            NEW.reserved_change
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

-- What the whole ledger says one location holds of one item, whatever rows the caller's
-- policies let them see (a fitter reserving at the depot must count the office's reservations
-- too): two totals, no row.
CREATE FUNCTION sh_stock_totals(code text, place text)
RETURNS TABLE (on_hand bigint, reserved bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT coalesce(sum(m.qty_change), 0), coalesce(sum(m.reserved_change), 0)
    FROM stock_movement m
    WHERE m.equipment_code = code AND m.location = place;
$$;
REVOKE ALL ON FUNCTION sh_stock_totals(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sh_stock_totals(text, text)
    TO sh_admin, sh_coordinator, sh_fitter, sh_manager;

CREATE TRIGGER stock_movement_reservation BEFORE INSERT ON stock_movement
    FOR EACH ROW EXECUTE FUNCTION sh_stock_reservation_check();

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
                              'access_notes']
        WHEN 'job_item' THEN ARRAY['id', 'job_id', 'equipment_code', 'qty', 'serial', 'fitted',
                                   'fitted_qty', 'difference_reason']
        WHEN 'stock_movement' THEN ARRAY['id', 'equipment_code', 'qty_change', 'reason',
                                         'job_id', 'at', 'by_user', 'note', 'location',
                                         'reserved_change', 'counted', 'expected', 'pair_id']
    END;
$$;
