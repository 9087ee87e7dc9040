#include "refusedjobs.h"

#include "centralconnection.h"
#include "pulledrowwriter.h"
#include "serverhello.h"
#include "store/auditlog.h"
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

bool RefusedJobs::settle(const QString &since)
{
    QStringList ids;
    if (!refusedSince(since, ids))
        return false;
    if (ids.isEmpty())
        return true;
    QStringList found;
    return fetch(ids, found) && settleReservations(found);
}

bool RefusedJobs::refusedSince(const QString &since, QStringList &ids)
{
    QSqlQuery query(m_run.local());
    query.prepare(QStringLiteral("SELECT DISTINCT entity_id FROM outbox WHERE entity = 'job' "
                                 "AND rejected_at IS NOT NULL AND rejected_at > coalesce(?, '') "
                                 "ORDER BY entity_id"));
    query.addBindValue(since);
    if (!query.exec())
        return m_run.fail(tr("cannot read the refused jobs: %1").arg(query.lastError().text()));
    while (query.next())
        ids.append(query.value(0).toString());
    return true;
}

bool RefusedJobs::fetch(const QStringList &ids, QStringList &found)
{
    const std::pair<const SyncedTable *, QList<SyncColumn>> *job = nullptr;
    for (const auto &table : m_hello.tables) {
        if (table.first->name == u"job")
            job = &table;
    }
    if (!job)
        return true; // this user reads no jobs
    QStringList selects;
    for (const SyncColumn &column : job->second)
        selects.append(valuecodec::serverExpression(column));
    QSqlQuery query(m_central.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM job t WHERE t.id = ANY (CAST(? AS uuid[]))")
                      .arg(selects.join(QStringLiteral(", "))));
    query.addBindValue(QStringLiteral("{%1}").arg(ids.join(u',')));
    if (!query.exec()) {
        m_central.fail(tr("cannot read the refused jobs on the central database"),
                       query.lastError());
        return m_run.failCentral(m_central);
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
        return true;
    const Status stored
        = PulledRowWriter(m_run, PulledRowWriter::Transaction::Own, PulledRowWriter::Index::PerRow)
              .store({}, {page});
    return stored || m_run.fail(stored.error());
}

bool RefusedJobs::settleReservations(const QStringList &ids)
{
    QSqlDatabase local = m_run.local();
    if (!local.transaction())
        return m_run.fail(local.lastError().text());
    AuditLog audit(m_run.connectionName, m_run.userName, m_run.device);
    const QString now = storeTimestamp();
    for (const QString &id : ids) {
        QString error;
        if (!stockstore::settleJobReservations(m_run.connectionName, audit, m_run.userName, id, now,
                                               &error)) {
            local.rollback();
            return m_run.fail(tr("cannot bring the stock of refused job %1 in line with the "
                                 "server's: %2")
                                  .arg(id, error));
        }
    }
    if (!local.commit()) {
        const QString message = local.lastError().text();
        local.rollback();
        return m_run.fail(message);
    }
    return true;
}

} // namespace saferhomes
