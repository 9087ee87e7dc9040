#pragma once

#include "centralconnection.h"
#include "syncedtables.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>

namespace saferhomes {

class Database;

/// A field this device and someone else both changed; the server kept its value.
struct SyncConflict {
    QString entity;
    QString entityId;
    QString field;
    QString localValue;
    QString serverValue;
    QString at;
};

/// An op the server refused. It stays in the outbox, marked rejected (not pushed again, not
/// holding back pulls), so that nothing is silently dropped.
struct SyncRejection {
    QString opId;
    QString entity;
    QString entityId;
    QString kind;
    QString reason;
};

/// What one sync did.
struct SyncResult {
    int pushed = 0; ///< ops the server answered (applied, with or without conflicts)
    int pulled = 0; ///< rows received
    int conflicts = 0; ///< fields the server kept its own value for
    QList<SyncRejection> rejected;
    QString error; ///< empty when the sync completed
    bool unreachable = false; ///< the server could not be reached: nothing lost, retry later
    bool badAddress = false; ///< the URI cannot be used
    bool ok() const { return error.isEmpty(); }
};

/// Pushes the local outbox to the central database through sh_push and pulls the household and
/// resident rows changed since the last pull (DESIGN §7): changes ordered by the xid8 watermark,
/// idempotent push, per-field three-way merge with conflicts recorded in sync_conflict.
class SyncEngine {
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
    using ProgressHandler = std::function<void(qint64 done, qint64 total)>;
    void setProgressHandler(ProgressHandler handler) { m_progress = std::move(handler); }

    /// Push, then pull when nothing is left to push. The connection to the central database
    /// stays open for the next run() with the same URI and password (on the same thread).
    SyncResult run(const QString &uri);

    /// Ops not yet accepted (rejected ones excluded).
    int pendingCount() const;
    /// Conflicts not yet resolved, oldest first.
    QList<SyncConflict> conflicts() const;
    /// Ops the server refused, oldest first.
    QList<SyncRejection> rejections() const;

private:
    struct Hello;
    struct TablePage;

    bool hello(CentralConnection &central, Hello &hello, SyncResult &result);
    bool push(CentralConnection &central, SyncResult &result);
    bool pull(CentralConnection &central, const Hello &hello, SyncResult &result);
    /// Downloads the rows changed since the cursor up to \a watermark (empty: the server's
    /// current one, stored in it), page by page, one statement per page.
    /// \a moves: the households that changed area meanwhile, with their new area's id.
    bool download(CentralConnection &central, const Hello &hello, QString &watermark,
                  QList<std::pair<QString, QString>> &moves, SyncResult &result);
    /// Streams every row (\a households empty) or every row of the households \a households
    /// selects (an SQL sub-select or id list) in one snapshot, storing them as they arrive
    /// in one local transaction per table; then rebuilds the quick-find index.
    bool stream(CentralConnection &central, const Hello &hello, const QString &households,
                QString &watermark, SyncResult &result);
    /// Stores downloaded rows in a transaction of its own, or in the caller's
    /// (\a inTransaction, with sync_flag set and foreign keys off). \a indexLater: leave the
    /// quick-find index to the caller.
    bool storePage(const QList<QVariantList> &areas, const QList<TablePage> &pages,
                   SyncResult &result, bool inTransaction = false, bool indexLater = false);
    bool rebuildSearchIndex(SyncResult &result);
    bool releaseUprn(const QVariantList &household, const QList<SyncColumn> &columns,
                     QString *error);
    bool eraseHere(const QStringList &householdIds, bool keepTombstone, QString *error);
    bool applyMoves(CentralConnection &central, const Hello &hello,
                    const QList<std::pair<QString, QString>> &moves, const QString &watermark,
                    SyncResult &result);
    bool applyScope(CentralConnection &central, const Hello &hello, const QString &watermark,
                    SyncResult &result);
    bool fetchOrphans(CentralConnection &central, const Hello &hello, const QString &watermark,
                      SyncResult &result);
    bool dropFinishedJobs(const Hello &hello, SyncResult &result);
    void scrubFiles();
    bool applyPushAnswer(const QList<qint64> &seqs, const QJsonArray &ops,
                         const QJsonArray &answers, SyncResult &result);
    QString state(const QString &key) const;
    bool setState(const QString &key, const QString &value);
    bool fail(SyncResult &result, const QString &message);
    bool failCentral(SyncResult &result, const CentralConnection &central);

    QString m_connectionName;
    QString m_device;
    QString m_userName;
    QString m_password;
    ProgressHandler m_progress;
    std::unique_ptr<CentralConnection> m_central;
    QString m_centralKey; ///< the URI and password m_central was opened with
    bool m_scrub = false; ///< personal data was removed: compact the index and the WAL
};

} // namespace saferhomes
