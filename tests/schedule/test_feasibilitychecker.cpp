#include "schedule/feasibilitychecker.h"

#include <gtest/gtest.h>

using namespace saferhomes;

namespace {

constexpr std::uint64_t kLocks = 1;
constexpr std::uint64_t kAlarms = 2;

// Two places 30 minutes apart; staying put takes no time.
const MatrixTravelModel kTravel(2, {0, 10, 10, 0}, {0, 30, 30, 0});

/// One fitter with locks, working 480-990 (08:00-16:30 of day one), away 1920-2880 (day two).
std::vector<CheckedFitter> oneFitter()
{
    return {{kLocks, {{480, 990}}, {{1920, 2880}}}};
}

std::vector<RuleBreak> check(const CheckedJob &job)
{
    return checkSchedule(oneFitter(), {job}, &kTravel).at(0);
}

struct Case {
    const char *name;
    CheckedJob job;
    std::vector<RuleBreak> expected;
};

} // namespace

TEST(FeasibilityChecker, EachRuleAndItsBoundaries)
{
    using R = ScheduleRule;
    const std::vector<Case> cases {
        {"inside everything", {0, 600, 660, 0, kLocks, {}}, {}},
        {"starts as the shift opens", {0, 480, 540, 0, kLocks, {}}, {}},
        {"ends as the shift closes", {0, 930, 990, 0, kLocks, {}}, {}},
        {"starts a minute early", {0, 479, 540, 0, kLocks, {}}, {{R::OutsideShift}}},
        {"ends a minute late", {0, 931, 991, 0, kLocks, {}}, {{R::OutsideShift}}},
        {"on an absence", {0, 2000, 2060, 0, kLocks, {}}, {{R::Absence}}},
        {"ends as the absence begins", {0, 1860, 1920, 0, kLocks, {}}, {{R::OutsideShift}}},
        {"missing skill", {0, 600, 660, 0, kLocks | kAlarms, {}}, {{R::MissingSkill}}},
        {"starts as the window opens", {0, 540, 600, 0, 0, {{540, 720}}}, {}},
        {"starts as the window closes", {0, 720, 780, 0, 0, {{540, 720}}}, {}},
        {"starts after the window", {0, 721, 781, 0, 0, {{540, 720}}}, {{R::WindowMissed}}},
        {"second window", {0, 800, 860, 0, 0, {{540, 720}, {780, 840}}}, {}},
        {"everything wrong",
         {0, 400, 460, 0, kAlarms, {{540, 720}}},
         {{R::OutsideShift}, {R::MissingSkill}, {R::WindowMissed}}},
    };
    for (const Case &c : cases)
        EXPECT_EQ(check(c.job), c.expected) << c.name;
    // A job not booked has nothing to check.
    EXPECT_TRUE(check({-1, 0, 5000, 0, kAlarms, {{1, 2}}}).empty());
}

TEST(FeasibilityChecker, DoubleBookingAndTravelBetweenConsecutiveJobs)
{
    using R = ScheduleRule;
    const auto pair = [](double secondStart, int secondLocation) {
        return checkSchedule(
            oneFitter(),
            {{0, 600, 660, 0, 0, {}}, {0, secondStart, secondStart + 60, secondLocation, 0, {}}},
            &kTravel);
    };
    // Back to back at the same place: fine; one minute of overlap: both double booked.
    EXPECT_EQ(pair(660, 0), (std::vector<std::vector<RuleBreak>> {{}, {}}));
    EXPECT_EQ(
        pair(659, 0),
        (std::vector<std::vector<RuleBreak>> {{{R::DoubleBooking, 1}}, {{R::DoubleBooking, 0}}}));
    // 30 minutes away: arriving exactly on time is fine, a minute short is not.
    EXPECT_EQ(pair(690, 1), (std::vector<std::vector<RuleBreak>> {{}, {}}));
    EXPECT_EQ(pair(689, 1), (std::vector<std::vector<RuleBreak>> {{}, {{R::TravelImpossible, 0}}}));
    // Two fitters may be at the same time anywhere.
    std::vector<CheckedFitter> two = oneFitter();
    two.push_back(two.front());
    EXPECT_EQ(checkSchedule(two, {{0, 600, 660, 0, 0, {}}, {1, 600, 660, 1, 0, {}}}, &kTravel),
              (std::vector<std::vector<RuleBreak>> {{}, {}}));
    // Without a travel model the travel rule is not checked.
    EXPECT_EQ(
        checkSchedule(oneFitter(), {{0, 600, 660, 0, 0, {}}, {0, 661, 700, 1, 0, {}}}, nullptr),
        (std::vector<std::vector<RuleBreak>> {{}, {}}));
    EXPECT_EQ(scheduleRuleName(R::TravelImpossible), QStringLiteral("travel_impossible"));
}
