// Concurrent writers never make a pull skip a row (DESIGN §7, "change ordering"). Server
// sessions insert and update households in overlapping transactions, some held open for a
// while, some rolled back, while a device pulls again and again. A cursor made of a sequence
// or a timestamp would step over the rows of a transaction that started before a pull and
// committed after it; the xid8 watermark must not. The test also checks that this trap was
// really set: some pull ran while an older transaction was still open and a newer one had
// already committed.

#include "centraltest.h"
#include "syncinvariants.h"
#include "testdevice.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

namespace saferhomes::synctest {

namespace {

using Clock = std::chrono::steady_clock;

const QString kPassword = QStringLiteral("writers-test-password");
const QString kArea = QStringLiteral("Melton Town Centre");

/// One transaction a writer committed or rolled back, with when things happened.
struct Transaction {
    qulonglong xid = 0;
    Clock::time_point began; ///< its xid was assigned by then
    Clock::time_point commitSent;
    Clock::time_point committed;
    bool rolledBack = false;
    QStringList inserted; ///< household ids
};

/// One pull of the device.
struct Pull {
    Clock::time_point started;
    Clock::time_point finished;
};

/// A server session writing households in its own thread until told to stop.
class Writer {
public:
    Writer(const QString &database, QString login, QStringList updatable, quint32 seed)
        : m_database(database)
        , m_login(std::move(login))
        , m_updatable(std::move(updatable))
        , m_random(seed)
    { }

    void run(const std::atomic<bool> &stop)
    {
        PgSession session(cluster(), m_database, m_login, kPassword);
        if (!session.isOpen()) {
            m_error = session.openError();
            return;
        }
        int serial = 0;
        while (!stop && m_error.isEmpty())
            transaction(session, serial);
    }

    QList<Transaction> transactions() const { return m_transactions; }
    QString error() const { return m_error; }

private:
    void transaction(PgSession &session, int &serial)
    {
        Transaction done;
        const auto failed = [&] {
            m_error = session.lastError();
            session.exec(QStringLiteral("ROLLBACK"));
        };
        if (!session.exec(QStringLiteral("BEGIN"))) {
            m_error = session.lastError();
            return;
        }
        // Take the xid now: the transaction is "older" than everything that starts later.
        done.xid = session.value(QStringLiteral("SELECT CAST(pg_current_xact_id() AS text)"))
                       .toString()
                       .toULongLong();
        done.began = Clock::now();
        const int statements = int(m_random.bounded(1, 4));
        for (int i = 0; i < statements; ++i) {
            if (m_random.bounded(3) == 0) {
                const QString id = m_updatable[m_random.bounded(int(m_updatable.size()))];
                if (!session.exec(QStringLiteral("UPDATE household SET notes = ?, "
                                                 "updated_at = now() WHERE id = ?"),
                                  {QStringLiteral("%1 note %2").arg(m_login).arg(++serial), id}))
                    return failed();
                continue;
            }
            const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            if (!session.exec(
                    QStringLiteral("INSERT INTO household (id, address_line1, postcode, area_id) "
                                   "VALUES (?, ?, 'LE13 1AA', (SELECT id FROM area WHERE name = "
                                   "?))"),
                    {id, QStringLiteral("%1 Writer Way (%2)").arg(++serial).arg(m_login), kArea})
                || !session.exec(
                    QStringLiteral("INSERT INTO resident (id, household_id, name, is_primary) "
                                   "VALUES (?, ?, ?, true)"),
                    {QUuid::createUuid().toString(QUuid::WithoutBraces), id,
                     QStringLiteral("Writer resident %1").arg(serial)}))
                return failed();
            done.inserted.append(id);
        }
        // One in three stays open a while, as a slow client would.
        if (m_random.bounded(3) == 0)
            QThread::msleep(m_random.bounded(150, 600));
        done.rolledBack = m_random.bounded(8) == 0;
        done.commitSent = Clock::now();
        if (!session.exec(done.rolledBack ? QStringLiteral("ROLLBACK") : QStringLiteral("COMMIT")))
            return failed();
        done.committed = Clock::now();
        m_transactions.append(done);
    }

    QString m_database;
    QString m_login;
    QStringList m_updatable;
    QRandomGenerator m_random;
    QList<Transaction> m_transactions;
    QString m_error;
};

/// Pulls during which an older transaction was open while a newer one had committed: where a
/// sequence or timestamp cursor would skip the older one's rows.
int overtakenPulls(const QList<Pull> &pulls, const QList<Transaction> &transactions)
{
    int count = 0;
    for (const Pull &pull : pulls) {
        qulonglong lowestOpen = ~0ull;
        qulonglong highestCommitted = 0;
        for (const Transaction &t : transactions) {
            if (t.rolledBack || t.inserted.isEmpty())
                continue;
            if (t.began < pull.started && t.commitSent > pull.finished)
                lowestOpen = std::min(lowestOpen, t.xid);
            if (t.committed < pull.started)
                highestCommitted = std::max(highestCommitted, t.xid);
        }
        if (highestCommitted > lowestOpen)
            ++count;
    }
    return count;
}

/// How the device's rows differ from the server's, shortly; empty when they are the same.
QString difference(const TextRows &device, const TextRows &server)
{
    int differing = 0;
    QString first;
    QSet<QString> ids(device.keyBegin(), device.keyEnd());
    ids.unite(QSet<QString>(server.keyBegin(), server.keyEnd()));
    for (const QString &id : std::as_const(ids)) {
        if (device.value(id) == server.value(id))
            continue;
        if (differing++ == 0) {
            first = QStringLiteral("%1: device [%2], server [%3]")
                        .arg(id, device.value(id).join(u", "), server.value(id).join(u", "));
        }
    }
    return differing == 0 ? QString()
                          : QStringLiteral("%1 row(s) differ, e.g. %2").arg(differing).arg(first);
}

} // namespace

TEST(ConcurrentWritersTest, PullsNeverSkipARowOfOverlappingTransactions)
{
    const QString database = initialisedDatabase(QStringLiteral("writers"));
    ASSERT_FALSE(database.isEmpty());
    QStringList logins;
    for (int i = 0; i < 4; ++i) {
        logins.append(PgCluster::uniqueName(QStringLiteral("writer")));
        const CentralAdmin::Result added = CentralAdmin().addUser(
            superuserUri(database), logins.last(), QStringLiteral("officer"), {kArea}, kPassword);
        ASSERT_TRUE(added.ok()) << added.error.toStdString();
    }
    const QString reader = logins.takeLast();

    // Households the writers update (inserted ones are never updated afterwards, so that a
    // skipped insert cannot be mended by a later change).
    QStringList updatable;
    {
        PgSession seed(cluster(), database, logins[0], kPassword);
        for (int i = 0; i < 20; ++i) {
            updatable.append(QUuid::createUuid().toString(QUuid::WithoutBraces));
            ASSERT_TRUE(seed.exec(
                QStringLiteral("INSERT INTO household (id, address_line1, postcode, area_id) "
                               "VALUES (?, ?, 'LE13 1AA', (SELECT id FROM area WHERE name = ?))"),
                {updatable.last(), QStringLiteral("%1 Seed Street").arg(i + 1), kArea}))
                << seed.lastError().toStdString();
        }
    }

    QTemporaryDir dir;
    TestDevice device(QStringLiteral("puller"), dir.filePath(QStringLiteral("puller.db")), reader,
                      kPassword, cluster().uri(reader, database));
    QString error;
    ASSERT_TRUE(device.open(&error)) << error.toStdString();

    std::vector<std::unique_ptr<Writer>> writers;
    for (int i = 0; i < logins.size(); ++i)
        writers.push_back(std::make_unique<Writer>(database, logins[i], updatable, 1000 + i));
    std::atomic<bool> stop {false};
    std::vector<std::thread> threads;
    for (auto &writer : writers)
        threads.emplace_back([&writer, &stop] { writer->run(stop); });

    QList<Pull> pulls;
    QStringList pullErrors;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 4000) {
        Pull pull;
        pull.started = Clock::now();
        const SyncResult result = device.sync();
        pull.finished = Clock::now();
        if (!result.ok())
            pullErrors.append(result.error);
        pulls.append(pull);
        QThread::msleep(10);
    }
    stop = true;
    for (std::thread &thread : threads)
        thread.join();

    QList<Transaction> transactions;
    for (const auto &writer : writers) {
        EXPECT_TRUE(writer->error().isEmpty()) << writer->error().toStdString();
        transactions.append(writer->transactions());
    }
    EXPECT_TRUE(pullErrors.isEmpty()) << pullErrors.join(u'\n').toStdString();
    QSet<QString> committed;
    QSet<QString> rolledBack;
    for (const Transaction &t : std::as_const(transactions)) {
        for (const QString &id : t.inserted)
            (t.rolledBack ? rolledBack : committed).insert(id);
    }
    for (const QString &id : std::as_const(updatable))
        committed.insert(id);
    const int overtaken = overtakenPulls(pulls, transactions);
    std::printf("%lld transactions (%lld households committed, %lld rolled back), %lld pulls, "
                "%d of them while an older transaction was open and a newer one committed\n",
                qlonglong(transactions.size()), qlonglong(committed.size()),
                qlonglong(rolledBack.size()), qlonglong(pulls.size()), overtaken);
    EXPECT_GT(overtaken, 0) << "the writers never overtook each other around a pull: the test "
                               "did not set the trap it is about";

    // Once every transaction has ended, the device must reach every committed row (other test
    // processes on the shared cluster may hold the watermark back for a moment).
    const auto server = superuserSession(database);
    const TextTables expected = centralTables(*server, true);
    TextTables held;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const SyncResult result = device.sync();
        ASSERT_TRUE(result.ok()) << result.error.toStdString();
        held = device.tables();
        if (held.households.size() >= committed.size() && result.pulled == 0)
            break;
        QThread::msleep(100);
    }
    QStringList missing;
    for (const QString &id : std::as_const(committed)) {
        if (!held.households.contains(id))
            missing.append(id);
    }
    EXPECT_TRUE(missing.isEmpty()) << missing.size() << " committed household(s) never reached "
                                   << "the device, e.g. " << missing.value(0).toStdString();
    for (const QString &id : std::as_const(rolledBack))
        EXPECT_FALSE(held.households.contains(id))
            << "rolled back, yet on the device: " << id.toStdString();
    EXPECT_EQ(held.households.size(), committed.size());
    EXPECT_EQ(difference(held.households, expected.households), QString());
    EXPECT_EQ(difference(held.residents, expected.residents), QString());
}

} // namespace saferhomes::synctest
