#include "routingproblem.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace saferhomes {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(RoutingProblem)
};

bool validWindow(const TimeWindow &window)
{
    return !std::isnan(window.open) && !std::isnan(window.close) && window.open <= window.close;
}

} // namespace

QString unplacedReasonName(UnplacedReason reason)
{
    switch (reason) {
    case UnplacedReason::Skill: return QStringLiteral("skill");
    case UnplacedReason::Capacity: return QStringLiteral("capacity");
    case UnplacedReason::Window: return QStringLiteral("window");
    case UnplacedReason::Shift: return QStringLiteral("shift");
    case UnplacedReason::NoRoom: return QStringLiteral("no_room");
    }
    return {};
}

Status RoutingProblem::validate() const
{
    if (!travel)
        return Error::invalid(Text::tr("no travel model"));
    const int locations = travel->locationCount();
    for (size_t v = 0; v < vehicles.size(); ++v) {
        const RoutingVehicle &vehicle = vehicles[v];
        if (vehicle.startLocation < 0 || vehicle.startLocation >= locations
            || vehicle.endLocation < 0 || vehicle.endLocation >= locations)
            return Error::invalid(Text::tr("vehicle %1: location outside the travel model").arg(v));
        if (!validWindow(vehicle.shift))
            return Error::invalid(Text::tr("vehicle %1: the shift ends before it starts").arg(v));
        if (!(vehicle.capacity >= 0))
            return Error::invalid(Text::tr("vehicle %1: negative capacity").arg(v));
    }
    for (size_t j = 0; j < jobs.size(); ++j) {
        const RoutingJob &job = jobs[j];
        if (job.location < 0 || job.location >= locations)
            return Error::invalid(Text::tr("job %1: location outside the travel model").arg(j));
        if (!(job.demand >= 0) || !(job.serviceTime >= 0))
            return Error::invalid(Text::tr("job %1: negative demand or service time").arg(j));
        for (const TimeWindow &window : job.windows) {
            if (!validWindow(window))
                return Error::invalid(Text::tr("job %1: a window closes before it opens").arg(j));
        }
        if (job.pinnedVehicle >= int(vehicles.size()))
            return Error::invalid(
                Text::tr("job %1: pinned to a vehicle that does not exist").arg(j));
        for (int vehicle : job.vehicles) {
            if (vehicle < 0 || vehicle >= int(vehicles.size()))
                return Error::invalid(
                    Text::tr("job %1: allowed a vehicle that does not exist").arg(j));
        }
    }
    return {};
}

bool RoutingProblem::mayTake(int vehicle, int job) const
{
    const RoutingJob &j = jobs[size_t(job)];
    if (j.pinnedVehicle >= 0 && j.pinnedVehicle != vehicle)
        return false;
    if (!j.vehicles.empty()
        && std::find(j.vehicles.cbegin(), j.vehicles.cend(), vehicle) == j.vehicles.cend())
        return false;
    return (j.requiredSkills & ~vehicles[size_t(vehicle)].skills) == 0;
}

std::vector<UnplacedJob> RoutingProblem::jobsNoRouteCanServe() const
{
    std::vector<UnplacedJob> out;
    static const std::vector<TimeWindow> kAnyTime {TimeWindow {}};
    for (int j = 0; j < int(jobs.size()); ++j) {
        const RoutingJob &job = jobs[size_t(j)];
        bool skilled = false;
        bool carried = false;
        bool shiftOnly = false;
        bool served = false;
        for (int v = 0; v < int(vehicles.size()) && !served; ++v) {
            if (!mayTake(v, j))
                continue;
            skilled = true;
            const RoutingVehicle &vehicle = vehicles[size_t(v)];
            if (job.demand > vehicle.capacity)
                continue;
            carried = true;
            const double there = travel->travelTime(vehicle.startLocation, job.location);
            const double back = travel->travelTime(job.location, vehicle.endLocation);
            for (const TimeWindow &window : job.windows.empty() ? kAnyTime : job.windows) {
                const double start = std::max(vehicle.shift.open + there, window.open);
                if (start > window.close)
                    continue;
                if (start + job.serviceTime + back > vehicle.shift.close) {
                    shiftOnly = true;
                    continue;
                }
                served = true;
                break;
            }
        }
        if (served)
            continue;
        const UnplacedReason reason = !skilled ? UnplacedReason::Skill
            : !carried                         ? UnplacedReason::Capacity
            : shiftOnly                        ? UnplacedReason::Shift
                                               : UnplacedReason::Window;
        out.push_back({j, reason});
    }
    return out;
}

} // namespace saferhomes
