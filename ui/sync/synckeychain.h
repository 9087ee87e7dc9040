#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace saferhomes {

/// Keeps the central database password in the OS keychain (qtkeychain). Where there is no
/// keychain (no secret service, as under tests and on bare CI machines) the password is held
/// in memory for this session only. Never written to settings or logs.
class SyncKeychain : public QObject {
    Q_OBJECT

public:
    /// What a read found.
    enum class Found {
        Password, ///< the password is in hand
        Missing, ///< the keychain works but holds no password for this key
        Unavailable, ///< no keychain: ask the user, and keep the answer for this session
    };
    using ReadCallback = std::function<void(Found found, const QString &password)>;

    /// \a service names this application's entries in the keychain.
    explicit SyncKeychain(QString service = QStringLiteral("SaferHomes central database"),
                          QObject *parent = nullptr);

    /// Looks for the password of \a key: in this session's memory first, then in the keychain.
    /// \a done is called once, later, on this thread.
    void read(const QString &key, const ReadCallback &done);
    /// Keeps \a password for \a key for this session and, when there is one, in the keychain.
    void write(const QString &key, const QString &password);
    /// Forgets the password of \a key here and in the keychain (it was refused).
    void forget(const QString &key);
    /// The password known for \a key in this session, if any.
    QString sessionPassword(const QString &key) const { return m_session.value(key); }

    /// Whether the last keychain access found no keychain to use.
    bool isUnavailable() const { return m_unavailable; }
    /// Skips the OS keychain altogether (tests that must not touch the user's keychain).
    void setKeychainEnabled(bool enabled) { m_enabled = enabled; }

signals:
    /// A keychain write failed; the password is still kept for this session.
    void writeFailed(const QString &message);
    /// The keychain now holds the password of \a key.
    void stored(const QString &key);
    /// The keychain no longer holds a password for \a key (or never did).
    void removed(const QString &key);

private:
    QString m_service;
    QHash<QString, QString> m_session;
    bool m_unavailable = false;
    bool m_enabled = true;
};

} // namespace saferhomes
