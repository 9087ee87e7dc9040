#pragma once

#include "syncledger.h"

#include <QList>
#include <QString>

#include <functional>

namespace saferhomes {

/// What one sync did.
struct SyncResult {
    int pushed = 0; ///< ops the server answered (applied, with or without conflicts)
    int pulled = 0; ///< rows received
    int conflicts = 0; ///< fields the server kept its own value for
    QList<SyncRejection> rejected;
    QString error; ///< empty when the sync completed
    bool unreachable = false; ///< the server could not be reached: nothing lost, retry later
    bool badAddress = false; ///< the URI cannot be used
    bool ok() const { return error.isEmpty(); }
};

/// Called on the syncing thread while rows are downloaded: \a done of about \a total rows
/// (total 0: not known yet). For a progress bar; it must not block.
using SyncProgressHandler = std::function<void(qint64 done, qint64 total)>;

} // namespace saferhomes
