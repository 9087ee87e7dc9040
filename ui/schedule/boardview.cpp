#include "schedule/boardview.h"

#include "schedule/boardtraymodel.h"

#include <QContextMenuEvent>
#include <QDrag>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QStyleHints>
#include <QTimeZone>

namespace saferhomes {

namespace {

constexpr int kHeader = 40;
constexpr int kNames = 170;
constexpr int kWeekLine = 22;
constexpr int kDayRow = 56;
constexpr int kDayFrom = 7 * 60; ///< the day view starts at 07:00...
constexpr int kDayTo = 19 * 60; ///< ...and ends at 19:00
constexpr int kStep = 15; ///< minutes a keyboard move or a drop snaps to
constexpr int kEdge = 6; ///< pixels of a job's right edge that resize it

// Okabe–Ito colours (colour-blind safe): vermillion marks a broken rule, blue a booking; a
// pinned booking is sky blue with a dark blue badge naming what the pin holds (F, D or T), so
// that the kind never rests on colour alone.
const QColor kMark(0xD5, 0x5E, 0x00);
const QColor kBooked(0xCF, 0xE3, 0xF3);
const QColor kPinned(0x56, 0xB4, 0xE9);
const QColor kPinBadge(0x00, 0x49, 0x7A);

const QTimeZone &london()
{
    static const QTimeZone zone("Europe/London");
    return zone;
}

QDateTime local(const QDateTime &time)
{
    return time.toTimeZone(london());
}

int minuteOfDay(const QTime &time)
{
    return time.hour() * 60 + time.minute();
}

QTime snapped(int minutes)
{
    const int clamped = std::clamp(minutes, 0, 24 * 60 - kStep);
    const int rounded = (clamped + kStep / 2) / kStep * kStep;
    return QTime(0, 0).addSecs(std::min(rounded, 24 * 60 - kStep) * 60);
}

} // namespace

BoardView::BoardView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("scheduleBoard"));
    setAccessibleName(tr("Schedule board"));
    setFocusPolicy(Qt::StrongFocus);
    setAcceptDrops(true);
    setMouseTracking(true);
    setToolTip(helpText());
    const QDate today = local(QDateTime::currentDateTime()).date();
    m_week = today.addDays(1 - today.dayOfWeek());
    m_cursorColumn = std::min(today.dayOfWeek(), 5) - 1;
}

QString BoardView::ruleText(ScheduleRule rule)
{
    switch (rule) {
    case ScheduleRule::DoubleBooking: return tr("Double booking");
    case ScheduleRule::OutsideShift: return tr("Outside the shift");
    case ScheduleRule::Absence: return tr("Fitter absent");
    case ScheduleRule::MissingSkill: return tr("Missing skill");
    case ScheduleRule::WindowMissed: return tr("Householder window missed");
    case ScheduleRule::TravelImpossible: return tr("Travel impossible");
    case ScheduleRule::StockShort: return tr("Stock short");
    }
    return {};
}

QString BoardView::helpText()
{
    return tr("Mouse: drag a job from the tray onto a fitter and day (or time, in the day "
              "view); drag a booked job to move it; in the day view drag its right edge to "
              "change its length; right-click it to pin it to its fitter, its day or its exact "
              "time, unpin or unschedule it.\n"
              "Keyboard: arrows move the cursor (Space picks the next job of a day); "
              "Ctrl+arrows move the selected job (a day or a fitter in the week view, 15 "
              "minutes or a fitter in the day view); Shift+Left and Shift+Right shorten or "
              "lengthen it by 15 minutes; P pins it to its exact time or unpins it; Shift+F "
              "pins it to its fitter (any day or time), Shift+D to its day (any time that "
              "day), Shift+T to its exact time; U unpins it; Delete unschedules it; Enter "
              "in the tray books its job at the cursor; D shows the cursor's day by hour, W "
              "the week; Page Up and Page Down go back and forward; Ctrl+Z undoes, "
              "Ctrl+Shift+Z redoes.");
}

void BoardView::setSchedule(const ScheduleSnapshot &snapshot,
                            const QHash<QUuid, QList<JobRuleBreak>> &marks)
{
    m_snapshot = snapshot;
    m_marks = marks;
    // Each fitter's day, by start: the layout asks for them often, and a time zone
    // conversion per job and question would make a big board slow.
    m_cells.clear();
    for (const Job &job : std::as_const(m_snapshot.jobs)) {
        if (JobStatusNames::isBooked(job.status) && job.start.isValid())
            m_cells[{job.fitterId, local(job.start).date()}].append(&job);
    }
    for (QList<const Job *> &cell : m_cells) {
        std::sort(cell.begin(), cell.end(),
                  [](const Job *a, const Job *b) { return a->start < b->start; });
    }
    m_cursorRow = std::clamp(m_cursorRow, 0, std::max(0, int(m_snapshot.fitters.size()) - 1));
    if (!m_selected.isNull() && !job(m_selected))
        setSelected({});
    relayout();
}

void BoardView::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    if (const Job *selected = job(m_selected); selected && mode == Mode::Day)
        m_cursorTime = local(selected->start).time();
    relayout();
    emit viewChanged();
}

void BoardView::setWeek(const QDate &day)
{
    m_week = day.addDays(1 - day.dayOfWeek());
    m_cursorColumn = std::clamp(day.dayOfWeek() - 1, 0, 4);
    relayout();
    emit viewChanged();
}

QDate BoardView::day() const
{
    return dayOfColumn(m_cursorColumn);
}

void BoardView::setDay(const QDate &day)
{
    setWeek(day);
}

void BoardView::step(int delta)
{
    if (m_mode == Mode::Week) {
        setWeek(day().addDays(7 * delta));
        return;
    }
    QDate next = day();
    do {
        next = next.addDays(delta);
    } while (next.dayOfWeek() > 5);
    setWeek(next);
}

void BoardView::selectJob(const QUuid &jobId)
{
    const Job *found = job(jobId);
    if (!found) {
        setSelected({});
        return;
    }
    const QDateTime start = local(found->start);
    if (start.date() < m_week || start.date() >= m_week.addDays(7))
        m_week = start.date().addDays(1 - start.date().dayOfWeek());
    m_cursorColumn = std::clamp(start.date().dayOfWeek() - 1, 0, 4);
    m_cursorTime = snapped(minuteOfDay(start.time()));
    for (int row = 0; row < m_snapshot.fitters.size(); ++row) {
        if (m_snapshot.fitters[row].id == found->fitterId)
            m_cursorRow = row;
    }
    setSelected(jobId);
    relayout();
    emit viewChanged();
}

void BoardView::setCursorRow(int row)
{
    m_cursorRow = std::clamp(row, 0, std::max(0, int(m_snapshot.fitters.size()) - 1));
    update();
}

QUuid BoardView::fitterAt(int row) const
{
    return row >= 0 && row < m_snapshot.fitters.size() ? m_snapshot.fitters[row].id : QUuid();
}

std::optional<BoardView::Slot> BoardView::cursorSlot() const
{
    if (m_snapshot.fitters.isEmpty())
        return std::nullopt;
    if (m_mode == Mode::Day)
        return Slot {m_cursorRow, QDateTime(day(), m_cursorTime, london())};
    return Slot {m_cursorRow, nextFreeStart(m_cursorRow, day(), {})};
}

QDateTime BoardView::nextFreeStart(int row, const QDate &day, const QUuid &except) const
{
    const Fitter &fitter = m_snapshot.fitters[row];
    const std::optional<Shift> shift = fitter.shiftOn(day);
    QDateTime start(day, shift ? shift->start : fitter.usualShift.start, london());
    for (const Job *booked : jobsIn(row, day)) {
        if (booked->id != except && booked->end > start)
            start = local(booked->end);
    }
    return start;
}

QRect BoardView::jobRect(const QUuid &jobId) const
{
    return m_rects.value(jobId);
}

QPoint BoardView::pointAt(int row, const QDate &day, const QTime &time) const
{
    const Row &r = m_rows.value(row);
    const QRect column = columnRect(columnOfDay(day));
    const int y = r.top + r.height / 2;
    if (m_mode == Mode::Week || !time.isValid())
        return {column.center().x(), y};
    return {xOfTime(time) + 1, y};
}

QStringList BoardView::markTexts(const QUuid &jobId) const
{
    QStringList texts;
    for (const JobRuleBreak &broken : m_marks.value(jobId)) {
        const QString text = ruleText(broken.rule);
        if (!texts.contains(text))
            texts.append(text);
    }
    return texts;
}

QString BoardView::pinBadge(PinKind pin)
{
    switch (pin) {
    case PinKind::None: return {};
    //: The badge on a job pinned to its fitter (one letter)
    case PinKind::Fitter: return tr("F");
    //: The badge on a job pinned to its day (one letter)
    case PinKind::Day: return tr("D");
    //: The badge on a job pinned to its exact time (one letter)
    case PinKind::Time: return tr("T");
    }
    return {};
}

QString BoardView::pinText(const Job &job) const
{
    QString fitter;
    for (const Fitter &candidate : m_snapshot.fitters) {
        if (candidate.id == job.fitterId)
            fitter = candidate.name;
    }
    const QDateTime start = local(job.start);
    switch (job.pin) {
    case PinKind::None: return tr("not pinned");
    case PinKind::Fitter: return tr("pinned to %1 (any day or time)").arg(fitter);
    case PinKind::Day:
        return tr("pinned to %1 on %2 (any time that day)")
            .arg(fitter, QLocale().toString(start.date(), QStringLiteral("ddd d MMM")));
    case PinKind::Time:
        return tr("pinned to %1 at %2 (exactly)")
            .arg(fitter, QLocale().toString(start, QStringLiteral("ddd d MMM HH:mm")));
    }
    return {};
}

QString BoardView::jobDescription(const QUuid &jobId) const
{
    const Job *found = job(jobId);
    if (!found || !m_rects.contains(jobId))
        return {};
    const QStringList marks = markTexts(jobId);
    QString text = found->address + u'\n' + local(found->start).toString(u"ddd d MMM HH:mm")
        + u'\u2013' + local(found->end).toString(u"HH:mm");
    if (found->isPinned())
        text += u'\n' + pinText(*found).left(1).toUpper() + pinText(*found).mid(1);
    if (!marks.isEmpty())
        text += u'\n' + tr("Breaks: %1").arg(marks.join(u", "));
    return text;
}

void BoardView::updateAccessibleText()
{
    setAccessibleDescription(jobDescription(m_selected));
}

void BoardView::requestPin(PinKind pin)
{
    const Job *selected = job(m_selected);
    if (!selected)
        return;
    const QUuid id = selected->id; // the signal refreshes the jobs
    emit pinRequested(id, selected->pin == pin ? PinKind::None : pin);
}

QSize BoardView::sizeHint() const
{
    const int height
        = m_rows.isEmpty() ? kHeader + 120 : m_rows.constLast().top + m_rows.constLast().height;
    return {kNames + 5 * 180, height + 1};
}

// Layout ------------------------------------------------------------------------------------

int BoardView::columnCount() const
{
    return m_mode == Mode::Week ? 5 : 1;
}

QRect BoardView::columnRect(int column) const
{
    const int width = std::max(1, (this->width() - kNames) / columnCount());
    const int bottom
        = m_rows.isEmpty() ? height() : m_rows.constLast().top + m_rows.constLast().height;
    if (m_mode == Mode::Day)
        return QRect(kNames, 0, this->width() - kNames, bottom);
    return QRect(kNames + column * width, 0, width, bottom);
}

QDate BoardView::dayOfColumn(int column) const
{
    return m_week.addDays(column);
}

int BoardView::columnOfDay(const QDate &day) const
{
    return m_mode == Mode::Day ? 0 : int(m_week.daysTo(day));
}

double BoardView::pixelsPerMinute() const
{
    return double(std::max(1, width() - kNames)) / double(kDayTo - kDayFrom);
}

int BoardView::xOfTime(const QTime &time) const
{
    return kNames + int(std::lround((minuteOfDay(time) - kDayFrom) * pixelsPerMinute()));
}

QTime BoardView::timeAtX(int x) const
{
    return snapped(kDayFrom + int(std::lround((x - kNames) / pixelsPerMinute())));
}

int BoardView::rowAt(int y) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (y >= m_rows[row].top && y < m_rows[row].top + m_rows[row].height)
            return row;
    }
    return -1;
}

QList<const Job *> BoardView::jobsIn(int row, const QDate &day) const
{
    if (row < 0 || row >= m_snapshot.fitters.size())
        return {};
    return m_cells.value({m_snapshot.fitters[row].id, day});
}

const Job *BoardView::job(const QUuid &id) const
{
    for (const Job &job : m_snapshot.jobs) {
        if (job.id == id)
            return &job;
    }
    return nullptr;
}

void BoardView::relayout()
{
    m_rows.clear();
    m_rects.clear();
    int top = kHeader;
    for (int row = 0; row < m_snapshot.fitters.size(); ++row) {
        if (m_mode == Mode::Week) {
            qsizetype most = 1;
            for (int column = 0; column < 5; ++column)
                most = std::max(most, jobsIn(row, dayOfColumn(column)).size());
            m_rows.append({top, 10 + int(most) * kWeekLine});
        } else {
            m_rows.append({top, kDayRow});
        }
        top += m_rows.constLast().height;
    }
    for (int row = 0; row < m_rows.size(); ++row) {
        const Row &r = m_rows[row];
        for (int column = 0; column < columnCount(); ++column) {
            const QRect cell = columnRect(column);
            const QList<const Job *> jobs
                = jobsIn(row, m_mode == Mode::Week ? dayOfColumn(column) : day());
            if (m_mode == Mode::Week) {
                for (int i = 0; i < jobs.size(); ++i) {
                    m_rects.insert(jobs[i]->id,
                                   QRect(cell.left() + 3, r.top + 5 + i * kWeekLine,
                                         cell.width() - 6, kWeekLine - 2));
                }
                continue;
            }
            // Overlapping jobs (a double booking) share the row's height in lanes.
            QList<QDateTime> laneEnds;
            QList<int> lanes;
            for (const Job *job : jobs) {
                int lane = 0;
                while (lane < laneEnds.size() && laneEnds[lane] > job->start)
                    ++lane;
                if (lane == laneEnds.size())
                    laneEnds.append(job->end);
                else
                    laneEnds[lane] = job->end;
                lanes.append(lane);
            }
            const int laneHeight = (r.height - 8) / std::max(1, int(laneEnds.size()));
            for (int i = 0; i < jobs.size(); ++i) {
                const QDateTime start = local(jobs[i]->start);
                const int left = xOfTime(start.time());
                const int width = std::max(
                    8, int(std::lround(start.secsTo(jobs[i]->end) / 60.0 * pixelsPerMinute())));
                m_rects.insert(
                    jobs[i]->id,
                    QRect(left, r.top + 4 + lanes[i] * laneHeight, width, laneHeight - 2));
            }
        }
    }
    setMinimumHeight(top + 1);
    updateGeometry();
    updateAccessibleText();
    update();
}

void BoardView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

// Painting ----------------------------------------------------------------------------------

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

// Mouse -------------------------------------------------------------------------------------

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

// Keyboard ----------------------------------------------------------------------------------

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
