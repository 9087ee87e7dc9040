// BoardView's mouse gestures: selecting, dragging a job to move it, dragging its right edge to
// resize it, its context menu, and drops of jobs from the tray.

#include "schedule/boardview.h"

#include "schedule/boardtraymodel.h"
#include "schedule/boardview_p.h"

#include <QContextMenuEvent>
#include <QDropEvent>
#include <QGuiApplication>
#include <QMenu>
#include <QMimeData>
#include <QMouseEvent>
#include <QStyleHints>

namespace saferhomes {

using namespace board;

QUuid BoardView::jobAt(const QPoint &pos) const
{
    for (auto it = m_rects.cbegin(); it != m_rects.cend(); ++it) {
        if (it.value().contains(pos))
            return it.key();
    }
    return {};
}

std::optional<BoardView::Slot> BoardView::slotAt(const QPoint &pos, const Job *moving) const
{
    const int row = rowAt(pos.y());
    if (row < 0 || pos.x() < kNames)
        return std::nullopt;
    if (m_mode == Mode::Day) {
        const int x = pos.x() - (moving ? m_grabOffset.x() : 0);
        return Slot {row, QDateTime(day(), timeAtX(x), london())};
    }
    const int column = std::clamp((pos.x() - kNames) / std::max(1, columnRect(0).width()), 0, 4);
    const QDate day = dayOfColumn(column);
    if (moving) // a move keeps the time of day
        return Slot {row, QDateTime(day, local(moving->start).time(), london())};
    return Slot {row, nextFreeStart(row, day, {})};
}

void BoardView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    if (event->button() != Qt::LeftButton)
        return;
    const QPoint pos = event->position().toPoint();
    m_pressed = jobAt(pos);
    m_pressPos = pos;
    m_dragging = false;
    m_resizing = false;
    if (!m_pressed.isNull()) {
        const QRect rect = m_rects.value(m_pressed);
        m_grabOffset = pos - rect.topLeft();
        m_resizing = m_mode == Mode::Day && pos.x() >= rect.right() - kEdge;
        setSelected(m_pressed);
    }
    const int row = rowAt(pos.y());
    if (row >= 0 && pos.x() >= kNames) {
        m_cursorRow = row;
        if (m_mode == Mode::Week)
            m_cursorColumn
                = std::clamp((pos.x() - kNames) / std::max(1, columnRect(0).width()), 0, 4);
        else
            m_cursorTime = timeAtX(pos.x());
    }
    update();
}

void BoardView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_pressed.isNull()) {
        const QUuid over = jobAt(pos);
        const bool edge = m_mode == Mode::Day && !over.isNull()
            && pos.x() >= m_rects.value(over).right() - kEdge;
        setCursor(edge ? Qt::SizeHorCursor : Qt::ArrowCursor);
        if (!over.isNull()) {
            setToolTip(jobDescription(over));
        } else {
            setToolTip(helpText());
        }
        return;
    }
    if (!(event->buttons() & Qt::LeftButton))
        return;
    if (!m_dragging && !m_resizing
        && (pos - m_pressPos).manhattanLength()
            >= QGuiApplication::styleHints()->startDragDistance())
        m_dragging = true;
    m_pointer = pos;
    update();
}

void BoardView::mouseReleaseEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const Job *pressed = job(m_pressed);
    if (pressed && m_dragging) {
        const std::optional<Slot> target = slotAt(pos, pressed);
        if (target
            && (fitterAt(target->row) != pressed->fitterId || target->start != pressed->start))
            emit moveRequested(QUuid(pressed->id), fitterAt(target->row), target->start);
    } else if (pressed && m_resizing && pos != m_pressPos) {
        const int left = m_rects.value(pressed->id).left();
        const int minutes = std::max(
            kStep, int(std::lround((pos.x() - left) / pixelsPerMinute() / kStep)) * kStep);
        if (minutes != pressed->durationMinutes)
            emit resizeRequested(QUuid(pressed->id), minutes);
    }
    m_pressed = {};
    m_dragging = false;
    m_resizing = false;
    update();
}

void BoardView::contextMenuEvent(QContextMenuEvent *event)
{
    const QUuid id = jobAt(event->pos());
    const Job *found = job(id);
    if (!found)
        return;
    setSelected(id);
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("boardJobMenu"));
    const auto addPin = [&](PinKind pin, const QString &text) {
        // The pin it has already, chosen again, takes it off.
        const PinKind next = found->pin == pin ? PinKind::None : pin;
        QAction *action
            = menu.addAction(text, this, [this, id, next] { emit pinRequested(id, next); });
        action->setCheckable(true);
        action->setChecked(found->pin == pin);
        action->setObjectName(QStringLiteral("pin_") + PinKindNames::name(pin));
    };
    addPin(PinKind::Fitter, tr("Pin to this fitter (any day or time)\tShift+F"));
    addPin(PinKind::Day, tr("Pin to this day (any time that day)\tShift+D"));
    addPin(PinKind::Time, tr("Pin to this exact time\tShift+T"));
    QAction *unpin = menu.addAction(tr("Unpin\tU"), this,
                                    [this, id] { emit pinRequested(id, PinKind::None); });
    unpin->setObjectName(QStringLiteral("pin_none"));
    unpin->setEnabled(found->isPinned());
    menu.addSeparator();
    menu.addAction(tr("Unschedule\tDelete"), this, [this, id] { emit unscheduleRequested(id); });
    menu.exec(event->globalPos());
}

// Drops from the tray ---------------------------------------------------------------------

void BoardView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(BoardTrayModel::mimeType()))
        event->acceptProposedAction();
}

void BoardView::dragMoveEvent(QDragMoveEvent *event)
{
    m_dropSlot = slotAt(event->position().toPoint(), nullptr);
    if (m_dropSlot)
        event->acceptProposedAction();
    else
        event->ignore();
    update();
}

void BoardView::dragLeaveEvent(QDragLeaveEvent *)
{
    m_dropSlot.reset();
    update();
}

void BoardView::dropEvent(QDropEvent *event)
{
    m_dropSlot.reset();
    const QUuid id(QString::fromUtf8(event->mimeData()->data(BoardTrayModel::mimeType())));
    const std::optional<Slot> target = slotAt(event->position().toPoint(), nullptr);
    if (id.isNull() || !target) {
        event->ignore();
        update();
        return;
    }
    event->acceptProposedAction();
    m_cursorRow = target->row;
    m_cursorColumn = columnOfDay(local(target->start).date());
    if (m_mode == Mode::Day)
        m_cursorTime = local(target->start).time();
    update();
    emit bookRequested(id, fitterAt(target->row), target->start);
}

} // namespace saferhomes
