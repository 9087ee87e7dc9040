// JobRepository: the schedule's edits (the board's book, move, resize, pin and unschedule, and
// an optimiser run's bookings applied at once).

#include "jobrepository.h"

#include "auditlog.h"
#include "jobrepository_p.h"
#include "sqlvalues.h"
#include "stockledger.h"
#include "visitrepository.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <tuple>

namespace saferhomes {

using namespace sqlvalues;
using jobstore::settleHousehold;

struct JobRepository::Placement {
    QUuid fitterId;
    QDateTime start;
    int minutes = 0;
    PinKind pin = PinKind::None;
};

Status JobRepository::changePlacement(const QUuid &jobId, const QString &action,
                                      const PlacementChange &change,
                                      const QStringList &missingSkills)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return writeError(tr("the job"), db.lastError()).within(action);
    const auto failed = [&](const Error &error) {
        db.rollback();
        return error.within(action);
    };
    const QString id = uuidText(jobId);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT status, fitter_id, scheduled_start, duration_minutes, "
                                 "pinned, household_id, pin_kind FROM job WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return failed(readError(tr("the job"), query.lastError()));
    if (!query.next())
        return failed(Error::notFound(tr("there is no job %1").arg(id)));
    const auto status = JobStatusNames::fromName(query.value(0).toString());
    Placement before {
        readId(query.value(1)), readTime(query.value(2)), query.value(3).toInt(),
        PinKindNames::fromStored(query.value(4).toInt() == 1, query.value(6).toString())};
    const QString householdId = query.value(5).toString();
    query.finish();
    if (!status)
        return failed(Error::database(tr("job %1 has an unknown status").arg(id)));
    if (!JobStatusNames::isBooked(*status))
        before = {{}, {}, before.minutes, PinKind::None};
    const Result<Placement> after = change(before, *status);
    if (!after)
        return failed(after.error());
    if (after->minutes <= 0)
        return failed(Error::invalid(tr("a job lasts at least a minute")));
    const bool booked = !after->fitterId.isNull();
    if (booked && !after->start.isValid())
        return failed(Error::invalid(tr("a booking needs a start")));
    const QString newStatus = booked
        ? (JobStatusNames::isBooked(*status) ? JobStatusNames::name(*status)
                                             : QStringLiteral("scheduled"))
        : QStringLiteral("unscheduled");
    const QDateTime end = booked ? after->start.addSecs(qint64(after->minutes) * 60) : QDateTime();
    // Only a booked job is pinned; `pinned` keeps meaning a pin to the exact time.
    const PinKind pin = booked ? after->pin : PinKind::None;
    const bool rescheduled = before.fitterId != after->fitterId || before.start != after->start
        || before.minutes != after->minutes;
    query.prepare(QStringLiteral(
        "UPDATE job SET fitter_id = ?, status = ?, scheduled_start = ?, scheduled_end = ?, "
        "duration_minutes = ?, pinned = ?, pin_kind = ?, sequence = sequence + ? WHERE id = ?"));
    query.addBindValue(nullableId(after->fitterId));
    query.addBindValue(newStatus);
    query.addBindValue(nullableTime(booked ? after->start : QDateTime()));
    query.addBindValue(nullableTime(end));
    query.addBindValue(after->minutes);
    query.addBindValue(pin == PinKind::Time ? 1 : 0);
    query.addBindValue(PinKindNames::name(pin));
    query.addBindValue(rescheduled ? 1 : 0);
    query.addBindValue(id);
    if (!query.exec())
        return failed(writeError(tr("the job"), query.lastError()));

    AuditLog audit(m_connectionName, m_userName, m_device);
    const QString now = storeTimestamp();
    const std::tuple<QString, QVariant, QVariant> changed[] {
        {QStringLiteral("status"), JobStatusNames::name(*status), newStatus},
        {QStringLiteral("fitter_id"), nullableId(before.fitterId), nullableId(after->fitterId)},
        {QStringLiteral("scheduled_start"), nullableTime(before.start),
         nullableTime(booked ? after->start : QDateTime())},
        {QStringLiteral("duration_minutes"), before.minutes, after->minutes},
        {QStringLiteral("pin_kind"), PinKindNames::name(before.pin), PinKindNames::name(pin)},
        {QStringLiteral("skill_exception"), QVariant(),
         missingSkills.isEmpty() ? QVariant() : QVariant(missingSkills.join(QStringLiteral(", ")))},
    };
    for (const auto &[field, old, value] : changed) {
        if (old == value)
            continue;
        if (const Status recorded = audit.record(QStringLiteral("job"), id, field, old, value, now);
            !recorded)
            return failed(recorded.error());
    }
    if (const Status settled = settleHousehold(m_connectionName, audit, householdId, now); !settled)
        return failed(settled.error());
    if (const Status settled
        = stockstore::settleJobReservations(m_connectionName, audit, m_userName, id, now);
        !settled)
        return failed(settled.error());
    if (!db.commit())
        return failed(writeError(tr("the job"), db.lastError()));
    return {};
}

Status JobRepository::bookJob(const QUuid &jobId, const QUuid &fitterId, const QDateTime &start,
                              int minutes, PinKind pin, const QStringList &missingSkills)
{
    return changePlacement(
        jobId, tr("Booking a job"),
        [&](const Placement &, JobStatus status) -> Result<Placement> {
            if (status != JobStatus::Unscheduled) {
                return Error::invalid(
                    tr("the job is %1, not in the tray").arg(JobStatusNames::name(status)));
            }
            if (fitterId.isNull())
                return Error::invalid(tr("no fitter was chosen"));
            return Placement {fitterId, start, minutes, pin};
        },
        missingSkills);
}

namespace {

Error notBooked(JobStatus status)
{
    return Error::invalid(
        JobRepository::tr("the job is %1, not booked").arg(JobStatusNames::name(status)));
}

} // namespace

Status JobRepository::moveJob(const QUuid &jobId, const QUuid &fitterId, const QDateTime &start,
                              const QStringList &missingSkills)
{
    return changePlacement(
        jobId, tr("Moving a job"),
        [&](const Placement &now, JobStatus status) -> Result<Placement> {
            if (!JobStatusNames::isBooked(status))
                return notBooked(status);
            if (fitterId.isNull())
                return Error::invalid(tr("no fitter was chosen"));
            return Placement {fitterId, start, now.minutes, now.pin};
        },
        missingSkills);
}

Status JobRepository::resizeJob(const QUuid &jobId, int minutes)
{
    return changePlacement(jobId, tr("Changing a job's length"),
                           [&](const Placement &now, JobStatus status) -> Result<Placement> {
                               if (!JobStatusNames::isBooked(status))
                                   return notBooked(status);
                               return Placement {now.fitterId, now.start, minutes, now.pin};
                           });
}

Status JobRepository::setJobPin(const QUuid &jobId, PinKind pin)
{
    return changePlacement(jobId,
                           pin != PinKind::None ? tr("Pinning a job") : tr("Unpinning a job"),
                           [&](const Placement &now, JobStatus status) -> Result<Placement> {
                               if (!JobStatusNames::isBooked(status))
                                   return notBooked(status);
                               return Placement {now.fitterId, now.start, now.minutes, pin};
                           });
}

Status JobRepository::setJobPinned(const QUuid &jobId, bool pinned)
{
    return setJobPin(jobId, pinned ? PinKind::Time : PinKind::None);
}

Status JobRepository::unscheduleJob(const QUuid &jobId)
{
    return changePlacement(jobId, tr("Taking a job off the schedule"),
                           [&](const Placement &now, JobStatus status) -> Result<Placement> {
                               if (!JobStatusNames::isBooked(status))
                                   return notBooked(status);
                               return Placement {{}, {}, now.minutes, PinKind::None};
                           });
}

Result<ScheduleStock> JobRepository::scheduleStock() const
{
    return stockstore::readScheduleStock(m_connectionName);
}

Result<int> JobRepository::applyBookings(const QList<JobBooking> &changes)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return writeError(tr("jobs"), db.lastError()).within(tr("Applying a schedule"));
    const auto failed = [&](Error error) {
        db.rollback();
        return error;
    };
    QSqlQuery read(db);
    read.prepare(QStringLiteral(
        "SELECT status, fitter_id, scheduled_start, household_id FROM job WHERE id = ?"));
    QSqlQuery update(db);
    update.prepare(QStringLiteral(
        "UPDATE job SET fitter_id = ?, scheduled_start = ?, scheduled_end = ?, status = ?, "
        "sequence = sequence + ? WHERE id = ?"));
    AuditLog audit(m_connectionName, m_userName, m_device);
    const QString now = storeTimestamp();
    const auto booking = [](const QUuid &fitter, const QDateTime &start) {
        return fitter.isNull() ? QString() : uuidText(fitter) + u'@' + timeText(start);
    };
    QStringList households;
    // Reservations follow the jobs once all have moved: those taken off first, so what they
    // held is free for those booked.
    QStringList unbooked;
    QStringList booked;
    for (const JobBooking &change : changes) {
        const QString id = uuidText(change.jobId);
        read.addBindValue(id);
        if (!read.exec())
            return failed(readError(tr("jobs"), read.lastError()));
        if (!read.next())
            return failed(Error::notFound(tr("There is no job %1.").arg(id)));
        const QString status = read.value(0).toString();
        const QUuid fitter = readId(read.value(1));
        const QDateTime start = readTime(read.value(2));
        const QString household = read.value(3).toString();
        read.finish();
        const bool wasBooked = JobStatusNames::isBooked(change.wasStatus);
        if (status != JobStatusNames::name(change.wasStatus)
            || (wasBooked && (fitter != change.wasFitterId || start != change.wasStart))) {
            return failed(Error::refused(
                tr("Job %1 changed after the schedule was planned; nothing was applied. "
                   "Plan again.")
                    .arg(id)));
        }
        const bool books = !change.fitterId.isNull();
        update.addBindValue(nullableId(change.fitterId));
        update.addBindValue(books ? nullableTime(change.start) : nullableTime({}));
        update.addBindValue(books ? nullableTime(change.end) : nullableTime({}));
        const JobStatus next = books && JobStatusNames::isBooked(change.status)
            ? change.status
            : (books ? JobStatus::Scheduled : JobStatus::Unscheduled);
        update.addBindValue(JobStatusNames::name(next));
        update.addBindValue(wasBooked ? 1 : 0);
        update.addBindValue(id);
        if (!update.exec())
            return failed(writeError(tr("jobs"), update.lastError()));
        if (const Status recorded
            = audit.record(QStringLiteral("job"), id, QStringLiteral("booking"),
                           booking(wasBooked ? fitter : QUuid(), start),
                           booking(change.fitterId, change.start), now);
            !recorded)
            return failed(recorded.error());
        if (!households.contains(household))
            households.append(household);
        (books ? booked : unbooked).append(id);
    }
    for (const QString &household : std::as_const(households)) {
        if (const Status settled = settleHousehold(m_connectionName, audit, household, now);
            !settled)
            return failed(settled.error());
    }
    for (const QString &job : unbooked + booked) {
        if (const Status settled
            = stockstore::settleJobReservations(m_connectionName, audit, m_userName, job, now);
            !settled)
            return failed(settled.error());
    }
    if (!db.commit())
        return failed(writeError(tr("jobs"), db.lastError()));
    return int(changes.size());
}

} // namespace saferhomes
