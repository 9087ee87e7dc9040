#pragma once

#include "domain/job.h"
#include "domain/jobbooking.h"
#include "domain/result.h"

#include <QList>
#include <QUndoCommand>

#include <functional>

namespace saferhomes {

class JobRepository;

/// An applied auto-schedule plan as ONE undo step of the board: redo applies every booking
/// of the plan in one transaction (JobRepository::applyBookings), undo puts every job back
/// where it was, also in one transaction. A step the database refuses (a job changed
/// meanwhile) reports the error and makes itself obsolete (the stack then drops it).
class AutoScheduleCommand : public QUndoCommand {
public:
    /// Called after each redo and undo with what the repository answered.
    using Done = std::function<void(const Status &status)>;

    /// \a jobs are the jobs as they were when the plan was made (for the ends to restore).
    AutoScheduleCommand(JobRepository &jobs, const QList<JobBooking> &changes,
                        const QList<Job> &jobsBefore, const QString &text, Done done);

    /// The bookings that undo \a changes made against \a jobsBefore.
    static QList<JobBooking> reversed(const QList<JobBooking> &changes,
                                      const QList<Job> &jobsBefore);

    void redo() override;
    void undo() override;

private:
    void apply(const QList<JobBooking> &bookings);

    JobRepository &m_jobs;
    QList<JobBooking> m_changes;
    QList<JobBooking> m_reverse;
    Done m_done;
};

} // namespace saferhomes
