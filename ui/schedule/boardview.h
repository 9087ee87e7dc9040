#pragma once

#include "service/scheduleservice.h"

#include <QDate>
#include <QHash>
#include <QMap>
#include <QRect>
#include <QUuid>
#include <QWidget>

#include <optional>

namespace saferhomes {

/// The schedule board itself: fitters down the side, and across either the days of a week
/// (Monday to Friday) or one day by hour. Draws the booked jobs with a mark for every rule a
/// job breaks (the marks are given: ScheduleService computes them), and turns mouse and
/// keyboard gestures into requests (book, move, resize, pin, unschedule) for the page.
class BoardView : public QWidget {
    Q_OBJECT

public:
    enum class Mode { Week, Day };

    /// Where a job would go: a fitter (row) and a start.
    struct Slot {
        int row = -1;
        QDateTime start;
    };

    explicit BoardView(QWidget *parent = nullptr);

    void setSchedule(const ScheduleSnapshot &snapshot,
                     const QHash<QUuid, QList<JobRuleBreak>> &marks);
    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    /// The Monday of the week shown.
    QDate week() const { return m_week; }
    /// Shows the week of \a day, keeping the cursor's weekday.
    void setWeek(const QDate &day);
    /// The day of the cursor, which the day view shows.
    QDate day() const;
    void setDay(const QDate &day);
    /// Previous (-1) or next (+1) week, or day in the day view.
    void step(int delta);

    QUuid selectedJob() const { return m_selected; }
    /// Selects a job and puts the cursor on it.
    void selectJob(const QUuid &jobId);
    int cursorRow() const { return m_cursorRow; }
    void setCursorRow(int row);
    /// Where a job booked with the keyboard goes: the cursor's fitter, and in the week view
    /// after that fitter's last job of the day (or the start of the shift), in the day view
    /// at the cursor's time.
    std::optional<Slot> cursorSlot() const;
    QUuid fitterAt(int row) const;

    /// The job's box on the board (an empty rect when it is not shown).
    QRect jobRect(const QUuid &jobId) const;
    /// The point of \a row at \a time of \a day (the middle of the row; in the week view the
    /// middle of the day's cell), for a pointer.
    QPoint pointAt(int row, const QDate &day, const QTime &time = {}) const;
    /// The mark a job carries: one text per rule it breaks ("Double booking").
    QStringList markTexts(const QUuid &jobId) const;
    /// What a job's pin holds, in words ("pinned to Alice Archer on Tue 12 Jan (any time that
    /// day)"); "not pinned" when it is not.
    QString pinText(const Job &job) const;
    /// The letter on a pinned job's card: F (fitter), D (day), T (exact time); empty when it
    /// is not pinned.
    static QString pinBadge(PinKind pin);
    /// A booked job as its tooltip and the board's accessible description say it: address,
    /// time, pin and the rules it breaks. Empty for a job not shown.
    QString jobDescription(const QUuid &jobId) const;
    static QString ruleText(ScheduleRule rule);
    /// The mouse and keyboard gestures, for tooltips and help.
    static QString helpText();

    QSize sizeHint() const override;

signals:
    void bookRequested(const QUuid &jobId, const QUuid &fitterId, const QDateTime &start);
    void moveRequested(const QUuid &jobId, const QUuid &fitterId, const QDateTime &start);
    void resizeRequested(const QUuid &jobId, int minutes);
    /// Pin the job to its fitter, day or exact time, or unpin it (PinKind::None).
    void pinRequested(const QUuid &jobId, PinKind pin);
    void unscheduleRequested(const QUuid &jobId);
    void selectionChanged(const QUuid &jobId);
    /// The mode, week or day changed.
    void viewChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct Row {
        int top = 0;
        int height = 0;
    };

    void relayout();
    int columnCount() const;
    QRect columnRect(int column) const;
    int rowAt(int y) const;
    QDate dayOfColumn(int column) const;
    int columnOfDay(const QDate &day) const;
    double pixelsPerMinute() const;
    int xOfTime(const QTime &time) const;
    QTime timeAtX(int x) const;
    /// The jobs shown in \a row on \a day, by start.
    QList<const Job *> jobsIn(int row, const QDate &day) const;
    const Job *job(const QUuid &id) const;
    QUuid jobAt(const QPoint &pos) const;
    /// Where a drop at \a pos would put a job (\a moving: the job being moved, if any).
    std::optional<Slot> slotAt(const QPoint &pos, const Job *moving) const;
    QDateTime nextFreeStart(int row, const QDate &day, const QUuid &except) const;
    void moveCursor(int rows, int steps);
    void moveSelected(int rows, int steps);
    void cycleInCell();
    void selectAtCursor();
    void setSelected(const QUuid &jobId);
    /// The selected job's description as the board's accessible description.
    void updateAccessibleText();
    /// Asks for \a pin on the selected job (the same pin again unpins it).
    void requestPin(PinKind pin);
    void paintHeader(QPainter &painter) const;
    void paintRow(QPainter &painter, int row) const;
    void paintJob(QPainter &painter, const Job &job, const QRect &rect) const;

    ScheduleSnapshot m_snapshot;
    QMap<std::pair<QUuid, QDate>, QList<const Job *>> m_cells; ///< (fitter, day): jobs by start
    QHash<QUuid, QList<JobRuleBreak>> m_marks;
    QHash<QUuid, QRect> m_rects;
    QList<Row> m_rows;
    Mode m_mode = Mode::Week;
    QDate m_week;
    int m_cursorRow = 0;
    int m_cursorColumn = 0; ///< the weekday, 0 = Monday
    QTime m_cursorTime {9, 0}; ///< the day view's cursor
    QUuid m_selected;

    // A gesture in progress.
    QUuid m_pressed;
    QPoint m_pressPos;
    QPoint m_grabOffset;
    bool m_dragging = false;
    bool m_resizing = false;
    QPoint m_pointer;
    std::optional<Slot> m_dropSlot;
};

} // namespace saferhomes
