#include "snapshotdownload.h"

#include "centralconnection.h"
#include "localpragmas.h"
#include "pulledrowwriter.h"
#include "serverhello.h"
#include "store/database.h"
#include "store/solewritermode.h"
#include "synclog.h"
#include "syncrun.h"
#include "valuecodec.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <optional>

namespace saferhomes {

SnapshotDownload::SnapshotDownload(CentralConnection &central, const ServerHello &hello,
                                   SyncRun &run)
    : m_central(central)
    , m_hello(hello)
    , m_run(run)
{ }

Error SnapshotDownload::fail(QSqlQuery &query, const QString &what)
{
    const Error error = m_central.statementError(what, query.lastError());
    m_central.connection().rollback();
    return error;
}

Error SnapshotDownload::abandon(const Error &error)
{
    m_run.local().rollback();
    m_central.connection().rollback();
    return error;
}

Error SnapshotDownload::abandon(const QSqlError &error)
{
    return abandon(Database::sqlError(m_run.local().databaseName(),
                                      tr("cannot store the downloaded rows"), error));
}

Status SnapshotDownload::begin(QString &watermark)
{
    // One snapshot for every table, read once, forward only.
    QSqlDatabase db = m_central.connection();
    if (!db.transaction())
        return m_central.statementError(tr("cannot start the download"), db.lastError());
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")))
        return fail(query, tr("cannot start the download"));
    if (watermark.isEmpty()) {
        if (!query.exec(
                QStringLiteral("SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text)"))
            || !query.next())
            return fail(query, tr("cannot read the watermark"));
        watermark = query.value(0).toString();
    }
    if (!valuecodec::isXid(watermark)) {
        db.rollback();
        return Error::refused(tr("the central database sent a watermark that is not a number"));
    }
    return {};
}

Status SnapshotDownload::readAreas(QList<QVariantList> &areas)
{
    QSqlQuery query(m_central.connection());
    if (!query.exec(QStringLiteral("SELECT CAST(a.id AS text), a.name, a.target_homes, "
                                   "a.budget_pence, CAST(a.created_at AS text) FROM area a "
                                   "WHERE a.deleted_at IS NULL")))
        return fail(query, tr("cannot read the areas"));
    while (query.next())
        areas.append(
            {query.value(0), query.value(1), query.value(2), query.value(3), query.value(4)});
    return {};
}

Status SnapshotDownload::countHouseholds(const QString &households, const QString &upper)
{
    if (!m_run.progress)
        return {};
    const QString where = households.isEmpty()
        ? upper
        : upper + QStringLiteral(" AND t.id IN (%1)").arg(households);
    QSqlQuery query(m_central.connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM household t WHERE ") + where)
        || !query.next())
        return fail(query, tr("cannot count the households"));
    m_total = query.value(0).toLongLong();
    m_run.reportProgress(0, m_total);
    return {};
}

Status SnapshotDownload::download(const QString &households, QString &watermark)
{
    QList<QVariantList> areas;
    // The watermark is checked to be a number: it goes into the statements as text, so that
    // they can stream (forward-only, not prepared).
    if (const Status begun = begin(watermark); !begun)
        return begun;
    if (const Status read = readAreas(areas); !read)
        return read;
    const QString upper = QStringLiteral("t.txid < CAST('%1' AS xid8)").arg(watermark);
    if (const Status counted = countHouseholds(households, upper); !counted)
        return counted;
    const QSqlDatabase local = m_run.local();
    // A first download with nothing else using the database (the command line) writes each
    // page once, through a rollback journal, instead of to the WAL and again at the checkpoint.
    std::optional<SoleWriterMode> soleWriter;
    if (households.isEmpty())
        soleWriter.emplace(m_run.connectionName);
    // The pages a big download writes go to the WAL once and to the database once, at the
    // end, instead of being copied back after every transaction.
    LocalPragma noCheckpoints(local, QStringLiteral("wal_autocheckpoint"), QStringLiteral("0"));
    ForeignKeysOff foreignKeysOff(local);
    QElapsedTimer phase;
    phase.start();
    for (const auto &[table, columns] : m_hello.tables) {
        if (!households.isEmpty() && table->householdPredicate.isEmpty())
            continue;
        QString where = upper;
        if (!households.isEmpty())
            where += QStringLiteral(" AND ") + table->householdPredicate.arg(households);
        if (const Status streamed = streamTable(*table, columns, where, areas); !streamed)
            return streamed;
        qCDebug(lcSync) << "streamed" << table->name << "in" << phase.restart() << "ms";
    }
    if (!m_central.connection().commit()) {
        QSqlQuery none(m_central.connection());
        return fail(none, tr("cannot finish the download"));
    }
    // The quick-find index, rebuilt once; then the WAL goes into the database file.
    if (const Status rebuilt = PulledRowWriter::rebuildSearchIndex(m_run); !rebuilt)
        return rebuilt;
    qCDebug(lcSync) << "rebuilt the quick-find index in" << phase.restart() << "ms";
    // Only to keep the file compact: a checkpoint that cannot run now runs later.
    QSqlQuery checkpoint(local);
    if (!checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
        qCDebug(lcSync) << "checkpoint postponed:" << checkpoint.lastError().text();
    qCDebug(lcSync) << "checkpointed the WAL in" << phase.restart() << "ms";
    return {};
}

Status SnapshotDownload::streamTable(const SyncedTable &table, const QList<SyncColumn> &columns,
                                     const QString &where, const QList<QVariantList> &areas)
{
    QStringList selects;
    for (const SyncColumn &column : columns)
        selects.append(valuecodec::serverExpression(column));
    if (table.softDeletes)
        selects.append(QStringLiteral("t.deleted_at IS NOT NULL"));
    QSqlQuery query(m_central.connection());
    query.setForwardOnly(true);
    // In key order: the local unique index then grows at its end instead of all over.
    if (!query.exec(QStringLiteral("SELECT %1 FROM %2 t WHERE %3 ORDER BY t.%4")
                        .arg(selects.join(QStringLiteral(", ")), table.name, where, table.key)))
        return fail(query, tr("cannot download the %1 rows").arg(table.name));
    QSqlDatabase local = m_run.local();
    QSqlQuery flag(local);
    // One local transaction per table, the sync's flag set in it: pulled rows make no ops.
    if (!local.transaction())
        return abandon(local.lastError());
    if (!flag.exec(QStringLiteral("UPDATE sync_flag SET applying = 1")))
        return abandon(flag.lastError());
    PulledRowWriter writer(m_run, PulledRowWriter::Transaction::Callers,
                           PulledRowWriter::Index::Later);
    PulledRows page {&table, columns, {}, {}};
    const auto store = [&] {
        if (table.name == u"household")
            m_done += page.rows.size();
        Status ok = writer.store(areas, {page});
        page.rows.clear();
        page.deleted.clear();
        m_run.reportProgress(std::min(m_done, m_total), m_total);
        return ok;
    };
    const qsizetype width = columns.size();
    while (query.next()) {
        QVariantList row;
        row.reserve(width);
        for (qsizetype c = 0; c < width; ++c)
            row.append(query.value(int(c)));
        page.rows.append(std::move(row));
        page.deleted.append(table.softDeletes && query.value(int(width)).toBool());
        if (page.rows.size() == kBatch) {
            if (const Status stored = store(); !stored)
                return abandon(stored.error());
        }
    }
    if (query.lastError().isValid()) {
        local.rollback();
        return fail(query, tr("cannot download the %1 rows").arg(table.name));
    }
    if (!page.rows.isEmpty()) {
        if (const Status stored = store(); !stored)
            return abandon(stored.error());
    }
    if (!flag.exec(QStringLiteral("UPDATE sync_flag SET applying = 0")))
        return abandon(flag.lastError());
    if (!local.commit())
        return abandon(local.lastError());
    return {};
}

} // namespace saferhomes
