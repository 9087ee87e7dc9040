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
        if (const Status opened = database.open(databasePath); !opened) {
            promise.addResult(Outcome(opened.error()));
            return;
        }
        const HouseholdRepository repository(database, Database::localUserName());
        // A cancelled export leaves the old file as it was.
        Outcome written
            = HouseholdExporter(repository).write(filePath, [&promise](qint64 done, qint64 total) {
                  if (total > 0)
                      promise.setProgressValue(int(done * 1000 / total));
                  return !promise.isCanceled();
              });
        promise.addResult(std::move(written));
    });
}

} // namespace saferhomes
