#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringList>

namespace saferhomes {

/// One named QPSQL connection to the central database, opened from a libpq URI, that tells
/// "cannot reach the server" (retry later) apart from "the server refused".
class CentralConnection {
    Q_DECLARE_TR_FUNCTIONS(CentralConnection)

public:
    /// Why opening the connection or running a statement failed.
    enum class Failure {
        BadAddress, ///< the URI cannot be used (the caller's mistake)
        Unreachable, ///< no answer, or the server cannot take the work now: nothing lost, retry
        Refused, ///< the server answered no (authentication, privileges, constraints)
    };

    /// What QSqlDatabase needs from a libpq URI
    /// (`postgresql://user@host:port/db?sslmode=verify-full&...`).
    struct Address {
        QString host; ///< empty: libpq's default (PGHOST or the local socket)
        int port = -1; ///< -1: libpq's default (PGPORT or 5432)
        QString database; ///< empty: libpq's default (the user name)
        QString user; ///< empty: libpq's default (PGUSER or the OS user)
        QStringList options; ///< libpq `key='value'` connect options, in URI order
        QString sslMode; ///< the sslmode the URI asked for, if any

        /// `user@host:port/database`, for messages; holds no secret.
        QString display() const;
        /// A warning when the server is not on this machine and its certificate is not
        /// verified (sslmode other than verify-full); empty otherwise.
        QString securityWarning() const;
    };

    /// Parses a libpq connection URI. A password in the URI is refused: it comes from
    /// PGPASSWORD (or, later, the keychain or a prompt), never from a command line. A URI
    /// that cannot be used is Error::Invalid, saying why.
    static Result<Address> parseUri(const QString &uri);

    /// The connection is registered under \a connectionName while open.
    explicit CentralConnection(QString connectionName);
    ~CentralConnection();
    CentralConnection(const CentralConnection &) = delete;
    CentralConnection &operator=(const CentralConnection &) = delete;

    /// Opens \a uri with the password from the PGPASSWORD environment variable. Error::Network
    /// when the server could not be reached (nothing lost, retry later), Error::Invalid for a
    /// URI that cannot be used and Error::Refused when the server answered no.
    Status open(const QString &uri);
    /// Opens \a address; an empty \a password leaves it to libpq (PGPASSWORD, ~/.pgpass).
    Status open(const Address &address, const QString &password);
    void close();

    /// The connection, looked up by name each time (never keep a copy).
    QSqlDatabase connection() const;
    QString connectionName() const { return m_connectionName; }
    Address address() const { return m_address; }

    /// Why a statement failed, as an Error: \a what is prefixed to the server's message;
    /// Error::Network when the connection is gone or the server cannot take the work now
    /// (retry later), Error::Refused when the server answered no.
    Error statementError(const QString &what, const QSqlError &error) const;

    /// Whether a failed connection attempt's libpq message means "not reached".
    static Failure classifyConnectError(const QString &message);
    /// Whether a failed statement's error means the connection is gone or the server cannot
    /// take work now (SQLSTATE classes 08, 53, 57P), or a refusal.
    Failure classifyStatementError(const QSqlError &error) const;

    /// The server's message without libpq's line breaks and Qt's "(SQLSTATE)" suffix.
    static QString serverMessage(const QSqlError &error);

private:
    QString m_connectionName;
    Address m_address;
};

} // namespace saferhomes
