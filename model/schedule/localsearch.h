#pragma once

#include "schedule/searchstate.h"

#include <cstdint>
#include <functional>
#include <random>
#include <vector>

namespace saferhomes {

/// Penalised local search over granular neighbourhoods: for each job U and each of its nearby
/// jobs V, exchanges of up to three consecutive jobs (relocate, swap) between or within routes,
/// and 2-opt* (swapping route tails); the first improving move is applied, until no move
/// improves. Every move is evaluated in constant time (for moves between routes) with
/// time-warp segments.
class LocalSearch {
public:
    LocalSearch(SearchState &state, std::mt19937_64 &random);

    /// Improves the state until no move helps or \a stop says so. At most \a maxRoutes
    /// vehicles may be in use.
    void run(int maxRoutes, const std::function<bool()> &stop);

    /// Change in penalised cost of exchanging the \a n jobs from U with the \a m jobs from V
    /// (m = 0: moving them after V; v = -1 - r: after route r's start depot). Applied when
    /// \a apply and it improves; when applying, a move that cannot improve may be rejected
    /// early, without its exact value. Exposed for the tests.
    double exchange(int u, int n, int v, int m, bool apply);
    /// Change of swapping the tails after U and after V (the same encoding of depots).
    double swapTails(int u, int v, bool apply);
    /// Change of moving U alone into an empty route of vehicle \a vehicle.
    double moveToEmpty(int u, int vehicle, bool apply);

private:
    bool improveJob(int u, std::int64_t lastTested, int maxRoutes);

    SearchState &m_state;
    std::mt19937_64 &m_random;
    std::vector<std::int64_t> m_lastTested;
    std::vector<int> m_order;
    Penalties m_penalties {-1, -1, -1, -1};
};

} // namespace saferhomes
