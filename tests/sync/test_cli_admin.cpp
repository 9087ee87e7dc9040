// `saferhomes-cli admin init-server` and `admin add-user` end to end (DESIGN §4): the real
// executable in a child process against the test cluster, checked by exit code, JSON and what
// the server then holds.

#include "centraltest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace saferhomes::synctest {

namespace {

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

std::ostream &operator<<(std::ostream &stream, const CliRun &run)
{
    return stream << "exit " << run.exitCode << "\nstdout: " << run.out.toStdString()
                  << "\nstderr: " << run.err.toStdString();
}

/// Runs the command line with \a arguments, \a input on stdin and \a password in PGPASSWORD.
CliRun cli(const QStringList &arguments, const QByteArray &input = {},
           const QString &password = cluster().superuserPassword())
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), password);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SAFERHOMES_CLI), arguments);
    CliRun run;
    if (!process.waitForStarted(120'000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QStringList initServer(const QString &uri)
{
    return {QStringLiteral("--json"), QStringLiteral("admin"), QStringLiteral("init-server"),
            QStringLiteral("--server"), uri};
}

QStringList addUser(const QString &uri, const QString &name, const QString &role,
                    const QString &areas = {})
{
    QStringList arguments {QStringLiteral("--json"),
                           QStringLiteral("admin"),
                           QStringLiteral("add-user"),
                           QStringLiteral("--server"),
                           uri,
                           QStringLiteral("--name"),
                           name,
                           QStringLiteral("--role"),
                           role};
    if (!areas.isNull())
        arguments << QStringLiteral("--areas") << areas;
    return arguments;
}

} // namespace

TEST(CliAdmin, UnreachableServerExitsThree)
{
    const QString uri = QStringLiteral("postgresql://postgres@127.0.0.1:%1/saferhomes")
                            .arg(PgCluster::freePort());
    CliRun run = cli(initServer(uri));
    EXPECT_EQ(run.exitCode, 3) << run;
    EXPECT_TRUE(run.json().contains(u"error")) << run;
    run = cli(addUser(uri, QStringLiteral("jo"), QStringLiteral("officer")), "pass\n");
    EXPECT_EQ(run.exitCode, 3) << run;
}

TEST(CliAdmin, InitServerAndAddUserSucceedWithJson)
{
    const QString database = newDatabase(QStringLiteral("cli"));
    ASSERT_FALSE(database.isEmpty());
    const QString uri = superuserUri(database);
    CliRun run = cli(initServer(uri));
    ASSERT_EQ(run.exitCode, 0) << run;
    EXPECT_EQ(run.json().value(u"schema_version").toInt(), 19) << run;
    EXPECT_EQ(run.json().value(u"applied").toInt(), CentralAdmin::latestSchemaVersion()) << run;
    run = cli(initServer(uri));
    ASSERT_EQ(run.exitCode, 0) << run;
    EXPECT_EQ(run.json().value(u"applied").toInt(), 0) << run;

    const QString name = PgCluster::uniqueName(QStringLiteral("jo"));
    run = cli(addUser(uri, name, QStringLiteral("officer"),
                      QStringLiteral("Melton Town Centre;Oadby and Wigston")),
              "s3cret pass\n");
    ASSERT_EQ(run.exitCode, 0) << run;
    const QJsonObject json = run.json();
    EXPECT_EQ(json.value(u"user").toString(), name);
    EXPECT_EQ(json.value(u"role").toString(), u"officer");
    EXPECT_EQ(json.value(u"areas").toArray().size(), 2) << run;
    EXPECT_EQ(json.value(u"created_areas").toArray().size(), 2) << run;
    EXPECT_TRUE(run.err.contains("warning")) << run;

    PgSession session(cluster(), database, name, QStringLiteral("s3cret pass"));
    EXPECT_TRUE(session.isOpen()) << session.openError().toStdString();

    // Text output without --json.
    QStringList arguments
        = addUser(uri, PgCluster::uniqueName(QStringLiteral("al")), QStringLiteral("volunteer"),
                  QStringLiteral("Melton Town Centre"));
    arguments.removeFirst();
    run = cli(arguments, "another pass\n");
    EXPECT_EQ(run.exitCode, 0) << run;
    EXPECT_TRUE(run.out.startsWith("Added ")) << run;
    EXPECT_FALSE(run.err.contains("warning")) << run;
}

TEST(CliAdmin, BadNamesAndRolesExitOne)
{
    const QString uri = superuserUri(QStringLiteral("postgres"));
    CliRun run = cli(addUser(uri, QStringLiteral("Robert'); DROP TABLE app_user; --"),
                             QStringLiteral("officer")),
                     "pass\n");
    EXPECT_EQ(run.exitCode, 1) << run;
    EXPECT_TRUE(run.json().contains(u"error")) << run;
    run = cli(addUser(uri, QStringLiteral("jo"), QStringLiteral("wizard")), "pass\n");
    EXPECT_EQ(run.exitCode, 1) << run;
}

TEST(CliAdmin, RefusedByTheServerExitsOne)
{
    const QString database = newDatabase(QStringLiteral("cliref"));
    ASSERT_FALSE(database.isEmpty());
    CliRun run = cli(initServer(superuserUri(database)), {}, QStringLiteral("wrong password"));
    EXPECT_EQ(run.exitCode, 1) << run;
    // add-user before init-server
    run = cli(addUser(superuserUri(database), PgCluster::uniqueName(QStringLiteral("jo")),
                      QStringLiteral("officer")),
              "pass\n");
    EXPECT_EQ(run.exitCode, 1) << run;
}

TEST(CliAdmin, UsageErrorsExitTwo)
{
    const QString uri = superuserUri(QStringLiteral("postgres"));
    EXPECT_EQ(cli({QStringLiteral("admin"), QStringLiteral("init-server")}).exitCode, 2);
    EXPECT_EQ(cli({QStringLiteral("admin"), QStringLiteral("add-user"), QStringLiteral("--server"),
                   uri, QStringLiteral("--role"), QStringLiteral("officer")})
                  .exitCode,
              2);
    EXPECT_EQ(cli(initServer(QStringLiteral("postgresql://postgres:pw@127.0.0.1/x"))).exitCode, 2);
    const CliRun run = cli(addUser(uri, QStringLiteral("jo"), QStringLiteral("officer")), "");
    EXPECT_EQ(run.exitCode, 2) << run;
    EXPECT_TRUE(run.err.contains("password")) << run;
}

// Issue 9: demo data is invented; a demo database is never sent to a central database, not even
// by a user whom the server would let write every one of its rows.
TEST(CliSyncDemo, ADemoDatabaseIsRefusedAndTheServerHoldsNothing)
{
    const QString database = newDatabase(QStringLiteral("demo"));
    ASSERT_FALSE(database.isEmpty());
    ASSERT_EQ(cli(initServer(superuserUri(database))).exitCode, 0);
    const QString name = PgCluster::uniqueName(QStringLiteral("coord"));
    const CliRun added = cli(addUser(superuserUri(database), name, QStringLiteral("coordinator"),
                                     QStringLiteral("Melton Town Centre;Oadby and Wigston")),
                             "coord pass\n");
    ASSERT_EQ(added.exitCode, 0) << added;

    QTemporaryDir dir;
    const QString local = dir.filePath(QStringLiteral("demo.sqlite"));
    const CliRun demo = cli({QStringLiteral("--db"), local, QStringLiteral("demo"),
                             QStringLiteral("--households"), QStringLiteral("20")});
    ASSERT_EQ(demo.exitCode, 0) << demo;

    const QString uri = cluster().uri(name, database);
    const CliRun sync = cli({QStringLiteral("--db"), local, QStringLiteral("--json"),
                             QStringLiteral("sync"), QStringLiteral("--server"), uri},
                            {}, QStringLiteral("coord pass"));
    EXPECT_EQ(sync.exitCode, 1) << sync;
    EXPECT_TRUE(sync.err.contains("demo data")) << sync;
    EXPECT_TRUE(sync.err.contains("--db")) << sync;
    EXPECT_EQ(sync.json().value(u"pushed").toInt(-1), 0) << sync;

    const auto session = superuserSession(database);
    for (const char *table : {"household", "resident", "visit", "consent", "attachment", "survey",
                              "recommendation", "job", "job_item", "stock_movement"}) {
        EXPECT_EQ(
            session->value(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)))
                .toLongLong(),
            0)
            << table;
    }
}

} // namespace saferhomes::synctest
