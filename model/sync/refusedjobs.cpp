#include "refusedjobs.h"

#include "centralconnection.h"
#include "pulledrowwriter.h"
#include "serverhello.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/stockledger.h"
#include "syncrun.h"
#include "valuecodec.h"

#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

RefusedJobs::RefusedJobs(CentralConnection &central, const ServerHello &hello, SyncRun &run)
    : m_central(central)
    , m_hello(hello)
    , m_run(run)
{ }

Status RefusedJobs::settle(const QString &since)
{
    const Result<QStringList> ids = refusedSince(since);
    if (!ids)
        return ids.error();
    if (ids->isEmpty())
        return {};
    const Result<QStringList> found = fetch(*ids);
    if (!found)
        return found.error();
    return settleReservations(*found);
}

Result<QStringList> RefusedJobs::refusedSince(const QString &since)
{
    QStringList ids;
    QSqlQuery query(m_run.local());
    const bool prepared = query.prepare(
        QStringLiteral("SELECT DISTINCT entity_id FROM outbox WHERE entity = 'job' "
                       "AND rejected_at IS NOT NULL AND rejected_at > coalesce(?, '') "
                       "ORDER BY entity_id"));
    query.addBindValue(since);
    if (!prepared || !query.exec()) {
        return Database::sqlError(m_run.local().databaseName(), tr("cannot read the refused jobs"),
                                  query.lastError());
    }
    while (query.next())
        ids.append(query.value(0).toString());
    if (query.lastError().isValid()) {
        return Database::sqlError(m_run.local().databaseName(), tr("cannot read the refused jobs"),
                                  query.lastError());
    }
    return ids;
}

Result<QStringList> RefusedJobs::fetch(const QStringList &ids)
{
    QStringList found;
    const std::pair<const SyncedTable *, QList<SyncColumn>> *job = nullptr;
    for (const auto &table : m_hello.tables) {
        if (table.first->name == u"job")
            job = &table;
    }
    if (!job)
        return found; // this user reads no jobs
    QStringList selects;
    for (const SyncColumn &column : job->second)
        selects.append(valuecodec::serverExpression(column));
    QSqlQuery query(m_central.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM job t WHERE t.id = ANY (CAST(? AS uuid[]))")
                      .arg(selects.join(QStringLiteral(", "))));
    query.addBindValue(QStringLiteral("{%1}").arg(ids.join(u',')));
    if (!query.exec()) {
        return m_central.statementError(tr("cannot read the refused jobs on the central database"),
                                        query.lastError());
    }
    PulledRows page {job->first, job->second, {}, {}};
    const qsizetype width = job->second.size();
    while (query.next()) {
        QVariantList row;
        for (qsizetype c = 0; c < width; ++c)
            row.append(query.value(int(c)));
        found.append(row.first().toString());
        page.rows.append(row);
        page.deleted.append(false);
    }
    query.finish();
    // A job the server never took (its create was refused) stays as it is here.
    if (page.rows.isEmpty())
        return found;
    const Status stored
        = PulledRowWriter(m_run, PulledRowWriter::Transaction::Own, PulledRowWriter::Index::PerRow)
              .store({}, {page});
    if (!stored)
        return stored.error();
    return found;
}

Status RefusedJobs::settleReservations(const QStringList &ids)
{
    const QString what = tr("cannot bring the stock of the refused jobs in line with the server's");
    QSqlDatabase local = m_run.local();
    if (!local.transaction())
        return Database::sqlError(local.databaseName(), what, local.lastError());
    AuditLog audit(m_run.connectionName, m_run.userName, m_run.device);
    const QString now = storeTimestamp();
    for (const QString &id : ids) {
        const Status settled = stockstore::settleJobReservations(m_run.connectionName, audit,
                                                                 m_run.userName, id, now);
        if (!settled) {
            local.rollback();
            return settled.error().within(
                tr("cannot bring the stock of refused job %1 in line with the server's").arg(id));
        }
    }
    if (!local.commit()) {
        const Error error = Database::sqlError(local.databaseName(), what, local.lastError());
        local.rollback();
        return error;
    }
    return {};
}

} // namespace saferhomes
