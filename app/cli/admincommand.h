#pragma once

#include "commandoutput.h"

#include <QCoreApplication>
#include <QString>

namespace saferhomes {

/// `admin init-server` and `admin add-user` (DESIGN §4): set up the central database and add
/// people's logins. The admin's own password comes from PGPASSWORD; the new user's password is
/// the first line of stdin (prompted for, without echo, when stdin is a terminal).
class AdminCommand {
    Q_DECLARE_TR_FUNCTIONS(AdminCommand)

public:
    explicit AdminCommand(const CommandOutput &output)
        : m_output(output)
    { }

    /// Returns the contract's exit code: 0 done; 1 refused; 2 a URI that cannot be used;
    /// 3 central database unreachable.
    int initServer(const QString &server);
    /// As initServer(); \a areas is a ';'-separated list of area names. An empty password on
    /// stdin is a usage error (2).
    int addUser(const QString &server, const QString &name, const QString &role,
                const QString &areas);

    /// Erases household \a householdId's personal data on the server (admins only).
    int erase(const QString &server, const QString &householdId);

private:
    int failure(int exitCode, const QString &message);
    QString readPassword(const QString &name);

    CommandOutput m_output;
};

} // namespace saferhomes
