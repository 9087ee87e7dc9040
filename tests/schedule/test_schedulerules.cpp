// The engine on the real schedule's terms (DESIGN §8): fitters' shifts as vehicle windows,
// skills, several availability windows per job, service times, travel matrices and callbacks,
// jobs pinned to a fitter, and a reason for every job left out.

#include "routingtestsupport.h"
#include "schedule/routesolver.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace saferhomes;

namespace {

RoutingOptions quick()
{
    RoutingOptions options;
    options.iterationLimit = 100;
    options.timeLimit = 60;
    return options;
}

/// Locations 0 (depot) and 1..n on a line, 10 minutes apart; distance equals minutes.
std::shared_ptr<TravelModel> lineTravel(int n)
{
    std::vector<QPointF> points;
    for (int i = 0; i <= n; ++i)
        points.push_back(QPointF(10.0 * i, 0));
    return std::make_shared<EuclideanTravelModel>(std::move(points));
}

RoutingJob job(int location, double service, std::vector<TimeWindow> windows = {})
{
    RoutingJob out;
    out.location = location;
    out.serviceTime = service;
    out.windows = std::move(windows);
    return out;
}

RoutingVehicle fitter(TimeWindow shift, std::uint64_t skills = ~std::uint64_t(0))
{
    RoutingVehicle out;
    out.shift = shift;
    out.skills = skills;
    return out;
}

const PlannedRoute *routeOf(const RoutingSolution &solution, int job)
{
    for (const PlannedRoute &route : solution.routes) {
        if (std::find(route.jobs.begin(), route.jobs.end(), job) != route.jobs.end())
            return &route;
    }
    return nullptr;
}

double startOf(const RoutingSolution &solution, int job)
{
    const PlannedRoute *route = routeOf(solution, job);
    const auto at = std::find(route->jobs.begin(), route->jobs.end(), job);
    return route->serviceStarts[size_t(at - route->jobs.begin())];
}

} // namespace

TEST(ScheduleRules, ShiftsDecideWhoTakesAJob)
{
    RoutingProblem problem;
    problem.travel = lineTravel(2);
    problem.jobs = {job(1, 30, {{0, 200}}), job(2, 30, {{600, 700}})};
    problem.vehicles = {fitter({0, 300}), fitter({400, 900})};
    const Result<RoutingSolution> solved = RouteSolver::solve(problem, quick());
    ASSERT_TRUE(solved);
    ASSERT_TRUE(solved->unplaced.empty());
    EXPECT_EQ(routeOf(*solved, 0)->vehicle, 0);
    EXPECT_EQ(routeOf(*solved, 1)->vehicle, 1);
    EXPECT_GE(startOf(*solved, 1), 600);
}

TEST(ScheduleRules, SkillsAndPinsDecideWhoMayTakeAJob)
{
    constexpr std::uint64_t kLocks = 1, kAlarms = 2, kElectrical = 4;
    RoutingProblem problem;
    problem.travel = lineTravel(4);
    problem.jobs = {job(1, 20), job(2, 20), job(3, 20), job(4, 20)};
    problem.jobs[0].requiredSkills = kAlarms;
    problem.jobs[1].requiredSkills = kLocks | kAlarms;
    problem.jobs[2].requiredSkills = kElectrical; // nobody has it
    problem.jobs[3].pinnedVehicle = 1;
    problem.vehicles = {fitter({0, 480}, kLocks), fitter({0, 480}, kLocks | kAlarms),
                        fitter({0, 480}, kLocks)};
    const Result<RoutingSolution> solved = RouteSolver::solve(problem, quick());
    ASSERT_TRUE(solved);
    EXPECT_EQ(routeOf(*solved, 0)->vehicle, 1);
    EXPECT_EQ(routeOf(*solved, 1)->vehicle, 1);
    EXPECT_EQ(routeOf(*solved, 3)->vehicle, 1);
    ASSERT_EQ(solved->unplaced.size(), 1u);
    EXPECT_EQ(solved->unplaced[0].job, 2);
    EXPECT_EQ(solved->unplaced[0].reason, UnplacedReason::Skill);
}

TEST(ScheduleRules, AJobWithSeveralWindowsUsesOneThatFits)
{
    RoutingProblem problem;
    problem.travel = lineTravel(2);
    // Monday morning or Tuesday morning (minutes of the week); the fitter works Tuesday.
    problem.jobs = {job(1, 45, {{540, 720}, {1980, 2160}}), job(2, 30, {{2000, 2100}})};
    problem.vehicles = {fitter({1920, 2430})};
    const Result<RoutingSolution> solved = RouteSolver::solve(problem, quick());
    ASSERT_TRUE(solved);
    ASSERT_TRUE(solved->unplaced.empty());
    const double first = startOf(*solved, 0);
    EXPECT_GE(first, 1980);
    EXPECT_LE(first, 2160);
    const double second = startOf(*solved, 1);
    EXPECT_GE(second, 2000);
    EXPECT_LE(second, 2100);
    // Service times and travel are kept between the two visits, whichever comes first.
    if (first < second)
        EXPECT_GE(second, first + 45 + 10);
    else
        EXPECT_GE(first, second + 30 + 10);
}

TEST(ScheduleRules, TravelFromAMatrixOrACallback)
{
    // Asymmetric: 0 -> 1 -> 2 -> 0 is short, the other way round long.
    const std::vector<double> minutes {0, 5, 50, 50, 0, 5, 5, 50, 0};
    RoutingProblem problem;
    problem.travel = std::make_shared<MatrixTravelModel>(3, minutes, minutes);
    problem.jobs = {job(1, 0), job(2, 0)};
    problem.vehicles = {fitter({0, 480})};
    Result<RoutingSolution> solved = RouteSolver::solve(problem, quick());
    ASSERT_TRUE(solved);
    ASSERT_EQ(solved->routes.size(), 1u);
    EXPECT_EQ(solved->routes[0].jobs, (std::vector<int> {0, 1}));
    EXPECT_DOUBLE_EQ(solved->distance, 15);

    problem.travel = std::make_shared<CallbackTravelModel>(
        3, [&](int a, int b) { return minutes[size_t(a * 3 + b)]; },
        [&](int a, int b) { return minutes[size_t(a * 3 + b)]; });
    solved = RouteSolver::solve(problem, quick());
    ASSERT_TRUE(solved);
    EXPECT_DOUBLE_EQ(solved->distance, 15);
}

TEST(ScheduleRules, GreatCircleTravel)
{
    // One degree of latitude is 111.2 km on the mean Earth; by road 1.3 times that, at 25 km/h.
    const GreatCircleTravelModel travel({QPointF(52.0, -1.0), QPointF(53.0, -1.0)});
    EXPECT_NEAR(travel.distance(0, 1), 111.195 * 1.3, 0.05);
    EXPECT_NEAR(travel.travelTime(0, 1), 111.195 * 1.3 / 25 * 60, 0.1);
}

TEST(ScheduleRules, EveryJobLeftOutSaysWhy)
{
    RoutingProblem problem;
    problem.travel = lineTravel(5);
    problem.jobs = {
        job(1, 30, {{0, 5}}), // 10 minutes away, window closes at 5: window
        job(2, 30, {{440, 470}}), // reachable in its window, but back after 480: shift
        job(3, 30), // too heavy for any van: capacity
        job(4, 60, {{100, 100}}), // these two both need 100 exactly, and there is one fitter:
        job(5, 60, {{100, 100}}), // one of them finds no room
    };
    problem.jobs[2].demand = 5;
    problem.vehicles = {fitter({0, 480})};
    problem.vehicles[0].capacity = 3;
    const Result<RoutingSolution> solved = RouteSolver::solve(problem, quick());
    ASSERT_TRUE(solved);
    std::map<int, UnplacedReason> reasons;
    for (const UnplacedJob &job : solved->unplaced)
        reasons[job.job] = job.reason;
    EXPECT_EQ(reasons.size(), 4u);
    EXPECT_EQ(reasons[0], UnplacedReason::Window);
    EXPECT_EQ(reasons[1], UnplacedReason::Shift);
    EXPECT_EQ(reasons[2], UnplacedReason::Capacity);
    EXPECT_TRUE(reasons.count(3) + reasons.count(4) == 1);
    EXPECT_EQ(reasons.count(3) ? reasons[3] : reasons[4], UnplacedReason::NoRoom);
    for (const PlannedRoute &route : solved->routes)
        EXPECT_TRUE(routingtest::feasible(problem, route.vehicle, route.jobs));
    EXPECT_EQ(unplacedReasonName(UnplacedReason::NoRoom), QStringLiteral("no_room"));
}

TEST(ScheduleRules, AnInvalidProblemIsRefused)
{
    RoutingProblem problem;
    problem.travel = lineTravel(1);
    problem.jobs = {job(7, 0)};
    problem.vehicles = {fitter({0, 480})};
    const Result<RoutingSolution> solved = RouteSolver::solve(problem, quick());
    ASSERT_FALSE(solved);
    EXPECT_TRUE(solved.errorString().contains(QStringLiteral("location"))) 
        << solved.errorString().toStdString();
}
