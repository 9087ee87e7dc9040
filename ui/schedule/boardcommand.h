#pragma once

#include "domain/job.h"
#include "domain/result.h"

#include <QDateTime>
#include <QStringList>
#include <QUndoCommand>
#include <QUuid>

#include <functional>

namespace saferhomes {

class ScheduleService;

/// Where a job sits on the board: a fitter, a start, a length and a pin (to the fitter, the
/// day or the exact time); no fitter is the tray.
struct BoardPlacement {
    QUuid fitterId;
    QDateTime start;
    int minutes = 0;
    PinKind pin = PinKind::None;
    bool operator==(const BoardPlacement &) const = default;
};

/// One change of the board (book, move, resize, pin or unpin, unschedule) as an undo step:
/// redo and undo ask the ScheduleService to put the job where it should be. A step the
/// database refuses reports the error and makes itself obsolete (the stack then drops it).
class BoardCommand : public QUndoCommand {
public:
    /// Called after each redo and undo with the job and what the service answered.
    using Done = std::function<void(const QUuid &jobId, const Status &status)>;

    BoardCommand(ScheduleService &service, const QUuid &jobId, const BoardPlacement &before,
                 const BoardPlacement &after, const QString &text, Done done,
                 const QStringList &skillException = {});

    void redo() override;
    void undo() override;

private:
    Status apply(const BoardPlacement &from, const BoardPlacement &to,
                 const QStringList &skillException);

    ScheduleService &m_service;
    QUuid m_jobId;
    BoardPlacement m_before;
    BoardPlacement m_after;
    QStringList m_skillException;
    Done m_done;
};

} // namespace saferhomes
