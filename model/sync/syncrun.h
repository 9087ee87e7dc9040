#pragma once

#include "syncresult.h"

#include <QSqlDatabase>
#include <QString>

namespace saferhomes {

class CentralConnection;

/// What the parts of one sync share: the local database, who syncs from which device, what
/// the sync did so far and whether personal data left the device.
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

    /// Records \a error as what stopped the sync; returns false, for `return run.fail(...)`.
    bool fail(const Error &error) const;
    /// Records a failure of the local database (Error::Database), for parts that still say
    /// what failed as text; returns false.
    bool fail(const QString &message) const;
    /// Records the central connection's last failure (unreachable or refused).
    bool failCentral(const CentralConnection &central) const;
};

} // namespace saferhomes
