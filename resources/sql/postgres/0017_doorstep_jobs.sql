-- SaferHomes central schema: the job that a package agreed at the doorstep makes reaches the
-- office (DESIGN.md sections 7 and 8, issue 12).
--
-- Agreeing a package makes an unscheduled job with the package's items on the device that
-- agreed it (JobRepository::packageAgreed): usually an officer's or a volunteer's. Until now
-- only coordinators and admins could insert jobs, so every such job came back refused
-- ("permission denied for table job") and never reached the coordinator's tray. Officers and
-- volunteers may now insert an unscheduled job for a household they can see (no fitter, no
-- times, not completed), and its items while the job is unscheduled. Booking, moving and
-- completing stay with the office and the fitters.
GRANT INSERT ON job, job_item TO sh_volunteer, sh_officer;

CREATE POLICY job_doorstep_insert ON job FOR INSERT TO sh_volunteer, sh_officer
    WITH CHECK (status = 'unscheduled' AND fitter_id IS NULL AND scheduled_start IS NULL
                AND scheduled_end IS NULL AND completed_at IS NULL
                AND EXISTS (SELECT 1 FROM household h WHERE h.id = household_id));

CREATE POLICY job_item_doorstep_insert ON job_item FOR INSERT TO sh_volunteer, sh_officer
    WITH CHECK (EXISTS (SELECT 1 FROM job j WHERE j.id = job_id AND j.status = 'unscheduled'));
