#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

class QSqlError;

namespace saferhomes {

class CentralConnection;
struct ServerHello;
struct SyncRun;
struct SyncedTable;
struct SyncColumn;

/// Downloads rows in full, in one REPEATABLE READ snapshot of the central database (DESIGN §7,
/// "Bulk"): every row the user reads (the first download), or every row of some households
/// (an area gained, households moved in, a fitter's new job). Each table is read forward only
/// and written as it arrives, a few thousand rows at a time, in one local transaction per
/// table; the quick-find index is rebuilt once at the end.
class SnapshotDownload {
    Q_DECLARE_TR_FUNCTIONS(SnapshotDownload)

public:
    /// Rows held in memory at a time.
    static constexpr int kBatch = 5000;

    SnapshotDownload(CentralConnection &central, const ServerHello &hello, SyncRun &run);

    /// Downloads every row (\a households empty) or every row of the households \a households
    /// selects (an SQL sub-select or list of checked uuid literals) with txid below
    /// \a watermark (empty: the snapshot's own, stored in it). Fails with the central
    /// connection's Error (Error::Network: retry later) or the local database's.
    Status download(const QString &households, QString &watermark);

private:
    Status begin(QString &watermark);
    Status readAreas(QList<QVariantList> &areas);
    Status countHouseholds(const QString &households, const QString &upper);
    Status streamTable(const SyncedTable &table, const QList<SyncColumn> &columns,
                       const QString &where, const QList<QVariantList> &areas);
    /// A statement on the central database failed: ends its transaction.
    Error fail(QSqlQuery &query, const QString &what);
    /// Ends both transactions and returns \a error.
    Error abandon(const Error &error);
    /// abandon() for the local database's \a error.
    Error abandon(const QSqlError &error);

    CentralConnection &m_central;
    const ServerHello &m_hello;
    SyncRun &m_run;
    qint64 m_total = 0; ///< households to download (for the progress bar)
    qint64 m_done = 0;
};

} // namespace saferhomes
