// VanLoading: a fitter's "load the van" list (what the day's booked jobs need minus what the van
// holds) and the one step that moves it from the depot, with the jobs' reservations following
// the stock into the van; a depot that cannot give a line moves nothing.
#include "storefixture.h"

#include "store/auditlog.h"
#include "store/database.h"
#include "store/fitterrepository.h"
#include "store/stockledger.h"
#include "store/vanloading.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace saferhomes;
using namespace Qt::StringLiterals;

namespace saferhomes {

inline void PrintTo(const VanLoadLine &line, std::ostream *out)
{
    *out << line.code.toStdString() << " needed " << line.needed << ", in van " << line.inVan
         << ", depot can give " << line.depotCanGive;
}

inline void PrintTo(const StockLevel &level, std::ostream *out)
{
    *out << level.code.toStdString() << "@" << level.location.toStdString() << " on hand "
         << level.onHand << ", reserved " << level.reserved;
}

} // namespace saferhomes

namespace {

const QString kJob = u"00000000-0000-4000-8000-000000000501"_s;
const QDate kDay(2026, 12, 9);

class VanLoadingTest : public saferhomes::test::StoreFixture {
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(StoreFixture::SetUp());
        run(u"INSERT INTO equipment_type (code, name, standard, unit_cost_pence, fit_minutes, "
            "skill) VALUES ('LOCK', 'Mortice deadlock', 'BS 3621', 100, 30, 'locks'), "
            "('ALARM', 'Alarm', '', 100, 60, 'alarms')"_s);
        Fitter fitter;
        fitter.name = u"Alice"_s;
        const Result<Fitter> added = FitterRepository(m_database, u"keeper"_s).add(fitter);
        ASSERT_TRUE(added) << qPrintable(added.errorString());
        m_fitter = added->id;
        m_van = StockLocation::van(m_fitter);
        run(u"INSERT INTO household (id, address_line1, postcode, status, created_at, "
            "updated_at) VALUES ('00000000-0000-4000-8000-000000000001', '3 Scalford Road', "
            "'LE13 1JY', 'scheduled', 'x', 'x')"_s);
        run(u"INSERT INTO job (id, household_id, fitter_id, status, scheduled_start, "
            "scheduled_end, created_at) VALUES ('%1', '00000000-0000-4000-8000-000000000001', "
            "'%2', 'scheduled', '2026-12-09T09:00:00.000Z', '2026-12-09T11:00:00.000Z', 'x')"_s.arg(
                kJob, m_van));
        run(u"INSERT INTO job_item (id, job_id, equipment_code, qty) VALUES "
            "('00000000-0000-4000-8000-000000000601', '%1', 'LOCK', 2), "
            "('00000000-0000-4000-8000-000000000602', '%1', 'ALARM', 1)"_s.arg(kJob));
    }

    int movements()
    {
        QSqlQuery query(m_database.connection());
        return query.exec(u"SELECT count(*) FROM stock_movement"_s) && query.next()
            ? query.value(0).toInt()
            : -1;
    }

    /// Depot: 5 locks and 1 alarm; the van: 1 lock.
    void stockUp()
    {
        ASSERT_TRUE(ledger().receive(u"LOCK"_s, 5, StockLocation::depot()));
        ASSERT_TRUE(ledger().receive(u"ALARM"_s, 1, StockLocation::depot()));
        ASSERT_TRUE(ledger().transfer(u"LOCK"_s, 1, StockLocation::depot(), m_van));
    }

    /// Reserves the job's items as booking it does (stockcore's reservations).
    void reserveAsBooked()
    {
        QSqlDatabase db = m_database.connection();
        ASSERT_TRUE(db.transaction());
        AuditLog audit(m_database.connectionName(), u"keeper"_s, u"test"_s);
        const Status settled = stockstore::settleJobReservations(
            m_database.connectionName(), audit, u"keeper"_s, kJob, storeTimestamp());
        ASSERT_TRUE(settled) << qPrintable(settled.errorString());
        ASSERT_TRUE(db.commit());
    }

    StockLedger ledger() { return StockLedger(m_database, u"keeper"_s); }
    StockLevel level(const QString &code, const QString &location)
    {
        return ledger().level(code, location).valueOr({});
    }

    QUuid m_fitter;
    QString m_van;
};

} // namespace

TEST_F(VanLoadingTest, ListsWhatTheDayNeedsMinusWhatTheVanHolds)
{
    stockUp();
    VanLoading loading(m_database, u"keeper"_s);
    const Result<QList<VanLoadLine>> lines = loading.list(m_fitter, kDay);
    ASSERT_TRUE(lines) << qPrintable(lines.errorString());
    // By code: ALARM needs 1, the van has none; LOCK needs 2, the van has 1.
    EXPECT_EQ(*lines, (QList<VanLoadLine> {{u"ALARM"_s, 1, 0, 1}, {u"LOCK"_s, 2, 1, 4}}));
    EXPECT_EQ(lines->at(0).toLoad(), 1);
    EXPECT_EQ(lines->at(1).toLoad(), 1);
    // Another day has nothing to load.
    EXPECT_TRUE(loading.list(m_fitter, kDay.addDays(1))->isEmpty());
}

TEST_F(VanLoadingTest, LoadingMovesTheStockAndTheReservationsIntoTheVan)
{
    stockUp();
    reserveAsBooked();
    // Booked while the van lacked a lock: both items are reserved at the depot.
    EXPECT_EQ(level(u"LOCK"_s, StockLocation::depot()),
              (StockLevel {u"LOCK"_s, StockLocation::depot(), 4, 2}));
    VanLoading loading(m_database, u"keeper"_s);
    EXPECT_EQ(*loading.list(m_fitter, kDay),
              (QList<VanLoadLine> {{u"ALARM"_s, 1, 0, 1}, {u"LOCK"_s, 2, 1, 4}}));

    const Result<int> moved = loading.load(m_fitter, kDay);
    ASSERT_TRUE(moved) << qPrintable(moved.errorString());
    EXPECT_EQ(*moved, 2);
    EXPECT_EQ(level(u"LOCK"_s, StockLocation::depot()),
              (StockLevel {u"LOCK"_s, StockLocation::depot(), 3, 0}));
    EXPECT_EQ(level(u"LOCK"_s, m_van), (StockLevel {u"LOCK"_s, m_van, 2, 2}));
    EXPECT_EQ(level(u"ALARM"_s, StockLocation::depot()),
              (StockLevel {u"ALARM"_s, StockLocation::depot(), 0, 0}));
    EXPECT_EQ(level(u"ALARM"_s, m_van), (StockLevel {u"ALARM"_s, m_van, 1, 1}));
    // Nothing more to load; loading again moves nothing.
    EXPECT_EQ(*loading.list(m_fitter, kDay),
              (QList<VanLoadLine> {{u"ALARM"_s, 1, 1, 0}, {u"LOCK"_s, 2, 2, 3}}));
    EXPECT_EQ(*loading.load(m_fitter, kDay), 0);
    // The summary still equals the sums over the ledger.
    EXPECT_EQ(*ledger().levels(), *ledger().levelsFromLedger());
}

TEST_F(VanLoadingTest, ADepotThatCannotGiveALineMovesNothing)
{
    ASSERT_TRUE(ledger().receive(u"LOCK"_s, 5, StockLocation::depot()));
    const int before = movements();
    VanLoading loading(m_database, u"keeper"_s);
    const Result<int> moved = loading.load(m_fitter, kDay);
    ASSERT_FALSE(moved);
    EXPECT_EQ(moved.error().kind, Error::Kind::Invalid);
    EXPECT_EQ(moved.errorString(),
              u"Loading the van: the depot is short, nothing was moved "
              "(Alarm: 1 to load, the depot can give 0)"_s);
    EXPECT_EQ(movements(), before);
    EXPECT_EQ(level(u"LOCK"_s, m_van), (StockLevel {u"LOCK"_s, m_van, 0, 0}));
}

TEST_F(VanLoadingTest, ReservationsUnderAnotherProgramsLockAreLockedAndNameTheFile)
{
    stockUp();
    const int before = movements();
    {
        Database other(u"van-other-program"_s);
        ASSERT_TRUE(other.open(m_database.path()));
        QSqlQuery lock(other.connection());
        ASSERT_TRUE(lock.exec(u"BEGIN EXCLUSIVE"_s));
        ASSERT_TRUE(lock.exec(u"INSERT INTO meta (key, value) VALUES ('holding', 'the lock')"_s));

        QSqlDatabase db = m_database.connection();
        ASSERT_TRUE(db.transaction());
        AuditLog audit(m_database.connectionName(), u"keeper"_s, u"test"_s);
        const Status settled = stockstore::settleJobReservations(
            m_database.connectionName(), audit, u"keeper"_s, kJob, storeTimestamp());
        ASSERT_TRUE(db.rollback());
        ASSERT_FALSE(settled);
        EXPECT_EQ(settled.error().kind, Error::Kind::Locked) << qPrintable(settled.errorString());
        EXPECT_TRUE(settled.errorString().startsWith(m_database.path()
                                                     + u": cannot write a stock movement: "_s))
            << qPrintable(settled.errorString());
        EXPECT_TRUE(settled.errorString().contains(u"locked"_s))
            << qPrintable(settled.errorString());

        // Loading the van says the same, and moves nothing.
        const Result<int> moved = VanLoading(m_database, u"keeper"_s).load(m_fitter, kDay);
        ASSERT_FALSE(moved);
        EXPECT_EQ(moved.error().kind, Error::Kind::Locked) << qPrintable(moved.errorString());
        EXPECT_TRUE(moved.errorString().startsWith(u"Loading the van: "_s))
            << qPrintable(moved.errorString());
        ASSERT_TRUE(lock.exec(u"ROLLBACK"_s));
    }
    EXPECT_EQ(movements(), before);
    EXPECT_EQ(level(u"LOCK"_s, m_van), (StockLevel {u"LOCK"_s, m_van, 1, 0}));
}

TEST_F(VanLoadingTest, ReservationsWithoutTheLedgerTableAreADatabaseError)
{
    stockUp();
    run(u"DROP TABLE stock_movement"_s);
    QSqlDatabase db = m_database.connection();
    ASSERT_TRUE(db.transaction());
    AuditLog audit(m_database.connectionName(), u"keeper"_s, u"test"_s);
    const Status settled = stockstore::settleJobReservations(m_database.connectionName(), audit,
                                                             u"keeper"_s, kJob, storeTimestamp());
    ASSERT_TRUE(db.rollback());
    ASSERT_FALSE(settled);
    EXPECT_EQ(settled.error().kind, Error::Kind::Database) << qPrintable(settled.errorString());
    EXPECT_TRUE(settled.errorString().contains(m_database.path()))
        << qPrintable(settled.errorString());
    EXPECT_TRUE(settled.errorString().contains(u"no such table: stock_movement"_s))
        << qPrintable(settled.errorString());
}

TEST_F(VanLoadingTest, ReservationsOfAJobThatIsNotThereAreNotFound)
{
    QSqlDatabase db = m_database.connection();
    ASSERT_TRUE(db.transaction());
    AuditLog audit(m_database.connectionName(), u"keeper"_s, u"test"_s);
    const Status settled = stockstore::settleJobReservations(
        m_database.connectionName(), audit, u"keeper"_s, u"00000000-0000-4000-8000-000000000999"_s,
        storeTimestamp());
    ASSERT_TRUE(db.rollback());
    ASSERT_FALSE(settled);
    EXPECT_EQ(settled.error().kind, Error::Kind::NotFound);
    EXPECT_EQ(settled.errorString(), u"there is no job 00000000-0000-4000-8000-000000000999"_s);
}
