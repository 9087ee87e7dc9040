#pragma once

// Helpers of the optimiser's tests, written from the problem's definition, not from the solver:
// a schedule simulated visit by visit, and an enumerator of every solution of a tiny instance.

#include "schedule/routingproblem.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

namespace routingtest {

using saferhomes::RoutingProblem;

/// What a route costs, found by driving it: leave the start at the shift's opening, wait when
/// early, and when late count the lateness and carry on as if on time ("time warp").
struct Driven {
    double distance = 0;
    double timeWarp = 0;
    double load = 0;
};

/// \a window: which of each job's windows it uses (empty: the first).
inline Driven drive(const RoutingProblem &problem, int vehicle, const std::vector<int> &jobs,
                    const std::vector<int> &window = {})
{
    Driven out;
    if (jobs.empty())
        return out;
    const saferhomes::RoutingVehicle &v = problem.vehicles[size_t(vehicle)];
    double time = v.shift.open;
    int at = v.startLocation;
    for (int job : jobs) {
        const saferhomes::RoutingJob &j = problem.jobs[size_t(job)];
        out.distance += problem.travel->distance(at, j.location);
        time += problem.travel->travelTime(at, j.location);
        saferhomes::TimeWindow w;
        if (!j.windows.empty())
            w = j.windows[window.empty() ? 0 : size_t(window[size_t(job)])];
        time = std::max(time, w.open);
        if (time > w.close) {
            out.timeWarp += time - w.close;
            time = w.close;
        }
        time += j.serviceTime;
        out.load += j.demand;
        at = j.location;
    }
    out.distance += problem.travel->distance(at, v.endLocation);
    time += problem.travel->travelTime(at, v.endLocation);
    if (time > v.shift.close)
        out.timeWarp += time - v.shift.close;
    return out;
}

inline bool feasible(const RoutingProblem &problem, int vehicle, const std::vector<int> &jobs)
{
    const Driven d = drive(problem, vehicle, jobs);
    return d.timeWarp <= 1e-9 && d.load <= problem.vehicles[size_t(vehicle)].capacity + 1e-9;
}

/// The least total distance of a solution serving every job, over every assignment of the
/// jobs, in every order, to identical vehicles (tiny instances only); infinity when none is
/// feasible. \a vehiclesUsed receives the vehicles of that solution.
inline double bruteForceOptimum(const RoutingProblem &problem, int *vehiclesUsed = nullptr)
{
    const int n = int(problem.jobs.size());
    const int fleet = int(problem.vehicles.size());
    std::vector<int> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    double best = std::numeric_limits<double>::infinity();
    do {
        // Each of the n - 1 gaps between consecutive jobs either ends a route or not.
        for (int cuts = 0; cuts < (1 << std::max(n - 1, 0)); ++cuts) {
            const int routes = 1 + __builtin_popcount(unsigned(cuts));
            if (routes > fleet)
                continue;
            double total = 0;
            bool ok = true;
            std::vector<int> route;
            for (int i = 0; i < n && ok; ++i) {
                route.push_back(order[size_t(i)]);
                if (i == n - 1 || (cuts >> i & 1)) {
                    ok = feasible(problem, 0, route);
                    total += drive(problem, 0, route).distance;
                    route.clear();
                }
            }
            if (ok && total < best - 1e-9) {
                best = total;
                if (vehiclesUsed)
                    *vehiclesUsed = routes;
            }
        }
    } while (std::next_permutation(order.begin(), order.end()));
    return best;
}

/// A random instance on a 100 x 100 square: \a jobs jobs with windows (some tight), demands,
/// service times; \a vehicles identical vehicles from a central depot.
inline RoutingProblem randomProblem(std::mt19937 &random, int jobs, int vehicles,
                                    double capacity = 50)
{
    std::uniform_real_distribution<double> coordinate(0, 100);
    std::uniform_real_distribution<double> unit(0, 1);
    std::vector<QPointF> points {QPointF(50, 50)};
    RoutingProblem problem;
    for (int j = 0; j < jobs; ++j) {
        points.push_back(QPointF(coordinate(random), coordinate(random)));
        saferhomes::RoutingJob job;
        job.location = j + 1;
        job.demand = std::floor(unit(random) * 20) + 1;
        job.serviceTime = std::floor(unit(random) * 10);
        const double open = std::floor(unit(random) * 300);
        job.windows = {{open, open + 10 + std::floor(unit(random) * 150)}};
        problem.jobs.push_back(job);
    }
    saferhomes::RoutingVehicle vehicle;
    vehicle.shift = {0, 600};
    vehicle.capacity = capacity;
    problem.vehicles.assign(size_t(vehicles), vehicle);
    problem.travel = std::make_shared<saferhomes::EuclideanTravelModel>(std::move(points));
    return problem;
}

} // namespace routingtest
