#pragma once

#include "sync/syncengine.h"

#include <QFuture>
#include <QString>

namespace saferhomes {

/// Runs one sync off the GUI thread, with a connection of its own to the local database.
class SyncTask {
public:
    /// Syncs the database at \a databasePath with the central database at \a uri, signing in
    /// with \a password. While a first download runs, the future's progress range is the
    /// number of rows to come and its value the rows received.
    static QFuture<SyncResult> run(const QString &databasePath, const QString &uri,
                                   const QString &password);
};

} // namespace saferhomes
