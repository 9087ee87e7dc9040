#include "jobrepository.h"

#include "auditlog.h"
#include "database.h"
#include "jobrepository_p.h"
#include "sqlvalues.h"
#include "stockledger.h"
#include "visitrepository.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace saferhomes {

using namespace sqlvalues;

namespace jobstore {

Status settleHousehold(const QString &connectionName, AuditLog &audit, const QString &householdId,
                       const QString &at)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    QSqlQuery query(db);
    const bool prepared = query.prepare(QStringLiteral(
        "SELECT h.status, "
        "(SELECT count(*) FROM job j WHERE j.household_id = h.id AND j.status IN "
        "('unscheduled', 'tentative', 'scheduled')), "
        "(SELECT count(*) FROM job j WHERE j.household_id = h.id AND j.status IN "
        "('tentative', 'scheduled')), "
        "(SELECT count(*) FROM job j WHERE j.household_id = h.id AND j.status = 'completed') "
        "FROM household h WHERE h.id = ?"));
    query.addBindValue(householdId);
    if (!prepared || !query.exec() || !query.next()) {
        if (!query.lastError().isValid())
            return Error::notFound(JobRepository::tr("there is no household %1").arg(householdId));
        return Database::sqlError(db.databaseName(),
                                  JobRepository::tr("cannot read household %1").arg(householdId),
                                  query.lastError());
    }
    const auto from = HouseholdStatusRules::fromName(query.value(0).toString());
    const int open = query.value(1).toInt();
    const int booked = query.value(2).toInt();
    const int completed = query.value(3).toInt();
    query.finish();
    using S = HouseholdStatus;
    if (!from || (*from != S::Accepted && *from != S::Scheduled))
        return {};
    StatusMove move {*from, {}};
    if (completed > 0 && open == 0) {
        if (*from == S::Accepted)
            move.steps.append(S::Scheduled);
        move.steps.append(S::Installed);
    } else if (booked > 0 && *from == S::Accepted) {
        move.steps.append(S::Scheduled);
    } else if (booked == 0 && *from == S::Scheduled) {
        move.steps.append(S::Accepted);
    }
    return applyStatusMove(connectionName, audit, QUuid(householdId), move, at);
}

} // namespace jobstore

namespace {

const QString kSelect = QStringLiteral(
    "SELECT j.id, j.household_id, j.survey_id, j.fitter_id, j.status, j.scheduled_start, "
    "j.scheduled_end, j.duration_minutes, j.pinned, j.sequence, j.revisit_of, j.availability, "
    "j.access_notes, j.completed_at, j.signed_off_by, j.notes, j.created_at, h.address_line1, "
    "h.postcode, a.name, h.latitude, h.longitude, j.pin_kind "
    "FROM job j JOIN household h ON h.id = j.household_id "
    "LEFT JOIN area a ON a.id = h.area_id ");

Job readJob(const QSqlQuery &query)
{
    Job job;
    job.id = readId(query.value(0));
    job.householdId = readId(query.value(1));
    job.surveyId = readId(query.value(2));
    job.fitterId = readId(query.value(3));
    job.status = JobStatusNames::fromName(query.value(4).toString()).value_or(JobStatus::Cancelled);
    job.start = readTime(query.value(5));
    job.end = readTime(query.value(6));
    job.durationMinutes = query.value(7).toInt();
    job.pin = PinKindNames::fromStored(query.value(8).toInt() == 1, query.value(22).toString());
    job.sequence = query.value(9).toInt();
    job.revisitOf = readId(query.value(10));
    job.availability = JobAvailability::fromJson(
        QJsonDocument::fromJson(query.value(11).toByteArray()).object());
    job.accessNotes = query.value(12).toString();
    job.completedAt = readTime(query.value(13));
    job.signedOffBy = query.value(14).toString();
    job.notes = query.value(15).toString();
    job.createdAt = readTime(query.value(16));
    job.address = query.value(17).toString();
    job.postcode = query.value(18).toString();
    job.area = query.value(19).toString();
    if (!query.value(20).isNull() && !query.value(21).isNull()) {
        job.latitude = query.value(20).toDouble();
        job.longitude = query.value(21).toDouble();
    }
    return job;
}

} // namespace

JobRepository::JobRepository(const Database &database, QString userName)
    : Repository(database, std::move(userName))
{ }

Result<QList<Job>> JobRepository::jobs(const JobFilter &filter) const
{
    QStringList where {QStringLiteral("h.deleted_at IS NULL")};
    QVariantList values;
    if (filter.day) {
        // The local day's bounds in UTC, as the store writes times.
        const QTimeZone london("Europe/London");
        where.append(QStringLiteral("j.scheduled_start >= ? AND j.scheduled_start < ?"));
        values.append(timeText(QDateTime(*filter.day, QTime(0, 0), london)));
        values.append(timeText(QDateTime(filter.day->addDays(1), QTime(0, 0), london)));
    }
    if (!filter.fitterId.isNull()) {
        where.append(QStringLiteral("j.fitter_id = ?"));
        values.append(uuidText(filter.fitterId));
    }
    if (filter.status) {
        where.append(QStringLiteral("j.status = ?"));
        values.append(JobStatusNames::name(*filter.status));
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(kSelect + QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "))
                  + QStringLiteral(" ORDER BY j.scheduled_start IS NULL, j.scheduled_start, "
                                   "j.created_at, j.id"));
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec())
        return readError(tr("jobs"), query.lastError());
    QList<Job> jobs;
    QHash<QString, qsizetype> index;
    while (query.next()) {
        jobs.append(readJob(query));
        index.insert(uuidText(jobs.constLast().id), jobs.size() - 1);
    }
    query.finish();
    if (jobs.isEmpty())
        return jobs;

    QSqlQuery items(db);
    items.setForwardOnly(true);
    if (!items.exec(QStringLiteral("SELECT job_id, id, equipment_code, qty, fitted_qty, serial "
                                   "FROM job_item ORDER BY rowid")))
        return readError(tr("job items"), items.lastError());
    while (items.next()) {
        const auto found = index.constFind(items.value(0).toString());
        if (found == index.constEnd())
            continue;
        jobs[*found].items.append(JobItem {readId(items.value(1)), items.value(2).toString(),
                                           items.value(3).toInt(), items.value(4).toInt(),
                                           items.value(5).toString()});
    }
    return jobs;
}

Result<QList<QUuid>> JobRepository::createForAgreedPackages(const QString &area)
{
    return create(area, {});
}

Result<QUuid> JobRepository::packageAgreed(const QUuid &surveyId)
{
    return agreed(surveyId, std::nullopt);
}

Result<QUuid> JobRepository::packageAgreed(const QUuid &surveyId,
                                           const JobAvailability &availability,
                                           const QString &accessNotes)
{
    return agreed(surveyId, VisitTerms {availability, accessNotes});
}

Result<QUuid> JobRepository::agreed(const QUuid &surveyId, const std::optional<VisitTerms> &terms)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    // The job in the tray, else the one booked already (a package agreed again after the
    // booking): it follows the new package where it is booked.
    query.prepare(QStringLiteral("SELECT id, scheduled_start FROM job WHERE survey_id = ? "
                                 "AND status IN ('unscheduled', 'tentative', 'scheduled') "
                                 "ORDER BY status = 'unscheduled' DESC, created_at, id LIMIT 1"));
    query.addBindValue(uuidText(surveyId));
    if (!query.exec())
        return readError(tr("jobs"), query.lastError());
    if (!query.next()) {
        query.finish();
        const Result<QList<QUuid>> created = create({}, uuidText(surveyId), terms);
        if (!created)
            return created.error();
        return created->isEmpty() ? QUuid() : created->constFirst();
    }
    const QString jobId = query.value(0).toString();
    const QDateTime bookedStart = readTime(query.value(1));
    query.finish();
    if (!db.transaction())
        return writeError(tr("the job"), db.lastError()).within(tr("Updating a job"));
    const auto failedWith = [&](const Error &error) {
        db.rollback();
        return Error {error.kind, tr("Updating job %1: %2").arg(jobId, error.message)};
    };
    const auto failed = [&](const QSqlError &error) {
        return failedWith(writeError(tr("the job"), error));
    };
    query.prepare(QStringLiteral("DELETE FROM job_item WHERE job_id = ?"));
    query.addBindValue(jobId);
    if (!query.exec())
        return failed(query.lastError());
    query.prepare(
        QStringLiteral("SELECT r.equipment_code, r.qty, e.fit_minutes FROM recommendation r "
                       "JOIN equipment_type e ON e.code = r.equipment_code "
                       "WHERE r.survey_id = ? AND r.agreed = 1 ORDER BY r.rowid"));
    query.addBindValue(uuidText(surveyId));
    if (!query.exec())
        return failedWith(readError(tr("the agreed package"), query.lastError()));
    QSqlQuery insertItem(db);
    insertItem.prepare(QStringLiteral(
        "INSERT INTO job_item (id, job_id, equipment_code, qty) VALUES (?, ?, ?, ?)"));
    int minutes = kJobSetUpMinutes;
    while (query.next()) {
        minutes += query.value(1).toInt() * query.value(2).toInt();
        insertItem.addBindValue(uuidText(QUuid::createUuid()));
        insertItem.addBindValue(jobId);
        insertItem.addBindValue(query.value(0));
        insertItem.addBindValue(query.value(1));
        if (!insertItem.exec())
            return failed(insertItem.lastError());
    }
    query.finish();
    // A booked job keeps its start and takes the new length; its end moved is a reschedule
    // (the iCalendar SEQUENCE rises). An unscheduled job has no end.
    query.prepare(QStringLiteral("UPDATE job SET duration_minutes = ?, scheduled_end = ?, "
                                 "sequence = sequence + (scheduled_end IS NOT ?) WHERE id = ? "
                                 "AND (duration_minutes <> ? OR scheduled_end IS NOT ?)"));
    const QVariant end = bookedStart.isValid()
        ? nullableTime(bookedStart.addSecs(qint64(minutes) * 60))
        : nullableTime({});
    query.addBindValue(minutes);
    query.addBindValue(end);
    query.addBindValue(end);
    query.addBindValue(jobId);
    query.addBindValue(minutes);
    query.addBindValue(end);
    if (!query.exec())
        return failed(query.lastError());
    if (terms) {
        // Only a real change makes an outbox op (the update trigger fires on every UPDATE).
        const QString availability = QString::fromUtf8(
            QJsonDocument(terms->availability.toJson()).toJson(QJsonDocument::Compact));
        query.prepare(QStringLiteral("UPDATE job SET availability = ?, access_notes = ? "
                                     "WHERE id = ? AND (json(availability) <> json(?) "
                                     "OR access_notes <> ?)"));
        query.addBindValue(availability);
        query.addBindValue(notNull(terms->accessNotes));
        query.addBindValue(jobId);
        query.addBindValue(availability);
        query.addBindValue(notNull(terms->accessNotes));
        if (!query.exec())
            return failed(query.lastError());
    }
    AuditLog audit(m_connectionName, m_userName, m_device);
    const QString now = storeTimestamp();
    if (const Status recorded = audit.record(QStringLiteral("job"), jobId, QStringLiteral("items"),
                                             {}, QStringLiteral("package agreed again"), now);
        !recorded)
        return failedWith(recorded.error());
    // A booked job's reservations follow its new items (an unscheduled one holds none).
    if (bookedStart.isValid()) {
        if (const Status settled
            = stockstore::settleJobReservations(m_connectionName, audit, m_userName, jobId, now);
            !settled)
            return failedWith(settled.error());
    }
    if (!db.commit())
        return failed(db.lastError());
    return QUuid(jobId);
}

Result<QList<QUuid>> JobRepository::create(const QString &area, const QString &surveyId,
                                           const std::optional<VisitTerms> &terms)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return writeError(tr("jobs"), db.lastError()).within(tr("Creating jobs"));
    const auto failedWith = [&](const Error &error) {
        db.rollback();
        return Error {error.kind, tr("Creating jobs: %1").arg(error.message)};
    };
    const auto failed = [&](const QSqlError &error) {
        return failedWith(writeError(tr("jobs"), error));
    };
    QSqlQuery packages(db);
    packages.prepare(QStringLiteral(
        "SELECT s.id, s.household_id, (SELECT n.id FROM job n WHERE n.survey_id = s.id "
        "AND n.status = 'no_access' ORDER BY n.scheduled_start DESC, n.created_at DESC LIMIT 1) "
        "FROM survey s JOIN household h ON h.id = s.household_id "
        "LEFT JOIN area a ON a.id = h.area_id "
        "WHERE s.completed_at IS NOT NULL AND h.deleted_at IS NULL "
        "AND h.status IN ('accepted', 'scheduled') "
        "AND (? = '' OR a.name = ?) AND (? = '' OR s.id = ?) "
        "AND EXISTS (SELECT 1 FROM recommendation r WHERE r.survey_id = s.id AND r.agreed = 1) "
        "AND NOT EXISTS (SELECT 1 FROM survey s2 WHERE s2.supersedes = s.id) "
        "AND NOT EXISTS (SELECT 1 FROM job j WHERE j.survey_id = s.id "
        "AND j.status NOT IN ('cancelled', 'no_access')) "
        "ORDER BY s.completed_at, s.id"));
    packages.addBindValue(notNull(area));
    packages.addBindValue(notNull(area));
    packages.addBindValue(notNull(surveyId));
    packages.addBindValue(notNull(surveyId));
    if (!packages.exec())
        return failedWith(readError(tr("the agreed packages"), packages.lastError()));
    struct Package {
        QString survey;
        QString household;
        QVariant revisitOf;
    };
    QList<Package> found;
    while (packages.next()) {
        found.append(
            {packages.value(0).toString(), packages.value(1).toString(), packages.value(2)});
    }
    packages.finish();

    QSqlQuery items(db);
    items.prepare(
        QStringLiteral("SELECT r.equipment_code, r.qty, e.fit_minutes FROM recommendation r "
                       "JOIN equipment_type e ON e.code = r.equipment_code "
                       "WHERE r.survey_id = ? AND r.agreed = 1 ORDER BY r.rowid"));
    QSqlQuery insertJob(db);
    insertJob.prepare(QStringLiteral(
        "INSERT INTO job (id, household_id, survey_id, status, created_at, duration_minutes, "
        "revisit_of, availability, access_notes) VALUES (?, ?, ?, 'unscheduled', ?, ?, ?, ?, ?)"));
    const QString availability = terms
        ? QString::fromUtf8(
            QJsonDocument(terms->availability.toJson()).toJson(QJsonDocument::Compact))
        : QStringLiteral("{}");
    const QString accessNotes = terms ? terms->accessNotes : QString();
    QSqlQuery insertItem(db);
    insertItem.prepare(QStringLiteral(
        "INSERT INTO job_item (id, job_id, equipment_code, qty) VALUES (?, ?, ?, ?)"));
    AuditLog audit(m_connectionName, m_userName, m_device);
    const QString now = storeTimestamp();
    QList<QUuid> created;
    for (const Package &package : std::as_const(found)) {
        items.addBindValue(package.survey);
        if (!items.exec())
            return failedWith(readError(tr("the agreed packages"), items.lastError()));
        QList<std::pair<QString, int>> lines;
        int minutes = kJobSetUpMinutes;
        while (items.next()) {
            lines.append({items.value(0).toString(), items.value(1).toInt()});
            minutes += items.value(1).toInt() * items.value(2).toInt();
        }
        items.finish();
        const QUuid id = QUuid::createUuid();
        insertJob.addBindValue(uuidText(id));
        insertJob.addBindValue(package.household);
        insertJob.addBindValue(package.survey);
        insertJob.addBindValue(now);
        insertJob.addBindValue(minutes);
        insertJob.addBindValue(package.revisitOf);
        insertJob.addBindValue(availability);
        insertJob.addBindValue(notNull(accessNotes));
        if (!insertJob.exec())
            return failed(insertJob.lastError());
        for (const auto &[code, qty] : std::as_const(lines)) {
            insertItem.addBindValue(uuidText(QUuid::createUuid()));
            insertItem.addBindValue(uuidText(id));
            insertItem.addBindValue(code);
            insertItem.addBindValue(qty);
            if (!insertItem.exec())
                return failed(insertItem.lastError());
        }
        if (const Status recorded
            = audit.record(QStringLiteral("job"), uuidText(id), QStringLiteral("created"), {},
                           QStringLiteral("unscheduled"), now);
            !recorded)
            return failedWith(recorded.error());
        created.append(id);
    }
    if (!db.commit())
        return failed(db.lastError());
    return created;
}

Result<QHash<QString, EquipmentLabel>> JobRepository::equipmentLabels() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT code, name, standard FROM equipment_type")))
        return readError(tr("the catalogue"), query.lastError());
    QHash<QString, EquipmentLabel> labels;
    while (query.next()) {
        labels.insert(query.value(0).toString(),
                      {query.value(1).toString(), query.value(2).toString()});
    }
    return labels;
}

Result<JobContact> JobRepository::contact(const QUuid &householdId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT name, phone, email, access_needs FROM resident "
                                 "WHERE household_id = ? ORDER BY is_primary DESC, rid LIMIT 1"));
    query.addBindValue(uuidText(householdId));
    if (!query.exec())
        return readError(tr("the householder"), query.lastError());
    if (!query.next())
        return JobContact {};
    return JobContact {query.value(0).toString(), query.value(1).toString(),
                       query.value(2).toString(), query.value(3).toString()};
}

Result<QHash<QString, QString>> JobRepository::differenceReasons(const QUuid &jobId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT equipment_code, difference_reason FROM job_item "
                                 "WHERE job_id = ? AND difference_reason <> ''"));
    query.addBindValue(uuidText(jobId));
    if (!query.exec())
        return readError(tr("job items"), query.lastError());
    QHash<QString, QString> reasons;
    while (query.next())
        reasons.insert(query.value(0).toString(), query.value(1).toString());
    return reasons;
}

Result<QHash<QString, int>> JobRepository::pictureCounts(const QUuid &jobId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT kind, count(*) FROM attachment WHERE job_id = ? GROUP BY kind"));
    query.addBindValue(uuidText(jobId));
    if (!query.exec())
        return readError(tr("attachments"), query.lastError());
    QHash<QString, int> counts;
    while (query.next())
        counts.insert(query.value(0).toString(), query.value(1).toInt());
    return counts;
}

Result<Job> JobRepository::job(const QUuid &jobId) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    query.prepare(kSelect + QStringLiteral("WHERE j.id = ?"));
    query.addBindValue(uuidText(jobId));
    if (!query.exec())
        return readError(tr("the job"), query.lastError());
    if (!query.next())
        return Error::notFound(tr("There is no job %1.").arg(uuidText(jobId)));
    Job job = readJob(query);
    query.finish();
    query.prepare(QStringLiteral("SELECT id, equipment_code, qty, fitted_qty, serial "
                                 "FROM job_item WHERE job_id = ? ORDER BY rowid"));
    query.addBindValue(uuidText(jobId));
    if (!query.exec())
        return readError(tr("job items"), query.lastError());
    while (query.next()) {
        job.items.append(JobItem {readId(query.value(0)), query.value(1).toString(),
                                  query.value(2).toInt(), query.value(3).toInt(),
                                  query.value(4).toString()});
    }
    return job;
}

Result<QHash<QString, QString>> JobRepository::itemSkills() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT code, skill FROM equipment_type")))
        return readError(tr("the catalogue"), query.lastError());
    QHash<QString, QString> skills;
    while (query.next())
        skills.insert(query.value(0).toString(), query.value(1).toString());
    return skills;
}

Result<QList<Job>> JobRepository::householdJobs(const QUuid &householdId) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(kSelect
                  + QStringLiteral("WHERE j.household_id = ? ORDER BY j.created_at DESC, j.id"));
    query.addBindValue(uuidText(householdId));
    if (!query.exec())
        return readError(tr("jobs"), query.lastError());
    QList<Job> jobs;
    QHash<QString, qsizetype> index;
    while (query.next()) {
        jobs.append(readJob(query));
        index.insert(uuidText(jobs.constLast().id), jobs.size() - 1);
    }
    query.finish();
    if (jobs.isEmpty())
        return jobs;

    QSqlQuery items(db);
    items.setForwardOnly(true);
    items.prepare(
        QStringLiteral("SELECT i.job_id, i.id, i.equipment_code, i.qty, i.fitted_qty, i.serial "
                       "FROM job_item i JOIN job j ON j.id = i.job_id WHERE j.household_id = ? "
                       "ORDER BY i.rowid"));
    items.addBindValue(uuidText(householdId));
    if (!items.exec())
        return readError(tr("job items"), items.lastError());
    while (items.next()) {
        const auto found = index.constFind(items.value(0).toString());
        if (found == index.constEnd())
            continue;
        jobs[*found].items.append(JobItem {readId(items.value(1)), items.value(2).toString(),
                                           items.value(3).toInt(), items.value(4).toInt(),
                                           items.value(5).toString()});
    }
    return jobs;
}

Result<QHash<QString, int>> JobRepository::unitCosts() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT code, unit_cost_pence FROM equipment_type")))
        return readError(tr("the catalogue"), query.lastError());
    QHash<QString, int> costs;
    while (query.next())
        costs.insert(query.value(0).toString(), query.value(1).toInt());
    return costs;
}

} // namespace saferhomes

namespace saferhomes {

Result<std::optional<Job>> JobRepository::packageJob(const QUuid &surveyId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral(
        "SELECT id FROM job WHERE survey_id = ? "
        "ORDER BY status = 'unscheduled' DESC, status IN ('tentative', 'scheduled') DESC, "
        "CASE WHEN status = 'unscheduled' THEN created_at END, created_at DESC, id LIMIT 1"));
    query.addBindValue(uuidText(surveyId));
    if (!query.exec())
        return readError(tr("the package's job"), query.lastError());
    if (!query.next())
        return std::optional<Job>();
    const QUuid jobId = readId(query.value(0));
    query.finish();
    Result<Job> job = this->job(jobId);
    if (!job)
        return job.error();
    return std::optional<Job>(std::move(job).value());
}

} // namespace saferhomes
