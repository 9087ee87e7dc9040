#pragma once

#include <QFuture>
#include <QString>

namespace saferhomes {

/// Writes every household to a CSV file on a worker thread with its own database connection.
class ExportTask {
public:
    struct Outcome {
        int written = 0;
        QString error; ///< empty on success
    };

    /// Progress runs from 0 to 1000. The file is replaced atomically when all is written.
    static QFuture<Outcome> write(const QString &databasePath, const QString &filePath);
};

} // namespace saferhomes
