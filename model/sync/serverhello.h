#pragma once

#include "domain/result.h"
#include "syncedtables.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <utility>

namespace saferhomes {

class CentralConnection;

/// What the server said in sh_hello(): its versions, who we are, where we work and what we may
/// read; checked against what this version of SaferHomes understands.
struct ServerHello {
    int schemaVersion = 0;
    QString user; ///< the login (current_user)
    QString role;
    QUuid fitterId; ///< for a fitter's login, their row in the fitter table
    /// The user's areas by id, with their names; empty for roles not bound to areas.
    QMap<QString, QString> areas;
    QHash<QString, QStringList> readable; ///< per table, the columns the user may read
    /// The synced tables this user downloads, with the columns they may read.
    QList<std::pair<const SyncedTable *, QList<SyncColumn>>> tables;

    /// Greets the server. Error::Refused when this version cannot work with it (schema,
    /// minimum client version) or it answered no; Error::Network when it could not answer.
    static Status greet(CentralConnection &central, ServerHello &hello);

    /// For a fitter's login, finds their fitter row (hello.fitterId stays null when none).
    static Status findFitter(CentralConnection &central, ServerHello &hello);

    /// Officers, volunteers and coordinators see the households of their areas.
    bool isAreaRole() const;
    /// The role without its `sh_` prefix ("fitter").
    QString roleName() const;

    Q_DECLARE_TR_FUNCTIONS(ServerHello)
};

} // namespace saferhomes
