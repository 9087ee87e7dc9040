#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace saferhomes {

class AuditLog;

/// Looks up areas by name and creates the missing ones (audited) inside the caller's
/// transaction.
class AreaResolver {
public:
    AreaResolver(const QString &connectionName, AuditLog &audit);

    /// The id of the area called \a name (a null text for no name), creating it when unknown
    /// and then adding its name to \a created; nothing when it cannot be created.
    std::optional<QVariant> resolve(const QString &name, const QString &now, QStringList *created);
    QString errorString() const { return m_error; }

private:
    QString m_connectionName;
    AuditLog &m_audit;
    QHash<QString, QString> m_ids;
    QString m_error;
};

} // namespace saferhomes
