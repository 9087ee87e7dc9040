#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace saferhomes {

/// Removes households' personal data from this device (DESIGN §7, §10): a household erased
/// on the server (GDPR) keeps a tombstone with no personal data; one that left the user's
/// scope (area lost, moved away, a fitter's last job cancelled) goes altogether. Either way the
/// audit trail's values about it are blanked. Used by the sync when it applies an erasure or
/// a change of scope; an administrator's erasure on this device can use it too.
class LocalErasure {
    Q_DECLARE_TR_FUNCTIONS(LocalErasure)

public:
    enum class Mode {
        KeepTombstone, ///< erased: the household stays, blanked, with erased_at set
        Remove, ///< out of scope: the household and everything of it go from this device
    };

    /// \a connectionName: the local database's connection on this thread.
    explicit LocalErasure(QString connectionName);

    /// Removes the personal data of \a householdIds (ids that are not UUIDs are ignored),
    /// inside the caller's transaction (with foreign keys off for Remove).
    Status erase(const QStringList &householdIds, Mode mode) const;

    /// After the erasing transaction has committed: merges the quick-find index's segments
    /// so the removed words are gone from it, and copies the write-ahead log into the database
    /// file and truncates it, so the old pages are gone from disk too (secure_delete zeroes
    /// the freed ones). Fails when the log could not be emptied: while another connection
    /// reads (it waits for the connection's busy timeout) or while a statement of this
    /// connection is still active. The caller says so and tries again later.
    Status scrubFiles() const;

private:
    QString m_connectionName;
};

} // namespace saferhomes
