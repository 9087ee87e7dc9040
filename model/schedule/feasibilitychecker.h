#pragma once

#include "schedule/routingproblem.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace saferhomes {

/// A rule a booked job can break (DESIGN §8); the board's marks and the optimiser's checks.
enum class ScheduleRule {
    DoubleBooking, ///< overlaps another job of the same fitter
    OutsideShift, ///< not inside one of the fitter's working intervals
    Absence, ///< overlaps an absence of the fitter
    MissingSkill, ///< the fitter lacks a skill the job needs
    WindowMissed, ///< starts outside every window of the householder
    TravelImpossible, ///< cannot be reached in time from the fitter's previous job
    /// Its items (what is not reserved for it yet) are neither in the fitter's van nor at the
    /// depot, once the jobs before it have taken theirs
    StockShort
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

/// Stock for the "stock short" rule, by item index: what is available (on hand, not reserved)
/// at the depot and in each fitter's van, and what each job needs that is not reserved for it.
struct CheckedStock {
    std::vector<int> depot;
    std::vector<std::vector<int>> vans; ///< by fitter index
    std::vector<std::vector<std::pair<int, int>>> needed; ///< by job: (item index, quantity)
};

struct RuleBreak {
    ScheduleRule rule;
    int otherJob = -1; ///< the job it clashes with or travels from, when there is one
    bool operator==(const RuleBreak &) const = default;
};

/// The one feasibility checker of a schedule: for each job, the rules it breaks (empty when
/// none). Boundaries are allowed: a job may end when the next starts, start when its window
/// or the shift opens and end when the shift closes. \a travel may be null (no travel rule).
/// \a stock may be null (no stock rule); else the booked jobs, in start order, take what they
/// still need of each item from their fitter's van when it has all of it, else from the depot
/// when it has, else the job is short of stock (as reservations are made when it is booked).
std::vector<std::vector<RuleBreak>> checkSchedule(const std::vector<CheckedFitter> &fitters,
                                                  const std::vector<CheckedJob> &jobs,
                                                  const TravelModel *travel,
                                                  const CheckedStock *stock = nullptr);

} // namespace saferhomes
