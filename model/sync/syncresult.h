#pragma once

#include "domain/result.h"
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
    /// Why the sync stopped, if it did: Error::Network when the server could not be reached
    /// (nothing lost, retry later), Error::Invalid for a URI that cannot be used,
    /// Error::Refused when the server said no or the register holds demo data (never sent),
    /// Error::Database or Error::Locked when the local database failed.
    Status status;
    bool ok() const { return status.ok(); }
    /// The server could not be reached: nothing lost, retry later.
    bool unreachable() const { return !ok() && status.error().kind == Error::Kind::Network; }
    /// The failure's message; empty when the sync completed.
    QString errorString() const { return status.errorString(); }
};

/// Called on the syncing thread while rows are downloaded: \a done of about \a total rows
/// (total 0: not known yet). For a progress bar; it must not block.
using SyncProgressHandler = std::function<void(qint64 done, qint64 total)>;

} // namespace saferhomes
