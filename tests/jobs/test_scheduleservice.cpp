#include "service/scheduleservice.h"

#include <QTimeZone>

#include <gtest/gtest.h>

using namespace saferhomes;

namespace {

const QTimeZone kLondon("Europe/London");

QUuid id(int n)
{
    return QUuid(QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0')));
}

/// A job booked on fitter 1 from \a day \a from for \a minutes, needing \a code.
Job booked(int n, const QDate &day, const QTime &from, int minutes, const QString &code)
{
    Job job;
    job.id = id(n);
    job.fitterId = id(1);
    job.status = JobStatus::Scheduled;
    job.start = QDateTime(day, from, kLondon);
    job.end = job.start.addSecs(minutes * 60);
    job.durationMinutes = minutes;
    job.items.append({id(500 + n), code, 1, 0, {}});
    job.address = QStringLiteral("%1 High St").arg(n);
    return job;
}

/// Fitter 1: locks only, 08:00–16:30 Monday to Friday, away on Wednesday 13 January 2027.
ScheduleSnapshot snapshot()
{
    ScheduleSnapshot snapshot;
    Fitter fitter;
    fitter.id = id(1);
    fitter.name = QStringLiteral("Alice");
    fitter.skills = {QStringLiteral("locks")};
    fitter.absences.append({QDate(2027, 1, 13), QDate(2027, 1, 13), QStringLiteral("leave")});
    snapshot.fitters.append(fitter);
    snapshot.equipmentSkills = {{QStringLiteral("LOCK"), QStringLiteral("locks")},
                                {QStringLiteral("ALARM"), QStringLiteral("alarms")}};
    return snapshot;
}

QList<ScheduleRule> rules(const QHash<QUuid, QList<JobRuleBreak>> &breaks, int n)
{
    QList<ScheduleRule> found;
    for (const JobRuleBreak &broken : breaks.value(id(n)))
        found.append(broken.rule);
    return found;
}

} // namespace

TEST(ScheduleServiceTest, MarksEachRuleTheCheckerFinds)
{
    ScheduleSnapshot s = snapshot();
    const QDate monday(2027, 1, 11);
    const QString lock = QStringLiteral("LOCK");
    s.jobs.append(booked(1, monday, QTime(8, 0), 75, lock)); // fine: from the shift's start
    s.jobs.append(booked(2, monday, QTime(15, 30), 60, lock)); // fine: ends as the shift does
    s.jobs.append(booked(3, monday, QTime(15, 45), 60, lock)); // overlaps 2, ends after 16:30
    Job window = booked(4, monday.addDays(1), QTime(10, 0), 60, lock);
    window.availability.windows.append({{2}, QTime(13, 0), QTime(17, 0)}); // Tuesday afternoons
    s.jobs.append(window);
    Job afternoon = booked(5, monday.addDays(1), QTime(13, 0), 60, lock); // at the window's start
    afternoon.availability = window.availability;
    s.jobs.append(afternoon);
    s.jobs.append(booked(6, monday.addDays(2), QTime(9, 0), 60, lock)); // absent
    s.jobs.append(booked(7, monday.addDays(3), QTime(9, 0), 60, QStringLiteral("ALARM")));
    // Friday: Melton Mowbray, then Oadby (about 23 km apart: over an hour's drive) 5 minutes on.
    Job melton = booked(8, monday.addDays(4), QTime(9, 0), 60, lock);
    melton.latitude = 52.766;
    melton.longitude = -0.886;
    Job oadby = booked(9, monday.addDays(4), QTime(10, 5), 60, lock);
    oadby.latitude = 52.606;
    oadby.longitude = -1.083;
    s.jobs.append(melton);
    s.jobs.append(oadby);
    Job avoided = booked(10, monday.addDays(4), QTime(14, 0), 60, lock);
    avoided.availability.avoidWeekdays = {5}; // not Fridays
    s.jobs.append(avoided);
    // British Summer Time: 08:00 in London is 07:00 UTC, still inside the shift.
    s.jobs.append(booked(11, QDate(2027, 6, 7), QTime(8, 0), 60, lock));
    Job tray = booked(12, monday, QTime(8, 0), 60, lock); // unscheduled: never checked
    tray.status = JobStatus::Unscheduled;
    s.jobs.append(tray);

    const QHash<QUuid, QList<JobRuleBreak>> breaks = ScheduleService::ruleBreaks(s);
    using R = ScheduleRule;
    EXPECT_TRUE(rules(breaks, 1).isEmpty());
    EXPECT_EQ(rules(breaks, 2), QList<R> {R::DoubleBooking});
    EXPECT_EQ(rules(breaks, 3), (QList<R> {R::OutsideShift, R::DoubleBooking}));
    EXPECT_EQ(breaks.value(id(3)).constLast().otherJob, id(2));
    EXPECT_EQ(rules(breaks, 4), QList<R> {R::WindowMissed});
    EXPECT_TRUE(rules(breaks, 5).isEmpty());
    EXPECT_EQ(rules(breaks, 6), QList<R> {R::Absence});
    EXPECT_EQ(rules(breaks, 7), QList<R> {R::MissingSkill});
    EXPECT_TRUE(rules(breaks, 8).isEmpty());
    EXPECT_EQ(rules(breaks, 9), QList<R> {R::TravelImpossible});
    EXPECT_EQ(breaks.value(id(9)).constFirst().otherJob, id(8));
    EXPECT_EQ(rules(breaks, 10), QList<R> {R::WindowMissed});
    EXPECT_TRUE(rules(breaks, 11).isEmpty());
    EXPECT_FALSE(breaks.contains(id(12)));
}

TEST(ScheduleServiceTest, NamesTheSkillsAFitterLacks)
{
    ScheduleSnapshot s = snapshot();
    Job job = booked(1, QDate(2027, 1, 11), QTime(9, 0), 60, QStringLiteral("ALARM"));
    job.items.append({id(700), QStringLiteral("LOCK"), 1, 0, {}});
    job.status = JobStatus::Unscheduled;
    s.jobs.append(job);
    EXPECT_EQ(ScheduleService::requiredSkills(s, job),
              (QStringList {QStringLiteral("alarms"), QStringLiteral("locks")}));
    EXPECT_EQ(ScheduleService::missingSkills(s, job, s.fitters[0]),
              QStringList {QStringLiteral("alarms")});
    Fitter both = s.fitters[0];
    both.skills.append(QStringLiteral("alarms"));
    EXPECT_TRUE(ScheduleService::missingSkills(s, job, both).isEmpty());
}
