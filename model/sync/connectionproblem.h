#pragma once

#include "sync/centralconnection.h"

#include <QString>

namespace saferhomes {

/// Why a connection to the central database failed, in the terms the user can act on, and
/// the rule for when a stored password must be forgotten. libpq reports most failures as text
/// only, so the words of its messages are read here, in one place.
class ConnectionProblem {
public:
    enum class Kind {
        BadAddress, ///< the settings do not make a usable address
        WrongPassword, ///< the password was refused or none was given
        Unreachable, ///< no answer: host, port, network or a server that is down
        TlsFailure, ///< encryption could not be set up or the certificate was not trusted
        Refused, ///< the server answered no for another reason (no such database, pg_hba)
    };

    /// What \a failure with libpq's \a message means.
    static Kind classify(CentralConnection::Failure failure, const QString &message);
    /// What a failed CentralConnection::open() means: Error::Invalid is a bad address,
    /// Error::Network "not reached", anything else an answer from the server.
    static Kind classify(const Error &error);
    /// Whether \a message says the server refused the password or wanted one: a stored
    /// password is then wrong, and is forgotten rather than tried again.
    static bool isPasswordRefusal(const QString &message);
};

} // namespace saferhomes
