#pragma once

#include "domain/fitter.h"
#include "domain/job.h"
#include "domain/jobbooking.h"
#include "domain/result.h"
#include "domain/stock.h"
#include "schedule/feasibilitychecker.h"

#include <QCoreApplication>
#include <QHash>

#include <atomic>
#include <cstdint>
#include <functional>

namespace saferhomes {

/// What an auto-scheduling run may change (DESIGN §8). Every scope honours each booked job's
/// pin (PinKind): pinned to its exact time, it stays; to its fitter's day, it stays on that
/// fitter and day (its time within the day may change); to its fitter, it stays with that
/// fitter (any day and time of the horizon). A job pinned to a fitter or day that cannot be
/// placed within its pin stays where it is booked, never back to the tray.
enum class AutoScheduleScope {
    Horizon, ///< open jobs onto every fitter's shifts over the days chosen
    /// One fitter's booked jobs of one day, reordered (those pinned to a time stay); an
    /// unpinned job the day cannot hold any more goes back to the tray, listed with the reason.
    FitterDay,
    FitJobIn ///< one job placed (or moved within its pin), everything else where it is
};

struct AutoScheduleRequest {
    AutoScheduleScope scope = AutoScheduleScope::Horizon;
    QDate from; ///< first day (Europe/London); FitterDay plans this day only
    int days = 1;
    /// Horizon: booked jobs in the horizon may move too (within their pins), or go back to the
    /// tray when they no longer fit (pinned ones never do; ones pinned to a time, and ones
    /// without coordinates, never move).
    bool replan = false;
    QUuid fitterId; ///< FitterDay: whose day
    QUuid jobId; ///< FitJobIn: the job to place
    double timeLimit = 2.0; ///< seconds
    std::uint64_t seed = 1;
};

/// What the plan is made from: the jobs (any status; the scope picks), the fitters, the
/// skill each catalogue item needs (equipment code → skill name) and the stock (available by
/// location, reserved by job: a plan books no job whose items are short).
struct AutoScheduleInput {
    QList<Job> jobs;
    QList<Fitter> fitters;
    QHash<QString, QString> itemSkills;
    ScheduleStock stock;
};

struct JobLeftOut {
    QUuid jobId;
    QString reason; ///< skill, window, shift, capacity, no_room, no_location, stock
};

/// A run's proposal, shown before it is applied: jobs placed (were unscheduled), moved (were
/// booked elsewhere), left unscheduled with the reason each, travel before and after.
struct AutoSchedulePlan {
    QList<JobBooking> changes; ///< bookings made, moved or taken off
    QList<JobLeftOut> unscheduled;
    int placed = 0;
    int moved = 0;
    double travelMinutesBefore = 0;
    double travelMinutesAfter = 0;
    double seconds = 0;
    bool stoppedByClock = false;
};

/// The rules each booked job of the horizon breaks, as the feasibility checker finds them.
struct ScheduleCheck {
    QList<QUuid> jobIds; ///< the booked jobs checked, in the order of breaks
    std::vector<std::vector<RuleBreak>> breaks;
    int jobsBreaking() const;
};

/// The adaptor between jobs and fitters and the route optimiser (DESIGN §8): builds the
/// routing problem of a scope (one vehicle per fitter and working day, the householder's
/// availability as windows, fixed bookings as pins at their time), solves it and turns the
/// routes back into bookings. A plan never adds a rule break: a booking the checker would
/// mark is left out (no_room) instead.
class AutoScheduler {
    Q_DECLARE_TR_FUNCTIONS(AutoScheduler)

public:
    using Progress = std::function<void(double fractionDone)>;

    /// Error::cancelled when \a cancel was set during the run (nothing is proposed then),
    /// Error::invalid for a request that names no day, a fitter or job that is not there.
    static Result<AutoSchedulePlan> plan(const AutoScheduleInput &input,
                                         const AutoScheduleRequest &request,
                                         const std::atomic<bool> *cancel = nullptr,
                                         const Progress &progress = {});

    /// \a jobs as they would be with \a plan applied.
    static QList<Job> applied(QList<Job> jobs, const AutoSchedulePlan &plan);

    /// Checks every booked job of \a input that starts within the days [from, from + days).
    static ScheduleCheck check(const AutoScheduleInput &input, const QDate &from, int days);

    /// Skill names as the optimiser's and checker's bit sets.
    static std::uint64_t skillBits(const QStringList &skills);
};

} // namespace saferhomes
