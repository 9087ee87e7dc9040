// JobRepository: what a fitter records of a visit (a completion, or no access and its revisit).

#include "jobrepository.h"

#include "auditlog.h"
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
using jobstore::settleHousehold;

namespace {

/// A completion never takes the van below what it holds (DESIGN §8): what is fitted beyond
/// the job's reservation must be available in the van. The refusal names the figures.
std::optional<Error> vanCannotCover(const QString &connectionName, const QString &jobId,
                                    const QHash<QString, int> &fitted)
{
    const Result<QList<StockShortfall>> shortfalls
        = stockstore::fittedShortfalls(connectionName, jobId, fitted);
    if (!shortfalls)
        return shortfalls.error();
    if (shortfalls->isEmpty())
        return std::nullopt;
    return stockstore::shortfallError(connectionName, *shortfalls)
        .within(JobRepository::tr("The van cannot cover what was fitted"));
}

/// What an item of the job being completed costs: the catalogue's unit price now, recorded on
/// the item (in the statement that records what was fitted, so in the same op) so that a later
/// price change does not rewrite past spend or a frozen return's variance.
QString fittedUnitCost()
{
    return QStringLiteral("(SELECT e.unit_cost_pence FROM equipment_type e "
                          "WHERE e.code = job_item.equipment_code)");
}

} // namespace

Result<bool> JobRepository::complete(const QUuid &jobId, const QHash<QString, int> &fitted,
                                     const QHash<QString, QString> &serials,
                                     const QString &signedOffBy)
{
    JobCompletion completion;
    completion.fitted = fitted;
    completion.serials = serials;
    completion.signedOffBy = signedOffBy;
    return record(jobId, completion, false);
}

Result<bool> JobRepository::complete(const QUuid &jobId, const JobCompletion &completion)
{
    return record(jobId, completion, true);
}

Result<bool> JobRepository::record(const QUuid &jobId, const JobCompletion &completion,
                                   bool needReasons)
{
    const QHash<QString, int> &fitted = completion.fitted;
    const QHash<QString, QString> &serials = completion.serials;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return writeError(tr("the job"), db.lastError()).within(tr("Completing a job"));
    const auto failed = [&](Error error) {
        db.rollback();
        return error;
    };
    const QString id = uuidText(jobId);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT status, household_id FROM job WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return failed(readError(tr("the job"), query.lastError()));
    if (!query.next())
        return failed(Error::notFound(tr("There is no job %1.").arg(id)));
    const QString status = query.value(0).toString();
    const QString householdId = query.value(1).toString();
    query.finish();
    if (status == u"completed") {
        db.rollback();
        return false; // recorded already (a re-sent completion)
    }
    if (status != u"scheduled" && status != u"tentative") {
        return failed(Error::invalid(
            tr("Job %1 is %2: only a booked job can be completed.").arg(id, status)));
    }
    QSqlQuery items(db);
    items.prepare(QStringLiteral("SELECT id, equipment_code, qty FROM job_item WHERE job_id = ? "
                                 "ORDER BY rowid"));
    items.addBindValue(id);
    if (!items.exec())
        return failed(readError(tr("job items"), items.lastError()));
    QList<std::pair<QString, QString>> rows;
    Job planned;
    while (items.next()) {
        rows.append({items.value(0).toString(), items.value(1).toString()});
        planned.items.append(
            JobItem {{}, items.value(1).toString(), items.value(2).toInt(), 0, {}});
    }
    items.finish();
    if (needReasons) {
        const QStringList missing = missingReasons(planned, completion);
        if (!missing.isEmpty()) {
            return failed(Error::invalid(tr("Say why fewer or more were fitted than planned: %1.")
                                             .arg(missing.join(QLatin1String(", ")))));
        }
    }
    for (auto it = fitted.cbegin(); it != fitted.cend(); ++it) {
        const bool known = std::any_of(rows.cbegin(), rows.cend(),
                                       [&](const auto &row) { return row.second == it.key(); });
        if (!known)
            return failed(Error::invalid(tr("%1 is not an item of job %2.").arg(it.key(), id)));
    }
    if (const std::optional<Error> refused = vanCannotCover(m_connectionName, id, fitted))
        return failed(*refused);
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE job_item SET fitted_qty = ?, fitted = ?, serial = ?, "
                                  "difference_reason = ?, unit_cost_pence = %1 WHERE id = ?")
                       .arg(fittedUnitCost()));
    QSet<QString> counted;
    QHash<QString, int> fittedItems;
    for (const auto &[itemId, code] : std::as_const(rows)) {
        // An item listed twice takes the quantity once (the first row of its code).
        const bool first = !counted.contains(code);
        const int qty = first ? fitted.value(code, 0) : 0;
        counted.insert(code);
        if (qty > 0)
            fittedItems.insert(code, qty);
        update.addBindValue(qty);
        update.addBindValue(qty > 0 ? 1 : 0);
        update.addBindValue(notNull(serials.value(code)));
        update.addBindValue(
            notNull(first ? completion.differenceReasons.value(code).trimmed() : QString()));
        update.addBindValue(itemId);
        if (!update.exec())
            return failed(writeError(tr("job items"), update.lastError()));
    }
    const QString now = storeTimestamp();
    update.prepare(QStringLiteral("UPDATE job SET status = 'completed', completed_at = ?, "
                                  "signed_off_by = ? WHERE id = ?"));
    update.addBindValue(now);
    update.addBindValue(notNull(completion.signedOffBy));
    update.addBindValue(id);
    if (!update.exec())
        return failed(writeError(tr("the job"), update.lastError()));
    QList<std::pair<QString, JobPicture>> pictures;
    for (const JobPicture &photo : completion.photos)
        pictures.append({QStringLiteral("photo"), photo});
    if (completion.signature)
        pictures.append({QStringLiteral("signature"), *completion.signature});
    QSqlQuery attach(db);
    attach.prepare(QStringLiteral(
        "INSERT INTO attachment (id, household_id, kind, mime_type, sha256, bytes, created_at, "
        "by_user, job_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const auto &[kind, picture] : std::as_const(pictures)) {
        attach.addBindValue(uuidText(QUuid::createUuid()));
        attach.addBindValue(householdId);
        attach.addBindValue(kind);
        attach.addBindValue(notNull(picture.mimeType));
        attach.addBindValue(QString::fromLatin1(
            QCryptographicHash::hash(picture.bytes, QCryptographicHash::Sha256).toHex()));
        attach.addBindValue(picture.bytes.isNull() ? QByteArray("") : picture.bytes);
        attach.addBindValue(now);
        attach.addBindValue(notNull(m_userName));
        attach.addBindValue(id);
        if (!attach.exec())
            return failed(writeError(tr("attachments"), attach.lastError()));
    }
    AuditLog audit(m_connectionName, m_userName, m_device);
    if (const Status audited = audit.record(QStringLiteral("job"), id, QStringLiteral("status"),
                                            status, QStringLiteral("completed"), now);
        !audited)
        return failed(audited.error());
    if (const Status settled = settleHousehold(m_connectionName, audit, householdId, now); !settled)
        return failed(settled.error());
    if (const Status fitted
        = stockstore::recordJobFitted(m_connectionName, audit, m_userName, id, fittedItems, now);
        !fitted)
        return failed(fitted.error());
    if (!db.commit())
        return failed(writeError(tr("the job"), db.lastError()));
    return true;
}

QStringList JobRepository::missingReasons(const Job &job, const JobCompletion &completion)
{
    QStringList missing;
    QSet<QString> seen;
    for (const JobItem &item : job.items) {
        if (seen.contains(item.code))
            continue;
        seen.insert(item.code);
        if (completion.fitted.value(item.code, 0) != item.qty
            && completion.differenceReasons.value(item.code).trimmed().isEmpty())
            missing.append(item.code);
    }
    return missing;
}

Result<QUuid> JobRepository::noAccess(const QUuid &jobId, const QString &note)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return writeError(tr("the job"), db.lastError()).within(tr("Recording no access"));
    const auto failed = [&](Error error) {
        db.rollback();
        return error;
    };
    const QString id = uuidText(jobId);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT status, household_id, notes FROM job WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return failed(readError(tr("the job"), query.lastError()));
    if (!query.next())
        return failed(Error::notFound(tr("There is no job %1.").arg(id)));
    const QString status = query.value(0).toString();
    const QString householdId = query.value(1).toString();
    const QString notes = query.value(2).toString();
    query.finish();
    if (status != u"scheduled" && status != u"tentative") {
        return failed(Error::invalid(
            tr("Job %1 is %2: only a booked job can find nobody in.").arg(id, status)));
    }
    const QString now = storeTimestamp();
    query.prepare(QStringLiteral("UPDATE job SET status = 'no_access', notes = ? WHERE id = ?"));
    query.addBindValue(note.isEmpty() ? notes : (notes.isEmpty() ? note : notes + u'\n' + note));
    query.addBindValue(id);
    if (!query.exec())
        return failed(writeError(tr("the job"), query.lastError()));
    const QUuid revisit = QUuid::createUuid();
    query.prepare(QStringLiteral(
        "INSERT INTO job (id, household_id, survey_id, status, created_at, duration_minutes, "
        "revisit_of, availability, access_notes, notes) "
        "SELECT ?, household_id, survey_id, 'unscheduled', ?, duration_minutes, id, "
        "availability, access_notes, ? FROM job WHERE id = ?"));
    query.addBindValue(uuidText(revisit));
    query.addBindValue(now);
    query.addBindValue(note.isEmpty() ? tr("Revisit: nobody was in.")
                                      : tr("Revisit: nobody was in (%1).").arg(note));
    query.addBindValue(id);
    if (!query.exec())
        return failed(writeError(tr("the revisit"), query.lastError()));
    QSqlQuery items(db);
    items.prepare(QStringLiteral("SELECT equipment_code, qty FROM job_item WHERE job_id = ? "
                                 "ORDER BY rowid"));
    items.addBindValue(id);
    if (!items.exec())
        return failed(readError(tr("job items"), items.lastError()));
    QSqlQuery insertItem(db);
    insertItem.prepare(QStringLiteral(
        "INSERT INTO job_item (id, job_id, equipment_code, qty) VALUES (?, ?, ?, ?)"));
    while (items.next()) {
        insertItem.addBindValue(uuidText(QUuid::createUuid()));
        insertItem.addBindValue(uuidText(revisit));
        insertItem.addBindValue(items.value(0));
        insertItem.addBindValue(items.value(1));
        if (!insertItem.exec())
            return failed(writeError(tr("the revisit"), insertItem.lastError()));
    }
    items.finish();
    AuditLog audit(m_connectionName, m_userName, m_device);
    if (const Status recorded = audit.record(QStringLiteral("job"), id, QStringLiteral("status"),
                                             status, QStringLiteral("no_access"), now);
        !recorded)
        return failed(recorded.error());
    if (const Status recorded
        = audit.record(QStringLiteral("job"), uuidText(revisit), QStringLiteral("created"), {},
                       QStringLiteral("unscheduled"), now);
        !recorded)
        return failed(recorded.error());
    if (const Status settled = settleHousehold(m_connectionName, audit, householdId, now); !settled)
        return failed(settled.error());
    if (const Status settled
        = stockstore::settleJobReservations(m_connectionName, audit, m_userName, id, now);
        !settled)
        return failed(settled.error());
    if (!db.commit())
        return failed(writeError(tr("the job"), db.lastError()));
    return revisit;
}

/// Where a job is booked: on whom, when, for how long, pinned or not (no fitter: the tray).

} // namespace saferhomes
