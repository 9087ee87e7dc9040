#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUuid>

namespace saferhomes {

/// Who the central database said this device's user is, at the last greeting: their login,
/// their role without the `sh_` prefix, and for a fitter their row in the fitter table. All
/// empty on a register that has never synced.
struct SignedInUser {
    QString login;
    QString role;
    QUuid fitterId;
};

/// A field this device and someone else both changed; the server kept its value.
struct SyncConflict {
    QString entity;
    QString entityId;
    QString field;
    QString localValue;
    QString serverValue;
    QString at;
};

/// An op the server refused. It stays in the outbox, marked rejected (not pushed again, not
/// holding back pulls), so that nothing is silently dropped.
struct SyncRejection {
    QString opId;
    QString entity;
    QString entityId;
    QString kind;
    QString reason;
};

/// The device's record of its sync (DESIGN §7): the sync state (server, cursor, areas, last
/// sync), the ops waiting in the outbox, the conflicts and the refused ops. Every read says
/// when it failed: an empty list is never the answer to a damaged database.
class SyncLedger {
    Q_DECLARE_TR_FUNCTIONS(SyncLedger)

public:
    /// The keys of the sync state.
    static const QString kServer; ///< the server last synced with (user@host:port/db)
    static const QString kCursor; ///< the xid8 watermark the next pull starts from
    static const QString kAreas; ///< the user's areas at the last pull, as JSON {id: name}
    static const QString kLastSync; ///< when the last sync completed
    static const QString kLogin; ///< the central login the device last synced as
    static const QString kRole; ///< that login's role, without `sh_`
    static const QString kFitter; ///< the fitter row of that login, when it is a fitter's
    /// The cursor before the first pull: every row.
    static const QString kFirstCursor;

    /// \a connectionName: the local database's connection on this thread.
    explicit SyncLedger(QString connectionName);

    /// The value stored under \a key; empty when there is none.
    Result<QString> state(const QString &key) const;
    Status setState(const QString &key, const QString &value) const;

    /// Who the device last synced as (see SignedInUser).
    Result<SignedInUser> signedInUser() const;
    /// Records \a user as who the device syncs as.
    Status setSignedInUser(const SignedInUser &user) const;

    /// Ops not yet accepted (rejected ones excluded).
    Result<int> pendingCount() const;
    /// Conflicts not yet resolved, oldest first.
    Result<QList<SyncConflict>> conflicts() const;
    /// Ops the server refused, oldest first.
    Result<QList<SyncRejection>> rejections() const;

    /// Records a conflict of \a opId's \a field, inside the caller's transaction.
    Status recordConflict(const QString &opId, const SyncConflict &conflict) const;

private:
    QString m_connectionName;
};

} // namespace saferhomes
