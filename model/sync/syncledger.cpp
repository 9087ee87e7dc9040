#include "syncledger.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

namespace {

/// A failed read or write of the ledger, naming the database file and what failed.
Error failure(const QSqlDatabase &db, const QString &what, const QSqlError &error)
{
    const QString message
        = SyncLedger::tr("%1 in %2: %3").arg(what, db.databaseName(), error.text());
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another connection holds the lock.
    const QString code = error.nativeErrorCode();
    if (code == u"5" || code == u"6")
        return Error::locked(message);
    return Error::database(message);
}

} // namespace

const QString SyncLedger::kServer = QStringLiteral("server");
const QString SyncLedger::kCursor = QStringLiteral("cursor");
const QString SyncLedger::kAreas = QStringLiteral("areas");
const QString SyncLedger::kLastSync = QStringLiteral("last_sync");
const QString SyncLedger::kLogin = QStringLiteral("login");
const QString SyncLedger::kRole = QStringLiteral("role");
const QString SyncLedger::kFitter = QStringLiteral("fitter");
const QString SyncLedger::kFirstCursor = QStringLiteral("0");

SyncLedger::SyncLedger(QString connectionName)
    : m_connectionName(std::move(connectionName))
{ }

Result<QString> SyncLedger::state(const QString &key) const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    // A statement that cannot be prepared (no sync_state table) keeps SQLite's reason;
    // executing it would only say "parameter count mismatch".
    if (!query.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?")))
        return failure(db, tr("cannot read the sync state"), query.lastError());
    query.addBindValue(key);
    if (!query.exec())
        return failure(db, tr("cannot read the sync state"), query.lastError());
    return query.next() ? query.value(0).toString() : QString();
}

Status SyncLedger::setState(const QString &key, const QString &value) const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value")))
        return failure(db, tr("cannot record the sync state"), query.lastError());
    query.addBindValue(key);
    query.addBindValue(value.isNull() ? QStringLiteral("") : value); // "nothing" is stored as ''
    if (!query.exec())
        return failure(db, tr("cannot record the sync state"), query.lastError());
    return {};
}

Result<SignedInUser> SyncLedger::signedInUser() const
{
    SignedInUser user;
    for (const auto &[key, value] :
         {std::pair {&kLogin, &user.login}, std::pair {&kRole, &user.role}}) {
        Result<QString> stored = state(*key);
        if (!stored)
            return stored.error();
        *value = *stored;
    }
    const Result<QString> fitter = state(kFitter);
    if (!fitter)
        return fitter.error();
    user.fitterId = QUuid(*fitter);
    return user;
}

Status SyncLedger::setSignedInUser(const SignedInUser &user) const
{
    const QString fitter
        = user.fitterId.isNull() ? QString() : user.fitterId.toString(QUuid::WithoutBraces);
    for (const auto &[key, value] :
         {std::pair {&kLogin, &user.login}, std::pair {&kRole, &user.role},
          std::pair {&kFitter, &fitter}}) {
        if (Status stored = setState(*key, *value); !stored)
            return stored;
    }
    return {};
}

Result<int> SyncLedger::pendingCount() const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE rejected_at IS NULL"))
        || !query.next())
        return failure(db, tr("cannot count the changes waiting to be sent"), query.lastError());
    return query.value(0).toInt();
}

Result<QList<SyncConflict>> SyncLedger::conflicts() const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT entity, entity_id, field, local_value, server_value, "
                                   "at FROM sync_conflict WHERE resolved_at IS NULL ORDER BY id")))
        return failure(db, tr("cannot read the sync conflicts"), query.lastError());
    QList<SyncConflict> list;
    while (query.next()) {
        list.append({query.value(0).toString(), query.value(1).toString(),
                     query.value(2).toString(), query.value(3).toString(),
                     query.value(4).toString(), query.value(5).toString()});
    }
    if (query.lastError().isValid())
        return failure(db, tr("cannot read the sync conflicts"), query.lastError());
    return list;
}

Result<QList<SyncRejection>> SyncLedger::rejections() const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT op_id, entity, entity_id, kind, rejected_reason "
                                   "FROM outbox WHERE rejected_at IS NOT NULL ORDER BY seq")))
        return failure(db, tr("cannot read the refused changes"), query.lastError());
    QList<SyncRejection> list;
    while (query.next()) {
        list.append({query.value(0).toString(), query.value(1).toString(),
                     query.value(2).toString(), query.value(3).toString(),
                     query.value(4).toString()});
    }
    if (query.lastError().isValid())
        return failure(db, tr("cannot read the refused changes"), query.lastError());
    return list;
}

Status SyncLedger::recordConflict(const QString &opId, const SyncConflict &conflict) const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO sync_conflict (op_id, entity, entity_id, field, local_value, server_value, "
        "at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(opId);
    query.addBindValue(conflict.entity);
    query.addBindValue(conflict.entityId);
    query.addBindValue(conflict.field);
    query.addBindValue(conflict.localValue);
    query.addBindValue(conflict.serverValue);
    query.addBindValue(conflict.at);
    if (!query.exec())
        return failure(db, tr("cannot record a sync conflict"), query.lastError());
    return {};
}

} // namespace saferhomes
