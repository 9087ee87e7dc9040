// SqliteStatement's failures are values: a statement that cannot be prepared, a write while
// another connection holds the lock and an error in the middle of a query each come back as an
// Error of the right kind with SQLite's message, never as "done" or "no more rows".

#include "storefixture.h"

#include "store/sqlitestatement.h"

#include "store/auditlog.h"
#include "store/connectionname.h"

#include <QFile>
#include <QSqlQuery>

#include <memory>
#include <thread>

using namespace saferhomes;

namespace {

using SqliteStatementTest = test::StoreFixture;

TEST_F(SqliteStatementTest, AStatementOnAMissingTableIsNotPreparedAndSaysWhy)
{
    SqliteStatement statement(m_database.connection(), "SELECT rowid FROM no_such_table");
    EXPECT_FALSE(statement.isValid());
    const Status prepared = statement.prepared();
    ASSERT_FALSE(prepared);
    EXPECT_EQ(prepared.error().kind, Error::Kind::Database);
    EXPECT_EQ(prepared.errorString(), QStringLiteral("no such table: no_such_table"));

    // Running it anyway fails the same way rather than doing nothing.
    const Status ran = statement.exec();
    ASSERT_FALSE(ran);
    EXPECT_EQ(ran.errorString(), QStringLiteral("no such table: no_such_table"));
    const Result<bool> row = statement.step();
    ASSERT_FALSE(row);
    EXPECT_EQ(row.errorString(), QStringLiteral("no such table: no_such_table"));
}

TEST_F(SqliteStatementTest, StepGivesTheRowsThenTheEndAndAnErrorIsNotTheEnd)
{
    SqliteStatement rows(m_database.connection(),
                         "SELECT value FROM (SELECT 1 AS value UNION ALL SELECT 2) ORDER BY 1");
    ASSERT_TRUE(rows.prepared());
    QList<qint64> values;
    for (;;) {
        const Result<bool> row = rows.step();
        ASSERT_TRUE(row) << qPrintable(row.errorString());
        if (!*row)
            break;
        values.append(rows.int64(0));
    }
    EXPECT_EQ(values, (QList<qint64> {1, 2}));

    // abs() of the smallest integer overflows while the row is computed.
    SqliteStatement overflow(m_database.connection(), "SELECT abs(-9223372036854775807 - 1)");
    ASSERT_TRUE(overflow.prepared());
    const Result<bool> row = overflow.step();
    ASSERT_FALSE(row);
    EXPECT_EQ(row.error().kind, Error::Kind::Database);
    EXPECT_EQ(row.errorString(), QStringLiteral("integer overflow"));
}

TEST_F(SqliteStatementTest, AWriteWhileAnotherConnectionHoldsTheLockIsLocked)
{
    Database other(QStringLiteral("other-program"));
    ASSERT_TRUE(other.open(m_path));
    QSqlQuery lock(other.connection());
    ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    ASSERT_TRUE(
        lock.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('holding', 'the lock')")));

    SqliteStatement insert(m_database.connection(),
                           "INSERT INTO meta (key, value) VALUES ('mine', ?)");
    ASSERT_TRUE(insert.prepared());
    insert.bind(1, QStringLiteral("waits"));
    const Status written = insert.exec();
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().kind, Error::Kind::Locked);
    EXPECT_EQ(written.errorString(), QStringLiteral("database is locked"));
    ASSERT_TRUE(lock.exec(QStringLiteral("ROLLBACK")));

    // The same statement runs once the other program is done.
    insert.bind(1, QStringLiteral("written"));
    const Status again = insert.exec();
    ASSERT_TRUE(again) << qPrintable(again.errorString());
    QSqlQuery read(m_database.connection());
    ASSERT_TRUE(read.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'mine'")));
    ASSERT_TRUE(read.next());
    EXPECT_EQ(read.value(0).toString(), QStringLiteral("written"));
}

TEST_F(SqliteStatementTest, AKeptStatementIsPreparedOnceAndLetsTheFileClose)
{
    const char *sql = "INSERT INTO meta (key, value) VALUES (?, 'kept')";
    SqliteStatement &first = KeptStatements::statement(m_database.connection(), sql);
    ASSERT_TRUE(first.prepared());
    first.bind(1, QStringLiteral("one"));
    ASSERT_TRUE(first.exec());
    SqliteStatement &again = KeptStatements::statement(m_database.connection(), sql);
    EXPECT_EQ(&again, &first);
    again.bind(1, QStringLiteral("two"));
    ASSERT_TRUE(again.exec());

    // Closing the database finalizes it: the file is closed for real, so the last connection
    // checkpoints and removes the write-ahead log (a statement left would keep it open).
    AuditLog audit(m_database.connectionName(), QStringLiteral("tester"), QStringLiteral("here"));
    ASSERT_TRUE(audit.record(QStringLiteral("meta"), QStringLiteral("one"), QStringLiteral("value"),
                             {}, QStringLiteral("kept"), storeTimestamp()));
    ASSERT_TRUE(QFile::exists(m_path + QStringLiteral("-wal")));
    m_database.close();
    EXPECT_FALSE(QFile::exists(m_path + QStringLiteral("-wal")));

    // Opened again under the same name, the statement is prepared on the new connection.
    ASSERT_TRUE(m_database.open(m_path));
    SqliteStatement &reopened = KeptStatements::statement(m_database.connection(), sql);
    ASSERT_TRUE(reopened.prepared());
    reopened.bind(1, QStringLiteral("three"));
    ASSERT_TRUE(reopened.exec());
    ASSERT_TRUE(audit.record(QStringLiteral("meta"), QStringLiteral("three"),
                             QStringLiteral("value"), {}, QStringLiteral("kept"),
                             storeTimestamp()));
    QSqlQuery read(m_database.connection());
    ASSERT_TRUE(read.exec(QStringLiteral(
        "SELECT group_concat(key, ' ') FROM (SELECT key FROM meta WHERE value = 'kept' "
        "ORDER BY rowid)")));
    ASSERT_TRUE(read.next());
    EXPECT_EQ(read.value(0).toString(), QStringLiteral("one two three"));
    read.finish();
    ASSERT_TRUE(read.exec(QStringLiteral(
        "SELECT group_concat(entity_id || ':' || coalesce(old_value, 'null') || ':' || "
        "new_value, ' ') FROM (SELECT * FROM audit_event WHERE entity = 'meta' ORDER BY seq)")));
    ASSERT_TRUE(read.next());
    EXPECT_EQ(read.value(0).toString(), QStringLiteral("one:null:kept three:null:kept"));
}

TEST_F(SqliteStatementTest, ADatabaseClosedAsItsThreadEndsAfterItsKeptStatementsClosesTheFile)
{
    // The thread's kept statements go first as it ends (made last, destroyed first); the
    // Database, destroyed after them, must neither reach for them nor leave the file open.
    const QString path = m_dir.filePath(QStringLiteral("thread.sqlite"));
    bool written = false;
    std::thread worker([&path, &written] {
        thread_local std::unique_ptr<Database> database;
        database = std::make_unique<Database>(ConnectionName::unique(u"thread-end"));
        if (!database->open(path))
            return;
        AuditLog audit(database->connectionName(), QStringLiteral("tester"),
                       QStringLiteral("here"));
        written = audit
                      .record(QStringLiteral("meta"), QStringLiteral("one"),
                              QStringLiteral("value"), {}, QStringLiteral("kept"), storeTimestamp())
                      .ok();
        written = written && QFile::exists(path + QStringLiteral("-wal"));
    });
    worker.join();
    ASSERT_TRUE(written);
    EXPECT_FALSE(QFile::exists(path + QStringLiteral("-wal")));
}

} // namespace
