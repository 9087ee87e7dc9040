#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

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
    /// \a watermark (empty: the snapshot's own, stored in it).
    bool download(const QString &households, QString &watermark);

private:
    bool begin(QString &watermark);
    bool readAreas(QList<QVariantList> &areas);
    bool countHouseholds(const QString &households, const QString &upper);
    bool streamTable(const SyncedTable &table, const QList<SyncColumn> &columns,
                     const QString &where, const QList<QVariantList> &areas);
    bool fail(QSqlQuery &query, const QString &what);
    bool abandon(const QString &message);

    CentralConnection &m_central;
    const ServerHello &m_hello;
    SyncRun &m_run;
    qint64 m_total = 0; ///< households to download (for the progress bar)
    qint64 m_done = 0;
};

} // namespace saferhomes
