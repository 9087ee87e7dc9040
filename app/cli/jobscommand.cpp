#include "jobscommand.h"

#include "cli.h"
#include "domain/job.h"
#include "store/database.h"
#include "store/jobrepository.h"

#include <QJsonArray>
#include <QTimeZone>

namespace saferhomes {

namespace {

QJsonValue localTime(const QDateTime &at)
{
    if (!at.isValid())
        return QJsonValue();
    // Qt writes "Z" for a zero offset only with a UTC time spec; in a zone it writes the
    // offset, "+00:00" in winter and "+01:00" in summer.
    return at.toTimeZone(QTimeZone("Europe/London")).toString(Qt::ISODate);
}

QJsonValue idOrNull(const QUuid &id)
{
    return id.isNull() ? QJsonValue() : QJsonValue(id.toString(QUuid::WithoutBraces));
}

} // namespace

QJsonObject JobsCommand::toJson(const Job &job)
{
    QJsonArray items;
    for (const JobItem &item : job.items) {
        items.append(QJsonObject {{QStringLiteral("code"), item.code},
                                  {QStringLiteral("qty"), item.qty},
                                  {QStringLiteral("fitted"), item.fittedQty}});
    }
    return {{QStringLiteral("id"), idOrNull(job.id)},
            {QStringLiteral("household_id"), idOrNull(job.householdId)},
            {QStringLiteral("address"), job.address},
            {QStringLiteral("postcode"), job.postcode},
            {QStringLiteral("fitter_id"), idOrNull(job.fitterId)},
            {QStringLiteral("status"), JobStatusNames::name(job.status)},
            {QStringLiteral("start"), localTime(job.start)},
            {QStringLiteral("end"), localTime(job.end)},
            {QStringLiteral("items"), items}};
}

int JobsCommand::list(Database &database, const QHash<QString, QString> &options)
{
    JobFilter filter;
    if (options.contains(QStringLiteral("--date"))) {
        const QDate day = QDate::fromString(options.value(QStringLiteral("--date")), Qt::ISODate);
        if (!day.isValid())
            return m_output.fail(Cli::UsageError, tr("--date takes YYYY-MM-DD"));
        filter.day = day;
    }
    if (options.contains(QStringLiteral("--fitter"))) {
        filter.fitterId = QUuid::fromString(options.value(QStringLiteral("--fitter")));
        if (filter.fitterId.isNull())
            return m_output.fail(Cli::UsageError, tr("--fitter takes a fitter id"));
    }
    if (options.contains(QStringLiteral("--status"))) {
        filter.status = JobStatusNames::fromName(options.value(QStringLiteral("--status")));
        if (!filter.status) {
            return m_output.fail(Cli::UsageError,
                                 tr("--status takes one of %1")
                                     .arg(JobStatusNames::allNames().join(QLatin1String(", "))));
        }
    }
    const Result<QList<Job>> jobs = JobRepository(database, Database::localUserName()).jobs(filter);
    if (!jobs)
        return m_output.fail(Cli::UsageError, jobs.errorString());
    QJsonArray array;
    QStringList lines;
    for (const Job &job : *jobs) {
        array.append(toJson(job));
        lines.append(tr("%1  %2  %3, %4  %5")
                         .arg(job.id.toString(QUuid::WithoutBraces),
                              JobStatusNames::name(job.status), job.address, job.postcode,
                              localTime(job.start).toString(tr("not booked"))));
    }
    m_output.print({{QStringLiteral("jobs"), array}}, lines.join(QLatin1Char('\n')));
    return Cli::Success;
}

int JobsCommand::createFromPackages(Database &database, const QString &area)
{
    const Result<QList<QUuid>> created
        = JobRepository(database, Database::localUserName()).createForAgreedPackages(area);
    if (!created)
        return m_output.fail(Cli::Rejected, created.errorString());
    QJsonArray ids;
    for (const QUuid &id : *created)
        ids.append(id.toString(QUuid::WithoutBraces));
    m_output.print(
        {{QStringLiteral("created"), int(created->size())}, {QStringLiteral("jobs"), ids}},
        tr("Created %n job(s).", nullptr, int(created->size())));
    return Cli::Success;
}

int JobsCommand::complete(Database &database, const QHash<QString, QString> &options)
{
    const QUuid jobId = QUuid::fromString(options.value(QStringLiteral("--job")));
    if (jobId.isNull())
        return m_output.fail(Cli::UsageError, tr("jobs complete needs --job ID"));
    if (!options.contains(QStringLiteral("--fitted")))
        return m_output.fail(Cli::UsageError, tr("jobs complete needs --fitted \"CODE=QTY;...\""));
    QHash<QString, int> fitted;
    const QStringList pairs
        = options.value(QStringLiteral("--fitted")).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &pair : pairs) {
        bool ok = false;
        const int qty = pair.section(QLatin1Char('='), 1).trimmed().toInt(&ok);
        const QString code = pair.section(QLatin1Char('='), 0, 0).trimmed();
        if (!pair.contains(QLatin1Char('=')) || code.isEmpty() || !ok || qty < 0)
            return m_output.fail(Cli::UsageError, tr("\u201c%1\u201d is not CODE=QTY").arg(pair));
        fitted.insert(code, qty);
    }
    QHash<QString, QString> serials;
    const QStringList serialPairs
        = options.value(QStringLiteral("--serials")).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &pair : serialPairs) {
        const QString code = pair.section(QLatin1Char('='), 0, 0).trimmed();
        if (!pair.contains(QLatin1Char('=')) || code.isEmpty())
            return m_output.fail(Cli::UsageError, tr("\u201c%1\u201d is not CODE=S1,S2").arg(pair));
        serials.insert(code, pair.section(QLatin1Char('='), 1).trimmed());
    }
    const Result<bool> done
        = JobRepository(database, Database::localUserName())
              .complete(jobId, fitted, serials, options.value(QStringLiteral("--signed-off-by")));
    if (!done) {
        return m_output.fail(done.error().kind == Error::Kind::Database ? Cli::UsageError
                                                                        : Cli::Rejected,
                             done.errorString());
    }
    const QString id = jobId.toString(QUuid::WithoutBraces);
    m_output.print({{QStringLiteral("job"), id},
                    {QStringLiteral("completed"), true},
                    {QStringLiteral("applied"), *done}},
                   *done ? tr("Job %1 completed.").arg(id)
                         : tr("Job %1 was completed already; nothing changed.").arg(id));
    return Cli::Success;
}

int JobsCommand::noAccess(Database &database, const QHash<QString, QString> &options)
{
    const QUuid jobId = QUuid::fromString(options.value(QStringLiteral("--job")));
    if (jobId.isNull())
        return m_output.fail(Cli::UsageError, tr("jobs no-access needs --job ID"));
    const Result<QUuid> revisit = JobRepository(database, Database::localUserName())
                                      .noAccess(jobId, options.value(QStringLiteral("--note")));
    if (!revisit) {
        return m_output.fail(revisit.error().kind == Error::Kind::Database ? Cli::UsageError
                                                                           : Cli::Rejected,
                             revisit.errorString());
    }
    const QString id = jobId.toString(QUuid::WithoutBraces);
    const QString revisitId = revisit->toString(QUuid::WithoutBraces);
    m_output.print({{QStringLiteral("job"), id},
                    {QStringLiteral("status"), QStringLiteral("no_access")},
                    {QStringLiteral("revisit"), revisitId}},
                   tr("Job %1: no access; revisit job %2 is unscheduled.").arg(id, revisitId));
    return Cli::Success;
}

} // namespace saferhomes
