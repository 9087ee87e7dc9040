#pragma once

#include "store/repository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>
#include <utility>

namespace saferhomes {

class Database;

/// A field this device and someone else both changed (sync_conflict, not yet resolved).
struct OpenConflict {
    qint64 id = 0;
    QString entity; ///< "household" for the fields sync sends today
    QUuid entityId;
    QString address; ///< "12 Thorpe Road, LE13 1AB"; empty when the household is not here
    QString field; ///< named as in the import file ("notes", "resident_name")
    QString localValue; ///< the value this device sent
    QString serverValue; ///< the value the server kept
    QDateTime at;
};

/// A change the central database refused: an outbox row with rejected_at set.
struct RefusedChange {
    /// One field of a refused update: {field: [old, new]} in the outbox payload.
    struct Field {
        QString field;
        QString oldValue;
        QString newValue;
    };

    qint64 seq = 0; ///< the outbox row
    QString opId;
    QString entity; ///< "household", "resident", "visit", ... (the outbox's entities)
    QUuid entityId;
    QString kind; ///< "create", "update" or "delete"
    QString address; ///< the address of the household the record belongs to, when it is here
    QList<Field> fields; ///< an update's fields; empty for a create
    QString reason;
    QDateTime rejectedAt;
};

/// What needs the user's attention, for the status bar.
struct SyncSummary {
    int pending = 0; ///< changes waiting to be sent (refused ones excluded)
    int openConflicts = 0;
    int refused = 0;
    QDateTime lastSync; ///< invalid when this database has never completed a sync
};

/// Lists the sync's open conflicts and refused changes and settles them: "keep the server's
/// value", "use mine" (through the validated, audited household edit), or discarding a refused
/// change. Every decision is audited.
class ConflictResolver : public Repository {
    Q_DECLARE_TR_FUNCTIONS(ConflictResolver)

public:
    enum class Choice { KeepServer, UseMine };

    /// What resolve() did: ok, or the failure that stopped it and the conflict it is about.
    struct Resolution {
        /// Error::Invalid for a choice that cannot be applied (a value the field refuses, a
        /// conflict no longer open); Error::Database or Error::Locked when the database failed.
        Status status;
        qint64 conflictId = 0; ///< the conflict the failure is about, when there is one
        bool ok() const { return status.ok(); }
        QString errorString() const { return status.errorString(); }
    };

    ConflictResolver(const Database &database, QString userName);

    /// Unresolved conflicts, grouped by household, oldest first within each.
    /// A failed read is Error::Database or Error::Locked, never an empty list.
    Result<QList<OpenConflict>> openConflicts() const;
    /// Refused changes, oldest first.
    Result<QList<RefusedChange>> refusedChanges() const;
    Result<SyncSummary> summary() const;

    /// Applies one choice per conflict. "Keep server" marks the conflict resolved (the server's
    /// value is already here, or arrives with the next pull). "Use mine" sets the field to this
    /// device's value through HouseholdService, so that it is validated, audited and queued for
    /// the next sync, and marks the conflict resolved in the same transaction. Each household's
    /// "use mine" fields are one transaction, and all "keep server" choices one more: when one
    /// fails, the ones applied before it stay applied and the rest are left open.
    Resolution resolve(const QList<std::pair<qint64, Choice>> &choices);

    /// Deletes the refused outbox row \a seq (its change is then never sent) and audits it.
    /// The local data stays as it is. Error::NotFound when \a seq is not a refused change;
    /// Error::Database or Error::Locked (naming the database and what failed) otherwise.
    Status discardRefused(qint64 seq);

private:
    Resolution useMine(const QUuid &householdId, const QList<OpenConflict> &conflicts);
    Resolution keepServer(const QList<qint64> &ids);
    /// Error::NotFound when the conflict is not open (resolved, or no such conflict).
    Result<OpenConflict> openConflict(qint64 id) const;
    /// "12 Thorpe Road, LE13 1AB" for the household record \a id of \a entity belongs to;
    /// empty when that household is not on this device.
    Result<QString> householdAddress(const QString &entity, const QString &id) const;

    const Database &m_database;
};

} // namespace saferhomes
