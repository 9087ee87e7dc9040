#pragma once

#include "domain/result.h"

#include <QFuture>
#include <QString>

namespace saferhomes {

/// Writes every household to a CSV file on a worker thread with its own database connection.
class ExportTask {
public:
    /// How many households were written, or why none were: the database could not be
    /// opened (its open()'s Error), read, or the file written (the exporter's Error).
    using Outcome = Result<int>;

    /// Progress runs from 0 to 1000. The file is replaced atomically when all is written.
    static QFuture<Outcome> write(const QString &databasePath, const QString &filePath);
};

} // namespace saferhomes
