#pragma once

#include "schedule/routingproblem.h"

#include <vector>

namespace saferhomes {

/// One vehicle's route in a solution: the jobs in visit order and when each service starts.
struct PlannedRoute {
    int vehicle = -1;
    std::vector<int> jobs;
    std::vector<double> serviceStarts; ///< earliest start of each job's service, same order
    double distance = 0;
    double duration = 0; ///< from leaving the start to arriving at the end, waiting included
};

/// What the optimiser returns: always a feasible plan (every placed job within its window,
/// loads within capacity, every vehicle back within its shift); jobs it could not place are
/// listed with a reason.
struct RoutingSolution {
    std::vector<PlannedRoute> routes; ///< non-empty routes only
    std::vector<UnplacedJob> unplaced;
    double distance = 0;
    int vehiclesUsed = 0;
    qint64 iterations = 0;
    qint64 work = 0; ///< move evaluations done (what the work budget counts)
    double seconds = 0;
    bool cancelled = false; ///< stopped by the cancel flag (the best found so far is returned)
    bool stoppedByClock = false; ///< the time limit ended the search before its work budget
};

} // namespace saferhomes
