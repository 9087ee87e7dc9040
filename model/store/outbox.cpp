#include "outbox.h"

#include "database.h"
#include "preparedcache.h"
#include "sqlvalues.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace saferhomes {

Status appendOutboxOp(const QSqlDatabase &db, const QString &entity, const QString &entityId,
                      const QString &kind, const QJsonObject &payload, const QString &now)
{
    PreparedCache statements;
    return appendOutboxOp(statements, db, entity, entityId, kind, payload, now);
}

Status appendOutboxOp(PreparedCache &statements, const QSqlDatabase &db, const QString &entity,
                      const QString &entityId, const QString &kind, const QJsonObject &payload,
                      const QString &now)
{
    QSqlQuery &query
        = statements
              .statement(db.connectionName(),
                         QStringLiteral("INSERT INTO outbox (op_id, entity, entity_id, kind, "
                                        "payload, created_at) VALUES (?, ?, ?, ?, ?, ?)"))
              .query;
    query.addBindValue(sqlvalues::uuidText(QUuid::createUuid()));
    query.addBindValue(entity);
    query.addBindValue(entityId);
    query.addBindValue(kind);
    query.addBindValue(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    query.addBindValue(now);
    if (query.exec())
        return {};
    return Database::sqlError(
        db.databaseName(),
        QCoreApplication::translate("Outbox", "cannot queue %1 %2 to send").arg(entity, entityId),
        query.lastError());
}

} // namespace saferhomes
