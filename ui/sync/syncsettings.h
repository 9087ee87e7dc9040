#pragma once

#include <QSettings>
#include <QString>

#include <memory>

namespace saferhomes {

/// Typed access to how this device reaches the central database and when it syncs. The
/// password is never kept here: it lives in the OS keychain (SyncKeychain).
class SyncSettings {
public:
    /// Where the central database is and who signs in.
    struct Connection {
        QString host;
        int port = 5432;
        QString database = QStringLiteral("saferhomes");
        QString user;
        /// libpq's sslmode: disable, require, verify-ca or verify-full.
        QString sslMode = QStringLiteral("verify-full");
        QString caFile; ///< sslrootcert; empty: libpq's default (~/.postgresql/root.crt)

        /// A connection can be tried once it names a server and a user.
        bool isConfigured() const { return !host.isEmpty() && !user.isEmpty(); }
        /// The libpq URI, without a password (SyncEngine::run, CentralConnection::parseUri).
        QString uri() const;
        /// The keychain entry's name: `user@host:port/database`.
        QString keychainKey() const;
        bool operator==(const Connection &) const = default;
    };

    static constexpr int kDefaultIntervalMinutes = 10;

    /// The application's settings (organisation and application name decide where).
    SyncSettings();
    /// Settings kept in the INI file \a path (tests, portable installs).
    explicit SyncSettings(const QString &path);

    Connection connection() const;
    void setConnection(const Connection &connection);
    /// Automatic sync; on unless the user turned it off.
    bool autoSync() const;
    void setAutoSync(bool on);
    /// Minutes between automatic syncs (1 to 1440).
    int intervalMinutes() const;
    void setIntervalMinutes(int minutes);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace saferhomes
