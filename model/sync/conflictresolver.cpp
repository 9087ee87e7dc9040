#include "conflictresolver.h"

#include "domain/householdfield.h"
#include "service/householdservice.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/householdrepository.h"
#include "store/sqlvalues.h"
#include "syncedtables.h"
#include "synclog.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

using namespace sqlvalues;

namespace {

QString addressOf(const QVariant &line1, const QVariant &postcode)
{
    QStringList parts;
    for (const QVariant &part : {line1, postcode}) {
        if (!part.toString().isEmpty())
            parts.append(part.toString());
    }
    return parts.join(QStringLiteral(", "));
}

QString jsonText(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined() ? QString() : value.toVariant().toString();
}

// "Use mine" goes through HouseholdRepository::setFields, which opens and commits its own
// transaction, and SQLite has no nested transactions. So that the conflict is marked resolved
// in that same transaction, a temporary trigger (this connection only, gone when it closes)
// watches for the audit event setFields writes for each changed field, and resolves the chosen
// conflicts on that household and field, with an audit event of its own. A failed edit rolls
// the resolution back with it.
const QString kChoiceTable
    = QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS conflict_choice (id INTEGER PRIMARY KEY)");
const QString kResolveTrigger = QStringLiteral(
    "CREATE TEMP TRIGGER IF NOT EXISTS conflict_resolved_by_edit AFTER INSERT ON main.audit_event "
    "WHEN NEW.entity = 'household' "
    "BEGIN "
    "INSERT INTO audit_event (at, user_name, device, entity, entity_id, field, old_value, "
    "new_value) SELECT NEW.at, NEW.user_name, NEW.device, 'sync_conflict', CAST(c.id AS TEXT), "
    "'resolved', NULL, 'mine' FROM sync_conflict c "
    "WHERE c.id IN (SELECT id FROM temp.conflict_choice) AND c.entity_id = NEW.entity_id "
    "AND c.field = NEW.field AND c.resolved_at IS NULL; "
    "UPDATE sync_conflict SET resolved_at = NEW.at "
    "WHERE id IN (SELECT id FROM temp.conflict_choice) AND entity_id = NEW.entity_id "
    "AND field = NEW.field AND resolved_at IS NULL; "
    "END");

/// Drops the trigger and empties the choice table however useMine() returns.
class ChoiceScope {
public:
    explicit ChoiceScope(const QSqlDatabase &db)
        : m_db(db)
    { }
    ~ChoiceScope()
    {
        QSqlQuery query(m_db);
        query.exec(QStringLiteral("DROP TRIGGER IF EXISTS temp.conflict_resolved_by_edit"));
        query.exec(QStringLiteral("DELETE FROM temp.conflict_choice"));
    }
    ChoiceScope(const ChoiceScope &) = delete;
    ChoiceScope &operator=(const ChoiceScope &) = delete;

private:
    QSqlDatabase m_db;
};

} // namespace

ConflictResolver::ConflictResolver(const Database &database, QString userName)
    : Repository(database, std::move(userName))
    , m_database(database)
{ }

Result<QList<OpenConflict>> ConflictResolver::openConflicts() const
{
    QList<OpenConflict> list;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    // Grouped by household in the order their first conflict came.
    if (!query.exec(QStringLiteral(
            "SELECT c.id, c.entity, c.entity_id, c.field, c.local_value, c.server_value, c.at, "
            "h.address_line1, h.postcode FROM sync_conflict c "
            "LEFT JOIN household h ON h.id = c.entity_id "
            "WHERE c.resolved_at IS NULL "
            "ORDER BY (SELECT min(f.id) FROM sync_conflict f WHERE f.entity_id = c.entity_id "
            "AND f.resolved_at IS NULL), c.id")))
        return readError(tr("the sync conflicts"), query.lastError());
    while (query.next()) {
        OpenConflict conflict;
        conflict.id = query.value(0).toLongLong();
        conflict.entity = query.value(1).toString();
        conflict.entityId = readId(query.value(2));
        conflict.field = query.value(3).toString();
        conflict.localValue = query.value(4).toString();
        conflict.serverValue = query.value(5).toString();
        conflict.at = readTime(query.value(6));
        conflict.address = addressOf(query.value(7), query.value(8));
        list.append(conflict);
    }
    if (query.lastError().isValid())
        return readError(tr("the sync conflicts"), query.lastError());
    return list;
}

Result<OpenConflict> ConflictResolver::openConflict(qint64 id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    const bool prepared = query.prepare(
        QStringLiteral("SELECT entity, entity_id, field, local_value, server_value, at "
                       "FROM sync_conflict WHERE id = ? AND resolved_at IS NULL"));
    query.addBindValue(id);
    if (!prepared || !query.exec())
        return readError(tr("the sync conflicts"), query.lastError());
    if (!query.next()) {
        if (query.lastError().isValid())
            return readError(tr("the sync conflicts"), query.lastError());
        return Error::notFound(tr("This conflict is no longer open."));
    }
    OpenConflict conflict;
    conflict.id = id;
    conflict.entity = query.value(0).toString();
    conflict.entityId = readId(query.value(1));
    conflict.field = query.value(2).toString();
    conflict.localValue = query.value(3).toString();
    conflict.serverValue = query.value(4).toString();
    conflict.at = readTime(query.value(5));
    return conflict;
}

Result<QList<RefusedChange>> ConflictResolver::refusedChanges() const
{
    QList<RefusedChange> list;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral(
            "SELECT seq, op_id, entity, entity_id, kind, payload, rejected_reason, rejected_at "
            "FROM outbox WHERE rejected_at IS NOT NULL ORDER BY seq")))
        return readError(tr("the refused changes"), query.lastError());
    while (query.next()) {
        RefusedChange change;
        change.seq = query.value(0).toLongLong();
        change.opId = query.value(1).toString();
        change.entity = query.value(2).toString();
        change.entityId = readId(query.value(3));
        change.kind = query.value(4).toString();
        change.reason = query.value(6).toString();
        change.rejectedAt = readTime(query.value(7));
        const Result<QString> address = householdAddress(change.entity, query.value(3).toString());
        if (!address)
            return address.error();
        change.address = *address;
        if (change.kind == u"update") {
            const QJsonObject payload
                = QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object();
            for (auto it = payload.begin(); it != payload.end(); ++it) {
                const QJsonArray values = it.value().toArray();
                change.fields.append({it.key(), jsonText(values.at(0)), jsonText(values.at(1))});
            }
        }
        list.append(change);
    }
    if (query.lastError().isValid())
        return readError(tr("the refused changes"), query.lastError());
    return list;
}

Result<QString> ConflictResolver::householdAddress(const QString &entity, const QString &id) const
{
    // Every synced record belongs to a household through household_id, or through a parent
    // record that has one (a recommendation's survey, a job item's job); stock has none.
    QString select;
    if (entity == u"household") {
        select = QStringLiteral("SELECT h.address_line1, h.postcode FROM household h "
                                "WHERE h.id = ?");
    } else if (const SyncedTable *table = syncedTable(entity)) {
        if (table->column(QStringLiteral("household_id"))) {
            select = QStringLiteral("SELECT h.address_line1, h.postcode FROM %1 t JOIN household "
                                    "h ON h.id = t.household_id WHERE t.%2 = ?")
                         .arg(table->name, table->key);
        }
        for (const SyncColumn &column : table->columns) {
            if (!select.isEmpty())
                break;
            const SyncedTable *parent
                = column.name.endsWith(u"_id") ? syncedTable(column.name.chopped(3)) : nullptr;
            if (parent && parent->column(QStringLiteral("household_id"))) {
                select = QStringLiteral("SELECT h.address_line1, h.postcode FROM %1 t JOIN %2 p "
                                        "ON p.%3 = t.%4 JOIN household h ON h.id = p.household_id "
                                        "WHERE t.%5 = ?")
                             .arg(table->name, parent->name, parent->key, column.name, table->key);
            }
        }
    }
    if (select.isEmpty())
        return QString();
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    const bool prepared = query.prepare(select);
    query.addBindValue(id);
    if (!prepared || !query.exec())
        return readError(tr("the household of a refused change"), query.lastError());
    if (!query.next()) {
        if (query.lastError().isValid())
            return readError(tr("the household of a refused change"), query.lastError());
        return QString(); // the household is not on this device
    }
    return addressOf(query.value(0), query.value(1));
}

Result<SyncSummary> ConflictResolver::summary() const
{
    SyncSummary summary;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(
            QStringLiteral("SELECT (SELECT count(*) FROM outbox WHERE rejected_at IS NULL), "
                           "(SELECT count(*) FROM outbox WHERE rejected_at IS NOT NULL), "
                           "(SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL), "
                           "(SELECT value FROM sync_state WHERE key = 'last_sync')"))
        || !query.next())
        return readError(tr("the sync state"), query.lastError());
    summary.pending = query.value(0).toInt();
    summary.refused = query.value(1).toInt();
    summary.openConflicts = query.value(2).toInt();
    summary.lastSync = readTime(query.value(3));
    return summary;
}

ConflictResolver::Resolution
ConflictResolver::resolve(const QList<std::pair<qint64, Choice>> &choices)
{
    QList<qint64> keep;
    QList<QUuid> households; // in the order first chosen
    QHash<QUuid, QList<OpenConflict>> mine;
    for (const auto &[id, choice] : choices) {
        const Result<OpenConflict> conflict = openConflict(id);
        if (!conflict)
            return {conflict.error(), id};
        if (choice == Choice::KeepServer) {
            keep.append(id);
            continue;
        }
        if (!mine.contains(conflict->entityId))
            households.append(conflict->entityId);
        mine[conflict->entityId].append(*conflict);
    }

    // Everything that can be checked before writing is checked for all choices first.
    HouseholdRepository repository(m_database, m_userName);
    for (const QUuid &household : std::as_const(households)) {
        const auto current = repository.find(household);
        if (!current && current.error().kind != Error::Kind::NotFound)
            return {current.error(), {}};
        for (const OpenConflict &conflict : mine.value(household)) {
            if (conflict.entity != u"household" || !current)
                return {Error::notFound(tr("This household is not on this device.")), conflict.id};
            const std::optional<HouseholdField> field = HouseholdFields::fromName(conflict.field);
            if (!field)
                return {Error::invalid(
                            tr("\u201c%1\u201d is not a household field.").arg(conflict.field)),
                        conflict.id};
            const Result<QString> check = HouseholdFields::check(*field, conflict.localValue);
            if (!check)
                return {check.error(), conflict.id};
            if (*check == HouseholdFields::value(current->household, current->resident, *field)) {
                return {Error::invalid(tr("This device still has your value: the server's "
                                          "value has not arrived yet. Sync, then choose again.")),
                        conflict.id};
            }
        }
    }
    for (const QUuid &household : std::as_const(households)) {
        const Resolution result = useMine(household, mine.value(household));
        if (!result.ok())
            return result;
    }
    return keepServer(keep);
}

ConflictResolver::Resolution ConflictResolver::useMine(const QUuid &householdId,
                                                       const QList<OpenConflict> &conflicts)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    if (!query.exec(kChoiceTable))
        return {writeError(tr("the chosen conflicts"), query.lastError()), conflicts.first().id};
    const ChoiceScope scope(db);
    if (!query.prepare(QStringLiteral("INSERT INTO temp.conflict_choice (id) VALUES (?)")))
        return {writeError(tr("the chosen conflicts"), query.lastError()), conflicts.first().id};
    // The latest conflict on a field decides its value; the trigger resolves them all.
    QList<std::pair<QString, QString>> assignments;
    QHash<QString, qsizetype> position;
    for (const OpenConflict &conflict : conflicts) {
        query.addBindValue(conflict.id);
        if (!query.exec())
            return {writeError(tr("the chosen conflicts"), query.lastError()), conflict.id};
        if (position.contains(conflict.field)) {
            assignments[position.value(conflict.field)].second = conflict.localValue;
        } else {
            position.insert(conflict.field, assignments.size());
            assignments.append({conflict.field, conflict.localValue});
        }
    }
    if (!query.exec(kResolveTrigger))
        return {writeError(tr("the chosen conflicts"), query.lastError()), conflicts.first().id};

    HouseholdRepository repository(m_database, m_userName);
    HouseholdService service(repository);
    const HouseholdService::Result saved = service.setFields(householdId, assignments);
    if (!saved.ok()) {
        qint64 about = conflicts.first().id;
        for (const OpenConflict &conflict : conflicts) {
            if (conflict.field == saved.field)
                about = conflict.id;
        }
        return {saved.status, about};
    }

    // A field that did not change wrote no audit event, so its conflict is still open.
    for (const OpenConflict &conflict : conflicts) {
        const Result<OpenConflict> stillOpen = openConflict(conflict.id);
        if (stillOpen) {
            return {Error::invalid(tr("The %1 of this household already had your value; "
                                      "nothing was changed.")
                                       .arg(conflict.field)),
                    conflict.id};
        }
        if (stillOpen.error().kind != Error::Kind::NotFound)
            return {stillOpen.error(), conflict.id};
    }
    return {};
}

ConflictResolver::Resolution ConflictResolver::keepServer(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return {};
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return {writeError(tr("the sync conflicts"), db.lastError()), ids.first()};
    const QString now = storeTimestamp();
    AuditLog audit(m_connectionName, m_userName, m_device);
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral(
            "UPDATE sync_conflict SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL"))) {
        const Error error = writeError(tr("the sync conflicts"), query.lastError());
        db.rollback();
        return {error, ids.first()};
    }
    for (const qint64 id : ids) {
        query.addBindValue(now);
        query.addBindValue(id);
        if (!query.exec() || query.numRowsAffected() != 1) {
            const Error error = query.lastError().isValid()
                ? writeError(tr("the sync conflicts"), query.lastError())
                : Error::notFound(tr("This conflict is no longer open."));
            db.rollback();
            return {error, id};
        }
        const Status audited
            = audit.record(QStringLiteral("sync_conflict"), QString::number(id),
                           QStringLiteral("resolved"), {}, QStringLiteral("server"), now);
        if (!audited) {
            db.rollback();
            return {audited.error(), id};
        }
    }
    if (!db.commit()) {
        const Error error = writeError(tr("the sync conflicts"), db.lastError());
        db.rollback();
        return {error, ids.first()};
    }
    return {};
}

Status ConflictResolver::discardRefused(qint64 seq)
{
    const QString what = tr("the refused change");
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return writeError(what, db.lastError());
    const auto rollback = [&](const Error &error) -> Status {
        db.rollback();
        return error;
    };
    QSqlQuery query(db);
    // A statement that cannot be prepared (a missing table) says so, not "parameter count".
    const bool prepared = query.prepare(
        QStringLiteral("SELECT op_id, entity, entity_id, kind, payload, rejected_reason "
                       "FROM outbox WHERE seq = ? AND rejected_at IS NOT NULL"));
    query.addBindValue(seq);
    if (!prepared || !query.exec())
        return rollback(readError(what, query.lastError()));
    if (!query.next()) {
        if (query.lastError().isValid())
            return rollback(readError(what, query.lastError()));
        return rollback(Error::notFound(tr("There is no such refused change.")));
    }
    const QString opId = query.value(0).toString();
    // What was discarded, in full, so that the audit trail can tell.
    const QJsonObject discarded {
        {QStringLiteral("entity"), query.value(1).toString()},
        {QStringLiteral("entity_id"), query.value(2).toString()},
        {QStringLiteral("kind"), query.value(3).toString()},
        {QStringLiteral("payload"),
         QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object()},
        {QStringLiteral("reason"), query.value(5).toString()},
    };
    query.finish();
    if (!query.prepare(QStringLiteral("DELETE FROM outbox WHERE seq = ?")))
        return rollback(writeError(what, query.lastError()));
    query.addBindValue(seq);
    if (!query.exec())
        return rollback(writeError(what, query.lastError()));
    AuditLog audit(m_connectionName, m_userName, m_device);
    const Status audited
        = audit.record(QStringLiteral("outbox"), opId, QStringLiteral("discarded"),
                       QString::fromUtf8(QJsonDocument(discarded).toJson(QJsonDocument::Compact)),
                       {}, storeTimestamp());
    if (!audited)
        return rollback(audited.error());
    if (!db.commit())
        return rollback(writeError(what, db.lastError()));
    return {};
}

} // namespace saferhomes
