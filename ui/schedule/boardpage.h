#pragma once

#include "schedule/autoscheduledialog.h"
#include "service/scheduleservice.h"
#include "store/fitterrepository.h"
#include "store/jobrepository.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QMessageBox;
class QPushButton;
class QSplitter;
class QUndoStack;

namespace saferhomes {

class BoardTray;
class BoardView;
class Database;
class MessageBanner;
struct BoardPlacement;

/// The coordinator's schedule board (DESIGN §8): the tray of unscheduled jobs, the board of
/// fitters x days (or one day by hour), week navigation and the undo stack of every change.
class BoardPage : public QWidget {
    Q_OBJECT

public:
    /// \a database must stay open while the page exists.
    explicit BoardPage(Database &database, QWidget *parent = nullptr);
    ~BoardPage() override;

    /// Reads fitters and jobs again and recomputes the rule marks.
    void refresh();

    BoardView *view() const { return m_view; }
    BoardTray *tray() const { return m_tray; }
    QUndoStack *undoStack() const { return m_undo; }
    const ScheduleSnapshot &snapshot() const { return m_snapshot; }
    QString bannerText() const;
    QString detailsText() const;
    /// The question asked before a job goes to a fitter without its skill (null when none).
    QMessageBox *skillExceptionBox() const { return m_skillQuestion; }
    /// Opens "Auto-schedule…" for the week shown, the cursor's fitter and day and the tray's
    /// selected job (Ctrl+Shift+A); the dialog open (null when none).
    AutoScheduleDialog *openAutoSchedule();
    AutoScheduleDialog *autoScheduleDialog() const { return m_autoSchedule; }

signals:
    void statusMessage(const QString &message, int timeout);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void bookJob(const QUuid &jobId, const QUuid &fitterId, const QDateTime &start);
    void moveJob(const QUuid &jobId, const QUuid &fitterId, const QDateTime &start);
    void resizeJob(const QUuid &jobId, int minutes);
    void pinJob(const QUuid &jobId, PinKind pin);
    void unscheduleJob(const QUuid &jobId);
    void bookAtCursor(const QUuid &jobId);
    /// Pushes the change, first asking the coordinator to confirm it as an exception when
    /// the checker finds the fitter lacks a skill the job needs.
    void change(const QUuid &jobId, const BoardPlacement &after, const QString &text);
    void push(const QUuid &jobId, const BoardPlacement &before, const BoardPlacement &after,
              const QString &text, const QStringList &skillException);
    void changed(const QUuid &jobId, const Status &status);
    /// Applies an auto-schedule plan as one undo step.
    void applyPlan(const AutoSchedulePlan &plan);
    /// Recomputes the marks and shows the snapshot on the board and in the tray.
    void showSnapshot();
    void updateHeader();
    void updateDetails();
    const Job *findJob(const QUuid &jobId) const;

    QString m_databasePath;
    JobRepository m_jobs;
    FitterRepository m_fitters;
    ScheduleService m_service;
    ScheduleSnapshot m_snapshot;
    QHash<QUuid, QList<JobRuleBreak>> m_marks;

    QUndoStack *m_undo;
    MessageBanner *m_banner;
    BoardTray *m_tray;
    BoardView *m_view;
    QLabel *m_range;
    QLabel *m_details;
    QPushButton *m_weekButton;
    QPushButton *m_dayButton;
    QMessageBox *m_skillQuestion = nullptr;
    QPointer<AutoScheduleDialog> m_autoSchedule;
    QSplitter *m_splitter = nullptr;
    bool m_sized = false;
};

} // namespace saferhomes
