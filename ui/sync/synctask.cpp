#include "sync/synctask.h"

#include "store/connectionname.h"
#include "store/database.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>
#include <optional>

namespace saferhomes {

namespace {

int clampToInt(qint64 value)
{
    return int(std::min<qint64>(value, std::numeric_limits<int>::max()));
}

} // namespace

/// The local database connection and the engine (with its central connection), made on the
/// worker thread when first needed and kept while the database file stays the same.
struct SyncTask::Worker {
    QString path;
    std::optional<Database> database;
    std::optional<SyncEngine> engine;

    void reset()
    {
        engine.reset();
        database.reset();
        path.clear();
    }
};

SyncTask::SyncTask()
    : m_worker(std::make_shared<Worker>())
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
}

SyncTask::~SyncTask()
{
    QtConcurrent::run(&m_pool, [worker = m_worker] { worker->reset(); }).waitForFinished();
    m_pool.waitForDone();
}

QFuture<SyncResult> SyncTask::run(const QString &databasePath, const QString &uri,
                                  const QString &password)
{
    return QtConcurrent::run(
        &m_pool, [worker = m_worker, databasePath, uri, password](QPromise<SyncResult> &promise) {
            if (worker->path != databasePath || !worker->database) {
                worker->reset();
                worker->database.emplace(ConnectionName::unique(u"sync-worker"));
                if (const Status opened = worker->database->open(databasePath); !opened) {
                    SyncResult failed;
                    failed.status = opened;
                    worker->reset();
                    promise.addResult(failed);
                    return;
                }
                worker->path = databasePath;
                worker->engine.emplace(*worker->database, Database::localUserName());
            }
            SyncEngine &engine = *worker->engine;
            engine.setPassword(password);
            // Called on this worker thread during a download; the future carries it to the GUI.
            engine.setProgressHandler([&promise](qint64 done, qint64 total) {
                promise.setProgressRange(0, clampToInt(total));
                promise.setProgressValue(clampToInt(done));
            });
            promise.addResult(engine.run(uri));
            engine.setProgressHandler({});
        });
}

} // namespace saferhomes
