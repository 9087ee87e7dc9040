// The GUI executable in a child process: what --version prints, and that SIGTERM (a logout, a
// service manager, `kill`) ends it as the Quit menu does, with its database closed.

#include "store/database.h"
#include "store/householdrepository.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

/// Waits up to \a timeoutMs for \a path to exist, woken by its folder's changes (no polling),
/// and gives up early when \a process ends.
bool waitForFile(const QString &path, const QProcess &process, int timeoutMs)
{
    QFileSystemWatcher watcher({QFileInfo(path).absolutePath()});
    QEventLoop loop;
    QObject::connect(&watcher, &QFileSystemWatcher::directoryChanged, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    const QDeadlineTimer deadline(timeoutMs);
    // The watcher is set before the first look, so a file made in between still wakes the loop.
    while (!QFileInfo::exists(path)) {
        if (deadline.hasExpired() || process.state() == QProcess::NotRunning)
            return false;
        loop.exec();
    }
    return true;
}

QProcessEnvironment offscreen()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    return environment;
}

} // namespace

TEST(GuiProcess, VersionPrintsTheProgramAndTheProjectVersion)
{
    // SAFERHOMES_PROJECT_VERSION is CMake's project(VERSION), the one version of the program.
    QProcess process;
    process.setProcessEnvironment(offscreen());
    process.start(QStringLiteral(SAFERHOMES_GUI), {u"--version"_s});
    ASSERT_TRUE(process.waitForFinished(120'000));
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(process.exitCode(), 0);
    EXPECT_EQ(QString::fromUtf8(process.readAllStandardOutput()),
              u"saferhomes " SAFERHOMES_PROJECT_VERSION "\n"_s);
}

TEST(GuiProcess, SigtermQuitsCleanlyAndClosesTheDatabase)
{
    // An event loop, to be woken when the program opens its database.
    int argc = 1;
    char program[] = "saferhomes_app_tests";
    char *argv[] = {program, nullptr};
    QCoreApplication application(argc, argv);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString db = dir.filePath(u"t.sqlite"_s);
    {
        // One household, so that the program does not spend its start filling demo data.
        saferhomes::Database database(u"prepare"_s);
        const auto opened = database.open(db);
        ASSERT_TRUE(opened) << qPrintable(opened.errorString());
        saferhomes::HouseholdRecord record;
        record.household.addressLine1 = u"1 Signal Street"_s;
        record.household.postcode = u"LE13 0AA"_s;
        saferhomes::HouseholdRepository repository(database, u"tester"_s);
        const saferhomes::Status inserted = repository.insert({record});
        ASSERT_TRUE(inserted) << inserted.errorString().toStdString();
    }
    // Closing the last connection removed the write-ahead log: it comes back when the program
    // has opened the database.
    ASSERT_FALSE(QFileInfo::exists(db + u"-wal"_s));
    QProcessEnvironment environment = offscreen();
    // The settings and keychain of a throwaway home, not the user's.
    environment.insert(u"HOME"_s, dir.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SAFERHOMES_GUI), {u"--db"_s, db});
    ASSERT_TRUE(process.waitForStarted(120'000));

    // The handler is installed before the database is opened, so once it is open the signal
    // must be caught, whatever the program is doing (showing the window, waiting for input).
    const bool opened = waitForFile(db + u"-wal"_s, process, 120'000);
    if (!opened)
        process.kill();
    ASSERT_TRUE(opened) << process.readAllStandardError().toStdString();
    ASSERT_EQ(::kill(pid_t(process.processId()), SIGTERM), 0);
    ASSERT_TRUE(process.waitForFinished(120'000)) << "still running after SIGTERM";
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit)
        << process.readAllStandardError().toStdString();
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();

    // SQLite removes the write-ahead log when the last connection closes properly.
    EXPECT_FALSE(QFileInfo::exists(db + u"-wal"_s));
    {
        QSqlDatabase check = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
        check.setDatabaseName(db);
        ASSERT_TRUE(check.open());
        QSqlQuery query(check);
        ASSERT_TRUE(query.exec(u"PRAGMA integrity_check"_s) && query.next());
        EXPECT_EQ(query.value(0).toString(), u"ok"_s);
    }
    QSqlDatabase::removeDatabase(u"check"_s);
}
