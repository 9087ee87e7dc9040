#pragma once

#include "sync/syncengine.h"

#include <QFuture>
#include <QString>
#include <QThreadPool>

#include <memory>

namespace saferhomes {

/// Runs syncs off the GUI thread, one at a time, always on the same thread with the same
/// connections: its own to the local database, and one to the central database that stays
/// open from one sync to the next (so an automatic sync costs a few statements, not a new
/// session).
class SyncTask {
public:
    SyncTask();
    /// Waits for a running sync, then closes the connections on their thread.
    ~SyncTask();
    SyncTask(const SyncTask &) = delete;
    SyncTask &operator=(const SyncTask &) = delete;

    /// Syncs the database at \a databasePath with the central database at \a uri, signing in
    /// with \a password. While a first download runs, the future's progress range is the
    /// number of rows to come and its value the rows received.
    QFuture<SyncResult> run(const QString &databasePath, const QString &uri,
                            const QString &password);

private:
    struct Worker;
    QThreadPool m_pool; ///< one thread that never expires
    std::shared_ptr<Worker> m_worker; ///< used on m_pool's thread only
};

} // namespace saferhomes
