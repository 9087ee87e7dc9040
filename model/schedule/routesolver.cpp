#include "routesolver.h"

#include "schedule/localsearch.h"
#include "schedule/ruinrecreate.h"
#include "schedule/searchstate.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <random>

namespace saferhomes {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(RouteSolver)
};

// Simulated annealing temperatures, in mean edge lengths of the first solution.
constexpr double kStartTemperature = 0.4;
constexpr double kEndTemperature = 0.01;
// Share of the budget the vehicles objective may spend removing routes.
constexpr double kRouteMinimisationShare = 0.6;
// Adaptive penalties: the share of local search results that should be feasible.
constexpr double kFeasibleLow = 0.25;
constexpr double kFeasibleHigh = 0.45;
constexpr int kPenaltyPeriod = 20;
constexpr double kBlinkRate = 0.01;
constexpr int kProgressPeriod = 200;
// The clock counts towards progress only this share of the time limit behind the work.
constexpr double kClockSlack = 0.15;

/// One run of the optimiser: owns the search's state and its stopping rules.
class Search {
public:
    Search(const RoutingProblem &problem, const RoutingOptions &options)
        : m_problem(problem)
        , m_options(options)
        , m_data(problem, std::max(1, options.neighbours))
        , m_state(m_data)
        , m_random(options.seed)
        , m_localSearch(m_state, m_random)
        , m_ruinRecreate(m_state, m_random)
        , m_started(std::chrono::steady_clock::now())
    {
        m_budget = options.workLimit > 0
            ? options.workLimit
            : std::int64_t(std::max(0.0, options.timeLimit) * RouteSolver::kWorkPerSecond);
        m_maxRoutes = m_data.vehicleCount();
        m_averageRemoved = std::clamp(m_data.jobCount() / 5.0, 2.0, 10.0);
        for (const UnplacedJob &job : problem.jobsNoRouteCanServe()) {
            m_data.exclude(job.job);
            m_reasons[job.job] = job.reason;
        }
        initPenalties();
    }

    RoutingSolution run();

private:
    double seconds() const
    {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
    }
    /// How far the search is, from 0 to 1: it sets the temperature and when the vehicles
    /// objective stops removing routes. The work done, unless the clock is clearly ahead of it
    /// (a busy machine), so that the search still cools and reaches its distance phase in
    /// time; on an idle machine the work is always ahead, which keeps runs deterministic.
    double progress() const
    {
        if (m_options.iterationLimit > 0)
            return double(m_iteration) / double(m_options.iterationLimit);
        const double work = m_budget > 0 ? double(m_state.work()) / double(m_budget) : 1.0;
        const double clock = (seconds() / m_options.timeLimit - kClockSlack) / (1 - kClockSlack);
        return std::max(work, clock);
    }
    bool stop();
    bool better(const SearchPlan &a, const SearchPlan &b) const;
    void initPenalties();
    void localSearch(int maxRoutes);
    void iterate(int maxRoutes, double phaseStart, double phaseEnd);
    void considerBest();
    void adaptPenalties();
    void accept(double candidateCost, double temperature);
    void minimiseRoutes();
    bool eliminateRoute(int target, double attemptEnd);
    void makeFeasible();
    void report();
    RoutingSolution solution();

    const RoutingProblem &m_problem;
    const RoutingOptions &m_options;
    SearchProblem m_data;
    SearchState m_state;
    std::mt19937_64 m_random;
    LocalSearch m_localSearch;
    RuinRecreate m_ruinRecreate;
    std::chrono::steady_clock::time_point m_started;
    std::int64_t m_budget = 0;
    std::int64_t m_iteration = 0;
    int m_maxRoutes = 0;
    double m_averageRemoved = 10;
    double m_meanEdge = 1;
    SearchPlan m_current;
    double m_currentCost = 0;
    SearchPlan m_best;
    int m_feasibleWarp = 0;
    int m_feasibleLoad = 0;
    int m_sampled = 0;
    bool m_stopped = false;
    bool m_cancelled = false;
    bool m_stoppedByClock = false;
    std::map<int, UnplacedReason> m_reasons;
};

bool Search::stop()
{
    if (m_stopped)
        return true;
    if (m_options.cancel && m_options.cancel->load(std::memory_order_relaxed))
        m_cancelled = m_stopped = true;
    else if (m_options.iterationLimit <= 0 && m_state.work() >= m_budget)
        m_stopped = true;
    else if (seconds() >= m_options.timeLimit)
        m_stoppedByClock = m_stopped = true;
    return m_stopped;
}

bool Search::better(const SearchPlan &a, const SearchPlan &b) const
{
    if (!b.valid)
        return true;
    if (a.unplaced != b.unplaced)
        return a.unplaced < b.unplaced;
    if (m_options.objective == RoutingOptions::Objective::Vehicles && a.routesUsed != b.routesUsed)
        return a.routesUsed < b.routesUsed;
    return a.distance < b.distance - 1e-9;
}

void Search::initPenalties()
{
    double farthest = 1;
    double heaviest = 0;
    for (int j = 0; j < m_data.jobCount(); ++j) {
        for (int v = 0; v < m_data.vehicleCount(); ++v)
            farthest
                = std::max(farthest, m_data.distance(m_data.startLocation(v), m_data.location(j)));
        heaviest = std::max(heaviest, m_data.demand(j));
    }
    Penalties &penalties = m_state.penalties();
    penalties.timeWarp = std::max(1.0, m_data.typicalEdge());
    penalties.load = heaviest > 0 ? std::clamp(farthest / heaviest, 0.1, 1000.0) : 1.0;
    penalties.unplaced = 1e6 * (2 * farthest + 1);
}

void Search::localSearch(int maxRoutes)
{
    m_localSearch.run(maxRoutes, [this] { return stop(); });
}

void Search::considerBest()
{
    if (!m_state.feasible())
        return;
    SearchPlan candidate = m_state.plan();
    if (better(candidate, m_best)) {
        m_best = std::move(candidate);
        report();
    }
}

void Search::adaptPenalties()
{
    auto adjust = [](double &weight, double feasibleShare) {
        if (feasibleShare < kFeasibleLow)
            weight = std::min(weight * 1.3, 1e5);
        else if (feasibleShare > kFeasibleHigh)
            weight = std::max(weight * 0.8, 1e-3);
    };
    Penalties &penalties = m_state.penalties();
    adjust(penalties.timeWarp, double(m_feasibleWarp) / m_sampled);
    adjust(penalties.load, double(m_feasibleLoad) / m_sampled);
    m_feasibleWarp = m_feasibleLoad = m_sampled = 0;
    m_state.refreshCosts();
    m_currentCost = m_state.penalisedCost();
}

void Search::accept(double candidateCost, double temperature)
{
    const double u = std::max(double(m_random() >> 11) * 0x1.0p-53, 1e-300);
    if (candidateCost < m_currentCost - temperature * std::log(u)) {
        m_current = m_state.plan();
        m_currentCost = candidateCost;
    } else {
        m_state.restore(m_current);
    }
}

void Search::iterate(int maxRoutes, double phaseStart, double phaseEnd)
{
    ++m_iteration;
    m_ruinRecreate.ruin(m_averageRemoved);
    m_ruinRecreate.recreate(maxRoutes, kBlinkRate);
    localSearch(maxRoutes);
    ++m_sampled;
    m_feasibleWarp += m_state.timeWarp() <= 1e-9;
    m_feasibleLoad += m_state.excessLoad() <= 1e-9;
    if (!m_state.feasible() && (m_random() & 1) && !m_stopped) {
        // Repair: the same search with heavier penalties, as in HGS.
        const Penalties saved = m_state.penalties();
        m_state.penalties().timeWarp *= 10;
        m_state.penalties().load *= 10;
        m_state.refreshCosts();
        localSearch(maxRoutes);
        m_state.penalties() = saved;
        m_state.refreshCosts();
    }
    considerBest();
    const double share
        = std::clamp((progress() - phaseStart) / std::max(phaseEnd - phaseStart, 1e-9), 0.0, 1.0);
    const double temperature
        = m_meanEdge * kStartTemperature * std::pow(kEndTemperature / kStartTemperature, share);
    accept(m_state.penalisedCost(), temperature);
    if (m_sampled >= kPenaltyPeriod)
        adaptPenalties();
    if (m_iteration % kProgressPeriod == 0)
        report();
}

void Search::minimiseRoutes()
{
    // Lower bound on the vehicles needed when they are alike: total demand over capacity.
    int lower = 1;
    double demand = 0;
    for (int j = 0; j < m_data.jobCount(); ++j)
        demand += m_data.demand(j);
    const double capacity = m_data.capacity(0);
    if (capacity > 0 && std::isfinite(capacity))
        lower = std::max(1, int(std::ceil(demand / capacity - 1e-9)));

    const double phaseEnd = kRouteMinimisationShare;
    while (!stop() && progress() < phaseEnd && m_best.valid && m_best.unplaced == 0
           && m_best.routesUsed > lower) {
        const int target = m_best.routesUsed - 1;
        m_state.restore(m_best);
        // Remove one of the shortest routes; which one varies between attempts.
        std::vector<std::pair<int, int>> bySize;
        for (const SearchRoute &route : m_state.routes()) {
            if (!route.empty())
                bySize.push_back({route.size(), route.vehicle});
        }
        std::sort(bySize.begin(), bySize.end());
        const size_t pick = m_random() % std::min<size_t>(3, bySize.size());
        m_ruinRecreate.removeRoute(bySize[pick].second);
        const double attemptEnd = std::min(phaseEnd, progress() + 0.3);
        eliminateRoute(target, attemptEnd);
    }
    m_state.restore(m_best);
    m_current = m_state.plan();
    m_currentCost = m_state.penalisedCost();
}

bool Search::eliminateRoute(int target, double attemptEnd)
{
    // SISR's fleet minimisation: every route stays feasible, jobs that fit nowhere stay out,
    // and a change is kept when fewer jobs are out, or when those out have been out less
    // often so far (jobs that are hard to place get placed first).
    const Penalties normal = m_state.penalties();
    Penalties &strict = m_state.penalties();
    strict.timeWarp = strict.load = normal.unplaced * 1e3;
    strict.route = 0;
    m_state.refreshCosts();
    std::vector<int> absences(size_t(m_data.jobCount()), 0);
    auto outside = [this] {
        std::vector<int> out;
        for (int j = 0; j < m_data.jobCount(); ++j) {
            if (m_state.routeOf(j) < 0 && !m_data.excluded(j))
                out.push_back(j);
        }
        return out;
    };
    auto absent = [&absences](const std::vector<int> &jobs) {
        std::int64_t sum = 0;
        for (int j : jobs)
            sum += absences[size_t(j)];
        return sum;
    };
    m_ruinRecreate.recreate(target, 0);
    SearchPlan current = m_state.plan();
    std::vector<int> currentOut = outside();
    bool done = currentOut.empty();
    while (!done && !stop() && progress() < attemptEnd) {
        ++m_iteration;
        m_ruinRecreate.ruin(m_averageRemoved);
        m_ruinRecreate.recreate(target, kBlinkRate);
        const std::vector<int> out = outside();
        for (int j : out)
            ++absences[size_t(j)];
        if (out.empty()) {
            done = true;
        } else if (out.size() < currentOut.size() || absent(out) < absent(currentOut)) {
            current = m_state.plan();
            currentOut = out;
        } else {
            m_state.restore(current);
        }
        if (m_iteration % kProgressPeriod == 0)
            report();
    }
    m_state.penalties() = normal;
    m_state.refreshCosts();
    if (done)
        considerBest();
    return done && m_best.routesUsed <= target;
}

void Search::makeFeasible()
{
    // Take out, one at a time, the job whose removal helps its route most, until every route
    // keeps its windows, shift and capacity.
    for (SearchRoute &route : m_state.routes()) {
        const int r = route.vehicle;
        while (!route.empty()
               && (route.timeWarp > 1e-9 || route.load > m_data.capacity(r) + 1e-9)) {
            int worst = 0;
            double bestCost = std::numeric_limits<double>::infinity();
            for (int i = 0; i < route.size(); ++i) {
                const std::array<JobRange, 2> rest {
                    {{&route, 0, i - 1}, {&route, i + 1, route.size() - 1}}};
                const double cost = m_state.evaluate(r, rest);
                if (cost < bestCost) {
                    bestCost = cost;
                    worst = i;
                }
            }
            m_state.unplace(r, worst, 1);
        }
    }
}

void Search::report()
{
    if (!m_options.progress)
        return;
    RoutingProgress progress;
    progress.iteration = m_iteration;
    progress.seconds = seconds();
    progress.fractionDone = std::min(1.0, this->progress());
    progress.feasibleFound = m_best.valid;
    progress.bestDistance = m_best.distance;
    progress.bestVehicles = m_best.routesUsed;
    progress.bestUnplaced = m_best.unplaced;
    m_options.progress(progress);
}

RoutingSolution Search::run()
{
    if (m_data.jobCount() > 0 && m_data.vehicleCount() > 0) {
        // The first solution is built with heavy penalties, so that it starts feasible when
        // the fleet allows it.
        const Penalties normal = m_state.penalties();
        m_state.penalties().timeWarp *= 100;
        m_state.penalties().load *= 100;
        m_ruinRecreate.recreate(m_maxRoutes, 0);
        localSearch(m_maxRoutes);
        m_state.penalties() = normal;
        m_state.refreshCosts();
        m_current = m_state.plan();
        m_currentCost = m_state.penalisedCost();
        m_meanEdge
            = std::max(m_current.distance, 1e-9) / (m_data.jobCount() + m_current.routesUsed);
        considerBest();
        double phaseStart = 0;
        if (m_options.objective == RoutingOptions::Objective::Vehicles && m_best.valid) {
            minimiseRoutes();
            m_maxRoutes = m_best.routesUsed;
            phaseStart = progress();
        }
        while (!stop() && (m_options.iterationLimit <= 0 || m_iteration < m_options.iterationLimit))
            iterate(m_maxRoutes, phaseStart, 1.0);
        if (m_best.valid) {
            m_state.restore(m_best);
        } else {
            m_state.restore(m_current);
            makeFeasible();
        }
    }
    report();
    return solution();
}

RoutingSolution Search::solution()
{
    RoutingSolution out;
    for (const SearchRoute &route : m_state.routes()) {
        if (route.empty())
            continue;
        PlannedRoute planned;
        planned.vehicle = route.vehicle;
        planned.jobs = route.jobs;
        planned.distance = route.distance;
        const int v = route.vehicle;
        double time = m_problem.vehicles[size_t(v)].shift.open;
        int at = m_data.startLocation(v);
        for (int job : route.jobs) {
            const TimeWarpSegment &window = m_data.segment(job, m_state.window(job));
            const double start
                = std::max(time + m_data.travelTime(at, m_data.location(job)), window.earliest);
            planned.serviceStarts.push_back(start);
            time = start + window.duration;
            at = m_data.location(job);
        }
        const TimeWarpSegment whole = TimeWarpSegment::merge(
            TimeWarpSegment::merge(
                m_data.depotSegment(v), route.fwd.back(),
                m_data.travelTime(m_data.startLocation(v), m_data.location(route.jobs.front()))),
            m_data.depotSegment(v), m_data.travelTime(at, m_data.endLocation(v)));
        planned.duration = whole.duration;
        out.distance += planned.distance;
        out.routes.push_back(std::move(planned));
    }
    out.vehiclesUsed = int(out.routes.size());
    const std::map<int, UnplacedReason> &reasons = m_reasons;
    for (int j = 0; j < m_data.jobCount(); ++j) {
        if (m_state.routeOf(j) >= 0)
            continue;
        const auto known = reasons.find(j);
        out.unplaced.push_back(
            {j, known == reasons.end() ? UnplacedReason::NoRoom : known->second});
    }
    out.iterations = m_iteration;
    out.work = m_state.work();
    out.seconds = seconds();
    out.cancelled = m_cancelled;
    out.stoppedByClock = m_stoppedByClock;
    return out;
}

} // namespace

Result<RoutingSolution> RouteSolver::solve(const RoutingProblem &problem,
                                           const RoutingOptions &options)
{
    if (const Status valid = problem.validate(); !valid) {
        return Error::invalid(
            Text::tr("The routing problem is not valid: %1").arg(valid.error().message));
    }
    if (!(options.timeLimit > 0))
        return Error::invalid(Text::tr("The time limit must be positive."));
    Search search(problem, options);
    return search.run();
}

} // namespace saferhomes
