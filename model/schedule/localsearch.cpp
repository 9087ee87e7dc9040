#include "localsearch.h"

#include <algorithm>
#include <array>
#include <limits>

namespace saferhomes {

namespace {

constexpr double kImproves = -1e-7;
constexpr double kNoMove = std::numeric_limits<double>::infinity();

// (jobs taken from U's route, jobs taken from V's route): relocations first, then swaps.
constexpr std::array<std::pair<int, int>, 9> kExchanges {
    {{1, 0}, {2, 0}, {3, 0}, {1, 1}, {2, 1}, {3, 1}, {2, 2}, {3, 2}, {3, 3}}};

std::vector<int> collect(std::span<const JobRange> pieces)
{
    std::vector<int> jobs;
    for (const JobRange &piece : pieces) {
        for (int i = piece.from; i <= piece.to; ++i)
            jobs.push_back(piece.route->jobs[size_t(i)]);
    }
    return jobs;
}

} // namespace

LocalSearch::LocalSearch(SearchState &state, std::mt19937_64 &random)
    : m_state(state)
    , m_random(random)
    , m_lastTested(size_t(state.problem().jobCount()), -1)
{
    for (int j = 0; j < state.problem().jobCount(); ++j)
        m_order.push_back(j);
}

void LocalSearch::run(int maxRoutes, const std::function<bool()> &stop)
{
    // Pairs already tested need no new test unless one of their routes changed since, or the
    // penalties did (then every pair's value changed).
    const Penalties &penalties = m_state.penalties();
    if (penalties.timeWarp != m_penalties.timeWarp || penalties.load != m_penalties.load
        || penalties.route != m_penalties.route) {
        std::fill(m_lastTested.begin(), m_lastTested.end(), -1);
        m_penalties = penalties;
    }
    for (size_t i = m_order.size(); i > 1; --i)
        std::swap(m_order[i - 1], m_order[size_t(m_random() % i)]);
    bool improved = true;
    while (improved) {
        improved = false;
        for (int u : m_order) {
            if (stop())
                return;
            const std::int64_t lastTested = m_lastTested[size_t(u)];
            m_lastTested[size_t(u)] = m_state.clock();
            if (improveJob(u, lastTested, maxRoutes))
                improved = true;
        }
    }
}

bool LocalSearch::improveJob(int u, std::int64_t lastTested, int maxRoutes)
{
    const SearchProblem &problem = m_state.problem();
    if (m_state.routeOf(u) < 0)
        return false;
    for (int v : problem.neighbours(u)) {
        const int r1 = m_state.routeOf(u);
        const int r2 = m_state.routeOf(v);
        if (r2 < 0)
            continue;
        if (std::max(m_state.routes()[size_t(r1)].modified, m_state.routes()[size_t(r2)].modified)
            <= lastTested)
            continue;
        for (const auto &[n, m] : kExchanges) {
            if (exchange(u, n, v, m, true) < kImproves)
                return true;
        }
        if (r1 != r2 && swapTails(u, v, true) < kImproves)
            return true;
        if (m_state.positionOf(v) == 0) {
            const int depot = -1 - r2;
            for (int n = 1; n <= 3; ++n) {
                if (exchange(u, n, depot, 0, true) < kImproves)
                    return true;
            }
            if (r1 != r2 && swapTails(u, depot, true) < kImproves)
                return true;
        }
    }
    const int r1 = m_state.routeOf(u);
    if (m_state.routes()[size_t(r1)].modified <= lastTested
        || m_state.routes()[size_t(r1)].size() < 2 || m_state.routesUsed() >= maxRoutes)
        return false;
    std::vector<int> classesTried;
    for (const SearchRoute &route : m_state.routes()) {
        const int vehicleClass = problem.vehicleClass(route.vehicle);
        if (!route.empty()
            || std::find(classesTried.begin(), classesTried.end(), vehicleClass)
                != classesTried.end())
            continue;
        classesTried.push_back(vehicleClass);
        if (moveToEmpty(u, route.vehicle, true) < kImproves)
            return true;
    }
    return false;
}

double LocalSearch::exchange(int u, int n, int v, int m, bool apply)
{
    const SearchProblem &problem = m_state.problem();
    const int r1 = m_state.routeOf(u);
    const int r2 = v >= 0 ? m_state.routeOf(v) : -1 - v;
    if (r1 < 0 || r2 < 0 || (v < 0 && m > 0))
        return kNoMove;
    const SearchRoute &a = m_state.routes()[size_t(r1)];
    const SearchRoute &b = m_state.routes()[size_t(r2)];
    const int p = m_state.positionOf(u);
    const int q = v >= 0 ? m_state.positionOf(v) : -1;
    if (p + n > a.size() || q + m > b.size() || b.empty())
        return kNoMove;

    if (r1 != r2) {
        if (!problem.everyVehicleTakesEveryJob()) {
            for (int i = p; i < p + n; ++i) {
                if (!problem.mayTake(b.vehicle, a.jobs[size_t(i)]))
                    return kNoMove;
            }
            for (int i = q; i < q + m; ++i) {
                if (!problem.mayTake(a.vehicle, b.jobs[size_t(i)]))
                    return kNoMove;
            }
        }
        const int bEnd = b.size() - 1;
        const std::array<JobRange, 3> first {
            {{&a, 0, p - 1}, {&b, q, q + m - 1}, {&a, p + n, a.size() - 1}}};
        const std::array<JobRange, 3> second
            = m > 0 ? std::array<JobRange, 3> {{{&b, 0, q - 1}, {&a, p, p + n - 1}, {&b, q + m, bEnd}}}
                    : std::array<JobRange, 3> {{{&b, 0, q}, {&a, p, p + n - 1}, {&b, q + 1, bEnd}}};
        if (apply
            && m_state.lowerBound(a.vehicle, first) + m_state.lowerBound(b.vehicle, second)
                    - a.cost - b.cost
            >= kImproves)
            return kNoMove;
        const double delta = m_state.evaluate(a.vehicle, first)
            + m_state.evaluate(b.vehicle, second) - a.cost - b.cost;
        if (apply && delta < kImproves) {
            std::vector<int> firstJobs = collect(first);
            std::vector<int> secondJobs = collect(second);
            m_state.setJobs(r1, std::move(firstJobs));
            m_state.setJobs(r2, std::move(secondJobs));
        }
        return delta;
    }

    // Within one route.
    const int end = a.size() - 1;
    std::array<JobRange, 5> pieces;
    if (m == 0) {
        if (q >= p - 1 && q <= p + n - 1)
            return kNoMove;
        if (q < p)
            pieces = {{{&a, 0, q}, {&a, p, p + n - 1}, {&a, q + 1, p - 1}, {&a, p + n, end},
                       {&a, 1, 0}}};
        else
            pieces = {{{&a, 0, p - 1}, {&a, p + n, q}, {&a, p, p + n - 1}, {&a, q + 1, end},
                       {&a, 1, 0}}};
    } else {
        if (q <= p + n - 1 && p <= q + m - 1)
            return kNoMove;
        if (p < q)
            pieces = {{{&a, 0, p - 1},
                       {&a, q, q + m - 1},
                       {&a, p + n, q - 1},
                       {&a, p, p + n - 1},
                       {&a, q + m, end}}};
        else
            pieces = {{{&a, 0, q - 1},
                       {&a, p, p + n - 1},
                       {&a, q + m, p - 1},
                       {&a, q, q + m - 1},
                       {&a, p + n, end}}};
    }
    if (apply && m_state.lowerBound(a.vehicle, pieces) - a.cost >= kImproves)
        return kNoMove;
    const double delta = m_state.evaluate(a.vehicle, pieces) - a.cost;
    if (apply && delta < kImproves)
        m_state.setJobs(r1, collect(pieces));
    return delta;
}

double LocalSearch::swapTails(int u, int v, bool apply)
{
    const SearchProblem &problem = m_state.problem();
    const int r1 = m_state.routeOf(u);
    const int r2 = v >= 0 ? m_state.routeOf(v) : -1 - v;
    if (r1 < 0 || r2 < 0 || r1 == r2)
        return kNoMove;
    const SearchRoute &a = m_state.routes()[size_t(r1)];
    const SearchRoute &b = m_state.routes()[size_t(r2)];
    if (b.empty())
        return kNoMove;
    const int p = m_state.positionOf(u);
    const int q = v >= 0 ? m_state.positionOf(v) : -1;
    if (!problem.everyVehicleTakesEveryJob()) {
        for (int i = p + 1; i < a.size(); ++i) {
            if (!problem.mayTake(b.vehicle, a.jobs[size_t(i)]))
                return kNoMove;
        }
        for (int i = q + 1; i < b.size(); ++i) {
            if (!problem.mayTake(a.vehicle, b.jobs[size_t(i)]))
                return kNoMove;
        }
    }
    const std::array<JobRange, 2> first {{{&a, 0, p}, {&b, q + 1, b.size() - 1}}};
    const std::array<JobRange, 2> second {{{&b, 0, q}, {&a, p + 1, a.size() - 1}}};
    if (apply
        && m_state.lowerBound(a.vehicle, first) + m_state.lowerBound(b.vehicle, second) - a.cost
                - b.cost
            >= kImproves)
        return kNoMove;
    const double delta = m_state.evaluate(a.vehicle, first) + m_state.evaluate(b.vehicle, second)
        - a.cost - b.cost;
    if (apply && delta < kImproves) {
        std::vector<int> firstJobs = collect(first);
        std::vector<int> secondJobs = collect(second);
        m_state.setJobs(r1, std::move(firstJobs));
        m_state.setJobs(r2, std::move(secondJobs));
    }
    return delta;
}

double LocalSearch::moveToEmpty(int u, int vehicle, bool apply)
{
    const int r1 = m_state.routeOf(u);
    if (r1 < 0 || r1 == vehicle || !m_state.routes()[size_t(vehicle)].empty()
        || !m_state.problem().mayTake(vehicle, u))
        return kNoMove;
    const SearchRoute &a = m_state.routes()[size_t(r1)];
    const int p = m_state.positionOf(u);
    const std::array<JobRange, 2> rest {{{&a, 0, p - 1}, {&a, p + 1, a.size() - 1}}};
    const std::array<JobRange, 1> alone {{{&a, p, p}}};
    const double delta
        = m_state.evaluate(a.vehicle, rest) + m_state.evaluate(vehicle, alone) - a.cost;
    if (apply && delta < kImproves) {
        std::vector<int> restJobs = collect(rest);
        m_state.setJobs(r1, std::move(restJobs));
        m_state.setJobs(vehicle, {u});
    }
    return delta;
}

} // namespace saferhomes
