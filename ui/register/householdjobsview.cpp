#include "register/householdjobsview.h"

#include "common/stringtablemodel.h"
#include "domain/schemetime.h"
#include "store/database.h"
#include "store/fitterrepository.h"
#include "store/jobrepository.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

QString statusLabel(JobStatus status)
{
    switch (status) {
    case JobStatus::Unscheduled: return HouseholdJobsView::tr("Unscheduled");
    case JobStatus::Tentative: return HouseholdJobsView::tr("Tentative");
    case JobStatus::Scheduled: return HouseholdJobsView::tr("Scheduled");
    case JobStatus::Completed: return HouseholdJobsView::tr("Completed");
    case JobStatus::NoAccess: return HouseholdJobsView::tr("No access");
    case JobStatus::Cancelled: return HouseholdJobsView::tr("Cancelled");
    }
    return {};
}

/// A time as the scheme's staff read it: Europe/London, whatever the device's zone.
QString londonTime(const QDateTime &at, const QString &format)
{
    return QLocale().toString(at.toTimeZone(london()), format);
}

QString booked(const Job &job)
{
    if (!job.start.isValid())
        return HouseholdJobsView::tr("Not booked");
    const QString from = londonTime(job.start, QStringLiteral("ddd d MMM yyyy HH:mm"));
    if (!job.end.isValid())
        return from;
    return HouseholdJobsView::tr("%1\u2013%2")
        .arg(from, londonTime(job.end, QStringLiteral("HH:mm")));
}

QString outcome(const Job &job)
{
    switch (job.status) {
    case JobStatus::Completed: {
        QString text = job.completedAt.isValid()
            ? HouseholdJobsView::tr("Completed %1")
                  .arg(londonTime(job.completedAt, QStringLiteral("d MMM yyyy HH:mm")))
            : HouseholdJobsView::tr("Completed");
        if (!job.signedOffBy.isEmpty())
            text += HouseholdJobsView::tr(", signed off by %1").arg(job.signedOffBy);
        return text;
    }
    case JobStatus::NoAccess:
        return job.notes.trimmed().isEmpty()
            ? HouseholdJobsView::tr("No access")
            : HouseholdJobsView::tr("No access: %1").arg(job.notes.trimmed());
    case JobStatus::Cancelled: return HouseholdJobsView::tr("Cancelled");
    default: return HouseholdJobsView::tr("Open");
    }
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QTableView *makeTable(StringTableModel *model, const QString &name, const QString &accessible,
                      QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setObjectName(name);
    view->setAccessibleName(accessible);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

HouseholdJobsView::HouseholdJobsView(const Database &database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_jobsModel(new StringTableModel(this))
    , m_packageModel(new StringTableModel(this))
    , m_content(new QWidget(this))
    , m_jobs(makeTable(m_jobsModel, QStringLiteral("jobsTable"), tr("Jobs"), m_content))
    , m_package(makeTable(m_packageModel, QStringLiteral("packageTable"), tr("Agreed package"),
                          m_content))
    , m_total(new QLabel(m_content))
    , m_message(new QLabel(this))
{
    m_total->setObjectName(QStringLiteral("packageTotal"));
    m_total->setAlignment(Qt::AlignRight);
    m_total->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("jobsMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    content->addWidget(heading(tr("Agreed package"), m_content));
    content->addWidget(m_package);
    content->addWidget(m_total);
    content->addWidget(heading(tr("Jobs, newest first"), m_content));
    content->addWidget(m_jobs, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_content);
    layout->addWidget(m_message);
}

QString HouseholdJobsView::money(qint64 pence)
{
    return tr("\u00a3%1").arg(QLocale().toString(double(pence) / 100.0, 'f', 2));
}

QString HouseholdJobsView::totalText() const
{
    return m_total->text();
}

QString HouseholdJobsView::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void HouseholdJobsView::showMessage(const QString &text)
{
    m_jobsModel->clear();
    m_packageModel->clear();
    m_total->clear();
    m_message->setText(text);
    m_content->hide();
    m_message->show();
}

void HouseholdJobsView::showHousehold(const QUuid &id)
{
    if (id.isNull()) {
        showMessage(tr("No household selected."));
        return;
    }
    const JobRepository store(m_database, Database::localUserName());
    const Result<QList<Job>> jobs = store.householdJobs(id);
    if (!jobs) {
        showMessage(tr("The jobs could not be read: %1").arg(jobs.errorString()));
        return;
    }
    if (jobs->isEmpty()) {
        showMessage(tr("No jobs yet: a job is made when the household agrees a package."));
        return;
    }
    const Result<QHash<QString, EquipmentLabel>> labels = store.equipmentLabels();
    const Result<QHash<QString, int>> costs = store.unitCosts();
    const Result<QList<Fitter>> fitters = FitterRepository(m_database, {}).all();
    if (!labels || !costs || !fitters) {
        const QString why = !labels ? labels.errorString()
            : !costs                ? costs.errorString()
                                    : fitters.errorString();
        showMessage(tr("The jobs could not be read: %1").arg(why));
        return;
    }
    QHash<QUuid, QString> fitterNames;
    for (const Fitter &fitter : *fitters)
        fitterNames.insert(fitter.id, fitter.name);
    const auto nameOf = [&](const QString &code) {
        const auto found = labels->constFind(code);
        return found == labels->constEnd() || found->name.isEmpty() ? code : found->name;
    };

    QList<QStringList> jobRows;
    for (const Job &job : *jobs) {
        QStringList items;
        for (const JobItem &item : job.items) {
            items.append(job.status == JobStatus::Completed
                             ? tr("%1: %2 planned, %3 fitted")
                                   .arg(nameOf(item.code))
                                   .arg(item.qty)
                                   .arg(item.fittedQty)
                             : tr("%1: %2 planned").arg(nameOf(item.code)).arg(item.qty));
        }
        const QString fitter = job.fitterId.isNull()
            ? tr("None")
            : fitterNames.value(job.fitterId, tr("Unknown fitter"));
        jobRows.append({statusLabel(job.status), fitter, booked(job), outcome(job),
                        items.join(QLatin1Char('\n'))});
    }
    m_jobsModel->setTable(
        {tr("Status"), tr("Fitter"), tr("Booked (UK time)"), tr("Outcome"), tr("Items")}, jobRows);

    // The agreed package is what the newest job was made from.
    QList<QStringList> packageRows;
    qint64 total = 0;
    for (const JobItem &item : jobs->constFirst().items) {
        const EquipmentLabel label = labels->value(item.code);
        const int unit = costs->value(item.code);
        const qint64 cost = qint64(unit) * item.qty;
        total += cost;
        packageRows.append({nameOf(item.code), label.standard, item.code, QString::number(item.qty),
                            money(unit), money(cost)});
    }
    m_packageModel->setTable(
        {tr("Item"), tr("Standard"), tr("Code"), tr("Qty"), tr("Unit cost"), tr("Cost")},
        packageRows);
    m_total->setText(tr("Total: %1").arg(money(total)));
    m_package->resizeColumnsToContents();
    m_package->resizeRowsToContents();
    // The package table is as tall as its rows; the jobs take the rest.
    int height = m_package->horizontalHeader()->height() + 2 * m_package->frameWidth();
    for (int row = 0; row < m_packageModel->rowCount(); ++row)
        height += m_package->rowHeight(row);
    m_package->setFixedHeight(height);
    m_jobs->resizeColumnsToContents();
    m_jobs->resizeRowsToContents();
    m_message->hide();
    m_message->clear();
    m_content->show();
}

} // namespace saferhomes
