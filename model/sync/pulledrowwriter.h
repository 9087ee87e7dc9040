#pragma once

#include "syncedtables.h"

#include "domain/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

class QSqlError;

namespace saferhomes {

struct SyncRun;

/// One table's rows of one download, as the server sent them.
struct PulledRows {
    const SyncedTable *table = nullptr;
    QList<SyncColumn> columns;
    QList<QVariantList> rows; ///< the columns' values
    QList<bool> deleted; ///< per row: soft-deleted on the server (softDeletes tables)
};

/// Writes rows pulled from the central database into the local store: areas matched by name,
/// rows upserted (or removed when soft-deleted), erased households blanked, the quick-find
/// index kept in step, and no outbox ops made for any of it.
class PulledRowWriter {
    Q_DECLARE_TR_FUNCTIONS(PulledRowWriter)

public:
    /// Where the writer's transaction comes from.
    enum class Transaction {
        Own, ///< one transaction per store() call, with sync_flag set and foreign keys off
        Callers, ///< the caller's, which has set sync_flag and turned foreign keys off
    };
    /// Who updates the quick-find index.
    enum class Index {
        PerRow, ///< the households touched, in the same transaction
        Later, ///< the caller rebuilds it once (rebuildSearchIndex()) after a big download
    };

    PulledRowWriter(SyncRun &run, Transaction transaction, Index index);

    /// Stores \a areas (id, name, target_homes, budget_pence, created_at) and \a pages. A
    /// failure names the local database file and what could not be stored.
    Status store(const QList<QVariantList> &areas, const QList<PulledRows> &pages);

    /// Rebuilds the whole quick-find index in a transaction of its own.
    static Status rebuildSearchIndex(SyncRun &run);

private:
    Status storeAreas(const QList<QVariantList> &areas, QHash<QString, QString> &areaIds);
    Status storeRows(const PulledRows &page, const QHash<QString, QString> &areaIds, int &stored);
    /// The id of another household here that holds \a household's UPRN (local values of
    /// \a columns), or nothing when none does or it has none.
    Result<std::optional<QString>> uprnHolder(const QVariantList &household,
                                              const QList<SyncColumn> &columns) const;
    /// Gives up the UPRN of the household \a localId here, which the server gave to
    /// \a household, recording why.
    Status releaseUprn(const QString &localId, const QVariantList &household,
                       const QList<SyncColumn> &columns);
    /// Whether \a row (local values of \a page's columns) may be stored: Error::Database saying
    /// why not for a frozen return whose bytes no longer match its SHA-256.
    Status checkFrozenReturn(const PulledRows &page, const QVariantList &row) const;
    /// Rolls back the writer's own transaction and returns \a error.
    Error failed(const Error &error);
    /// failed() with the local database's \a error: "PATH: cannot store the downloaded
    /// changes (WHAT): SQLite's message".
    Error failed(const QSqlError &error, const QString &what = {});

    SyncRun &m_run;
    Transaction m_transaction;
    Index m_index;
};

} // namespace saferhomes
