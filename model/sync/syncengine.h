#pragma once

#include "centralconnection.h"
#include "syncledger.h"
#include "syncresult.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>

namespace saferhomes {

class Database;
struct ServerHello;
struct SyncRun;

/// Pushes the local outbox to the central database through sh_push and pulls the rows changed
/// since the last pull (DESIGN §7): changes ordered by the xid8 watermark, idempotent push,
/// per-field three-way merge with conflicts recorded in sync_conflict. It orchestrates; the
/// work is done by OutboxPusher (push), SnapshotDownload (first download, gained areas),
/// ChangeDownload (the changes since the cursor), PulledRowWriter (storing pulled rows),
/// DeviceScope (moves, areas, fitters' households) and LocalErasure (removing personal data),
/// with SyncLedger keeping the device's record of it all.
class SyncEngine {
    Q_DECLARE_TR_FUNCTIONS(SyncEngine)

public:
    static constexpr int kBatchSize = 200;

    SyncEngine(const Database &database, QString userName);
    ~SyncEngine();
    SyncEngine(SyncEngine &&) noexcept;
    SyncEngine &operator=(SyncEngine &&) noexcept;

    /// The password for the central login; empty: PGPASSWORD (or libpq's own defaults).
    void setPassword(const QString &password) { m_password = password; }

    /// Called on the syncing thread while rows are downloaded: \a done of about \a total rows
    /// (total 0: not known yet). For a progress bar; it must not block.
    using ProgressHandler = SyncProgressHandler;
    void setProgressHandler(ProgressHandler handler) { m_progress = std::move(handler); }

    /// Push, then pull when nothing is left to push. The connection to the central database
    /// stays open for the next run() with the same URI and password (on the same thread).
    /// SyncResult::status says why a sync stopped (its Error kind: the server unreachable,
    /// a bad URI, a refusal, a demo register, the local database).
    SyncResult run(const QString &uri);

    /// Ops not yet accepted (rejected ones excluded).
    Result<int> pendingCount() const;
    /// Conflicts not yet resolved, oldest first.
    Result<QList<SyncConflict>> conflicts() const;
    /// Ops the server refused, oldest first.
    Result<QList<SyncRejection>> rejections() const;

private:
    /// Opens (or reuses) the connection and greets the server.
    Status connect(const CentralConnection::Address &address, const QString &key,
                   const QString &password, ServerHello &hello);
    /// Starts the cursor again when the server is not the one last synced with.
    Status checkServer(const CentralConnection::Address &address);
    Status pull(CentralConnection &central, const ServerHello &hello, SyncRun &run);
    /// Refused jobs take the server's version and their reservations follow (RefusedJobs).
    Status settleRefusedJobs(const QString &since, const ServerHello &hello, SyncRun &run);
    /// Compacts the index and the WAL after personal data was removed.
    Status scrubFiles(SyncRun &run);

    QString m_connectionName;
    QString m_device;
    QString m_userName;
    QString m_password;
    ProgressHandler m_progress;
    std::unique_ptr<CentralConnection> m_central;
    QString m_centralKey; ///< the URI and password m_central was opened with
    bool m_scrub = false; ///< personal data was removed and is not yet gone from the files
};

} // namespace saferhomes
