#include "schedule/boardcommand.h"

#include "service/scheduleservice.h"

namespace saferhomes {

BoardCommand::BoardCommand(ScheduleService &service, const QUuid &jobId,
                           const BoardPlacement &before, const BoardPlacement &after,
                           const QString &text, Done done, const QStringList &skillException)
    : QUndoCommand(text)
    , m_service(service)
    , m_jobId(jobId)
    , m_before(before)
    , m_after(after)
    , m_skillException(skillException)
    , m_done(std::move(done))
{ }

void BoardCommand::redo()
{
    const Status status = apply(m_before, m_after, m_skillException);
    if (!status)
        setObsolete(true);
    m_done(m_jobId, status);
}

void BoardCommand::undo()
{
    const Status status = apply(m_after, m_before, {});
    if (!status)
        setObsolete(true);
    m_done(m_jobId, status);
}

Status BoardCommand::apply(const BoardPlacement &from, const BoardPlacement &to,
                           const QStringList &skillException)
{
    if (to.fitterId.isNull())
        return m_service.unschedule(m_jobId);
    if (from.fitterId.isNull())
        return m_service.book(m_jobId, to.fitterId, to.start, to.minutes, to.pin, skillException);
    // A step changes one thing at a time; each service call is its own transaction.
    if (from.fitterId != to.fitterId || from.start != to.start) {
        if (Status moved = m_service.move(m_jobId, to.fitterId, to.start, skillException); !moved)
            return moved;
    }
    if (from.minutes != to.minutes) {
        if (Status resized = m_service.resize(m_jobId, to.minutes); !resized)
            return resized;
    }
    if (from.pin != to.pin)
        return m_service.setPin(m_jobId, to.pin);
    return {};
}

} // namespace saferhomes
