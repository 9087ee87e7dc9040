// The optimiser honours each kind of pin (DESIGN §8, issue 12), in each of the three scopes: a
// job pinned to its fitter stays with that fitter (any day or time), one pinned to its day stays
// on that fitter's day (any time that day), one pinned to its exact time stays exactly; a job
// whose pin leaves it nowhere to go keeps its booking rather than going back to the tray. The
// windows are the householders' and the expectations literal times.

#include "autoscheduletestsupport.h"

#include <gtest/gtest.h>

using namespace saferhomes;
using namespace saferhomes::autoscheduletest;

namespace {

const QDate kMonday(2026, 12, 7);
const QDate kTuesday(2026, 12, 8);

const JobBooking *changeOf(const AutoSchedulePlan &plan, int job)
{
    for (const JobBooking &change : plan.changes) {
        if (change.jobId == id(job))
            return &change;
    }
    return nullptr;
}

QDate localDay(const QDateTime &at)
{
    return at.toTimeZone(QTimeZone("Europe/London")).date();
}

/// "job number: rule" for every rule the jobs of \a input break with \a plan applied.
QStringList breaksAfter(const AutoScheduleInput &input, const AutoSchedulePlan &plan,
                        const QDate &from, int days)
{
    const AutoScheduleInput after {AutoScheduler::applied(input.jobs, plan), input.fitters,
                                   input.itemSkills, input.stock};
    const ScheduleCheck check = AutoScheduler::check(after, from, days);
    QStringList breaks;
    for (size_t k = 0; k < check.breaks.size(); ++k) {
        const QString job = check.jobIds[qsizetype(k)].toString(QUuid::WithoutBraces).right(3);
        for (const RuleBreak &rule : check.breaks[k])
            breaks.append(job + QStringLiteral(": ") + scheduleRuleName(rule.rule));
    }
    breaks.sort();
    return breaks;
}

AutoScheduleRequest replanRequest(const QDate &from, int days)
{
    AutoScheduleRequest request;
    request.from = from;
    request.days = days;
    request.timeLimit = 1.0;
    request.replan = true;
    return request;
}

AvailabilityWindow window(QList<int> weekdays, int fromHour, int toHour)
{
    return {std::move(weekdays), QTime(fromHour, 0), QTime(toHour, 0)};
}

} // namespace

TEST(PinKinds, ReplanMovesEachPinnedJobOnlyWithinItsPin)
{
    AutoScheduleInput input;
    input.itemSkills = itemSkills();
    const Fitter one = fitter(1, {QStringLiteral("locks")});
    // Bob starts where the jobs are: an unpinned job would rather be his.
    const Fitter two = fitter(2, {QStringLiteral("locks")}, 0.03, 0.0);
    input.fitters = {one, two};

    // Pinned to Fitter 1, booked on Monday, but the householder is in on Tuesdays 10-11 only.
    Job toFitter = job(601, 0.03, 0.0, 30, {QStringLiteral("LOCK")});
    toFitter.availability.windows = {window({2}, 10, 11)};
    input.jobs.append(booked(toFitter, one, local(kMonday, 8, 30), PinKind::Fitter));
    // Pinned to Monday, booked at 13:00; the householder is in on Monday 9-10 or all Tuesday.
    Job toDay = job(602, 0.031, 0.0, 30, {QStringLiteral("LOCK")});
    toDay.availability.windows = {window({1}, 9, 10), window({2}, 8, 17)};
    input.jobs.append(booked(toDay, one, local(kMonday, 13), PinKind::Day));
    // Pinned to its time, 15:00, although the householder is in 9-10 only: it stays.
    Job toTime = job(603, 0.029, 0.0, 30, {QStringLiteral("LOCK")});
    toTime.availability.windows = {window({}, 9, 10)};
    input.jobs.append(booked(toTime, one, local(kMonday, 15), PinKind::Time));

    const Result<AutoSchedulePlan> plan = AutoScheduler::plan(input, replanRequest(kMonday, 2));
    ASSERT_TRUE(plan) << qPrintable(plan.errorString());
    EXPECT_TRUE(plan->unscheduled.isEmpty());
    EXPECT_EQ(plan->placed, 0);
    EXPECT_EQ(plan->moved, 2);

    const JobBooking *fitterPinned = changeOf(*plan, 601);
    ASSERT_NE(fitterPinned, nullptr);
    EXPECT_EQ(fitterPinned->fitterId, one.id);
    EXPECT_GE(fitterPinned->start, local(kTuesday, 10));
    EXPECT_LE(fitterPinned->start, local(kTuesday, 11));

    const JobBooking *dayPinned = changeOf(*plan, 602);
    ASSERT_NE(dayPinned, nullptr);
    EXPECT_EQ(dayPinned->fitterId, one.id);
    EXPECT_GE(dayPinned->start, local(kMonday, 9));
    EXPECT_LE(dayPinned->start, local(kMonday, 10));

    EXPECT_EQ(changeOf(*plan, 603), nullptr);
    // The one rule still broken is the exact-time pin's, as it was.
    EXPECT_EQ(breaksAfter(input, *plan, kMonday, 2),
              QStringList {QStringLiteral("603: window_missed")});
}

TEST(PinKinds, APinThatLeavesNowhereToGoKeepsTheBooking)
{
    AutoScheduleInput input;
    input.itemSkills = itemSkills();
    const Fitter one = fitter(1, {QStringLiteral("locks")});
    const Fitter two = fitter(2, {QStringLiteral("locks"), QStringLiteral("alarms")}, 0.01, 0.0);
    input.fitters = {one, two};

    // Booked on a Monday the householder asked to avoid: pinned to that day, it stays...
    Job dayPinned = job(611, 0.01, 0.0, 30, {QStringLiteral("LOCK")});
    dayPinned.availability.avoidWeekdays = {1};
    input.jobs.append(booked(dayPinned, one, local(kMonday, 9), PinKind::Day));
    // ...unpinned, it goes to Tuesday.
    Job unpinned = job(612, 0.012, 0.0, 30, {QStringLiteral("LOCK")});
    unpinned.availability.avoidWeekdays = {1};
    input.jobs.append(booked(unpinned, one, local(kMonday, 11)));
    // An alarm booked on Fitter 1 as an exception (no alarms skill), pinned to him: no day of
    // his can take it, so it stays; Fitter 2 could, but the pin says Fitter 1.
    input.jobs.append(booked(job(613, 0.011, 0.0, 60, {QStringLiteral("ALARM")}), one,
                             local(kMonday, 13), PinKind::Fitter));

    const Result<AutoSchedulePlan> plan = AutoScheduler::plan(input, replanRequest(kMonday, 2));
    ASSERT_TRUE(plan) << qPrintable(plan.errorString());
    EXPECT_TRUE(plan->unscheduled.isEmpty());
    EXPECT_EQ(changeOf(*plan, 611), nullptr);
    EXPECT_EQ(changeOf(*plan, 613), nullptr);
    const JobBooking *moved = changeOf(*plan, 612);
    ASSERT_NE(moved, nullptr);
    EXPECT_EQ(localDay(moved->start), kTuesday);
    EXPECT_EQ(plan->moved, 1);
    EXPECT_EQ(
        breaksAfter(input, *plan, kMonday, 2),
        (QStringList {QStringLiteral("611: window_missed"), QStringLiteral("613: missing_skill")}));
}

TEST(PinKinds, AFitterDayReordersFitterAndDayPinsButNotTimePins)
{
    AutoScheduleInput input;
    input.itemSkills = itemSkills();
    const Fitter one = fitter(1, {QStringLiteral("locks")});
    input.fitters = {one};
    Job dayPinned = job(621, 0.01, 0.0, 30, {QStringLiteral("LOCK")});
    dayPinned.availability.windows = {window({}, 14, 15)};
    input.jobs.append(booked(dayPinned, one, local(kMonday, 9), PinKind::Day));
    Job fitterPinned = job(622, 0.011, 0.0, 30, {QStringLiteral("LOCK")});
    fitterPinned.availability.windows = {window({}, 9, 10)};
    input.jobs.append(booked(fitterPinned, one, local(kMonday, 14), PinKind::Fitter));
    Job timePinned = job(623, 0.012, 0.0, 30, {QStringLiteral("LOCK")});
    timePinned.availability.windows = {window({}, 16, 17)};
    input.jobs.append(booked(timePinned, one, local(kMonday, 11), PinKind::Time));

    AutoScheduleRequest request;
    request.scope = AutoScheduleScope::FitterDay;
    request.from = kMonday;
    request.fitterId = one.id;
    request.timeLimit = 1.0;
    const Result<AutoSchedulePlan> plan = AutoScheduler::plan(input, request);
    ASSERT_TRUE(plan) << qPrintable(plan.errorString());
    EXPECT_TRUE(plan->unscheduled.isEmpty());
    ASSERT_EQ(plan->changes.size(), 2);
    const JobBooking *day = changeOf(*plan, 621);
    ASSERT_NE(day, nullptr);
    EXPECT_GE(day->start, local(kMonday, 14));
    EXPECT_LE(day->start, local(kMonday, 15));
    const JobBooking *anyDay = changeOf(*plan, 622);
    ASSERT_NE(anyDay, nullptr);
    EXPECT_GE(anyDay->start, local(kMonday, 9));
    EXPECT_LE(anyDay->start, local(kMonday, 10));
    EXPECT_EQ(changeOf(*plan, 623), nullptr);
}

TEST(PinKinds, FittingAPinnedJobInKeepsItWithinItsPin)
{
    AutoScheduleInput input;
    input.itemSkills = itemSkills();
    const Fitter one = fitter(1, {QStringLiteral("locks")});
    const Fitter two = fitter(2, {QStringLiteral("locks")}, 0.02, 0.0);
    input.fitters = {one, two};
    // Pinned to Monday on Fitter 1 at 08:30; in on Monday 14-15 or any time on Tuesday.
    Job pinned = job(631, 0.02, 0.0, 30, {QStringLiteral("LOCK")});
    pinned.availability.windows = {window({1}, 14, 15), window({2}, 8, 17)};
    input.jobs.append(booked(pinned, one, local(kMonday, 8, 30), PinKind::Day));

    AutoScheduleRequest request;
    request.scope = AutoScheduleScope::FitJobIn;
    request.from = kMonday;
    request.days = 2;
    request.jobId = id(631);
    request.timeLimit = 1.0;
    const Result<AutoSchedulePlan> plan = AutoScheduler::plan(input, request);
    ASSERT_TRUE(plan) << qPrintable(plan.errorString());
    ASSERT_EQ(plan->changes.size(), 1);
    EXPECT_EQ(plan->changes[0].fitterId, one.id);
    EXPECT_GE(plan->changes[0].start, local(kMonday, 14));
    EXPECT_LE(plan->changes[0].start, local(kMonday, 15));

    // Pinned to its time, it is not moved at all.
    input.jobs[0].pin = PinKind::Time;
    const Result<AutoSchedulePlan> kept = AutoScheduler::plan(input, request);
    ASSERT_TRUE(kept) << qPrintable(kept.errorString());
    EXPECT_TRUE(kept->changes.isEmpty());
    EXPECT_TRUE(kept->unscheduled.isEmpty());
}

TEST(PinKinds, WithoutReplanEveryBookingStaysWhateverItsPin)
{
    AutoScheduleInput input;
    input.itemSkills = itemSkills();
    const Fitter one = fitter(1, {QStringLiteral("locks")});
    input.fitters = {one};
    Job misplaced = job(641, 0.01, 0.0, 30, {QStringLiteral("LOCK")});
    misplaced.availability.windows = {window({}, 14, 15)};
    input.jobs.append(booked(misplaced, one, local(kMonday, 9), PinKind::Fitter));
    misplaced.id = id(642);
    input.jobs.append(booked(misplaced, one, local(kMonday, 10), PinKind::Day));

    AutoScheduleRequest request = replanRequest(kMonday, 1);
    request.replan = false;
    const Result<AutoSchedulePlan> plan = AutoScheduler::plan(input, request);
    ASSERT_TRUE(plan) << qPrintable(plan.errorString());
    EXPECT_TRUE(plan->changes.isEmpty());
}

TEST(PinKinds, NamesRoundTripAndAnOlderPinnedRowMeansTheExactTime)
{
    EXPECT_EQ(PinKindNames::allNames(),
              (QStringList {QStringLiteral("none"), QStringLiteral("fitter"), QStringLiteral("day"),
                            QStringLiteral("time")}));
    for (const PinKind kind : {PinKind::None, PinKind::Fitter, PinKind::Day, PinKind::Time})
        EXPECT_EQ(PinKindNames::fromName(PinKindNames::name(kind)), kind);
    EXPECT_EQ(PinKindNames::fromName(QStringLiteral("week")), std::nullopt);
    EXPECT_EQ(PinKindNames::fromStored(true, QStringLiteral("none")), PinKind::Time);
    EXPECT_EQ(PinKindNames::fromStored(false, QStringLiteral("day")), PinKind::Day);
    EXPECT_EQ(PinKindNames::fromStored(false, QStringLiteral("fitter")), PinKind::Fitter);
    EXPECT_EQ(PinKindNames::fromStored(false, QStringLiteral("none")), PinKind::None);
}
