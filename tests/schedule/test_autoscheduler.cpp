// The auto-scheduler (DESIGN §8): jobs and fitters in, bookings out, in each of the three
// scopes; every plan is checked twice, by the feasibility checker and by the test's own
// reading of the rules (autoscheduletestsupport.h).

#include "autoscheduletestsupport.h"

#include <gtest/gtest.h>

using namespace saferhomes;
using namespace saferhomes::autoscheduletest;

namespace {

const QDate kMonday(2026, 12, 7);
const QDate kTuesday(2026, 12, 8);

QString reasonOf(const AutoSchedulePlan &plan, int job)
{
    for (const JobLeftOut &left : plan.unscheduled) {
        if (left.jobId == id(job))
            return left.reason;
    }
    return {};
}

const JobBooking *changeOf(const AutoSchedulePlan &plan, int job)
{
    for (const JobBooking &change : plan.changes) {
        if (change.jobId == id(job))
            return &change;
    }
    return nullptr;
}

/// Applies \a plan and checks the result both ways: no rule broken.
void expectNoRuleBroken(const AutoScheduleInput &input, const AutoSchedulePlan &plan,
                        const QDate &from, int days)
{
    const AutoScheduleInput after {AutoScheduler::applied(input.jobs, plan), input.fitters,
                                   input.itemSkills, input.stock};
    const ScheduleCheck check = AutoScheduler::check(after, from, days);
    for (size_t k = 0; k < check.breaks.size(); ++k) {
        for (const RuleBreak &rule : check.breaks[k])
            ADD_FAILURE() << qPrintable(check.jobIds[qsizetype(k)].toString()) << " breaks "
                          << qPrintable(scheduleRuleName(rule.rule));
    }
    EXPECT_EQ(bookingProblems(after.jobs, input.fitters, input.itemSkills), QStringList());
}

AutoScheduleRequest horizon(const QDate &from, int days)
{
    AutoScheduleRequest request;
    request.from = from;
    request.days = days;
    request.timeLimit = 1.0;
    return request;
}

} // namespace

TEST(AutoScheduler, PlacesOpenJobsByWindowSkillAndDayAndSaysWhyNot)
{
    AutoScheduleInput input;
    input.itemSkills = itemSkills();
    input.fitters = {fitter(1, {QStringLiteral("locks")}),
                     fitter(2, {QStringLiteral("locks"), QStringLiteral("alarms")}, 0.01, 0.01)};
    input.jobs.append(job(101, 0.01, 0.0, 60, {QStringLiteral("ALARM")})); // fitter 2 only
    Job afternoon = job(102, -0.01, 0.01, 45, {QStringLiteral("LOCK")});
    afternoon.availability.windows.append({{1}, QTime(13, 0), QTime(14, 0)}); // Mondays 13-14
    input.jobs.append(afternoon);
    Job notMonday = job(103, 0.02, -0.01, 30, {QStringLiteral("LOCK")});
    notMonday.availability.avoidWeekdays = {1};
    input.jobs.append(notMonday);
    Job never = job(104, 0.0, 0.02, 30, {QStringLiteral("LOCK")});
    never.availability.avoidDates = {kMonday, kTuesday};
    input.jobs.append(never);
    input.jobs.append(job(105, 0.0, -0.02, 30, {QStringLiteral("LIGHT")})); // nobody's skill
    Job nowhere = job(106, 0, 0, 30, {QStringLiteral("LOCK")});
    nowhere.latitude.reset();
    nowhere.longitude.reset();
    input.jobs.append(nowhere);
    Job done = job(107, 0.0, 0.0, 30);
    done.status = JobStatus::Completed;
    input.jobs.append(done);

    const Result<AutoSchedulePlan> plan = AutoScheduler::plan(input, horizon(kMonday, 2));
    ASSERT_TRUE(plan) << qPrintable(plan.errorString());
    EXPECT_EQ(plan->placed, 3);
    EXPECT_EQ(plan->moved, 0);
    EXPECT_EQ(plan->unscheduled.size(), 3);
    EXPECT_EQ(reasonOf(*plan, 104), QStringLiteral("window"));
    EXPECT_EQ(reasonOf(*plan, 105), QStringLiteral("skill"));
    EXPECT_EQ(reasonOf(*plan, 106), QStringLiteral("no_location"));
    EXPECT_EQ(changeOf(*plan, 107), nullptr);

    const JobBooking *alarm = changeOf(*plan, 101);
    ASSERT_NE(alarm, nullptr);
    EXPECT_EQ(alarm->fitterId, id(2));
    const JobBooking *monday = changeOf(*plan, 102);
    ASSERT_NE(monday, nullptr);
    EXPECT_GE(monday->start, local(kMonday, 13));
    EXPECT_LE(monday->start, local(kMonday, 14));
    EXPECT_EQ(monday->start.secsTo(monday->end), 45 * 60);
    const JobBooking *tuesday = changeOf(*plan, 103);
    ASSERT_NE(tuesday, nullptr);
    EXPECT_EQ(tuesday->start.toTimeZone(QTimeZone("Europe/London")).date(), kTuesday);
    EXPECT_EQ(tuesday->start.time().second(), 0); // whole minutes

    EXPECT_EQ(plan->travelMinutesBefore, 0.0);
    EXPECT_GT(plan->travelMinutesAfter, 0.0);
    expectNoRuleBroken(input, *plan, kMonday, 2);
}

TEST(AutoScheduler, BookedJobsStayUnlessReplanAndPinnedOnesAlways)
{
    AutoScheduleInput input;
    input.itemSkills = itemSkills();
    const Fitter f = fitter(1, {QStringLiteral("locks")});
    input.fitters = {f};
    // Booked at 08:30 although the householder is in from 11:00 to 12:00 only.
    Job misplaced = job(201, 0.01, 0.0, 60, {QStringLiteral("LOCK")});
    misplaced.availability.windows.append({{}, QTime(11, 0), QTime(12, 0)});
    input.jobs.append(booked(misplaced, f, local(kMonday, 8, 30)));
    input.jobs.append(booked(job(202, -0.01, 0.0, 60), f, local(kMonday, 13), true));
    input.jobs.append(job(203, 0.0, 0.01, 90, {QStringLiteral("LOCK")}));

    const Result<AutoSchedulePlan> kept = AutoScheduler::plan(input, horizon(kMonday, 1));
    ASSERT_TRUE(kept) << qPrintable(kept.errorString());
    EXPECT_EQ(kept->placed, 1);
    EXPECT_EQ(kept->moved, 0);
    EXPECT_EQ(changeOf(*kept, 201), nullptr);
    EXPECT_EQ(changeOf(*kept, 202), nullptr);
    const JobBooking *placed = changeOf(*kept, 203);
    ASSERT_NE(placed, nullptr);
    // Not over either booking.
    for (const Job &other : input.jobs) {
        if (other.fitterId == f.id) {
            EXPECT_FALSE(placed->start < other.end && other.start < placed->end);
        }
    }

    AutoScheduleRequest replan = horizon(kMonday, 1);
    replan.replan = true;
    const Result<AutoSchedulePlan> moved = AutoScheduler::plan(input, replan);
    ASSERT_TRUE(moved) << qPrintable(moved.errorString());
    EXPECT_EQ(moved->placed, 1);
    EXPECT_EQ(moved->moved, 1);
    EXPECT_EQ(changeOf(*moved, 202), nullptr); // pinned
    const JobBooking *window = changeOf(*moved, 201);
    ASSERT_NE(window, nullptr);
    EXPECT_EQ(window->wasStart, local(kMonday, 8, 30));
    EXPECT_EQ(window->wasStatus, JobStatus::Scheduled);
    EXPECT_GE(window->start, local(kMonday, 11));
    EXPECT_LE(window->start, local(kMonday, 12));
    expectNoRuleBroken(input, *moved, kMonday, 1);
}

TEST(AutoScheduler, FitterDayReordersThatDayOnly)
{
    AutoScheduleInput input;
    input.itemSkills = itemSkills();
    const Fitter one = fitter(1, {QStringLiteral("locks")});
    const Fitter two = fitter(2, {QStringLiteral("locks")});
    input.fitters = {one, two};
    // A zig-zag: far, near, far again on the other side.
    input.jobs.append(booked(job(301, 0.05, 0.0, 30), one, local(kMonday, 8, 30)));
    input.jobs.append(booked(job(302, -0.05, 0.0, 30), one, local(kMonday, 10)));
    input.jobs.append(booked(job(303, 0.051, 0.001, 30), one, local(kMonday, 12)));
    input.jobs.append(booked(job(304, -0.051, 0.001, 30), one, local(kMonday, 14)));
    input.jobs.append(booked(job(305, 0.0, 0.0, 30), two, local(kMonday, 9)));
    input.jobs.append(booked(job(306, 0.0, 0.0, 30), one, local(kTuesday, 9)));
    input.jobs.append(job(307, 0.0, 0.0, 30));

    AutoScheduleRequest request = horizon(kMonday, 1);
    request.scope = AutoScheduleScope::FitterDay;
    request.fitterId = one.id;
    const Result<AutoSchedulePlan> plan = AutoScheduler::plan(input, request);
    ASSERT_TRUE(plan) << qPrintable(plan.errorString());
    EXPECT_EQ(plan->placed, 0);
    EXPECT_TRUE(plan->unscheduled.isEmpty());
    for (const JobBooking &change : plan->changes) {
        EXPECT_EQ(change.fitterId, one.id);
        EXPECT_EQ(change.start.toTimeZone(QTimeZone("Europe/London")).date(), kMonday);
        EXPECT_NE(change.jobId, id(305));
        EXPECT_NE(change.jobId, id(306));
        EXPECT_NE(change.jobId, id(307));
    }
    EXPECT_GT(plan->moved, 0);
    // Both northern jobs together, then both southern: about half the driving.
    EXPECT_LT(plan->travelMinutesAfter, plan->travelMinutesBefore * 0.7);
    expectNoRuleBroken(input, *plan, kMonday, 2);
}

TEST(AutoScheduler, FitsOneJobInAndMovesNothingElse)
{
    AutoScheduleInput input;
    input.itemSkills = itemSkills();
    const Fitter one = fitter(1, {QStringLiteral("locks")});
    input.fitters = {one};
    input.jobs.append(booked(job(401, 0.01, 0.0, 120), one, local(kMonday, 8, 15)));
    input.jobs.append(booked(job(402, 0.02, 0.0, 120), one, local(kMonday, 11)));
    input.jobs.append(booked(job(403, 0.03, 0.0, 60), one, local(kMonday, 14)));
    input.jobs.append(job(404, 0.015, 0.0, 30, {QStringLiteral("LOCK")}));
    input.jobs.append(job(405, 0.015, 0.0, 30, {QStringLiteral("LOCK")}));

    AutoScheduleRequest request = horizon(kMonday, 1);
    request.scope = AutoScheduleScope::FitJobIn;
    request.jobId = id(404);
    const Result<AutoSchedulePlan> plan = AutoScheduler::plan(input, request);
    ASSERT_TRUE(plan) << qPrintable(plan.errorString());
    ASSERT_EQ(plan->changes.size(), 1);
    EXPECT_EQ(plan->changes[0].jobId, id(404));
    EXPECT_EQ(plan->placed, 1);
    expectNoRuleBroken(input, *plan, kMonday, 1);

    request.jobId = id(999);
    EXPECT_FALSE(AutoScheduler::plan(input, request));
}

TEST(AutoScheduler, NeverBooksOverABookingTheOptimiserCannotKeep)
{
    AutoScheduleInput input;
    input.itemSkills = itemSkills();
    const Fitter one = fitter(1, {QStringLiteral("locks")});
    input.fitters = {one};
    // Booked over each other already: the optimiser can keep only one, but both stay.
    input.jobs.append(booked(job(501, 0.0, 0.0, 60), one, local(kMonday, 10)));
    input.jobs.append(booked(job(503, 0.0, 0.0, 60), one, local(kMonday, 10, 30)));
    // Could only go where the second booking is.
    Job late = job(502, 0.0, 0.0, 20);
    late.availability.windows.append({{}, QTime(11, 0), QTime(11, 15)});
    input.jobs.append(late);

    const Result<AutoSchedulePlan> plan = AutoScheduler::plan(input, horizon(kMonday, 1));
    ASSERT_TRUE(plan) << qPrintable(plan.errorString());
    EXPECT_TRUE(plan->changes.isEmpty());
    EXPECT_EQ(reasonOf(*plan, 502), QStringLiteral("no_room"));
}

TEST(AutoScheduler, ACancelledRunProposesNothing)
{
    AutoScheduleInput input;
    input.itemSkills = itemSkills();
    for (int f = 1; f <= 3; ++f)
        input.fitters.append(fitter(f, {QStringLiteral("locks")}));
    for (int j = 0; j < 60; ++j)
        input.jobs.append(job(600 + j, 0.002 * (j % 10), 0.003 * (j / 10), 30));
    std::atomic<bool> cancel {false};
    int reports = 0;
    AutoScheduleRequest request = horizon(kMonday, 2);
    request.timeLimit = 30;
    const Result<AutoSchedulePlan> plan = AutoScheduler::plan(input, request, &cancel, [&](double) {
        if (++reports == 2)
            cancel = true; // half-way through the search
    });
    ASSERT_FALSE(plan);
    EXPECT_EQ(plan.error().kind, Error::Kind::Cancelled);
    EXPECT_GE(reports, 2);
}

TEST(AutoScheduler, SkillNamesAreBits)
{
    EXPECT_EQ(AutoScheduler::skillBits({}), 0u);
    EXPECT_EQ(AutoScheduler::skillBits({QStringLiteral("locks")}), 1u);
    EXPECT_EQ(AutoScheduler::skillBits({QStringLiteral("alarms"), QStringLiteral("general")}),
              2u | 8u);
    EXPECT_EQ(AutoScheduler::skillBits({QStringLiteral("juggling")}), 0u);
}

TEST(AutoScheduler, PlansAroundABookingAtTheStartOfTheShift)
{
    AutoScheduleInput input;
    input.itemSkills = itemSkills();
    const Fitter one = fitter(1, {QStringLiteral("locks")});
    input.fitters = {one};
    // Booked at 08:00 sharp, some minutes' drive from where the fitter starts: the optimiser
    // cannot reach it by then, yet it must plan around it, not over it.
    input.jobs.append(booked(job(701, 0.03, 0.0, 120), one, local(kMonday, 8)));
    Job morning = job(702, 0.031, 0.0, 60);
    morning.availability.windows.append({{}, QTime(8, 0), QTime(11, 0)});
    input.jobs.append(morning);

    const Result<AutoSchedulePlan> plan = AutoScheduler::plan(input, horizon(kMonday, 1));
    ASSERT_TRUE(plan) << qPrintable(plan.errorString());
    EXPECT_EQ(plan->placed, 1);
    EXPECT_TRUE(plan->unscheduled.isEmpty());
    const JobBooking *placed = changeOf(*plan, 702);
    ASSERT_NE(placed, nullptr);
    EXPECT_GE(placed->start, local(kMonday, 10)); // after the booking, with the short drive
    expectNoRuleBroken(input, *plan, kMonday, 1);
}

TEST(AutoScheduler, WindowsAreLocalTimeAcrossTheClockChange)
{
    // Clocks go forward on Sunday 28 March 2027: a horizon from Friday has a 23-hour Sunday.
    const QDate friday(2027, 3, 26);
    const QDate monday(2027, 3, 29);
    AutoScheduleInput input;
    input.itemSkills = itemSkills();
    const Fitter one = fitter(1, {QStringLiteral("locks")});
    input.fitters = {one};
    Job early = job(801, 0.0, 0.0, 30);
    early.availability.windows.append({{1}, QTime(8, 0), QTime(8, 0)}); // Mondays at 08:00
    input.jobs.append(early);

    const Result<AutoSchedulePlan> plan = AutoScheduler::plan(input, horizon(friday, 4));
    ASSERT_TRUE(plan) << qPrintable(plan.errorString());
    const JobBooking *placed = changeOf(*plan, 801);
    ASSERT_NE(placed, nullptr);
    EXPECT_EQ(placed->start, local(monday, 8));
    EXPECT_EQ(placed->start.toUTC().time(), QTime(7, 0)); // 08:00 BST
    EXPECT_EQ(placed->end, local(monday, 8, 30));
    expectNoRuleBroken(input, *plan, friday, 4);
}

TEST(AutoScheduler, ABusyWeekWithBookingsBreaksNoRule)
{
    // Jobs of every kind, some booked already (a few of them pinned), a fitter away for a
    // day, householders' windows (a few malformed, closing before they open): whatever the
    // optimiser does, no booking of the plan breaks a rule.
    AutoScheduleInput input;
    input.itemSkills = itemSkills();
    for (int f = 0; f < 4; ++f) {
        QStringList skills {QStringLiteral("locks")};
        if (f % 2 == 0)
            skills.append(QStringLiteral("alarms"));
        if (f == 1)
            skills.append(QStringLiteral("electrical"));
        Fitter one = fitter(f + 1, skills, 0.004 * f, -0.003 * f);
        if (f == 3)
            one.absences.append({kTuesday, kTuesday, QStringLiteral("training")});
        input.fitters.append(one);
    }
    std::uint64_t state = 12345;
    const auto next = [&](int n) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return int((state >> 33) % std::uint64_t(n));
    };
    for (int j = 0; j < 70; ++j) {
        QStringList items {QStringLiteral("LOCK")};
        if (next(4) == 0)
            items.append(QStringLiteral("ALARM"));
        if (next(8) == 0)
            items.append(QStringLiteral("LIGHT"));
        Job one = job(900 + j, 0.001 * next(40) - 0.02, 0.001 * next(40) - 0.02, 30 + 15 * next(5),
                      items);
        if (next(4) == 0)
            one.availability.windows.append({{}, QTime(9 + next(5), 0), QTime(12 + next(3), 0)});
        if (j < 12) {
            // Booked at 08:30 or 12:30 on Monday or Tuesday, one job to a slot, on the three
            // fitters who work both days.
            const Fitter &f = input.fitters[(j % 6) % 3];
            one.items = {{id(j + 50000), QStringLiteral("LOCK"), 1, 0, {}}};
            one.availability = {};
            one = booked(one, f, local(j < 6 ? kMonday : kTuesday, (j % 6) < 3 ? 8 : 12, 30),
                         j % 5 == 0);
        }
        input.jobs.append(one);
    }
    for (const bool replan : {false, true}) {
        AutoScheduleRequest request = horizon(kMonday, 2);
        request.replan = replan;
        const Result<AutoSchedulePlan> plan = AutoScheduler::plan(input, request);
        ASSERT_TRUE(plan) << qPrintable(plan.errorString());
        EXPECT_GT(plan->placed, 20);
        expectNoRuleBroken(input, *plan, kMonday, 2);
    }
}
