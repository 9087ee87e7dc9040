#include "synctask.h"

#include "store/database.h"

#include <QAtomicInt>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <limits>

namespace saferhomes {

namespace {

int clampToInt(qint64 value)
{
    return int(std::min<qint64>(value, std::numeric_limits<int>::max()));
}

/// Reports the engine's download progress through \a promise. SyncEngine gains
/// setProgressHandler(std::function<void(qint64 done, qint64 total)>) on main; until a build
/// has it, this does nothing and the progress bar stays indeterminate.
template<typename Engine>
void reportProgress(Engine &engine, [[maybe_unused]] QPromise<SyncResult> &promise)
{
    using Handler = std::function<void(qint64 done, qint64 total)>;
    if constexpr (requires(Handler handler) { engine.setProgressHandler(handler); }) {
        engine.setProgressHandler(Handler([&promise](qint64 done, qint64 total) {
            // Called on this worker thread during the download.
            promise.setProgressRange(0, clampToInt(total));
            promise.setProgressValue(clampToInt(done));
        }));
    }
}

} // namespace

QFuture<SyncResult> SyncTask::run(const QString &databasePath, const QString &uri,
                                  const QString &password)
{
    return QtConcurrent::run([databasePath, uri, password](QPromise<SyncResult> &promise) {
        static QAtomicInt next;
        Database database(QStringLiteral("sync-worker-%1").arg(next.fetchAndAddRelaxed(1)));
        if (!database.open(databasePath)) {
            SyncResult failed;
            failed.error = database.errorString();
            promise.addResult(failed);
            return;
        }
        SyncEngine engine(database, Database::localUserName());
        engine.setPassword(password);
        reportProgress(engine, promise);
        promise.addResult(engine.run(uri));
    });
}

} // namespace saferhomes
