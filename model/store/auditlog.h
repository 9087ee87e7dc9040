#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace saferhomes {

class PreparedCache;

/// One entry of the append-only audit trail.
struct AuditEvent {
    qint64 seq = 0;
    QDateTime at;
    QString userName;
    QString device;
    QString entity;
    QString entityId;
    QString field;
    QVariant oldValue;
    QVariant newValue;
};

/// Writes audit events inside the caller's transaction, with one prepared statement.
class AuditLog {
public:
    AuditLog(const QString &connectionName, QString userName, QString device);
    /// The same, with the statement kept in \a statements: a repository that writes again and
    /// again prepares it once.
    AuditLog(PreparedCache &statements, const QString &connectionName, QString userName,
             QString device);
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    /// Records a change; call inside the transaction that makes the change. A failure names
    /// the database file and the audit trail (Error::Locked when another program holds the
    /// lock).
    Status record(const QString &entity, const QString &entityId, const QString &field,
                  const QVariant &oldValue, const QVariant &newValue, const QString &at);

    /// Every event about one entity, oldest first. For a household made by a batch insert,
    /// the batch's "import" event appears as its "created" event (new value: the file name).
    static QList<AuditEvent> history(const QString &connectionName, const QString &entity,
                                     const QString &entityId);

private:
    QString m_connectionName;
    QSqlQuery m_own; ///< the statement, unless a PreparedCache keeps it
    QSqlQuery *m_insert = &m_own;
    bool m_prepared = false;
    QString m_userName;
    QString m_device;
};

/// The current time as the store writes it (ISO 8601 UTC with milliseconds).
QString storeTimestamp();

} // namespace saferhomes
