#pragma once

#include "syncedtables.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <utility>

namespace saferhomes {

class CentralConnection;
struct SyncRun;

/// What the server said in sh_hello(): its versions, who we are, where we work and what we may
/// read; checked against what this version of SaferHomes understands.
struct ServerHello {
    int schemaVersion = 0;
    QString role;
    /// The user's areas by id, with their names; empty for roles not bound to areas.
    QMap<QString, QString> areas;
    QHash<QString, QStringList> readable; ///< per table, the columns the user may read
    /// The synced tables this user downloads, with the columns they may read.
    QList<std::pair<const SyncedTable *, QList<SyncColumn>>> tables;

    /// Greets the server; false (the reason in \a run) when it cannot be used.
    static bool greet(CentralConnection &central, ServerHello &hello, const SyncRun &run);

    /// Officers, volunteers and coordinators see the households of their areas.
    bool isAreaRole() const;

    Q_DECLARE_TR_FUNCTIONS(ServerHello)
};

} // namespace saferhomes
