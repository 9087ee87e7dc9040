// Row-level security and privileges of the central database (DESIGN §1, §7, §10), checked by
// connecting as one person of each role and running SQL directly: what each can see, what each
// can write, and what nobody can do.

#include "centraltest.h"
#include "sync/centraladmin.h"

#include <QHash>
#include <QUuid>

namespace saferhomes::synctest {

namespace {

QString id(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

// Households: two in Melton (the officer's, volunteer's and coordinator's area), two in Oadby.
const QString kMelton1 = id(1);
const QString kMelton2 = id(2);
const QString kOadby1 = id(3);
const QString kOadby2 = id(4);
const QString kMeltonArea = QStringLiteral("Melton Town Centre");
const QString kOadbyArea = QStringLiteral("Oadby and Wigston");
// The fitter's jobs: a live one at Oadby 1 and a cancelled one at Oadby 2; Melton 1 has a job
// without a fitter.
const QString kFitterJob = id(31);
const QString kCancelledJob = id(32);
const QString kMeltonJob = id(33);
const QString kPassword = QStringLiteral("rls-test-password");

::testing::AssertionResult refusedWith(PgSession &session, const QString &sql,
                                       const QString &state = QStringLiteral("42501"),
                                       const QVariantList &values = {})
{
    if (session.exec(sql, values))
        return ::testing::AssertionFailure() << "the server accepted: " << sql.toStdString();
    if (session.lastState() != state) {
        return ::testing::AssertionFailure()
            << "SQLSTATE " << session.lastState().toStdString() << " instead of "
            << state.toStdString() << ": " << session.lastError().toStdString();
    }
    return ::testing::AssertionSuccess();
}

::testing::AssertionResult accepted(PgSession &session, const QString &sql,
                                    const QVariantList &values = {})
{
    if (session.exec(sql, values))
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
        << session.lastError().toStdString() << " in " << sql.toStdString();
}

class Rls : public ::testing::Test {
protected:
    static void SetUpTestSuite();

    void SetUp() override { ASSERT_FALSE(s_database.isEmpty()) << "set-up failed"; }

    /// A session as the person of \a role ("officer2": the officer of Oadby).
    static std::unique_ptr<PgSession> as(const QString &role)
    {
        auto session
            = std::make_unique<PgSession>(cluster(), s_database, s_logins.value(role), kPassword);
        EXPECT_TRUE(session->isOpen()) << session->openError().toStdString();
        return session;
    }

    static inline QString s_database;
    static inline QHash<QString, QString> s_logins;
};

void Rls::SetUpTestSuite()
{
    // Added in the order of their keys, as before.
    s_database = databaseWithPeople(
        QStringLiteral("rls"),
        {
            {QStringLiteral("admin"), {QStringLiteral("admin"), {}}},
            {QStringLiteral("coordinator"), {QStringLiteral("coordinator"), {kMeltonArea}}},
            {QStringLiteral("fitter"), {QStringLiteral("fitter"), {}}},
            {QStringLiteral("manager"), {QStringLiteral("manager"), {}}},
            {QStringLiteral("officer"), {QStringLiteral("officer"), {kMeltonArea}}},
            {QStringLiteral("officer2"), {QStringLiteral("officer"), {kOadbyArea}}},
            {QStringLiteral("volunteer"), {QStringLiteral("volunteer"), {kMeltonArea}}},
        },
        kPassword, &s_logins);
    if (s_database.isEmpty())
        return;

    const auto seed = superuserSession(s_database);
    const QStringList statements {
        QStringLiteral(
            "INSERT INTO household (id, uprn, address_line1, postcode, area_id, eligibility, "
            "notes) SELECT v.id::uuid, v.uprn, v.line1, v.postcode, a.id, 'repeat_victim', "
            "'Key safe by the back door' FROM (VALUES "
            "('%1', '100000000001', '1 Thorpe Road', 'LE13 1AA', '%5'),"
            "('%2', '100000000002', '2 Thorpe Road', 'LE13 1AA', '%5'),"
            "('%3', '100000000003', '3 Leicester Road', 'LE18 1AB', '%6'),"
            "('%4', '100000000004', '4 Leicester Road', 'LE18 1AB', '%6')) "
            "AS v (id, uprn, line1, postcode, area) JOIN area a ON a.name = v.area")
            .arg(kMelton1, kMelton2, kOadby1, kOadby2, kMeltonArea, kOadbyArea),
        QStringLiteral("INSERT INTO resident (id, household_id, name, phone, is_primary) "
                       "SELECT gen_random_uuid(), h.id, 'Resident of ' || h.address_line1, "
                       "'01664 000000', true FROM household h"),
        QStringLiteral("INSERT INTO equipment_type (code, name, unit_cost_pence, fit_minutes, "
                       "skill) VALUES ('DOOR_LOCK', 'Door lock', 2500, 30, 'locks')"),
        QStringLiteral("INSERT INTO job (id, household_id, fitter_id, status, scheduled_start, "
                       "scheduled_end) SELECT v.id::uuid, v.household::uuid, f.id, v.status, "
                       "v.s::timestamptz, v.e::timestamptz FROM (VALUES "
                       "('%1', '%3', 'scheduled', '2025-03-03 09:00Z', '2025-03-03 10:00Z'),"
                       "('%2', '%4', 'cancelled', '2025-03-03 11:00Z', '2025-03-03 12:00Z')) "
                       "AS v (id, household, status, s, e) CROSS JOIN fitter f "
                       "JOIN app_user u ON u.id = f.user_id WHERE u.login = '%5'")
            .arg(kFitterJob, kCancelledJob, kOadby1, kOadby2,
                 s_logins.value(QStringLiteral("fitter"))),
        QStringLiteral("INSERT INTO job (id, household_id, status) VALUES ('%1', '%2', "
                       "'tentative')")
            .arg(kMeltonJob, kMelton1),
        // Three door locks a job: a job never holds more reserved than its items need.
        QStringLiteral("INSERT INTO job_item (id, job_id, equipment_code, qty) "
                       "SELECT gen_random_uuid(), j.id, 'DOOR_LOCK', 3 FROM job j"),
        QStringLiteral(
            "INSERT INTO audit_event (id, at, user_name, device, entity, entity_id, "
            "household_id, field, old_value, new_value) VALUES "
            "(gen_random_uuid(), now(), 'seed', 'test', 'household', '%1', '%1', "
            "'eligibility', NULL, 'repeat_victim'),"
            "(gen_random_uuid(), now(), 'seed', 'test', 'household', '%1', '%1', 'status', "
            "'identified', 'contacted'),"
            "(gen_random_uuid(), now(), 'seed', 'test', 'resident', '%1', '%1', 'name', NULL, "
            "'Ann Example')")
            .arg(kMelton1),
        QStringLiteral("INSERT INTO stock_movement (id, equipment_code, qty_change, reason, "
                       "by_user) VALUES (gen_random_uuid(), 'DOOR_LOCK', 50, 'received', "
                       "'seed')"),
    };
    for (const QString &statement : statements) {
        if (!seed->exec(statement)) {
            ADD_FAILURE() << seed->lastError().toStdString() << " in " << statement.toStdString();
            s_database.clear();
            return;
        }
    }
}

} // namespace

TEST_F(Rls, OfficerSeesOnlyHouseholdsInTheirAreas)
{
    const auto officer = as(QStringLiteral("officer"));
    const QStringList seen = officer->column(QStringLiteral("SELECT id FROM household"));
    EXPECT_TRUE(seen.contains(kMelton1) && seen.contains(kMelton2))
        << seen.join(u' ').toStdString();
    EXPECT_FALSE(seen.contains(kOadby1) || seen.contains(kOadby2));
    // Other tests may add households in Melton; none outside it is ever visible.
    EXPECT_EQ(officer
                  ->value(QStringLiteral("SELECT count(*) FROM household h JOIN area a "
                                         "ON a.id = h.area_id WHERE a.name <> ?"),
                          {kMeltonArea})
                  .toInt(),
              0);
    EXPECT_EQ(officer->column(QStringLiteral("SELECT household_id FROM resident "
                                             "WHERE household_id IN (?, ?, ?, ?)"),
                              {kMelton1, kMelton2, kOadby1, kOadby2}),
              QStringList({kMelton1, kMelton2}));
    EXPECT_EQ(officer->column(QStringLiteral("SELECT id FROM job")), QStringList(kMeltonJob));
    EXPECT_EQ(officer->column(QStringLiteral("SELECT login FROM app_user")),
              QStringList(s_logins.value(QStringLiteral("officer"))));

    const auto officer2 = as(QStringLiteral("officer2"));
    EXPECT_EQ(officer2->column(QStringLiteral("SELECT id FROM household WHERE id IN (?, ?, ?, ?)"),
                               {kMelton1, kMelton2, kOadby1, kOadby2}),
              QStringList({kOadby1, kOadby2}));
}

TEST_F(Rls, OfficerWritesOnlyInTheirAreas)
{
    const auto officer = as(QStringLiteral("officer"));
    const QString insert = QStringLiteral(
        "INSERT INTO household (id, address_line1, postcode, area_id) "
        "SELECT gen_random_uuid(), '9 New Street', 'LE13 9ZZ', id FROM area WHERE name = ?");
    ASSERT_TRUE(accepted(*officer, QStringLiteral("BEGIN")));
    EXPECT_TRUE(accepted(*officer, insert, {kMeltonArea}));
    EXPECT_TRUE(accepted(
        *officer, QStringLiteral("UPDATE household SET notes = 'Dog' WHERE id = ?"), {kMelton1}));
    EXPECT_EQ(officer->affected(), 1);
    // A household elsewhere is invisible, so there is nothing to update.
    EXPECT_TRUE(accepted(*officer, QStringLiteral("UPDATE household SET notes = 'x' WHERE id = ?"),
                         {kOadby1}));
    EXPECT_EQ(officer->affected(), 0);
    ASSERT_TRUE(accepted(*officer, QStringLiteral("ROLLBACK")));

    // Putting a household in another area, or moving one there, is an error.
    EXPECT_TRUE(refusedWith(*officer, insert, QStringLiteral("42501"), {kOadbyArea}));
    EXPECT_TRUE(officer->lastError().contains(u"row-level security"))
        << officer->lastError().toStdString();
    EXPECT_TRUE(refusedWith(*officer,
                            QStringLiteral("UPDATE household SET area_id = (SELECT id FROM area "
                                           "WHERE name = ?) WHERE id = ?"),
                            QStringLiteral("42501"), {kOadbyArea, kMelton1}));
    EXPECT_TRUE(refusedWith(*officer,
                            QStringLiteral("INSERT INTO resident (id, household_id, name) "
                                           "VALUES (gen_random_uuid(), ?, 'Intruder')"),
                            QStringLiteral("42501"), {kOadby1}));
    EXPECT_TRUE(refusedWith(*officer,
                            QStringLiteral("INSERT INTO visit (id, household_id, at, by_user, "
                                           "outcome) VALUES (gen_random_uuid(), ?, now(), "
                                           "current_user, 'no_answer')"),
                            QStringLiteral("42501"), {kOadby2}));
    EXPECT_TRUE(refusedWith(*officer, QStringLiteral("DELETE FROM household WHERE id = ?"),
                            QStringLiteral("42501"), {kMelton2}));
}

TEST_F(Rls, VolunteerNeverReceivesEligibility)
{
    const auto volunteer = as(QStringLiteral("volunteer"));
    EXPECT_TRUE(refusedWith(*volunteer, QStringLiteral("SELECT eligibility FROM household")));
    EXPECT_TRUE(volunteer->lastError().contains(u"permission denied"))
        << volunteer->lastError().toStdString();
    EXPECT_TRUE(refusedWith(*volunteer, QStringLiteral("SELECT * FROM household")));
    EXPECT_TRUE(refusedWith(*volunteer,
                            QStringLiteral("SELECT id FROM household WHERE eligibility <> ''")));
    EXPECT_TRUE(refusedWith(*volunteer,
                            QStringLiteral("UPDATE household SET eligibility = '' WHERE id = ?"),
                            QStringLiteral("42501"), {kMelton1}));
    // The rest of the household is there, in the volunteer's area only.
    const QStringList seen
        = volunteer->column(QStringLiteral("SELECT id FROM household WHERE id IN (?, ?, ?, ?)"),
                            {kMelton1, kMelton2, kOadby1, kOadby2});
    EXPECT_EQ(seen, QStringList({kMelton1, kMelton2}));
    EXPECT_TRUE(accepted(*volunteer,
                         QStringLiteral("SELECT address_line1, status, notes "
                                        "FROM household")));
    // Nor through the history: the audit trail of that field is not theirs to read.
    EXPECT_EQ(volunteer->column(QStringLiteral("SELECT field FROM audit_event "
                                               "WHERE household_id = ?"),
                                {kMelton1}),
              QStringList({QStringLiteral("name"), QStringLiteral("status")}));
}

TEST_F(Rls, FitterSeesOnlyHouseholdsWithTheirJobs)
{
    const auto fitter = as(QStringLiteral("fitter"));
    EXPECT_EQ(fitter->column(QStringLiteral("SELECT id FROM household")), QStringList(kOadby1));
    EXPECT_EQ(fitter->column(QStringLiteral("SELECT household_id FROM resident")),
              QStringList(kOadby1));
    EXPECT_EQ(fitter->column(QStringLiteral("SELECT id FROM job")),
              QStringList({kFitterJob, kCancelledJob}));
    EXPECT_EQ(fitter->column(QStringLiteral("SELECT job_id FROM job_item")),
              QStringList({kFitterJob, kCancelledJob}));
    EXPECT_EQ(fitter->column(QStringLiteral("SELECT name FROM fitter")),
              QStringList(s_logins.value(QStringLiteral("fitter"))));
    EXPECT_TRUE(refusedWith(*fitter, QStringLiteral("SELECT eligibility FROM household")));
    // They record the job's outcome, and nothing of anyone else's.
    ASSERT_TRUE(accepted(*fitter, QStringLiteral("BEGIN")));
    EXPECT_TRUE(accepted(*fitter,
                         QStringLiteral("UPDATE job SET status = 'completed', "
                                        "completed_at = now() WHERE id = ?"),
                         {kFitterJob}));
    EXPECT_EQ(fitter->affected(), 1);
    EXPECT_TRUE(
        accepted(*fitter, QStringLiteral("UPDATE job SET notes = 'x' WHERE id = ?"), {kMeltonJob}));
    EXPECT_EQ(fitter->affected(), 0);
    ASSERT_TRUE(accepted(*fitter, QStringLiteral("ROLLBACK")));
    EXPECT_TRUE(refusedWith(*fitter, QStringLiteral("UPDATE job SET fitter_id = NULL WHERE id = ?"),
                            QStringLiteral("42501"), {kFitterJob}));
}

TEST_F(Rls, ManagerReadsNoResidentPersonalData)
{
    const auto manager = as(QStringLiteral("manager"));
    EXPECT_TRUE(refusedWith(*manager, QStringLiteral("SELECT name FROM resident")));
    EXPECT_TRUE(refusedWith(*manager, QStringLiteral("SELECT count(*) FROM resident")));
    EXPECT_TRUE(refusedWith(*manager, QStringLiteral("SELECT notes FROM household")));
    EXPECT_TRUE(refusedWith(*manager, QStringLiteral("SELECT notes FROM visit")));
    // Households and their progress, in every area, read only.
    const QStringList seen = manager->column(QStringLiteral("SELECT id FROM household"));
    for (const QString &household : {kMelton1, kMelton2, kOadby1, kOadby2})
        EXPECT_TRUE(seen.contains(household)) << household.toStdString();
    EXPECT_TRUE(accepted(*manager,
                         QStringLiteral("SELECT status, count(*) FROM household "
                                        "GROUP BY status")));
    EXPECT_TRUE(refusedWith(*manager, QStringLiteral("UPDATE household SET status = 'declined'")));
    EXPECT_EQ(manager->column(QStringLiteral("SELECT field FROM audit_event "
                                             "WHERE household_id = ?"),
                              {kMelton1}),
              QStringList({QStringLiteral("eligibility"), QStringLiteral("status")}));
}

TEST_F(Rls, AdminSeesEverything)
{
    const auto admin = as(QStringLiteral("admin"));
    const QStringList seen = admin->column(QStringLiteral("SELECT id FROM household"));
    for (const QString &household : {kMelton1, kMelton2, kOadby1, kOadby2})
        EXPECT_TRUE(seen.contains(household)) << household.toStdString();
    EXPECT_GE(admin->value(QStringLiteral("SELECT count(*) FROM resident")).toInt(), 4);
    EXPECT_EQ(
        admin->value(QStringLiteral("SELECT eligibility FROM household WHERE id = ?"), {kOadby2})
            .toString(),
        u"repeat_victim");
    EXPECT_EQ(admin->value(QStringLiteral("SELECT count(*) FROM app_user")).toInt(),
              s_logins.size());
    EXPECT_EQ(admin->value(QStringLiteral("SELECT count(*) FROM job")).toInt(), 3);
}

TEST_F(Rls, NobodyCanChangeOrRemoveAuditEvents)
{
    for (const QString &role : s_logins.keys()) {
        const auto session = as(role);
        EXPECT_TRUE(refusedWith(*session, QStringLiteral("UPDATE audit_event SET field = 'x'")))
            << role.toStdString();
        EXPECT_TRUE(refusedWith(*session, QStringLiteral("DELETE FROM audit_event")))
            << role.toStdString();
        EXPECT_TRUE(refusedWith(*session, QStringLiteral("TRUNCATE audit_event")))
            << role.toStdString();
    }
    // Not even the superuser: the table refuses it.
    const auto superuser = superuserSession(s_database);
    EXPECT_TRUE(refusedWith(*superuser, QStringLiteral("UPDATE audit_event SET field = 'x'")));
    EXPECT_TRUE(superuser->lastError().contains(u"append-only"));
    EXPECT_TRUE(refusedWith(*superuser, QStringLiteral("DELETE FROM audit_event")));
    EXPECT_TRUE(refusedWith(*superuser, QStringLiteral("TRUNCATE audit_event")));

    // Adding is fine, in one's own name only.
    const auto officer = as(QStringLiteral("officer"));
    const QString insert = QStringLiteral(
        "INSERT INTO audit_event (id, at, user_name, device, entity, entity_id, household_id, "
        "field, new_value) VALUES (gen_random_uuid(), now(), ?, 'laptop', 'household', ?, ?, "
        "'notes', 'Dog')");
    ASSERT_TRUE(accepted(*officer, QStringLiteral("BEGIN")));
    EXPECT_TRUE(accepted(*officer, insert,
                         {s_logins.value(QStringLiteral("officer")), kMelton1, kMelton1}));
    ASSERT_TRUE(accepted(*officer, QStringLiteral("ROLLBACK")));
    EXPECT_TRUE(refusedWith(*officer, insert, QStringLiteral("42501"),
                            {QStringLiteral("someone_else"), kMelton1, kMelton1}));
}

TEST_F(Rls, StockMovementsAreAppendOnly)
{
    const auto coordinator = as(QStringLiteral("coordinator"));
    const QString insert
        = QStringLiteral("INSERT INTO stock_movement (id, equipment_code, qty_change, reason) "
                         "VALUES (gen_random_uuid(), 'DOOR_LOCK', -1, 'reserved')");
    ASSERT_TRUE(accepted(*coordinator, QStringLiteral("BEGIN")));
    EXPECT_TRUE(accepted(*coordinator, insert));
    EXPECT_EQ(
        coordinator->value(QStringLiteral("SELECT sum(qty_change) FROM stock_movement")).toInt(),
        49);
    ASSERT_TRUE(accepted(*coordinator, QStringLiteral("ROLLBACK")));
    EXPECT_TRUE(
        refusedWith(*coordinator, QStringLiteral("UPDATE stock_movement SET qty_change = 1000")));
    EXPECT_TRUE(refusedWith(*coordinator, QStringLiteral("DELETE FROM stock_movement")));
    EXPECT_TRUE(refusedWith(*coordinator,
                            QStringLiteral("INSERT INTO stock_movement (id, equipment_code, "
                                           "qty_change, reason, by_user) VALUES "
                                           "(gen_random_uuid(), 'DOOR_LOCK', 5, 'returned', "
                                           "'someone_else')")));
    for (const QString &role : {QStringLiteral("admin"), QStringLiteral("fitter")}) {
        const auto session = as(role);
        EXPECT_TRUE(refusedWith(*session, QStringLiteral("UPDATE stock_movement SET note = 'x'")))
            << role.toStdString();
        EXPECT_TRUE(refusedWith(*session, QStringLiteral("DELETE FROM stock_movement")))
            << role.toStdString();
    }
    const auto superuser = superuserSession(s_database);
    EXPECT_TRUE(refusedWith(*superuser, QStringLiteral("UPDATE stock_movement SET note = 'x'")));
    EXPECT_TRUE(refusedWith(*superuser, QStringLiteral("DELETE FROM stock_movement")));
    // Officers and volunteers have no business with stock.
    EXPECT_TRUE(refusedWith(*as(QStringLiteral("officer")),
                            QStringLiteral("SELECT count(*) FROM stock_movement")));
}

TEST_F(Rls, AFitterRecordsStockOnlyInTheirVanOrForTheirJobs)
{
    const auto fitter = as(QStringLiteral("fitter"));
    const QString van = fitter->value(QStringLiteral("SELECT id::text FROM fitter")).toString();
    ASSERT_FALSE(van.isEmpty());
    const QString otherVan = id(41); // another fitter's id: their van
    const QString insert = QStringLiteral(
        "INSERT INTO stock_movement (id, equipment_code, qty_change, reserved_change, reason, "
        "location, job_id) VALUES (gen_random_uuid(), 'DOOR_LOCK', ?, ?, ?, ?, ?::uuid)");
    const QVariant noJob(QMetaType(QMetaType::QString));
    // Deliveries, counts and write-offs at the depot or another van are not a fitter's.
    EXPECT_TRUE(refusedWith(*fitter, insert, QStringLiteral("42501"),
                            {10, 0, QStringLiteral("received"), QStringLiteral("depot"), noJob}));
    EXPECT_TRUE(refusedWith(*fitter, insert, QStringLiteral("42501"),
                            {10, 0, QStringLiteral("received"), otherVan, noJob}));
    EXPECT_TRUE(
        refusedWith(*fitter, insert, QStringLiteral("42501"),
                    {-5, 0, QStringLiteral("written_off"), QStringLiteral("depot"), noJob}));
    EXPECT_TRUE(refusedWith(*fitter, insert, QStringLiteral("42501"),
                            {-5, 0, QStringLiteral("count_adjustment"), otherVan, noJob}));
    // Not even for their own job.
    EXPECT_TRUE(
        refusedWith(*fitter, insert, QStringLiteral("42501"),
                    {10, 0, QStringLiteral("received"), QStringLiteral("depot"), kFitterJob}));
    // A transfer's depot side needs its pair; another van's side is never theirs.
    EXPECT_TRUE(
        refusedWith(*fitter, insert, QStringLiteral("42501"),
                    {-2, 0, QStringLiteral("transferred"), QStringLiteral("depot"), noJob}));
    // A release, a reservation or a fitting names a job, and one of theirs.
    EXPECT_TRUE(refusedWith(*fitter, insert, QStringLiteral("42501"),
                            {0, -1, QStringLiteral("released"), QStringLiteral("depot"), noJob}));
    EXPECT_TRUE(refusedWith(*fitter, insert, QStringLiteral("42501"),
                            {0, -1, QStringLiteral("released"), van, noJob}));
    EXPECT_TRUE(refusedWith(*fitter, insert, QStringLiteral("42501"),
                            {-1, 0, QStringLiteral("fitted"), van, noJob}));
    EXPECT_TRUE(
        refusedWith(*fitter, insert, QStringLiteral("42501"),
                    {0, -1, QStringLiteral("released"), QStringLiteral("depot"), kMeltonJob}));
    EXPECT_TRUE(refusedWith(*fitter, insert, QStringLiteral("42501"),
                            {0, -1, QStringLiteral("released"), otherVan, kFitterJob}));
    // What the van does with its own stock, and its own job's reservations wherever they are.
    ASSERT_TRUE(accepted(*fitter, QStringLiteral("BEGIN")));
    EXPECT_TRUE(accepted(*fitter, insert, {3, 0, QStringLiteral("received"), van, noJob}));
    EXPECT_TRUE(accepted(*fitter, insert, {-1, 0, QStringLiteral("count_adjustment"), van, noJob}));
    EXPECT_TRUE(accepted(*fitter, insert, {0, 1, QStringLiteral("reserved"), van, kFitterJob}));
    EXPECT_TRUE(accepted(*fitter, insert,
                         {0, 2, QStringLiteral("reserved"), QStringLiteral("depot"), kFitterJob}));
    EXPECT_TRUE(accepted(*fitter, insert, {-1, -1, QStringLiteral("fitted"), van, kFitterJob}));
    EXPECT_TRUE(accepted(*fitter, insert,
                         {-1, -1, QStringLiteral("fitted"), QStringLiteral("depot"), kFitterJob}));
    EXPECT_TRUE(accepted(*fitter, insert,
                         {0, -1, QStringLiteral("released"), QStringLiteral("depot"), kFitterJob}));
    // Loading the van from the depot: the depot's side of a transfer, paired with the van's.
    const QString transfer = QStringLiteral(
        "INSERT INTO stock_movement (id, equipment_code, qty_change, reserved_change, reason, "
        "location, pair_id) VALUES (gen_random_uuid(), 'DOOR_LOCK', ?, 0, 'transferred', ?, "
        "gen_random_uuid())");
    EXPECT_TRUE(accepted(*fitter, transfer, {-2, QStringLiteral("depot")}));
    EXPECT_TRUE(accepted(*fitter, transfer, {2, van}));
    EXPECT_EQ(fitter
                  ->value(QStringLiteral("SELECT count(*) FROM stock_movement WHERE by_user = "
                                         "current_user"))
                  .toInt(),
              9);
    ASSERT_TRUE(accepted(*fitter, QStringLiteral("ROLLBACK")));
}

TEST_F(Rls, APushThatTimesOutOnALockFailsInsteadOfRefusingTheOp)
{
    const QString op = id(51);
    const QString movement = id(52);
    const QString push
        = QStringLiteral(
              "SELECT sh_push(jsonb_build_array(jsonb_build_object('op_id', '%1', 'entity', "
              "'stock_movement', 'entity_id', '%2', 'kind', 'create', 'payload', "
              "jsonb_build_object('id', '%2', 'equipment_code', 'DOOR_LOCK', 'qty_change', 0, "
              "'reserved_change', 1, 'reason', 'reserved', 'location', 'depot'))))->0->>'status'")
              .arg(op, movement);
    // Another push holds the depot's door locks while it reserves them.
    const auto other = superuserSession(s_database);
    ASSERT_TRUE(accepted(*other, QStringLiteral("BEGIN")));
    ASSERT_TRUE(accepted(*other,
                         QStringLiteral("SELECT pg_advisory_xact_lock(hashtext("
                                        "'stock:DOOR_LOCK:depot'))")));
    const auto coordinator = as(QStringLiteral("coordinator"));
    ASSERT_TRUE(accepted(*coordinator, QStringLiteral("SET lock_timeout = '200ms'")));
    EXPECT_TRUE(refusedWith(*coordinator, push, QStringLiteral("55P03")));
    ASSERT_TRUE(accepted(*other, QStringLiteral("ROLLBACK")));
    const auto superuser = superuserSession(s_database);
    EXPECT_EQ(
        superuser->value(QStringLiteral("SELECT count(*) FROM applied_ops WHERE op_id = ?"), {op})
            .toInt(),
        0);
    // The device sends it again once the lock is free, and it is taken.
    ASSERT_TRUE(accepted(*coordinator, QStringLiteral("BEGIN")));
    EXPECT_EQ(coordinator->value(push).toString(), QStringLiteral("applied"));
    ASSERT_TRUE(accepted(*coordinator, QStringLiteral("ROLLBACK")));
}

TEST_F(Rls, AFitterCannotBeDoubleBooked)
{
    const auto coordinator = as(QStringLiteral("coordinator"));
    // The coordinator books Melton 2 for the fitter who is at Oadby 1 from 09:00 to 10:00.
    const QString book = QStringLiteral(
        "INSERT INTO job (id, household_id, fitter_id, status, scheduled_start, scheduled_end) "
        "SELECT gen_random_uuid(), ?, fitter_id, ?, ?::timestamptz, ?::timestamptz "
        "FROM job WHERE id = ?");
    const auto attempt = [&](const QString &status, const QString &start, const QString &end) {
        return QVariantList {kMelton2, status, start, end, kFitterJob};
    };
    ASSERT_TRUE(accepted(*coordinator, QStringLiteral("BEGIN")));
    EXPECT_TRUE(accepted(*coordinator, book,
                         attempt(QStringLiteral("scheduled"), QStringLiteral("2025-03-03 10:00Z"),
                                 QStringLiteral("2025-03-03 11:00Z"))))
        << "back to back is not a double booking";
    EXPECT_TRUE(accepted(*coordinator, book,
                         attempt(QStringLiteral("cancelled"), QStringLiteral("2025-03-03 09:30Z"),
                                 QStringLiteral("2025-03-03 10:30Z"))))
        << "a cancelled job holds no time";
    EXPECT_TRUE(
        refusedWith(*coordinator, book, QStringLiteral("23P01"),
                    attempt(QStringLiteral("scheduled"), QStringLiteral("2025-03-03 09:30Z"),
                            QStringLiteral("2025-03-03 09:45Z"))));
    ASSERT_TRUE(accepted(*coordinator, QStringLiteral("ROLLBACK")));
    EXPECT_TRUE(
        refusedWith(*coordinator, book, QStringLiteral("23P01"),
                    attempt(QStringLiteral("tentative"), QStringLiteral("2025-03-03 08:00Z"),
                            QStringLiteral("2025-03-03 09:01Z"))))
        << "tentative bookings count";
    // Where the fitter was cancelled, the time is free.
    ASSERT_TRUE(accepted(*coordinator, QStringLiteral("BEGIN")));
    EXPECT_TRUE(accepted(*coordinator, book,
                         attempt(QStringLiteral("scheduled"), QStringLiteral("2025-03-03 11:00Z"),
                                 QStringLiteral("2025-03-03 12:00Z"))));
    ASSERT_TRUE(accepted(*coordinator, QStringLiteral("ROLLBACK")));
    // A coordinator books only in their own areas.
    EXPECT_TRUE(refusedWith(*coordinator,
                            QStringLiteral("INSERT INTO job (id, household_id, status) "
                                           "VALUES (gen_random_uuid(), ?, 'tentative')"),
                            QStringLiteral("42501"), {kOadby2}));
}

TEST_F(Rls, TheTriggerSetsTxidAndRowVersion)
{
    const auto officer = as(QStringLiteral("officer"));
    const QString household = QUuid::createUuid().toString(QUuid::WithoutBraces);
    ASSERT_TRUE(accepted(*officer, QStringLiteral("BEGIN")));
    // Whatever the client sends for txid and row_version is overwritten.
    EXPECT_TRUE(accepted(*officer,
                         QStringLiteral("INSERT INTO household (id, address_line1, postcode, "
                                        "area_id, txid, row_version) SELECT ?, '7 Sync Lane', "
                                        "'LE13 7SL', id, '1'::xid8, 42 FROM area WHERE name = ?"),
                         {household, kMeltonArea}));
    const auto inserted
        = officer->rows(QStringLiteral("SELECT txid::text, pg_current_xact_id()::text, row_version "
                                       "FROM household WHERE id = ?"),
                        {household});
    ASSERT_TRUE(inserted && inserted->size() == 1) << officer->lastError().toStdString();
    EXPECT_EQ(inserted->first().value(0).toString(), inserted->first().value(1).toString());
    EXPECT_EQ(inserted->first().value(2).toLongLong(), 1);
    ASSERT_TRUE(accepted(*officer, QStringLiteral("COMMIT")));

    EXPECT_TRUE(accepted(*officer,
                         QStringLiteral("UPDATE household SET notes = 'Gate code' "
                                        "WHERE id = ?"),
                         {household}));
    const auto updated = officer->rows(
        QStringLiteral("SELECT txid::text, row_version FROM household WHERE id = ?"), {household});
    ASSERT_TRUE(updated && updated->size() == 1);
    EXPECT_GT(updated->first().value(0).toString().toULongLong(),
              inserted->first().value(0).toString().toULongLong());
    EXPECT_EQ(updated->first().value(1).toLongLong(), 2);
}

// The fitter's no-access jobs are listed for policies by a SECURITY DEFINER function (central
// migration 0007); called directly with another fitter's login it must not list theirs.
TEST_F(Rls, AFitterCannotListAnotherFittersNoAccessJobs)
{
    const QString other = PgCluster::uniqueName(QStringLiteral("fitter2"));
    const CentralAdmin::Report added = CentralAdmin().addUser(
        superuserUri(s_database), other, QStringLiteral("fitter"), {}, kPassword);
    ASSERT_TRUE(added.ok()) << added.errorString().toStdString();
    const QString theirJob = id(41);
    const auto seed = superuserSession(s_database);
    ASSERT_TRUE(accepted(
        *seed,
        QStringLiteral("UPDATE job SET status = 'no_access' WHERE id = '%1'").arg(kCancelledJob)));
    ASSERT_TRUE(accepted(
        *seed,
        QStringLiteral("INSERT INTO job (id, household_id, fitter_id, status) SELECT '%1', "
                       "'%2', f.id, 'no_access' FROM fitter f JOIN app_user u ON u.id = "
                       "f.user_id WHERE u.login = '%3'")
            .arg(theirJob, kMelton2, other)));

    const auto fitter = as(QStringLiteral("fitter"));
    EXPECT_EQ(
        fitter->column(QStringLiteral("SELECT job_id FROM sh_fitter_no_access_jobs(current_user)")),
        QStringList(kCancelledJob));
    EXPECT_EQ(fitter->column(
                  QStringLiteral("SELECT job_id FROM sh_fitter_no_access_jobs('%1')").arg(other)),
              QStringList())
        << "another fitter's no-access jobs were listed";
    // As the superuser checks a role's policies (SET ROLE), the function still answers.
    EXPECT_EQ(seed->column(
                  QStringLiteral("SELECT job_id FROM sh_fitter_no_access_jobs('%1')").arg(other)),
              QStringList(theirJob));
}

} // namespace saferhomes::synctest
