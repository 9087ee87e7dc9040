#include "searchproblem.h"

#include <algorithm>
#include <numeric>

namespace saferhomes {

namespace {

// How much waiting and lateness count against a pair's closeness, as in PyVRP's granular
// neighbourhoods: two jobs close in space but far apart in time are poor neighbours.
constexpr double kWaitWeight = 0.2;
constexpr double kWarpWeight = 1.0;

} // namespace

SearchProblem::SearchProblem(const RoutingProblem &problem, int neighbours)
    : m_jobs(int(problem.jobs.size()))
    , m_vehicles(int(problem.vehicles.size()))
    , m_locations(size_t(problem.travel->locationCount()))
{
    m_distance.resize(m_locations * m_locations);
    m_time.resize(m_locations * m_locations);
    for (size_t a = 0; a < m_locations; ++a) {
        for (size_t b = 0; b < m_locations; ++b) {
            m_distance[a * m_locations + b] = problem.travel->distance(int(a), int(b));
            m_time[a * m_locations + b] = problem.travel->travelTime(int(a), int(b));
        }
    }
    for (const RoutingJob &job : problem.jobs) {
        m_location.push_back(job.location);
        m_demand.push_back(job.demand);
        std::vector<TimeWarpSegment> windows;
        for (const TimeWindow &window : job.windows)
            windows.push_back(TimeWarpSegment::visit(job.serviceTime, window.open, window.close));
        if (windows.empty())
            windows.push_back(TimeWarpSegment::visit(job.serviceTime, 0, TimeWindow {}.close));
        m_windows.push_back(std::move(windows));
    }
    std::vector<const RoutingVehicle *> classes;
    for (const RoutingVehicle &vehicle : problem.vehicles) {
        m_start.push_back(vehicle.startLocation);
        m_end.push_back(vehicle.endLocation);
        m_depot.push_back(TimeWarpSegment::visit(0, vehicle.shift.open, vehicle.shift.close));
        m_capacity.push_back(vehicle.capacity);
        const auto same = std::find_if(classes.begin(), classes.end(), [&](const auto *other) {
            return other->startLocation == vehicle.startLocation
                && other->endLocation == vehicle.endLocation
                && other->shift.open == vehicle.shift.open
                && other->shift.close == vehicle.shift.close && other->capacity == vehicle.capacity
                && other->skills == vehicle.skills;
        });
        m_class.push_back(int(same - classes.begin()));
        if (same == classes.end())
            classes.push_back(&vehicle);
    }
    m_allowed.resize(size_t(m_jobs) * size_t(m_vehicles));
    for (int j = 0; j < m_jobs; ++j) {
        for (int v = 0; v < m_vehicles; ++v) {
            const bool allowed = problem.mayTake(v, j);
            m_allowed[size_t(j) * m_vehicles + v] = allowed;
            m_allAllowed = m_allAllowed && allowed;
        }
        // A pinned job makes vehicles of one class different from each other.
        if (problem.jobs[size_t(j)].pinnedVehicle >= 0 || !problem.jobs[size_t(j)].vehicles.empty())
            m_allAllowed = false;
    }
    if (!m_allAllowed) {
        // Vehicles of a class must also take the same jobs to be interchangeable.
        for (int v = 0; v < m_vehicles; ++v) {
            for (int w = 0; w < v; ++w) {
                if (m_class[size_t(v)] != m_class[size_t(w)])
                    continue;
                bool same = true;
                for (int j = 0; j < m_jobs && same; ++j)
                    same = m_allowed[size_t(j) * m_vehicles + v]
                        == m_allowed[size_t(j) * m_vehicles + w];
                if (!same)
                    m_class[size_t(v)] = m_vehicles + v;
            }
        }
    }
    m_excluded.assign(size_t(m_jobs), 0);
    buildNeighbours(neighbours);
}

void SearchProblem::buildNeighbours(int count)
{
    // Closeness of j following i: distance, plus the waiting when j opens long after i can
    // leave, plus the lateness when i cannot leave in time for j. Symmetric: the smaller of
    // the two orders.
    auto hull = [this](int job) {
        double open = m_windows[size_t(job)][0].earliest;
        double close = m_windows[size_t(job)][0].latest;
        for (const TimeWarpSegment &window : m_windows[size_t(job)]) {
            open = std::min(open, window.earliest);
            close = std::max(close, window.latest);
        }
        return std::pair {open, close};
    };
    std::vector<std::pair<double, double>> hulls;
    for (int j = 0; j < m_jobs; ++j)
        hulls.push_back(hull(j));
    auto oneWay = [&](int i, int j) {
        const double travel = travelTime(location(i), location(j));
        const double service = m_windows[size_t(i)][0].duration;
        const double wait
            = std::max(hulls[size_t(j)].first - travel - service - hulls[size_t(i)].second, 0.0);
        const double late
            = std::max(hulls[size_t(i)].first + service + travel - hulls[size_t(j)].second, 0.0);
        return distance(location(i), location(j)) + kWaitWeight * wait + kWarpWeight * late;
    };
    m_neighbours.assign(size_t(m_jobs), {});
    const int k = std::min(count, m_jobs - 1);
    double edgeSum = 0;
    int edges = 0;
    std::vector<std::pair<double, int>> order;
    for (int i = 0; i < m_jobs; ++i) {
        order.clear();
        for (int j = 0; j < m_jobs; ++j) {
            if (j != i)
                order.push_back({std::min(oneWay(i, j), oneWay(j, i)), j});
        }
        std::partial_sort(order.begin(), order.begin() + k, order.end());
        for (int n = 0; n < k; ++n) {
            m_neighbours[size_t(i)].push_back(order[size_t(n)].second);
            if (n < 5) {
                edgeSum += distance(location(i), location(order[size_t(n)].second));
                ++edges;
            }
        }
    }
    if (edges > 0 && edgeSum > 0)
        m_typicalEdge = edgeSum / edges;
}

} // namespace saferhomes
