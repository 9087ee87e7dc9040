// BoardView's painting: the header of days or hours, the fitters' rows and the job cards with
// their pin badges and rule marks.

#include "schedule/boardview.h"

#include "schedule/boardview_p.h"

#include <QPainter>

namespace saferhomes {

using namespace board;

namespace {

// Okabe–Ito colours (colour-blind safe): vermillion marks a broken rule, blue a booking; a
// pinned booking is sky blue with a dark blue badge naming what the pin holds (F, D or T), so
// that the kind never rests on colour alone.
const QColor kMark(0xD5, 0x5E, 0x00);
const QColor kBooked(0xCF, 0xE3, 0xF3);
const QColor kPinned(0x56, 0xB4, 0xE9);
const QColor kPinBadge(0x00, 0x49, 0x7A);

} // namespace

void BoardView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    paintHeader(painter);
    for (int row = 0; row < m_rows.size(); ++row)
        paintRow(painter, row);
    for (const Job &job : std::as_const(m_snapshot.jobs)) {
        const auto found = m_rects.constFind(job.id);
        if (found != m_rects.constEnd())
            paintJob(painter, job, *found);
    }
    // The cursor, and where a drag would put its job.
    if (!m_rows.isEmpty()) {
        const Row &r = m_rows.value(m_cursorRow);
        QRect cursor = columnRect(m_cursorColumn);
        if (m_mode == Mode::Day) {
            const int left = xOfTime(m_cursorTime);
            cursor = QRect(left, r.top, std::max(4, int(kStep * pixelsPerMinute())), r.height);
        } else {
            cursor = QRect(cursor.left(), r.top, cursor.width(), r.height);
        }
        QPen pen(palette().highlight().color(), hasFocus() ? 2 : 1, Qt::DashLine);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cursor.adjusted(1, 1, -2, -2));
    }
    const Job *moving = m_dragging ? job(m_pressed) : nullptr;
    const std::optional<Slot> target = moving ? slotAt(m_pointer, moving) : m_dropSlot;
    if (target && target->row >= 0) {
        const Row &r = m_rows[target->row];
        const QDateTime start = local(target->start);
        QRect ghost;
        if (m_mode == Mode::Day) {
            const int minutes = moving ? moving->durationMinutes : 60;
            ghost = QRect(xOfTime(start.time()), r.top + 2,
                          std::max(8, int(minutes * pixelsPerMinute())), r.height - 4);
        } else {
            const QRect cell = columnRect(columnOfDay(start.date()));
            ghost = QRect(cell.left() + 1, r.top + 1, cell.width() - 2, r.height - 2);
        }
        painter.setPen(QPen(palette().highlight().color(), 2));
        painter.setBrush(QColor(0, 0x72, 0xB2, 40));
        painter.drawRect(ghost);
        painter.drawText(ghost.adjusted(4, 0, -4, 0), Qt::AlignLeft | Qt::AlignBottom,
                         start.toString(u"ddd HH:mm"));
    }
}

void BoardView::paintHeader(QPainter &painter) const
{
    painter.fillRect(QRect(0, 0, width(), kHeader), palette().button());
    painter.setPen(palette().buttonText().color());
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.drawText(QRect(8, 0, kNames - 8, kHeader), Qt::AlignVCenter | Qt::AlignLeft,
                     tr("Fitter"));
    const QDate today = local(QDateTime::currentDateTime()).date();
    if (m_mode == Mode::Week) {
        for (int column = 0; column < 5; ++column) {
            const QRect cell = columnRect(column);
            const QDate day = dayOfColumn(column);
            if (day == today)
                painter.fillRect(QRect(cell.left(), 0, cell.width(), kHeader),
                                 palette().midlight());
            painter.drawText(QRect(cell.left(), 0, cell.width(), kHeader), Qt::AlignCenter,
                             QLocale().toString(day, QStringLiteral("ddd d MMM")));
        }
    } else {
        painter.drawText(QRect(kNames, 0, width() - kNames, kHeader / 2), Qt::AlignCenter,
                         QLocale().toString(day(), QStringLiteral("dddd d MMMM yyyy")));
        painter.setFont(font());
        for (int hour = kDayFrom / 60; hour <= kDayTo / 60; ++hour) {
            const int x = xOfTime(QTime(hour, 0));
            painter.drawLine(x, kHeader - 6, x, kHeader);
            if (hour < kDayTo / 60)
                painter.drawText(QRect(x + 2, kHeader / 2, 60, kHeader / 2),
                                 Qt::AlignLeft | Qt::AlignVCenter,
                                 QTime(hour, 0).toString(u"HH:mm"));
        }
    }
    painter.setFont(font());
}

void BoardView::paintRow(QPainter &painter, int row) const
{
    const Row &r = m_rows[row];
    const Fitter &fitter = m_snapshot.fitters[row];
    const QColor grid = palette().mid().color();
    painter.setPen(palette().text().color());
    const QRect names(8, r.top, kNames - 12, r.height);
    painter.drawText(names, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                     fitter.name + u'\n' + fitter.skills.join(QStringLiteral(", ")));
    for (int column = 0; column < columnCount(); ++column) {
        const QRect cell = columnRect(column);
        const QRect area(cell.left(), r.top, cell.width(), r.height);
        const QDate day = m_mode == Mode::Week ? dayOfColumn(column) : this->day();
        const std::optional<Shift> shift = fitter.shiftOn(day);
        if (fitter.isAbsentOn(day)) {
            painter.fillRect(area, QBrush(grid, Qt::BDiagPattern));
            painter.setPen(palette().text().color());
            painter.drawText(area, Qt::AlignCenter, tr("Absent"));
        } else if (!shift) {
            painter.fillRect(area, palette().window());
        } else if (m_mode == Mode::Day) {
            // Outside the shift is shaded; the shift is left white.
            painter.fillRect(area, palette().window());
            const int from = xOfTime(shift->start);
            const int to = xOfTime(shift->end);
            painter.fillRect(QRect(from, r.top, to - from, r.height), palette().base());
        }
        painter.setPen(grid);
        painter.drawRect(area.adjusted(0, 0, -1, -1));
        if (m_mode == Mode::Day) {
            for (int hour = kDayFrom / 60 + 1; hour < kDayTo / 60; ++hour) {
                const int x = xOfTime(QTime(hour, 0));
                painter.drawLine(x, r.top, x, r.top + r.height);
            }
        }
    }
}

void BoardView::paintJob(QPainter &painter, const Job &job, const QRect &rect) const
{
    const QStringList marks = markTexts(job.id);
    const bool selected = job.id == m_selected;
    painter.setPen(
        QPen(marks.isEmpty() ? palette().dark().color() : kMark, marks.isEmpty() ? 1 : 2));
    painter.setBrush(job.isPinned() ? kPinned : kBooked);
    painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 3, 3);
    if (selected) {
        painter.setPen(QPen(palette().highlight().color(), 3));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(rect.adjusted(-1, -1, 0, 0), 3, 3);
    }
    QRect text = rect.adjusted(4, 1, -4, -1);
    if (!marks.isEmpty()) {
        // The mark: a vermillion disc with "!" and, where there is room, the rules' names.
        const int size = std::min(16, rect.height() - 4);
        const QRect disc(text.left(), rect.top() + (rect.height() - size) / 2, size, size);
        painter.setPen(Qt::NoPen);
        painter.setBrush(kMark);
        painter.drawEllipse(disc);
        painter.setPen(Qt::white);
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        painter.drawText(disc, Qt::AlignCenter, QStringLiteral("!"));
        painter.setFont(font());
        text.setLeft(disc.right() + 4);
    }
    if (job.isPinned()) {
        // The pin's badge: a dark blue tag with the letter of what it holds.
        QFont bold = font();
        bold.setBold(true);
        const QFontMetrics boldMetrics(bold);
        const QString letter = pinBadge(job.pin);
        const int size = std::min(16, rect.height() - 4);
        // Beside the first line when the card has two (the day view), else in the middle.
        const int line = QFontMetrics(font()).height();
        const int top = text.height() >= 2 * line ? text.top() + (line - size) / 2
                                                  : rect.top() + (rect.height() - size) / 2;
        const QRect badge(text.left(), top,
                          std::max(size, boldMetrics.horizontalAdvance(letter) + 6), size);
        painter.setPen(Qt::NoPen);
        painter.setBrush(kPinBadge);
        painter.drawRoundedRect(badge, 3, 3);
        painter.setPen(Qt::white);
        painter.setFont(bold);
        painter.drawText(badge, Qt::AlignCenter, letter);
        painter.setFont(font());
        text.setLeft(badge.right() + 4);
    }
    painter.setPen(Qt::black);
    const QFontMetrics metrics = painter.fontMetrics();
    QString label = local(job.start).toString(u"HH:mm") + u' ' + job.address;
    const QString rules = marks.join(QStringLiteral(", "));
    // One line: the time, the address, the rules; two when there is room for them.
    if (text.height() >= 2 * metrics.height()) {
        painter.drawText(QRect(text.left(), text.top(), text.width(), metrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(label, Qt::ElideRight, text.width()));
        painter.drawText(
            QRect(text.left(), text.top() + metrics.height(), text.width(), metrics.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(rules, Qt::ElideRight, text.width()));
        return;
    }
    if (!rules.isEmpty())
        label += QStringLiteral(" \u2014 ") + rules;
    painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(label, Qt::ElideRight, text.width()));
}

} // namespace saferhomes
