#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

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

    /// Opens (creating if missing) and migrates \a path. On failure returns false and
    /// errorString() names the problem; a database from a newer version is refused untouched.
    bool open(const QString &path);
    void close();
    bool isOpen() const;

    QString path() const { return m_path; }
    QString connectionName() const { return m_connectionName; }
    QString errorString() const { return m_error; }
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

private:
    bool setUp();
    bool migrate();
    bool loadDeviceId();
    /// Stores this build's version as `app_version` in the meta table.
    bool recordAppVersion();

    QString m_connectionName;
    QString m_path;
    QString m_error;
    QString m_deviceId;
};

} // namespace saferhomes
