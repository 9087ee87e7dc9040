#include "syncengine.h"

#include "changedownload.h"
#include "devicescope.h"
#include "outboxpusher.h"
#include "refusedjobs.h"
#include "serverhello.h"
#include "snapshotdownload.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/demotransfer.h"
#include "store/localerasure.h"
#include "synclog.h"
#include "syncrun.h"
#include "valuecodec.h"

#include <QCoreApplication>

namespace saferhomes {

static_assert(SyncEngine::kBatchSize == OutboxPusher::kBatchSize);

SyncEngine::SyncEngine(const Database &database, QString userName)
    : m_connectionName(database.connectionName())
    , m_device(database.deviceId())
    , m_userName(std::move(userName))
{ }

SyncEngine::~SyncEngine() = default;
SyncEngine::SyncEngine(SyncEngine &&) noexcept = default;
SyncEngine &SyncEngine::operator=(SyncEngine &&) noexcept = default;

Result<int> SyncEngine::pendingCount() const
{
    return SyncLedger(m_connectionName).pendingCount();
}

Result<QList<SyncConflict>> SyncEngine::conflicts() const
{
    return SyncLedger(m_connectionName).conflicts();
}

Result<QList<SyncRejection>> SyncEngine::rejections() const
{
    return SyncLedger(m_connectionName).rejections();
}

SyncResult SyncEngine::run(const QString &uri)
{
    SyncResult result;
    SyncRun run {m_connectionName, m_device, m_userName, result, m_progress, m_scrub};
    // Demo data is invented: none of it, nor anything written beside it, may reach the central
    // database, so a demo database does not even connect.
    const Result<bool> demo = DemoTransfer::isDemo(m_connectionName);
    if (!demo) {
        run.fail(demo.errorString());
        return result;
    }
    if (*demo) {
        result.demoDatabase = true;
        run.fail(tr("this register holds demo data, which is never sent to a central database. "
                    "To sync, use a new register: start SaferHomes with --db and the path of a "
                    "new database file, and choose \u201cStart with an empty register\u201d "
                    "(saferhomes-cli: --db with a new file)"));
        return result;
    }
    QString error;
    const std::optional<CentralConnection::Address> address
        = CentralConnection::parseUri(uri, &error);
    if (!address) {
        result.badAddress = true;
        run.fail(error);
        return result;
    }
    const QString password = m_password.isEmpty() ? qEnvironmentVariable("PGPASSWORD") : m_password;
    const QString key = uri + QChar(u'\n') + password;
    ServerHello hello;
    if (!connect(*address, key, password, hello, run) || !checkServer(*address, run))
        return result;
    const SyncLedger ledger(m_connectionName);
    // Who the device syncs as decides what its screens offer (RoleAccess).
    if (const Status recorded
        = ledger.setSignedInUser({hello.user, hello.roleName(), hello.fitterId});
        !recorded) {
        run.fail(recorded.errorString());
        return result;
    }
    // Jobs refused since the last completed sync are settled after this one's pull.
    const Result<QString> lastSync = ledger.state(SyncLedger::kLastSync);
    if (!lastSync) {
        run.fail(lastSync.errorString());
        return result;
    }
    // Pull only when the outbox is empty (DESIGN §7); a refused op does not count.
    bool ok = OutboxPusher(*m_central, run).pushAll();
    if (ok) {
        const Result<int> pending = ledger.pendingCount();
        ok = pending ? *pending != 0
                || (pull(*m_central, hello, run) && settleRefusedJobs(*lastSync, hello, run))
                     : run.fail(pending.errorString());
    }
    m_scrub = run.scrub;
    if (!ok) {
        // Whatever state the connection is in (a transaction cut short, a server gone), the
        // next sync starts on a new one.
        m_central.reset();
        return result;
    }
    if (const Status recorded = ledger.setState(SyncLedger::kLastSync, storeTimestamp()); !recorded)
        run.fail(recorded.errorString());
    if (run.scrub)
        scrubFiles(run);
    m_scrub = run.scrub;
    return result;
}

bool SyncEngine::connect(const CentralConnection::Address &address, const QString &key,
                         const QString &password, ServerHello &hello, SyncRun &run)
{
    // The connection stays open between syncs on the same engine: a sync then costs the
    // greeting, the push (when there is something to send) and the pull, and no set-up.
    if (m_central && m_centralKey == key && m_central->connection().isOpen()) {
        if (ServerHello::greet(*m_central, hello, run))
            return true;
        if (!run.result.unreachable)
            return false;
        run.result = {}; // a connection that went stale meanwhile: open a new one
        hello = {};
    }
    m_central.reset();
    auto central = std::make_unique<CentralConnection>(QStringLiteral("saferhomes-sync-")
                                                       + m_connectionName);
    if (!central->open(address, password))
        return run.failCentral(*central);
    if (!ServerHello::greet(*central, hello, run))
        return false;
    m_central = std::move(central);
    m_centralKey = key;
    return true;
}

bool SyncEngine::checkServer(const CentralConnection::Address &address, SyncRun &run)
{
    // Another server's cursor means nothing here: start from the beginning.
    const SyncLedger ledger(m_connectionName);
    const Result<QString> server = ledger.state(SyncLedger::kServer);
    if (!server)
        return run.fail(server.errorString());
    if (*server == address.display())
        return true;
    for (const auto &[key, value] : {std::pair {SyncLedger::kServer, address.display()},
                                     std::pair {SyncLedger::kCursor, SyncLedger::kFirstCursor},
                                     std::pair {SyncLedger::kAreas, QStringLiteral("")}}) {
        if (!ledger.setState(key, value))
            return run.fail(tr("cannot record the sync state"));
    }
    return true;
}

bool SyncEngine::pull(CentralConnection &central, const ServerHello &hello, SyncRun &run)
{
    const SyncLedger ledger(m_connectionName);
    const Result<QString> cursor = ledger.state(SyncLedger::kCursor);
    if (!cursor)
        return run.fail(cursor.errorString());
    // The first download streams everything in big transactions; later ones page the changes.
    QString watermark;
    QList<HouseholdMove> moves;
    const bool first = !valuecodec::isXid(*cursor) || *cursor == SyncLedger::kFirstCursor;
    const bool ok = first ? SnapshotDownload(central, hello, run).download({}, watermark)
                          : ChangeDownload(central, hello, run).download(*cursor, watermark, moves);
    if (!ok || !DeviceScope(central, hello, run, watermark).apply(moves))
        return false;
    const Status recorded = ledger.setState(SyncLedger::kCursor, watermark);
    return recorded || run.fail(tr("cannot record the sync state"));
}

bool SyncEngine::settleRefusedJobs(const QString &since, const ServerHello &hello, SyncRun &run)
{
    // With the server's ledger pulled, a refused job's reservations follow the server's job;
    // what that moves is sent in this same sync.
    return RefusedJobs(*m_central, hello, run).settle(since)
        && OutboxPusher(*m_central, run).pushAll();
}

bool SyncEngine::scrubFiles(SyncRun &run)
{
    const Status scrubbed = LocalErasure(m_connectionName).scrubFiles();
    if (!scrubbed) {
        // The rows are gone; their old bytes may still be in the WAL. Said, and tried again
        // at the next sync.
        qCWarning(lcSync) << scrubbed.errorString();
        return run.fail(scrubbed.errorString());
    }
    run.scrub = false;
    return true;
}

} // namespace saferhomes
