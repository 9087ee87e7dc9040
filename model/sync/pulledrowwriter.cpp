#include "pulledrowwriter.h"

#include "localpragmas.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/frozenreturnrepository.h"
#include "store/householdsearch.h"
#include "store/localerasure.h"
#include "store/sqlitestatement.h"
#include "syncledger.h"
#include "syncrun.h"
#include "valuecodec.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>

#include <optional>

namespace saferhomes {

namespace {

qsizetype columnIndex(const QList<SyncColumn> &columns, QLatin1StringView name)
{
    for (qsizetype c = 0; c < columns.size(); ++c) {
        if (columns[c].name == name)
            return c;
    }
    return -1;
}

/// The households whose quick-find text \a pages may change, and those they erase.
void householdsOf(const QList<PulledRows> &pages, QStringList &touched, QStringList &erased)
{
    for (const PulledRows &page : pages) {
        if (page.table->name == u"household") {
            const qsizetype erasedAt = columnIndex(page.columns, QLatin1StringView("erased_at"));
            for (const QVariantList &row : page.rows) {
                touched.append(row[0].toString());
                if (erasedAt >= 0 && !row[erasedAt].isNull())
                    erased.append(row[0].toString());
            }
        } else if (page.table->name == u"resident") {
            const qsizetype household
                = columnIndex(page.columns, QLatin1StringView("household_id"));
            for (const QVariantList &row : page.rows)
                touched.append(row[household].toString());
        }
    }
}

/// The upsert of \a page's columns into its table: an append-only table keeps what it has.
QByteArray upsertSql(const PulledRows &page)
{
    const SyncedTable &table = *page.table;
    QStringList names;
    QStringList updates;
    for (const SyncColumn &column : page.columns) {
        names.append(column.name);
        if (column.name != table.key)
            updates.append(QStringLiteral("%1 = excluded.%1").arg(column.name));
    }
    const QString conflict = table.appendOnly || updates.isEmpty()
        ? QStringLiteral("DO NOTHING")
        : QStringLiteral("DO UPDATE SET ") + updates.join(QStringLiteral(", "));
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) %5")
        .arg(table.name, names.join(QStringLiteral(", ")),
             QStringList(names.size(), QStringLiteral("?")).join(QStringLiteral(", ")), table.key,
             conflict)
        .toUtf8();
}

} // namespace

PulledRowWriter::PulledRowWriter(SyncRun &run, Transaction transaction, Index index)
    : m_run(run)
    , m_transaction(transaction)
    , m_index(index)
{ }

Error PulledRowWriter::failed(const Error &error)
{
    if (m_transaction == Transaction::Own)
        m_run.local().rollback();
    return error;
}

Error PulledRowWriter::failed(const QSqlError &error, const QString &what)
{
    const QString doing = what.isEmpty() ? tr("cannot store the downloaded changes")
                                         : tr("cannot store the downloaded changes (%1)").arg(what);
    return failed(Database::sqlError(m_run.local().databaseName(), doing, error));
}

Status PulledRowWriter::store(const QList<QVariantList> &areas, const QList<PulledRows> &pages)
{
    QSqlDatabase local = m_run.local();
    std::optional<ForeignKeysOff> foreignKeysOff;
    QSqlQuery query(local);
    if (m_transaction == Transaction::Own) {
        foreignKeysOff.emplace(local);
        if (!local.transaction())
            return failed(local.lastError());
        // Pulled rows are the server's already: they make no outbox entries.
        if (!query.exec(QStringLiteral("UPDATE sync_flag SET applying = 1")))
            return failed(query.lastError());
    }
    QHash<QString, QString> areaIds;
    if (const Status stored = storeAreas(areas, areaIds); !stored)
        return stored;
    // The households whose quick-find text may change: take out their old entries first (the
    // index keeps no copy of its text), put the new ones in at the end.
    QStringList touched;
    QStringList erased;
    householdsOf(pages, touched, erased);
    if (m_index == Index::Later)
        touched.clear();
    const QString touchedWhere
        = QStringLiteral("WHERE h.id IN (%1)").arg(valuecodec::localIdList(touched));
    if (!touched.isEmpty()
        && !query.exec(QStringLiteral("INSERT INTO household_fts (household_fts, rowid, "
                                      "search_text) SELECT 'delete', s.* FROM (")
                       + householdSearchTextSelect() + touchedWhere + QStringLiteral(") s")))
        return failed(query.lastError());
    int stored = 0;
    for (const PulledRows &page : pages) {
        if (page.rows.isEmpty())
            continue;
        if (const Status written = storeRows(page, areaIds, stored); !written)
            return written;
    }
    if (!erased.isEmpty()) {
        const Status erasedHere
            = LocalErasure(m_run.connectionName).erase(erased, LocalErasure::Mode::KeepTombstone);
        if (!erasedHere)
            return failed(erasedHere.error());
        m_run.scrub = true;
    }
    if (!touched.isEmpty()
        && !query.exec(QStringLiteral("INSERT INTO household_fts (rowid, search_text) ")
                       + householdSearchTextSelect() + touchedWhere))
        return failed(query.lastError());
    if (m_transaction == Transaction::Own) {
        if (!query.exec(QStringLiteral("UPDATE sync_flag SET applying = 0")))
            return failed(query.lastError());
        if (!local.commit())
            return failed(local.lastError());
    }
    m_run.result.pulled += stored;
    return {};
}

Status PulledRowWriter::storeAreas(const QList<QVariantList> &areas,
                                   QHash<QString, QString> &areaIds)
{
    // Areas are matched by name: one made here before it reached the server keeps its id.
    QSqlQuery query(m_run.local());
    query.prepare(QStringLiteral("INSERT INTO area (id, name, target_homes, budget_pence, "
                                 "created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    for (const QVariantList &area : areas) {
        for (qsizetype c = 0; c < area.size(); ++c)
            query.addBindValue(c == 4 ? QVariant(valuecodec::storeTime(area[c].toString()))
                                      : area[c]);
        if (!query.exec())
            return failed(query.lastError());
    }
    // Households name their area by the server's id: map it, through the name, to this
    // device's.
    QHash<QString, QString> byName;
    if (!query.exec(QStringLiteral("SELECT name, id FROM area")))
        return failed(query.lastError());
    while (query.next())
        byName.insert(query.value(0).toString(), query.value(1).toString());
    for (const QVariantList &area : areas)
        areaIds.insert(area[0].toString(), byName.value(area[1].toString()));
    return {};
}

Status PulledRowWriter::storeRows(const PulledRows &page, const QHash<QString, QString> &areaIds,
                                  int &stored)
{
    const SyncedTable &table = *page.table;
    const QSqlDatabase local = m_run.local();
    // Straight on SQLite's handle: a first download stores a few hundred thousand rows.
    const QByteArray sql = upsertSql(page);
    SqliteStatement upsert(local, sql.constData());
    // SqliteStatement tells a lock (Error::Locked) from other failures.
    const auto statementFailed = [&](const Error &error) {
        return failed(error.within(tr("%1: cannot store the downloaded changes")
                                       .arg(QDir::toNativeSeparators(local.databaseName()))));
    };
    if (const Status prepared = upsert.prepared(); !prepared)
        return statementFailed(prepared.error());
    QSqlQuery remove(local);
    remove.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(table.name, table.key));
    QVariantList bound(page.columns.size());
    const auto exec = [&] {
        for (qsizetype c = 0; c < bound.size(); ++c)
            upsert.bind(int(c + 1), bound[c]);
        return upsert.exec();
    };
    for (qsizetype r = 0; r < page.rows.size(); ++r) {
        const QVariantList &values = page.rows[r];
        if (page.deleted[r]) {
            remove.addBindValue(values[0].toString());
            if (!remove.exec())
                return failed(remove.lastError(), table.name);
            continue;
        }
        for (qsizetype c = 0; c < page.columns.size(); ++c)
            bound[c] = valuecodec::localValue(page.columns[c], values[c], areaIds);
        if (const Status intact = checkFrozenReturn(page, bound); !intact)
            return statementFailed(intact.error());
        Status upserted = exec();
        if (!upserted && table.name == u"household") {
            // A household made here with a UPRN the server gave to another one (this
            // device's create was refused) breaks the unique index on uprn: the server's
            // keeps it, the one here loses it, audited and recorded as a conflict for the
            // user to sort out. Asked of the table, not read from SQLite's message; when
            // the question fails too (a lock), the upsert's own error is the one to report.
            const Result<std::optional<QString>> holder = uprnHolder(bound, page.columns);
            if (holder && holder->has_value()) {
                if (const Status released = releaseUprn(**holder, bound, page.columns); !released)
                    return released;
                upserted = exec();
            }
        }
        if (!upserted) {
            return statementFailed(
                upserted.error().within(tr("%1 %2").arg(table.name, values[0].toString())));
        }
        ++stored;
    }
    return {};
}

Result<std::optional<QString>> PulledRowWriter::uprnHolder(const QVariantList &household,
                                                           const QList<SyncColumn> &columns) const
{
    const qsizetype idColumn = columnIndex(columns, QLatin1StringView("id"));
    const qsizetype uprnColumn = columnIndex(columns, QLatin1StringView("uprn"));
    if (idColumn < 0 || uprnColumn < 0 || household.size() != columns.size()
        || household[uprnColumn].isNull() || household[uprnColumn].toString().isEmpty())
        return std::optional<QString>();
    QSqlQuery query(m_run.local());
    query.prepare(QStringLiteral("SELECT id FROM household WHERE uprn = ? AND id <> ?"));
    query.addBindValue(household[uprnColumn].toString());
    query.addBindValue(household[idColumn].toString());
    if (!query.exec())
        return Database::sqlError(m_run.local().databaseName(), tr("cannot read households"),
                                  query.lastError());
    if (!query.next()) {
        if (query.lastError().isValid())
            return Database::sqlError(m_run.local().databaseName(), tr("cannot read households"),
                                      query.lastError());
        return std::optional<QString>();
    }
    return std::optional<QString>(query.value(0).toString());
}

Status PulledRowWriter::releaseUprn(const QString &localId, const QVariantList &household,
                                    const QList<SyncColumn> &columns)
{
    const QString uprn = household[columnIndex(columns, QLatin1StringView("uprn"))].toString();
    const QString serverId = household[columnIndex(columns, QLatin1StringView("id"))].toString();
    QSqlQuery query(m_run.local());
    const QString now = storeTimestamp();
    query.prepare(QStringLiteral("UPDATE household SET uprn = NULL, updated_at = ? WHERE id = ?"));
    query.addBindValue(now);
    query.addBindValue(localId);
    if (!query.exec())
        return failed(query.lastError());
    AuditLog audit(m_run.connectionName, m_run.userName, m_run.device);
    if (const Status recorded
        = audit.record(QStringLiteral("household"), localId, QStringLiteral("uprn"), uprn, {}, now);
        !recorded)
        return failed(recorded.error());
    const Status recorded
        = SyncLedger(m_run.connectionName)
              .recordConflict(localId,
                              {QStringLiteral("household"), localId, QStringLiteral("uprn"), uprn,
                               tr("UPRN %1 belongs to household %2 on the "
                                  "server")
                                   .arg(uprn, serverId),
                               now});
    if (!recorded)
        return failed(recorded.error());
    return {};
}

Status PulledRowWriter::checkFrozenReturn(const PulledRows &page, const QVariantList &row) const
{
    if (page.table->name != u"frozen_return")
        return {};
    // Every column is required: a user who may not read them all does not download the table.
    const qsizetype document = columnIndex(page.columns, QLatin1StringView("document"));
    const qsizetype sha256 = columnIndex(page.columns, QLatin1StringView("sha256"));
    const qsizetype period = columnIndex(page.columns, QLatin1StringView("period"));
    if (document < 0 || sha256 < 0 || period < 0)
        return Error::database(tr("a frozen return came without its document or hash"));
    if (FrozenReturn::hashOf(row[document].toByteArray()) == row[sha256].toString())
        return {};
    // Nothing of this download is stored, and the next sync refuses it again: a central copy
    // that is not what was submitted must be put right (from a backup), not passed on.
    return Error::database(
        tr("the frozen return of %1 (%2) on the central database does not match the SHA-256 "
           "recorded when it was frozen (%3): it was altered and is not the return that was "
           "submitted, so it was refused and nothing was stored. Ask an administrator to "
           "restore it from a backup.")
            .arg(row[period].toString(), row[0].toString(), row[sha256].toString()));
}

Status PulledRowWriter::rebuildSearchIndex(SyncRun &run)
{
    QSqlDatabase local = run.local();
    if (!local.transaction()) {
        return Database::sqlError(local.databaseName(), tr("cannot rebuild the quick-find index"),
                                  local.lastError());
    }
    QSqlQuery query(local);
    if (!query.exec(
            QStringLiteral("INSERT INTO household_fts (household_fts) VALUES ('delete-all')"))
        || !query.exec(QStringLiteral("INSERT INTO household_fts (rowid, search_text) ")
                       + householdSearchTextSelect())
        || !local.commit()) {
        const QSqlError error = query.lastError().isValid() ? query.lastError() : local.lastError();
        local.rollback();
        return Database::sqlError(local.databaseName(), tr("cannot rebuild the quick-find index"),
                                  error);
    }
    return {};
}

} // namespace saferhomes
