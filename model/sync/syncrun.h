#pragma once

#include "syncresult.h"

#include <QSqlDatabase>
#include <QString>

namespace saferhomes {

/// What the parts of one sync share: the local database, who syncs from which device, what
/// the sync did so far and whether personal data left the device. Each part returns its
/// failure as a Status; SyncEngine::run() puts the one that stopped the sync in the result.
struct SyncRun {
    QString connectionName; ///< the local database's connection on the syncing thread
    QString device;
    QString userName;
    SyncResult &result;
    const SyncProgressHandler &progress;
    /// Personal data was removed: the sync compacts the index and the WAL when it ends.
    bool scrub = false;

    QSqlDatabase local() const { return QSqlDatabase::database(connectionName, false); }
    void reportProgress(qint64 done, qint64 total) const
    {
        if (progress)
            progress(done, total);
    }
};

} // namespace saferhomes
