#pragma once

#include "domain/result.h"
#include "schedule/travelmodel.h"

#include <QString>

#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

namespace saferhomes {

/// A closed interval of time in the problem's unit (minutes of the horizon for the app,
/// plain units for the benchmark).
struct TimeWindow {
    double open = 0;
    double close = std::numeric_limits<double>::infinity();
};

/// One visit to place: a householder's job, or a benchmark customer.
struct RoutingJob {
    int location = 0; ///< index in the problem's TravelModel
    double demand = 0; ///< load it takes from the vehicle (0 when loads do not matter)
    double serviceTime = 0; ///< time spent on site
    /// When service may start; several windows are alternatives (e.g. two mornings). Empty:
    /// any time.
    std::vector<TimeWindow> windows;
    std::uint64_t requiredSkills = 0; ///< bit set; a vehicle must have all of them
    int pinnedVehicle = -1; ///< only this vehicle may take it (-1: any vehicle with the skills)
    /// When not empty, only these vehicles may take it (a job pinned to a fitter: that
    /// fitter's days), as well as the pinned vehicle when there is one.
    std::vector<int> vehicles;
};

/// One vehicle (a fitter's day): where it starts and ends, when, what it can carry and do.
struct RoutingVehicle {
    int startLocation = 0;
    int endLocation = 0;
    TimeWindow shift; ///< leaves the start no earlier than open, is back no later than close
    double capacity = std::numeric_limits<double>::infinity();
    std::uint64_t skills = ~std::uint64_t(0);
};

/// Why a job was left out of a solution.
enum class UnplacedReason {
    Skill, ///< no vehicle has the skills it needs (or its pinned vehicle lacks them)
    Capacity, ///< its demand is more than any vehicle that may take it can carry
    Window, ///< no vehicle that may take it can reach it inside one of its windows
    Shift, ///< no vehicle can serve it and be back before the end of its shift
    NoRoom ///< it could be served alone, but the vehicles' time and loads are taken
};

QString unplacedReasonName(UnplacedReason reason);

struct UnplacedJob {
    int job = -1;
    UnplacedReason reason = UnplacedReason::NoRoom;
};

/// A vehicle routing problem with time windows, as general as the schedule needs: each vehicle
/// its own start, end, shift, capacity and skills; each job its windows, skills and pin.
///
/// The schedule maps onto it as follows: one vehicle per fitter and working day (its shift as
/// minutes from the start of the horizon, its van's stock as capacity when it matters), the
/// householder's availability as the job's windows in the same minutes, the items' fit minutes
/// as service time, a job already fixed to a fitter's day as a pin to that vehicle, one pinned
/// to a fitter as the vehicles of that fitter, and one fixed to a time as a window that opens
/// and closes at that time.
struct RoutingProblem {
    std::vector<RoutingJob> jobs;
    std::vector<RoutingVehicle> vehicles;
    std::shared_ptr<const TravelModel> travel;

    /// Whether the problem is well formed; else Error::Invalid saying what is wrong with it (a
    /// location outside the travel model, a window that closes before it opens...).
    Status validate() const;

    /// True when \a vehicle may take \a job (skills, pin and allowed vehicles).
    bool mayTake(int vehicle, int job) const;

    /// The jobs that no route can serve even alone (depot, job, depot), each with the reason:
    /// whatever a solver does, these stay out.
    std::vector<UnplacedJob> jobsNoRouteCanServe() const;
};

} // namespace saferhomes
