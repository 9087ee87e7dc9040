// Applying a plan to the local store (one audited transaction, queued for sync, refused as a
// whole when a job changed meanwhile) and the task that plans off the caller's thread, on a
// real SQLite file.

#include "autoscheduletestsupport.h"
#include "schedule/autoscheduletask.h"
#include "store/database.h"
#include "store/fitterrepository.h"
#include "store/jobrepository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace saferhomes;
using namespace saferhomes::autoscheduletest;

namespace {

const QDate kMonday(2026, 12, 7);

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QString uuidText(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

/// Processes events until \a done or 20 s have passed.
template<typename Condition> bool await(Condition done)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < 20000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return done();
}

class AutoScheduleStore : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (!QCoreApplication::instance()) {
            static int argc = 1;
            static char name[] = "saferhomes_schedule_tests";
            static char *argv[] = {name, nullptr};
            static QCoreApplication app(argc, argv);
        }
    }

    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        ASSERT_TRUE(m_dir.isValid());
        const auto opened = m_database.open(m_dir.filePath(text("schedule.sqlite")));
        ASSERT_TRUE(opened) << qPrintable(opened.errorString());
        run(text("INSERT INTO area (id, name, created_at) VALUES ('a1', 'Melton', 'x')"));
        run(text("INSERT OR REPLACE INTO equipment_type (code, name, unit_cost_pence, "
                 "fit_minutes, skill) VALUES ('LOCK', 'Lock', 100, 30, 'locks')"));
        FitterRepository fitters(m_database, text("tester"));
        for (int f = 1; f <= 2; ++f) {
            const Result<Fitter> added = fitters.add(fitter(f, {text("locks")}, 0.001 * f));
            ASSERT_TRUE(added) << qPrintable(added.errorString());
        }
    }

    void run(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(sql)) << qPrintable(query.lastError().text()) << "\n"
                                     << qPrintable(sql);
    }

    QVariant scalar(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

    /// Household n (accepted) with an unscheduled job n of one LOCK, 45 minutes.
    void addJob(int n, double dLat, double dLon)
    {
        run(text("INSERT INTO household (id, address_line1, postcode, area_id, status, "
                 "latitude, longitude, created_at, updated_at) VALUES ('%1', '%2 High St', "
                 "'LE13 1AB', 'a1', 'accepted', %3, %4, 'x', 'x')")
                .arg(uuidText(id(n + 10000)))
                .arg(n)
                .arg(kLatitude + dLat, 0, 'f', 6)
                .arg(kLongitude + dLon, 0, 'f', 6));
        run(text("INSERT INTO job (id, household_id, status, created_at, duration_minutes) "
                 "VALUES ('%1', '%2', 'unscheduled', 'x', 45)")
                .arg(uuidText(id(n)), uuidText(id(n + 10000))));
        run(text("INSERT INTO job_item (id, job_id, equipment_code, qty) "
                 "VALUES ('%1', '%2', 'LOCK', 1)")
                .arg(uuidText(id(n + 20000)), uuidText(id(n))));
    }

    AutoScheduleInput input()
    {
        JobRepository jobs(m_database, text("tester"));
        AutoScheduleInput in;
        in.jobs = jobs.jobs({}).value();
        in.fitters = FitterRepository(m_database, text("tester")).all().value();
        in.itemSkills = jobs.itemSkills().value();
        return in;
    }

    /// Everything a plan could change, as one hash.
    QByteArray jobsDigest()
    {
        QSqlQuery query(m_database.connection());
        EXPECT_TRUE(query.exec(text("SELECT id, status, fitter_id, scheduled_start, "
                                    "scheduled_end, sequence FROM job ORDER BY id")));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        while (query.next()) {
            for (int c = 0; c < 6; ++c)
                hash.addData(query.value(c).toString().toUtf8() + '|');
        }
        hash.addData(scalar(text("SELECT count(*) FROM outbox")).toByteArray());
        hash.addData(scalar(text("SELECT count(*) FROM audit_event")).toByteArray());
        return hash.result();
    }

    QTemporaryDir m_dir;
    Database m_database {text("autoschedule-test")};
};

} // namespace

TEST_F(AutoScheduleStore, ApplyingAPlanIsOneAuditedSyncedChange)
{
    for (int n = 1; n <= 4; ++n)
        addJob(n, 0.004 * n, 0.0);
    AutoScheduleRequest request;
    request.from = kMonday;
    request.timeLimit = 0.5;
    const Result<AutoSchedulePlan> plan = AutoScheduler::plan(input(), request);
    ASSERT_TRUE(plan) << qPrintable(plan.errorString());
    ASSERT_EQ(plan->placed, 4);
    const qint64 outboxBefore = scalar(text("SELECT count(*) FROM outbox")).toLongLong();
    const qint64 auditBefore = scalar(text("SELECT count(*) FROM audit_event")).toLongLong();

    JobRepository jobs(m_database, text("tester"));
    const Result<int> applied = jobs.applyBookings(plan->changes);
    ASSERT_TRUE(applied) << qPrintable(applied.errorString());
    EXPECT_EQ(*applied, 4);
    EXPECT_EQ(scalar(text("SELECT count(*) FROM job WHERE status = 'scheduled' "
                          "AND fitter_id IS NOT NULL AND sequence = 0"))
                  .toInt(),
              4);
    EXPECT_EQ(scalar(text("SELECT count(*) FROM household WHERE status = 'scheduled'")).toInt(), 4);
    // One sync op per job update (the households' moves add their own).
    EXPECT_GE(scalar(text("SELECT count(*) FROM outbox WHERE entity = 'job' AND kind = 'update'"))
                  .toLongLong(),
              4);
    EXPECT_GT(scalar(text("SELECT count(*) FROM outbox")).toLongLong(), outboxBefore + 4);
    EXPECT_GE(scalar(text("SELECT count(*) FROM audit_event WHERE field = 'booking'")).toLongLong(),
              4);
    EXPECT_GT(scalar(text("SELECT count(*) FROM audit_event")).toLongLong(), auditBefore + 4);
    const QList<Job> after = jobs.jobs({}).value();
    EXPECT_EQ(bookingProblems(after, input().fitters, input().itemSkills), QStringList());

    // Moving a booked job raises its sequence; taking it off the schedule does too.
    JobBooking move = plan->changes[0];
    move.wasStatus = JobStatus::Scheduled;
    move.wasFitterId = move.fitterId;
    move.wasStart = move.start;
    move.start = move.start.addSecs(3600);
    move.end = move.end.addSecs(3600);
    ASSERT_TRUE(jobs.applyBookings({move}));
    EXPECT_EQ(
        scalar(text("SELECT sequence FROM job WHERE id = '%1'").arg(uuidText(move.jobId))).toInt(),
        1);
    JobBooking off = move;
    off.wasStart = move.start;
    off.fitterId = {};
    ASSERT_TRUE(jobs.applyBookings({off}));
    EXPECT_EQ(scalar(text("SELECT status || sequence || coalesce(fitter_id, '-') FROM job "
                          "WHERE id = '%1'")
                         .arg(uuidText(move.jobId)))
                  .toString(),
              text("unscheduled2-"));
    EXPECT_EQ(scalar(text("SELECT status FROM household WHERE id = "
                          "(SELECT household_id FROM job WHERE id = '%1')")
                         .arg(uuidText(move.jobId)))
                  .toString(),
              text("accepted"));
}

TEST_F(AutoScheduleStore, APlanIsRefusedWholeWhenAJobChangedMeanwhile)
{
    for (int n = 1; n <= 3; ++n)
        addJob(n, 0.004 * n, 0.0);
    AutoScheduleRequest request;
    request.from = kMonday;
    request.timeLimit = 0.5;
    const Result<AutoSchedulePlan> plan = AutoScheduler::plan(input(), request);
    ASSERT_TRUE(plan) << qPrintable(plan.errorString());
    ASSERT_EQ(plan->changes.size(), 3);
    // Someone books the last job by hand before the plan is applied.
    const QUuid changed = plan->changes.constLast().jobId;
    run(text("UPDATE job SET status = 'scheduled', fitter_id = '%1', "
             "scheduled_start = '2026-12-07T15:00:00.000Z', "
             "scheduled_end = '2026-12-07T15:45:00.000Z' WHERE id = '%2'")
            .arg(uuidText(id(1)), uuidText(changed)));
    const QByteArray before = jobsDigest();
    const Result<int> applied
        = JobRepository(m_database, text("tester")).applyBookings(plan->changes);
    ASSERT_FALSE(applied);
    EXPECT_EQ(applied.error().kind, Error::Kind::Refused);
    EXPECT_TRUE(applied.errorString().contains(uuidText(changed)));
    EXPECT_EQ(jobsDigest(), before);
}

TEST_F(AutoScheduleStore, TheTaskPlansOffTheCallersThread)
{
    for (int n = 1; n <= 5; ++n)
        addJob(n, 0.003 * n, -0.002 * n);
    AutoScheduleRequest request;
    request.from = kMonday;
    request.timeLimit = 0.5;
    AutoScheduleTask task(m_database.path(), request);
    std::optional<AutoSchedulePlan> plan;
    int lastProgress = -1;
    QObject::connect(&task, &AutoScheduleTask::planned, &task,
                     [&](const AutoSchedulePlan &p) { plan = p; });
    QObject::connect(&task, &AutoScheduleTask::progressed, &task,
                     [&](int permille) { lastProgress = permille; });
    const QByteArray before = jobsDigest();
    task.start();
    ASSERT_TRUE(await([&] { return plan.has_value(); }));
    EXPECT_EQ(plan->placed, 5);
    EXPECT_EQ(lastProgress, 1000);
    EXPECT_EQ(jobsDigest(), before); // planning alone changes nothing
}

TEST_F(AutoScheduleStore, ATaskCancelledHalfWayChangesNothing)
{
    for (int n = 1; n <= 40; ++n)
        addJob(n, 0.002 * (n % 8), 0.003 * (n / 8));
    AutoScheduleRequest request;
    request.from = kMonday;
    request.days = 2;
    request.timeLimit = 60;
    AutoScheduleTask task(m_database.path(), request);
    bool cancelled = false;
    bool planned = false;
    QObject::connect(&task, &AutoScheduleTask::cancelled, &task, [&] { cancelled = true; });
    QObject::connect(&task, &AutoScheduleTask::planned, &task, [&] { planned = true; });
    QObject::connect(&task, &AutoScheduleTask::progressed, &task, [&](int permille) {
        if (permille > 0)
            task.cancel();
    });
    const QByteArray before = jobsDigest();
    task.start();
    ASSERT_TRUE(await([&] { return cancelled || planned; }));
    EXPECT_TRUE(cancelled);
    EXPECT_FALSE(planned);
    EXPECT_TRUE(await([&] { return !task.isRunning(); }));
    EXPECT_EQ(jobsDigest(), before);
}
