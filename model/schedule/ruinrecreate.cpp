#include "ruinrecreate.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace saferhomes {

namespace {

constexpr int kMaxStringLength = 10;

} // namespace

RuinRecreate::RuinRecreate(SearchState &state, std::mt19937_64 &random)
    : m_state(state)
    , m_random(random)
{ }

double RuinRecreate::uniform()
{
    return double(m_random() >> 11) * 0x1.0p-53;
}

void RuinRecreate::ruin(double averageRemoved)
{
    const SearchProblem &problem = m_state.problem();
    std::vector<int> placed;
    for (int j = 0; j < problem.jobCount(); ++j) {
        if (m_state.routeOf(j) >= 0)
            placed.push_back(j);
    }
    const int used = m_state.routesUsed();
    if (placed.empty() || used == 0)
        return;
    const double stringMax
        = std::min(double(kMaxStringLength), double(placed.size()) / double(used));
    const double stringsMax = std::max(1.0, 4 * averageRemoved / (1 + stringMax) - 1);
    const int strings = int(uniform() * stringsMax) + 1;

    const int seed = placed[size_t(below(int(placed.size())))];
    std::vector<char> ruined(m_state.routes().size(), 0);
    int done = 0;
    auto removeAround = [&](int job) {
        const int r = m_state.routeOf(job);
        if (r < 0 || ruined[size_t(r)])
            return;
        ruined[size_t(r)] = 1;
        ++done;
        const int size = m_state.routes()[size_t(r)].size();
        const int longest = std::max(1, std::min(size, int(stringMax)));
        const int length = below(longest) + 1;
        const int position = m_state.positionOf(job);
        const int lowest = std::max(0, position - length + 1);
        const int highest = std::min(position, size - length);
        const int from = lowest + below(highest - lowest + 1);
        m_state.unplace(r, from, length);
    };
    removeAround(seed);
    for (int job : problem.neighbours(seed)) {
        if (done >= strings)
            break;
        removeAround(job);
    }
}

void RuinRecreate::removeRoute(int r)
{
    m_state.clearRoute(r);
}

void RuinRecreate::sortForInsertion(std::vector<int> &jobs)
{
    const SearchProblem &problem = m_state.problem();
    // Shuffle first so that ties are broken at random.
    for (size_t i = jobs.size(); i > 1; --i)
        std::swap(jobs[i - 1], jobs[size_t(below(int(i)))]);
    const int depot = problem.startLocation(0);
    const int kind = below(13);
    auto by = [&jobs](auto key) {
        std::stable_sort(jobs.begin(), jobs.end(),
                         [&key](int a, int b) { return key(a) < key(b); });
    };
    if (kind < 4)
        return; // random
    if (kind < 8)
        by([&](int j) { return -problem.demand(j); });
    else if (kind < 10)
        by([&](int j) { return -problem.distance(depot, problem.location(j)); });
    else if (kind < 11)
        by([&](int j) { return problem.distance(depot, problem.location(j)); });
    else
        by([&](int j) { return problem.segment(j, 0).latest; });
}

void RuinRecreate::recreate(int maxRoutes, double blinkRate)
{
    const SearchProblem &problem = m_state.problem();
    std::vector<int> jobs;
    for (int j = 0; j < problem.jobCount(); ++j) {
        if (m_state.routeOf(j) < 0 && !problem.excluded(j))
            jobs.push_back(j);
    }
    sortForInsertion(jobs);
    int used = m_state.routesUsed();
    std::vector<int> classesTried;
    for (int job : jobs) {
        double best = m_state.penalties().unplaced;
        int bestRoute = -1;
        int bestPosition = 0;
        int bestWindow = 0;
        classesTried.clear();
        for (const SearchRoute &route : m_state.routes()) {
            if (!problem.mayTake(route.vehicle, job))
                continue;
            if (route.empty()) {
                const int vehicleClass = problem.vehicleClass(route.vehicle);
                if (used >= maxRoutes
                    || std::find(classesTried.begin(), classesTried.end(), vehicleClass)
                        != classesTried.end())
                    continue;
                classesTried.push_back(vehicleClass);
            }
            const int size = route.size();
            for (int w = 0; w < problem.windowCount(job); ++w) {
                for (int position = 0; position <= size; ++position) {
                    if (blinkRate > 0 && uniform() < blinkRate)
                        continue;
                    const std::array<JobRange, 3> pieces {{{&route, 0, position - 1},
                                                           JobRange::single(job, w),
                                                           {&route, position, size - 1}}};
                    const double delta = m_state.evaluate(route.vehicle, pieces) - route.cost;
                    if (delta < best) {
                        best = delta;
                        bestRoute = route.vehicle;
                        bestPosition = position;
                        bestWindow = w;
                    }
                }
            }
        }
        if (bestRoute < 0)
            continue;
        std::vector<int> updated = m_state.routes()[size_t(bestRoute)].jobs;
        if (updated.empty())
            ++used;
        updated.insert(updated.begin() + bestPosition, job);
        m_state.setWindow(job, bestWindow);
        m_state.setJobs(bestRoute, std::move(updated));
    }
}

} // namespace saferhomes
