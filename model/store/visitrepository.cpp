#include "visitrepository.h"

#include "auditlog.h"
#include "database.h"
#include "householdsummaryrow.h"
#include "outbox.h"
#include "sqlvalues.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

using namespace sqlvalues;

namespace {

const QString kVisitSelect = QStringLiteral(
    "SELECT id, household_id, at, by_user, outcome, reason, revisit_at, notes FROM visit ");

Visit readVisit(const QSqlQuery &query)
{
    Visit visit;
    visit.id = QUuid::fromString(query.value(0).toString());
    visit.householdId = QUuid::fromString(query.value(1).toString());
    visit.at = readTime(query.value(2));
    visit.by = query.value(3).toString();
    visit.outcome
        = DoorstepNames::visitOutcome(query.value(4).toString()).value_or(VisitOutcome::NoAnswer);
    visit.reason = query.value(5).toString();
    visit.revisitAt = readTime(query.value(6));
    visit.notes = query.value(7).toString();
    return visit;
}

// The revisit still to be made is the one asked for at the latest `revisit_requested` visit,
// unless a later visit found someone in: unanswered knocks leave it outstanding (overdue).
// Visits in the same millisecond are ordered by when they were written (rowid).
const QString kRoundSelect = QStringLiteral("SELECT ") + householdsummaryrow::kColumns
    + QStringLiteral(", (SELECT v.outcome FROM visit v WHERE v.household_id = h.id "
                     " ORDER BY v.at DESC, v.rowid DESC LIMIT 1), "
                     "(SELECT max(v.at) FROM visit v WHERE v.household_id = h.id), "
                     "(SELECT v.revisit_at FROM visit v WHERE v.household_id = h.id "
                     " AND v.outcome = 'revisit_requested' AND NOT EXISTS (SELECT 1 FROM visit w "
                     "  WHERE w.household_id = h.id AND w.outcome <> 'no_answer' "
                     "  AND (w.at > v.at OR (w.at = v.at AND w.rowid > v.rowid))) "
                     " ORDER BY v.at DESC, v.rowid DESC LIMIT 1) ")
    + householdsummaryrow::kLiveHouseholds + QStringLiteral(" AND h.area_id IS ?");

RoundEntry readRoundEntry(const QSqlQuery &query)
{
    RoundEntry entry;
    entry.household = householdsummaryrow::read(query);
    if (!query.value(11).isNull())
        entry.lastOutcome = DoorstepNames::visitOutcome(query.value(11).toString());
    entry.lastVisitAt = readTime(query.value(12));
    entry.nextRevisitAt = readTime(query.value(13));
    return entry;
}

} // namespace

VisitRepository::VisitRepository(const Database &database, QString userName)
    : Repository(database, std::move(userName))
{ }

Result<Visit> VisitRepository::insert(Visit visit, const StatusMove &move)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const auto sqlError = [&](const QString &what, const QSqlError &error) {
        return Database::sqlError(db.databaseName(), what, error);
    };
    if (!db.transaction())
        return sqlError(tr("cannot save the visit"), db.lastError());
    const auto rollback = [&](const Error &error) -> Result<Visit> {
        db.rollback();
        return error;
    };

    const QString now = storeTimestamp();
    if (visit.id.isNull())
        visit.id = QUuid::createUuid();
    if (!visit.at.isValid())
        visit.at = QDateTime::fromString(now, Qt::ISODateWithMs);
    visit.by = m_userName;
    const QString id = uuidText(visit.id);
    const QString outcome = DoorstepNames::name(visit.outcome);

    QSqlQuery &query
        = m_prepared
              .statement(m_connectionName,
                         QStringLiteral("INSERT INTO visit (id, household_id, at, by_user, "
                                        "outcome, reason, revisit_at, notes) VALUES (?, ?, ?, ?, "
                                        "?, ?, ?, ?)"))
              .query;
    query.addBindValue(id);
    query.addBindValue(uuidText(visit.householdId));
    query.addBindValue(timeText(visit.at));
    query.addBindValue(notNull(visit.by));
    query.addBindValue(outcome);
    query.addBindValue(notNull(visit.reason));
    query.addBindValue(nullableTime(visit.revisitAt));
    query.addBindValue(notNull(visit.notes));
    if (!query.exec())
        return rollback(sqlError(tr("cannot write the visit table"), query.lastError()));

    AuditLog audit(m_connectionName, m_userName, m_device);
    if (const Status recorded
        = audit.record(QStringLiteral("visit"), id, QStringLiteral("created"), {}, outcome, now);
        !recorded)
        return rollback(recorded.error());
    if (const Status moved
        = applyStatusMove(m_prepared, m_connectionName, audit, visit.householdId, move, now);
        !moved)
        return rollback(moved.error());
    if (!db.commit())
        return rollback(sqlError(tr("cannot save the visit"), db.lastError()));
    return visit;
}

Result<QList<Visit>> VisitRepository::visits(const QUuid &householdId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.prepare(kVisitSelect
                       + QStringLiteral("WHERE household_id = ? ORDER BY at DESC, rowid DESC")))
        return readError(tr("the household\u2019s visits"), query.lastError());
    query.addBindValue(uuidText(householdId));
    if (!query.exec())
        return readError(tr("the household\u2019s visits"), query.lastError());
    QList<Visit> result;
    while (query.next())
        result.append(readVisit(query));
    // A step that fails part way (a lock, a damaged page) ends the rows too: not the answer.
    if (query.lastError().isValid())
        return readError(tr("the household\u2019s visits"), query.lastError());
    return result;
}

Result<QList<RoundEntry>> VisitRepository::round(const QUuid &areaId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.prepare(kRoundSelect))
        return readError(tr("the round"), query.lastError());
    query.addBindValue(areaId.isNull() ? QVariant(QMetaType::fromType<QString>())
                                       : QVariant(uuidText(areaId)));
    if (!query.exec())
        return readError(tr("the round"), query.lastError());
    QList<RoundEntry> result;
    while (query.next())
        result.append(readRoundEntry(query));
    if (query.lastError().isValid())
        return readError(tr("the round"), query.lastError());
    return result;
}

Status applyStatusMove(const QString &connectionName, AuditLog &audit, const QUuid &householdId,
                       const StatusMove &move, const QString &at)
{
    PreparedCache statements;
    return applyStatusMove(statements, connectionName, audit, householdId, move, at);
}

Status applyStatusMove(PreparedCache &statements, const QString &connectionName, AuditLog &audit,
                       const QUuid &householdId, const StatusMove &move, const QString &at)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    QSqlQuery &update
        = statements
              .statement(connectionName,
                         QStringLiteral("UPDATE household SET status = ?, updated_at = ? WHERE "
                                        "id = ? AND status = ? AND deleted_at IS NULL"))
              .query;
    const QString id = uuidText(householdId);
    HouseholdStatus from = move.from;
    for (const HouseholdStatus to : move.steps) {
        update.addBindValue(HouseholdStatusRules::name(to));
        update.addBindValue(at);
        update.addBindValue(id);
        update.addBindValue(HouseholdStatusRules::name(from));
        if (!update.exec()) {
            return Database::sqlError(
                db.databaseName(), VisitRepository::tr("cannot write the household\u2019s status"),
                update.lastError());
        }
        // The rules were checked against `from` before the transaction began; a household
        // changed since then (another window, a sync) must be checked again, not overwritten.
        if (update.numRowsAffected() != 1) {
            return Error::invalid(VisitRepository::tr(
                "the household\u2019s status changed meanwhile; look at it again"));
        }
        if (const Status recorded
            = audit.record(QStringLiteral("household"), id, QStringLiteral("status"),
                           HouseholdStatusRules::name(from), HouseholdStatusRules::name(to), at);
            !recorded)
            return recorded;
        from = to;
    }
    // One op for the whole move: the server applies it where it still has the first status.
    if (move.steps.isEmpty())
        return {};
    return appendOutboxOp(statements, db, QStringLiteral("household"), id, QStringLiteral("update"),
                          {{QStringLiteral("status"),
                            QJsonArray {HouseholdStatusRules::name(move.from),
                                        HouseholdStatusRules::name(move.steps.last())}}},
                          at);
}

} // namespace saferhomes
