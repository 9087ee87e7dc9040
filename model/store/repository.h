#pragma once

#include "domain/result.h"

#include <QString>

class QSqlError;

namespace saferhomes {

class Database;

/// What every local repository shares: its named connection and who and which device its
/// audit events name. Every read and write returns Result/Status.
class Repository {
protected:
    Repository(const Database &database, QString userName);
    /// A failed write of \a what ("the survey"): "PATH: cannot write WHAT: SQLite's message",
    /// Error::Locked when another program holds the lock.
    Error writeError(const QString &what, const QSqlError &error) const;
    /// A failed read of \a what ("households"): "PATH: cannot read WHAT: SQLite's message",
    /// Error::Locked when another program holds the lock.
    Error readError(const QString &what, const QSqlError &error) const;
    /// The role the device last synced as, without `sh_` ("manager"); empty on a register that
    /// has never synced, whose edits the central database judges when they are sent.
    Result<QString> syncedRole() const;

    QString m_connectionName;
    QString m_userName;
    QString m_device;
};

} // namespace saferhomes
