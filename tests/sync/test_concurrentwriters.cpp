// Concurrent writers never make a pull skip a row (DESIGN §7, "change ordering"). The overlap is
// scripted, not timed: writer A opens a transaction and writes (it is the older one: its xid is
// taken first) and holds it open while writer B writes and commits; the device pulls in between;
// then A commits (or rolls back). A cursor made of a sequence or a timestamp would have moved past
// B's rows in that pull and would never come back for A's older ones; the xid8 watermark must
// bring every committed row and none that was rolled back.
//
// Checked against the trap it is about: with the watermark read as pg_snapshot_xmax instead of
// pg_snapshot_xmin in model/sync/changedownload.cpp (a cursor that, like a sequence, moves past
// everything committed), each round fails with A's rows missing from the device.

#include "centraltest.h"
#include "syncinvariants.h"
#include "testdevice.h"

#include <QTemporaryDir>
#include <QUuid>

#include <memory>
#include <optional>

namespace saferhomes::synctest {

namespace {

const QString kPassword = QStringLiteral("writers-test-password");
const QString kArea = QStringLiteral("Melton Town Centre");

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// Inserts a household with a primary resident in \a session's open transaction.
bool insertHousehold(PgSession &session, const QString &id, const QString &line1)
{
    return session.exec(QStringLiteral("INSERT INTO household (id, address_line1, postcode, "
                                       "area_id) VALUES (?, ?, 'LE13 1AA', (SELECT id FROM area "
                                       "WHERE name = ?))"),
                        {id, line1, kArea})
        && session.exec(QStringLiteral("INSERT INTO resident (id, household_id, name, is_primary) "
                                       "VALUES (?, ?, ?, true)"),
                        {newId(), id, QStringLiteral("Resident of %1").arg(line1)});
}

/// The transaction id \a session's open transaction has (assigning one now).
qulonglong currentXid(PgSession &session)
{
    return session.value(QStringLiteral("SELECT CAST(pg_current_xact_id() AS text)"))
        .toString()
        .toULongLong();
}

class ConcurrentWritersTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_database = initialisedDatabase(QStringLiteral("writers"));
        ASSERT_FALSE(m_database.isEmpty());
        QStringList logins;
        for (int i = 0; i < 3; ++i) {
            logins.append(PgCluster::uniqueName(QStringLiteral("writer")));
            const CentralAdmin::Report added
                = CentralAdmin().addUser(superuserUri(m_database), logins.last(),
                                         QStringLiteral("officer"), {kArea}, kPassword);
            ASSERT_TRUE(added.ok()) << added.errorString().toStdString();
        }
        m_a = std::make_unique<PgSession>(cluster(), m_database, logins[0], kPassword);
        m_b = std::make_unique<PgSession>(cluster(), m_database, logins[1], kPassword);
        ASSERT_TRUE(m_a->isOpen()) << m_a->openError().toStdString();
        ASSERT_TRUE(m_b->isOpen()) << m_b->openError().toStdString();
        m_server = superuserSession(m_database);
        ASSERT_TRUE(m_dir.isValid());
        m_device = std::make_unique<TestDevice>(
            QStringLiteral("puller"), m_dir.filePath(QStringLiteral("puller.db")), logins[2],
            kPassword, cluster().uri(logins[2], m_database));
        QString error;
        ASSERT_TRUE(m_device->open(&error)) << error.toStdString();
    }

    void TearDown() override
    {
        // A failed round may leave a transaction open: it must not hold the cluster's watermark.
        for (PgSession *session : {m_a.get(), m_b.get()}) {
            if (session)
                session->exec(QStringLiteral("ROLLBACK"));
        }
    }

    /// Waits until every transaction up to \a xid has ended on the whole cluster, as seen by a
    /// session of its own (other test processes share the cluster and may hold it back): from
    /// then on, a correct pull brings all of their rows.
    ::testing::AssertionResult watermarkPassed(qulonglong xid)
    {
        qulonglong watermark = 0;
        const bool passed = eventually([&] {
            watermark = m_server
                            ->value(QStringLiteral("SELECT CAST(pg_snapshot_xmin("
                                                   "pg_current_snapshot()) AS text)"))
                            .toString()
                            .toULongLong();
            return watermark > xid;
        });
        if (passed)
            return ::testing::AssertionSuccess();
        return ::testing::AssertionFailure() << "the cluster's oldest open transaction stayed at "
                                             << watermark << ", not past " << xid;
    }

    std::optional<HouseholdRecord> onDevice(const QString &id) const
    {
        Result<HouseholdRecord> found = m_device->households().find(QUuid(id));
        if (found)
            return std::move(found).value();
        if (found.error().kind != Error::Kind::NotFound)
            ADD_FAILURE() << "reading household " << id.toStdString()
                          << " failed: " << found.errorString().toStdString();
        return std::nullopt;
    }

    QString m_database;
    std::unique_ptr<PgSession> m_a;
    std::unique_ptr<PgSession> m_b;
    std::unique_ptr<PgSession> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<TestDevice> m_device;
};

} // namespace

TEST_F(ConcurrentWritersTest, APullWhileAnOlderTransactionIsOpenAndANewerOneCommittedSkipsNothing)
{
    // A household both writers know, already on the device.
    const QString seed = newId();
    ASSERT_TRUE(insertHousehold(*m_a, seed, QStringLiteral("1 Seed Street")))
        << m_a->lastError().toStdString();
    ASSERT_TRUE(watermarkPassed(currentXid(*m_server)));
    ASSERT_TRUE(m_device->sync().ok());
    ASSERT_TRUE(onDevice(seed)) << "the seed household reached the device";

    for (int round = 1; round <= 3; ++round) {
        SCOPED_TRACE(round);
        // A begins first, so its transaction is the older one, and writes: a new household and
        // a change to the seed.
        ASSERT_TRUE(m_a->exec(QStringLiteral("BEGIN")));
        const qulonglong xidA = currentXid(*m_a);
        const QString fromA = newId();
        const QString notesA = QStringLiteral("A's note of round %1").arg(round);
        ASSERT_TRUE(insertHousehold(*m_a, fromA, QStringLiteral("%1 Older Lane").arg(round)))
            << m_a->lastError().toStdString();
        ASSERT_TRUE(m_a->exec(QStringLiteral("UPDATE household SET notes = ?, updated_at = now() "
                                             "WHERE id = ?"),
                              {notesA, seed}))
            << m_a->lastError().toStdString();
        ASSERT_EQ(m_a->affected(), 1);

        // B begins after A, writes and commits while A is still open.
        ASSERT_TRUE(m_b->exec(QStringLiteral("BEGIN")));
        const qulonglong xidB = currentXid(*m_b);
        const QString fromB = newId();
        ASSERT_TRUE(insertHousehold(*m_b, fromB, QStringLiteral("%1 Newer Road").arg(round)))
            << m_b->lastError().toStdString();
        ASSERT_TRUE(m_b->exec(QStringLiteral("COMMIT"))) << m_b->lastError().toStdString();
        ASSERT_GT(xidB, xidA) << "the trap: a newer transaction committed, an older one open";

        // The device pulls now: B's rows are committed, A's are not.
        const SyncResult between = m_device->sync();
        ASSERT_TRUE(between.ok()) << between.errorString().toStdString();
        EXPECT_FALSE(onDevice(fromA)) << "an uncommitted row reached the device";

        // Round 2: A gives up; rounds 1 and 3: A commits.
        const bool rollBack = round == 2;
        ASSERT_TRUE(m_a->exec(rollBack ? QStringLiteral("ROLLBACK") : QStringLiteral("COMMIT")))
            << m_a->lastError().toStdString();

        // Every transaction up to B's has ended: one pull must bring all that was committed.
        ASSERT_TRUE(watermarkPassed(xidB));
        const SyncResult after = m_device->sync();
        ASSERT_TRUE(after.ok()) << after.errorString().toStdString();
        const std::optional<HouseholdRecord> newer = onDevice(fromB);
        ASSERT_TRUE(newer) << "B's household never reached the device";
        EXPECT_EQ(newer->resident.name, QStringLiteral("Resident of %1 Newer Road").arg(round));
        const std::optional<HouseholdRecord> seedNow = onDevice(seed);
        ASSERT_TRUE(seedNow);
        if (rollBack) {
            EXPECT_FALSE(onDevice(fromA)) << "rolled back, yet on the device";
            EXPECT_EQ(seedNow->household.notes, QStringLiteral("A's note of round 1"));
        } else {
            const std::optional<HouseholdRecord> older = onDevice(fromA);
            ASSERT_TRUE(older) << "A's household (the older transaction) was skipped";
            EXPECT_EQ(older->resident.name, QStringLiteral("Resident of %1 Older Lane").arg(round));
            EXPECT_EQ(seedNow->household.notes, notesA)
                << "A's change to the seed (the older transaction) was skipped";
        }
    }

    // And the device holds exactly the server's households: 1 seed, 3 of B's, 2 of A's.
    const TextTables held = m_device->tables();
    EXPECT_EQ(held.households.size(), 6);
    EXPECT_EQ(held.households, centralTables(*m_server, true).households);
}

} // namespace saferhomes::synctest
