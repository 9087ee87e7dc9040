#include "schedule/autoschedulecommand.h"

#include "store/jobrepository.h"

namespace saferhomes {

AutoScheduleCommand::AutoScheduleCommand(JobRepository &jobs, const QList<JobBooking> &changes,
                                         const QList<Job> &jobsBefore, const QString &text,
                                         Done done)
    : QUndoCommand(text)
    , m_jobs(jobs)
    , m_changes(changes)
    , m_reverse(reversed(changes, jobsBefore))
    , m_done(std::move(done))
{ }

QList<JobBooking> AutoScheduleCommand::reversed(const QList<JobBooking> &changes,
                                                const QList<Job> &jobsBefore)
{
    QList<JobBooking> reverse;
    reverse.reserve(changes.size());
    for (const JobBooking &change : changes) {
        JobBooking back;
        back.jobId = change.jobId;
        // The status applying the change left (see JobRepository::applyBookings).
        if (change.fitterId.isNull())
            back.wasStatus = JobStatus::Unscheduled;
        else
            back.wasStatus
                = JobStatusNames::isBooked(change.status) ? change.status : JobStatus::Scheduled;
        back.wasFitterId = change.fitterId;
        back.wasStart = change.start;
        if (JobStatusNames::isBooked(change.wasStatus)) {
            back.fitterId = change.wasFitterId;
            back.status = change.wasStatus; // a tentative booking comes back tentative
            back.start = change.wasStart;
            back.end = change.wasStart;
            for (const Job &job : jobsBefore) {
                if (job.id == change.jobId) {
                    back.end = job.end.isValid()
                        ? job.end
                        : change.wasStart.addSecs(qint64(job.durationMinutes) * 60);
                    break;
                }
            }
        }
        reverse.append(back);
    }
    return reverse;
}

void AutoScheduleCommand::redo()
{
    apply(m_changes);
}

void AutoScheduleCommand::undo()
{
    apply(m_reverse);
}

void AutoScheduleCommand::apply(const QList<JobBooking> &bookings)
{
    const Result<int> applied = m_jobs.applyBookings(bookings);
    if (!applied) {
        setObsolete(true);
        m_done(applied.error());
        return;
    }
    m_done({});
}

} // namespace saferhomes
