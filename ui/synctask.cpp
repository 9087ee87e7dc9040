#include "synctask.h"

#include "store/database.h"

#include <QAtomicInt>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

namespace saferhomes {

namespace {

int clampToInt(qint64 value)
{
    return int(std::min<qint64>(value, std::numeric_limits<int>::max()));
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
        // Called on this worker thread during a download; the future carries it to the GUI.
        engine.setProgressHandler([&promise](qint64 done, qint64 total) {
            promise.setProgressRange(0, clampToInt(total));
            promise.setProgressValue(clampToInt(done));
        });
        promise.addResult(engine.run(uri));
    });
}

} // namespace saferhomes
