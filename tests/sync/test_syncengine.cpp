// The sync of households and residents (DESIGN §7) between two devices (two local SQLite
// files) through the central database on the test cluster: outbox written with the edit,
// idempotent push through sh_push, per-field three-way merge with conflicts recorded, pull by
// xid8 watermark, refusals listed and kept, and an unreachable server losing nothing.

#include "centraltest.h"
#include "store/database.h"
#include "store/householdrepository.h"
#include "store/visitrepository.h"
#include "sync/syncengine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <QUuid>
#include <functional>

namespace saferhomes::synctest {

namespace {

const QString kPassword = QStringLiteral("sync-test-password");
const QString kMelton = QStringLiteral("Melton Town Centre");
const QString kOadby = QStringLiteral("Oadby and Wigston");
/// Nothing listens here: a server that cannot be reached.
const QString kClosedUri = QStringLiteral("postgresql://nobody@127.0.0.1:1/nothing");

/// One device: a local database of its own and the login of its user.
class Device {
public:
    Device(const QString &name, const QString &path, QString uri)
        : m_database(QStringLiteral("sync-test-") + name)
        , m_uri(std::move(uri))
    {
        const auto opened = m_database.open(path);
        EXPECT_TRUE(opened) << qPrintable(opened.errorString());
    }

    HouseholdRepository households() { return HouseholdRepository(m_database, m_login); }
    SyncEngine engine()
    {
        SyncEngine engine(m_database, m_login);
        engine.setPassword(kPassword);
        return engine;
    }
    SyncResult sync() { return engine().run(m_uri); }
    /// Syncs until \a done() holds or a sync fails (at most kPatience), adding up what each sync
    /// did. Rows reach a pull only once every older transaction in the cluster has ended (the xid8
    /// watermark, DESIGN §7), and other test processes share this cluster: a sync may bring them
    /// later.
    SyncResult syncUntil(const std::function<bool()> &done)
    {
        SyncResult total;
        eventually([&] {
            const SyncResult result = sync();
            total.pushed += result.pushed;
            total.pulled += result.pulled;
            total.conflicts += result.conflicts;
            total.rejected += result.rejected;
            total.status = result.status;
            return !result.ok() || done();
        });
        return total;
    }
    QString uri() const { return m_uri; }
    const Database &database() const { return m_database; }

    QUuid create(const QString &line1, const QString &area, const QString &resident)
    {
        HouseholdRecord record;
        record.household.id = QUuid::createUuid();
        record.household.addressLine1 = line1;
        record.household.postcode = QStringLiteral("LE13 1AA");
        record.household.town = QStringLiteral("Melton Mowbray");
        record.household.areaName = area;
        record.resident.name = resident;
        HouseholdRepository repository = households();
        EXPECT_TRUE(repository.insert({record})) << repository.errorString().toStdString();
        return record.household.id;
    }

    bool set(const QUuid &id, HouseholdField field, const QString &value)
    {
        HouseholdRepository repository = households();
        const bool ok = repository.setFields(id, {{field, value}}).ok();
        EXPECT_TRUE(ok) << repository.errorString().toStdString();
        return ok;
    }

    QString notes(const QUuid &id)
    {
        const auto record = households().find(id);
        return record ? record->household.notes : QStringLiteral("<missing>");
    }

    /// Runs \a sql on the local database (a statement of the test's own making).
    bool exec(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery query(m_database.connection());
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        const bool ok = query.exec();
        EXPECT_TRUE(ok) << sql.toStdString() << ": " << query.lastError().text().toStdString();
        return ok;
    }
    QVariant value(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery query(m_database.connection());
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec() || !query.next())
            return {};
        return query.value(0);
    }

    int outboxRows()
    {
        QSqlQuery query(m_database.connection());
        query.exec(QStringLiteral("SELECT count(*) FROM outbox"));
        return query.next() ? query.value(0).toInt() : -1;
    }

private:
    Database m_database;
    QString m_uri;
    QString m_login = QStringLiteral("test");
};

::testing::AssertionResult synced(const SyncResult &result)
{
    if (!result.ok())
        return ::testing::AssertionFailure() << result.errorString().toStdString();
    if (!result.rejected.isEmpty()) {
        return ::testing::AssertionFailure()
            << "refused: " << result.rejected.first().reason.toStdString();
    }
    return ::testing::AssertionSuccess();
}

} // namespace

class SyncEngineTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_database = initialisedDatabase(QStringLiteral("syncengine"));
        if (s_database.isEmpty())
            return;
        const QList<std::pair<QString, std::pair<QString, QStringList>>> people {
            {QStringLiteral("officer_a"), {QStringLiteral("officer"), {kMelton}}},
            {QStringLiteral("officer_b"), {QStringLiteral("officer"), {kMelton}}},
            {QStringLiteral("officer_oadby"), {QStringLiteral("officer"), {kOadby}}},
            {QStringLiteral("volunteer"), {QStringLiteral("volunteer"), {kMelton}}},
            {QStringLiteral("coordinator_a"), {QStringLiteral("coordinator"), {kMelton}}},
            {QStringLiteral("coordinator_b"), {QStringLiteral("coordinator"), {kMelton}}},
            {QStringLiteral("fitter"), {QStringLiteral("fitter"), {}}},
            {QStringLiteral("admin"), {QStringLiteral("admin"), {}}},
            {QStringLiteral("mover"), {QStringLiteral("officer"), {kMelton}}},
            {QStringLiteral("manager"), {QStringLiteral("manager"), {}}},
        };
        for (const auto &[key, person] : people) {
            const QString login = PgCluster::uniqueName(key);
            const CentralAdmin::Report result = CentralAdmin().addUser(
                superuserUri(s_database), login, person.first, person.second, kPassword);
            if (!result.ok()) {
                ADD_FAILURE() << result.errorString().toStdString();
                s_database.clear();
                return;
            }
            s_logins.insert(key, login);
        }
    }

    void SetUp() override
    {
        ASSERT_FALSE(s_database.isEmpty()) << "set-up failed";
        ASSERT_TRUE(m_dir.isValid());
    }

    std::unique_ptr<Device> device(const QString &name, const QString &login)
    {
        return std::make_unique<Device>(name, m_dir.filePath(name + QStringLiteral(".db")),
                                        cluster().uri(s_logins.value(login), s_database));
    }

    std::unique_ptr<PgSession> as(const QString &login)
    {
        auto session
            = std::make_unique<PgSession>(cluster(), s_database, s_logins.value(login), kPassword);
        EXPECT_TRUE(session->isOpen()) << session->openError().toStdString();
        return session;
    }

    static inline QString s_database;
    static inline QHash<QString, QString> s_logins;
    QTemporaryDir m_dir;
};

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
    ASSERT_TRUE(repository.insert(records)) << repository.errorString().toStdString();
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

namespace {

QString text(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

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

} // namespace saferhomes::synctest

namespace saferhomes::synctest {

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
        EXPECT_TRUE(repository.insert({record})) << repository.errorString().toStdString();
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

} // namespace saferhomes::synctest

namespace saferhomes::synctest {

TEST_F(SyncEngineTest, CoordinatesAddedLaterTravelTogether)
{
    auto a = device(QStringLiteral("coords-a"), QStringLiteral("officer_a"));
    const QUuid id = a->create(QStringLiteral("2 Map Lane"), kMelton, QStringLiteral("Kit"));
    ASSERT_TRUE(synced(a->sync()));
    HouseholdRepository repository = a->households();
    ASSERT_TRUE(repository.setFields(id,
                                     {{HouseholdField::Latitude, QStringLiteral("52.7661")},
                                      {HouseholdField::Longitude, QStringLiteral("-0.8862")}}))
        << repository.errorString().toStdString();
    ASSERT_TRUE(synced(a->sync()));
    const auto central = superuserSession(s_database);
    EXPECT_NEAR(central
                    ->value(QStringLiteral("SELECT longitude FROM household WHERE id = ?"),
                            {id.toString(QUuid::WithoutBraces)})
                    .toDouble(),
                -0.8862, 1e-9);
}

} // namespace saferhomes::synctest

namespace saferhomes::synctest {

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

} // namespace saferhomes::synctest

namespace saferhomes::synctest {

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

namespace saferhomes::synctest {

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
