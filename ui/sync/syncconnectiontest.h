#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QString>

namespace saferhomes {

/// "Test connection": signs in to the central database off the GUI thread and says plainly
/// what happened (connected, wrong password, unreachable, TLS failure, ...).
class SyncConnectionTest {
    Q_DECLARE_TR_FUNCTIONS(SyncConnectionTest)

public:
    enum class Outcome {
        Connected,
        BadAddress, ///< the settings do not make a usable address
        Unreachable, ///< no answer: host, port, network or a server that is down
        WrongPassword, ///< the password was refused or none was given
        TlsFailure, ///< encryption could not be set up or the certificate was not trusted
        Refused, ///< the server answered no for another reason (no such database, pg_hba)
    };

    struct Result {
        Outcome outcome = Outcome::Unreachable;
        QString headline; ///< one line for the user
        QString detail; ///< the server's or libpq's own words
        bool ok() const { return outcome == Outcome::Connected; }
    };

    /// Connects to \a uri with \a password on a worker thread and disconnects.
    static QFuture<Result> run(const QString &uri, const QString &password);
    /// Connects in the calling thread (run() calls it on a worker thread).
    static Result test(const QString &uri, const QString &password);
};

} // namespace saferhomes
