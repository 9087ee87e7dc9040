#pragma once

#include "schedule/autoscheduler.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTreeWidget;

namespace saferhomes {

class AutoScheduleTask;

/// What the board offers the auto-scheduler: the week shown, the cursor's fitter and day,
/// the tray's selected job, and names to show jobs and fitters by.
struct AutoScheduleChoices {
    QDate week; ///< Monday of the week shown (five days)
    QUuid fitterId; ///< the cursor's fitter (null when none)
    QDate day; ///< the cursor's day
    QUuid trayJobId; ///< the tray's selected job (null when none)
    QHash<QUuid, QString> jobNames;
    QHash<QUuid, QString> fitterNames;
};

/// "Auto-schedule…" of the board (DESIGN §8): asks the scope, plans off the GUI thread with
/// a progress bar and Cancel (a cancelled run changes nothing), then shows what the plan
/// would do — jobs placed, moved, left unscheduled with the reason each, travel minutes
/// before and after — with Apply and Discard. It only proposes: Apply emits applyRequested
/// and the board applies it as one undo step.
class AutoScheduleDialog : public QDialog {
    Q_OBJECT

public:
    enum class Stage { Scope, Running, Preview };

    AutoScheduleDialog(QString databasePath, AutoScheduleChoices choices,
                       QWidget *parent = nullptr);
    ~AutoScheduleDialog() override;

    Stage stage() const;
    /// Seconds the optimiser may take (the default is 5; the dialog's "Search for" box).
    void setTimeLimit(double seconds);
    void setScope(AutoScheduleScope scope);
    AutoScheduleRequest request() const;
    /// Starts planning the chosen scope (the Plan button).
    void startPlanning();
    /// Cancels a run still going (the Cancel button while running).
    void cancelPlanning();
    const AutoSchedulePlan &plan() const { return m_plan; }
    /// The preview's summary line and the message under the scope (cancelled, failed).
    QString summaryText() const;
    QString noteText() const;

    /// The human text of a reason a job was left unscheduled.
    static QString reasonText(const QString &reason);

    /// Esc while planning cancels the run (the dialog stays, back at the scope).
    void reject() override;

signals:
    void applyRequested(const saferhomes::AutoSchedulePlan &plan);

private:
    void planned(const AutoSchedulePlan &plan);
    void showPreview();
    void backToScope(const QString &note);
    QString jobName(const QUuid &jobId) const;

    QString m_databasePath;
    AutoScheduleChoices m_choices;
    AutoSchedulePlan m_plan;
    QPointer<AutoScheduleTask> m_task;

    QStackedWidget *m_stages;
    QRadioButton *m_horizon;
    QRadioButton *m_fitterDay;
    QRadioButton *m_fitJob;
    QCheckBox *m_replan;
    QDoubleSpinBox *m_timeLimit;
    QLabel *m_note;
    QPushButton *m_planButton;
    QProgressBar *m_progress;
    QPushButton *m_cancelButton;
    QLabel *m_summary;
    QTreeWidget *m_list;
    QPushButton *m_applyButton;
};

} // namespace saferhomes
