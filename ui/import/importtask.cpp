#include "import/importtask.h"

#include "store/connectionname.h"
#include "store/database.h"
#include "store/householdrepository.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace saferhomes {

namespace {

template<typename T> HouseholdRepository::Progress progressFor(QPromise<T> &promise)
{
    return [&promise](qint64 done, qint64 total) {
        if (total > 0)
            promise.setProgressValue(int(done * ImportTask::progressRange / total));
        return !promise.isCanceled();
    };
}

} // namespace

QFuture<ImportPlan> ImportTask::prepare(const QString &databasePath, const QString &filePath)
{
    return QtConcurrent::run([databasePath, filePath](QPromise<ImportPlan> &promise) {
        promise.setProgressRange(0, progressRange);
        Database database(ConnectionName::unique(u"import-worker"));
        ImportPlan plan;
        if (const Status opened = database.open(databasePath); !opened) {
            plan.status = opened;
        } else {
            HouseholdRepository repository(database, Database::localUserName());
            plan = HouseholdImporter(repository).prepare(filePath, progressFor(promise));
        }
        promise.addResult(std::move(plan));
    });
}

QFuture<ImportResult> ImportTask::commit(const QString &databasePath, const ImportPlan &plan,
                                         bool skipInvalid)
{
    return QtConcurrent::run([databasePath, plan, skipInvalid](QPromise<ImportResult> &promise) {
        promise.setProgressRange(0, progressRange);
        Database database(ConnectionName::unique(u"import-worker"));
        ImportResult result;
        if (const Status opened = database.open(databasePath); !opened) {
            result.status = opened;
        } else {
            HouseholdRepository repository(database, Database::localUserName());
            result = HouseholdImporter(repository).commit(plan, skipInvalid, progressFor(promise));
        }
        promise.addResult(std::move(result));
    });
}

} // namespace saferhomes
