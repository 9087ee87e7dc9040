#include "devicescope.h"

#include "localpragmas.h"
#include "serverhello.h"
#include "snapshotdownload.h"
#include "store/database.h"
#include "store/localerasure.h"
#include "syncledger.h"
#include "syncrun.h"
#include "valuecodec.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

DeviceScope::DeviceScope(CentralConnection &central, const ServerHello &hello, SyncRun &run,
                         QString watermark)
    : m_central(central)
    , m_hello(hello)
    , m_run(run)
    , m_watermark(std::move(watermark))
{ }

Status DeviceScope::apply(const QList<HouseholdMove> &moves)
{
    Status done = applyMoves(moves);
    if (done)
        done = applyAreas();
    if (done)
        done = fetchOrphans();
    if (done)
        done = dropFinishedJobs();
    return done;
}

Result<QStringList> DeviceScope::localIds(const QString &sql, const QStringList &values) const
{
    const QSqlDatabase db = m_run.local();
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QString &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return Database::sqlError(db.databaseName(), tr("cannot read the households here"),
                                  query.lastError());
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

Status DeviceScope::fetch(const QString &households)
{
    QString upTo = m_watermark;
    return SnapshotDownload(m_central, m_hello, m_run).download(households, upTo);
}

Status DeviceScope::remove(const QStringList &householdIds, const QString &why)
{
    QSqlDatabase local = m_run.local();
    ForeignKeysOff foreignKeysOff(local);
    if (!local.transaction())
        return Database::sqlError(local.databaseName(), why, local.lastError());
    const Status removed
        = LocalErasure(m_run.connectionName).erase(householdIds, LocalErasure::Mode::Remove);
    if (!removed) {
        local.rollback();
        return removed.error().within(why);
    }
    if (!local.commit()) {
        const Error error = Database::sqlError(local.databaseName(), why, local.lastError());
        local.rollback();
        return error;
    }
    m_run.scrub = true;
    return {};
}

Status DeviceScope::applyMoves(const QList<HouseholdMove> &moves)
{
    // Only people who work in areas see households by area; for them a household moved out
    // of their areas goes, one moved in comes with everything that belongs to it. The last
    // move of a household decides.
    if (moves.isEmpty() || !m_hello.isAreaRole())
        return {};
    QStringList gone;
    QStringList arrived;
    for (const auto &[household, area] : moves) {
        arrived.removeAll(household);
        gone.removeAll(household);
        (m_hello.areas.contains(area) ? arrived : gone).append(household);
    }
    if (!gone.isEmpty()) {
        if (const Status removed
            = remove(gone, tr("cannot remove the households moved out of your areas"));
            !removed)
            return removed;
    }
    if (arrived.isEmpty())
        return {};
    return fetch(valuecodec::serverIdList(arrived));
}

Status DeviceScope::recordAreas()
{
    QJsonObject now;
    for (auto it = m_hello.areas.begin(); it != m_hello.areas.end(); ++it)
        now.insert(it.key(), it.value());
    return SyncLedger(m_run.connectionName)
        .setState(SyncLedger::kAreas,
                  QString::fromUtf8(QJsonDocument(now).toJson(QJsonDocument::Compact)));
}

Status DeviceScope::applyAreas()
{
    const Result<QString> before = SyncLedger(m_run.connectionName).state(SyncLedger::kAreas);
    if (!before)
        return before.error();
    // The first download brought everything in scope.
    if (!m_hello.isAreaRole() || before->isEmpty())
        return recordAreas();
    const QJsonObject previous = QJsonDocument::fromJson(before->toUtf8()).object();
    QStringList gained;
    for (auto it = m_hello.areas.begin(); it != m_hello.areas.end(); ++it) {
        if (!previous.contains(it.key()))
            gained.append(it.key());
    }
    QStringList lost;
    for (auto it = previous.begin(); it != previous.end(); ++it) {
        if (!m_hello.areas.contains(it.key()))
            lost.append(it.value().toString());
    }
    if (!gained.isEmpty()) {
        if (const Status fetched
            = fetch(QStringLiteral("SELECT h.id FROM household h WHERE h.area_id IN (%1)")
                        .arg(valuecodec::serverIdList(gained)));
            !fetched)
            return fetched;
    }
    if (!lost.isEmpty()) {
        const QString why = tr("cannot remove the households of an area no longer yours");
        const QStringList placeholders(lost.size(), QStringLiteral("?"));
        const Result<QStringList> ids
            = localIds(QStringLiteral("SELECT h.id FROM household h JOIN area a ON a.id = "
                                      "h.area_id WHERE a.name IN (%1)")
                           .arg(placeholders.join(QStringLiteral(", "))),
                       lost);
        if (!ids)
            return ids.error().within(why);
        if (!ids->isEmpty()) {
            if (const Status removed = remove(*ids, why); !removed)
                return removed;
        }
    }
    return recordAreas();
}

Status DeviceScope::fetchOrphans()
{
    // A row whose household is not here: the household became visible without changing (a
    // fitter's new job): fetch it in full.
    const Result<QStringList> ids
        = localIds(QStringLiteral("SELECT DISTINCT household_id FROM (SELECT household_id FROM "
                                  "job UNION ALL SELECT household_id FROM resident UNION ALL "
                                  "SELECT household_id FROM visit) WHERE household_id NOT IN "
                                  "(SELECT id FROM household) LIMIT 5000"));
    if (!ids)
        return ids.error();
    if (ids->isEmpty())
        return {};
    return fetch(valuecodec::serverIdList(*ids));
}

Status DeviceScope::dropFinishedJobs()
{
    // A fitter sees a household while they have a job there that is not cancelled; once the
    // last one is cancelled (the job row says so), the household goes from their device.
    if (m_hello.role != u"sh_fitter")
        return {};
    const Result<QStringList> ids
        = localIds(QStringLiteral("SELECT h.id FROM household h WHERE NOT EXISTS (SELECT 1 FROM "
                                  "job j WHERE j.household_id = h.id AND j.status <> "
                                  "'cancelled')"));
    if (!ids)
        return ids.error();
    if (ids->isEmpty())
        return {};
    return remove(*ids, tr("cannot remove the households of cancelled jobs"));
}

} // namespace saferhomes
