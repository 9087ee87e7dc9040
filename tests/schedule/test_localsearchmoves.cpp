// Every local-search move's value (constant-time, from the routes' segments) against the cost of
// the routes it produces, rebuilt by hand and driven visit by visit.

#include "routingtestsupport.h"
#include "schedule/localsearch.h"
#include "schedule/searchproblem.h"
#include "schedule/searchstate.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace saferhomes;
using routingtest::drive;

namespace {

struct Fixture {
    RoutingProblem problem;
    SearchProblem data;
    SearchState state;
    std::mt19937_64 engine {3};
    LocalSearch search;
    std::vector<std::vector<int>> routes;

    Fixture(RoutingProblem p, std::mt19937 &random, double routeCost)
        : problem(std::move(p))
        , data(problem, 8)
        , state(data)
        , search(state, engine)
    {
        state.penalties() = {3.0, 2.0, routeCost, 1e6};
        std::vector<int> jobs(problem.jobs.size());
        std::iota(jobs.begin(), jobs.end(), 0);
        std::shuffle(jobs.begin(), jobs.end(), random);
        routes.assign(problem.vehicles.size(), {});
        // The last vehicle stays empty, for moves into an empty route.
        const size_t used = problem.vehicles.size() - 1;
        for (size_t i = 0; i < jobs.size(); ++i)
            routes[i % used].push_back(jobs[i]);
        for (size_t r = 0; r < routes.size(); ++r)
            state.setJobs(int(r), routes[r]);
    }

    double cost(int vehicle, const std::vector<int> &jobs) const
    {
        if (jobs.empty())
            return 0;
        const routingtest::Driven d = drive(problem, vehicle, jobs);
        return d.distance + 3.0 * d.timeWarp
            + 2.0 * std::max(d.load - problem.vehicles[size_t(vehicle)].capacity, 0.0)
            + state.penalties().route;
    }
    double total(const std::vector<std::vector<int>> &all) const
    {
        double sum = 0;
        for (size_t r = 0; r < all.size(); ++r)
            sum += cost(int(r), all[r]);
        return sum;
    }
    std::pair<int, int> where(int job) const
    {
        for (size_t r = 0; r < routes.size(); ++r) {
            const auto at = std::find(routes[r].begin(), routes[r].end(), job);
            if (at != routes[r].end())
                return {int(r), int(at - routes[r].begin())};
        }
        return {-1, -1};
    }
};

/// The routes after exchanging n jobs from U with m jobs from V (m = 0: moving them after V,
/// or to the front of route -1 - v), built by hand; empty when the move does not exist.
std::optional<std::vector<std::vector<int>>> exchanged(const Fixture &f, int u, int n, int v,
                                                       int m)
{
    std::vector<std::vector<int>> out = f.routes;
    const auto [r1, p] = f.where(u);
    if (p + n > int(out[size_t(r1)].size()))
        return std::nullopt;
    const std::vector<int> a(out[size_t(r1)].begin() + p, out[size_t(r1)].begin() + p + n);
    if (m == 0) {
        if (v >= 0 && std::find(a.begin(), a.end(), v) != a.end())
            return std::nullopt;
        auto &from = out[size_t(r1)];
        from.erase(from.begin() + p, from.begin() + p + n);
        const int r2 = v >= 0 ? f.where(v).first : -1 - v;
        auto &to = out[size_t(r2)];
        const auto after
            = v >= 0 ? std::find(to.begin(), to.end(), v) + 1 : to.begin();
        to.insert(after, a.begin(), a.end());
        if (out == f.routes)
            return std::nullopt;
        return out;
    }
    const auto [r2, q] = f.where(v);
    if (q + m > int(out[size_t(r2)].size()))
        return std::nullopt;
    const std::vector<int> b(out[size_t(r2)].begin() + q, out[size_t(r2)].begin() + q + m);
    for (int job : a) {
        if (std::find(b.begin(), b.end(), job) != b.end())
            return std::nullopt;
    }
    if (r1 == r2 && ((p < q && p + n > q) || (q < p && q + m > p)))
        return std::nullopt;
    // Swap the two blocks: mark them, then expand the marks the other way round.
    std::vector<std::vector<int>> marked = f.routes;
    auto mark = [](std::vector<int> &route, int at, int count, int marker) {
        route.erase(route.begin() + at, route.begin() + at + count);
        route.insert(route.begin() + at, marker);
    };
    if (r1 == r2 && q > p) {
        mark(marked[size_t(r1)], q, m, -2);
        mark(marked[size_t(r1)], p, n, -1);
    } else {
        mark(marked[size_t(r1)], p, n, -1);
        mark(marked[size_t(r2)], q, m, -2);
    }
    for (auto &route : marked) {
        std::vector<int> expanded;
        for (int job : route) {
            if (job == -1)
                expanded.insert(expanded.end(), b.begin(), b.end());
            else if (job == -2)
                expanded.insert(expanded.end(), a.begin(), a.end());
            else
                expanded.push_back(job);
        }
        route = expanded;
    }
    return marked;
}

} // namespace

TEST(LocalSearchMoves, ExchangeValuesMatchRecomputedRoutes)
{
    std::mt19937 random(5);
    int checked = 0;
    for (int trial = 0; trial < 8; ++trial) {
        for (double routeCost : {0.0, 25.0}) {
            Fixture f(routingtest::randomProblem(random, 14, 5, 40), random, routeCost);
            const double before = f.total(f.routes);
            ASSERT_NEAR(f.state.penalisedCost(), before, 1e-6);
            for (int u = 0; u < 14; ++u) {
                for (int v = -5; v < 14; ++v) {
                    if (v == u)
                        continue;
                    for (auto [n, m] : std::vector<std::pair<int, int>> {
                             {1, 0}, {2, 0}, {3, 0}, {1, 1}, {2, 1}, {2, 2}, {3, 1}, {3, 3}}) {
                        if (v < 0 && m > 0)
                            continue;
                        if (v < 0 && f.routes[size_t(-1 - v)].empty())
                            continue;
                        const auto expected = exchanged(f, u, n, v, m);
                        const double delta = f.search.exchange(u, n, v, m, false);
                        if (!expected) {
                            EXPECT_TRUE(std::isinf(delta) || std::abs(delta) < 1e-9);
                            continue;
                        }
                        ASSERT_FALSE(std::isinf(delta))
                            << "u " << u << " n " << n << " v " << v << " m " << m;
                        ASSERT_NEAR(delta, f.total(*expected) - before, 1e-6)
                            << "u " << u << " n " << n << " v " << v << " m " << m;
                        ++checked;
                    }
                }
            }
        }
    }
    EXPECT_GT(checked, 2000);
}

TEST(LocalSearchMoves, SwapTailsAndMoveToEmptyMatchRecomputedRoutes)
{
    std::mt19937 random(9);
    for (int trial = 0; trial < 15; ++trial) {
        Fixture f(routingtest::randomProblem(random, 12, 4, 40), random, 10.0);
        const double before = f.total(f.routes);
        for (int u = 0; u < 12; ++u) {
            const auto [r1, p] = f.where(u);
            for (int v = -4; v < 12; ++v) {
                const int r2 = v >= 0 ? f.where(v).first : -1 - v;
                const int q = v >= 0 ? f.where(v).second : -1;
                if (r1 == r2 || f.routes[size_t(r2)].empty())
                    continue;
                auto expected = f.routes;
                const auto &a = f.routes[size_t(r1)];
                const auto &b = f.routes[size_t(r2)];
                expected[size_t(r1)].assign(a.begin(), a.begin() + p + 1);
                expected[size_t(r1)].insert(expected[size_t(r1)].end(), b.begin() + q + 1,
                                            b.end());
                expected[size_t(r2)].assign(b.begin(), b.begin() + q + 1);
                expected[size_t(r2)].insert(expected[size_t(r2)].end(), a.begin() + p + 1,
                                            a.end());
                ASSERT_NEAR(f.search.swapTails(u, v, false), f.total(expected) - before, 1e-6);
            }
            auto expected = f.routes;
            expected[size_t(r1)].erase(expected[size_t(r1)].begin() + p);
            expected[3] = {u};
            ASSERT_NEAR(f.search.moveToEmpty(u, 3, false), f.total(expected) - before, 1e-6);
        }
    }
}

TEST(LocalSearchMoves, SearchEndsInALocalOptimumWhoseCostIsTrue)
{
    std::mt19937 random(13);
    for (int trial = 0; trial < 20; ++trial) {
        Fixture f(routingtest::randomProblem(random, 20, 6, 60), random, 0.0);
        const double before = f.state.penalisedCost();
        f.search.run(6, [] { return false; });
        std::vector<std::vector<int>> after;
        for (const SearchRoute &route : f.state.routes())
            after.push_back(route.jobs);
        EXPECT_NEAR(f.state.penalisedCost(), f.total(after), 1e-6);
        EXPECT_LE(f.state.penalisedCost(), before + 1e-9);
        // Every job still served exactly once.
        std::vector<int> seen(20, 0);
        for (const auto &route : after) {
            for (int job : route)
                ++seen[size_t(job)];
        }
        EXPECT_EQ(seen, std::vector<int>(20, 1));
        // No single relocation improves any more.
        for (int u = 0; u < 20; ++u) {
            for (int v : f.data.neighbours(u))
                EXPECT_GE(f.search.exchange(u, 1, v, 0, false), -1e-6);
        }
    }
}
