#include "vanloading.h"

#include "auditlog.h"
#include "jobrepository.h"
#include "sqlvalues.h"
#include "stockledger.h"
#include "stockledger_p.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace saferhomes {

using namespace sqlvalues;

namespace {

/// The booked jobs of a fitter's day.
Result<QList<Job>> bookedJobs(const JobRepository &jobs, const QUuid &fitterId, const QDate &day)
{
    JobFilter filter;
    filter.day = day;
    filter.fitterId = fitterId;
    Result<QList<Job>> all = jobs.jobs(filter);
    if (!all)
        return all.error();
    QList<Job> booked;
    for (const Job &job : std::as_const(*all)) {
        if (JobStatusNames::isBooked(job.status))
            booked.append(job);
    }
    return booked;
}

} // namespace

VanLoading::VanLoading(const Database &database, QString userName)
    : Repository(database, std::move(userName))
    , m_database(database)
{ }

Result<QList<VanLoadLine>> VanLoading::list(const QUuid &fitterId, const QDate &day) const
{
    const JobRepository jobRepository(m_database, m_userName);
    const Result<QList<Job>> jobs = bookedJobs(jobRepository, fitterId, day);
    if (!jobs)
        return jobs.error().within(tr("Reading the day\u2019s jobs"));
    const StockLedger ledger(m_database, m_userName);
    const QString van = StockLocation::van(fitterId);
    QMap<QString, VanLoadLine> lines;
    for (const Job &job : *jobs) {
        for (const JobItem &item : job.items) {
            VanLoadLine &line = lines[item.code];
            line.code = item.code;
            line.needed += item.qty;
        }
        const Result<QList<StockReservation>> held = ledger.reservations(job.id);
        if (!held)
            return held.error().within(tr("Reading the day\u2019s reservations"));
        for (const StockReservation &reservation : *held) {
            if (!lines.contains(reservation.code))
                continue;
            VanLoadLine &line = lines[reservation.code];
            if (reservation.location == van)
                line.inVan += reservation.qty;
            else if (StockLocation::isDepot(reservation.location))
                line.depotCanGive += reservation.qty;
        }
    }
    for (VanLoadLine &line : lines) {
        const Result<StockLevel> inVan = ledger.level(line.code, van);
        const Result<StockLevel> atDepot = ledger.level(line.code, StockLocation::depot());
        if (!inVan || !atDepot)
            return (!inVan ? inVan : atDepot).error().within(tr("Reading the stock levels"));
        line.inVan += std::max(0, inVan->available());
        line.depotCanGive += std::max(0, atDepot->available());
    }
    return lines.values();
}

Result<int> VanLoading::load(const QUuid &fitterId, const QDate &day)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const QString context = tr("Loading the van");
    if (!db.transaction())
        return stockdetail::sqlFailure(db, tr("cannot start a transaction"), db.lastError())
            .within(context);
    const auto failed = [&](const Error &error) {
        db.rollback();
        return error.within(context);
    };
    // Read inside the transaction: what is moved is what was checked.
    const Result<QList<VanLoadLine>> lines = list(fitterId, day);
    if (!lines)
        return failed(lines.error());
    const Result<QHash<QString, EquipmentLabel>> labels
        = JobRepository(m_database, m_userName).equipmentLabels();
    if (!labels)
        return failed(labels.error());
    QStringList short_;
    for (const VanLoadLine &line : *lines) {
        if (line.toLoad() > line.depotCanGive) {
            const QString name = labels->value(line.code).name;
            short_.append(tr("%1: %2 to load, the depot can give %3")
                              .arg(name.isEmpty() ? line.code : name)
                              .arg(line.toLoad())
                              .arg(line.depotCanGive));
        }
    }
    if (!short_.isEmpty())
        return failed(Error::invalid(tr("the depot is short, nothing was moved (%1)")
                                         .arg(short_.join(QStringLiteral("; ")))));
    AuditLog audit(m_connectionName, m_userName, m_device);
    const QString at = storeTimestamp();
    const QString van = StockLocation::van(fitterId);
    const QString note = tr("Loaded for %1").arg(day.toString(Qt::ISODate));
    int moved = 0;
    for (const VanLoadLine &line : *lines) {
        if (line.toLoad() == 0)
            continue;
        // Two movements naming each other, written as StockLedger::transfer() writes them.
        using stockdetail::movement;
        stockdetail::NewMovement out
            = movement(stockdetail::newId(), line.code, StockLocation::depot(),
                       StockReason::Transferred, -line.toLoad());
        stockdetail::NewMovement in = movement(stockdetail::newId(), line.code, van,
                                               StockReason::Transferred, line.toLoad());
        out.pairId = in.id;
        in.pairId = out.id;
        out.note = in.note = note;
        for (const stockdetail::NewMovement &half : {out, in}) {
            if (const Status written = stockdetail::insertMovement(db, audit, m_userName, half, at);
                !written)
                return failed(written.error());
        }
        moved += line.toLoad();
    }
    // The jobs' reservations follow the stock into the van.
    const Result<QList<Job>> jobs
        = bookedJobs(JobRepository(m_database, m_userName), fitterId, day);
    if (!jobs)
        return failed(jobs.error());
    for (const Job &job : *jobs) {
        if (const Status settled = stockstore::settleJobReservations(
                m_connectionName, audit, m_userName, uuidText(job.id), at);
            !settled)
            return failed(settled.error());
    }
    if (!db.commit())
        return failed(stockdetail::sqlFailure(db, tr("cannot commit"), db.lastError()));
    return moved;
}

} // namespace saferhomes
