#include "undoguard.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace saferhomes {

UndoGuard::UndoGuard(QSqlDatabase db, QString now)
    : m_db(std::move(db))
    , m_now(std::move(now))
{ }

Result<bool> UndoGuard::changedByPull(const QString &householdId, const QString &field,
                                      const QString &current) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT coalesce(new_value, '') FROM audit_event WHERE "
                                 "entity = 'household' AND entity_id = ? AND field = ? "
                                 "ORDER BY seq DESC LIMIT 1"));
    query.addBindValue(householdId);
    query.addBindValue(field);
    if (!query.exec()) {
        return Error::database(tr("cannot read the history of %1 in %2: %3")
                                   .arg(field, m_db.databaseName(), query.lastError().text()));
    }
    if (!query.next())
        return false;
    return query.value(0).toString() != current;
}

Status UndoGuard::recordConflict(const QString &householdId, const QString &field,
                                 const QString &wanted, const QString &current) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO sync_conflict (op_id, entity, entity_id, field, local_value, server_value, "
        "at) VALUES (?, 'household', ?, ?, ?, ?, ?)"));
    // No op made this conflict: the undo is never sent. Its own id keeps op_id distinct.
    query.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
    query.addBindValue(householdId);
    query.addBindValue(field);
    query.addBindValue(wanted);
    query.addBindValue(current);
    query.addBindValue(m_now);
    if (!query.exec()) {
        return Error::database(tr("cannot record a conflict in %1: %2")
                                   .arg(m_db.databaseName(), query.lastError().text()));
    }
    return {};
}

} // namespace saferhomes
