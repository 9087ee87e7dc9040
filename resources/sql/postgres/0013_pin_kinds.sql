-- SaferHomes central schema, version 13: what a pin holds (DESIGN.md section 8, issue 12), as
-- the local schema 14.
--
-- A booked job may be pinned to its fitter (any day and time of the horizon), to its fitter's
-- day (the order within the day may change) or to its exact time: `pin_kind` says which.
-- `pinned` stays and keeps its meaning, a pin to the exact time; a trigger keeps the two in
-- step whichever one a write changes (devices of this version send pin_kind, and pinned follows;
-- a write of pinned alone, as before, makes pin_kind 'time' or 'none'). The existing exact-time
-- pins become pin_kind 'time'.
--
-- sh_record_columns and sh_record_mutable (last 0009 and 0008) gain 'pin_kind' for 'job'; a
-- fitter's revisit job (0007) is inserted with it, so the fitter's column grant names it too.

ALTER TABLE job ADD COLUMN pin_kind text NOT NULL DEFAULT 'none'
    CHECK (pin_kind IN ('none', 'fitter', 'day', 'time'));
UPDATE job SET pin_kind = 'time' WHERE pinned;

CREATE FUNCTION sh_job_pin_kind() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.pinned THEN
            NEW.pin_kind := 'time';
        END IF;
    ELSIF NEW.pin_kind IS NOT DISTINCT FROM OLD.pin_kind
          AND NEW.pinned IS DISTINCT FROM OLD.pinned THEN
        NEW.pin_kind := CASE WHEN NEW.pinned THEN 'time' ELSE 'none' END;
    END IF;
    NEW.pinned := NEW.pin_kind = 'time';
    RETURN NEW;
END;
$$;

CREATE TRIGGER job_pin_kind BEFORE INSERT OR UPDATE ON job
    FOR EACH ROW EXECUTE FUNCTION sh_job_pin_kind();

GRANT INSERT (pin_kind) ON job TO sh_fitter;

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
                                   'fitted_qty', 'difference_reason']
        WHEN 'stock_movement' THEN ARRAY['id', 'equipment_code', 'qty_change', 'reason',
                                         'job_id', 'at', 'by_user', 'note', 'location',
                                         'reserved_change', 'counted', 'expected', 'pair_id']
    END;
$$;

CREATE OR REPLACE FUNCTION sh_record_mutable(entity text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE entity
        WHEN 'consent' THEN ARRAY['withdrawn_at']
        WHEN 'recommendation' THEN ARRAY['qty', 'reason', 'agreed']
        WHEN 'job' THEN ARRAY['fitter_id', 'status', 'scheduled_start', 'scheduled_end',
                              'completed_at', 'signed_off_by', 'notes', 'duration_minutes',
                              'pinned', 'sequence', 'availability', 'access_notes',
                              'pin_kind']
        WHEN 'job_item' THEN ARRAY['serial', 'fitted', 'fitted_qty', 'difference_reason']
    END;
$$;
