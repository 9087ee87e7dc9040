// A package agreed again after its job was booked (DESIGN §8, issue 12): the booked job keeps
// its fitter and start and follows the new package (items, duration and end, the householder's
// availability and access notes, the stock it holds), and the board marks the rule the new
// availability breaks.

#include "../stock/agreedpackagefixture.h"

#include "service/scheduleservice.h"

#include <QTimeZone>

using namespace saferhomes;
using saferhomes::test::AgreedPackageFixture;
using saferhomes::test::uuid;

namespace {

/// An accepted household whose package (2 LOCK, 1 ALARM: 15 + 60 + 60 = 135 minutes) has a
/// job booked on Alice on Wednesday 9 December 2026 at 09:00; the householder is in on
/// weekdays 09:00-12:00. The depot holds 5 LOCK and 2 ALARM, Alice's van 2 LOCK.
class PackageReagreedTest : public AgreedPackageFixture {
protected:
    void SetUp() override
    {
        AgreedPackageFixture::SetUp();
        if (HasFatalFailure())
            return;
        JobAvailability weekdays;
        weekdays.windows = {{{1, 2, 3, 4, 5}, QTime(9, 0), QTime(12, 0)}};
        const Result<QUuid> created
            = m_jobs->packageAgreed(QUuid(uuid(101)), weekdays, QStringLiteral("Side gate"));
        ASSERT_TRUE(created) << qPrintable(created.errorString());
        ASSERT_FALSE(created->isNull());
        m_job = *created;
        ASSERT_TRUE(
            m_ledger->receive({{QStringLiteral("LOCK"), 5}, {QStringLiteral("ALARM"), 2}}, depot));
        ASSERT_TRUE(m_ledger->transfer(QStringLiteral("LOCK"), 2, depot, m_vans[0]));
        const Status booked = m_jobs->bookJob(
            m_job, StockLocation::fitterOf(m_vans[0]),
            QDateTime(QDate(2026, 12, 9), QTime(9, 0), QTimeZone("Europe/London")), 135);
        ASSERT_TRUE(booked) << qPrintable(booked.errorString());
    }

    /// status|fitter|start|end|duration|sequence|access notes of the job.
    QString job() const
    {
        return scalar(QStringLiteral("SELECT status || '|' || (fitter_id = '%2') || '|' || "
                                     "scheduled_start || '|' || scheduled_end || '|' || "
                                     "duration_minutes || '|' || sequence || '|' || access_notes "
                                     "FROM job WHERE id = '%1'")
                          .arg(m_job.toString(QUuid::WithoutBraces),
                               StockLocation::fitterOf(m_vans[0]).toString(QUuid::WithoutBraces)));
    }

    /// The rules the board marks on the job (the checker's names), sorted.
    QStringList marks() const
    {
        FitterRepository fitters(m_database, QStringLiteral("keeper"));
        ScheduleService service(*m_jobs, fitters);
        const Result<ScheduleSnapshot> snapshot = service.snapshot();
        EXPECT_TRUE(snapshot) << qPrintable(snapshot.errorString());
        QStringList names;
        if (!snapshot)
            return names;
        for (const JobRuleBreak &broken : ScheduleService::ruleBreaks(*snapshot).value(m_job))
            names.append(scheduleRuleName(broken.rule));
        names.sort();
        return names;
    }
};

} // namespace

TEST_F(PackageReagreedTest, TheBookedJobFollowsTheNewPackageWhereItIsBooked)
{
    EXPECT_EQ(held(), QStringLiteral("ALARM@depot=1 LOCK@alice=2"));
    EXPECT_EQ(marks(), QStringList {QStringLiteral("missing_skill")});
    EXPECT_EQ(job(),
              QStringLiteral("scheduled|1|2026-12-09T09:00:00.000Z|"
                             "2026-12-09T11:15:00.000Z|135|1|Side gate"));
    const qint64 opsBefore = count(QStringLiteral("SELECT count(*) FROM outbox"));

    // Agreed again at the door: no alarm, three locks; the householder is in on Tuesday
    // afternoons only now, and leaves a key with the neighbour.
    run(QStringLiteral("UPDATE recommendation SET agreed = 0 WHERE equipment_code = 'ALARM'"));
    run(QStringLiteral("UPDATE recommendation SET qty = 3 WHERE equipment_code = 'LOCK'"));
    JobAvailability tuesdays;
    tuesdays.windows = {{{2}, QTime(13, 0), QTime(15, 0)}};
    const Result<QUuid> again
        = m_jobs->packageAgreed(QUuid(uuid(101)), tuesdays, QStringLiteral("Key with neighbour"));
    ASSERT_TRUE(again) << qPrintable(again.errorString());
    EXPECT_EQ(*again, m_job);

    // The same booking (fitter and start), 15 + 3 x 30 = 105 minutes long now: the end moved,
    // so the iCalendar sequence rose.
    EXPECT_EQ(job(),
              QStringLiteral("scheduled|1|2026-12-09T09:00:00.000Z|"
                             "2026-12-09T10:45:00.000Z|105|2|Key with neighbour"));
    const Result<Job> after = m_jobs->job(m_job);
    ASSERT_TRUE(after) << qPrintable(after.errorString());
    ASSERT_EQ(after->items.size(), 1);
    EXPECT_EQ(after->items[0].code, QStringLiteral("LOCK"));
    EXPECT_EQ(after->items[0].qty, 3);
    EXPECT_EQ(after->availability, tuesdays);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM job")), 1);

    // The stock follows: the alarm is released; three locks are more than Alice's van has,
    // so they are held at the depot (5 - 2 loaded = 3) and the van's two are free again.
    EXPECT_EQ(held(), QStringLiteral("LOCK@depot=3"));
    EXPECT_EQ(level(QStringLiteral("ALARM"), depot),
              expected(QStringLiteral("ALARM"), depot, 2, 0));
    EXPECT_EQ(level(QStringLiteral("LOCK"), m_vans[0]),
              expected(QStringLiteral("LOCK"), m_vans[0], 2, 0));
    EXPECT_EQ(level(QStringLiteral("LOCK"), depot), expected(QStringLiteral("LOCK"), depot, 3, 3));
    // Everything is on its way to the central database.
    EXPECT_GT(count(QStringLiteral("SELECT count(*) FROM outbox")), opsBefore);

    // The board marks the rule the new availability breaks: a Wednesday visit for a Tuesday
    // householder (Alice's missing skill was marked before, as an exception).
    EXPECT_EQ(marks(),
              (QStringList {QStringLiteral("missing_skill"), QStringLiteral("window_missed")}));

    // Agreed once more with nothing changed: nothing is rewritten but the items.
    const qint64 sequence = count(QStringLiteral("SELECT sequence FROM job WHERE id = '%1'")
                                      .arg(m_job.toString(QUuid::WithoutBraces)));
    ASSERT_TRUE(
        m_jobs->packageAgreed(QUuid(uuid(101)), tuesdays, QStringLiteral("Key with neighbour")));
    EXPECT_EQ(count(QStringLiteral("SELECT sequence FROM job WHERE id = '%1'")
                        .arg(m_job.toString(QUuid::WithoutBraces))),
              sequence);
    EXPECT_EQ(held(), QStringLiteral("LOCK@depot=3"));
}
