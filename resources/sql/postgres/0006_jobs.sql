-- SaferHomes central schema, version 6: jobs from agreed packages, fitters' weeks and the
-- householder's availability (DESIGN.md section 8, issue 12). Add-only, as the local
-- schema 7: the 'unscheduled' status, a job's duration, pin, iCalendar sequence, the job it
-- revisits, the householder's availability and access notes; what was fitted of each item;
-- a fitter's weekly shifts, absences and van.

ALTER TABLE job DROP CONSTRAINT job_status_check;
ALTER TABLE job ADD CONSTRAINT job_status_check
    CHECK (status IN ('unscheduled', 'tentative', 'scheduled', 'completed', 'no_access',
                      'cancelled'));
ALTER TABLE job
    ADD COLUMN duration_minutes integer NOT NULL DEFAULT 0 CHECK (duration_minutes >= 0),
    ADD COLUMN pinned boolean NOT NULL DEFAULT false,
    ADD COLUMN sequence integer NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    ADD COLUMN revisit_of uuid REFERENCES job (id),
    ADD COLUMN availability jsonb NOT NULL DEFAULT '{}',
    ADD COLUMN access_notes text NOT NULL DEFAULT '';
ALTER TABLE job_item ADD COLUMN fitted_qty integer NOT NULL DEFAULT 0 CHECK (fitted_qty >= 0);
ALTER TABLE fitter
    ADD COLUMN weekly_shifts jsonb NOT NULL DEFAULT '{}',
    ADD COLUMN absences jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN van text NOT NULL DEFAULT '';

GRANT UPDATE (fitted_qty) ON job_item TO sh_fitter;

CREATE OR REPLACE FUNCTION sh_record_columns(entity text) RETURNS text[]
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
                              'signed_off_by', 'notes', 'created_at', 'duration_minutes',
                              'pinned', 'sequence', 'revisit_of', 'availability',
                              'access_notes']
        WHEN 'job_item' THEN ARRAY['id', 'job_id', 'equipment_code', 'qty', 'serial', 'fitted',
                                   'fitted_qty']
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
        WHEN 'job_item' THEN ARRAY['serial', 'fitted', 'fitted_qty']
    END;
$$;
