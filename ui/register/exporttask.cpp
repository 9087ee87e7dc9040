#include "register/exporttask.h"

#include "importexport/householdexporter.h"
#include "store/connectionname.h"
#include "store/database.h"
#include "store/householdrepository.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace saferhomes {

QFuture<ExportTask::Outcome> ExportTask::write(const QString &databasePath, const QString &filePath)
{
    return QtConcurrent::run([databasePath, filePath](QPromise<Outcome> &promise) {
        promise.setProgressRange(0, 1000);
        Database database(ConnectionName::unique(u"export-worker"));
        Outcome outcome;
        if (!database.open(databasePath)) {
            outcome.error = database.errorString();
            promise.addResult(outcome);
            return;
        }
        const HouseholdRepository repository(database, Database::localUserName());
        // A cancelled export leaves the old file as it was.
        const Result<int> written
            = HouseholdExporter(repository).write(filePath, [&promise](qint64 done, qint64 total) {
                  if (total > 0)
                      promise.setProgressValue(int(done * 1000 / total));
                  return !promise.isCanceled();
              });
        if (written)
            outcome.written = *written;
        else
            outcome.error = written.errorString();
        promise.addResult(outcome);
    });
}

} // namespace saferhomes
