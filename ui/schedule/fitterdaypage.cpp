#include "schedule/fitterdaypage.h"

#include "common/touchstyle.h"
#include "domain/schemetime.h"
#include "schedule/fitterdayform.h"
#include "store/database.h"
#include "store/fitterrepository.h"
#include "store/stockledger.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

QString localTime(const QDateTime &at)
{
    return at.toTimeZone(london()).time().toString(QStringLiteral("HH:mm"));
}

QString statusText(JobStatus status)
{
    switch (status) {
    case JobStatus::Completed: return FitterDayPage::tr("done");
    case JobStatus::NoAccess: return FitterDayPage::tr("no access");
    case JobStatus::Cancelled: return FitterDayPage::tr("cancelled");
    case JobStatus::Tentative: return FitterDayPage::tr("pencilled in");
    case JobStatus::Scheduled:
    case JobStatus::Unscheduled: break;
    }
    return FitterDayPage::tr("to do");
}

} // namespace

FitterDayPage::FitterDayPage(Database &database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_date(QDate::currentDate())
{
    setStyleSheet(TouchStyle::styleSheet());
    setWindowTitle(tr("Fitter's day"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *fitterLabel = new QLabel(tr("&Fitter:"), this);
    m_fitter = new QComboBox(this);
    m_fitter->setObjectName(QStringLiteral("fitterBox"));
    m_fitter->setAccessibleName(tr("Fitter"));
    m_fitter->setMinimumHeight(48);
    m_fitter->setMinimumWidth(240);
    fitterLabel->setBuddy(m_fitter);
    m_dateLabel = new QLabel(this);
    TouchStyle::setText(m_dateLabel, TouchStyle::Text::Strong);
    top->addWidget(fitterLabel);
    top->addWidget(m_fitter);
    top->addStretch();
    top->addWidget(m_dateLabel);
    layout->addLayout(top);

    auto *body = new QHBoxLayout;
    m_jobs = new QListWidget(this);
    m_jobs->setObjectName(QStringLiteral("jobList"));
    m_jobs->setAccessibleName(tr("Today's jobs in route order"));
    m_jobs->setMinimumWidth(280);
    m_jobs->setMaximumWidth(420);
    m_jobs->setWordWrap(true);
    body->addWidget(m_jobs);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *panel = new QWidget(scroll);
    auto *panelLayout = new QVBoxLayout(panel);
    m_detail = new QLabel(panel);
    m_detail->setObjectName(QStringLiteral("jobDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    panelLayout->addWidget(m_detail);
    m_form = new FitterDayForm(panel);
    panelLayout->addWidget(m_form);
    panelLayout->addStretch(1);
    scroll->setWidget(panel);
    body->addWidget(scroll, 1);
    layout->addLayout(body, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_fitter, &QComboBox::currentIndexChanged, this, &FitterDayPage::loadJobs);
    connect(m_jobs, &QListWidget::currentRowChanged, this, &FitterDayPage::showJob);
    connect(m_form, &FitterDayForm::completeRequested, this, &FitterDayPage::complete);
    connect(m_form, &FitterDayForm::noAccessRequested, this, &FitterDayPage::noAccess);
    reload();
}

void FitterDayPage::setDate(const QDate &date)
{
    m_date = date;
    loadJobs();
}

void FitterDayPage::setFitter(const QUuid &fitterId)
{
    const int index = m_fitter->findData(fitterId);
    if (index >= 0)
        m_fitter->setCurrentIndex(index);
}

QUuid FitterDayPage::fitterId() const
{
    return m_fitter->currentData().toUuid();
}

void FitterDayPage::setShowContact(bool show)
{
    m_showContact = show;
    showJob(m_jobs->currentRow());
}

void FitterDayPage::reload()
{
    loadFitters();
    loadJobs();
}

void FitterDayPage::loadFitters()
{
    const QUuid current = fitterId();
    const QSignalBlocker blocker(m_fitter);
    m_fitter->clear();
    const Result<QList<Fitter>> fitters
        = FitterRepository(m_database, Database::localUserName()).all();
    if (!fitters) {
        m_status->setText(tr("The fitters could not be read: %1").arg(fitters.errorString()));
        return;
    }
    for (const Fitter &fitter : *fitters) {
        if (fitter.active)
            m_fitter->addItem(fitter.name, fitter.id);
    }
    m_fitter->setCurrentIndex(std::max(0, m_fitter->findData(current)));
}

void FitterDayPage::loadJobs()
{
    const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    m_dateLabel->setText(locale.toString(m_date, QStringLiteral("dddd d MMMM")));
    const QUuid selected = m_day.value(m_jobs->currentRow()).id;
    m_day.clear();
    m_jobs->clear();
    m_form->setEnabled(false);
    m_detail->setText(fitterId().isNull() ? tr("Choose the fitter whose day this is.")
                                          : tr("No jobs on this day."));
    if (fitterId().isNull())
        return;
    JobRepository repository(m_database, Database::localUserName());
    JobFilter filter;
    filter.day = m_date;
    filter.fitterId = fitterId();
    const Result<QList<Job>> jobs = repository.jobs(filter);
    const Result<QHash<QString, EquipmentLabel>> labels = repository.equipmentLabels();
    if (!jobs || !labels) {
        m_status->setText(tr("The day's jobs could not be read: %1")
                              .arg(jobs ? labels.errorString() : jobs.errorString()));
        return;
    }
    m_labels = *labels;
    for (const Job &job : *jobs) {
        if (job.status != JobStatus::Cancelled)
            m_day.append(job);
    }
    std::stable_sort(m_day.begin(), m_day.end(), [](const Job &a, const Job &b) {
        return a.start != b.start ? a.start < b.start : a.sequence < b.sequence;
    });
    int select = -1;
    for (int i = 0; i < m_day.size(); ++i) {
        const Job &job = m_day[i];
        auto *item
            = new QListWidgetItem(tr("%1. %2\u2013%3  %4\n%5, %6")
                                      .arg(i + 1)
                                      .arg(localTime(job.start), localTime(job.end),
                                           statusText(job.status), job.address, job.postcode),
                                  m_jobs);
        item->setSizeHint(QSize(0, 64));
        if (job.id == selected
            || (select < 0 && selected.isNull() && JobStatusNames::isBooked(job.status)))
            select = i;
    }
    if (!m_day.isEmpty())
        m_jobs->setCurrentRow(std::max(0, select));
}

QString FitterDayPage::details(const Job &job) const
{
    QStringList lines {job.address, job.postcode};
    lines.append(QString());
    lines.append(
        tr("Access notes: %1").arg(job.accessNotes.isEmpty() ? tr("none given") : job.accessNotes));
    if (m_showContact) {
        const Result<JobContact> contact
            = JobRepository(m_database, Database::localUserName()).contact(job.householdId);
        if (!contact) {
            lines.append(
                tr("The householder's contact could not be read: %1").arg(contact.errorString()));
        } else if (!contact->isEmpty()) {
            QStringList parts {contact->name, contact->phone, contact->email};
            parts.removeAll(QString());
            lines.append(tr("Householder: %1").arg(parts.join(QStringLiteral(" \u00b7 "))));
            if (!contact->accessNeeds.isEmpty())
                lines.append(tr("Access needs: %1").arg(contact->accessNeeds));
        }
    }
    if (!job.notes.isEmpty())
        lines.append(tr("Notes: %1").arg(job.notes));
    lines.append(tr("Status: %1").arg(statusText(job.status)));
    if (job.status == JobStatus::Completed) {
        // What was recorded, in place of the form.
        const Result<QHash<QString, QString>> reasons
            = JobRepository(m_database, Database::localUserName()).differenceReasons(job.id);
        for (const JobItem &item : job.items) {
            const QString name = m_labels.value(item.code).name;
            QString line = tr("Fitted %1 of %2: %3")
                               .arg(item.fittedQty)
                               .arg(item.qty)
                               .arg(name.isEmpty() ? item.code : name);
            if (!item.serial.isEmpty())
                line += tr(" (serials %1)").arg(item.serial);
            if (reasons && reasons->contains(item.code))
                line += tr(": %1").arg(reasons->value(item.code));
            lines.append(line);
        }
        if (!job.signedOffBy.isEmpty())
            lines.append(tr("Signed off by %1").arg(job.signedOffBy));
    }
    return lines.join(QLatin1Char('\n'));
}

void FitterDayPage::showJob(int row)
{
    if (row < 0 || row >= m_day.size()) {
        m_form->setEnabled(false);
        m_form->hide();
        return;
    }
    const Job &job = m_day[row];
    m_detail->setText(details(job));
    m_form->setJob(job, m_labels);
    // A visit already recorded shows what was recorded, not the form.
    m_form->setEnabled(JobStatusNames::isBooked(job.status));
    m_form->setVisible(JobStatusNames::isBooked(job.status));
    // Tab goes from the list straight to the job's first field.
    if (QWidget *first = m_form->fittedBox(0))
        setTabOrder(m_jobs, first);
}

void FitterDayPage::complete()
{
    if (!m_form->checkReasons())
        return;
    const Job job = m_form->job();
    const Result<bool> done = JobRepository(m_database, Database::localUserName())
                                  .complete(job.id, m_form->completion());
    if (!done) {
        m_form->showError(tr("The job was not saved: %1").arg(done.errorString()));
        showShortfalls(job);
        return;
    }
    m_status->setText(
        *done ? tr("Job at %1 completed.").arg(job.address)
              : tr("Job at %1 was completed already; nothing changed.").arg(job.address));
    m_jobs->setCurrentRow(-1); // then the next job still to do is shown
    loadJobs();
    m_jobs->setFocus(Qt::OtherFocusReason); // the keyboard stays on the day, not lost
    emit jobRecorded(job.id);
}

void FitterDayPage::showShortfalls(const Job &job)
{
    // A van that cannot cover what was fitted: the figures at each item concerned.
    const StockLedger ledger(m_database, Database::localUserName());
    const Result<QList<StockShortfall>> shortfalls
        = ledger.completionShortfalls(job.id, m_form->completion().fitted);
    for (const StockShortfall &shortfall : shortfalls.valueOr({}))
        m_form->showItemError(shortfall.code, ledger.describe(shortfall));
}

void FitterDayPage::noAccess()
{
    const QString reason = m_form->noAccessEdit()->text().trimmed();
    if (reason.isEmpty()) {
        m_form->showError(tr("Say why there was no access (nobody in, refused entry...)."));
        m_form->noAccessEdit()->setFocus();
        return;
    }
    const Job job = m_form->job();
    const Result<QUuid> revisit
        = JobRepository(m_database, Database::localUserName()).noAccess(job.id, reason);
    if (!revisit) {
        m_form->showError(tr("No access was not recorded: %1").arg(revisit.errorString()));
        return;
    }
    m_status->setText(
        tr("No access at %1: the job is back in the tray for a revisit.").arg(job.address));
    m_jobs->setCurrentRow(-1); // then the next job still to do is shown
    loadJobs();
    m_jobs->setFocus(Qt::OtherFocusReason); // the keyboard stays on the day, not lost
    emit jobRecorded(job.id);
}

} // namespace saferhomes
