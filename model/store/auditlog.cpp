#include "auditlog.h"

#include "database.h"
#include "sqlitestatement.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

QString storeTimestamp()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

namespace {

const char *const kInsert
    = "INSERT INTO audit_event (at, user_name, device, entity, entity_id, field, old_value, "
      "new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

} // namespace

AuditLog::AuditLog(const QString &connectionName, QString userName, QString device)
    : m_connectionName(connectionName)
    , m_userName(std::move(userName))
    , m_device(std::move(device))
{ }

Status AuditLog::record(const QString &entity, const QString &entityId, const QString &field,
                        const QVariant &oldValue, const QVariant &newValue, const QString &at)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const auto failed = [&db](const Error &error) {
        return error.within(
            QCoreApplication::translate("AuditLog", "%1: %2")
                .arg(QDir::toNativeSeparators(db.databaseName()),
                     QCoreApplication::translate("AuditLog", "cannot write the audit trail")));
    };
    SqliteStatement &insert = KeptStatements::statement(db, kInsert);
    // A statement that could not be prepared (no audit_event table) keeps SQLite's reason.
    if (const Status prepared = insert.prepared(); !prepared)
        return failed(prepared.error());
    insert.bind(1, at);
    insert.bind(2, m_userName);
    insert.bind(3, m_device);
    insert.bind(4, entity);
    insert.bind(5, entityId);
    insert.bind(6, field);
    insert.bind(7, oldValue);
    insert.bind(8, newValue);
    if (const Status inserted = insert.exec(); !inserted)
        return failed(inserted.error());
    return {};
}

QList<AuditEvent> AuditLog::history(const QString &connectionName, const QString &entity,
                                    const QString &entityId)
{
    QSqlQuery query(QSqlDatabase::database(connectionName, false));
    // A batch of households has one "import" event (HouseholdRepository::insert()): it is the
    // "created" event of each household in its range of local keys made at its time.
    query.prepare(QStringLiteral(
        "SELECT seq, at, user_name, device, entity, entity_id, field, old_value, new_value "
        "FROM audit_event WHERE entity = ? AND entity_id = ? "
        "UNION ALL "
        "SELECT a.seq, a.at, a.user_name, a.device, 'household', h.id, 'created', NULL, "
        "json_extract(a.new_value, '$.file') FROM household h JOIN audit_event a "
        "ON a.entity = 'import' AND a.field = 'households' AND a.at = h.created_at "
        "AND h.rid BETWEEN json_extract(a.new_value, '$.first_rid') "
        "AND json_extract(a.new_value, '$.last_rid') "
        "WHERE ? = 'household' AND h.id = ? ORDER BY 1"));
    query.addBindValue(entity);
    query.addBindValue(entityId);
    query.addBindValue(entity);
    query.addBindValue(entityId);
    QList<AuditEvent> events;
    if (!query.exec())
        return events;
    while (query.next()) {
        AuditEvent event;
        event.seq = query.value(0).toLongLong();
        event.at = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        event.userName = query.value(2).toString();
        event.device = query.value(3).toString();
        event.entity = query.value(4).toString();
        event.entityId = query.value(5).toString();
        event.field = query.value(6).toString();
        event.oldValue = query.value(7);
        event.newValue = query.value(8);
        events.append(event);
    }
    return events;
}

} // namespace saferhomes
