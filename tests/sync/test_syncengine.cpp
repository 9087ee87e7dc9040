// The sync of households and residents (DESIGN §7) between two devices (two local SQLite
// files) through the central database on the test cluster: outbox written with the edit,
// idempotent push through sh_push, per-field three-way merge with conflicts recorded, pull by
// xid8 watermark, refusals listed and kept, and an unreachable server losing nothing.
// The other records that travel (visits, consents, surveys, packages, stock, jobs) and which
// households a device holds are tested in test_syncenginerecords.cpp.

#include "syncenginetest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>

namespace saferhomes::synctest {

using namespace enginetest;

TEST_F(SyncEngineTest, EditsTravelBetweenDevicesAndConcurrentEditsConflict)
{
    auto a = device(QStringLiteral("a"), QStringLiteral("officer_a"));
    auto b = device(QStringLiteral("b"), QStringLiteral("officer_b"));
    const QUuid first = a->create(QStringLiteral("1 Sync Street"), kMelton, QStringLiteral("Ann"));
    const QUuid second = a->create(QStringLiteral("2 Sync Street"), kMelton, QStringLiteral("Bob"));
    EXPECT_EQ(a->outboxRows(), 2);

    SyncResult result = a->sync();
    ASSERT_TRUE(synced(result));
    EXPECT_EQ(result.pushed, 2);
    EXPECT_EQ(a->outboxRows(), 0);

    result = b->syncUntil([&] { return b->households().count().valueOr(-1) == 2; });
    ASSERT_TRUE(synced(result));
    EXPECT_GE(result.pulled, 4); // two households and their residents
    const auto pulled = b->households().find(first);
    ASSERT_TRUE(pulled);
    EXPECT_EQ(pulled->household.addressLine1, QStringLiteral("1 Sync Street"));
    EXPECT_EQ(pulled->household.areaName, kMelton);
    EXPECT_EQ(pulled->resident.name, QStringLiteral("Ann"));
    EXPECT_EQ(b->outboxRows(), 0) << "pulled changes are not sent back";
    // The quick-find index follows pulled rows.
    EXPECT_EQ(b->households().quickFind(QStringLiteral("Ann Sync")).value().size(), 1);

    // B edits, A receives.
    ASSERT_TRUE(b->set(first, HouseholdField::Notes, QStringLiteral("Dog in the garden")));
    ASSERT_TRUE(b->set(first, HouseholdField::ResidentName, QStringLiteral("Ann Smith")));
    result = b->sync();
    ASSERT_TRUE(synced(result));
    EXPECT_EQ(result.pushed, 2);
    result = a->syncUntil([&] { return a->notes(first) == QStringLiteral("Dog in the garden"); });
    ASSERT_TRUE(synced(result));
    EXPECT_EQ(a->notes(first), QStringLiteral("Dog in the garden"));
    EXPECT_EQ(a->households().find(first)->resident.name, QStringLiteral("Ann Smith"));
    EXPECT_EQ(a->households().quickFind(QStringLiteral("Smith")).value().size(), 1);

    // Both edit the same field: the first to sync wins, the other gets one conflict and the
    // server's value. Different fields of one household merge.
    ASSERT_TRUE(b->set(second, HouseholdField::Notes, QStringLiteral("B's note")));
    ASSERT_TRUE(a->set(second, HouseholdField::Notes, QStringLiteral("A's note")));
    ASSERT_TRUE(a->set(second, HouseholdField::Priority, QStringLiteral("7")));
    ASSERT_TRUE(synced(b->sync()));
    result = a->syncUntil([&] { return a->notes(second) == QStringLiteral("B's note"); });
    ASSERT_TRUE(synced(result));
    EXPECT_EQ(result.conflicts, 1);
    const QList<SyncConflict> conflicts = a->engine().conflicts().valueOr({});
    ASSERT_EQ(conflicts.size(), 1);
    EXPECT_EQ(conflicts[0].entityId, second.toString(QUuid::WithoutBraces));
    EXPECT_EQ(conflicts[0].field, QStringLiteral("notes"));
    EXPECT_EQ(conflicts[0].localValue, QStringLiteral("A's note"));
    EXPECT_EQ(conflicts[0].serverValue, QStringLiteral("B's note"));
    EXPECT_EQ(a->notes(second), QStringLiteral("B's note")) << "the server value is kept";
    EXPECT_EQ(a->households().find(second)->household.priority, 7);

    // `sync conflicts` lists it.
    QProcess process;
    process.start(QStringLiteral(SAFERHOMES_CLI),
                  {QStringLiteral("--db"), a->database().path(), QStringLiteral("--json"),
                   QStringLiteral("sync"), QStringLiteral("conflicts")});
    ASSERT_TRUE(process.waitForFinished(120'000));
    EXPECT_EQ(process.exitCode(), 0);
    const QJsonArray listed = QJsonDocument::fromJson(process.readAllStandardOutput())
                                  .object()
                                  .value(u"conflicts")
                                  .toArray();
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed[0].toObject().value(u"field").toString(), QStringLiteral("notes"));
    EXPECT_EQ(listed[0].toObject().value(u"server").toString(), QStringLiteral("B's note"));
    EXPECT_EQ(listed[0].toObject().value(u"local").toString(), QStringLiteral("A's note"));

    const auto central = superuserSession(s_database);
    EXPECT_EQ(central
                  ->value(QStringLiteral("SELECT notes FROM household WHERE id = ?"),
                          {second.toString(QUuid::WithoutBraces)})
                  .toString(),
              QStringLiteral("B's note"));
    ASSERT_TRUE(synced(b->sync()));
    EXPECT_EQ(b->households().find(second)->household.priority, 7);
}

TEST_F(SyncEngineTest, ResidentAddedBeforeTheFirstPushArrivesOnce)
{
    auto a = device(QStringLiteral("resident"), QStringLiteral("officer_a"));
    const QUuid id = a->create(QStringLiteral("3 Sync Street"), kMelton, {});
    ASSERT_TRUE(a->set(id, HouseholdField::ResidentName, QStringLiteral("Dee")));
    ASSERT_TRUE(a->set(id, HouseholdField::Phone, QStringLiteral("01664 111111")));
    EXPECT_EQ(a->outboxRows(), 4); // household create, resident create, two updates

    const SyncResult result = a->sync();
    ASSERT_TRUE(synced(result));
    EXPECT_EQ(result.pushed, 4);
    EXPECT_EQ(result.conflicts, 0);
    const auto central = superuserSession(s_database);
    const auto rows = central->rows(
        QStringLiteral("SELECT name, phone FROM resident WHERE household_id = ? AND is_primary"),
        {id.toString(QUuid::WithoutBraces)});
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 1);
    EXPECT_EQ(rows->first().value(0).toString(), QStringLiteral("Dee"));
    EXPECT_EQ(rows->first().value(1).toString(), QStringLiteral("01664 111111"));
}

TEST_F(SyncEngineTest, ManyChangesGoInBatchesAndComeBackInPages)
{
    auto a = device(QStringLiteral("bulk-a"), QStringLiteral("officer_oadby"));
    auto b = device(QStringLiteral("bulk-b"), QStringLiteral("officer_oadby"));
    QList<HouseholdRecord> records;
    for (int i = 0; i < 1100; ++i) {
        HouseholdRecord record;
        record.household.id = QUuid::createUuid();
        record.household.addressLine1 = QStringLiteral("%1 Bulk Road").arg(i + 1);
        record.household.postcode = QStringLiteral("LE18 1AB");
        record.household.areaName = kOadby;
        record.resident.name = QStringLiteral("Resident %1").arg(i + 1);
        records.append(record);
    }
    HouseholdRepository repository = a->households();
    const Status inserted = repository.insert(records);
    ASSERT_TRUE(inserted) << inserted.errorString().toStdString();
    EXPECT_EQ(a->outboxRows(), 1100);
    SyncResult result = a->sync();
    ASSERT_TRUE(synced(result));
    EXPECT_EQ(result.pushed, 1100);
    EXPECT_EQ(a->outboxRows(), 0);

    result = b->syncUntil([&] { return b->households().count().valueOr(-1) == 1100; });
    ASSERT_TRUE(synced(result));
    // The households, their residents and the server's equipment catalogue (11 items).
    EXPECT_EQ(result.pulled, 2200 + 11);
    EXPECT_EQ(b->households().count().value(), 1100);
    EXPECT_EQ(b->households().quickFind(QStringLiteral("Resident 1099")).value().size(), 1);
    // Nothing new: nothing pulled again.
    result = b->sync();
    ASSERT_TRUE(synced(result));
    EXPECT_EQ(result.pulled, 0);
}

TEST_F(SyncEngineTest, ResentBatchAppliesOnce)
{
    auto officer = as(QStringLiteral("officer_a"));
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString ops = QString::fromUtf8(
        QJsonDocument::fromJson(QStringLiteral(
                                    R"([{"op_id": "%1", "entity": "household", "entity_id": "%2",
         "kind": "create", "payload": {"household": {"address_line1": "9 Resend Road",
         "postcode": "LE13 1AA", "area": "%3"}, "resident": null}},
        {"op_id": "%4", "entity": "household", "entity_id": "%2", "kind": "update",
         "payload": {"priority": ["0", "5"]}}])")
                                    .arg(QUuid::createUuid().toString(QUuid::WithoutBraces), id,
                                         kMelton,
                                         QUuid::createUuid().toString(QUuid::WithoutBraces))
                                    .toUtf8())
            .toJson(QJsonDocument::Compact));
    const QString push = QStringLiteral("SELECT CAST(sh_push(CAST(? AS jsonb)) AS text)");
    const QString first = officer->value(push, {ops}).toString();
    ASSERT_FALSE(first.isEmpty()) << officer->lastError().toStdString();
    EXPECT_TRUE(first.contains(QStringLiteral("\"applied\""))) << first.toStdString();
    const QVariant version
        = officer->value(QStringLiteral("SELECT row_version FROM household WHERE id = ?"), {id});
    const QString again = officer->value(push, {ops}).toString();
    EXPECT_EQ(QJsonDocument::fromJson(again.toUtf8()), QJsonDocument::fromJson(first.toUtf8()));
    EXPECT_EQ(
        officer->value(QStringLiteral("SELECT count(*) FROM household WHERE id = ?"), {id}).toInt(),
        1);
    EXPECT_EQ(
        officer->value(QStringLiteral("SELECT row_version FROM household WHERE id = ?"), {id}),
        version);
    EXPECT_EQ(
        officer->value(QStringLiteral("SELECT priority FROM household WHERE id = ?"), {id}).toInt(),
        5);
}

TEST_F(SyncEngineTest, UnreachableServerLosesNothing)
{
    auto a = device(QStringLiteral("offline"), QStringLiteral("officer_a"));
    const QUuid id = a->create(QStringLiteral("5 Offline Lane"), kMelton, QStringLiteral("Cy"));
    ASSERT_TRUE(a->set(id, HouseholdField::Notes, QStringLiteral("Written offline")));
    ASSERT_EQ(a->outboxRows(), 2);

    const SyncResult offline = a->engine().run(kClosedUri);
    EXPECT_FALSE(offline.ok());
    EXPECT_TRUE(offline.unreachable()) << offline.errorString().toStdString();
    EXPECT_EQ(offline.status.error().kind, Error::Kind::Network);
    EXPECT_EQ(a->outboxRows(), 2);

    // The command line says so with exit code 3.
    QProcess process;
    process.start(QStringLiteral(SAFERHOMES_CLI),
                  {QStringLiteral("--db"), a->database().path(), QStringLiteral("--json"),
                   QStringLiteral("sync"), QStringLiteral("--server"), kClosedUri});
    ASSERT_TRUE(process.waitForFinished(120'000));
    EXPECT_EQ(process.exitCode(), 3) << process.readAllStandardError().toStdString();
    EXPECT_EQ(a->outboxRows(), 2);

    const SyncResult online = a->sync();
    ASSERT_TRUE(synced(online));
    EXPECT_EQ(online.pushed, 2);
    EXPECT_EQ(a->outboxRows(), 0);
    const auto central = superuserSession(s_database);
    EXPECT_EQ(central
                  ->value(QStringLiteral("SELECT notes FROM household WHERE id = ?"),
                          {id.toString(QUuid::WithoutBraces)})
                  .toString(),
              QStringLiteral("Written offline"));
}

TEST_F(SyncEngineTest, ALocalDatabaseThatCannotBeWrittenStopsTheSyncNamingTheFile)
{
    auto a = device(QStringLiteral("damaged"), QStringLiteral("officer_a"));
    a->create(QStringLiteral("6 Damaged Drive"), kMelton, QStringLiteral("Di"));
    const int queued = a->outboxRows();
    ASSERT_TRUE(
        QSqlQuery(a->database().connection()).exec(QStringLiteral("DROP TABLE sync_state")));

    const SyncResult result = a->sync();
    ASSERT_FALSE(result.ok());
    EXPECT_FALSE(result.unreachable());
    EXPECT_EQ(result.status.error().kind, Error::Kind::Database)
        << result.errorString().toStdString();
    EXPECT_TRUE(result.errorString().contains(a->database().path()))
        << result.errorString().toStdString();
    EXPECT_TRUE(result.errorString().contains(QStringLiteral("sync_state")))
        << result.errorString().toStdString();
    EXPECT_EQ(a->outboxRows(), queued) << "nothing was sent";

    // The command line: a database error is exit 2, the message names the file.
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), kPassword);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SAFERHOMES_CLI),
                  {QStringLiteral("--db"), a->database().path(), QStringLiteral("--json"),
                   QStringLiteral("sync"), QStringLiteral("--server"), a->uri()});
    ASSERT_TRUE(process.waitForFinished(120'000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    EXPECT_EQ(process.exitCode(), 2) << err.toStdString();
    EXPECT_TRUE(err.contains(a->database().path())) << err.toStdString();
}

TEST_F(SyncEngineTest, RefusedChangeIsListedAndKept)
{
    auto volunteer = device(QStringLiteral("volunteer"), QStringLiteral("volunteer"));
    const QUuid inArea = volunteer->create(QStringLiteral("7 Home Road"), kMelton, {});
    const QUuid outside = volunteer->create(QStringLiteral("8 Away Road"), kOadby, {});

    const SyncResult result = volunteer->sync();
    ASSERT_TRUE(result.ok()) << result.errorString().toStdString();
    EXPECT_EQ(result.pushed, 1);
    ASSERT_EQ(result.rejected.size(), 1);
    EXPECT_EQ(result.rejected[0].entityId, outside.toString(QUuid::WithoutBraces));
    EXPECT_FALSE(result.rejected[0].reason.isEmpty());

    // Kept, marked rejected: not sent again, and not holding back pulls.
    SyncEngine engine = volunteer->engine();
    EXPECT_EQ(volunteer->outboxRows(), 1);
    EXPECT_EQ(engine.pendingCount().valueOr(-1), 0);
    EXPECT_EQ(engine.rejections().valueOr({}).size(), 1);
    const SyncResult again = volunteer->sync();
    ASSERT_TRUE(again.ok()) << again.errorString().toStdString();
    EXPECT_TRUE(again.rejected.isEmpty());

    const auto central = superuserSession(s_database);
    EXPECT_EQ(
        central
            ->value(QStringLiteral("SELECT count(*) FROM household WHERE id IN (?, ?)"),
                    {inArea.toString(QUuid::WithoutBraces), outside.toString(QUuid::WithoutBraces)})
            .toInt(),
        1);

    // The command line exits 1 and lists each refused change.
    auto other = device(QStringLiteral("volunteer2"), QStringLiteral("volunteer"));
    other->create(QStringLiteral("9 Away Road"), kOadby, {});
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), kPassword);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SAFERHOMES_CLI),
                  {QStringLiteral("--db"), other->database().path(), QStringLiteral("--json"),
                   QStringLiteral("sync"), QStringLiteral("--server"), other->uri()});
    ASSERT_TRUE(process.waitForFinished(120'000));
    const QByteArray out = process.readAllStandardOutput();
    EXPECT_EQ(process.exitCode(), 1)
        << out.toStdString() << process.readAllStandardError().toStdString();
    const QJsonObject json = QJsonDocument::fromJson(out).object();
    EXPECT_EQ(json.value(u"rejected").toArray().size(), 1) << out.toStdString();
}

TEST_F(SyncEngineTest, ServerAndClientVersionsAreChecked)
{
    auto a = device(QStringLiteral("versions"), QStringLiteral("officer_a"));
    a->create(QStringLiteral("8 Version Villas"), kMelton, QStringLiteral("Jo"));
    const auto central = superuserSession(s_database);
    ASSERT_TRUE(
        central->exec(QStringLiteral("UPDATE schema_info SET min_client_version = '99.0.0'")));
    SyncResult result = a->sync();
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.errorString().contains(QStringLiteral("99.0.0")))
        << result.errorString().toStdString();
    EXPECT_TRUE(result.errorString().contains(QStringLiteral("update SaferHomes")))
        << result.errorString().toStdString();
    EXPECT_EQ(a->outboxRows(), 1);
    ASSERT_TRUE(central->exec(QStringLiteral("UPDATE schema_info SET min_client_version = '0.1.0', "
                                             "schema_version = schema_version + 1")));
    result = a->sync();
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.errorString().contains(QStringLiteral("newer")))
        << result.errorString().toStdString();
    EXPECT_EQ(a->outboxRows(), 1);
    ASSERT_TRUE(central->exec(
        QStringLiteral("UPDATE schema_info SET schema_version = schema_version - 1")));
    EXPECT_TRUE(synced(a->sync()));
    EXPECT_EQ(a->outboxRows(), 0);
}

TEST_F(SyncEngineTest, SameUprnOnTwoDevicesDoesNotStopThePull)
{
    auto a = device(QStringLiteral("uprn-a"), QStringLiteral("officer_a"));
    auto b = device(QStringLiteral("uprn-b"), QStringLiteral("officer_b"));
    const QString uprn = QString::number(100000000 + QRandomGenerator::global()->bounded(1000000));
    const auto make = [&](Device &device, const QString &line1) {
        HouseholdRecord record;
        record.household.id = QUuid::createUuid();
        record.household.uprn = uprn;
        record.household.addressLine1 = line1;
        record.household.postcode = QStringLiteral("LE13 1AA");
        record.household.areaName = kMelton;
        HouseholdRepository repository = device.households();
        const Status inserted = repository.insert({record});
        EXPECT_TRUE(inserted) << inserted.errorString().toStdString();
        return record.household.id;
    };
    const QUuid first = make(*a, QStringLiteral("1 Twin Street"));
    const QUuid second = make(*b, QStringLiteral("1 Twin St"));
    ASSERT_TRUE(synced(a->sync()));
    const SyncResult result = b->syncUntil([&] { return b->households().find(first).has_value(); });
    ASSERT_TRUE(result.ok()) << result.errorString().toStdString();
    ASSERT_EQ(result.rejected.size(), 1);
    EXPECT_EQ(result.rejected[0].entityId, second.toString(QUuid::WithoutBraces));
    EXPECT_EQ(b->households().find(first)->household.uprn, uprn);
    EXPECT_TRUE(b->households().find(second)->household.uprn.isEmpty());
    const QList<SyncConflict> conflicts = b->engine().conflicts().valueOr({});
    ASSERT_EQ(conflicts.size(), 1);
    EXPECT_EQ(conflicts[0].field, QStringLiteral("uprn"));
    EXPECT_EQ(conflicts[0].localValue, uprn);
}

TEST_F(SyncEngineTest, CoordinatesAddedLaterTravelTogether)
{
    auto a = device(QStringLiteral("coords-a"), QStringLiteral("officer_a"));
    const QUuid id = a->create(QStringLiteral("2 Map Lane"), kMelton, QStringLiteral("Kit"));
    ASSERT_TRUE(synced(a->sync()));
    HouseholdRepository repository = a->households();
    const Status placed
        = repository.setFields(id,
                               {{HouseholdField::Latitude, QStringLiteral("52.7661")},
                                {HouseholdField::Longitude, QStringLiteral("-0.8862")}});
    ASSERT_TRUE(placed) << placed.errorString().toStdString();
    ASSERT_TRUE(synced(a->sync()));
    const auto central = superuserSession(s_database);
    EXPECT_NEAR(central
                    ->value(QStringLiteral("SELECT longitude FROM household WHERE id = ?"),
                            {id.toString(QUuid::WithoutBraces)})
                    .toDouble(),
                -0.8862, 1e-9);
}

TEST_F(SyncEngineTest, AnEngineKeepsItsConnectionAndReopensAFailedOne)
{
    auto a = device(QStringLiteral("reuse"), QStringLiteral("officer_a"));
    SyncEngine engine = a->engine();
    ASSERT_TRUE(synced(engine.run(a->uri())));
    const auto central = superuserSession(s_database);
    const QString login = s_logins.value(QStringLiteral("officer_a"));
    const QString backend = QStringLiteral(
        "SELECT string_agg(CAST(pid AS text), ',') FROM pg_stat_activity WHERE usename = ?");
    const QString first = central->value(backend, {login}).toString();
    ASSERT_FALSE(first.isEmpty());

    a->create(QStringLiteral("9 Reuse Row"), kMelton, QStringLiteral("Max"));
    ASSERT_TRUE(synced(engine.run(a->uri())));
    EXPECT_EQ(central->value(backend, {login}).toString(), first); // the same session
    EXPECT_EQ(a->outboxRows(), 0);

    // The server ends the session between syncs: the next sync opens a new one.
    ASSERT_TRUE(central->exec(
        QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ?"),
        {login}));
    a->create(QStringLiteral("10 Reuse Row"), kMelton, QStringLiteral("Nia"));
    ASSERT_TRUE(synced(engine.run(a->uri())));
    EXPECT_EQ(a->outboxRows(), 0);
    const QString second = central->value(backend, {login}).toString();
    EXPECT_FALSE(second.isEmpty());
    EXPECT_NE(second, first);
}

} // namespace saferhomes::synctest
