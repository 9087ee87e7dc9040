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
        HouseholdExporter exporter(repository);
        // A cancelled export leaves the old file as it was.
        const bool ok = exporter.write(filePath, [&promise](qint64 done, qint64 total) {
            if (total > 0)
                promise.setProgressValue(int(done * 1000 / total));
            return !promise.isCanceled();
        });
        if (!ok)
            outcome.error = exporter.errorString();
        outcome.written = exporter.written();
        promise.addResult(outcome);
    });
}

} // namespace saferhomes
