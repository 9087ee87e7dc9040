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
    const QHash<QUuid, int> fitterOf = fitterIndex(input.fitters);

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

    // One vehicle per fitter and working day.
    RoutingProblem problem;
    std::vector<int> vehicleFitter;
    std::map<std::pair<int, int>, int> vehicleOf;
    for (int f : std::as_const(fitters)) {
        const Fitter &fitter = input.fitters[f];
        for (int d = 0; d < days; ++d) {
            const std::optional<Shift> shift = fitter.shiftOn(frame.day(d));
            if (!shift)
                continue;
            RoutingVehicle vehicle;
            vehicle.startLocation = vehicle.endLocation = places.ofFitter(f);
            vehicle.shift = {frame.minutes(frame.day(d), shift->start),
                             frame.minutes(frame.day(d), shift->end)};
            vehicle.skills = skillBits(fitter.skills);
            vehicleOf[{f, d}] = int(problem.vehicles.size());
            problem.vehicles.push_back(vehicle);
            vehicleFitter.push_back(f);
        }
    }

    AutoSchedulePlan plan;
    std::vector<int> problemJob; // problem job → input job
    std::vector<int> freeJobs; // input jobs the plan may move
    QSet<QUuid> pinnedJobs; // free jobs pinned to a fitter or day: they stay when not placed
    for (int j = 0; j < int(input.jobs.size()); ++j) {
        const Job &job = input.jobs[j];
        Role role = roleOf(job, request, frame);
        if (role == Role::Ignored)
            continue;
        RoutingJob routing;
        routing.location = places.ofJob(j);
        PinScope pin;
        if (role == Role::Free) {
            pin = pinScope(job, frame, fitterOf.value(job.fitterId, -1), vehicleOf);
            if (pin.pinned) {
                for (int d : pin.days)
                    addWindows(routing, job, frame, d);
                // Nowhere within the pin (the fitter does not work there, the householder
                // is out): it stays where it is.
                if (routing.windows.empty())
                    role = Role::Fixed;
            }
        }
        if (role == Role::Fixed) {
            // Kept at its time on its fitter's day, whatever rule it breaks already.
            const auto vehicle
                = vehicleOf.find({fitterOf.value(job.fitterId, -1), frame.dayIndex(job.start)});
            if (vehicle == vehicleOf.end())
                continue; // a day the fitter does not work: nothing new goes there
            const double start = frame.minutes(job.start);
            routing.windows = {{start, start}};
            routing.serviceTime = std::max(0.0, frame.minutes(job.end) - start);
            routing.pinnedVehicle = vehicle->second;
            // A booking at the very start or end of the shift (or past it) leaves no time to
            // drive there or back: the fitter's day stretches to hold it, so that the
            // optimiser keeps it in the route and plans around it rather than over it.
            RoutingVehicle &day = problem.vehicles[size_t(vehicle->second)];
            const int home = places.ofFitter(fitterOf.value(job.fitterId));
            day.shift.open = std::min(day.shift.open,
                                      start - std::ceil(places.minutes(home, routing.location)));
            day.shift.close = std::max(day.shift.close,
                                       start + routing.serviceTime
                                           + std::ceil(places.minutes(routing.location, home)));
        } else if (pin.pinned) {
            freeJobs.push_back(j);
            pinnedJobs.insert(job.id);
            routing.vehicles = pin.vehicles;
            routing.serviceTime = job.durationMinutes;
            routing.requiredSkills = jobSkills(job, input.itemSkills);
        } else {
            freeJobs.push_back(j);
            if (!places.known(routing.location)) {
                plan.unscheduled.append({job.id, QStringLiteral("no_location")});
                continue;
            }
            for (int d = 0; d < days; ++d)
                addWindows(routing, job, frame, d);
            if (routing.windows.empty()) {
                plan.unscheduled.append({job.id, QStringLiteral("window")});
                continue;
            }
            routing.serviceTime = job.durationMinutes;
            routing.requiredSkills = jobSkills(job, input.itemSkills);
        }
        problemJob.push_back(j);
        problem.jobs.push_back(std::move(routing));
    }

    useTravelMatrix(problem, places);

    QHash<int, JobBooking> booked; // input job → its booking in the plan
    if (!problem.jobs.empty() && !problem.vehicles.empty()) {
        RoutingOptions options;
        options.timeLimit = request.timeLimit;
        options.seed = request.seed;
        options.cancel = cancel;
        if (progress)
            options.progress = [&](const RoutingProgress &p) {
                progress(p.fractionDone);
            };
        const Result<RoutingSolution> solved = RouteSolver::solve(problem, options);
        if (!solved)
            return solved.error();
        if (solved->cancelled || (cancel && cancel->load()))
            return Error::cancelled(tr("The scheduling run was cancelled; nothing changed."));
        plan.seconds = solved->seconds;
        plan.stoppedByClock = solved->stoppedByClock;
        for (const PlannedRoute &route : solved->routes) {
            const Fitter &fitter = input.fitters[vehicleFitter[size_t(route.vehicle)]];
            for (size_t k = 0; k < route.jobs.size(); ++k) {
                const int j = problemJob[size_t(route.jobs[k])];
                const double start = std::round(route.serviceStarts[k]);
                JobBooking booking;
                booking.jobId = input.jobs[j].id;
                booking.fitterId = fitter.id;
                booking.start = frame.at(start);
                booking.end = frame.at(start + problem.jobs[size_t(route.jobs[k])].serviceTime);
                booked.insert(j, booking);
            }
        }
        for (const UnplacedJob &unplaced : solved->unplaced) {
            const int j = problemJob[size_t(unplaced.job)];
            if (std::find(freeJobs.cbegin(), freeJobs.cend(), j) != freeJobs.cend()
                && !pinnedJobs.contains(input.jobs[j].id))
                plan.unscheduled.append({input.jobs[j].id, unplacedReasonName(unplaced.reason)});
        }
    } else {
        for (size_t p = 0; p < problem.jobs.size(); ++p) {
            const Job &job = input.jobs[problemJob[p]];
            if (std::find(freeJobs.cbegin(), freeJobs.cend(), problemJob[p]) != freeJobs.cend()
                && !pinnedJobs.contains(job.id))
                plan.unscheduled.append({job.id, QStringLiteral("shift")});
        }
    }

    // The changes: free jobs placed somewhere else than they were, or taken off.
    QSet<QUuid> changed;
    for (int j : freeJobs) {
        const Job &job = input.jobs[j];
        JobBooking change = booked.value(j);
        change.jobId = job.id;
        change.wasStatus = job.status;
        change.wasFitterId = job.fitterId;
        change.wasStart = job.start;
        const bool wasBooked = JobStatusNames::isBooked(job.status);
        if (wasBooked && change.fitterId == job.fitterId && change.start == job.start)
            continue;
        if (!wasBooked && change.fitterId.isNull())
            continue;
        if (change.fitterId.isNull() && pinnedJobs.contains(job.id))
            continue; // not placed within its pin: it stays where it is
        plan.changes.append(change);
        changed.insert(job.id);
    }

    leaveOutWhatBreaksRules(plan, changed, pinnedJobs, input, frame, places);

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
