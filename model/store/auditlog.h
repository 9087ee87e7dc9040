#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

namespace saferhomes {

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

/// Writes audit events inside the caller's transaction, with one statement kept on the
/// connection (KeptStatements): a fill or an import writes thousands of events, and Qt SQL's
/// binding cost more than SQLite's insert.
class AuditLog {
public:
    AuditLog(const QString &connectionName, QString userName, QString device);
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
    QString m_userName;
    QString m_device;
};

/// The current time as the store writes it (ISO 8601 UTC with milliseconds).
QString storeTimestamp();

} // namespace saferhomes
