// The "stock short" rule (DESIGN §8): the shared feasibility checker marks a booked job whose
// items are neither reserved for it, nor in its fitter's van, nor at the depot once the jobs
// before it took theirs; the board (ScheduleService) shows it and auto-schedule leaves such a
// job out with the reason "stock".

#include "../schedule/autoscheduletestsupport.h"
#include "schedule/feasibilitychecker.h"
#include "service/scheduleservice.h"

#include <gtest/gtest.h>

using namespace saferhomes;
using saferhomes::autoscheduletest::booked;
using saferhomes::autoscheduletest::fitter;
using saferhomes::autoscheduletest::id;
using saferhomes::autoscheduletest::job;
using saferhomes::autoscheduletest::local;

namespace {

const QDate kMonday(2026, 12, 7);

QList<ScheduleRule> rulesOf(const QHash<QUuid, QList<JobRuleBreak>> &marks, int n)
{
    QList<ScheduleRule> rules;
    for (const JobRuleBreak &broken : marks.value(id(n)))
        rules.append(broken.rule);
    return rules;
}

TEST(StockRule, JobsTakeTheirItemsInStartOrderFromTheVanElseTheDepot)
{
    // Item 0: one in fitter 0's van, one at the depot; item 1: nowhere.
    std::vector<CheckedFitter> fitters(2);
    fitters[0].working = {{0, 1000}};
    fitters[1].working = {{0, 1000}};
    CheckedStock stock;
    stock.vans = {{1}, {}};
    stock.depot = {1, 0};
    stock.needed.resize(5);
    std::vector<CheckedJob> jobs(5);
    const auto place = [&](int j, int fitter, double start, std::vector<std::pair<int, int>> need) {
        jobs[size_t(j)].fitter = fitter;
        jobs[size_t(j)].start = start;
        jobs[size_t(j)].end = start + 10;
        stock.needed[size_t(j)] = std::move(need);
    };
    place(0, 0, 300, {{0, 1}}); // third in time: van and depot are empty by then
    place(1, 0, 100, {{0, 1}}); // first: the van's
    place(2, 1, 200, {{0, 1}}); // second, fitter 1 (empty van): the depot's
    place(3, 1, 400, {{1, 1}}); // nowhere
    place(4, 1, 500, {}); // needs nothing not reserved for it
    const auto breaks = checkSchedule(fitters, jobs, nullptr, &stock);
    ASSERT_EQ(breaks.size(), 5U);
    EXPECT_EQ(breaks[0], std::vector<RuleBreak>({{ScheduleRule::StockShort}}));
    EXPECT_TRUE(breaks[1].empty());
    EXPECT_TRUE(breaks[2].empty());
    EXPECT_EQ(breaks[3], std::vector<RuleBreak>({{ScheduleRule::StockShort}}));
    EXPECT_TRUE(breaks[4].empty());
    EXPECT_EQ(scheduleRuleName(ScheduleRule::StockShort), QStringLiteral("stock_short"));
}

TEST(StockRule, TheBoardMarksAJobWhoseItemsAreNotAvailable)
{
    const Fitter alice = fitter(1, {QStringLiteral("locks"), QStringLiteral("alarms")});
    ScheduleSnapshot snapshot;
    snapshot.fitters = {alice};
    snapshot.equipmentSkills = autoscheduletest::itemSkills();
    const QString van = StockLocation::van(alice.id);
    // One LOCK free in Alice's van, none at the depot; an ALARM reserved for job 3 already.
    snapshot.stock.available
        = {{van, {{QStringLiteral("LOCK"), 1}}},
           {StockLocation::depot(), {{QStringLiteral("LOCK"), 0}, {QStringLiteral("ALARM"), 0}}}};
    snapshot.stock.reserved = {{id(3), {{QStringLiteral("ALARM"), 1}}}};
    snapshot.jobs
        = {booked(job(1, 0, 0, 60, {QStringLiteral("LOCK")}), alice, local(kMonday, 9)),
           booked(job(2, 0, 0, 60, {QStringLiteral("LOCK")}), alice, local(kMonday, 11)),
           booked(job(3, 0, 0, 60, {QStringLiteral("ALARM")}), alice, local(kMonday, 13)),
           // LIGHT has never been in the ledger: not kept in stock, never short.
           booked(job(4, 0, 0, 60, {QStringLiteral("LIGHT")}), alice, local(kMonday, 15))};
    const QHash<QUuid, QList<JobRuleBreak>> marks = ScheduleService::ruleBreaks(snapshot);
    EXPECT_EQ(rulesOf(marks, 1), QList<ScheduleRule>());
    EXPECT_EQ(rulesOf(marks, 2), QList<ScheduleRule>({ScheduleRule::StockShort}));
    EXPECT_EQ(rulesOf(marks, 3), QList<ScheduleRule>());
    EXPECT_EQ(rulesOf(marks, 4), QList<ScheduleRule>({ScheduleRule::MissingSkill}));
}

TEST(StockRule, AutoScheduleLeavesOutAJobWhoseItemsAreNowhereWithTheReasonStock)
{
    AutoScheduleInput input;
    input.itemSkills = autoscheduletest::itemSkills();
    input.fitters = {fitter(1, {QStringLiteral("locks"), QStringLiteral("alarms")})};
    input.jobs = {job(101, 0.01, 0.0, 60, {QStringLiteral("LOCK")}),
                  job(102, -0.01, 0.0, 60, {QStringLiteral("ALARM")})};
    // The depot has one LOCK and no ALARM.
    input.stock.available
        = {{StockLocation::depot(), {{QStringLiteral("LOCK"), 1}, {QStringLiteral("ALARM"), 0}}}};
    AutoScheduleRequest request;
    request.scope = AutoScheduleScope::Horizon;
    request.from = kMonday;
    request.days = 1;
    request.timeLimit = 1.0;
    const Result<AutoSchedulePlan> plan = AutoScheduler::plan(input, request);
    ASSERT_TRUE(plan) << qPrintable(plan.errorString());
    EXPECT_EQ(plan->placed, 1);
    ASSERT_EQ(plan->changes.size(), 1);
    EXPECT_EQ(plan->changes[0].jobId, id(101));
    ASSERT_EQ(plan->unscheduled.size(), 1);
    EXPECT_EQ(plan->unscheduled[0].jobId, id(102));
    EXPECT_EQ(plan->unscheduled[0].reason, QStringLiteral("stock"));
}

} // namespace
