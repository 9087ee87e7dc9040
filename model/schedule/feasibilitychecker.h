#pragma once

#include "schedule/routingproblem.h"

#include <cstdint>
#include <vector>

namespace saferhomes {

/// A rule a booked job can break (DESIGN §8); the board's marks and the optimiser's checks.
enum class ScheduleRule {
    DoubleBooking, ///< overlaps another job of the same fitter
    OutsideShift, ///< not inside one of the fitter's working intervals
    Absence, ///< overlaps an absence of the fitter
    MissingSkill, ///< the fitter lacks a skill the job needs
    WindowMissed, ///< starts outside every window of the householder
    TravelImpossible ///< cannot be reached in time from the fitter's previous job
};

QString scheduleRuleName(ScheduleRule rule);

/// A fitter as the checker sees them, times in minutes from the start of the horizon.
struct CheckedFitter {
    std::uint64_t skills = 0;
    std::vector<TimeWindow> working; ///< shifts, absences already taken out
    std::vector<TimeWindow> absences;
};

/// A booked job: which fitter, when, where, what it needs.
struct CheckedJob {
    int fitter = -1; ///< index in the fitters; -1: not booked (nothing to check)
    double start = 0;
    double end = 0;
    int location = 0; ///< index in the travel model
    std::uint64_t requiredSkills = 0;
    std::vector<TimeWindow> windows; ///< when service may start; empty: any time
};

struct RuleBreak {
    ScheduleRule rule;
    int otherJob = -1; ///< the job it clashes with or travels from, when there is one
    bool operator==(const RuleBreak &) const = default;
};

/// The one feasibility checker of a schedule: for each job, the rules it breaks (empty when
/// none). Boundaries are allowed: a job may end when the next starts, start when its window
/// or the shift opens and end when the shift closes. \a travel may be null (no travel rule).
std::vector<std::vector<RuleBreak>> checkSchedule(const std::vector<CheckedFitter> &fitters,
                                                  const std::vector<CheckedJob> &jobs,
                                                  const TravelModel *travel);

} // namespace saferhomes
