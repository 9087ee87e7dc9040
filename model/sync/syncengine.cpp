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
    const auto stopped = [&](const Status &status) {
        result.status = status;
        qCDebug(lcSync) << status.errorString();
        return result;
    };
    // Demo data is invented: none of it, nor anything written beside it, may reach the central
    // database, so a demo database does not even connect.
    const Result<bool> demo = DemoTransfer::isDemo(m_connectionName);
    if (!demo)
        return stopped(demo.error());
    if (*demo) {
        return stopped(Error::refused(
            tr("this register holds demo data, which is never sent to a central database. "
               "To sync, use a new register: start SaferHomes with --db and the path of a "
               "new database file, and choose \u201cStart with an empty register\u201d "
               "(saferhomes-cli: --db with a new file)")));
    }
    const Result<CentralConnection::Address> address = CentralConnection::parseUri(uri);
    if (!address)
        return stopped(address.error());
    const QString password = m_password.isEmpty() ? qEnvironmentVariable("PGPASSWORD") : m_password;
    const QString key = uri + QChar(u'\n') + password;
    ServerHello hello;
    if (const Status connected = connect(*address, key, password, hello); !connected)
        return stopped(connected);
    if (const Status checked = checkServer(*address); !checked)
        return stopped(checked);
    const SyncLedger ledger(m_connectionName);
    // Who the device syncs as decides what its screens offer (RoleAccess).
    if (const Status recorded
        = ledger.setSignedInUser({hello.user, hello.roleName(), hello.fitterId});
        !recorded)
        return stopped(recorded);
    // Jobs refused since the last completed sync are settled after this one's pull.
    const Result<QString> lastSync = ledger.state(SyncLedger::kLastSync);
    if (!lastSync)
        return stopped(lastSync.error());
    // Pull only when the outbox is empty (DESIGN §7); a refused op does not count.
    Status synced = OutboxPusher(*m_central, run).pushAll();
    if (synced) {
        const Result<int> pending = ledger.pendingCount();
        if (!pending) {
            synced = pending.error();
        } else if (*pending == 0) {
            synced = pull(*m_central, hello, run);
            if (synced)
                synced = settleRefusedJobs(*lastSync, hello, run);
        }
    }
    m_scrub = run.scrub;
    if (!synced) {
        // Whatever state the connection is in (a transaction cut short, a server gone), the
        // next sync starts on a new one.
        m_central.reset();
        return stopped(synced);
    }
    Status finished = ledger.setState(SyncLedger::kLastSync, storeTimestamp());
    if (run.scrub) {
        if (const Status scrubbed = scrubFiles(run); !scrubbed && finished)
            finished = scrubbed;
    }
    m_scrub = run.scrub;
    return finished ? result : stopped(finished);
}

Status SyncEngine::connect(const CentralConnection::Address &address, const QString &key,
                           const QString &password, ServerHello &hello)
{
    // The connection stays open between syncs on the same engine: a sync then costs the
    // greeting, the push (when there is something to send) and the pull, and no set-up.
    if (m_central && m_centralKey == key && m_central->connection().isOpen()) {
        const Status greeted = ServerHello::greet(*m_central, hello);
        if (greeted)
            return {};
        if (greeted.error().kind != Error::Kind::Network)
            return greeted;
        hello = {}; // a connection that went stale meanwhile: open a new one
    }
    m_central.reset();
    auto central = std::make_unique<CentralConnection>(QStringLiteral("saferhomes-sync-")
                                                       + m_connectionName);
    if (const Status opened = central->open(address, password); !opened)
        return opened;
    if (const Status greeted = ServerHello::greet(*central, hello); !greeted)
        return greeted;
    m_central = std::move(central);
    m_centralKey = key;
    return {};
}

Status SyncEngine::checkServer(const CentralConnection::Address &address)
{
    // Another server's cursor means nothing here: start from the beginning.
    const SyncLedger ledger(m_connectionName);
    const Result<QString> server = ledger.state(SyncLedger::kServer);
    if (!server)
        return server.error();
    if (*server == address.display())
        return {};
    for (const auto &[key, value] : {std::pair {SyncLedger::kServer, address.display()},
                                     std::pair {SyncLedger::kCursor, SyncLedger::kFirstCursor},
                                     std::pair {SyncLedger::kAreas, QStringLiteral("")}}) {
        if (const Status recorded = ledger.setState(key, value); !recorded)
            return recorded;
    }
    return {};
}

Status SyncEngine::pull(CentralConnection &central, const ServerHello &hello, SyncRun &run)
{
    const SyncLedger ledger(m_connectionName);
    const Result<QString> cursor = ledger.state(SyncLedger::kCursor);
    if (!cursor)
        return cursor.error();
    // The first download streams everything in big transactions; later ones page the changes.
    QString watermark;
    QList<HouseholdMove> moves;
    const bool first = !valuecodec::isXid(*cursor) || *cursor == SyncLedger::kFirstCursor;
    const Status downloaded = first
        ? SnapshotDownload(central, hello, run).download({}, watermark)
        : ChangeDownload(central, hello, run).download(*cursor, watermark, moves);
    if (!downloaded)
        return downloaded;
    if (const Status applied = DeviceScope(central, hello, run, watermark).apply(moves); !applied)
        return applied;
    return ledger.setState(SyncLedger::kCursor, watermark);
}

Status SyncEngine::settleRefusedJobs(const QString &since, const ServerHello &hello, SyncRun &run)
{
    // With the server's ledger pulled, a refused job's reservations follow the server's job;
    // what that moves is sent in this same sync.
    if (const Status settled = RefusedJobs(*m_central, hello, run).settle(since); !settled)
        return settled;
    return OutboxPusher(*m_central, run).pushAll();
}

Status SyncEngine::scrubFiles(SyncRun &run)
{
    const Status scrubbed = LocalErasure(m_connectionName).scrubFiles();
    if (!scrubbed) {
        // The rows are gone; their old bytes may still be in the WAL. Said, and tried again
        // at the next sync.
        qCWarning(lcSync) << scrubbed.errorString();
        return scrubbed;
    }
    run.scrub = false;
    return {};
}

} // namespace saferhomes
