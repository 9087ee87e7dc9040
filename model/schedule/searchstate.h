#pragma once

#include "schedule/searchproblem.h"

#include <cstdint>
#include <span>
#include <vector>

namespace saferhomes {

/// How much each kind of violation costs in the penalised objective the search minimises.
struct Penalties {
    double timeWarp = 1; ///< per time unit of warp
    double load = 1; ///< per unit of load over capacity
    double route = 0; ///< per vehicle used
    double unplaced = 1e9; ///< per job left out
};

/// One vehicle's route during the search, with the prefix and suffix data that make a move's
/// evaluation constant-time: fwd[i] covers jobs[0..i], bwd[i] covers jobs[i..end] (depots not
/// included, so a piece of one vehicle's route can be judged inside another's).
struct SearchRoute {
    int vehicle = -1;
    std::vector<int> jobs;
    std::vector<TimeWarpSegment> fwd;
    std::vector<TimeWarpSegment> bwd;
    std::vector<double> cumDistance; ///< distance from jobs[0] to jobs[i]
    std::vector<double> cumLoad; ///< demand of jobs[0..i]
    double distance = 0; ///< depot to depot
    double load = 0;
    double timeWarp = 0;
    double cost = 0; ///< penalised
    std::int64_t modified = 0; ///< when it last changed (the state's clock)

    int size() const { return int(jobs.size()); }
    bool empty() const { return jobs.empty(); }
};

/// A consecutive piece jobs[from..to] of a route (empty when from > to), or one unplaced job
/// in a given window (route null, from = job, to = window).
struct JobRange {
    const SearchRoute *route = nullptr;
    int from = 0;
    int to = -1;

    static JobRange single(int job, int window) { return {nullptr, job, window}; }
};

/// A solution kept aside (the current one, the best one): each vehicle's jobs and each job's
/// window, with its totals.
struct SearchPlan {
    std::vector<std::vector<int>> routes;
    std::vector<int> windows;
    std::vector<std::int64_t> stamps; ///< each route's `modified` when the plan was taken
    double distance = 0;
    double timeWarp = 0;
    double excessLoad = 0;
    int unplaced = 0;
    int routesUsed = 0;
    bool valid = false;

    bool feasible() const { return valid && timeWarp <= 1e-9 && excessLoad <= 1e-9; }
};

/// The solution being searched: routes, where each job is, which window each job uses, and the
/// penalised cost of any route one could build from pieces of the current ones.
class SearchState {
public:
    explicit SearchState(const SearchProblem &problem);

    const SearchProblem &problem() const { return m_problem; }
    Penalties &penalties() { return m_penalties; }
    const Penalties &penalties() const { return m_penalties; }

    std::vector<SearchRoute> &routes() { return m_routes; }
    const std::vector<SearchRoute> &routes() const { return m_routes; }
    int routeOf(int job) const { return m_routeOf[size_t(job)]; }
    int positionOf(int job) const { return m_positionOf[size_t(job)]; }
    int window(int job) const { return m_window[size_t(job)]; }
    void setWindow(int job, int window) { m_window[size_t(job)] = window; }

    /// Sets route \a r's jobs (their old route positions must no longer hold them) and
    /// recomputes its data.
    void setJobs(int r, std::vector<int> jobs);
    /// Marks every job of route \a r unplaced and empties it.
    void clearRoute(int r);
    /// Takes the \a count jobs from position \a from out of route \a r; they become unplaced.
    void unplace(int r, int from, int count);
    /// Recomputes every route's cost after the penalties changed.
    void refreshCosts();

    /// Penalised cost of a route of \a vehicle made of \a pieces in order (0 when they are all
    /// empty). Counts one unit of work.
    double evaluate(int vehicle, std::span<const JobRange> pieces) const;
    /// A cheap lower bound on evaluate(): the distance and the route's fixed cost, no schedule.
    double lowerBound(int vehicle, std::span<const JobRange> pieces) const;
    double routeCost(int vehicle, double distance, double timeWarp, double load) const;
    TimeWarpSegment segment(const SearchRoute &route, int from, int to) const;

    double distance() const;
    double timeWarp() const;
    double excessLoad() const;
    int routesUsed() const;
    int unplacedCount() const;
    double penalisedCost() const;
    bool feasible() const { return timeWarp() <= 1e-9 && excessLoad() <= 1e-9; }

    SearchPlan plan() const;
    /// Makes the state equal \a plan, rebuilding only routes changed since it was taken, and
    /// brings the plan's stamps up to date.
    void restore(SearchPlan &plan);

    std::int64_t work() const { return m_work; }
    std::int64_t tick() { return ++m_clock; }
    std::int64_t clock() const { return m_clock; }

private:
    void rebuild(int r);

    const SearchProblem &m_problem;
    Penalties m_penalties;
    std::vector<SearchRoute> m_routes;
    std::vector<int> m_routeOf;
    std::vector<int> m_positionOf;
    std::vector<int> m_window;
    std::int64_t m_clock = 0;
    mutable std::int64_t m_work = 0;
};

} // namespace saferhomes
