// BoardView: its state (schedule, mode, week, cursor, selection), the texts it gives a job, and
// the layout of rows and columns. Painting, the mouse and the keyboard are in boardviewpaint.cpp,
// boardviewmouse.cpp and boardviewkeyboard.cpp.

#include "schedule/boardview.h"

#include "schedule/boardview_p.h"

namespace saferhomes {

using namespace board;

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

} // namespace saferhomes
