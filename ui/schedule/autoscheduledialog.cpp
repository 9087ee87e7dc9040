#include "schedule/autoscheduledialog.h"

#include "domain/schemetime.h"
#include "schedule/autoscheduletask.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace saferhomes {

namespace {

QString minutes(double value)
{
    return QLocale().toString(std::round(value * 10) / 10, 'f', 1);
}

} // namespace

AutoScheduleDialog::AutoScheduleDialog(QString databasePath, AutoScheduleChoices choices,
                                       QWidget *parent)
    : QDialog(parent)
    , m_databasePath(std::move(databasePath))
    , m_choices(std::move(choices))
    , m_stages(new QStackedWidget(this))
    , m_horizon(new QRadioButton(this))
    , m_fitterDay(new QRadioButton(this))
    , m_fitJob(new QRadioButton(this))
    , m_replan(new QCheckBox(tr("Jobs already booked that week may &move too"), this))
    , m_timeLimit(new QDoubleSpinBox(this))
    , m_note(new QLabel(this))
    , m_planButton(new QPushButton(tr("&Plan"), this))
    , m_progress(new QProgressBar(this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_summary(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_applyButton(new QPushButton(tr("&Apply"), this))
{
    setObjectName(QStringLiteral("autoScheduleDialog"));
    setWindowTitle(tr("Auto-schedule"));
    const QLocale locale;

    // The scope.
    auto *scopePage = new QWidget(m_stages);
    m_horizon->setObjectName(QStringLiteral("scopeHorizon"));
    m_horizon->setText(tr("&Open jobs onto the week of %1 (Monday to Friday)")
                           .arg(locale.toString(m_choices.week, QStringLiteral("d MMMM yyyy"))));
    m_fitterDay->setObjectName(QStringLiteral("scopeFitterDay"));
    const QString fitter = m_choices.fitterNames.value(m_choices.fitterId);
    m_fitterDay->setText(
        m_choices.fitterId.isNull()
            ? tr("Reorder one fitter's &day (put the board's cursor on a fitter first)")
            : tr("Reorder %1's &day, %2")
                  .arg(fitter, locale.toString(m_choices.day, QStringLiteral("dddd d MMMM"))));
    m_fitterDay->setEnabled(!m_choices.fitterId.isNull());
    m_fitJob->setObjectName(QStringLiteral("scopeFitJob"));
    m_fitJob->setText(
        m_choices.trayJobId.isNull()
            ? tr("&Fit one job in (select a job in the tray first)")
            : tr("&Fit %1 in, everything else where it is").arg(jobName(m_choices.trayJobId)));
    m_fitJob->setEnabled(!m_choices.trayJobId.isNull());
    auto *scopes = new QButtonGroup(this);
    scopes->addButton(m_horizon);
    scopes->addButton(m_fitterDay);
    scopes->addButton(m_fitJob);
    m_horizon->setChecked(true);
    m_replan->setObjectName(QStringLiteral("scopeReplan"));
    connect(m_horizon, &QRadioButton::toggled, m_replan, &QCheckBox::setEnabled);
    // A longer search can find shorter routes; the run can be cancelled and keeps its best.
    m_timeLimit->setObjectName(QStringLiteral("autoScheduleTimeLimit"));
    m_timeLimit->setRange(0.5, 300.0);
    m_timeLimit->setDecimals(1);
    m_timeLimit->setSingleStep(1.0);
    m_timeLimit->setValue(5.0);
    m_timeLimit->setSuffix(tr(" s"));
    m_timeLimit->setAccessibleName(tr("Longest search, in seconds"));
    auto *timeLimitLabel = new QLabel(tr("&Search for up to"), scopePage);
    timeLimitLabel->setBuddy(m_timeLimit);
    m_note->setObjectName(QStringLiteral("autoScheduleNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    m_planButton->setObjectName(QStringLiteral("autoSchedulePlan"));
    m_planButton->setDefault(true);
    auto *close = new QPushButton(tr("Close"), scopePage);
    auto *scopeLayout = new QVBoxLayout(scopePage);
    scopeLayout->addWidget(new QLabel(tr("What should be planned?"), scopePage));
    scopeLayout->addWidget(m_horizon);
    auto *replanRow = new QHBoxLayout;
    replanRow->addSpacing(24);
    replanRow->addWidget(m_replan);
    scopeLayout->addLayout(replanRow);
    scopeLayout->addWidget(m_fitterDay);
    scopeLayout->addWidget(m_fitJob);
    auto *timeLimitRow = new QHBoxLayout;
    timeLimitRow->addWidget(timeLimitLabel);
    timeLimitRow->addWidget(m_timeLimit);
    timeLimitRow->addStretch(1);
    scopeLayout->addLayout(timeLimitRow);
    scopeLayout->addWidget(m_note);
    scopeLayout->addStretch(1);
    auto *scopeButtons = new QHBoxLayout;
    scopeButtons->addStretch(1);
    scopeButtons->addWidget(m_planButton);
    scopeButtons->addWidget(close);
    scopeLayout->addLayout(scopeButtons);
    m_stages->addWidget(scopePage);

    // The run.
    auto *runPage = new QWidget(m_stages);
    m_progress->setObjectName(QStringLiteral("autoScheduleProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_cancelButton->setObjectName(QStringLiteral("autoScheduleCancel"));
    auto *runLayout = new QVBoxLayout(runPage);
    runLayout->addWidget(
        new QLabel(tr("Planning\u2026 nothing changes until you apply the plan."), runPage));
    runLayout->addWidget(m_progress);
    runLayout->addStretch(1);
    auto *runButtons = new QHBoxLayout;
    runButtons->addStretch(1);
    runButtons->addWidget(m_cancelButton);
    runLayout->addLayout(runButtons);
    m_stages->addWidget(runPage);

    // The preview.
    auto *previewPage = new QWidget(m_stages);
    m_summary->setObjectName(QStringLiteral("autoScheduleSummary"));
    m_summary->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("autoScheduleChanges"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Job"), tr("Change"), tr("Fitter, time or reason")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    m_applyButton->setObjectName(QStringLiteral("autoScheduleApply"));
    auto *discard = new QPushButton(tr("&Discard"), previewPage);
    discard->setObjectName(QStringLiteral("autoScheduleDiscard"));
    auto *previewLayout = new QVBoxLayout(previewPage);
    previewLayout->addWidget(m_summary);
    previewLayout->addWidget(m_list, 1);
    auto *previewButtons = new QHBoxLayout;
    previewButtons->addStretch(1);
    previewButtons->addWidget(m_applyButton);
    previewButtons->addWidget(discard);
    previewLayout->addLayout(previewButtons);
    m_stages->addWidget(previewPage);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stages);
    resize(640, 420);

    connect(m_planButton, &QPushButton::clicked, this, &AutoScheduleDialog::startPlanning);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_cancelButton, &QPushButton::clicked, this, &AutoScheduleDialog::cancelPlanning);
    connect(discard, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_applyButton, &QPushButton::clicked, this, [this] {
        emit applyRequested(m_plan);
        accept();
    });
}

AutoScheduleDialog::~AutoScheduleDialog() = default;

void AutoScheduleDialog::setTimeLimit(double seconds)
{
    m_timeLimit->setValue(seconds);
}

AutoScheduleDialog::Stage AutoScheduleDialog::stage() const
{
    return Stage(m_stages->currentIndex());
}

void AutoScheduleDialog::setScope(AutoScheduleScope scope)
{
    switch (scope) {
    case AutoScheduleScope::Horizon: m_horizon->setChecked(true); break;
    case AutoScheduleScope::FitterDay: m_fitterDay->setChecked(m_fitterDay->isEnabled()); break;
    case AutoScheduleScope::FitJobIn: m_fitJob->setChecked(m_fitJob->isEnabled()); break;
    }
}

AutoScheduleRequest AutoScheduleDialog::request() const
{
    AutoScheduleRequest request;
    request.timeLimit = m_timeLimit->value();
    if (m_fitterDay->isChecked()) {
        request.scope = AutoScheduleScope::FitterDay;
        request.from = m_choices.day;
        request.days = 1;
        request.fitterId = m_choices.fitterId;
    } else if (m_fitJob->isChecked()) {
        request.scope = AutoScheduleScope::FitJobIn;
        request.from = m_choices.week;
        request.days = 5;
        request.jobId = m_choices.trayJobId;
    } else {
        request.scope = AutoScheduleScope::Horizon;
        request.from = m_choices.week;
        request.days = 5;
        request.replan = m_replan->isChecked();
    }
    return request;
}

void AutoScheduleDialog::startPlanning()
{
    if (m_task)
        return;
    m_note->hide();
    m_progress->setValue(0);
    m_cancelButton->setEnabled(true);
    m_stages->setCurrentIndex(int(Stage::Running));
    m_cancelButton->setFocus();
    m_task = new AutoScheduleTask(m_databasePath, request(), this);
    connect(m_task, &AutoScheduleTask::progressed, m_progress, &QProgressBar::setValue);
    connect(m_task, &AutoScheduleTask::planned, this, &AutoScheduleDialog::planned);
    connect(m_task, &AutoScheduleTask::cancelled, this,
            [this] { backToScope(tr("Cancelled: nothing was changed.")); });
    connect(m_task, &AutoScheduleTask::failed, this,
            [this](const QString &message) { backToScope(message); });
    m_task->start();
}

void AutoScheduleDialog::cancelPlanning()
{
    if (!m_task)
        return;
    m_cancelButton->setEnabled(false);
    m_task->cancel();
}

void AutoScheduleDialog::reject()
{
    if (m_task) {
        cancelPlanning();
        return;
    }
    QDialog::reject();
}

void AutoScheduleDialog::planned(const AutoSchedulePlan &plan)
{
    m_task->deleteLater();
    m_task = nullptr;
    m_plan = plan;
    showPreview();
}

void AutoScheduleDialog::backToScope(const QString &note)
{
    if (m_task) {
        m_task->deleteLater();
        m_task = nullptr;
    }
    m_note->setText(note);
    m_note->show();
    m_stages->setCurrentIndex(int(Stage::Scope));
    m_planButton->setFocus();
}

QString AutoScheduleDialog::jobName(const QUuid &jobId) const
{
    const QString name = m_choices.jobNames.value(jobId);
    return name.isEmpty() ? jobId.toString(QUuid::WithoutBraces) : name;
}

QString AutoScheduleDialog::reasonText(const QString &reason)
{
    if (reason == u"skill")
        return tr("no fitter has the skill it needs");
    if (reason == u"window")
        return tr("the householder's availability does not meet a free shift");
    if (reason == u"shift")
        return tr("longer than any shift, or no shift in these days");
    if (reason == u"capacity")
        return tr("no fitter has the time left");
    if (reason == u"no_room")
        return tr("no room without breaking a rule");
    if (reason == u"no_location")
        return tr("the address has no location to route from");
    return reason;
}

void AutoScheduleDialog::showPreview()
{
    const int left = int(m_plan.unscheduled.size());
    QString summary
        = tr("%1, %2, %3. Travel: %4 minutes before, %5 after.")
              .arg(m_plan.placed == 1 ? tr("1 job placed")
                                      : tr("%1 jobs placed").arg(m_plan.placed),
                   tr("%1 moved").arg(m_plan.moved), tr("%1 left unscheduled").arg(left),
                   minutes(m_plan.travelMinutesBefore), minutes(m_plan.travelMinutesAfter));
    if (m_plan.stoppedByClock)
        summary += u' ' + tr("(Stopped at the time limit: the plan may not be the best.)");
    if (m_plan.changes.isEmpty())
        summary += u' ' + tr("Nothing to change.");
    m_summary->setText(summary);

    m_list->clear();
    // Bookings by fitter and time, then jobs taken off the schedule, then those left out.
    QList<JobBooking> changes = m_plan.changes;
    std::stable_sort(changes.begin(), changes.end(),
                     [this](const JobBooking &a, const JobBooking &b) {
                         const auto key = [this](const JobBooking &booking) {
                             return std::make_tuple(booking.fitterId.isNull(),
                                                    m_choices.fitterNames.value(booking.fitterId),
                                                    booking.start);
                         };
                         return key(a) < key(b);
                     });
    for (const JobBooking &change : std::as_const(changes)) {
        const bool wasBooked = JobStatusNames::isBooked(change.wasStatus);
        QString what;
        QString where;
        if (change.fitterId.isNull()) {
            what = tr("Back to the tray");
            bool listed = false;
            for (const JobLeftOut &out : std::as_const(m_plan.unscheduled))
                listed = listed || out.jobId == change.jobId;
            if (listed)
                continue; // shown with its reason below
        } else {
            what = wasBooked ? tr("Moved") : tr("Placed");
            const QDateTime start = change.start.toTimeZone(london());
            where = tr("%1, %2 to %3")
                        .arg(m_choices.fitterNames.value(change.fitterId),
                             start.toString(u"ddd d MMM HH:mm"),
                             change.end.toTimeZone(london()).toString(u"HH:mm"));
            if (wasBooked) {
                where += u' '
                    + tr("(was %1, %2)")
                          .arg(m_choices.fitterNames.value(change.wasFitterId),
                               change.wasStart.toTimeZone(london()).toString(u"ddd HH:mm"));
            }
        }
        auto *item = new QTreeWidgetItem(m_list, {jobName(change.jobId), what, where});
        item->setToolTip(2, where);
    }
    for (const JobLeftOut &out : std::as_const(m_plan.unscheduled)) {
        new QTreeWidgetItem(m_list,
                            {jobName(out.jobId), tr("Left unscheduled"), reasonText(out.reason)});
    }
    m_applyButton->setEnabled(!m_plan.changes.isEmpty());
    m_stages->setCurrentIndex(int(Stage::Preview));
    if (m_applyButton->isEnabled())
        m_applyButton->setFocus();
}

QString AutoScheduleDialog::summaryText() const
{
    return m_summary->text();
}

QString AutoScheduleDialog::noteText() const
{
    return m_note->isVisible() || !m_note->text().isEmpty() ? m_note->text() : QString();
}

} // namespace saferhomes
