// How the push of the outbox fails (issue 9 item 1): an answer from the server that says no is
// Error::Refused, the server gone is Error::Network, and a local database that cannot be read or
// written is Error::Database or Error::Locked, naming the file. Each case is a real failure on
// the test cluster or the device's SQLite file, and each loses nothing.

#include "centraltest.h"
#include "syncassert.h"
#include "testdevice.h"

#include "store/database.h"
#include "sync/centralconnection.h"
#include "sync/outboxpusher.h"
#include "sync/serverhello.h"
#include "sync/syncrun.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>

namespace saferhomes::synctest {

namespace {

const QString kPassword = QStringLiteral("push-errors-password");
const QString kArea = QStringLiteral("Melton Town Centre");

class PushErrorsTest : public OneUserTest {
protected:
    static void SetUpTestSuite()
    {
        setUpSuite(QStringLiteral("pusherrors"),
                   {QStringLiteral("officer"), {QStringLiteral("officer"), {kArea}}}, kPassword);
    }

    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(OneUserTest::SetUp());
        m_device = std::make_unique<TestDevice>(
            QStringLiteral("pusher"), m_dir.filePath(QStringLiteral("pusher.db")), s_login,
            kPassword, cluster().uri(s_login, s_database));
        QString error;
        ASSERT_TRUE(m_device->open(&error)) << error.toStdString();
    }

    /// A household made on the device: its create op waits in the outbox.
    QUuid create(const QString &line1)
    {
        return madeHousehold(*m_device, line1, kArea, QStringLiteral("Fran"));
    }

    int serverHouseholds(const QUuid &id)
    {
        return superuserSession(s_database)
            ->value(QStringLiteral("SELECT count(*) FROM household WHERE id = ?"), {text(id)})
            .toInt();
    }

    /// `saferhomes-cli sync` on the device; its exit code.
    int cliSync()
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PGPASSWORD"), kPassword);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SAFERHOMES_CLI),
                      {QStringLiteral("--db"), m_device->path(), QStringLiteral("--json"),
                       QStringLiteral("sync"), QStringLiteral("--server"), m_device->uri()});
        EXPECT_TRUE(process.waitForFinished(120'000));
        m_cliError = QString::fromUtf8(process.readAllStandardError());
        return process.exitCode();
    }

    std::unique_ptr<TestDevice> m_device;
    QString m_cliError;
};

} // namespace

TEST_F(PushErrorsTest, APushTheServerRefusesIsARefusalAndLosesNothing)
{
    const QUuid id = create(QStringLiteral("8 Refused Row"));
    const int queued = m_device->outboxRows();
    ASSERT_GT(queued, 0);

    // The server answers the greeting but will not run the push for officers.
    const auto central = superuserSession(s_database);
    ASSERT_TRUE(
        central->exec(QStringLiteral("REVOKE EXECUTE ON FUNCTION sh_push(jsonb) FROM sh_officer")));
    const SyncResult refused = m_device->sync();
    const int exitCode = cliSync();
    ASSERT_TRUE(
        central->exec(QStringLiteral("GRANT EXECUTE ON FUNCTION sh_push(jsonb) TO sh_officer")));

    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.status.error().kind, Error::Kind::Refused)
        << refused.errorString().toStdString();
    EXPECT_FALSE(refused.unreachable());
    EXPECT_TRUE(refused.errorString().startsWith(
        QStringLiteral("the central database did not take the changes: ")))
        << refused.errorString().toStdString();
    EXPECT_TRUE(refused.errorString().contains(QStringLiteral("sh_push")))
        << refused.errorString().toStdString();
    EXPECT_EQ(refused.pushed, 0);
    // DESIGN §4: refused by the server is exit 1.
    EXPECT_EQ(exitCode, 1) << m_cliError.toStdString();
    EXPECT_TRUE(m_cliError.contains(QStringLiteral("did not take the changes")))
        << m_cliError.toStdString();
    EXPECT_EQ(m_device->outboxRows(), queued);
    EXPECT_EQ(serverHouseholds(id), 0);

    // Allowed again, the same ops go through once.
    const SyncResult again = m_device->sync();
    ASSERT_TRUE(synced(again));
    EXPECT_EQ(again.pushed, queued);
    EXPECT_EQ(m_device->outboxRows(), 0);
    EXPECT_EQ(serverHouseholds(id), 1);
}

TEST_F(PushErrorsTest, AServerThatCannotTakeThePushNowIsTheNetworkNotTheDatabase)
{
    const QUuid id = create(QStringLiteral("9 Timeout Terrace"));
    const int queued = m_device->outboxRows();

    // The server is there but cannot do the work now: another session holds the households
    // locked, and this login's statements give up after 2 s (SQLSTATE 57014). That is "retry
    // later", not a broken database and not a refusal.
    const auto central = superuserSession(s_database);
    ASSERT_TRUE(central->exec(
        QStringLiteral("ALTER ROLE \"%1\" SET statement_timeout = '2s'").arg(s_login)));
    const auto holder = superuserSession(s_database);
    ASSERT_TRUE(holder->exec(QStringLiteral("BEGIN")));
    ASSERT_TRUE(holder->exec(QStringLiteral("LOCK TABLE household IN ACCESS EXCLUSIVE MODE")));
    const SyncResult timedOut = m_device->sync();
    ASSERT_TRUE(holder->exec(QStringLiteral("ROLLBACK")));
    ASSERT_TRUE(
        central->exec(QStringLiteral("ALTER ROLE \"%1\" RESET statement_timeout").arg(s_login)));

    ASSERT_FALSE(timedOut.ok());
    EXPECT_EQ(timedOut.status.error().kind, Error::Kind::Network)
        << timedOut.errorString().toStdString();
    EXPECT_TRUE(timedOut.unreachable());
    EXPECT_TRUE(timedOut.errorString().startsWith(
        QStringLiteral("the central database did not take the changes: ")))
        << timedOut.errorString().toStdString();
    EXPECT_TRUE(timedOut.errorString().contains(QStringLiteral("statement timeout")))
        << timedOut.errorString().toStdString();
    EXPECT_EQ(m_device->outboxRows(), queued);
    EXPECT_EQ(serverHouseholds(id), 0);
}

TEST_F(PushErrorsTest, AnOutboxThatCannotBeReadIsADatabaseErrorNamingTheFile)
{
    create(QStringLiteral("10 Dropped Drive"));
    ASSERT_TRUE(m_device->exec(QStringLiteral("DROP TABLE outbox"), {}))
        << m_device->lastError().toStdString();

    const SyncResult result = m_device->sync();
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status.error().kind, Error::Kind::Database)
        << result.errorString().toStdString();
    EXPECT_FALSE(result.unreachable());
    EXPECT_TRUE(result.errorString().contains(m_device->path()))
        << result.errorString().toStdString();
    EXPECT_TRUE(result.errorString().contains(QStringLiteral("no such table: outbox")))
        << result.errorString().toStdString();

    // DESIGN §4: a database error is exit 2.
    EXPECT_EQ(cliSync(), 2) << m_cliError.toStdString();
    EXPECT_TRUE(m_cliError.contains(m_device->path())) << m_cliError.toStdString();
}

TEST_F(PushErrorsTest, AnAnswerThatCannotBeRecordedUnderAnotherProgramsLockIsLockedAndResent)
{
    const QUuid id = create(QStringLiteral("11 Locked Lane"));
    const int queued = m_device->outboxRows();

    // The push phase on its own, while another program holds the write lock on the file:
    // the server applies the batch, and its answer cannot be written here.
    CentralConnection central(QStringLiteral("push-errors-central"));
    const Status opened
        = central.open(CentralConnection::parseUri(m_device->uri()).value(), kPassword);
    ASSERT_TRUE(opened) << opened.errorString().toStdString();
    ServerHello hello;
    const Status greeted = ServerHello::greet(central, hello);
    ASSERT_TRUE(greeted) << greeted.errorString().toStdString();
    SyncResult result;
    const SyncProgressHandler noProgress;
    SyncRun run {m_device->database().connectionName(), m_device->database().deviceId(),
                 m_device->login(), result, noProgress};
    {
        Database other(QStringLiteral("push-errors-other-program"));
        ASSERT_TRUE(other.open(m_device->path()));
        QSqlQuery lock(other.connection());
        ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        ASSERT_TRUE(lock.exec(
            QStringLiteral("INSERT INTO meta (key, value) VALUES ('holding', 'the lock')")));

        const Status pushed = OutboxPusher(central, run).pushAll();
        ASSERT_FALSE(pushed);
        EXPECT_EQ(pushed.error().kind, Error::Kind::Locked) << pushed.errorString().toStdString();
        EXPECT_TRUE(pushed.errorString().contains(m_device->path()))
            << pushed.errorString().toStdString();
        EXPECT_TRUE(pushed.errorString().contains(QStringLiteral("answer")))
            << pushed.errorString().toStdString();
        EXPECT_TRUE(pushed.errorString().contains(QStringLiteral("locked")))
            << pushed.errorString().toStdString();
        ASSERT_TRUE(lock.exec(QStringLiteral("ROLLBACK")));
    }
    EXPECT_EQ(result.pushed, 0);
    EXPECT_EQ(m_device->outboxRows(), queued) << "nothing was taken off the outbox";
    EXPECT_EQ(serverHouseholds(id), 1) << "the server had applied the batch";

    // The next push sends the same ops again; the server applies them once.
    const Status resent = OutboxPusher(central, run).pushAll();
    ASSERT_TRUE(resent) << resent.errorString().toStdString();
    EXPECT_EQ(result.pushed, queued);
    EXPECT_EQ(m_device->outboxRows(), 0);
    EXPECT_EQ(serverHouseholds(id), 1);
}

} // namespace saferhomes::synctest
