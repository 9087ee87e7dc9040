// Issue 9, item 5: undoing an edit after a pull brought someone else's newer value keeps that
// value and records a conflict the user sees in the conflict list, instead of overwriting it.
// The pull is made by the sync's own writer of pulled rows, on a real database file.

#include "service/householdservice.h"
#include "storefixture.h"
#include "sync/pulledrowwriter.h"
#include "sync/syncledger.h"
#include "sync/syncrun.h"

#include <QSqlQuery>
#include <QUuid>

namespace saferhomes::test {

namespace {

const QString kMelton = QStringLiteral("Melton Town Centre");

class UndoGuardTest : public StoreFixture {
protected:
    void SetUp() override
    {
        StoreFixture::SetUp();
        HouseholdRecord record
            = household(QStringLiteral("1 Undo Lane"), QStringLiteral("LE13 1AA"),
                        QStringLiteral("Ann"), kMelton);
        record.household.id = m_id;
        record.household.notes = QStringLiteral("A");
        const Status inserted = m_repository->insert({record});
        ASSERT_TRUE(inserted) << qPrintable(inserted.errorString());
    }

    /// The central database's newer row of the household, stored as a pull stores it: through
    /// PulledRowWriter, which makes no audit event and no outbox op.
    void pull(const QString &notes)
    {
        const SyncedTable *table = syncedTable(QStringLiteral("household"));
        ASSERT_NE(table, nullptr);
        const QString serverArea = QStringLiteral("5d6f8e1a-3b2c-4d5e-8f90-a1b2c3d4e5f6");
        const QHash<QString, QVariant> values {
            {QStringLiteral("id"), m_id.toString(QUuid::WithoutBraces)},
            {QStringLiteral("address_line1"), QStringLiteral("1 Undo Lane")},
            {QStringLiteral("address_line2"), QStringLiteral("")},
            {QStringLiteral("town"), QStringLiteral("")},
            {QStringLiteral("eligibility"), QStringLiteral("")},
            {QStringLiteral("postcode"), QStringLiteral("LE13 1AA")},
            {QStringLiteral("area_id"), serverArea},
            {QStringLiteral("status"), QStringLiteral("identified")},
            {QStringLiteral("priority"), 3}, // this device's edit, accepted by the server
            {QStringLiteral("notes"), notes},
            {QStringLiteral("created_at"), QStringLiteral("2026-12-01 09:00:00+00")},
            {QStringLiteral("updated_at"), QStringLiteral("2026-12-06 09:30:00.25+00")},
        };
        PulledRows page {table, table->columns, {{}}, {false}};
        for (const SyncColumn &column : table->columns)
            page.rows[0].append(values.value(column.name));
        SyncResult result;
        const SyncProgressHandler noProgress;
        SyncRun run {m_database.connectionName(), m_database.deviceId(), QStringLiteral("tester"),
                     result, noProgress};
        PulledRowWriter writer(run, PulledRowWriter::Transaction::Own,
                               PulledRowWriter::Index::PerRow);
        const Status stored = writer.store(
            {{serverArea, kMelton, 100, 0, QStringLiteral("2026-01-01 00:00:00+00")}}, {page});
        ASSERT_TRUE(stored) << qPrintable(stored.errorString());
        ASSERT_EQ(result.pulled, 1);
    }

    QString notes() const { return m_repository->find(m_id)->household.notes; }

    int updateOps() const
    {
        QSqlQuery query(m_database.connection());
        query.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'update'"));
        return query.next() ? query.value(0).toInt() : -1;
    }

    QUuid m_id = QUuid::createUuid();
};

} // namespace

TEST_F(UndoGuardTest, UndoRestoresAFieldNobodyElseChanged)
{
    HouseholdService service(*m_repository);
    ASSERT_TRUE(service.setFields(m_id, {{QStringLiteral("notes"), QStringLiteral("B")}}).ok());
    const HouseholdService::Result undone = service.setFields(
        m_id, {{QStringLiteral("notes"), QStringLiteral("A")}}, HouseholdService::Mode::Correction);
    ASSERT_TRUE(undone.ok()) << qPrintable(undone.errorString());
    EXPECT_EQ(notes(), QStringLiteral("A"));
    EXPECT_TRUE(SyncLedger(m_database.connectionName()).conflicts()->isEmpty());
}

TEST_F(UndoGuardTest, UndoAfterAPullChangedTheFieldRecordsAConflictInstead)
{
    HouseholdService service(*m_repository);
    ASSERT_TRUE(service
                    .setFields(m_id,
                               {{QStringLiteral("notes"), QStringLiteral("B")},
                                {QStringLiteral("priority"), QStringLiteral("3")}})
                    .ok());
    const int opsBefore = updateOps();
    pull(QStringLiteral("C from the office"));
    ASSERT_EQ(notes(), QStringLiteral("C from the office"));

    // Undo the edit: notes back to A, priority back to 0.
    const HouseholdService::Result undone
        = service.setFields(m_id,
                            {{QStringLiteral("notes"), QStringLiteral("A")},
                             {QStringLiteral("priority"), QStringLiteral("0")}},
                            HouseholdService::Mode::Correction);
    EXPECT_FALSE(undone.ok());
    EXPECT_EQ(undone.field, QStringLiteral("notes"));
    EXPECT_TRUE(undone.errorString().contains(QStringLiteral("notes")))
        << qPrintable(undone.errorString());

    // The pulled value stays; nothing of the undo was written or queued.
    EXPECT_EQ(notes(), QStringLiteral("C from the office"));
    EXPECT_EQ(m_repository->find(m_id)->household.priority, 3)
        << "an undo that conflicts on one field writes none";
    EXPECT_EQ(updateOps(), opsBefore);

    const Result<QList<SyncConflict>> conflicts
        = SyncLedger(m_database.connectionName()).conflicts();
    ASSERT_TRUE(conflicts) << qPrintable(conflicts.errorString());
    ASSERT_EQ(conflicts->size(), 1);
    const SyncConflict &conflict = conflicts->first();
    EXPECT_EQ(conflict.entity, QStringLiteral("household"));
    EXPECT_EQ(conflict.entityId, m_id.toString(QUuid::WithoutBraces));
    EXPECT_EQ(conflict.field, QStringLiteral("notes"));
    EXPECT_EQ(conflict.localValue, QStringLiteral("A"));
    EXPECT_EQ(conflict.serverValue, QStringLiteral("C from the office"));
}

} // namespace saferhomes::test
