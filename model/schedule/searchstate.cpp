#include "searchstate.h"

#include <algorithm>

namespace saferhomes {

SearchState::SearchState(const SearchProblem &problem)
    : m_problem(problem)
    , m_routes(size_t(problem.vehicleCount()))
    , m_routeOf(size_t(problem.jobCount()), -1)
    , m_positionOf(size_t(problem.jobCount()), -1)
    , m_window(size_t(problem.jobCount()), 0)
{
    for (int v = 0; v < problem.vehicleCount(); ++v)
        m_routes[size_t(v)].vehicle = v;
}

void SearchState::setJobs(int r, std::vector<int> jobs)
{
    m_routes[size_t(r)].jobs = std::move(jobs);
    rebuild(r);
}

void SearchState::clearRoute(int r)
{
    for (int job : m_routes[size_t(r)].jobs) {
        m_routeOf[size_t(job)] = -1;
        m_positionOf[size_t(job)] = -1;
    }
    m_routes[size_t(r)].jobs.clear();
    rebuild(r);
}

void SearchState::unplace(int r, int from, int count)
{
    std::vector<int> &jobs = m_routes[size_t(r)].jobs;
    for (int i = from; i < from + count; ++i) {
        m_routeOf[size_t(jobs[size_t(i)])] = -1;
        m_positionOf[size_t(jobs[size_t(i)])] = -1;
    }
    jobs.erase(jobs.begin() + from, jobs.begin() + from + count);
    rebuild(r);
}

void SearchState::rebuild(int r)
{
    SearchRoute &route = m_routes[size_t(r)];
    const SearchProblem &p = m_problem;
    const size_t n = route.jobs.size();
    route.fwd.resize(n);
    route.bwd.resize(n);
    route.cumDistance.resize(n);
    route.cumLoad.resize(n);
    route.modified = tick();
    if (n == 0) {
        route.distance = route.load = route.timeWarp = route.cost = 0;
        return;
    }
    for (size_t i = 0; i < n; ++i) {
        const int job = route.jobs[i];
        m_routeOf[size_t(job)] = r;
        m_positionOf[size_t(job)] = int(i);
        const TimeWarpSegment &own = p.segment(job, m_window[size_t(job)]);
        if (i == 0) {
            route.fwd[0] = own;
            route.cumDistance[0] = 0;
            route.cumLoad[0] = p.demand(job);
            continue;
        }
        const int from = p.location(route.jobs[i - 1]);
        route.fwd[i] = TimeWarpSegment::merge(route.fwd[i - 1], own,
                                              p.travelTime(from, p.location(job)));
        route.cumDistance[i] = route.cumDistance[i - 1] + p.distance(from, p.location(job));
        route.cumLoad[i] = route.cumLoad[i - 1] + p.demand(job);
    }
    route.bwd[n - 1] = p.segment(route.jobs[n - 1], m_window[size_t(route.jobs[n - 1])]);
    for (size_t i = n - 1; i-- > 0;) {
        const int job = route.jobs[i];
        route.bwd[i] = TimeWarpSegment::merge(
            p.segment(job, m_window[size_t(job)]), route.bwd[i + 1],
            p.travelTime(p.location(job), p.location(route.jobs[i + 1])));
    }
    const int v = route.vehicle;
    const int first = p.location(route.jobs.front());
    const int last = p.location(route.jobs.back());
    const TimeWarpSegment whole = TimeWarpSegment::merge(
        TimeWarpSegment::merge(p.depotSegment(v), route.fwd[n - 1],
                               p.travelTime(p.startLocation(v), first)),
        p.depotSegment(v), p.travelTime(last, p.endLocation(v)));
    route.distance = p.distance(p.startLocation(v), first) + route.cumDistance[n - 1]
        + p.distance(last, p.endLocation(v));
    route.load = route.cumLoad[n - 1];
    route.timeWarp = whole.timeWarp;
    route.cost = routeCost(v, route.distance, route.timeWarp, route.load);
}

void SearchState::refreshCosts()
{
    for (SearchRoute &route : m_routes) {
        route.cost = route.empty()
            ? 0
            : routeCost(route.vehicle, route.distance, route.timeWarp, route.load);
    }
}

double SearchState::routeCost(int vehicle, double distance, double timeWarp, double load) const
{
    return distance + m_penalties.timeWarp * timeWarp
        + m_penalties.load * std::max(load - m_problem.capacity(vehicle), 0.0)
        + m_penalties.route;
}

TimeWarpSegment SearchState::segment(const SearchRoute &route, int from, int to) const
{
    if (from == 0)
        return route.fwd[size_t(to)];
    if (to == route.size() - 1)
        return route.bwd[size_t(from)];
    const SearchProblem &p = m_problem;
    int job = route.jobs[size_t(from)];
    TimeWarpSegment out = p.segment(job, m_window[size_t(job)]);
    for (int i = from + 1; i <= to; ++i) {
        const int next = route.jobs[size_t(i)];
        out = TimeWarpSegment::merge(out, p.segment(next, m_window[size_t(next)]),
                                     p.travelTime(p.location(job), p.location(next)));
        job = next;
    }
    return out;
}

double SearchState::evaluate(int vehicle, std::span<const JobRange> pieces) const
{
    ++m_work;
    const SearchProblem &p = m_problem;
    TimeWarpSegment schedule = p.depotSegment(vehicle);
    int at = p.startLocation(vehicle);
    double distance = 0;
    double load = 0;
    bool any = false;
    for (const JobRange &piece : pieces) {
        int first = 0;
        int last = 0;
        TimeWarpSegment part;
        if (piece.route == nullptr) {
            first = last = piece.from;
            part = p.segment(piece.from, piece.to);
            load += p.demand(piece.from);
        } else {
            if (piece.from > piece.to)
                continue;
            const SearchRoute &route = *piece.route;
            first = route.jobs[size_t(piece.from)];
            last = route.jobs[size_t(piece.to)];
            part = segment(route, piece.from, piece.to);
            distance += route.cumDistance[size_t(piece.to)] - route.cumDistance[size_t(piece.from)];
            load += route.cumLoad[size_t(piece.to)]
                - (piece.from > 0 ? route.cumLoad[size_t(piece.from - 1)] : 0.0);
        }
        const int firstLocation = p.location(first);
        distance += p.distance(at, firstLocation);
        schedule = TimeWarpSegment::merge(schedule, part, p.travelTime(at, firstLocation));
        at = p.location(last);
        any = true;
    }
    if (!any)
        return 0;
    distance += p.distance(at, p.endLocation(vehicle));
    schedule = TimeWarpSegment::merge(schedule, p.depotSegment(vehicle),
                                      p.travelTime(at, p.endLocation(vehicle)));
    return routeCost(vehicle, distance, schedule.timeWarp, load);
}

double SearchState::lowerBound(int vehicle, std::span<const JobRange> pieces) const
{
    ++m_work;
    const SearchProblem &p = m_problem;
    int at = p.startLocation(vehicle);
    double distance = 0;
    bool any = false;
    for (const JobRange &piece : pieces) {
        if (piece.route == nullptr) {
            distance += p.distance(at, p.location(piece.from));
            at = p.location(piece.from);
        } else {
            if (piece.from > piece.to)
                continue;
            const SearchRoute &route = *piece.route;
            distance += p.distance(at, p.location(route.jobs[size_t(piece.from)]))
                + route.cumDistance[size_t(piece.to)] - route.cumDistance[size_t(piece.from)];
            at = p.location(route.jobs[size_t(piece.to)]);
        }
        any = true;
    }
    if (!any)
        return 0;
    return distance + p.distance(at, p.endLocation(vehicle)) + m_penalties.route;
}

double SearchState::distance() const
{
    double sum = 0;
    for (const SearchRoute &route : m_routes)
        sum += route.distance;
    return sum;
}

double SearchState::timeWarp() const
{
    double sum = 0;
    for (const SearchRoute &route : m_routes)
        sum += route.timeWarp;
    return sum;
}

double SearchState::excessLoad() const
{
    double sum = 0;
    for (const SearchRoute &route : m_routes)
        sum += std::max(route.load - m_problem.capacity(route.vehicle), 0.0);
    return sum;
}

int SearchState::routesUsed() const
{
    return int(std::count_if(m_routes.begin(), m_routes.end(),
                             [](const SearchRoute &route) { return !route.empty(); }));
}

int SearchState::unplacedCount() const
{
    return int(std::count(m_routeOf.begin(), m_routeOf.end(), -1));
}

double SearchState::penalisedCost() const
{
    int unplaced = 0;
    for (int j = 0; j < m_problem.jobCount(); ++j)
        unplaced += m_routeOf[size_t(j)] < 0 && !m_problem.excluded(j);
    double sum = m_penalties.unplaced * unplaced;
    for (const SearchRoute &route : m_routes)
        sum += route.cost;
    return sum;
}

SearchPlan SearchState::plan() const
{
    SearchPlan out;
    for (const SearchRoute &route : m_routes) {
        out.routes.push_back(route.jobs);
        out.stamps.push_back(route.modified);
    }
    out.windows = m_window;
    out.distance = distance();
    out.timeWarp = timeWarp();
    out.excessLoad = excessLoad();
    out.unplaced = unplacedCount();
    out.routesUsed = routesUsed();
    out.valid = true;
    return out;
}

void SearchState::restore(SearchPlan &plan)
{
    std::vector<int> changed;
    for (size_t r = 0; r < m_routes.size(); ++r) {
        if (m_routes[r].modified == plan.stamps[r])
            continue;
        changed.push_back(int(r));
        for (int job : m_routes[r].jobs) {
            m_routeOf[size_t(job)] = -1;
            m_positionOf[size_t(job)] = -1;
        }
    }
    m_window = plan.windows;
    for (int r : changed) {
        m_routes[size_t(r)].jobs = plan.routes[size_t(r)];
        rebuild(r);
        plan.stamps[size_t(r)] = m_routes[size_t(r)].modified;
    }
}

} // namespace saferhomes
