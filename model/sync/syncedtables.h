#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace saferhomes {

/// How a column's value travels between PostgreSQL and the local store.
enum class SyncColumnKind {
    Text, ///< text or uuid
    Time, ///< timestamptz on the server, ISO 8601 UTC text here
    Clock, ///< time of day on the server, "HH:MM" here
    Bool, ///< boolean on the server, 0/1 here
    Integer,
    Real,
    Bytes, ///< bytea on the server, BLOB here; hex text '\x...' in ops
    Json, ///< jsonb on the server, JSON text here
    AreaName, ///< area_id, matched to this device's area of the same name
};

struct SyncColumn {
    QString name;
    SyncColumnKind kind = SyncColumnKind::Text;
    /// NOT NULL here without a default: a table whose required column the user may not read
    /// is not downloaded at all.
    bool required = false;
};

/// A table the sync downloads (and, for the record kinds, uploads), described once for both
/// directions (DESIGN §7).
struct SyncedTable {
    QString name;
    QString key; ///< the primary key column ("id", or "code" for the catalogue)
    QList<SyncColumn> columns; ///< the key first
    /// How a row belongs to a household, as a predicate on `t` over a set of household ids
    /// written %1 (an IN list or sub-select); empty when the table is not per household.
    QString householdPredicate;
    bool appendOnly = false; ///< the local table refuses updates: rows are only added
    bool softDeletes = false; ///< a row with deleted_at set is removed here
    bool pushes = false; ///< devices send this table's rows as create ops

    QStringList columnNames() const;
    const SyncColumn *column(const QString &name) const;
};

/// The synced tables in the order rows are stored (parents first).
const QList<SyncedTable> &syncedTables();
const SyncedTable *syncedTable(const QString &name);

/// A SQLite expression that makes \a table's create-op payload (a JSON object of its columns,
/// as sh_insert_record takes it) for the row whose key is bound to the single `?`.
QString localPayloadSelect(const SyncedTable &table);

} // namespace saferhomes
