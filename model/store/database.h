#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <functional>

class QSqlError;

namespace saferhomes {

/// Opens the local SQLite database on one named connection, sets it up and migrates it, and
/// records in its meta table (`app_version`) the version of SaferHomes that last opened it.
class Database {
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    /// The connection is registered under \a connectionName, which no other connection of
    /// this process may have: ConnectionName::main() on the main thread,
    /// ConnectionName::unique() on a worker's.
    explicit Database(QString connectionName);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (creating if missing) and migrates \a path. A failure names the file and says
    /// which of these it is: the file cannot be opened or is not a database (Error::Database),
    /// another program holds a lock on it (Error::Locked), it was written by a newer version
    /// (Error::Refused; the file is left untouched) or a migration failed (Error::Database).
    Status open(const QString &path);
    /// Opens a private database of this connection alone, for scratch work: kept in memory
    /// while it fits in the page cache, spilled to a temporary file that SQLite deletes itself,
    /// and gone when closed. Nothing is migrated: \a makeSchema makes its schema and writes
    /// its `device_id` into the meta table. Messages name it \a label.
    Status openTemporary(const QString &label,
                         const std::function<Status(const QSqlDatabase &)> &makeSchema);
    void close();
    bool isOpen() const;

    QString path() const { return m_path; }
    QString connectionName() const { return m_connectionName; }
    /// The device's own id, made when the database was created.
    QString deviceId() const { return m_deviceId; }

    /// The connection, looked up by name each time (never keep a copy).
    QSqlDatabase connection() const;

    /// The schema version this build writes.
    static int latestSchemaVersion();
    /// The default database path of this user profile.
    static QString defaultPath();
    /// Who the audit trail names for changes made on this device until sign-in exists.
    static QString localUserName();

    /// A failed statement on the database at \a path, as "PATH: WHAT: SQLite's message":
    /// Error::Locked when another connection holds the lock (SQLITE_BUSY, SQLITE_LOCKED),
    /// Error::Database otherwise.
    static Error sqlError(const QString &path, const QString &what, const QSqlError &error);
    /// Whether \a error is SQLite's "database is locked" (SQLITE_BUSY or SQLITE_LOCKED).
    static bool isLocked(const QSqlError &error);

private:
    Status setUp();
    Status migrate();
    Status loadDeviceId();
    /// Stores this build's version as `app_version` in the meta table.
    Status recordAppVersion();
    /// A failure to open or set up the file: says it is in use when it is locked, that it is
    /// damaged or not a database when SQLite says so, and otherwise "PATH: WHAT: message".
    Error openError(const QString &what, const QSqlError &error) const;

    QString m_connectionName;
    QString m_path;
    QString m_deviceId;
};

} // namespace saferhomes
