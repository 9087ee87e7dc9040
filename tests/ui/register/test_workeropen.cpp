// The register's workers (export, quick find, demo fill) open the database on a connection of
// their own; when that open fails, they pass on the Status it returned: its kind and its
// message, which names the file.
#include "../../lockholder.h"
#include "common/quickfind.h"
#include "register/demofillpanel.h"
#include "register/exporttask.h"
#include "uitest.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace saferhomes::test {

namespace {

class WorkerOpenTest : public UiTest {
protected:
    /// A file of text where a database is expected.
    QString notADatabase() const
    {
        return writeFile(u"notes.sqlite"_s,
                         QByteArray("these are my notes, not a database\n").repeated(200));
    }
    /// A folder where a database file is expected.
    QString aFolder() const
    {
        const QString path = m_dir.filePath(u"folder.sqlite"_s);
        EXPECT_TRUE(QDir().mkpath(path));
        return path;
    }
};

TEST_F(WorkerOpenTest, AnExportFromAFileThatIsNotADatabaseFailsWithTheOpensError)
{
    const QString path = notADatabase();
    QFuture<ExportTask::Outcome> future
        = ExportTask::write(path, m_dir.filePath(u"households.csv"_s));
    future.waitForFinished();
    ASSERT_EQ(future.resultCount(), 1);
    const ExportTask::Outcome outcome = future.result();
    ASSERT_FALSE(outcome);
    EXPECT_EQ(outcome.error().kind, Error::Kind::Database);
    EXPECT_TRUE(outcome.error().message.startsWith(
        QDir::toNativeSeparators(path) + u" is not a SaferHomes database, or it is damaged ("_s))
        << qPrintable(outcome.error().message);
    EXPECT_FALSE(QFile::exists(m_dir.filePath(u"households.csv"_s)));
}

TEST_F(WorkerOpenTest, AnExportFromAFolderSaysItIsNotAFile)
{
    const QString path = aFolder();
    QFuture<ExportTask::Outcome> future
        = ExportTask::write(path, m_dir.filePath(u"households.csv"_s));
    future.waitForFinished();
    ASSERT_EQ(future.resultCount(), 1);
    const ExportTask::Outcome outcome = future.result();
    ASSERT_FALSE(outcome);
    EXPECT_EQ(outcome.error().kind, Error::Kind::Database);
    EXPECT_EQ(outcome.error().message, QDir::toNativeSeparators(path) + u" is not a file"_s);
}

TEST_F(WorkerOpenTest, AnExportFromALockedDatabaseSaysItIsInUse)
{
    m_database.close();
    LockHolder other(m_path, u"worker-open-other-program"_s);
    ASSERT_TRUE(other.ok()) << other.error();
    QFuture<ExportTask::Outcome> future
        = ExportTask::write(m_path, m_dir.filePath(u"households.csv"_s));
    future.waitForFinished();
    ASSERT_EQ(future.resultCount(), 1);
    const ExportTask::Outcome outcome = future.result();
    ASSERT_FALSE(outcome);
    EXPECT_EQ(outcome.error().kind, Error::Kind::Locked) << qPrintable(outcome.error().message);
    EXPECT_TRUE(outcome.error().message.startsWith(QDir::toNativeSeparators(m_path)
                                                   + u" is in use by another program"_s))
        << qPrintable(outcome.error().message);
}

TEST_F(WorkerOpenTest, QuickFindOnAFolderFailsNamingIt)
{
    const QString path = aFolder();
    QuickFind find(path);
    QSignalSpy failed(&find, &QuickFind::failed);
    QSignalSpy found(&find, &QuickFind::found);
    find.find(u"Thorpe"_s);
    ASSERT_TRUE(waitFor([&] { return failed.count() > 0 || found.count() > 0; }));
    EXPECT_EQ(found.count(), 0);
    ASSERT_EQ(failed.count(), 1);
    EXPECT_EQ(failed.at(0).at(0).toString(),
              u"Quick find is not available: "_s + QDir::toNativeSeparators(path)
                  + u" is not a file"_s);
}

TEST_F(WorkerOpenTest, TheDemoFillOfALockedDatabaseSaysItIsInUse)
{
    m_database.close();
    LockHolder other(m_path, u"worker-open-other-program"_s);
    ASSERT_TRUE(other.ok()) << other.error();
    DemoFillPanel panel(m_database);
    QSignalSpy failed(&panel, &DemoFillPanel::failed);
    QSignalSpy filled(&panel, &DemoFillPanel::filled);
    panel.start();
    ASSERT_TRUE(waitFor([&] { return failed.count() > 0 || filled.count() > 0; }));
    EXPECT_EQ(filled.count(), 0);
    ASSERT_EQ(failed.count(), 1);
    const QString message = failed.at(0).at(0).toString();
    EXPECT_TRUE(message.startsWith(u"The demo data could not be loaded: "_s
                                   + QDir::toNativeSeparators(m_path)
                                   + u" is in use by another program"_s))
        << qPrintable(message);
}

} // namespace

} // namespace saferhomes::test
