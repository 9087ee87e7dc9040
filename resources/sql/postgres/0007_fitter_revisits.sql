-- SaferHomes central schema, version 7: a fitter's "no access" sends its revisit job
-- (DESIGN.md section 8, issue 12). Recording that nobody was in turns the fitter's job into
-- `no_access` and puts an unscheduled revisit job, with the same items, in the tray; until now
-- fitters could change their own jobs but not insert one, so the revisit was refused and
-- stayed on the fitter's device.
--
-- A fitter may now insert a job only as the revisit of one of their own no-access jobs, for the
-- same household, unbooked (no fitter, no times), and its items; and sees those revisits (the
-- job they came back from). The check cannot read `job` from a policy on `job` (PostgreSQL
-- refuses a policy that recurses into its own table), so one SECURITY DEFINER function lists
-- the fitter's no-access jobs; it is called once per statement in an uncorrelated sub-select.
-- It answers only for the login of the session calling it (or a superuser's session, which
-- may SET ROLE to check a role's policies): a fitter who calls it with another fitter's login
-- gets nothing.

CREATE FUNCTION sh_fitter_no_access_jobs(login name)
RETURNS TABLE (job_id uuid, household_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT j.id, j.household_id
    FROM job j
    JOIN fitter f ON f.id = j.fitter_id
    JOIN app_user u ON u.id = f.user_id
    WHERE u.login = $1 AND u.deleted_at IS NULL AND j.status = 'no_access'
      AND j.deleted_at IS NULL
      AND ($1 = session_user
           OR (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user));
$$;
REVOKE ALL ON FUNCTION sh_fitter_no_access_jobs(name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sh_fitter_no_access_jobs(name) TO sh_fitter;

GRANT INSERT (id, household_id, survey_id, fitter_id, status, scheduled_start, scheduled_end,
              completed_at, signed_off_by, notes, created_at, duration_minutes, pinned,
              sequence, revisit_of, availability, access_notes)
    ON job TO sh_fitter;
GRANT INSERT (id, job_id, equipment_code, qty, serial, fitted, fitted_qty)
    ON job_item TO sh_fitter;

CREATE POLICY job_fitter_revisit_insert ON job FOR INSERT TO sh_fitter
    WITH CHECK (status = 'unscheduled' AND fitter_id IS NULL AND scheduled_start IS NULL
                AND scheduled_end IS NULL AND completed_at IS NULL
                AND (revisit_of, household_id) IN (
                    SELECT n.job_id, n.household_id
                    FROM sh_fitter_no_access_jobs(current_user) n));
CREATE POLICY job_fitter_revisit_read ON job FOR SELECT TO sh_fitter
    USING (revisit_of IN (SELECT n.job_id FROM sh_fitter_no_access_jobs(current_user) n));

-- The revisit's items: only while it waits in the tray.
CREATE POLICY job_item_fitter_revisit_insert ON job_item FOR INSERT TO sh_fitter
    WITH CHECK (EXISTS (SELECT 1 FROM job j WHERE j.id = job_item.job_id
                        AND j.status = 'unscheduled' AND j.revisit_of IS NOT NULL));
