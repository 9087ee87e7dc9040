#include "arearesolver.h"

#include "auditlog.h"
#include "database.h"
#include "sqlvalues.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace saferhomes {

AreaResolver::AreaResolver(const QString &connectionName, AuditLog &audit)
    : m_connectionName(connectionName)
    , m_audit(audit)
{
    QSqlQuery query(QSqlDatabase::database(connectionName, false));
    query.exec(QStringLiteral("SELECT name, id FROM area"));
    while (query.next())
        m_ids.insert(query.value(0).toString(), query.value(1).toString());
}

Result<QVariant> AreaResolver::resolve(const QString &name, const QString &now,
                                       QStringList *created)
{
    if (name.isEmpty())
        return QVariant(QMetaType::fromType<QString>());
    if (const auto it = m_ids.constFind(name); it != m_ids.constEnd())
        return QVariant(*it);
    const QString id = sqlvalues::uuidText(QUuid::createUuid());
    QSqlQuery insert(QSqlDatabase::database(m_connectionName, false));
    insert.prepare(QStringLiteral("INSERT INTO area (id, name, created_at) VALUES (?, ?, ?)"));
    insert.addBindValue(id);
    insert.addBindValue(name);
    insert.addBindValue(now);
    if (!insert.exec()) {
        return Database::sqlError(
            QSqlDatabase::database(m_connectionName, false).databaseName(),
            QCoreApplication::translate("AreaResolver", "cannot add the area %1").arg(name),
            insert.lastError());
    }
    if (const Status recorded
        = m_audit.record(QStringLiteral("area"), id, QStringLiteral("name"), {}, name, now);
        !recorded)
        return recorded.error();
    m_ids.insert(name, id);
    if (created)
        created->append(name);
    return QVariant(id);
}

} // namespace saferhomes
