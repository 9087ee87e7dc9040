#pragma once

#include "domain/job.h"

#include <QDateTime>
#include <QUuid>

namespace saferhomes {

/// One job's booking as a scheduling run changes it: a fitter and a time, or a null fitterId
/// to take the job off the schedule (back to the tray). The was* fields are the booking the
/// change was made against, so that applying it can refuse a job changed meanwhile.
struct JobBooking {
    QUuid jobId;
    QUuid fitterId;
    QDateTime start;
    QDateTime end;
    /// The status a booked job takes (scheduled or tentative); ignored when fitterId is null.
    JobStatus status = JobStatus::Scheduled;
    JobStatus wasStatus = JobStatus::Unscheduled;
    QUuid wasFitterId;
    QDateTime wasStart;
};

} // namespace saferhomes
