#pragma once

// Judging a schedule of an auto-scheduling run: the rules its bookings break, the minutes its
// fitters drive, and a plan's bookings that would add a rule break, left out.

#include "schedule/autoscheduleframe.h"
#include "schedule/autoscheduleplaces.h"
#include "schedule/autoscheduler.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QUuid>

#include <cstdint>

namespace saferhomes::autoschedule {

/// The skills \a job's items need, as AutoScheduler::skillBits gives them.
std::uint64_t jobSkills(const Job &job, const QHash<QString, QString> &itemSkills);

/// Each fitter's position in \a fitters, by id.
QHash<QUuid, int> fitterIndex(const QList<Fitter> &fitters);

/// The rules each booked job of \a input within \a frame breaks.
ScheduleCheck checkJobs(const AutoScheduleInput &input, const Frame &frame, const Places &places);

/// Minutes driven by the fitters in \a fitters over the horizon: from the start location
/// through the day's booked jobs in time order and back.
double travelMinutes(const AutoScheduleInput &input, const QList<int> &fitters, const Frame &frame,
                     const Places &places);

/// Never adds a rule break: a booking of \a plan (one of \a changed) that the checker marks is
/// left out instead (no_room), until none is; a fixed booking the optimiser could not keep
/// may still hold the time it was given.
void leaveOutWhatBreaksRules(AutoSchedulePlan &plan, QSet<QUuid> &changed,
                             const QSet<QUuid> &pinned, const AutoScheduleInput &input,
                             const Frame &frame, const Places &places);

} // namespace saferhomes::autoschedule
