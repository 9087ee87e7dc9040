-- SaferHomes central schema: when a survey's package was agreed (DESIGN.md section 9, issue 14;
-- local schema 0017_package_agreed.sql).
--
-- The first agreement of a survey's package, in the time of the device that agreed it. A
-- device sends it with the survey when it was agreed before the survey was pushed, and as an
-- update op (old and new value, like a job's fields) when it was agreed afterwards; an update
-- whose old value is no longer here (another device's agreement arrived first) is refused and
-- the device gets this row's time on its next pull, so the first agreement to reach the server
-- stands. Packages agreed before this version are dated by their survey's completion, as the
-- devices backfill them.
ALTER TABLE survey ADD COLUMN package_agreed_at timestamptz;
UPDATE survey s SET package_agreed_at = s.completed_at
WHERE s.completed_at IS NOT NULL
  AND EXISTS (SELECT 1 FROM recommendation r
              WHERE r.survey_id = s.id AND r.agreed AND r.deleted_at IS NULL);

-- The roles that take surveys and agree packages (0002 grants them INSERT on survey and
-- UPDATE (agreed) on recommendation); the survey_household policy (0005) covers updates.
GRANT UPDATE (package_agreed_at) ON survey TO sh_volunteer, sh_officer, sh_coordinator;

-- 0015's list, with survey.package_agreed_at.
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
                                 'supersedes', 'package_agreed_at']
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

-- 0015's list, with survey.package_agreed_at.
CREATE OR REPLACE FUNCTION sh_record_mutable(entity text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE entity
        WHEN 'consent' THEN ARRAY['withdrawn_at']
        WHEN 'survey' THEN ARRAY['package_agreed_at']
        WHEN 'recommendation' THEN ARRAY['qty', 'reason', 'agreed']
        WHEN 'job' THEN ARRAY['fitter_id', 'status', 'scheduled_start', 'scheduled_end',
                              'completed_at', 'signed_off_by', 'notes', 'duration_minutes',
                              'pinned', 'sequence', 'availability', 'access_notes',
                              'pin_kind']
        WHEN 'job_item' THEN ARRAY['serial', 'fitted', 'fitted_qty', 'difference_reason',
                                   'unit_cost_pence']
    END;
$$;
