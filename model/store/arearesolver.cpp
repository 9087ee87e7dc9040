#include "arearesolver.h"

#include "auditlog.h"
#include "sqlvalues.h"

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

std::optional<QVariant> AreaResolver::resolve(const QString &name, const QString &now,
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
        m_error = insert.lastError().text();
        return std::nullopt;
    }
    if (!m_audit.record(QStringLiteral("area"), id, QStringLiteral("name"), {}, name, now)) {
        m_error = m_audit.errorString();
        return std::nullopt;
    }
    m_ids.insert(name, id);
    if (created)
        created->append(name);
    return QVariant(id);
}

} // namespace saferhomes
