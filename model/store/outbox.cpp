#include "outbox.h"

#include "sqlvalues.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace saferhomes {

bool appendOutboxOp(const QSqlDatabase &db, const QString &entity, const QString &entityId,
                    const QString &kind, const QJsonObject &payload, const QString &now,
                    QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO outbox (op_id, entity, entity_id, kind, payload, "
                                 "created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(sqlvalues::uuidText(QUuid::createUuid()));
    query.addBindValue(entity);
    query.addBindValue(entityId);
    query.addBindValue(kind);
    query.addBindValue(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    query.addBindValue(now);
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

} // namespace saferhomes
