#include "agreedpackagefixture.h"

#include <QTimeZone>

using namespace saferhomes;
using saferhomes::test::AgreedPackageFixture;
using saferhomes::test::uuid;

namespace {

/// An accepted household whose agreed package (2 LOCK, 1 ALARM) has an unscheduled job; the
/// depot holds 5 LOCK and 2 ALARM, Alice's van 2 LOCK.
class StockJobsTest : public AgreedPackageFixture {
protected:
    void SetUp() override
    {
        AgreedPackageFixture::SetUp();
        if (HasFatalFailure())
            return;
        const Result<QList<QUuid>> created = m_jobs->createForAgreedPackages({});
        ASSERT_TRUE(created) << qPrintable(created.errorString());
        ASSERT_EQ(created->size(), 1);
        m_job = created->constFirst();
        ASSERT_TRUE(
            m_ledger->receive({{QStringLiteral("LOCK"), 5}, {QStringLiteral("ALARM"), 2}}, depot));
        ASSERT_TRUE(m_ledger->transfer(QStringLiteral("LOCK"), 2, depot, m_vans[0]));
    }

    QUuid fitter(int i) const { return StockLocation::fitterOf(m_vans[i]); }

    QDateTime nineOClock() const
    {
        return QDateTime(QDate(2026, 12, 9), QTime(9, 0), QTimeZone("Europe/London"));
    }

    /// The job's reserved, released and fitted totals and what left on hand for it.
    struct Totals {
        int reserved = 0;
        int released = 0;
        int fittedFromReserved = 0;
        int fitted = 0;
    };
    Totals totals() const
    {
        const QString job = m_job.toString(QUuid::WithoutBraces);
        const auto sum = [&](const QString &reason, const QString &column) {
            return count(QStringLiteral("SELECT coalesce(sum(%1), 0) FROM stock_movement "
                                        "WHERE job_id = '%2' AND reason = '%3'")
                             .arg(column, job, reason));
        };
        return {sum(QStringLiteral("reserved"), QStringLiteral("reserved_change")),
                -sum(QStringLiteral("released"), QStringLiteral("reserved_change")),
                -sum(QStringLiteral("fitted"), QStringLiteral("reserved_change")),
                -sum(QStringLiteral("fitted"), QStringLiteral("qty_change"))};
    }
};

TEST_F(StockJobsTest, BookingReservesFromTheVanWhenItHasTheItemsElseTheDepot)
{
    EXPECT_EQ(held(), QString());
    const Status booked = m_jobs->bookJob(m_job, fitter(0), nineOClock(), 105);
    ASSERT_TRUE(booked) << qPrintable(booked.errorString());
    EXPECT_EQ(held(), QStringLiteral("ALARM@depot=1 LOCK@alice=2"));
    EXPECT_EQ(level(QStringLiteral("LOCK"), m_vans[0]),
              expected(QStringLiteral("LOCK"), m_vans[0], 2, 2));
    EXPECT_EQ(level(QStringLiteral("LOCK"), m_vans[0]).available(), 0);
    EXPECT_EQ(level(QStringLiteral("ALARM"), depot),
              expected(QStringLiteral("ALARM"), depot, 2, 1));
    // Reserved stock cannot be moved away.
    EXPECT_FALSE(m_ledger->transfer(QStringLiteral("LOCK"), 1, m_vans[0], depot));
    // Each reservation is audited and queued for sync.
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox o JOIN stock_movement m ON "
                                   "m.id = o.entity_id WHERE m.reason = 'reserved'")),
              2);
}

TEST_F(StockJobsTest, RebookingToAnotherFitterMovesTheReservation)
{
    ASSERT_TRUE(m_jobs->bookJob(m_job, fitter(0), nineOClock(), 105));
    // Moving within Alice's day keeps it where it is: no movement.
    const int before = count(QStringLiteral("SELECT count(*) FROM stock_movement"));
    ASSERT_TRUE(m_jobs->moveJob(m_job, fitter(0), nineOClock().addSecs(3600)));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM stock_movement")), before);
    // Bob's van holds nothing: the depot's stock is reserved instead.
    const Status moved = m_jobs->moveJob(m_job, fitter(1), nineOClock());
    ASSERT_TRUE(moved) << qPrintable(moved.errorString());
    EXPECT_EQ(held(), QStringLiteral("ALARM@depot=1 LOCK@depot=2"));
    EXPECT_EQ(level(QStringLiteral("LOCK"), m_vans[0]).reserved, 0);
    EXPECT_EQ(level(QStringLiteral("LOCK"), depot), expected(QStringLiteral("LOCK"), depot, 3, 2));
}

TEST_F(StockJobsTest, TakingAJobOffTheScheduleOrFindingNobodyInReleasesItsStock)
{
    ASSERT_TRUE(m_jobs->bookJob(m_job, fitter(0), nineOClock(), 105));
    ASSERT_TRUE(m_jobs->unscheduleJob(m_job));
    EXPECT_EQ(held(), QString());
    EXPECT_EQ(level(QStringLiteral("ALARM"), depot).reserved, 0);

    ASSERT_TRUE(m_jobs->bookJob(m_job, fitter(0), nineOClock(), 105));
    const Result<QUuid> revisit = m_jobs->noAccess(m_job, QStringLiteral("out"));
    ASSERT_TRUE(revisit) << qPrintable(revisit.errorString());
    EXPECT_EQ(held(), QString());
    EXPECT_EQ(level(QStringLiteral("LOCK"), m_vans[0]).reserved, 0);
    EXPECT_EQ(level(QStringLiteral("ALARM"), depot).reserved, 0);
    // Booked twice, 2 LOCK and 1 ALARM each time, all given back.
    const Totals t = totals();
    EXPECT_EQ(t.reserved, 6);
    EXPECT_EQ(t.released, 6);
}

TEST_F(StockJobsTest, CompletionTurnsTheReservationIntoFittedAndReleasesTheRest)
{
    ASSERT_TRUE(m_jobs->bookJob(m_job, fitter(0), nineOClock(), 105));
    // One lock fitted (the other door was already good), the alarm fitted.
    const Result<bool> done
        = m_jobs->complete(m_job, {{QStringLiteral("LOCK"), 1}, {QStringLiteral("ALARM"), 1}}, {},
                           QStringLiteral("R"));
    ASSERT_TRUE(done) << qPrintable(done.errorString());
    EXPECT_EQ(held(), QString());
    EXPECT_EQ(level(QStringLiteral("LOCK"), m_vans[0]),
              expected(QStringLiteral("LOCK"), m_vans[0], 1, 0));
    EXPECT_EQ(level(QStringLiteral("ALARM"), depot),
              expected(QStringLiteral("ALARM"), depot, 1, 0));
    const Totals t = totals();
    EXPECT_EQ(t.reserved, 3);
    EXPECT_EQ(t.fittedFromReserved, 2);
    EXPECT_EQ(t.released, 1);
    EXPECT_EQ(t.fittedFromReserved + t.released, t.reserved);
    EXPECT_EQ(t.fitted, 2);
}

TEST_F(StockJobsTest, FittingMoreThanReservedTakesTheVansAvailableStockOrIsRefusedWithFigures)
{
    ASSERT_TRUE(m_jobs->bookJob(m_job, fitter(0), nineOClock(), 105));
    // Alice's van holds its 2 locks for this job and nothing more: a third lock fitted cannot
    // come from it, and the completion is refused with the figures, nothing written.
    const int movements = count(QStringLiteral("SELECT count(*) FROM stock_movement"));
    const QHash<QString, int> fitted {{QStringLiteral("LOCK"), 3}, {QStringLiteral("ALARM"), 1}};
    const Result<QList<StockShortfall>> shortfalls = m_ledger->completionShortfalls(m_job, fitted);
    ASSERT_TRUE(shortfalls) << qPrintable(shortfalls.errorString());
    ASSERT_EQ(shortfalls->size(), 1);
    const StockShortfall &lock = shortfalls->first();
    EXPECT_EQ(lock.code, QStringLiteral("LOCK"));
    EXPECT_EQ(lock.location, m_vans[0]);
    EXPECT_EQ(lock.fitted, 3);
    EXPECT_EQ(lock.reserved, 2);
    EXPECT_EQ(lock.onHand, 2);
    EXPECT_EQ(lock.reservedThere, 2);
    EXPECT_EQ(lock.missing(), 1);
    const Result<bool> refused = m_jobs->complete(m_job, fitted, {}, QStringLiteral("R"));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Error::Kind::Invalid);
    EXPECT_EQ(refused.errorString(),
              QStringLiteral("The van cannot cover what was fitted: LOCK: 3 fitted, 2 of them "
                             "reserved for this job; Alice's van has 0 more available (2 on "
                             "hand, 2 reserved for jobs), so 1 cannot be taken from it."));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM stock_movement")), movements);
    EXPECT_EQ(scalar(QStringLiteral("SELECT status FROM job WHERE id = '%1'")
                         .arg(m_job.toString(QUuid::WithoutBraces))),
              QStringLiteral("scheduled"));
    EXPECT_EQ(held(), QStringLiteral("ALARM@depot=1 LOCK@alice=2"));

    // With one more lock loaded into the van the third comes out of its available stock.
    ASSERT_TRUE(m_ledger->transfer(QStringLiteral("LOCK"), 1, depot, m_vans[0]));
    EXPECT_TRUE(m_ledger->completionShortfalls(m_job, fitted)->isEmpty());
    const Result<bool> done = m_jobs->complete(m_job, fitted, {}, QStringLiteral("R"));
    ASSERT_TRUE(done) << qPrintable(done.errorString());
    EXPECT_EQ(level(QStringLiteral("LOCK"), m_vans[0]),
              expected(QStringLiteral("LOCK"), m_vans[0], 0, 0));
    EXPECT_EQ(level(QStringLiteral("ALARM"), depot),
              expected(QStringLiteral("ALARM"), depot, 1, 0));
    const Totals t = totals();
    EXPECT_EQ(t.reserved, 3);
    EXPECT_EQ(t.fittedFromReserved, 3);
    EXPECT_EQ(t.released, 0);
    EXPECT_EQ(t.fitted, 4);
}

TEST_F(StockJobsTest, AJobWhoseItemsAreNowhereReservesNothingOfThem)
{
    // Both alarms go to Bob's van...
    ASSERT_TRUE(m_ledger->transfer(QStringLiteral("ALARM"), 2, depot, m_vans[1]));
    // ...and Alice's job needs one that is neither in her van nor at the depot.
    ASSERT_TRUE(m_jobs->bookJob(m_job, fitter(0), nineOClock(), 105));
    EXPECT_EQ(held(), QStringLiteral("LOCK@alice=2"));
    // When the alarms come back to the depot and the job moves, it takes one.
    ASSERT_TRUE(m_ledger->transfer(QStringLiteral("ALARM"), 2, m_vans[1], depot));
    ASSERT_TRUE(m_jobs->moveJob(m_job, fitter(0), nineOClock().addSecs(1800)));
    EXPECT_EQ(held(), QStringLiteral("ALARM@depot=1 LOCK@alice=2"));
}

} // namespace
