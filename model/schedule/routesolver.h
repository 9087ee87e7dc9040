#pragma once

#include "domain/result.h"
#include "schedule/routingproblem.h"
#include "schedule/routingsolution.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>

namespace saferhomes {

/// How the search is going, reported now and then from the solving thread.
struct RoutingProgress {
    std::int64_t iteration = 0;
    double seconds = 0;
    double fractionDone = 0; ///< of the work budget (or the iteration limit)
    bool feasibleFound = false;
    double bestDistance = 0;
    int bestVehicles = 0;
    int bestUnplaced = 0;
};

struct RoutingOptions {
    enum class Objective {
        Distance, ///< least total distance
        Vehicles ///< fewest vehicles, then least distance
    };
    Objective objective = Objective::Distance;
    std::uint64_t seed = 1;
    /// Wall-clock limit in seconds: the search returns its best by then, whatever the load.
    double timeLimit = 2.0;
    /// When > 0, the search does exactly this many iterations (unless the time limit or the
    /// cancel flag stops it first) instead of the work budget derived from the time limit.
    std::int64_t iterationLimit = 0;
    /// Checked throughout the search; when set, the best solution so far is returned.
    const std::atomic<bool> *cancel = nullptr;
    std::function<void(const RoutingProgress &)> progress;
    int neighbours = 40; ///< granular neighbourhood size
};

/// The route optimiser (DESIGN §8): a penalised local search (relocate, swap and 2-opt* over
/// granular neighbourhoods, constant-time evaluation with time-warp segments) inside an
/// iterated ruin-and-recreate (string removals, greedy reinsertion with blinks) with
/// simulated-annealing acceptance and adaptive penalties; for the vehicles objective a route
/// elimination phase comes first. Deterministic for a seed: the search runs for a budget of
/// work units proportional to the time limit, calibrated so that an idle machine of this
/// project's kind finishes it within the limit; the wall clock stops it earlier only when the
/// machine is slower or busy (the solution then says so in stoppedByClock).
///
/// The returned solution is always feasible: jobs it could not fit are listed with a reason.
class RouteSolver {
public:
    static Result<RoutingSolution> solve(const RoutingProblem &problem,
                                         const RoutingOptions &options);

    /// Work units (move evaluations) per second of time limit: this machine (2 cores, x86-64)
    /// does about 70 million a second of CPU on the Solomon instances, so an idle machine
    /// finishes the budget in about 80% of the limit.
    static constexpr double kWorkPerSecond = 55.0e6;
};

} // namespace saferhomes
