#pragma once

#include "domain/result.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace saferhomes {

class AuditLog;

/// Looks up areas by name and creates the missing ones (audited) inside the caller's
/// transaction.
class AreaResolver {
public:
    AreaResolver(const QString &connectionName, AuditLog &audit);

    /// The id of the area called \a name (a null text for no name), creating it when unknown
    /// and then adding its name to \a created. A failure names the database file and the
    /// area table.
    Result<QVariant> resolve(const QString &name, const QString &now, QStringList *created);

private:
    QString m_connectionName;
    AuditLog &m_audit;
    QHash<QString, QString> m_ids;
};

} // namespace saferhomes
