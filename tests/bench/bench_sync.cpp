// Sync speed (issue 4), on a PostgreSQL cluster of its own, through the public SyncEngine API:
// (a) 1,000 local changes pushed and 1,000 remote changes pulled, each against a plain QPSQL
//     baseline of the same 1,000 rows (one multi-row INSERT; one SELECT), and the statements
//     each sync cycle sends, counted in the server's log (log_statement = all: with QPSQL each
//     statement is one round trip);
// (b) the first download of 100k households (and their residents) to a new device, timed as
//     the user waits for it: `saferhomes-cli sync` from its start to its exit (the database
//     created, the download, the checkpoint and the close included), against `psql \copy` of
//     the same rows plus `sqlite3 .import` of the files, each also from start to exit;
// (c) push at scale (issue 9): 10,000 imported households pushed into an empty server, then
//     another 10,000 (the push alone: OutboxPusher, the first phase of SyncEngine::run).
// Targets: (a) under 1 s each, at most 5 round trips per cycle at small volumes; (b) at most
// 3x the baseline; (c) the second 10,000 at most 1.3x the first, and at least 1,000 households
// a second overall.
//
// Usage: saferhomes_bench_sync [HOUSEHOLDS (100000)] [RUNS (3)] [PUSHED (10000)]

#include "pgcluster.h"
#include "store/database.h"
#include "store/householdrepository.h"
#include "sync/centraladmin.h"
#include "sync/outboxpusher.h"
#include "sync/serverhello.h"
#include "sync/syncengine.h"
#include "sync/syncrun.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <optional>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace saferhomes;
using saferhomes::synctest::PgCluster;

namespace {

const QString kPassword = QStringLiteral("bench-sync-password");
const QString kSmallArea = QStringLiteral("Bench Town");
const QString kBigArea = QStringLiteral("Bench County");

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

/// Why the benchmark stopped; main() stops the cluster and reports it.
struct BenchFailure {
    QString message;
};

[[noreturn]] void die(const QString &message)
{
    throw BenchFailure {message};
}

/// Counts what the server logged for one login since mark(): statements (log_statement =
/// all; QPSQL sends each as one simple query, one round trip) and connections.
class ServerLog {
public:
    explicit ServerLog(QString path)
        : m_path(std::move(path))
    { }

    void mark() { m_offset = QFile(m_path).size(); }

    /// The statements \a login sent since mark(), each cut to \a width characters.
    QStringList statements(const QString &login, int width) const
    {
        QStringList lines;
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly) || !file.seek(m_offset))
            return lines;
        const QByteArray prefix = "user=" + login.toUtf8() + " LOG:  ";
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.startsWith(prefix + "statement: ") || line.startsWith(prefix + "execute "))
                lines.append(QString::fromUtf8(line.mid(prefix.size()).left(width)));
        }
        return lines;
    }

    std::pair<int, int> since(const QString &login) const
    {
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly) || !file.seek(m_offset))
            return {-1, -1};
        const QByteArray prefix = "user=" + login.toUtf8() + " LOG:  ";
        int statements = 0;
        int connections = 0;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine();
            if (!line.startsWith(prefix))
                continue;
            const QByteArray rest = line.mid(prefix.size());
            if (rest.startsWith("statement: ") || rest.startsWith("execute "))
                ++statements;
            else if (rest.startsWith("connection authorized"))
                ++connections;
        }
        return {statements, connections};
    }

private:
    QString m_path;
    qint64 m_offset = 0;
};

/// A device: its own file and login.
struct Device {
    Device(const QString &name, const QString &path, QString login, QString uri)
        : database(name)
        , login(std::move(login))
        , uri(std::move(uri))
    {
        if (const Status opened = database.open(path); !opened)
            die(opened.errorString());
    }
    /// Syncs as the app does, on an engine that keeps its connection open between syncs;
    /// \a fresh: as the command line does, on a new engine and connection.
    SyncResult sync(bool fresh = false) const
    {
        if (fresh || !engine) {
            engine.emplace(database, login);
            engine->setPassword(kPassword);
        }
        return engine->run(uri);
    }
    Database database;
    mutable std::optional<SyncEngine> engine;
    QString login;
    QString uri;
};

/// One timed sync and what the server saw of it.
struct Cycle {
    double seconds = 0;
    int statements = 0;
    int connections = 0;
    SyncResult result;
};

Cycle timedSync(const Device &device, ServerLog &log, bool fresh = false)
{
    log.mark();
    QElapsedTimer timer;
    timer.start();
    Cycle cycle;
    cycle.result = device.sync(fresh);
    cycle.seconds = timer.nsecsElapsed() / 1e9;
    if (!cycle.result.ok())
        die(QStringLiteral("sync failed: %1").arg(cycle.result.errorString()));
    QThread::msleep(50); // the server writes its log as it goes; let the last line land
    std::tie(cycle.statements, cycle.connections) = log.since(device.login);
    return cycle;
}

/// A QPSQL connection as \a login, opened by the caller's timer too (a sync opens its own).
class Plain {
public:
    Plain(const PgCluster &cluster, const QString &database, const QString &login,
          const QString &password)
        : m_name(QUuid::createUuid().toString())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(cluster.host());
        db.setPort(cluster.port());
        db.setDatabaseName(database);
        db.setUserName(login);
        db.setPassword(password);
        if (!db.open())
            die(db.lastError().text());
    }
    ~Plain()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlQuery query() const { return QSqlQuery(QSqlDatabase::database(m_name, false)); }
    void exec(const QString &sql) const
    {
        QSqlQuery q = query();
        if (!q.exec(sql))
            die(q.lastError().text() + QStringLiteral(" in ") + sql.left(200));
    }

private:
    QString m_name;
};

QString quoted(const QString &text)
{
    QString copy = text;
    return QLatin1Char('\'') + copy.replace(QLatin1Char('\''), QStringLiteral("''"))
        + QLatin1Char('\'');
}

/// Runs \a program to its exit and returns the seconds from its start; \a password goes to
/// PGPASSWORD.
double timedProcess(const QString &program, const QStringList &arguments,
                    const QString &password = kPassword)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), password);
    process.setProcessEnvironment(environment);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(600'000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0)
        die(QStringLiteral("%1 failed: %2")
                .arg(program, QString::fromUtf8(process.readAllStandardError())));
    return timer.nsecsElapsed() / 1e9;
}

struct Setup {
    PgCluster cluster;
    QString database;
    QString superuserUri() const { return cluster.uri(cluster.superuser(), database); }
    QString addUser(const QString &key, const QString &area)
    {
        const QString login = PgCluster::uniqueName(key);
        const CentralAdmin::Report result = CentralAdmin().addUser(
            superuserUri(), login, QStringLiteral("officer"), {area}, kPassword);
        if (!result.ok())
            die(result.errorString());
        return login;
    }
};

void benchChanges(Setup &setup, QTemporaryDir &dir, ServerLog &log, int runs)
{
    const QString loginA = setup.addUser(QStringLiteral("bench_a"), kSmallArea);
    const QString loginB = setup.addUser(QStringLiteral("bench_b"), kSmallArea);
    Device a(QStringLiteral("bench-a"), dir.filePath(QStringLiteral("a.db")), loginA,
             setup.cluster.uri(loginA, setup.database));
    Device b(QStringLiteral("bench-b"), dir.filePath(QStringLiteral("b.db")), loginB,
             setup.cluster.uri(loginB, setup.database));
    Plain superuser(setup.cluster, setup.database, setup.cluster.superuser(),
                    setup.cluster.superuserPassword());
    superuser.exec(QStringLiteral("CREATE TABLE bench_rows (id uuid PRIMARY KEY, address_line1 "
                                  "text, postcode text, area text, notes text)"));
    superuser.exec(QStringLiteral("GRANT SELECT, INSERT ON bench_rows TO %1").arg(loginA));

    QList<HouseholdRecord> records;
    for (int i = 0; i < 1000; ++i) {
        HouseholdRecord record;
        record.household.id = QUuid::createUuid();
        record.household.addressLine1 = QStringLiteral("%1 Bench Road").arg(i + 1);
        record.household.postcode = QStringLiteral("LE13 1AA");
        record.household.areaName = kSmallArea;
        record.resident.name = QStringLiteral("Resident %1").arg(i + 1);
        records.append(record);
    }
    HouseholdRepository repository(a.database, loginA);
    if (const Status inserted = repository.insert(records); !inserted)
        die(inserted.errorString());
    const Cycle created = timedSync(a, log);
    const Cycle received = timedSync(b, log);
    std::printf("setup: 1,000 new households pushed in %.3f s (%d statements), received in "
                "%.3f s (%d rows)\n",
                created.seconds, created.statements, received.seconds, received.result.pulled);

    std::vector<double> pushes, pulls, inserts, selects;
    for (int run = 0; run < runs; ++run) {
        for (const HouseholdRecord &record : std::as_const(records)) {
            if (const Status changed
                = repository.setFields(record.household.id,
                                       {{HouseholdField::Notes,
                                         QStringLiteral("run %1 note for %2")
                                             .arg(run)
                                             .arg(record.household.addressLine1)}});
                !changed)
                die(changed.errorString());
        }
        const Cycle push = timedSync(a, log);
        const Cycle pull = timedSync(b, log);
        if (push.result.pushed != 1000 || pull.result.pulled < 1000)
            die(QStringLiteral("pushed %1, pulled %2")
                    .arg(push.result.pushed)
                    .arg(pull.result.pulled));

        // Baselines: the same 1,000 rows in one multi-row INSERT, and read back in one SELECT,
        // each on a connection of its own as a sync opens one.
        superuser.exec(QStringLiteral("TRUNCATE bench_rows"));
        QStringList values;
        for (const HouseholdRecord &record : std::as_const(records)) {
            values.append(QStringLiteral("(%1, %2, %3, %4, %5)")
                              .arg(quoted(record.household.id.toString(QUuid::WithoutBraces)),
                                   quoted(record.household.addressLine1),
                                   quoted(record.household.postcode), quoted(kSmallArea),
                                   quoted(QStringLiteral("run %1 note").arg(run))));
        }
        QElapsedTimer timer;
        timer.start();
        {
            Plain plain(setup.cluster, setup.database, loginA, kPassword);
            plain.exec(QStringLiteral("INSERT INTO bench_rows VALUES ") + values.join(u','));
        }
        inserts.push_back(timer.nsecsElapsed() / 1e9);
        timer.restart();
        int rows = 0;
        {
            Plain plain(setup.cluster, setup.database, loginB, kPassword);
            QSqlQuery query = plain.query();
            query.setForwardOnly(true);
            if (!query.exec(QStringLiteral(
                    "SELECT h.id, h.uprn, h.address_line1, h.address_line2, h.town, h.postcode, "
                    "h.latitude, h.longitude, h.area_id, h.status, h.priority, h.notes, "
                    "h.created_at, h.updated_at, h.deleted_at FROM household h")))
                die(query.lastError().text());
            while (query.next())
                ++rows;
        }
        selects.push_back(timer.nsecsElapsed() / 1e9);
        pushes.push_back(push.seconds);
        pulls.push_back(pull.seconds);
        std::printf("  run %d: push %.3f s (%d statements, %d connection), pull %.3f s (%d rows, "
                    "%d statements); baselines INSERT %.3f s, SELECT %.3f s (%d rows)\n",
                    run + 1, push.seconds, push.statements, push.connections, pull.seconds,
                    pull.result.pulled, pull.statements, inserts.back(), selects.back(), rows);
    }
    std::printf("1,000 local changes pushed:  %.3f s (target < 1 s); baseline multi-row INSERT "
                "%.3f s; ratio %.1fx\n",
                median(pushes), median(inserts), median(pushes) / median(inserts));
    std::printf("1,000 remote changes pulled: %.3f s (target < 1 s); baseline SELECT %.3f s; "
                "ratio %.1fx\n",
                median(pulls), median(selects), median(pulls) / median(selects));

    // Small volumes: one change, and nothing at all.
    if (const Status changed = repository.setFields(
            records[0].household.id, {{HouseholdField::Notes, QStringLiteral("one more")}});
        !changed)
        die(changed.errorString());
    const Cycle one = timedSync(a, log);
    const Cycle other = timedSync(b, log);
    const Cycle idle = timedSync(b, log);
    std::printf("statements per sync cycle (each one round trip), as the app syncs (its "
                "connection stays open between syncs):\n"
                "  one change pushed: %d; one change pulled: %d; nothing to do: %d "
                "(target <= 5 round trips)\n",
                one.statements, other.statements, idle.statements);
    std::printf("  the idle cycle's statements:\n    %s\n",
                qPrintable(log.statements(loginB, 90).join(QStringLiteral("\n    "))));
    const Cycle fresh = timedSync(b, log, true);
    std::printf("  on a new connection (each `saferhomes-cli sync`): nothing to do: %d "
                "statements, %d of them QPSQL's own connection set-up\n",
                fresh.statements, fresh.statements - idle.statements);
}

/// `psql \copy` of the households and residents \a login reads, from start to exit.
double exportCsv(const Setup &setup, const QString &login, const QString &households,
                 const QString &residents)
{
    return timedProcess(
        QStringLiteral("psql"),
        {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
         QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), setup.cluster.host(),
         QStringLiteral("-p"), QString::number(setup.cluster.port()), QStringLiteral("-U"), login,
         QStringLiteral("-d"), setup.database, QStringLiteral("-c"),
         QStringLiteral("\\copy (SELECT h.id, h.uprn, h.address_line1, h.address_line2, h.town, "
                        "h.postcode, h.latitude, h.longitude, a.name, h.eligibility, h.status, "
                        "h.priority, h.notes, h.created_at, h.updated_at, h.deleted_at FROM "
                        "household h LEFT JOIN area a ON a.id = h.area_id) TO '%1' WITH (FORMAT "
                        "csv, HEADER)")
             .arg(households),
         QStringLiteral("-c"),
         QStringLiteral("\\copy (SELECT id, household_id, name, phone, email, preferred_contact, "
                        "language, access_needs, is_primary, created_at FROM resident) TO '%1' "
                        "WITH (FORMAT csv, HEADER)")
             .arg(residents)});
}

void benchFirstDownload(Setup &setup, QTemporaryDir &dir, ServerLog &log, int households, int runs)
{
    const QString login = setup.addUser(QStringLiteral("bench_c"), kBigArea);
    {
        QElapsedTimer timer;
        timer.start();
        Plain superuser(setup.cluster, setup.database, setup.cluster.superuser(),
                        setup.cluster.superuserPassword());
        superuser.exec(
            QStringLiteral("INSERT INTO household (id, uprn, address_line1, address_line2, town, "
                           "postcode, latitude, longitude, area_id, eligibility, priority, notes) "
                           "SELECT gen_random_uuid(), CAST(100000000000 + i AS text), "
                           "(i %% 300 + 1) || ' Long Road', CASE WHEN i %% 7 = 0 THEN 'Flat ' || "
                           "(i %% 9 + 1) ELSE '' END, 'Melton Mowbray', 'LE13 ' || (i %% 10) || "
                           "'AB', 52.5 + (i %% 30000) / 100000.0, -1.1 + (i %% 29000) / "
                           "100000.0, (SELECT id FROM area WHERE name = %1), CASE WHEN i %% 3 = "
                           "0 THEN 'repeat_victim;vulnerable' ELSE 'hotspot' END, i %% 10, CASE "
                           "WHEN i %% 11 = 0 THEN 'Back door, ring twice' ELSE '' END "
                           "FROM generate_series(1, %2) AS i")
                .replace(QStringLiteral("%%"), QStringLiteral("%"))
                .arg(quoted(kBigArea))
                .arg(households));
        superuser.exec(
            QStringLiteral(
                "INSERT INTO resident (id, household_id, name, phone, is_primary) SELECT "
                "gen_random_uuid(), h.id, 'Resident of ' || h.address_line1, '0116 496 0000', true "
                "FROM household h JOIN area a ON a.id = h.area_id WHERE a.name = %1")
                .arg(quoted(kBigArea)));
        superuser.exec(QStringLiteral("ANALYZE"));
        std::printf("setup: %d households with a resident each made on the server in %.1f s\n",
                    households, timer.nsecsElapsed() / 1e9);
    }

    std::vector<double> baseline, ours;
    for (int run = 0; run < runs; ++run) {
        const QString csvHouseholds = dir.filePath(QStringLiteral("h%1.csv").arg(run));
        const QString csvResidents = dir.filePath(QStringLiteral("r%1.csv").arg(run));
        const double exported = exportCsv(setup, login, csvHouseholds, csvResidents);
        const double imported = timedProcess(
            QStringLiteral("sqlite3"),
            {dir.filePath(QStringLiteral("plain%1.sqlite").arg(run)), QStringLiteral(".mode csv"),
             QStringLiteral(".import %1 household").arg(csvHouseholds),
             QStringLiteral(".import %1 resident").arg(csvResidents)});
        baseline.push_back(exported + imported);

        // Ours as the user runs it: the command line, on a database file it creates.
        const QString path = dir.filePath(QStringLiteral("first%1.db").arg(run));
        log.mark();
        ours.push_back(timedProcess(QStringLiteral(SAFERHOMES_CLI),
                                    {QStringLiteral("--db"), path, QStringLiteral("--json"),
                                     QStringLiteral("sync"), QStringLiteral("--server"),
                                     setup.cluster.uri(login, setup.database)}));
        QThread::msleep(50); // the server writes its log as it goes; let the last line land
        const int statements = log.since(login).first;
        // Besides the households and residents, the first download brings the catalogue and
        // other reference rows.
        Device device(QStringLiteral("bench-first-%1").arg(run), path, login,
                      setup.cluster.uri(login, setup.database));
        QSqlQuery count(device.database.connection());
        count.exec(QStringLiteral("SELECT (SELECT count(*) FROM household), "
                                  "(SELECT count(*) FROM resident)"));
        count.next();
        if (count.value(0).toInt() != households || count.value(1).toInt() != households)
            die(QStringLiteral("the first download brought %1 households and %2 residents")
                    .arg(count.value(0).toInt())
                    .arg(count.value(1).toInt()));
        count.finish();
        std::printf("  run %d: psql \\copy %.2f s + sqlite3 .import %.2f s = %.2f s; "
                    "saferhomes-cli sync (first download) %.2f s (%d statements); each a "
                    "process from start to exit\n",
                    run + 1, exported, imported, baseline.back(), ours.back(), statements);
    }
    std::printf("first download of %d households: %.2f s; baseline \\copy + .import %.2f s; "
                "ratio %.2fx (target <= 3x)\n",
                households, median(ours), median(baseline), median(ours) / median(baseline));
}

/// Pushes the device's whole outbox with OutboxPusher (the push phase of SyncEngine::run) and
/// returns the seconds it took, the connection and greeting excluded.
double timedPush(const Device &device, const QString &password, int expected)
{
    const auto address = CentralConnection::parseUri(device.uri);
    if (!address)
        die(address.errorString());
    CentralConnection central(QStringLiteral("bench-push-central"));
    if (const Status opened = central.open(*address, password); !opened)
        die(opened.errorString());
    SyncResult result;
    const SyncProgressHandler noProgress;
    SyncRun run {device.database.connectionName(), device.database.deviceId(), device.login, result,
                 noProgress};
    ServerHello hello;
    if (const Status greeted = ServerHello::greet(central, hello); !greeted)
        die(greeted.errorString());
    QElapsedTimer timer;
    timer.start();
    if (const Status pushed = OutboxPusher(central, run).pushAll(); !pushed)
        die(pushed.errorString());
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (result.pushed != expected || !result.rejected.isEmpty())
        die(QStringLiteral("pushed %1 of %2, %3 refused")
                .arg(result.pushed)
                .arg(expected)
                .arg(result.rejected.size()));
    return seconds;
}

void benchPushAtScale(Setup &setup, QTemporaryDir &dir, int perBatch)
{
    // An empty server of its own.
    QString error;
    const QString database = setup.cluster.createDatabase(QStringLiteral("pushscale"), &error);
    if (database.isEmpty())
        die(error);
    const QString superuserUri = setup.cluster.uri(setup.cluster.superuser(), database);
    if (const CentralAdmin::Report init = CentralAdmin().initServer(superuserUri); !init.ok())
        die(init.errorString());
    const QString login = PgCluster::uniqueName(QStringLiteral("bench_push"));
    const QString area = QStringLiteral("Bench Push Area");
    if (const CentralAdmin::Report added
        = CentralAdmin().addUser(superuserUri, login, QStringLiteral("officer"), {area}, kPassword);
        !added.ok())
        die(added.errorString());
    Device device(QStringLiteral("bench-push"), dir.filePath(QStringLiteral("push.db")), login,
                  setup.cluster.uri(login, database));
    HouseholdRepository repository(device.database, login);
    std::vector<double> seconds;
    for (int batch = 0; batch < 2; ++batch) {
        QList<HouseholdRecord> records;
        for (int i = 0; i < perBatch; ++i) {
            HouseholdRecord record;
            record.household.id = QUuid::createUuid();
            record.household.addressLine1
                = QStringLiteral("%1 Push Road").arg(batch * perBatch + i + 1);
            record.household.postcode = QStringLiteral("LE13 1AA");
            record.household.areaName = area;
            record.resident.name = QStringLiteral("Resident %1").arg(batch * perBatch + i + 1);
            records.append(record);
        }
        // Imported as an import writes them: in bulk, one create op each.
        if (const Status inserted = repository.insert(records); !inserted)
            die(inserted.errorString());
        seconds.push_back(timedPush(device, kPassword, perBatch));
        std::printf("  %s %d households pushed in %.2f s: %.0f households/s\n",
                    batch == 0 ? "first" : "second", perBatch, seconds.back(),
                    perBatch / seconds.back());
    }
    std::printf("push at scale: second %d / first: %.2fx (target <= 1.3x); overall %.0f "
                "households/s (target >= 1,000)\n",
                perBatch, seconds[1] / seconds[0], 2 * perBatch / (seconds[0] + seconds[1]));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int households = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const int runs = argc > 2 ? std::max(1, QByteArray(argv[2]).toInt()) : 3;
    const int pushed = argc > 3 ? std::max(1, QByteArray(argv[3]).toInt()) : 10000;
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "bench_sync: no temporary folder\n");
        return 2;
    }

    Setup setup;
    synctest::PgClusterOptions options;
    options.settings
        = {QStringLiteral("log_statement = 'all'"), QStringLiteral("log_connections = on"),
           QStringLiteral("log_line_prefix = 'user=%u '")};
    QString error;
    try {
        if (!setup.cluster.start(options, &error))
            die(error);
        qputenv("PGPASSWORD", setup.cluster.superuserPassword().toUtf8());
        setup.database = setup.cluster.createDatabase(QStringLiteral("bench"), &error);
        if (setup.database.isEmpty())
            die(error);
        const CentralAdmin::Report init = CentralAdmin().initServer(setup.superuserUri());
        if (!init.ok())
            die(init.errorString());
        ServerLog log(setup.cluster.logFile());
        std::printf("PostgreSQL on 127.0.0.1:%d (loopback, TCP, SCRAM); medians of %d runs\n",
                    setup.cluster.port(), runs);
        std::printf("== (a) 1,000 changes each way\n");
        benchChanges(setup, dir, log, runs);
        std::printf("== (b) first download\n");
        benchFirstDownload(setup, dir, log, households, runs);
        std::printf("== (c) push at scale\n");
        benchPushAtScale(setup, dir, pushed);
    } catch (const BenchFailure &failure) {
        setup.cluster.stop(&error);
        std::fprintf(stderr, "bench_sync: %s\n", qPrintable(failure.message));
        return 2;
    }
    setup.cluster.stop(&error);
    return 0;
}
