#include "pgcluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>

namespace saferhomes::synctest {

namespace {

const char *const kStateVariable = "SAFERHOMES_TEST_PGCLUSTER";

bool runningAsRoot()
{
    return geteuid() == 0;
}

QString randomHex(int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    for (char &byte : data)
        byte = char(QRandomGenerator::global()->bounded(256));
    return QString::fromLatin1(data.toHex());
}

bool writeFile(const QString &path, const QByteArray &bytes, QIODevice::OpenMode mode)
{
    QFile file(path);
    return file.open(mode) && file.write(bytes) == bytes.size();
}

// Hands \a path to the postgres OS user, which runs the server when the tests run as root.
bool giveToServerUser(const QString &path)
{
    if (!runningAsRoot())
        return true;
    const passwd *user = getpwnam("postgres");
    return user && chown(QFile::encodeName(path).constData(), user->pw_uid, user->pw_gid) == 0;
}

QString findBinDir()
{
    const QString configured = qEnvironmentVariable("SAFERHOMES_PG_BINDIR");
    const QStringList candidates {configured, QStringLiteral("/usr/lib/postgresql/15/bin")};
    for (const QString &dir : candidates) {
        if (!dir.isEmpty() && QFileInfo(dir + QStringLiteral("/initdb")).isExecutable())
            return dir;
    }
    return {};
}

} // namespace

PgCluster &PgCluster::shared()
{
    static PgCluster cluster;
    return cluster;
}

QString PgCluster::uniqueName(const QString &prefix)
{
    static std::atomic<int> counter {0};
    return QStringLiteral("%1_%2_%3%4")
        .arg(prefix)
        .arg(QCoreApplication::applicationPid())
        .arg(++counter)
        .arg(randomHex(2));
}

int PgCluster::freePort()
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    int port = 0;
    if (bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0
        && getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    close(fd);
    return port;
}

QString PgCluster::uri(const QString &user, const QString &database) const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host()).arg(m_port).arg(database);
}

bool PgCluster::runTool(const QString &tool, const QStringList &arguments, QString *output,
                        int timeoutMs) const
{
    QProcess process;
    const QString program = m_binDir + QLatin1Char('/') + tool;
    if (runningAsRoot()) {
        process.setProgram(QStringLiteral("runuser"));
        process.setArguments(QStringList {QStringLiteral("-u"), QStringLiteral("postgres"),
                                          QStringLiteral("--"), program}
                             + arguments);
    } else {
        process.setProgram(program);
        process.setArguments(arguments);
    }
    // English messages, and a working folder the postgres user may enter.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    environment.remove(QStringLiteral("PGPASSWORD"));
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_dir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start();
    const bool finished = process.waitForFinished(timeoutMs);
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    if (!finished) {
        process.kill();
        process.waitForFinished();
        if (output)
            output->append(QStringLiteral("\n%1 timed out").arg(tool));
        return false;
    }
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool PgCluster::start(QString *error)
{
    return start(PgClusterOptions(), error);
}

bool PgCluster::start(const PgClusterOptions &options, QString *error)
{
    m_binDir = findBinDir();
    if (m_binDir.isEmpty()) {
        *error = QStringLiteral("PostgreSQL 15 server programs not found (install postgresql-15, "
                                "or set SAFERHOMES_PG_BINDIR)");
        return false;
    }
    QTemporaryDir temporary(QDir::tempPath() + QStringLiteral("/saferhomes-pg-XXXXXX"));
    if (!temporary.isValid()) {
        *error
            = QStringLiteral("cannot create a temporary folder: %1").arg(temporary.errorString());
        return false;
    }
    temporary.setAutoRemove(false);
    m_dir = temporary.path();
    m_password = options.superuserPassword.isEmpty() ? randomHex(16) : options.superuserPassword;
    const QString passwordFile = m_dir + QStringLiteral("/pwfile");
    if (!writeFile(passwordFile, m_password.toUtf8(), QIODevice::WriteOnly)
        || !giveToServerUser(m_dir) || !giveToServerUser(passwordFile)) {
        *error = QStringLiteral("cannot prepare %1 for the postgres user").arg(m_dir);
        return false;
    }

    QString output;
    const bool initialised = runTool(
        QStringLiteral("initdb"),
        {QStringLiteral("-D"), m_dir + QStringLiteral("/data"), QStringLiteral("-U"), superuser(),
         QStringLiteral("--pwfile=") + passwordFile, QStringLiteral("--auth-local=trust"),
         QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("-E"), QStringLiteral("UTF8"),
         QStringLiteral("--locale=C"), QStringLiteral("--no-sync"),
         QStringLiteral("--no-instructions")},
        &output);
    QFile::remove(passwordFile);
    if (!initialised) {
        *error = QStringLiteral("initdb failed: %1").arg(output);
        return false;
    }
    // A throwaway cluster: durability off for speed; a stuck transaction cannot hold the
    // sync watermark for long (DESIGN §7).
    const QByteArray settings
        = QStringLiteral("\n# saferhomes tests\n"
                         "listen_addresses = '127.0.0.1'\n"
                         "unix_socket_directories = '%1'\n"
                         "fsync = off\n"
                         "synchronous_commit = %2\n"
                         "full_page_writes = off\n"
                         "max_connections = 60\n"
                         "shared_buffers = '32MB'\n"
                         "idle_in_transaction_session_timeout = '60s'\n"
                         "password_encryption = 'scram-sha-256'\n")
              .arg(m_dir)
              .arg(options.crashSafe ? QStringLiteral("on") : QStringLiteral("off"))
              .toUtf8()
        + options.settings.join(u'\n').toUtf8() + '\n';
    if (!writeFile(m_dir + QStringLiteral("/data/postgresql.conf"), settings,
                   QIODevice::WriteOnly | QIODevice::Append)) {
        *error = QStringLiteral("cannot write postgresql.conf");
        return false;
    }
    return startServer(false, error);
}

bool PgCluster::startServer(bool samePort, QString *error)
{
    // Another program may take the free port before the server binds it: try a few. The same
    // port may still be held for a moment by the server that just stopped.
    QString output;
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (!samePort)
            m_port = freePort();
        else if (attempt > 0)
            QThread::msleep(200);
        if (runTool(QStringLiteral("pg_ctl"),
                    {QStringLiteral("-D"), m_dir + QStringLiteral("/data"), QStringLiteral("-l"),
                     logFile(), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                     QStringLiteral("-o"), QStringLiteral("-p %1").arg(m_port),
                     QStringLiteral("start")},
                    &output))
            return true;
    }
    QFile log(logFile());
    const QString logText
        = log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : QString();
    *error = QStringLiteral("the server did not start: %1\n%2").arg(output, logText);
    return false;
}

bool PgCluster::stopServer(const QString &mode, QString *error)
{
    QString output;
    if (runTool(QStringLiteral("pg_ctl"),
                {QStringLiteral("-D"), m_dir + QStringLiteral("/data"), QStringLiteral("-m"), mode,
                 QStringLiteral("-w"), QStringLiteral("stop")},
                &output))
        return true;
    *error = QStringLiteral("pg_ctl stop -m %1 failed: %2").arg(mode, output);
    return false;
}

bool PgCluster::startAgain(QString *error)
{
    return startServer(true, error);
}

bool PgCluster::restart(const QString &mode, QString *error)
{
    return stopServer(mode, error) && startAgain(error);
}

bool PgCluster::stop(QString *error)
{
    if (m_dir.isEmpty())
        return true;
    QString output;
    const bool stopped
        = runTool(QStringLiteral("pg_ctl"),
                  {QStringLiteral("-D"), m_dir + QStringLiteral("/data"), QStringLiteral("-m"),
                   QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")},
                  &output);
    QDir(m_dir).removeRecursively();
    if (!stopped && error)
        *error = QStringLiteral("pg_ctl stop failed: %1").arg(output);
    m_dir.clear();
    return stopped;
}

bool PgCluster::save(const QString &stateFile, QString *error) const
{
    const QJsonObject state {{QStringLiteral("bindir"), m_binDir},
                             {QStringLiteral("dir"), m_dir},
                             {QStringLiteral("port"), m_port},
                             {QStringLiteral("password"), m_password}};
    if (writeFile(stateFile, QJsonDocument(state).toJson(), QIODevice::WriteOnly))
        return true;
    *error = QStringLiteral("cannot write %1").arg(stateFile);
    return false;
}

bool PgCluster::load(const QString &stateFile, QString *error)
{
    QFile file(stateFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: was the cluster fixture started?").arg(stateFile);
        return false;
    }
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    m_binDir = state.value(u"bindir").toString();
    m_dir = state.value(u"dir").toString();
    m_port = state.value(u"port").toInt();
    m_password = state.value(u"password").toString();
    if (m_dir.isEmpty() || m_port <= 0) {
        *error = QStringLiteral("%1 does not describe a cluster").arg(stateFile);
        return false;
    }
    return true;
}

bool PgCluster::superuserExec(const QString &database, const QString &sql, QString *error) const
{
    const QString name = uniqueName(QStringLiteral("superuser"));
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(host());
        db.setPort(m_port);
        db.setDatabaseName(database);
        db.setUserName(superuser());
        db.setPassword(m_password);
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok)
                *error = query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QString PgCluster::createDatabase(const QString &prefix, QString *error, const QString &owner) const
{
    const QString name = uniqueName(prefix);
    QString sql = QStringLiteral("CREATE DATABASE %1").arg(name);
    if (!owner.isEmpty())
        sql += QStringLiteral(" OWNER %1").arg(owner);
    return superuserExec(QStringLiteral("postgres"), sql, error) ? name : QString();
}

void PgClusterEnvironment::SetUp()
{
    ASSERT_TRUE(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        << "the Qt PostgreSQL driver is missing (Debian: libqt6sql6-psql)";
    PgCluster &cluster = PgCluster::shared();
    QString error;
    const QString stateFile = qEnvironmentVariable(kStateVariable);
    if (!stateFile.isEmpty()) {
        ASSERT_TRUE(cluster.load(stateFile, &error)) << error.toStdString();
    } else {
        ASSERT_TRUE(cluster.start(&error)) << error.toStdString();
        m_owned = true;
    }
    qputenv("PGPASSWORD", cluster.superuserPassword().toUtf8());
    ASSERT_TRUE(
        cluster.superuserExec(QStringLiteral("postgres"), QStringLiteral("SELECT 1"), &error))
        << "the test cluster does not answer: " << error.toStdString();
}

void PgClusterEnvironment::TearDown()
{
    if (!m_owned)
        return;
    QString error;
    EXPECT_TRUE(PgCluster::shared().stop(&error)) << error.toStdString();
}

int runClusterCommand(const QStringList &arguments)
{
    const qsizetype at = arguments.indexOf(QStringLiteral("--pgcluster-start")) >= 0
        ? arguments.indexOf(QStringLiteral("--pgcluster-start"))
        : arguments.indexOf(QStringLiteral("--pgcluster-stop"));
    if (at < 0)
        return -1;
    if (at + 1 >= arguments.size()) {
        std::fprintf(stderr, "%s needs a state file\n", qPrintable(arguments[at]));
        return 2;
    }
    const bool starting = arguments[at] == u"--pgcluster-start";
    const QString stateFile = arguments[at + 1];
    PgCluster &cluster = PgCluster::shared();
    QString error;
    // A cluster left behind by an interrupted run is stopped first.
    if (QFile::exists(stateFile) && cluster.load(stateFile, &error))
        cluster.stop(&error);
    QFile::remove(stateFile);
    if (!starting)
        return 0;
    if (!cluster.start(&error) || !cluster.save(stateFile, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        cluster.stop(&error);
        return 1;
    }
    std::printf("PostgreSQL test cluster on 127.0.0.1:%d\n", cluster.port());
    return 0;
}

} // namespace saferhomes::synctest
