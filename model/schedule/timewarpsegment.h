#pragma once

#include <algorithm>

namespace saferhomes {

/// The time-window data of a sequence of visits, as in Vidal et al. (2013), "A hybrid
/// genetic algorithm with adaptive diversity management for a large class of vehicle routing
/// problems with time-windows": two segments concatenate in constant time, so a move's effect
/// on a route's schedule is known without walking the route.
///
/// A visit that starts after its window closes is allowed but "warps" back in time to the
/// close; the total warp measures how far the sequence is from feasible (zero: feasible).
struct TimeWarpSegment {
    double duration = 0; ///< service, travel and waiting from the first start to the last end
    double timeWarp = 0; ///< total lateness removed by warping back in time
    double earliest = 0; ///< earliest start of the first visit that gives the least warp
    double latest = 0; ///< latest start of the first visit that gives the least warp

    /// One visit of \a service time units whose start must lie in [\a open, \a close].
    static TimeWarpSegment visit(double service, double open, double close)
    {
        return {service, 0, open, close};
    }

    /// \a first followed by \a second, \a travel time units apart.
    static TimeWarpSegment merge(const TimeWarpSegment &first, const TimeWarpSegment &second,
                                 double travel)
    {
        const double delta = first.duration - first.timeWarp + travel;
        const double wait = std::max(second.earliest - delta - first.latest, 0.0);
        const double warp = std::max(first.earliest + delta - second.latest, 0.0);
        return {first.duration + second.duration + travel + wait,
                first.timeWarp + second.timeWarp + warp,
                std::max(second.earliest - delta, first.earliest) - wait,
                std::min(second.latest - delta, first.latest) + warp};
    }
};

} // namespace saferhomes
