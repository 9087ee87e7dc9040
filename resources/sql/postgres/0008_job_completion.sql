-- SaferHomes central schema, version 8: what a fitter records with a completed visit reaches
-- the office (DESIGN.md section 8, issue 12). The local schema 8 added why a fitted quantity
-- differs from the planned one (job_item.difference_reason) and which photos and householder
-- signature belong to which job (attachment.job_id), but only on the device; now both sync.
--
-- Who may write is as before: a fitter changes the items of their own jobs (the reason with the
-- quantity) and inserts the attachments of the households of their jobs. An attachment names
-- only a job of its own household that the caller can see.

ALTER TABLE job_item ADD COLUMN difference_reason text NOT NULL DEFAULT '';
ALTER TABLE attachment ADD COLUMN job_id uuid REFERENCES job (id);
CREATE INDEX attachment_job ON attachment (job_id);

-- A fitter's completion updates the reason with the quantity; a revisit's items (0007) are
-- inserted with all their synced columns.
GRANT UPDATE (difference_reason) ON job_item TO sh_fitter;
GRANT INSERT (difference_reason) ON job_item TO sh_fitter;
-- Managers read attachments without their bytes (0002): the job they belong to as well.
GRANT SELECT (job_id) ON attachment TO sh_manager;

CREATE POLICY attachment_job_of_household ON attachment AS RESTRICTIVE FOR INSERT
    WITH CHECK (job_id IS NULL
                OR EXISTS (SELECT 1 FROM job j WHERE j.id = attachment.job_id
                           AND j.household_id = attachment.household_id));

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
                                         'job_id', 'at', 'by_user', 'note']
    END;
$$;

CREATE OR REPLACE FUNCTION sh_record_mutable(entity text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE entity
        WHEN 'consent' THEN ARRAY['withdrawn_at']
        WHEN 'recommendation' THEN ARRAY['qty', 'reason', 'agreed']
        WHEN 'job' THEN ARRAY['fitter_id', 'status', 'scheduled_start', 'scheduled_end',
                              'completed_at', 'signed_off_by', 'notes', 'duration_minutes',
                              'pinned', 'sequence', 'availability', 'access_notes']
        WHEN 'job_item' THEN ARRAY['serial', 'fitted', 'fitted_qty', 'difference_reason']
    END;
$$;

-- Erasure (0004) blanks the reasons too: they are the fitter's words about the household.
CREATE OR REPLACE FUNCTION sh_erase_household(target uuid) RETURNS void
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
    UPDATE job_item SET difference_reason = ''
        WHERE job_id IN (SELECT j.id FROM job j WHERE j.household_id = target)
          AND difference_reason <> '';
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
