// Issue 9, item 1: a database that cannot be read is never an answer. A real demo database is
// damaged three ways (tables dropped, the file truncated, a lock held by another program) and
// each command that reads it must exit 2 with a message naming the file and what failed, and
// print nothing on stdout that could be taken for figures.

#include "../lockholder.h"
#include "clitestsupport.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;
using saferhomes::test::LockHolder;

namespace {

class CliDamaged : public CliTest {
protected:
    void SetUp() override
    {
        CliTest::SetUp();
        const CliResult demo = cli({u"demo"_s, u"--households"_s, u"30"_s});
        ASSERT_EQ(demo.exitCode, 0) << demo;
        ASSERT_EQ(count(), 30);
        m_csv = writeFile(
            u"new.csv"_s,
            csvLines({u"address_line1,postcode,uprn"_s, u"1 New Street,LE13 0AA,900000000001"_s,
                      u"2 New Street,LE13 0AB,900000000002"_s}));
    }

    /// Runs the four reading commands and checks that each fails as a database error that
    /// names the file and \a what, with nothing on stdout.
    void expectEveryReadFails(const QString &what)
    {
        const QList<QStringList> commands {{u"report"_s, u"progress"_s},
                                           {u"households"_s, u"import"_s, m_csv, u"--dry-run"_s},
                                           {u"households"_s, u"count"_s},
                                           {u"sync"_s, u"conflicts"_s}};
        for (const QStringList &command : commands) {
            for (const bool json : {true, false}) {
                const CliResult result = json ? cli(command) : cliText(command);
                EXPECT_EQ(result.exitCode, 2) << result;
                EXPECT_FALSE(result.crashed) << result;
                EXPECT_TRUE(result.out.trimmed().isEmpty()) << "no answer after a failed read\n"
                                                            << result;
                EXPECT_TRUE(result.errText().contains(dbPath()))
                    << "the message names the database\n"
                    << result;
                EXPECT_TRUE(result.errText().contains(what)) << "and what failed\n" << result;
            }
        }
    }

    QString m_csv;
};

} // namespace

TEST_F(CliDamaged, DroppedTablesAreADatabaseErrorNotZeros)
{
    // Foreign keys are off on this connection, as SQLite's default.
    ASSERT_TRUE(query(dbPath(), u"DROP TABLE household"_s, true));
    ASSERT_TRUE(query(dbPath(), u"DROP TABLE sync_conflict"_s, true));
    expectEveryReadFails(u"no such table"_s);

    // Each command names the table it could not read.
    EXPECT_TRUE(cli({u"households"_s, u"count"_s}).errText().contains(u"household"_s));
    EXPECT_TRUE(cli({u"households"_s, u"import"_s, m_csv, u"--dry-run"_s})
                    .errText()
                    .contains(u"cannot read the UPRNs"_s));
    EXPECT_TRUE(cli({u"sync"_s, u"conflicts"_s}).errText().contains(u"sync_conflict"_s));

    // The demo's check for an empty register is a read too: it says why, not "0 households".
    const CliResult demo = cli({u"demo"_s, u"--households"_s, u"3"_s});
    EXPECT_EQ(demo.exitCode, 2) << demo;
    EXPECT_TRUE(demo.errText().contains(
        u"Writing demo data: %1: cannot count households: no such table: household"_s.arg(
            dbPath())))
        << demo;
}

TEST_F(CliDamaged, ATruncatedFileIsReportedAsDamaged)
{
    QFile file(dbPath());
    const qint64 size = file.size();
    ASSERT_GT(size, 0);
    ASSERT_FALSE(QFile::exists(dbPath() + u"-wal"_s)) << "the demo checkpointed on close";
    ASSERT_TRUE(file.resize(size / 2));
    expectEveryReadFails(u"damaged"_s);
}

TEST_F(CliDamaged, ALockHeldByAnotherProgramSaysTheDatabaseIsInUse)
{
    {
        const LockHolder other(dbPath());
        ASSERT_TRUE(other.ok()) << other.error();
        expectEveryReadFails(u"in use by another program"_s);
        const CliResult result = cli({u"households"_s, u"count"_s});
        EXPECT_FALSE(result.errText().contains(u"update"_s)) << "not a failed migration\n"
                                                             << result;
    }
    // Once the other program has let go, every figure is there again.
    EXPECT_EQ(count(), 30);
}

TEST_F(CliDamaged, AWriterInWalModeDoesNotStopReaders)
{
    // A plain BEGIN EXCLUSIVE (no exclusive locking mode) on a WAL database blocks writers
    // only: the figures can still be read, and are the right ones.
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"writer"_s);
    db.setDatabaseName(dbPath());
    ASSERT_TRUE(db.open());
    {
        QSqlQuery query(db);
        ASSERT_TRUE(query.exec(u"BEGIN EXCLUSIVE"_s)) << query.lastError().text().toStdString();
        ASSERT_TRUE(query.exec(u"CREATE TABLE other_program (x)"_s));
        const CliResult result = cli({u"households"_s, u"count"_s});
        EXPECT_EQ(result.exitCode, 0) << result;
        EXPECT_EQ(result.json(), QJsonObject({{u"households"_s, 30}})) << result;
        ASSERT_TRUE(query.exec(u"ROLLBACK"_s));
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"writer"_s);
}

TEST_F(CliDamaged, AnImportBlockedByAnotherWriterIsADatabaseErrorNotARejection)
{
    // The file is fine: another program's write lock is why nothing was imported (exit 2,
    // naming the database), not a refusal of its records (exit 1).
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"writer"_s);
    db.setDatabaseName(dbPath());
    ASSERT_TRUE(db.open());
    {
        QSqlQuery query(db);
        ASSERT_TRUE(query.exec(u"BEGIN EXCLUSIVE"_s)) << query.lastError().text().toStdString();
        ASSERT_TRUE(query.exec(u"CREATE TABLE other_program (x)"_s));
        const CliResult result = cli({u"households"_s, u"import"_s, m_csv});
        EXPECT_EQ(result.exitCode, 2) << result;
        EXPECT_TRUE(result.out.trimmed().isEmpty()) << result;
        EXPECT_TRUE(result.errText().contains(dbPath())) << result;
        EXPECT_TRUE(result.errText().contains(u"locked"_s)) << result;
        ASSERT_TRUE(query.exec(u"ROLLBACK"_s));
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"writer"_s);
    EXPECT_EQ(count(), 30) << "nothing was imported";
}

TEST_F(CliDamaged, AnEditBlockedByAnotherWriterIsADatabaseErrorNotARejection)
{
    // `households set` under another program's write lock: the values are fine, the database
    // could not take them (exit 2, naming the database), not a refused edit (exit 1).
    const auto rows = query(dbPath(),
                            u"SELECT uprn, notes FROM household "
                            "WHERE uprn IS NOT NULL ORDER BY uprn LIMIT 1"_s);
    ASSERT_TRUE(rows && rows->size() == 1);
    const QString uprn = rows->first().at(0).toString();
    const QString notes = rows->first().at(1).toString();
    ASSERT_NE(notes, u"Key safe by the back door"_s);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"writer"_s);
    db.setDatabaseName(dbPath());
    ASSERT_TRUE(db.open());
    {
        QSqlQuery query(db);
        ASSERT_TRUE(query.exec(u"BEGIN EXCLUSIVE"_s)) << query.lastError().text().toStdString();
        ASSERT_TRUE(query.exec(u"CREATE TABLE other_program (x)"_s));
        const CliResult result = cli(
            {u"households"_s, u"set"_s, u"--uprn"_s, uprn, u"notes=Key safe by the back door"_s});
        EXPECT_EQ(result.exitCode, 2) << result;
        EXPECT_TRUE(result.out.trimmed().isEmpty()) << result;
        EXPECT_TRUE(result.errText().contains(dbPath())) << result;
        EXPECT_TRUE(result.errText().contains(u"The change was not saved"_s)) << result;
        EXPECT_TRUE(result.errText().contains(u"locked"_s)) << result;
        ASSERT_TRUE(query.exec(u"ROLLBACK"_s));
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"writer"_s);
    const auto after
        = query(dbPath(), u"SELECT notes FROM household WHERE uprn = '%1'"_s.arg(uprn));
    ASSERT_TRUE(after && after->size() == 1);
    EXPECT_EQ(after->first().at(0).toString(), notes) << "nothing was changed";
}
