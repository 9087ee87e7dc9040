// BoardView's keyboard: the cursor over fitters and days (or times), selecting the jobs in the
// cursor's cell, and moving, resizing, pinning and unscheduling the selected job.

#include "schedule/boardview.h"

#include "schedule/boardview_p.h"

#include <QKeyEvent>

namespace saferhomes {

using namespace board;

void BoardView::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    int rows = 0;
    int steps = 0;
    switch (event->key()) {
    case Qt::Key_Left: steps = -1; break;
    case Qt::Key_Right: steps = 1; break;
    case Qt::Key_Up: rows = -1; break;
    case Qt::Key_Down: rows = 1; break;
    default: break;
    }
    if (rows != 0 || steps != 0) {
        if (modifiers == Qt::ControlModifier) {
            moveSelected(rows, steps);
        } else if (modifiers == Qt::ShiftModifier && steps != 0) {
            if (const Job *selected = job(m_selected)) {
                const int minutes = std::max(kStep, selected->durationMinutes + steps * kStep);
                const QUuid id = selected->id; // the signal refreshes the jobs
                if (minutes != selected->durationMinutes)
                    emit resizeRequested(id, minutes);
            }
        } else if (modifiers == Qt::NoModifier) {
            moveCursor(rows, steps);
        }
        return;
    }
    if (modifiers != Qt::NoModifier && modifiers != Qt::ShiftModifier) {
        QWidget::keyPressEvent(event);
        return;
    }
    if (modifiers == Qt::ShiftModifier) {
        switch (event->key()) {
        case Qt::Key_F: requestPin(PinKind::Fitter); return;
        case Qt::Key_D: requestPin(PinKind::Day); return;
        case Qt::Key_T: requestPin(PinKind::Time); return;
        default: break;
        }
    }
    switch (event->key()) {
    case Qt::Key_P:
        // An exact-time pin, or off whatever the pin was.
        if (const Job *selected = job(m_selected))
            requestPin(selected->isPinned() ? selected->pin : PinKind::Time);
        return;
    case Qt::Key_U:
        if (const Job *selected = job(m_selected); selected && selected->isPinned()) {
            const QUuid id = selected->id; // the signal refreshes the jobs
            emit pinRequested(id, PinKind::None);
        }
        return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (const QUuid id = m_selected; !id.isNull())
            emit unscheduleRequested(id);
        return;
    case Qt::Key_Space: cycleInCell(); return;
    case Qt::Key_D: setMode(Mode::Day); return;
    case Qt::Key_W: setMode(Mode::Week); return;
    case Qt::Key_PageUp: step(-1); return;
    case Qt::Key_PageDown: step(1); return;
    default: QWidget::keyPressEvent(event);
    }
}

void BoardView::moveCursor(int rows, int steps)
{
    if (m_snapshot.fitters.isEmpty())
        return;
    m_cursorRow = std::clamp(m_cursorRow + rows, 0, int(m_snapshot.fitters.size()) - 1);
    if (m_mode == Mode::Week) {
        const int column = m_cursorColumn + steps;
        if (column < 0 || column > 4) {
            step(column < 0 ? -1 : 1);
            m_cursorColumn = column < 0 ? 4 : 0;
        } else {
            m_cursorColumn = column;
        }
    } else {
        const int minute
            = std::clamp(minuteOfDay(m_cursorTime) + steps * kStep, kDayFrom, kDayTo - kStep);
        m_cursorTime = QTime(0, 0).addSecs(minute * 60);
    }
    selectAtCursor();
    update();
    emit viewChanged();
}

void BoardView::selectAtCursor()
{
    const QList<const Job *> jobs = jobsIn(m_cursorRow, day());
    if (m_mode == Mode::Week) {
        setSelected(jobs.isEmpty() ? QUuid() : jobs.constFirst()->id);
        return;
    }
    const QDateTime at(day(), m_cursorTime, london());
    QUuid found;
    for (const Job *job : jobs) {
        if (job->start <= at && job->end > at)
            found = job->id;
    }
    setSelected(found);
}

void BoardView::cycleInCell()
{
    const QList<const Job *> jobs = jobsIn(m_cursorRow, day());
    if (jobs.isEmpty())
        return;
    qsizetype index = 0;
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        if (jobs[i]->id == m_selected)
            index = (i + 1) % jobs.size();
    }
    setSelected(jobs[index]->id);
}

void BoardView::moveSelected(int rows, int steps)
{
    const Job *selected = job(m_selected);
    if (!selected)
        return;
    int row = -1;
    for (int r = 0; r < m_snapshot.fitters.size(); ++r) {
        if (m_snapshot.fitters[r].id == selected->fitterId)
            row = r;
    }
    const int target = std::clamp(row + rows, 0, int(m_snapshot.fitters.size()) - 1);
    QDateTime start = local(selected->start);
    if (m_mode == Mode::Week) {
        start = start.addDays(steps);
        // Monday to Friday: a step off the week's edge skips the weekend.
        while (start.date().dayOfWeek() > 5)
            start = start.addDays(steps);
    } else {
        start = start.addSecs(qint64(steps) * kStep * 60);
    }
    if (target == row && start == local(selected->start))
        return;
    m_cursorRow = target;
    const QUuid id = selected->id; // the signal refreshes the jobs
    emit moveRequested(id, fitterAt(target), start);
}

void BoardView::setSelected(const QUuid &jobId)
{
    if (jobId == m_selected)
        return;
    m_selected = jobId;
    updateAccessibleText();
    update();
    emit selectionChanged(jobId);
}

} // namespace saferhomes
