// The stock that follows jobs (DESIGN §8): booking reserves a job's items, rebooking moves the
// reservation, cancel and no access release it, completion turns it into fitted; and the
// ledger's figures for the schedule's stock short rule. Called inside JobRepository's
// transactions (stockstore in stockledger.h).

#include "stockledger.h"
#include "stockledger_p.h"

#include "auditlog.h"
#include "sqlvalues.h"

#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

using namespace sqlvalues;
using namespace stockdetail;

namespace stockstore {

namespace {

/// The job's status, its fitter and its items (code → quantity).
struct JobStock {
    QString status;
    QString fitterId;
    QMap<QString, int> items;
};

Result<JobStock> readJobStock(const QSqlDatabase &db, const QString &jobId)
{
    const QString what = StockLedger::tr("cannot read job %1").arg(jobId);
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral("SELECT status, fitter_id FROM job WHERE id = ?")))
        return sqlFailure(db, what, query.lastError());
    query.addBindValue(jobId);
    if (!query.exec())
        return sqlFailure(db, what, query.lastError());
    if (!query.next()) {
        if (query.lastError().isValid())
            return sqlFailure(db, what, query.lastError());
        return Error::notFound(StockLedger::tr("there is no job %1").arg(jobId));
    }
    JobStock job {query.value(0).toString(), query.value(1).toString(), {}};
    if (!query.prepare(QStringLiteral("SELECT equipment_code, sum(qty) FROM job_item "
                                      "WHERE job_id = ? GROUP BY equipment_code")))
        return sqlFailure(db, what, query.lastError());
    query.addBindValue(jobId);
    if (!query.exec())
        return sqlFailure(db, what, query.lastError());
    while (query.next())
        job.items.insert(query.value(0).toString(), query.value(1).toInt());
    if (query.lastError().isValid())
        return sqlFailure(db, what, query.lastError());
    return job;
}

} // namespace

Status settleJobReservations(const QString &connectionName, AuditLog &audit,
                             const QString &userName, const QString &jobId, const QString &at)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    const Result<JobStock> job = readJobStock(db, jobId);
    if (!job)
        return job.error();
    const auto held = heldFor(db, jobId);
    if (!held)
        return held.error();
    using Key = std::pair<QString, QString>;
    QMap<Key, int> want;
    const bool booked
        = (job->status == u"scheduled" || job->status == u"tentative") && !job->fitterId.isEmpty();
    if (booked) {
        const QString van = job->fitterId;
        for (auto it = job->items.cbegin(); it != job->items.cend(); ++it) {
            for (const QString &location : {van, StockLocation::depot()}) {
                const Result<StockLevel> level = readLevel(db, it.key(), location);
                if (!level)
                    return level.error();
                // What this job holds there already is available to it.
                const int available = level->available() + held->value({it.key(), location});
                if (available >= it.value()) {
                    want.insert({it.key(), location}, it.value());
                    break;
                }
            }
        }
    }
    // Releases first, then reservations, so no location is ever over-reserved in between.
    QList<NewMovement> releases;
    QList<NewMovement> reserves;
    QMap<Key, int> all = *held;
    for (auto it = want.cbegin(); it != want.cend(); ++it)
        all.insert(it.key(), 0);
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        const int change = want.value(it.key()) - held->value(it.key());
        if (change == 0)
            continue;
        NewMovement m
            = movement(newId(), it.key().first, it.key().second,
                       change > 0 ? StockReason::Reserved : StockReason::Released, 0, change);
        m.jobId = jobId;
        (change > 0 ? reserves : releases).append(m);
    }
    for (const NewMovement &m : releases + reserves) {
        if (const Status written = insertMovement(db, audit, userName, m, at); !written)
            return written;
    }
    return {};
}

Result<ScheduleStock> readScheduleStock(const QString &connectionName)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    ScheduleStock stock;
    if (!query.exec(QStringLiteral("SELECT location, equipment_code, on_hand - reserved "
                                   "FROM stock_level")))
        return sqlFailure(db, StockLedger::tr("cannot read the stock levels"), query.lastError());
    while (query.next())
        stock.available[query.value(0).toString()].insert(query.value(1).toString(),
                                                          query.value(2).toInt());
    // What the open jobs hold (reservations of jobs that are done are released).
    if (!query.exec(QStringLiteral("SELECT m.job_id, m.equipment_code, sum(m.reserved_change) "
                                   "FROM stock_movement m JOIN job j ON j.id = m.job_id "
                                   "WHERE j.status IN ('tentative', 'scheduled') "
                                   "AND m.id NOT IN (%1) "
                                   "GROUP BY m.job_id, m.equipment_code "
                                   "HAVING sum(m.reserved_change) > 0")
                        .arg(QLatin1StringView(kRefusedIds))))
        return sqlFailure(db, StockLedger::tr("cannot read the jobs' reserved stock"),
                          query.lastError());
    while (query.next())
        stock.reserved[readId(query.value(0))].insert(query.value(1).toString(),
                                                      query.value(2).toInt());
    return stock;
}

Result<QList<StockShortfall>> fittedShortfalls(const QString &connectionName, const QString &jobId,
                                               const QHash<QString, int> &fitted)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    const Result<JobStock> job = readJobStock(db, jobId);
    if (!job)
        return job.error();
    const auto held = heldFor(db, jobId);
    if (!held)
        return held.error();
    const QString van = job->fitterId.isEmpty() ? StockLocation::depot() : job->fitterId;
    QStringList codes = fitted.keys();
    codes.sort();
    QList<StockShortfall> shortfalls;
    for (const QString &code : codes) {
        const int qty = fitted.value(code);
        const int reserved = std::max(0, held->value({code, van}))
            + (van == StockLocation::depot()
                   ? 0
                   : std::max(0, held->value({code, StockLocation::depot()})));
        // As recordJobFitted(): the reservation first, the rest from the van's available stock.
        const int beyond = qty - std::min(qty, reserved);
        if (beyond <= 0)
            continue;
        const Result<StockLevel> level = readLevel(db, code, van);
        if (!level)
            return level.error();
        if (level->available() >= beyond)
            continue;
        shortfalls.append({code, van, qty, reserved, level->onHand, level->reserved});
    }
    return shortfalls;
}

Error shortfallError(const QString &connectionName, const QList<StockShortfall> &shortfalls)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    QStringList lines;
    for (const StockShortfall &shortfall : shortfalls)
        lines.append(describeShortfall(db, shortfall));
    return Error::invalid(lines.join(u' '));
}

Status recordJobFitted(const QString &connectionName, AuditLog &audit, const QString &userName,
                       const QString &jobId, const QHash<QString, int> &fitted, const QString &at)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    const Result<JobStock> job = readJobStock(db, jobId);
    if (!job)
        return job.error();
    const auto heldNow = heldFor(db, jobId);
    if (!heldNow)
        return heldNow.error();
    QMap<std::pair<QString, QString>, int> held = *heldNow;
    const QString van = job->fitterId.isEmpty() ? StockLocation::depot() : job->fitterId;
    QStringList codes = fitted.keys();
    codes.sort();
    for (const QString &code : codes) {
        int left = fitted.value(code);
        if (left <= 0)
            continue;
        // The reservation is used up first (the van's before the depot's).
        for (const QString &location : {van, StockLocation::depot()}) {
            const int reserved = held.value({code, location});
            const int used = std::min(left, reserved);
            if (used <= 0)
                continue;
            NewMovement m = movement(newId(), code, location, StockReason::Fitted, -used, -used);
            m.jobId = jobId;
            if (const Status written = insertMovement(db, audit, userName, m, at); !written)
                return written;
            held[{code, location}] -= used;
            left -= used;
        }
        if (left > 0) {
            NewMovement m = movement(newId(), code, van, StockReason::Fitted, -left, 0);
            m.jobId = jobId;
            if (const Status written = insertMovement(db, audit, userName, m, at); !written)
                return written;
        }
    }
    for (auto it = held.cbegin(); it != held.cend(); ++it) {
        if (it.value() <= 0)
            continue;
        NewMovement m = movement(newId(), it.key().first, it.key().second, StockReason::Released, 0,
                                 -it.value());
        m.jobId = jobId;
        if (const Status written = insertMovement(db, audit, userName, m, at); !written)
            return written;
    }
    return {};
}

} // namespace stockstore

} // namespace saferhomes
