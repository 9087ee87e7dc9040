#pragma once

// A throwaway PostgreSQL 15 cluster for the tests that need the central database (DESIGN §12).
//
// One cluster serves a whole test run. Run directly, the test executable starts its own and
// stops it at the end. Under CTest, a fixture test starts one cluster before the sync tests
// (`saferhomes_sync_tests --pgcluster-start STATE`), every test process attaches to it through
// the state file named by SAFERHOMES_TEST_PGCLUSTER, and a cleanup test stops it; each test
// works in databases and logins of its own, so tests can run in parallel.

#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

namespace saferhomes::synctest {

/// How PgCluster::start() sets a cluster up.
struct PgClusterOptions {
    /// Commits reach the server's WAL (the OS's page cache: fsync stays off) before they are
    /// acknowledged, so that an immediate shutdown (`pg_ctl -m immediate`, a crash of the
    /// server but not of the machine) loses nothing acknowledged. Off by default for speed:
    /// with synchronous_commit off, a crash may lose the last commits the server answered.
    bool crashSafe = false;
    /// The superuser's password; empty: a new random one.
    QString superuserPassword;
    /// More postgresql.conf lines (`name = value`), after the defaults.
    QStringList settings;
};

/// One PostgreSQL cluster in a temporary folder, listening on a free loopback port. Run as the
/// `postgres` OS user (through runuser) when the tests run as root.
class PgCluster {
public:
    PgCluster() = default;
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    /// initdb into a new temporary folder and start the server; false and \a error on failure.
    bool start(QString *error);
    bool start(const PgClusterOptions &options, QString *error);
    /// Stops the server (fast shutdown) and deletes its folder.
    bool stop(QString *error);

    /// Stops the server with `pg_ctl stop -m MODE` ("smart", "fast" or "immediate") and keeps
    /// its folder, so that startAgain() can bring it back with its data.
    bool stopServer(const QString &mode, QString *error);
    /// Starts a server stopped by stopServer() on the same port (the URIs handed out stay
    /// valid); after an immediate stop the server recovers from its WAL first.
    bool startAgain(QString *error);
    /// stopServer(\a mode), then startAgain().
    bool restart(const QString &mode, QString *error);

    /// Writes / reads where the cluster runs and how to get in, for other processes.
    bool save(const QString &stateFile, QString *error) const;
    bool load(const QString &stateFile, QString *error);

    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString superuser() const { return QStringLiteral("postgres"); }
    QString superuserPassword() const { return m_password; }
    /// The cluster's data folder (PGDATA), the folder of its Unix socket, and the folder of
    /// the PostgreSQL programs it runs (pg_ctl, ...).
    QString dataDir() const { return m_dir + QStringLiteral("/data"); }
    QString socketDir() const { return m_dir; }
    QString binDir() const { return m_binDir; }
    /// The server's log file (its stderr).
    QString logFile() const { return m_dir + QStringLiteral("/server.log"); }

    /// `postgresql://USER@127.0.0.1:PORT/DATABASE`
    QString uri(const QString &user, const QString &database) const;
    /// Creates a database named uniqueName(\a prefix), owned by \a owner when given; returns
    /// its name, or an empty string and \a error.
    QString createDatabase(const QString &prefix, QString *error, const QString &owner = {}) const;
    /// Runs one statement as the superuser in \a database.
    bool superuserExec(const QString &database, const QString &sql, QString *error) const;

    /// \a prefix + a suffix unique across processes: a valid lower-case login or database name.
    static QString uniqueName(const QString &prefix);
    /// A loopback TCP port that nothing listens on right now.
    static int freePort();

    /// The cluster of this test run (see PgClusterEnvironment).
    static PgCluster &shared();

private:
    bool runTool(const QString &tool, const QStringList &arguments, QString *output,
                 int timeoutMs = 60'000) const;
    /// Starts the server on a free port, or on the current one when \a samePort.
    bool startServer(bool samePort, QString *error);

    QString m_binDir;
    QString m_dir;
    QString m_password;
    int m_port = 0;
};

/// Starts (or attaches to) the run's cluster before the first test and stops the cluster it
/// started after the last. Also sets PGPASSWORD to the superuser's password for the code under
/// test, which connects as the superuser unless a test says otherwise.
class PgClusterEnvironment : public ::testing::Environment {
public:
    void SetUp() override;
    void TearDown() override;

private:
    bool m_owned = false;
};

/// `--pgcluster-start STATE` and `--pgcluster-stop STATE`, the CTest fixture's set-up and
/// clean-up; returns the exit code, or -1 when \a arguments ask for neither.
int runClusterCommand(const QStringList &arguments);

} // namespace saferhomes::synctest
