#include "changedownload.h"

#include "centralconnection.h"
#include "pulledrowwriter.h"
#include "serverhello.h"
#include "syncrun.h"
#include "valuecodec.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace saferhomes {

namespace {

const QString kNilUuid = QStringLiteral("00000000-0000-0000-0000-000000000000");

/// The areas, every time: few rows, and households refer to them by name.
const QString kAreasSelect = QStringLiteral(
    "(SELECT coalesce(json_agg(json_build_array(CAST(a.id AS text), a.name, a.target_homes, "
    "a.budget_pence, CAST(a.created_at AS text))), '[]') FROM area a WHERE a.deleted_at IS NULL)");

/// Households that changed area in [cursor, upper): bound values the cursor, then upper's.
const QString kMovesSelect
    = QStringLiteral("(SELECT coalesce(json_agg(json_build_array(CAST(t.household_id AS text), "
                     "CAST(t.to_area AS text)) ORDER BY t.txid, t.id), '[]') FROM household_move t "
                     "WHERE t.txid >= CAST(? AS xid8) AND t.txid < %1)");

QJsonArray jsonArray(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).array();
}

} // namespace

ChangeDownload::ChangeDownload(CentralConnection &central, const ServerHello &hello, SyncRun &run)
    : m_central(central)
    , m_hello(hello)
    , m_run(run)
{ }

void ChangeDownload::selectTablePage(qsizetype i, const QString &upper,
                                     const QVariantList &upperValues, Statement &statement) const
{
    const auto &[table, columns] = m_hello.tables[i];
    QStringList inner {QStringLiteral("t.txid AS sync_txid"),
                       QStringLiteral("CAST(t.%1 AS text) AS sync_key").arg(table->key)};
    QStringList outer {QStringLiteral("CAST(p.sync_txid AS text)"), QStringLiteral("p.sync_key")};
    for (qsizetype c = 0; c < columns.size(); ++c) {
        inner.append(
            QStringLiteral("%1 AS c%2").arg(valuecodec::serverExpression(columns[c])).arg(c));
        outer.append(QStringLiteral("p.c%1").arg(c));
    }
    if (table->softDeletes) {
        inner.append(QStringLiteral("t.deleted_at IS NOT NULL AS sync_deleted"));
        outer.append(QStringLiteral("p.sync_deleted"));
    }
    const QString keyType = table->key == u"id" ? QStringLiteral("uuid") : QStringLiteral("text");
    const QString where
        = QStringLiteral("t.txid < %1 AND t.txid >= CAST(? AS xid8) AND (t.txid, t.%2) > "
                         "(CAST(? AS xid8), CAST(? AS %3))")
              .arg(upper, table->key, keyType);
    statement.selects.append(
        QStringLiteral("(SELECT coalesce(json_agg(json_build_array(%1) ORDER BY p.sync_txid, "
                       "p.sync_key), '[]') FROM (SELECT %2 FROM %3 t WHERE %4 ORDER BY t.txid, "
                       "t.%5 LIMIT %6) p)")
            .arg(outer.join(QStringLiteral(", ")), inner.join(QStringLiteral(", ")), table->name,
                 where, table->key)
            .arg(kPageSize));
    statement.values << upperValues << m_cursor << m_tables[i].lastTxid << m_tables[i].lastKey;
}

void ChangeDownload::readTablePage(qsizetype i, const QString &json, PulledRows &page)
{
    page.table = m_hello.tables[i].first;
    page.columns = m_hello.tables[i].second;
    const QJsonArray rows = QJsonDocument::fromJson(json.toUtf8()).array();
    if (rows.size() < kPageSize) {
        m_tables[i].more = false;
    } else {
        const QJsonArray last = rows.last().toArray();
        m_tables[i].lastTxid = last[0].toString();
        m_tables[i].lastKey = last[1].toString();
    }
    const qsizetype width = page.columns.size();
    for (const QJsonValue &row : rows) {
        const QJsonArray values = row.toArray();
        QVariantList converted;
        converted.reserve(width);
        for (qsizetype c = 0; c < width; ++c)
            converted.append(values[2 + c].toVariant());
        page.rows.append(converted);
        page.deleted.append(page.table->softDeletes && values.last().toBool());
    }
}

Status ChangeDownload::storePage(QSqlQuery &query, const QList<qsizetype> &active, bool first,
                                 QString &watermark, QList<HouseholdMove> &moves,
                                 PulledRowWriter &writer, qint64 &done)
{
    if (watermark.isEmpty())
        watermark = query.value(0).toString();
    if (!valuecodec::isXid(watermark))
        return Error::refused(tr("the central database sent a watermark that is not a number"));
    QList<QVariantList> areas;
    for (const QJsonValue &area : jsonArray(query.value(1)))
        areas.append(area.toArray().toVariantList());
    int column = 2;
    if (first) {
        for (const QJsonValue &move : jsonArray(query.value(column++)))
            moves.append({move[0].toString(), move[1].toString()});
    }
    QList<PulledRows> pages(active.size());
    for (qsizetype a = 0; a < active.size(); ++a) {
        readTablePage(active[a], query.value(column++).toString(), pages[a]);
        done += pages[a].rows.size();
    }
    query.finish();
    return writer.store(areas, pages);
}

Status ChangeDownload::download(const QString &cursor, QString &watermark,
                                QList<HouseholdMove> &moves)
{
    m_cursor = valuecodec::isXid(cursor) ? cursor : QStringLiteral("0");
    m_tables.clear();
    for (const auto &[table, columns] : m_hello.tables)
        m_tables.append({m_cursor, table->key == u"id" ? kNilUuid : QStringLiteral(""), true});
    PulledRowWriter writer(m_run, PulledRowWriter::Transaction::Own,
                           PulledRowWriter::Index::PerRow);
    qint64 done = 0;
    for (bool first = true;; first = false) {
        // The first page reads the watermark (and the moves up to it); later pages use it.
        const QString upper = watermark.isEmpty() ? QStringLiteral("(SELECT x FROM w)")
                                                  : QStringLiteral("CAST(? AS xid8)");
        const QVariantList upperValues
            = watermark.isEmpty() ? QVariantList() : QVariantList {watermark};
        Statement statement {{QStringLiteral("CAST(%1 AS text)").arg(upper), kAreasSelect},
                             upperValues};
        if (first) {
            statement.selects.append(kMovesSelect.arg(upper));
            statement.values << m_cursor << upperValues;
        }
        QList<qsizetype> active;
        for (qsizetype i = 0; i < m_tables.size(); ++i) {
            if (m_tables[i].more) {
                selectTablePage(i, upper, upperValues, statement);
                active.append(i);
            }
        }
        if (active.isEmpty())
            return {};
        QSqlQuery query(m_central.connection());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("WITH w AS MATERIALIZED (SELECT pg_snapshot_xmin("
                                     "pg_current_snapshot()) AS x) SELECT ")
                      + statement.selects.join(QStringLiteral(", ")));
        for (const QVariant &value : std::as_const(statement.values))
            query.addBindValue(value);
        if (!query.exec() || !query.next())
            return m_central.statementError(tr("cannot download the changes"), query.lastError());
        if (const Status stored = storePage(query, active, first, watermark, moves, writer, done);
            !stored)
            return stored;
        m_run.reportProgress(done, 0);
    }
}

} // namespace saferhomes
