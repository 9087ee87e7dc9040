-- SaferHomes central schema, version 5: the policies of rows that belong to a household reach
-- it through its primary key (DESIGN.md section 7, issue 9).
--
-- Until now they read `household_id IN (SELECT h.id FROM household h)`: PostgreSQL plans that
-- as one hashed sub-plan over every household the caller may see, built for every statement.
-- A pushed op inserts one resident, visit or consent per statement, so each op read every
-- visible household (measured: 37,797 sequential scans reading 714 million rows for 37,800
-- ops), and pushing slowed as the central database grew. Written as a correlated
-- `EXISTS (SELECT 1 FROM household h WHERE h.id = <table>.household_id)`, one row is checked
-- by one primary-key lookup, and the household's own policy for the asking role still
-- decides whether that household is visible; a read of many rows becomes a semi-join.
-- Fitters' household policies reach their jobs the same way (job.household_id is indexed).
-- Who may see and write what is unchanged.

DROP POLICY household_fitter_read ON household;
DROP POLICY household_fitter_update ON household;
CREATE POLICY household_fitter_read ON household FOR SELECT TO sh_fitter
    USING (EXISTS (SELECT 1 FROM job j WHERE j.household_id = household.id
                   AND j.status <> 'cancelled' AND j.deleted_at IS NULL));
CREATE POLICY household_fitter_update ON household FOR UPDATE TO sh_fitter
    USING (EXISTS (SELECT 1 FROM job j WHERE j.household_id = household.id
                   AND j.status <> 'cancelled' AND j.deleted_at IS NULL))
    WITH CHECK (EXISTS (SELECT 1 FROM job j WHERE j.household_id = household.id
                        AND j.status <> 'cancelled' AND j.deleted_at IS NULL));

DROP POLICY resident_household ON resident;
CREATE POLICY resident_household ON resident
    TO sh_volunteer, sh_officer, sh_coordinator, sh_fitter
    USING (EXISTS (SELECT 1 FROM household h WHERE h.id = resident.household_id))
    WITH CHECK (EXISTS (SELECT 1 FROM household h WHERE h.id = resident.household_id));
DROP POLICY visit_household ON visit;
CREATE POLICY visit_household ON visit
    TO sh_volunteer, sh_officer, sh_coordinator, sh_manager
    USING (EXISTS (SELECT 1 FROM household h WHERE h.id = visit.household_id))
    WITH CHECK (EXISTS (SELECT 1 FROM household h WHERE h.id = visit.household_id));
DROP POLICY attachment_household ON attachment;
CREATE POLICY attachment_household ON attachment
    TO sh_volunteer, sh_officer, sh_coordinator, sh_fitter, sh_manager
    USING (EXISTS (SELECT 1 FROM household h WHERE h.id = attachment.household_id))
    WITH CHECK (EXISTS (SELECT 1 FROM household h WHERE h.id = attachment.household_id));
DROP POLICY consent_household ON consent;
CREATE POLICY consent_household ON consent
    TO sh_volunteer, sh_officer, sh_coordinator, sh_fitter, sh_manager
    USING (EXISTS (SELECT 1 FROM household h WHERE h.id = consent.household_id))
    WITH CHECK (EXISTS (SELECT 1 FROM household h WHERE h.id = consent.household_id));
DROP POLICY survey_household ON survey;
CREATE POLICY survey_household ON survey
    TO sh_volunteer, sh_officer, sh_coordinator, sh_manager
    USING (EXISTS (SELECT 1 FROM household h WHERE h.id = survey.household_id))
    WITH CHECK (EXISTS (SELECT 1 FROM household h WHERE h.id = survey.household_id));
DROP POLICY recommendation_survey ON recommendation;
CREATE POLICY recommendation_survey ON recommendation
    TO sh_volunteer, sh_officer, sh_coordinator, sh_manager
    USING (EXISTS (SELECT 1 FROM survey s WHERE s.id = recommendation.survey_id))
    WITH CHECK (EXISTS (SELECT 1 FROM survey s WHERE s.id = recommendation.survey_id));

DROP POLICY job_coordinator_insert ON job;
DROP POLICY job_coordinator_update ON job;
DROP POLICY job_household ON job;
CREATE POLICY job_coordinator_insert ON job FOR INSERT TO sh_coordinator
    WITH CHECK (EXISTS (SELECT 1 FROM household h WHERE h.id = job.household_id));
CREATE POLICY job_coordinator_update ON job FOR UPDATE TO sh_coordinator
    USING (EXISTS (SELECT 1 FROM household h WHERE h.id = job.household_id))
    WITH CHECK (EXISTS (SELECT 1 FROM household h WHERE h.id = job.household_id));
CREATE POLICY job_household ON job FOR SELECT TO sh_volunteer, sh_officer
    USING (EXISTS (SELECT 1 FROM household h WHERE h.id = job.household_id));

DROP POLICY job_item_read ON job_item;
DROP POLICY job_item_coordinator_insert ON job_item;
DROP POLICY job_item_coordinator_update ON job_item;
DROP POLICY job_item_fitter_update ON job_item;
CREATE POLICY job_item_read ON job_item FOR SELECT
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager
    USING (EXISTS (SELECT 1 FROM job j WHERE j.id = job_item.job_id));
CREATE POLICY job_item_coordinator_insert ON job_item FOR INSERT TO sh_coordinator
    WITH CHECK (EXISTS (SELECT 1 FROM job j JOIN household h ON h.id = j.household_id
                        WHERE j.id = job_item.job_id));
CREATE POLICY job_item_coordinator_update ON job_item FOR UPDATE TO sh_coordinator
    USING (EXISTS (SELECT 1 FROM job j JOIN household h ON h.id = j.household_id
                   WHERE j.id = job_item.job_id))
    WITH CHECK (EXISTS (SELECT 1 FROM job j JOIN household h ON h.id = j.household_id
                        WHERE j.id = job_item.job_id));
CREATE POLICY job_item_fitter_update ON job_item FOR UPDATE TO sh_fitter
    USING (EXISTS (SELECT 1 FROM job j WHERE j.id = job_item.job_id))
    WITH CHECK (EXISTS (SELECT 1 FROM job j WHERE j.id = job_item.job_id));

DROP POLICY stock_movement_fitter_insert ON stock_movement;
CREATE POLICY stock_movement_fitter_insert ON stock_movement FOR INSERT TO sh_fitter
    WITH CHECK (by_user = current_user
                AND (job_id IS NULL
                     OR EXISTS (SELECT 1 FROM job j WHERE j.id = stock_movement.job_id)));

DROP POLICY audit_event_household ON audit_event;
DROP POLICY audit_event_volunteer ON audit_event;
CREATE POLICY audit_event_household ON audit_event FOR SELECT
    TO sh_officer, sh_fitter, sh_coordinator
    USING (EXISTS (SELECT 1 FROM household h WHERE h.id = audit_event.household_id));
CREATE POLICY audit_event_volunteer ON audit_event FOR SELECT TO sh_volunteer
    USING (EXISTS (SELECT 1 FROM household h WHERE h.id = audit_event.household_id)
           AND field <> 'eligibility');

DROP POLICY household_move_insert ON household_move;
CREATE POLICY household_move_insert ON household_move FOR INSERT
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager, sh_admin
    WITH CHECK (EXISTS (SELECT 1 FROM household h WHERE h.id = household_move.household_id));
