#include "devicescope.h"

#include "localpragmas.h"
#include "serverhello.h"
#include "snapshotdownload.h"
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

namespace {

/// The ids of the first column of \a sql on the local database; false with \a error on
/// failure.
bool localIds(const QSqlDatabase &db, const QString &sql, const QStringList &values,
              QStringList &ids, QString &error)
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QString &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        error = query.lastError().text();
        return false;
    }
    while (query.next())
        ids.append(query.value(0).toString());
    return true;
}

} // namespace

DeviceScope::DeviceScope(CentralConnection &central, const ServerHello &hello, SyncRun &run,
                         QString watermark)
    : m_central(central)
    , m_hello(hello)
    , m_run(run)
    , m_watermark(std::move(watermark))
{ }

bool DeviceScope::apply(const QList<HouseholdMove> &moves)
{
    return applyMoves(moves) && applyAreas() && fetchOrphans() && dropFinishedJobs();
}

bool DeviceScope::fetch(const QString &households)
{
    QString upTo = m_watermark;
    return SnapshotDownload(m_central, m_hello, m_run).download(households, upTo);
}

bool DeviceScope::remove(const QStringList &householdIds, const QString &why)
{
    QSqlDatabase local = m_run.local();
    ForeignKeysOff foreignKeysOff(local);
    if (!local.transaction())
        return m_run.fail(local.lastError().text());
    const Status removed
        = LocalErasure(m_run.connectionName).erase(householdIds, LocalErasure::Mode::Remove);
    if (!removed || !local.commit()) {
        local.rollback();
        return m_run.fail(why.arg(removed ? local.lastError().text() : removed.errorString()));
    }
    m_run.scrub = true;
    return true;
}

bool DeviceScope::applyMoves(const QList<HouseholdMove> &moves)
{
    // Only people who work in areas see households by area; for them a household moved out
    // of their areas goes, one moved in comes with everything that belongs to it. The last
    // move of a household decides.
    if (moves.isEmpty() || !m_hello.isAreaRole())
        return true;
    QStringList gone;
    QStringList arrived;
    for (const auto &[household, area] : moves) {
        arrived.removeAll(household);
        gone.removeAll(household);
        (m_hello.areas.contains(area) ? arrived : gone).append(household);
    }
    if (!gone.isEmpty()
        && !remove(gone, tr("cannot remove the households moved out of your areas: %1")))
        return false;
    return arrived.isEmpty() || fetch(valuecodec::serverIdList(arrived));
}

bool DeviceScope::recordAreas()
{
    QJsonObject now;
    for (auto it = m_hello.areas.begin(); it != m_hello.areas.end(); ++it)
        now.insert(it.key(), it.value());
    const Status recorded
        = SyncLedger(m_run.connectionName)
              .setState(SyncLedger::kAreas,
                        QString::fromUtf8(QJsonDocument(now).toJson(QJsonDocument::Compact)));
    return recorded || m_run.fail(recorded.errorString());
}

bool DeviceScope::applyAreas()
{
    const Result<QString> before = SyncLedger(m_run.connectionName).state(SyncLedger::kAreas);
    if (!before)
        return m_run.fail(before.errorString());
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
    if (!gained.isEmpty()
        && !fetch(QStringLiteral("SELECT h.id FROM household h WHERE h.area_id IN (%1)")
                      .arg(valuecodec::serverIdList(gained))))
        return false;
    if (!lost.isEmpty()) {
        QStringList ids;
        QString error;
        const QStringList placeholders(lost.size(), QStringLiteral("?"));
        if (!localIds(m_run.local(),
                      QStringLiteral("SELECT h.id FROM household h JOIN area a ON a.id = "
                                     "h.area_id WHERE a.name IN (%1)")
                          .arg(placeholders.join(QStringLiteral(", "))),
                      lost, ids, error))
            return m_run.fail(
                tr("cannot remove the households of an area no longer yours: %1").arg(error));
        if (!ids.isEmpty()
            && !remove(ids, tr("cannot remove the households of an area no longer yours: %1")))
            return false;
    }
    return recordAreas();
}

bool DeviceScope::fetchOrphans()
{
    // A row whose household is not here: the household became visible without changing (a
    // fitter's new job): fetch it in full.
    QStringList ids;
    QString error;
    if (!localIds(m_run.local(),
                  QStringLiteral("SELECT DISTINCT household_id FROM (SELECT household_id FROM "
                                 "job UNION ALL SELECT household_id FROM resident UNION ALL "
                                 "SELECT household_id FROM visit) WHERE household_id NOT IN "
                                 "(SELECT id FROM household) LIMIT 5000"),
                  {}, ids, error))
        return m_run.fail(error);
    return ids.isEmpty() || fetch(valuecodec::serverIdList(ids));
}

bool DeviceScope::dropFinishedJobs()
{
    // A fitter sees a household while they have a job there that is not cancelled; once the
    // last one is cancelled (the job row says so), the household goes from their device.
    if (m_hello.role != u"sh_fitter")
        return true;
    QStringList ids;
    QString error;
    if (!localIds(m_run.local(),
                  QStringLiteral("SELECT h.id FROM household h WHERE NOT EXISTS (SELECT 1 FROM "
                                 "job j WHERE j.household_id = h.id AND j.status <> "
                                 "'cancelled')"),
                  {}, ids, error))
        return m_run.fail(error);
    return ids.isEmpty() || remove(ids, tr("cannot remove the households of cancelled jobs: %1"));
}

} // namespace saferhomes
