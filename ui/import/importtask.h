#pragma once

#include "importexport/householdimporter.h"

#include <QFuture>
#include <QString>

namespace saferhomes {

/// Runs the import's two steps on a worker thread, each with its own database connection
/// (Qt SQL connections belong to the thread that opened them). The futures report progress
/// from 0 to 1000 and can be cancelled.
class ImportTask {
public:
    static QFuture<ImportPlan> prepare(const QString &databasePath, const QString &filePath);
    static QFuture<ImportResult> commit(const QString &databasePath, const ImportPlan &plan,
                                        bool skipInvalid);

    static constexpr int progressRange = 1000;
};

} // namespace saferhomes
