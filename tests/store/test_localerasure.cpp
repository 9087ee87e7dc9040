// LocalErasure (DESIGN §7, §10): what an erased household keeps and loses on this device, a
// household out of scope going altogether, and the write-ahead log emptied afterwards — or a
// failure when it cannot be, never a silent "done".

#include "store/localerasure.h"
#include "storefixture.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace saferhomes::test {

namespace {

class LocalErasureTest : public StoreFixture {
protected:
    QUuid add(const QString &line1, const QString &resident)
    {
        HouseholdRecord record = household(line1, QStringLiteral("LE13 1AA"), resident,
                                           QStringLiteral("Melton Town Centre"));
        record.household.id = QUuid::createUuid();
        record.household.notes = QStringLiteral("Key under the mat");
        const Status inserted = m_repository->insert({record});
        EXPECT_TRUE(inserted) << qPrintable(inserted.errorString());
        return record.household.id;
    }

    QVariant value(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery query(m_database.connection());
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec() || !query.next())
            return QStringLiteral("<failed: %1>").arg(query.lastError().text());
        return query.value(0);
    }

    /// Runs \a erase in a transaction, as the sync does.
    Status inTransaction(const QStringList &ids, LocalErasure::Mode mode)
    {
        QSqlDatabase db = m_database.connection();
        EXPECT_TRUE(db.transaction());
        const Status erased = LocalErasure(m_database.connectionName()).erase(ids, mode);
        EXPECT_TRUE(erased ? db.commit() : db.rollback());
        return erased;
    }

    static QString text(const QUuid &id) { return id.toString(QUuid::WithoutBraces); }
};

} // namespace

TEST_F(LocalErasureTest, AnErasedHouseholdKeepsATombstoneWithNoPersonalData)
{
    const QUuid erased = add(QStringLiteral("1 Gone Lane"), QStringLiteral("Ann Erased"));
    const QUuid kept = add(QStringLiteral("2 Kept Lane"), QStringLiteral("Bob Kept"));
    ASSERT_TRUE(m_repository->setFields(erased, {{HouseholdField::Notes, QStringLiteral("Dog")}}));

    const Status status = inTransaction({text(erased), QStringLiteral("not-an-id')--")},
                                        LocalErasure::Mode::KeepTombstone);
    ASSERT_TRUE(status) << qPrintable(status.errorString());

    EXPECT_EQ(value(QStringLiteral("SELECT address_line1 || '|' || notes || '|' || "
                                   "(erased_at IS NOT NULL) FROM household WHERE id = ?"),
                    {text(erased)})
                  .toString(),
              QStringLiteral("[erased]||1"));
    EXPECT_EQ(value(QStringLiteral("SELECT count(*) FROM resident WHERE household_id = ?"),
                    {text(erased)})
                  .toInt(),
              0);
    EXPECT_EQ(value(QStringLiteral("SELECT count(*) FROM audit_event WHERE entity_id = ? AND "
                                   "(old_value IS NOT NULL OR new_value IS NOT NULL)"),
                    {text(erased)})
                  .toInt(),
              0);
    EXPECT_EQ(
        value(QStringLiteral("SELECT count(*) FROM outbox WHERE entity_id = ?"), {text(erased)})
            .toInt(),
        0)
        << "its ops can never be sent";
    // The other household is untouched, its ops still waiting.
    EXPECT_EQ(m_repository->find(kept)->resident.name, QStringLiteral("Bob Kept"));
    EXPECT_EQ(value(QStringLiteral("SELECT count(*) FROM outbox WHERE entity_id = ?"), {text(kept)})
                  .toInt(),
              1);
}

TEST_F(LocalErasureTest, AHouseholdOutOfScopeGoesAltogether)
{
    const QUuid gone = add(QStringLiteral("3 Moved Road"), QStringLiteral("Cat Moved"));
    const QUuid kept = add(QStringLiteral("4 Stay Road"), QStringLiteral("Dan Stays"));
    ASSERT_EQ(m_repository->quickFind(QStringLiteral("Moved")).value().size(), 1);

    QSqlQuery(m_database.connection()).exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    const Status status = inTransaction({text(gone)}, LocalErasure::Mode::Remove);
    QSqlQuery(m_database.connection()).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    ASSERT_TRUE(status) << qPrintable(status.errorString());

    EXPECT_FALSE(m_repository->find(gone).has_value());
    EXPECT_TRUE(m_repository->quickFind(QStringLiteral("Moved")).value().isEmpty());
    EXPECT_EQ(m_repository->quickFind(QStringLiteral("Stay")).value().size(), 1);
    EXPECT_EQ(m_repository->count().value(), 1);
    EXPECT_TRUE(m_repository->find(kept).has_value());
}

TEST_F(LocalErasureTest, ScrubEmptiesTheWriteAheadLog)
{
    QList<HouseholdRecord> records;
    for (int i = 0; i < 2000; ++i)
        records.append(household(QStringLiteral("%1 Long Street").arg(i + 1),
                                 QStringLiteral("LE13 1AB"), QStringLiteral("Resident %1").arg(i)));
    const Status inserted = m_repository->insert(records);
    ASSERT_TRUE(inserted) << qPrintable(inserted.errorString());
    const QString wal = m_path + QStringLiteral("-wal");
    ASSERT_GT(QFileInfo(wal).size(), 0) << "the test needs a write-ahead log with pages in it";

    const Status scrubbed = LocalErasure(m_database.connectionName()).scrubFiles();
    ASSERT_TRUE(scrubbed) << qPrintable(scrubbed.errorString());
    EXPECT_EQ(QFileInfo(wal).size(), 0);
}

TEST_F(LocalErasureTest, ScrubFailsWhileAStatementOfTheConnectionIsActive)
{
    QList<HouseholdRecord> records;
    for (int i = 0; i < 500; ++i)
        records.append(
            household(QStringLiteral("%1 Busy Street").arg(i + 1), QStringLiteral("LE13 1AB")));
    const Status inserted = m_repository->insert(records);
    ASSERT_TRUE(inserted) << qPrintable(inserted.errorString());
    const QString wal = m_path + QStringLiteral("-wal");

    // A read left open on the same connection: the checkpoint cannot run ("database table is
    // locked"), and that is a failure, not a checkpoint.
    QSqlQuery open(m_database.connection());
    ASSERT_TRUE(open.exec(QStringLiteral("SELECT id FROM household")));
    ASSERT_TRUE(open.next());
    const Status blocked = LocalErasure(m_database.connectionName()).scrubFiles();
    ASSERT_FALSE(blocked);
    EXPECT_EQ(blocked.error().kind, Error::Kind::Locked);
    EXPECT_TRUE(blocked.errorString().contains(m_path)) << qPrintable(blocked.errorString());
    EXPECT_GT(QFileInfo(wal).size(), 0);

    open.finish();
    const Status scrubbed = LocalErasure(m_database.connectionName()).scrubFiles();
    ASSERT_TRUE(scrubbed) << qPrintable(scrubbed.errorString());
    EXPECT_EQ(QFileInfo(wal).size(), 0);
}

TEST_F(LocalErasureTest, ScrubFailsWhileAnotherConnectionReads)
{
    ASSERT_TRUE(m_repository->insert(
        {household(QStringLiteral("5 Read Street"), QStringLiteral("LE13 1AB"))}));
    const QString wal = m_path + QStringLiteral("-wal");
    {
        QSqlDatabase reader
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader"));
        reader.setDatabaseName(m_path);
        ASSERT_TRUE(reader.open());
        QSqlQuery read(reader);
        // A read transaction that has seen the log: a TRUNCATE checkpoint must wait for it.
        ASSERT_TRUE(read.exec(QStringLiteral("BEGIN")));
        ASSERT_TRUE(read.exec(QStringLiteral("SELECT count(*) FROM household")));
        ASSERT_TRUE(read.next());
        // A write after the reader's snapshot, so the log holds frames it may still need.
        ASSERT_TRUE(m_repository->insert(
            {household(QStringLiteral("6 Read Street"), QStringLiteral("LE13 1AB"))}));

        const Status blocked = LocalErasure(m_database.connectionName()).scrubFiles();
        ASSERT_FALSE(blocked);
        EXPECT_EQ(blocked.error().kind, Error::Kind::Locked);
        EXPECT_TRUE(blocked.errorString().contains(m_path)) << qPrintable(blocked.errorString());
        EXPECT_GT(QFileInfo(wal).size(), 0);
        read.finish();
        ASSERT_TRUE(read.exec(QStringLiteral("COMMIT")));
        reader.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("reader"));
    const Status scrubbed = LocalErasure(m_database.connectionName()).scrubFiles();
    ASSERT_TRUE(scrubbed) << qPrintable(scrubbed.errorString());
    EXPECT_EQ(QFileInfo(wal).size(), 0);
}

} // namespace saferhomes::test
