#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <utility>

namespace saferhomes {

class CentralConnection;
struct ServerHello;
struct SyncRun;
struct PulledRows;
class PulledRowWriter;

/// A household that changed area on the server: its id and its new area's id.
using HouseholdMove = std::pair<QString, QString>;

/// Downloads the rows changed since the last pull (DESIGN §7): the rows of every table the
/// user reads whose txid is in [cursor, watermark), page by page in (txid, key) order, one
/// statement per page (every table's next page in it), each page stored in a local
/// transaction of its own. The cursor, the watermark and each table's last key are bound as
/// parameters. A page may end and the next begin inside one server transaction.
class ChangeDownload {
    Q_DECLARE_TR_FUNCTIONS(ChangeDownload)

public:
    /// Rows per table per page.
    static constexpr int kPageSize = 1000;

    ChangeDownload(CentralConnection &central, const ServerHello &hello, SyncRun &run);

    /// Downloads from \a cursor up to \a watermark (empty: the server's current one, stored
    /// in it). \a moves: the households that changed area meanwhile. Fails with the central
    /// connection's Error (Error::Network: retry later) or the local database's.
    Status download(const QString &cursor, QString &watermark, QList<HouseholdMove> &moves);

private:
    /// Where one table's download has got to.
    struct TableCursor {
        QString lastTxid;
        QString lastKey;
        bool more = true;
    };
    /// A statement being put together with its bound values, in the order of their `?`.
    struct Statement {
        QStringList selects;
        QVariantList values;
    };

    void selectTablePage(qsizetype table, const QString &upper, const QVariantList &upperValues,
                         Statement &statement) const;
    /// Reads the answer of one page's statement and stores it.
    Status storePage(QSqlQuery &query, const QList<qsizetype> &active, bool first,
                     QString &watermark, QList<HouseholdMove> &moves, PulledRowWriter &writer,
                     qint64 &done);
    void readTablePage(qsizetype table, const QString &json, PulledRows &page);

    CentralConnection &m_central;
    const ServerHello &m_hello;
    SyncRun &m_run;
    QString m_cursor;
    QList<TableCursor> m_tables;
};

} // namespace saferhomes
