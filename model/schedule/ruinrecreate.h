#pragma once

#include "schedule/searchstate.h"

#include <random>
#include <vector>

namespace saferhomes {

/// The search's large moves, after Christiaens and Vanden Berghe (2020), "Slack induction by
/// string removals for vehicle routing problems" (SISR): remove strings of consecutive jobs
/// from routes near a random job, then put every unplaced job back at its cheapest place
/// (penalised cost), in a random order of several kinds, skipping a few places at random.
class RuinRecreate {
public:
    RuinRecreate(SearchState &state, std::mt19937_64 &random);

    /// Removes about \a averageRemoved jobs in strings; they become unplaced.
    void ruin(double averageRemoved);
    /// Empties route \a r (its jobs become unplaced).
    void removeRoute(int r);
    /// Places every unplaced job where it costs least, opening routes only while fewer than
    /// \a maxRoutes are used; a job whose cheapest place costs more than leaving it out stays
    /// unplaced.
    void recreate(int maxRoutes, double blinkRate);

private:
    double uniform();
    int below(int n) { return int(m_random() % std::uint64_t(n)); }
    void sortForInsertion(std::vector<int> &jobs);

    SearchState &m_state;
    std::mt19937_64 &m_random;
};

} // namespace saferhomes
