-- SaferHomes central schema, version 2: who may see and write what (DESIGN.md sections 7, 10).
--
-- Each person has a login role that is a member of exactly one group role (sh_volunteer,
-- sh_officer, sh_fitter, sh_coordinator, sh_manager, sh_admin); init-server creates the groups
-- before this script runs. Two layers decide:
--   * GRANTs decide which tables, columns and commands a group may use at all. Nobody has
--     DELETE or TRUNCATE anywhere (soft deletes leave tombstones), and the ledgers
--     (stock_movement, audit_event) have no UPDATE either.
--   * Row-level security, enabled and FORCEd on every table, decides which rows. A user's
--     areas and identity are looked up once per statement by uncorrelated sub-selects on
--     indexed columns (area_id = ANY (...), household_id IN (SELECT ...)), never by a function
--     called per row. Child tables (residents, visits, ...) use household_id IN (SELECT id FROM
--     household), so the household policy of the asking role decides for them too.
--
-- Volunteers never receive eligibility reasons: they have no SELECT on household.eligibility
-- (column privilege), and audit events of that field are filtered out for them; the sync
-- selects the column list the role may read. Fitters do not get eligibility either.
-- Managers get no personal data: no privilege at all on resident, no free-text notes
-- (household.notes, visit.notes), no attachment bytes, and no audit events of personal fields.
--
-- A login in two groups at once is not supported: the fitter and coordinator policies would
-- refer to each other (household -> job -> household) and PostgreSQL refuses such recursion.

DO $$
BEGIN
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO sh_volunteer, sh_officer, sh_fitter, '
                   'sh_coordinator, sh_manager, sh_admin', current_database());
END;
$$;

GRANT USAGE ON SCHEMA public
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager, sh_admin;

-- Privileges ---------------------------------------------------------------------------------

GRANT SELECT ON schema_info, area, app_user, user_area, equipment_type
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager;
GRANT SELECT, INSERT ON applied_ops, audit_event
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager, sh_admin;

GRANT SELECT, INSERT, UPDATE ON schema_info, area, app_user, user_area, household, resident,
    visit, attachment, consent, survey, equipment_type, recommendation, fitter, job, job_item
    TO sh_admin;
GRANT SELECT, INSERT ON stock_movement TO sh_admin;

GRANT SELECT, INSERT, UPDATE ON household, resident TO sh_officer, sh_coordinator;
GRANT SELECT (id, uprn, address_line1, address_line2, town, postcode, latitude, longitude,
              area_id, status, priority, notes, created_at, updated_at, deleted_at, erased_at,
              row_version, txid)
    ON household TO sh_volunteer, sh_fitter;
GRANT INSERT (id, uprn, address_line1, address_line2, town, postcode, latitude, longitude,
              area_id, status, priority, notes, created_at, updated_at)
    ON household TO sh_volunteer;
GRANT UPDATE (uprn, address_line1, address_line2, town, postcode, latitude, longitude,
              area_id, status, priority, notes, updated_at)
    ON household TO sh_volunteer;
GRANT UPDATE (status, updated_at) ON household TO sh_fitter;
GRANT SELECT (id, uprn, address_line1, address_line2, town, postcode, latitude, longitude,
              area_id, eligibility, status, priority, created_at, updated_at, deleted_at,
              erased_at, row_version, txid)
    ON household TO sh_manager;

GRANT SELECT, INSERT, UPDATE ON resident TO sh_volunteer;
GRANT SELECT ON resident TO sh_fitter;

GRANT SELECT, INSERT ON visit, survey, attachment TO sh_volunteer, sh_officer, sh_coordinator;
GRANT SELECT, INSERT ON attachment TO sh_fitter;
GRANT SELECT, INSERT, UPDATE (withdrawn_at) ON consent
    TO sh_volunteer, sh_officer, sh_coordinator;
GRANT SELECT ON consent TO sh_fitter, sh_manager;
GRANT SELECT, INSERT, UPDATE (agreed) ON recommendation
    TO sh_volunteer, sh_officer, sh_coordinator;
GRANT SELECT ON survey, recommendation TO sh_manager;
GRANT SELECT (id, household_id, at, by_user, outcome, reason, revisit_at, supersedes,
              row_version, txid)
    ON visit TO sh_manager;
GRANT SELECT (id, household_id, kind, mime_type, sha256, created_at, by_user, deleted_at,
              row_version, txid)
    ON attachment TO sh_manager;

GRANT SELECT, INSERT, UPDATE ON fitter, job, job_item TO sh_coordinator;
GRANT SELECT ON fitter, job, job_item TO sh_fitter, sh_manager;
GRANT SELECT ON job, job_item TO sh_volunteer, sh_officer;
GRANT UPDATE (status, completed_at, signed_off_by, notes) ON job TO sh_fitter;
GRANT UPDATE (serial, fitted) ON job_item TO sh_fitter;

GRANT SELECT, INSERT ON stock_movement TO sh_coordinator, sh_fitter;
GRANT SELECT ON stock_movement TO sh_manager;

-- Row-level security -------------------------------------------------------------------------

ALTER TABLE schema_info ENABLE ROW LEVEL SECURITY;
ALTER TABLE schema_info FORCE ROW LEVEL SECURITY;
ALTER TABLE area ENABLE ROW LEVEL SECURITY;
ALTER TABLE area FORCE ROW LEVEL SECURITY;
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
ALTER TABLE user_area ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_area FORCE ROW LEVEL SECURITY;
ALTER TABLE household ENABLE ROW LEVEL SECURITY;
ALTER TABLE household FORCE ROW LEVEL SECURITY;
ALTER TABLE resident ENABLE ROW LEVEL SECURITY;
ALTER TABLE resident FORCE ROW LEVEL SECURITY;
ALTER TABLE visit ENABLE ROW LEVEL SECURITY;
ALTER TABLE visit FORCE ROW LEVEL SECURITY;
ALTER TABLE attachment ENABLE ROW LEVEL SECURITY;
ALTER TABLE attachment FORCE ROW LEVEL SECURITY;
ALTER TABLE consent ENABLE ROW LEVEL SECURITY;
ALTER TABLE consent FORCE ROW LEVEL SECURITY;
ALTER TABLE survey ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey FORCE ROW LEVEL SECURITY;
ALTER TABLE equipment_type ENABLE ROW LEVEL SECURITY;
ALTER TABLE equipment_type FORCE ROW LEVEL SECURITY;
ALTER TABLE recommendation ENABLE ROW LEVEL SECURITY;
ALTER TABLE recommendation FORCE ROW LEVEL SECURITY;
ALTER TABLE fitter ENABLE ROW LEVEL SECURITY;
ALTER TABLE fitter FORCE ROW LEVEL SECURITY;
ALTER TABLE job ENABLE ROW LEVEL SECURITY;
ALTER TABLE job FORCE ROW LEVEL SECURITY;
ALTER TABLE job_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE job_item FORCE ROW LEVEL SECURITY;
ALTER TABLE stock_movement ENABLE ROW LEVEL SECURITY;
ALTER TABLE stock_movement FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
ALTER TABLE applied_ops ENABLE ROW LEVEL SECURITY;
ALTER TABLE applied_ops FORCE ROW LEVEL SECURITY;

-- Admins see and write every row (their grants still forbid DELETE and ledger updates).
CREATE POLICY schema_info_admin ON schema_info TO sh_admin USING (true) WITH CHECK (true);
CREATE POLICY area_admin ON area TO sh_admin USING (true) WITH CHECK (true);
CREATE POLICY app_user_admin ON app_user TO sh_admin USING (true) WITH CHECK (true);
CREATE POLICY user_area_admin ON user_area TO sh_admin USING (true) WITH CHECK (true);
CREATE POLICY household_admin ON household TO sh_admin USING (true) WITH CHECK (true);
CREATE POLICY resident_admin ON resident TO sh_admin USING (true) WITH CHECK (true);
CREATE POLICY visit_admin ON visit TO sh_admin USING (true) WITH CHECK (true);
CREATE POLICY attachment_admin ON attachment TO sh_admin USING (true) WITH CHECK (true);
CREATE POLICY consent_admin ON consent TO sh_admin USING (true) WITH CHECK (true);
CREATE POLICY survey_admin ON survey TO sh_admin USING (true) WITH CHECK (true);
CREATE POLICY equipment_type_admin ON equipment_type TO sh_admin USING (true) WITH CHECK (true);
CREATE POLICY recommendation_admin ON recommendation TO sh_admin USING (true) WITH CHECK (true);
CREATE POLICY fitter_admin ON fitter TO sh_admin USING (true) WITH CHECK (true);
CREATE POLICY job_admin ON job TO sh_admin USING (true) WITH CHECK (true);
CREATE POLICY job_item_admin ON job_item TO sh_admin USING (true) WITH CHECK (true);
CREATE POLICY stock_movement_admin ON stock_movement TO sh_admin USING (true) WITH CHECK (true);
CREATE POLICY audit_event_admin ON audit_event TO sh_admin USING (true) WITH CHECK (true);
CREATE POLICY applied_ops_admin ON applied_ops TO sh_admin USING (true) WITH CHECK (true);

-- Reference data everyone reads.
CREATE POLICY schema_info_read ON schema_info FOR SELECT
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager USING (true);
CREATE POLICY area_read ON area FOR SELECT
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager USING (true);
CREATE POLICY equipment_type_read ON equipment_type FOR SELECT
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager USING (true);

-- Who am I, and where do I work: one's own rows only.
CREATE POLICY app_user_self ON app_user FOR SELECT
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager
    USING (login = current_user);
CREATE POLICY user_area_self ON user_area FOR SELECT
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager
    USING (user_id = (SELECT u.id FROM app_user u
                      WHERE u.login = current_user AND u.deleted_at IS NULL));

-- Households: officers, volunteers and coordinators in their areas (and only there may they
-- put one); fitters where they have a job that is not cancelled; managers all, read only.
-- ARRAY (SELECT ...) is computed once per statement (an InitPlan), then compared with the
-- indexed area_id. (Not ANY ((SELECT array_agg(...))): PostgreSQL reads the doubled
-- parentheses as a sub-select of arrays and looks for uuid = uuid[].)
CREATE POLICY household_area ON household
    TO sh_volunteer, sh_officer, sh_coordinator
    USING (area_id = ANY (ARRAY (SELECT ua.area_id FROM user_area ua
                                 WHERE ua.deleted_at IS NULL
                                   AND ua.user_id = (SELECT u.id FROM app_user u
                                                     WHERE u.login = current_user
                                                       AND u.deleted_at IS NULL))))
    WITH CHECK (area_id = ANY (ARRAY (SELECT ua.area_id FROM user_area ua
                                      WHERE ua.deleted_at IS NULL
                                        AND ua.user_id = (SELECT u.id FROM app_user u
                                                          WHERE u.login = current_user
                                                            AND u.deleted_at IS NULL))));
CREATE POLICY household_fitter_read ON household FOR SELECT TO sh_fitter
    USING (id IN (SELECT j.household_id FROM job j
                  WHERE j.status <> 'cancelled' AND j.deleted_at IS NULL));
CREATE POLICY household_fitter_update ON household FOR UPDATE TO sh_fitter
    USING (id IN (SELECT j.household_id FROM job j
                  WHERE j.status <> 'cancelled' AND j.deleted_at IS NULL))
    WITH CHECK (id IN (SELECT j.household_id FROM job j
                       WHERE j.status <> 'cancelled' AND j.deleted_at IS NULL));
CREATE POLICY household_manager ON household FOR SELECT TO sh_manager USING (true);

-- Rows that belong to a household follow the household's policy of the asking role. The
-- grants above decide which of these tables each role may read or write at all.
CREATE POLICY resident_household ON resident
    TO sh_volunteer, sh_officer, sh_coordinator, sh_fitter
    USING (household_id IN (SELECT h.id FROM household h))
    WITH CHECK (household_id IN (SELECT h.id FROM household h));
CREATE POLICY visit_household ON visit
    TO sh_volunteer, sh_officer, sh_coordinator, sh_manager
    USING (household_id IN (SELECT h.id FROM household h))
    WITH CHECK (household_id IN (SELECT h.id FROM household h));
CREATE POLICY attachment_household ON attachment
    TO sh_volunteer, sh_officer, sh_coordinator, sh_fitter, sh_manager
    USING (household_id IN (SELECT h.id FROM household h))
    WITH CHECK (household_id IN (SELECT h.id FROM household h));
CREATE POLICY consent_household ON consent
    TO sh_volunteer, sh_officer, sh_coordinator, sh_fitter, sh_manager
    USING (household_id IN (SELECT h.id FROM household h))
    WITH CHECK (household_id IN (SELECT h.id FROM household h));
CREATE POLICY survey_household ON survey
    TO sh_volunteer, sh_officer, sh_coordinator, sh_manager
    USING (household_id IN (SELECT h.id FROM household h))
    WITH CHECK (household_id IN (SELECT h.id FROM household h));
CREATE POLICY recommendation_survey ON recommendation
    TO sh_volunteer, sh_officer, sh_coordinator, sh_manager
    USING (survey_id IN (SELECT s.id FROM survey s))
    WITH CHECK (survey_id IN (SELECT s.id FROM survey s));

-- Fitters: coordinators and managers see all of them, a fitter their own row.
CREATE POLICY fitter_office ON fitter FOR SELECT TO sh_coordinator, sh_manager USING (true);
CREATE POLICY fitter_coordinator_insert ON fitter FOR INSERT TO sh_coordinator
    WITH CHECK (true);
CREATE POLICY fitter_coordinator_update ON fitter FOR UPDATE TO sh_coordinator
    USING (true) WITH CHECK (true);
CREATE POLICY fitter_self ON fitter FOR SELECT TO sh_fitter
    USING (user_id = (SELECT u.id FROM app_user u
                      WHERE u.login = current_user AND u.deleted_at IS NULL));

-- Jobs: coordinators see every job (a fitter's day spans areas, and double bookings must be
-- visible) but book and change only those of households in their areas; fitters see and
-- update their own; officers and volunteers see the jobs of their households.
CREATE POLICY job_office ON job FOR SELECT TO sh_coordinator, sh_manager USING (true);
CREATE POLICY job_coordinator_insert ON job FOR INSERT TO sh_coordinator
    WITH CHECK (household_id IN (SELECT h.id FROM household h));
CREATE POLICY job_coordinator_update ON job FOR UPDATE TO sh_coordinator
    USING (household_id IN (SELECT h.id FROM household h))
    WITH CHECK (household_id IN (SELECT h.id FROM household h));
CREATE POLICY job_household ON job FOR SELECT TO sh_volunteer, sh_officer
    USING (household_id IN (SELECT h.id FROM household h));
CREATE POLICY job_fitter ON job FOR SELECT TO sh_fitter
    USING (fitter_id = (SELECT f.id FROM fitter f
                        WHERE f.user_id = (SELECT u.id FROM app_user u
                                           WHERE u.login = current_user
                                             AND u.deleted_at IS NULL)));
CREATE POLICY job_fitter_update ON job FOR UPDATE TO sh_fitter
    USING (fitter_id = (SELECT f.id FROM fitter f
                        WHERE f.user_id = (SELECT u.id FROM app_user u
                                           WHERE u.login = current_user
                                             AND u.deleted_at IS NULL)))
    WITH CHECK (fitter_id = (SELECT f.id FROM fitter f
                             WHERE f.user_id = (SELECT u.id FROM app_user u
                                                WHERE u.login = current_user
                                                  AND u.deleted_at IS NULL)));

-- Job items follow the jobs one can see; coordinators write those of jobs in their areas,
-- fitters record serials and what was fitted on their own.
CREATE POLICY job_item_read ON job_item FOR SELECT
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager
    USING (job_id IN (SELECT j.id FROM job j));
CREATE POLICY job_item_coordinator_insert ON job_item FOR INSERT TO sh_coordinator
    WITH CHECK (job_id IN (SELECT j.id FROM job j
                           WHERE j.household_id IN (SELECT h.id FROM household h)));
CREATE POLICY job_item_coordinator_update ON job_item FOR UPDATE TO sh_coordinator
    USING (job_id IN (SELECT j.id FROM job j
                      WHERE j.household_id IN (SELECT h.id FROM household h)))
    WITH CHECK (job_id IN (SELECT j.id FROM job j
                           WHERE j.household_id IN (SELECT h.id FROM household h)));
CREATE POLICY job_item_fitter_update ON job_item FOR UPDATE TO sh_fitter
    USING (job_id IN (SELECT j.id FROM job j))
    WITH CHECK (job_id IN (SELECT j.id FROM job j));

-- The stock ledger: readable by the office and fitters; a movement is always in one's own
-- name, and a fitter's is for one of their jobs or none.
CREATE POLICY stock_movement_read ON stock_movement FOR SELECT
    TO sh_coordinator, sh_fitter, sh_manager USING (true);
CREATE POLICY stock_movement_coordinator_insert ON stock_movement FOR INSERT
    TO sh_coordinator WITH CHECK (by_user = current_user);
CREATE POLICY stock_movement_fitter_insert ON stock_movement FOR INSERT TO sh_fitter
    WITH CHECK (by_user = current_user
                AND (job_id IS NULL OR job_id IN (SELECT j.id FROM job j)));

-- The audit trail: everyone adds events in their own name; people read the history of the
-- households they can see, less what their role may not know.
CREATE POLICY audit_event_insert ON audit_event FOR INSERT
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager
    WITH CHECK (user_name = current_user);
CREATE POLICY audit_event_household ON audit_event FOR SELECT
    TO sh_officer, sh_fitter, sh_coordinator
    USING (household_id IN (SELECT h.id FROM household h));
CREATE POLICY audit_event_volunteer ON audit_event FOR SELECT TO sh_volunteer
    USING (household_id IN (SELECT h.id FROM household h) AND field <> 'eligibility');
CREATE POLICY audit_event_manager ON audit_event FOR SELECT TO sh_manager
    USING (entity <> 'resident'
           AND field NOT IN ('resident_name', 'name', 'phone', 'email', 'notes',
                             'access_needs'));

-- Pushed operations: each person sees and records their own.
CREATE POLICY applied_ops_own ON applied_ops
    TO sh_volunteer, sh_officer, sh_fitter, sh_coordinator, sh_manager
    USING (user_name = current_user) WITH CHECK (user_name = current_user);
