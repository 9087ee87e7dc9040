// The sync of the records besides households (DESIGN §7) between devices through the central
// database on the test cluster: visits, consents, surveys and packages, status moves, the stock
// ledger and jobs, erasure, and which households a device holds (its areas, a manager's device,
// a fitter's jobs). The households' own sync is in test_syncengine.cpp.

#include "store/visitrepository.h"
#include "syncenginetest.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>

namespace saferhomes::synctest {

using namespace enginetest;

namespace {

QString newId()
{
    return text(QUuid::createUuid());
}

/// The bytes of a local database and its WAL, as they are on disk.
QByteArray filesOf(const QString &path)
{
    QByteArray bytes;
    for (const QString &name : {path, path + QStringLiteral("-wal")}) {
        QFile file(name);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

} // namespace

TEST_F(SyncEngineTest, VisitsConsentsSurveysAndPackagesTravel)
{
    auto a = device(QStringLiteral("records-a"), QStringLiteral("officer_a"));
    auto b = device(QStringLiteral("records-b"), QStringLiteral("officer_b"));
    // The first sync brings the server's equipment catalogue, which packages refer to.
    ASSERT_TRUE(synced(a->sync()));
    const QUuid household
        = a->create(QStringLiteral("3 Record Row"), kMelton, QStringLiteral("Di"));
    const QString h = text(household);
    const QString resident
        = a->value(QStringLiteral("SELECT id FROM resident WHERE household_id = ?"), {h})
              .toString();
    const QString visit = newId();
    const QString attachment = newId();
    const QString consent = newId();
    const QString survey = newId();
    const QString now = QStringLiteral("2026-11-24T10:00:00.000Z");
    ASSERT_TRUE(a->exec(QStringLiteral("INSERT INTO visit (id, household_id, at, by_user, outcome, "
                                       "notes) VALUES (?, ?, ?, 'a', 'accepted', 'Side gate')"),
                        {visit, h, now}));
    const QByteArray signature = QByteArrayLiteral("\x89PNG\r\n\x1a\n\0 signature");
    ASSERT_TRUE(a->exec(QStringLiteral("INSERT INTO attachment (id, household_id, kind, mime_type, "
                                       "sha256, bytes, created_at, by_user) VALUES (?, ?, "
                                       "'signature', 'image/png', ?, ?, ?, 'a')"),
                        {attachment, h, QString(64, QLatin1Char('a')), signature, now}));
    ASSERT_TRUE(
        a->exec(QStringLiteral("INSERT INTO consent (id, household_id, resident_id, purpose, "
                               "wording_version, method, signature_attachment_id, "
                               "recorded_by, given_at) VALUES (?, ?, ?, 'survey_fitting', "
                               "'v1', 'signature', ?, 'a', ?)"),
                {consent, h, resident, attachment, now}));
    ASSERT_TRUE(a->exec(QStringLiteral("INSERT INTO survey (id, household_id, visit_id, "
                                       "definition_version, answers, started_at, by_user) VALUES "
                                       "(?, ?, ?, '1', '{\"doors\": 2}', ?, 'a')"),
                        {survey, h, visit, now}));
    // A draft stays here; completing it sends it.
    EXPECT_EQ(
        a->value(QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'survey'")).toInt(), 0);
    ASSERT_TRUE(
        a->exec(QStringLiteral("UPDATE survey SET completed_at = ? WHERE id = ?"), {now, survey}));
    const QString lock = newId();
    const QString viewer = newId();
    ASSERT_TRUE(a->exec(QStringLiteral("INSERT INTO recommendation (id, survey_id, equipment_code, "
                                       "qty, reason, agreed) VALUES (?, ?, "
                                       "'MORTICE_DEADLOCK_BS3621', 2, 'old locks', 1), (?, ?, "
                                       "'DOOR_VIEWER', 1, '', 0)"),
                        {lock, survey, viewer, survey}));
    // A package item replaced before it was sent is not sent at all.
    ASSERT_TRUE(a->exec(QStringLiteral("DELETE FROM recommendation WHERE id = ?"), {viewer}));
    ASSERT_TRUE(synced(a->sync()));
    EXPECT_EQ(a->outboxRows(), 0);

    const SyncResult pulled = b->syncUntil([&] {
        return b->value(QStringLiteral("SELECT count(*) FROM recommendation")).toInt() == 1;
    });
    ASSERT_TRUE(synced(pulled));
    EXPECT_EQ(b->value(QStringLiteral("SELECT notes FROM visit WHERE id = ?"), {visit}).toString(),
              QStringLiteral("Side gate"));
    EXPECT_EQ(b->value(QStringLiteral("SELECT bytes FROM attachment WHERE id = ?"), {attachment})
                  .toByteArray(),
              signature);
    EXPECT_EQ(b->value(QStringLiteral("SELECT signature_attachment_id FROM consent WHERE id = ?"),
                       {consent})
                  .toString(),
              attachment);
    EXPECT_EQ(
        b->value(QStringLiteral("SELECT json_extract(answers, '$.doors') FROM survey WHERE id = ?"),
                 {survey})
            .toInt(),
        2);
    EXPECT_EQ(b->value(QStringLiteral("SELECT completed_at FROM survey WHERE id = ?"), {survey})
                  .toString(),
              now);
    EXPECT_EQ(
        b->value(QStringLiteral("SELECT qty || ' ' || agreed FROM recommendation WHERE id = ?"),
                 {lock})
            .toString(),
        QStringLiteral("2 1"));
    // Pulled rows make no ops of their own.
    EXPECT_EQ(b->outboxRows(), 0);

    // Withdrawing consent on b reaches a.
    ASSERT_TRUE(b->exec(QStringLiteral("UPDATE consent SET withdrawn_at = ? WHERE id = ?"),
                        {now, consent}));
    ASSERT_TRUE(synced(b->sync()));
    ASSERT_TRUE(synced(a->syncUntil([&] {
        return !a->value(QStringLiteral("SELECT withdrawn_at FROM consent WHERE id = ?"), {consent})
                    .isNull();
    })));
    EXPECT_EQ(a->value(QStringLiteral("SELECT withdrawn_at FROM consent WHERE id = ?"), {consent})
                  .toString(),
              now);
}

TEST_F(SyncEngineTest, StatusMovesFromVisitsTravel)
{
    auto a = device(QStringLiteral("status-a"), QStringLiteral("officer_a"));
    auto b = device(QStringLiteral("status-b"), QStringLiteral("officer_b"));
    const QUuid household
        = a->create(QStringLiteral("4 Funnel Way"), kMelton, QStringLiteral("Ed"));
    ASSERT_TRUE(synced(a->sync()));
    VisitRepository visits(a->database(), QStringLiteral("test"));
    Visit visit;
    visit.householdId = household;
    visit.outcome = VisitOutcome::Accepted;
    const Result<Visit> inserted
        = visits.insert(visit, {HouseholdStatus::Identified, {HouseholdStatus::Contacted}});
    ASSERT_TRUE(inserted) << inserted.errorString().toStdString();
    ASSERT_TRUE(synced(a->sync()));
    const auto central = superuserSession(s_database);
    EXPECT_EQ(
        central
            ->value(QStringLiteral("SELECT status FROM household WHERE id = ?"), {text(household)})
            .toString(),
        QStringLiteral("contacted"));
    ASSERT_TRUE(synced(b->syncUntil([&] {
        return b->value(QStringLiteral("SELECT status FROM household WHERE id = ?"),
                        {text(household)})
                   .toString()
            == QStringLiteral("contacted");
    })));
    EXPECT_EQ(b->value(QStringLiteral("SELECT count(*) FROM visit WHERE household_id = ?"),
                       {text(household)})
                  .toInt(),
              1);
}

TEST_F(SyncEngineTest, StockLedgerComposesAndJobsAreNeverDoubleBooked)
{
    auto a = device(QStringLiteral("stock-a"), QStringLiteral("coordinator_a"));
    auto b = device(QStringLiteral("stock-b"), QStringLiteral("coordinator_b"));
    ASSERT_TRUE(synced(a->sync()));
    ASSERT_TRUE(synced(b->sync()));
    const QString now = QStringLiteral("2026-11-24T09:00:00.000Z");
    const QString movement = QStringLiteral(
        "INSERT INTO stock_movement (id, equipment_code, qty_change, reason, at, by_user, note) "
        "VALUES (?, 'WINDOW_LOCK', ?, ?, ?, 'someone', '')");
    // Both receive stock, then both count the shelf offline: the adjustments compose.
    ASSERT_TRUE(a->exec(movement, {newId(), 20, QStringLiteral("received"), now}));
    ASSERT_TRUE(b->exec(movement, {newId(), 10, QStringLiteral("received"), now}));
    ASSERT_TRUE(a->exec(movement, {newId(), -2, QStringLiteral("count_adjustment"), now}));
    ASSERT_TRUE(b->exec(movement, {newId(), -1, QStringLiteral("count_adjustment"), now}));
    ASSERT_TRUE(synced(a->sync()));
    ASSERT_TRUE(synced(b->sync()));
    const QString level = QStringLiteral("SELECT coalesce(sum(qty_change), 0) FROM stock_movement "
                                         "WHERE equipment_code = 'WINDOW_LOCK'");
    const auto central = superuserSession(s_database);
    EXPECT_EQ(central->value(level).toInt(), 27);
    ASSERT_TRUE(synced(a->syncUntil([&] { return a->value(level).toInt() == 27; })));
    EXPECT_EQ(a->value(level).toInt(), 27);
    EXPECT_EQ(central->value(QStringLiteral("SELECT count(DISTINCT by_user) FROM stock_movement"))
                  .toInt(),
              2);

    // The fitter (made by add-user) reaches both coordinators' devices.
    ASSERT_TRUE(synced(a->syncUntil(
        [&] { return a->value(QStringLiteral("SELECT count(*) FROM fitter")).toInt() >= 1; })));
    ASSERT_TRUE(synced(b->syncUntil(
        [&] { return b->value(QStringLiteral("SELECT count(*) FROM fitter")).toInt() >= 1; })));
    const QString fitter
        = a->value(QStringLiteral("SELECT id FROM fitter ORDER BY name LIMIT 1")).toString();
    ASSERT_FALSE(fitter.isEmpty());
    const QUuid home1
        = a->create(QStringLiteral("1 Booking Street"), kMelton, QStringLiteral("Fay"));
    const QUuid home2
        = b->create(QStringLiteral("2 Booking Street"), kMelton, QStringLiteral("Gus"));
    const QString job = QStringLiteral(
        "INSERT INTO job (id, household_id, fitter_id, status, scheduled_start, scheduled_end, "
        "created_at) VALUES (?, ?, ?, 'tentative', ?, ?, ?)");
    const QString jobA = newId();
    const QString jobB = newId();
    // Booked offline on two devices for overlapping times: the first to arrive wins.
    ASSERT_TRUE(a->exec(job,
                        {jobA, text(home1), fitter, QStringLiteral("2026-12-01T09:00:00.000Z"),
                         QStringLiteral("2026-12-01T11:00:00.000Z"), now}));
    ASSERT_TRUE(b->exec(job,
                        {jobB, text(home2), fitter, QStringLiteral("2026-12-01T10:00:00.000Z"),
                         QStringLiteral("2026-12-01T12:00:00.000Z"), now}));
    ASSERT_TRUE(synced(a->sync()));
    const SyncResult second = b->sync();
    ASSERT_TRUE(second.ok()) << second.errorString().toStdString();
    ASSERT_EQ(second.rejected.size(), 1);
    EXPECT_EQ(second.rejected[0].entityId, jobB);
    EXPECT_TRUE(second.rejected[0].reason.contains(QStringLiteral("job_fitter_not_double_booked")))
        << second.rejected[0].reason.toStdString();
    EXPECT_EQ(
        central->value(QStringLiteral("SELECT count(*) FROM job WHERE fitter_id = ?"), {fitter})
            .toInt(),
        1);

    // A change the server no longer agrees with is refused whole; the server's row stands.
    ASSERT_TRUE(synced(b->syncUntil([&] {
        return b->value(QStringLiteral("SELECT count(*) FROM job WHERE id = ?"), {jobA}).toInt()
            == 1;
    })));
    ASSERT_TRUE(
        a->exec(QStringLiteral("UPDATE job SET status = 'scheduled' WHERE id = ?"), {jobA}));
    ASSERT_TRUE(
        b->exec(QStringLiteral("UPDATE job SET status = 'cancelled' WHERE id = ?"), {jobA}));
    ASSERT_TRUE(synced(a->sync()));
    const SyncResult late = b->sync();
    ASSERT_EQ(late.rejected.size(), 1);
    EXPECT_EQ(late.rejected[0].entityId, jobA);
    EXPECT_EQ(
        central->value(QStringLiteral("SELECT status FROM job WHERE id = ?"), {jobA}).toString(),
        QStringLiteral("scheduled"));
}

TEST_F(SyncEngineTest, ErasureRemovesThePersonalDataFromTheDevice)
{
    auto a = device(QStringLiteral("erase-a"), QStringLiteral("officer_a"));
    const QString canary
        = QStringLiteral("Zqxcanary") + QString::number(QRandomGenerator::global()->generate());
    const QUuid household = a->create(QStringLiteral("12 Canary Wharf Close"), kMelton, canary);
    const QString h = text(household);
    ASSERT_TRUE(a->set(household, HouseholdField::Notes, canary + QStringLiteral(" has a dog")));
    ASSERT_TRUE(a->set(household, HouseholdField::Phone, QStringLiteral("07700 900123")));
    ASSERT_TRUE(a->exec(QStringLiteral("INSERT INTO visit (id, household_id, at, by_user, outcome, "
                                       "notes) VALUES (?, ?, '2026-11-24T10:00:00.000Z', 'a', "
                                       "'accepted', ?)"),
                        {newId(), h, canary + QStringLiteral(" asked for a call")}));
    ASSERT_TRUE(synced(a->sync()));
    // A second device changes the notes first: a's later change of them is a conflict, whose
    // values both devices and the server's stored push result hold.
    auto b = device(QStringLiteral("erase-b"), QStringLiteral("officer_b"));
    ASSERT_TRUE(synced(b->syncUntil([&] { return b->households().find(household).has_value(); })));
    ASSERT_TRUE(b->set(household, HouseholdField::Notes, QStringLiteral("Dog is friendly")));
    ASSERT_TRUE(synced(b->sync()));
    ASSERT_TRUE(a->set(household, HouseholdField::Notes, canary + QStringLiteral(" keeps a key")));
    const SyncResult conflicted = a->sync();
    ASSERT_TRUE(synced(conflicted));
    ASSERT_EQ(conflicted.conflicts, 1);
    const QString storedResults
        = QStringLiteral("SELECT count(*) FROM applied_ops WHERE CAST(result AS text) LIKE ?");
    ASSERT_EQ(superuserSession(s_database)
                  ->value(storedResults, {QLatin1Char('%') + canary + QLatin1Char('%')})
                  .toInt(),
              1);
    QSqlQuery(a->database().connection()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    ASSERT_TRUE(filesOf(a->database().path()).contains(canary.toUtf8()));

    // An admin erases it with the command line; an officer may not.
    const auto erase = [&](const QString &login) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PGPASSWORD"), kPassword);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SAFERHOMES_CLI),
                      {QStringLiteral("--json"), QStringLiteral("admin"), QStringLiteral("erase"),
                       QStringLiteral("--server"), cluster().uri(s_logins.value(login), s_database),
                       QStringLiteral("--household"), h});
        EXPECT_TRUE(process.waitForFinished(120'000));
        return process.exitCode();
    };
    EXPECT_EQ(erase(QStringLiteral("officer_a")), 1);
    ASSERT_EQ(erase(QStringLiteral("admin")), 0);
    EXPECT_EQ(erase(QStringLiteral("admin")), 0); // again: nothing more to do
    const auto central = superuserSession(s_database);
    EXPECT_EQ(
        central
            ->value(QStringLiteral(
                        "SELECT count(*) FROM resident WHERE household_id = ? AND name <> ''"),
                    {h})
            .toInt(),
        0);
    EXPECT_EQ(
        central
            ->value(QStringLiteral(
                        "SELECT count(*) FROM household WHERE id = ? AND erased_at IS NOT NULL"),
                    {h})
            .toInt(),
        1);

    ASSERT_TRUE(synced(a->syncUntil([&] {
        return !a->value(QStringLiteral("SELECT erased_at FROM household WHERE id = ?"), {h})
                    .isNull();
    })));
    EXPECT_EQ(a->value(QStringLiteral("SELECT address_line1 FROM household WHERE id = ?"), {h})
                  .toString(),
              QStringLiteral("[erased]"));
    EXPECT_EQ(a->value(QStringLiteral("SELECT count(*) FROM resident WHERE household_id = ?"), {h})
                  .toInt(),
              0);
    EXPECT_EQ(a->value(QStringLiteral("SELECT count(*) FROM audit_event WHERE entity_id = ? AND "
                                      "(old_value IS NOT NULL OR new_value IS NOT NULL)"),
                       {h})
                  .toInt(),
              0);
    EXPECT_TRUE(a->households().quickFind(canary).value().isEmpty());
    // The canary is gone from the database file and the WAL, not only from the tables.
    EXPECT_FALSE(filesOf(a->database().path()).contains(canary.toUtf8()));
    EXPECT_FALSE(filesOf(a->database().path()).contains(QByteArrayLiteral("07700 900123")));
    EXPECT_TRUE(a->engine().conflicts().valueOr(QList<SyncConflict>(1)).isEmpty());
    // Nor does the server keep it in a stored push result.
    EXPECT_EQ(central->value(storedResults, {QLatin1Char('%') + canary + QLatin1Char('%')}).toInt(),
              0);
}

TEST_F(SyncEngineTest, GainingAnAreaBringsItsHouseholdsAndLosingOneRemovesThem)
{
    auto oadby = device(QStringLiteral("scope-oadby"), QStringLiteral("officer_oadby"));
    const QUuid there
        = oadby->create(QStringLiteral("6 Scope Street"), kOadby, QStringLiteral("Hal"));
    ASSERT_TRUE(synced(oadby->sync()));
    auto melton = device(QStringLiteral("scope-melton"), QStringLiteral("officer_a"));
    const QUuid here
        = melton->create(QStringLiteral("7 Scope Street"), kMelton, QStringLiteral("Ivy"));
    ASSERT_TRUE(synced(melton->sync()));

    auto mover = device(QStringLiteral("scope-mover"), QStringLiteral("mover"));
    ASSERT_TRUE(
        synced(mover->syncUntil([&] { return mover->households().find(here).has_value(); })));
    EXPECT_FALSE(mover->households().find(there).has_value());

    const auto central = superuserSession(s_database);
    const QString login = s_logins.value(QStringLiteral("mover"));
    ASSERT_TRUE(central->exec(
        QStringLiteral(
            "INSERT INTO user_area (user_id, area_id) SELECT u.id, a.id FROM app_user u, area a "
            "WHERE u.login = ? AND a.name = ?"),
        {login, kOadby}))
        << central->lastError().toStdString();
    ASSERT_TRUE(
        synced(mover->syncUntil([&] { return mover->households().find(there).has_value(); })));
    EXPECT_EQ(mover->households().find(there)->resident.name, QStringLiteral("Hal"));

    ASSERT_TRUE(central->exec(
        QStringLiteral("UPDATE user_area SET deleted_at = now() WHERE user_id = (SELECT id FROM "
                       "app_user WHERE "
                       "login = ?) AND area_id = (SELECT id FROM area WHERE name = ?)"),
        {login, kMelton}));
    ASSERT_TRUE(synced(mover->sync()));
    EXPECT_FALSE(mover->households().find(here).has_value());
    EXPECT_TRUE(mover->households().find(there).has_value());
    EXPECT_TRUE(mover->households().quickFind(QStringLiteral("Ivy")).value().isEmpty());
}

TEST_F(SyncEngineTest, AManagersDeviceGetsNoPersonalData)
{
    auto officer = device(QStringLiteral("pii-officer"), QStringLiteral("officer_a"));
    const QUuid id = officer->create(QStringLiteral("5 Private Road"), kMelton,
                                     QStringLiteral("Lorna Secret"));
    ASSERT_TRUE(officer->set(id, HouseholdField::Notes, QStringLiteral("Key under the mat")));
    ASSERT_TRUE(synced(officer->sync()));

    auto manager = device(QStringLiteral("pii-manager"), QStringLiteral("manager"));
    ASSERT_TRUE(
        synced(manager->syncUntil([&] { return manager->households().find(id).has_value(); })));
    EXPECT_EQ(manager->households().find(id)->household.addressLine1,
              QStringLiteral("5 Private Road"));
    EXPECT_EQ(manager->value(QStringLiteral("SELECT count(*) FROM resident")).toInt(), 0);
    EXPECT_EQ(manager
                  ->value(QStringLiteral("SELECT notes FROM household WHERE id = ?"),
                          {id.toString(QUuid::WithoutBraces)})
                  .toString(),
              QString());
    EXPECT_FALSE(manager->households().quickFind(QStringLiteral("Lorna")).value().size() > 0);
}

TEST_F(SyncEngineTest, AFitterHasAHouseholdWhileTheyHaveAJobThere)
{
    auto coordinator = device(QStringLiteral("jobs-office"), QStringLiteral("coordinator_a"));
    ASSERT_TRUE(synced(coordinator->syncUntil([&] {
        return coordinator->value(QStringLiteral("SELECT count(*) FROM fitter")).toInt() >= 1;
    })));
    const QString login = s_logins.value(QStringLiteral("fitter"));
    const auto central = superuserSession(s_database);
    const QString fitter = central
                               ->value(QStringLiteral("SELECT f.id FROM fitter f JOIN app_user u "
                                                      "ON u.id = f.user_id WHERE u.login = ?"),
                                       {login})
                               .toString();
    ASSERT_FALSE(fitter.isEmpty());
    const QUuid home
        = coordinator->create(QStringLiteral("11 Fitting Close"), kMelton, QStringLiteral("Pat"));
    const QString job = newId();
    ASSERT_TRUE(coordinator->exec(
        QStringLiteral("INSERT INTO job (id, household_id, fitter_id, status, scheduled_start, "
                       "scheduled_end, created_at) VALUES (?, ?, ?, 'scheduled', "
                       "'2027-01-05T09:00:00.000Z', '2027-01-05T10:00:00.000Z', "
                       "'2026-11-24T09:00:00.000Z')"),
        {job, text(home), fitter}));
    ASSERT_TRUE(synced(coordinator->sync()));

    // The fitter's device gets the household with its resident, then loses both when the job
    // is cancelled.
    auto van = device(QStringLiteral("jobs-van"), QStringLiteral("fitter"));
    ASSERT_TRUE(synced(van->syncUntil([&] { return van->households().find(home).has_value(); })));
    EXPECT_EQ(van->households().find(home)->resident.name, QStringLiteral("Pat"));
    ASSERT_TRUE(coordinator->exec(
        QStringLiteral("UPDATE job SET status = 'cancelled' WHERE id = ?"), {job}));
    ASSERT_TRUE(synced(coordinator->sync()));
    ASSERT_TRUE(synced(van->syncUntil([&] { return !van->households().find(home).has_value(); })));
    EXPECT_EQ(van->value(QStringLiteral("SELECT count(*) FROM resident WHERE household_id = ?"),
                         {text(home)})
                  .toInt(),
              0);
}

} // namespace saferhomes::synctest
