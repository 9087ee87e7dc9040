// AutoScheduler: a scope's routing problem (one vehicle per fitter and working day, jobs by
// their role and pin), solved and turned back into a plan of bookings. Time and places are in
// autoscheduleframe.h and autoscheduleplaces.h, judging a schedule in autoschedulecheck.cpp.

#include "autoscheduler.h"

#include "schedule/autoschedulecheck.h"
#include "schedule/autoscheduleframe.h"
#include "schedule/autoscheduleplaces.h"
#include "schedule/routesolver.h"
#include "schedule/travelmodel.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>

namespace saferhomes {

using autoschedule::checkJobs;
using autoschedule::fitterIndex;
using autoschedule::Frame;
using autoschedule::isBookedIn;
using autoschedule::jobSkills;
using autoschedule::leaveOutWhatBreaksRules;
using autoschedule::Places;
using autoschedule::travelMinutes;

namespace {

enum class Role { Ignored, Fixed, Free };

Role roleOf(const Job &job, const AutoScheduleRequest &request, const Frame &frame)
{
    const bool booked = isBookedIn(job, frame);
    // A booking the optimiser could not place again (no coordinates) stays where it is, and
    // so does one pinned to its exact time; one pinned to its fitter or day may move within
    // the pin (pinScope()).
    const bool movable = job.pin != PinKind::Time && job.latitude && job.longitude;
    switch (request.scope) {
    case AutoScheduleScope::Horizon:
        if (booked)
            return request.replan && movable ? Role::Free : Role::Fixed;
        return job.status == JobStatus::Unscheduled ? Role::Free : Role::Ignored;
    case AutoScheduleScope::FitterDay:
        if (booked && job.fitterId == request.fitterId)
            return movable ? Role::Free : Role::Fixed;
        return Role::Ignored;
    case AutoScheduleScope::FitJobIn:
        if (job.id == request.jobId)
            return booked && job.pin == PinKind::Time ? Role::Fixed : Role::Free;
        return booked ? Role::Fixed : Role::Ignored;
    }
    return Role::Ignored;
}

/// Where a booked job pinned to its fitter or its fitter's day may go: the vehicles (fitter
/// days) of the pin, and the days (indexes of the frame) its windows may fall on. Empty
/// vehicles when the pin leaves it nowhere to go in this plan: it then stays where it is.
struct PinScope {
    bool pinned = false;
    std::vector<int> vehicles;
    std::vector<int> days;
};

PinScope pinScope(const Job &job, const Frame &frame, int fitter,
                  const std::map<std::pair<int, int>, int> &vehicleOf)
{
    PinScope scope;
    if (!JobStatusNames::isBooked(job.status)
        || (job.pin != PinKind::Fitter && job.pin != PinKind::Day))
        return scope;
    scope.pinned = true;
    const int bookedDay = frame.dayIndex(job.start);
    for (int d = 0; d < frame.days(); ++d) {
        if (job.pin == PinKind::Day && d != bookedDay)
            continue;
        const auto vehicle = vehicleOf.find({fitter, d});
        if (vehicle == vehicleOf.end())
            continue;
        scope.vehicles.push_back(vehicle->second);
        scope.days.push_back(d);
    }
    return scope;
}

/// Adds the householder's windows of day \a day of \a frame to \a routing.
void addWindows(RoutingJob &routing, const Job &job, const Frame &frame, int day)
{
    const QDate date = frame.day(day);
    for (const auto &[from, to] : job.availability.windowsOn(date)) {
        if (from <= to) // a window that closes before it opens lets nobody in
            routing.windows.push_back({frame.minutes(date, from), frame.minutes(date, to)});
    }
}

/// Gives \a problem a travel matrix over the places it uses, in whole minutes rounded up:
/// with whole-minute shifts, windows and durations every start the optimiser finds is a
/// whole minute, and no rounding can make it late.
void useTravelMatrix(RoutingProblem &problem, const Places &places)
{
    const int locations = places.count();
    std::vector<int> used;
    std::vector<int> local(size_t(locations), -1);
    const auto use = [&](int place) {
        if (local[size_t(place)] < 0) {
            local[size_t(place)] = int(used.size());
            used.push_back(place);
        }
        return local[size_t(place)];
    };
    for (RoutingVehicle &vehicle : problem.vehicles)
        vehicle.startLocation = vehicle.endLocation = use(vehicle.startLocation);
    for (RoutingJob &job : problem.jobs)
        job.location = use(job.location);
    const int n = int(used.size());
    std::vector<double> distances(size_t(n) * size_t(n));
    std::vector<double> times(size_t(n) * size_t(n));
    for (int a = 0; a < n; ++a) {
        for (int b = a + 1; b < n; ++b) {
            // Great-circle distances are symmetric: each pair is worked out once.
            const double km = places.kilometres(used[a], used[b]);
            const double minutes = std::ceil(places.minutesFor(km) - 1e-9);
            distances[size_t(a) * size_t(n) + size_t(b)] = km;
            distances[size_t(b) * size_t(n) + size_t(a)] = km;
            times[size_t(a) * size_t(n) + size_t(b)] = minutes;
            times[size_t(b) * size_t(n) + size_t(a)] = minutes;
        }
    }
    problem.travel = std::make_shared<MatrixTravelModel>(n, std::move(distances), std::move(times));
}

/// One run of AutoScheduler::plan(): the routing problem of its scope (one vehicle per fitter
/// and working day, the jobs by their role and pin), solved, and the plan its routes make.
class PlanRun {
public:
    PlanRun(const AutoScheduleInput &input, const AutoScheduleRequest &request, const Frame &frame,
            const Places &places)
        : m_input(input)
        , m_request(request)
        , m_frame(frame)
        , m_places(places)
        , m_fitterOf(fitterIndex(input.fitters))
    { }

    /// A vehicle for each working day of each of \a fitters (indexes of the input's fitters).
    void addVehicles(const QList<int> &fitters)
    {
        for (int f : fitters) {
            const Fitter &fitter = m_input.fitters[f];
            for (int d = 0; d < m_frame.days(); ++d) {
                const std::optional<Shift> shift = fitter.shiftOn(m_frame.day(d));
                if (!shift)
                    continue;
                RoutingVehicle vehicle;
                vehicle.startLocation = vehicle.endLocation = m_places.ofFitter(f);
                vehicle.shift = {m_frame.minutes(m_frame.day(d), shift->start),
                                 m_frame.minutes(m_frame.day(d), shift->end)};
                vehicle.skills = AutoScheduler::skillBits(fitter.skills);
                m_vehicleOf[{f, d}] = int(m_problem.vehicles.size());
                m_problem.vehicles.push_back(vehicle);
                m_vehicleFitter.push_back(f);
            }
        }
    }

    /// The jobs of the scope, each free to move (within its pin) or fixed at its time; a free
    /// job with no location or no window is left out with that reason.
    void addJobs()
    {
        for (int j = 0; j < int(m_input.jobs.size()); ++j) {
            const Job &job = m_input.jobs[j];
            Role role = roleOf(job, m_request, m_frame);
            if (role == Role::Ignored)
                continue;
            RoutingJob routing;
            routing.location = m_places.ofJob(j);
            PinScope pin;
            if (role == Role::Free) {
                pin = pinScope(job, m_frame, m_fitterOf.value(job.fitterId, -1), m_vehicleOf);
                if (pin.pinned) {
                    for (int d : pin.days)
                        addWindows(routing, job, m_frame, d);
                    // Nowhere within the pin (the fitter does not work there, the householder
                    // is out): it stays where it is.
                    if (routing.windows.empty())
                        role = Role::Fixed;
                }
            }
            if (role == Role::Fixed) {
                if (!keepAtItsTime(routing, job))
                    continue; // a day the fitter does not work: nothing new goes there
            } else if (pin.pinned) {
                m_freeJobs.push_back(j);
                m_pinnedJobs.insert(job.id);
                routing.vehicles = pin.vehicles;
                routing.serviceTime = job.durationMinutes;
                routing.requiredSkills = jobSkills(job, m_input.itemSkills);
            } else {
                m_freeJobs.push_back(j);
                if (!m_places.known(routing.location)) {
                    m_plan.unscheduled.append({job.id, QStringLiteral("no_location")});
                    continue;
                }
                for (int d = 0; d < m_frame.days(); ++d)
                    addWindows(routing, job, m_frame, d);
                if (routing.windows.empty()) {
                    m_plan.unscheduled.append({job.id, QStringLiteral("window")});
                    continue;
                }
                routing.serviceTime = job.durationMinutes;
                routing.requiredSkills = jobSkills(job, m_input.itemSkills);
            }
            m_problemJob.push_back(j);
            m_problem.jobs.push_back(std::move(routing));
        }
        useTravelMatrix(m_problem, m_places);
    }

    /// Runs the optimiser: the jobs it places are booked, the free ones it cannot place go
    /// back to the tray with the reason. Error::cancelled when \a cancel was set.
    Status solve(const std::atomic<bool> *cancel, const AutoScheduler::Progress &progress)
    {
        if (m_problem.jobs.empty() || m_problem.vehicles.empty()) {
            for (int j : m_problemJob) {
                if (goesBackToTheTray(j))
                    m_plan.unscheduled.append({m_input.jobs[j].id, QStringLiteral("shift")});
            }
            return {};
        }
        RoutingOptions options;
        options.timeLimit = m_request.timeLimit;
        options.seed = m_request.seed;
        options.cancel = cancel;
        if (progress)
            options.progress = [&](const RoutingProgress &p) {
                progress(p.fractionDone);
            };
        const Result<RoutingSolution> solved = RouteSolver::solve(m_problem, options);
        if (!solved)
            return solved.error();
        if (solved->cancelled || (cancel && cancel->load()))
            return Error::cancelled(
                AutoScheduler::tr("The scheduling run was cancelled; nothing changed."));
        m_plan.seconds = solved->seconds;
        m_plan.stoppedByClock = solved->stoppedByClock;
        for (const PlannedRoute &route : solved->routes) {
            const Fitter &fitter = m_input.fitters[m_vehicleFitter[size_t(route.vehicle)]];
            for (size_t k = 0; k < route.jobs.size(); ++k) {
                const int j = m_problemJob[size_t(route.jobs[k])];
                const double start = std::round(route.serviceStarts[k]);
                JobBooking booking;
                booking.jobId = m_input.jobs[j].id;
                booking.fitterId = fitter.id;
                booking.start = m_frame.at(start);
                booking.end = m_frame.at(start + m_problem.jobs[size_t(route.jobs[k])].serviceTime);
                m_booked.insert(j, booking);
            }
        }
        for (const UnplacedJob &unplaced : solved->unplaced) {
            const int j = m_problemJob[size_t(unplaced.job)];
            if (goesBackToTheTray(j))
                m_plan.unscheduled.append(
                    {m_input.jobs[j].id, unplacedReasonName(unplaced.reason)});
        }
        return {};
    }

    /// The plan: free jobs placed somewhere else than they were, or taken off, leaving out
    /// any booking that would add a rule break.
    AutoSchedulePlan plan()
    {
        QSet<QUuid> changed;
        for (int j : m_freeJobs) {
            const Job &job = m_input.jobs[j];
            JobBooking change = m_booked.value(j);
            change.jobId = job.id;
            change.wasStatus = job.status;
            change.wasFitterId = job.fitterId;
            change.wasStart = job.start;
            const bool wasBooked = JobStatusNames::isBooked(job.status);
            if (wasBooked && change.fitterId == job.fitterId && change.start == job.start)
                continue;
            if (!wasBooked && change.fitterId.isNull())
                continue;
            if (change.fitterId.isNull() && m_pinnedJobs.contains(job.id))
                continue; // not placed within its pin: it stays where it is
            m_plan.changes.append(change);
            changed.insert(job.id);
        }
        leaveOutWhatBreaksRules(m_plan, changed, m_pinnedJobs, m_input, m_frame, m_places);
        return m_plan;
    }

private:
    /// Keeps \a job at its time on its fitter's day, whatever rule it breaks already; false
    /// when the fitter does not work that day.
    bool keepAtItsTime(RoutingJob &routing, const Job &job)
    {
        const int fitter = m_fitterOf.value(job.fitterId, -1);
        const auto vehicle = m_vehicleOf.find({fitter, m_frame.dayIndex(job.start)});
        if (vehicle == m_vehicleOf.end())
            return false;
        const double start = m_frame.minutes(job.start);
        routing.windows = {{start, start}};
        routing.serviceTime = std::max(0.0, m_frame.minutes(job.end) - start);
        routing.pinnedVehicle = vehicle->second;
        // A booking at the very start or end of the shift (or past it) leaves no time to
        // drive there or back: the fitter's day stretches to hold it, so that the
        // optimiser keeps it in the route and plans around it rather than over it.
        RoutingVehicle &day = m_problem.vehicles[size_t(vehicle->second)];
        const int home = m_places.ofFitter(fitter);
        day.shift.open
            = std::min(day.shift.open, start - std::ceil(m_places.minutes(home, routing.location)));
        day.shift.close = std::max(day.shift.close,
                                   start + routing.serviceTime
                                       + std::ceil(m_places.minutes(routing.location, home)));
        return true;
    }

    /// Whether input job \a j, when not placed, goes back to the tray: a free job, unless
    /// its pin keeps it where it is.
    bool goesBackToTheTray(int j) const
    {
        return std::find(m_freeJobs.cbegin(), m_freeJobs.cend(), j) != m_freeJobs.cend()
            && !m_pinnedJobs.contains(m_input.jobs[j].id);
    }

    const AutoScheduleInput &m_input;
    const AutoScheduleRequest &m_request;
    const Frame &m_frame;
    const Places &m_places;
    const QHash<QUuid, int> m_fitterOf;
    RoutingProblem m_problem;
    std::vector<int> m_vehicleFitter; // vehicle → input fitter
    std::map<std::pair<int, int>, int> m_vehicleOf; // (input fitter, day) → vehicle
    std::vector<int> m_problemJob; // problem job → input job
    std::vector<int> m_freeJobs; // input jobs the plan may move
    QSet<QUuid> m_pinnedJobs; // free jobs pinned to a fitter or day: they stay when not placed
    QHash<int, JobBooking> m_booked; // input job → its booking in the plan
    AutoSchedulePlan m_plan;
};

} // namespace

int ScheduleCheck::jobsBreaking() const
{
    return int(std::count_if(breaks.cbegin(), breaks.cend(),
                             [](const std::vector<RuleBreak> &b) { return !b.empty(); }));
}

std::uint64_t AutoScheduler::skillBits(const QStringList &skills)
{
    // Names the catalogue does not know need nothing of the fitter.
    const QStringList names = fitterSkillNames();
    std::uint64_t bits = 0;
    for (const QString &skill : skills) {
        const qsizetype index = names.indexOf(skill);
        if (index >= 0)
            bits |= std::uint64_t(1) << index;
    }
    return bits;
}

QList<Job> AutoScheduler::applied(QList<Job> jobs, const AutoSchedulePlan &plan)
{
    QHash<QUuid, const JobBooking *> changes;
    for (const JobBooking &change : plan.changes)
        changes.insert(change.jobId, &change);
    for (Job &job : jobs) {
        const JobBooking *change = changes.value(job.id);
        if (!change)
            continue;
        job.fitterId = change->fitterId;
        job.start = change->start;
        job.end = change->end;
        job.status = change->fitterId.isNull() ? JobStatus::Unscheduled : JobStatus::Scheduled;
    }
    return jobs;
}

ScheduleCheck AutoScheduler::check(const AutoScheduleInput &input, const QDate &from, int days)
{
    const Frame frame(from, days);
    const Places places(input);
    return checkJobs(input, frame, places);
}

Result<AutoSchedulePlan> AutoScheduler::plan(const AutoScheduleInput &input,
                                             const AutoScheduleRequest &request,
                                             const std::atomic<bool> *cancel,
                                             const Progress &progress)
{
    if (!request.from.isValid() || request.days < 1)
        return Error::invalid(tr("A schedule needs a first day and at least one day."));
    const int days = request.scope == AutoScheduleScope::FitterDay ? 1 : request.days;
    const Frame frame(request.from, days);
    const Places places(input);

    QList<int> fitters;
    for (int f = 0; f < int(input.fitters.size()); ++f) {
        if (request.scope != AutoScheduleScope::FitterDay
            || input.fitters[f].id == request.fitterId)
            fitters.append(f);
    }
    if (request.scope == AutoScheduleScope::FitterDay && fitters.isEmpty())
        return Error::invalid(
            tr("There is no fitter %1.").arg(request.fitterId.toString(QUuid::WithoutBraces)));
    if (request.scope == AutoScheduleScope::FitJobIn) {
        const auto found = std::find_if(input.jobs.cbegin(), input.jobs.cend(),
                                        [&](const Job &job) { return job.id == request.jobId; });
        if (found == input.jobs.cend())
            return Error::invalid(
                tr("There is no job %1.").arg(request.jobId.toString(QUuid::WithoutBraces)));
        if (!JobStatusNames::isOpen(found->status))
            return Error::invalid(tr("Job %1 is %2: only an open job can be scheduled.")
                                      .arg(request.jobId.toString(QUuid::WithoutBraces),
                                           JobStatusNames::name(found->status)));
    }

    PlanRun run(input, request, frame, places);
    run.addVehicles(fitters);
    run.addJobs();
    const Status solved = run.solve(cancel, progress);
    if (!solved)
        return solved.error();
    AutoSchedulePlan plan = run.plan();

    for (const JobBooking &change : std::as_const(plan.changes)) {
        if (change.fitterId.isNull())
            continue;
        if (JobStatusNames::isBooked(change.wasStatus))
            ++plan.moved;
        else
            ++plan.placed;
    }
    plan.travelMinutesBefore = travelMinutes(input, fitters, frame, places);
    const AutoScheduleInput after {applied(input.jobs, plan), input.fitters, input.itemSkills,
                                   input.stock};
    plan.travelMinutesAfter = travelMinutes(after, fitters, frame, places);
    if (progress)
        progress(1.0);
    return plan;
}

} // namespace saferhomes
