#include "syncengine.h"

#include "store/auditlog.h"
#include "store/database.h"
#include "store/householdsearch.h"
#include "synclog.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SyncEngine", text);
}

const QString kCursor = QStringLiteral("cursor");
const QString kServer = QStringLiteral("server");
const QString kLastSync = QStringLiteral("last_sync");
/// The cursor before the first pull: every row.
const QString kFirstCursor = QStringLiteral("0");
const QString kNilUuid = QStringLiteral("00000000-0000-0000-0000-000000000000");
constexpr int kPageSize = 1000;

/// The payload of a household's create op: the row as it is when pushed, with its primary
/// resident and the area by name.
const QString kHouseholdPayloadSelect = QStringLiteral(
    "SELECT json_object('household', json_object('uprn', h.uprn, 'address_line1', "
    "h.address_line1, 'address_line2', h.address_line2, 'town', h.town, 'postcode', h.postcode, "
    "'latitude', h.latitude, 'longitude', h.longitude, 'area', a.name, 'eligibility', "
    "h.eligibility, 'status', h.status, 'priority', h.priority, 'notes', h.notes, 'created_at', "
    "h.created_at, 'updated_at', h.updated_at), 'resident', CASE WHEN r.id IS NOT NULL THEN "
    "json_object('id', r.id, 'name', r.name, 'phone', r.phone, 'email', r.email, 'created_at', "
    "r.created_at) END) FROM household h LEFT JOIN area a ON a.id = h.area_id "
    "LEFT JOIN resident r ON r.household_id = h.id AND r.is_primary = 1 WHERE h.id = ?");

/// A PostgreSQL timestamptz as the local store writes times (ISO 8601 UTC, milliseconds).
QString pgTime(const QString &column)
{
    return QStringLiteral("to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
        .arg(column);
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

} // namespace

SyncEngine::SyncEngine(const Database &database, QString userName)
    : m_connectionName(database.connectionName())
    , m_userName(std::move(userName))
{ }

bool SyncEngine::fail(SyncResult &result, const QString &message)
{
    result.error = message;
    qCDebug(lcSync) << message;
    return false;
}

bool SyncEngine::failCentral(SyncResult &result, const CentralConnection &central)
{
    result.unreachable = central.failure() == CentralConnection::Failure::Unreachable;
    return fail(result, central.errorString());
}

QString SyncEngine::state(const QString &key) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    query.addBindValue(key);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return {};
}

bool SyncEngine::setState(const QString &key, const QString &value)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(key);
    query.addBindValue(value);
    return query.exec();
}

int SyncEngine::pendingCount() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (query.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE rejected_at IS NULL"))
        && query.next())
        return query.value(0).toInt();
    return -1;
}

QList<SyncConflict> SyncEngine::conflicts() const
{
    QList<SyncConflict> list;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.exec(QStringLiteral("SELECT entity, entity_id, field, local_value, server_value, at "
                              "FROM sync_conflict WHERE resolved_at IS NULL ORDER BY id"));
    while (query.next()) {
        list.append({query.value(0).toString(), query.value(1).toString(),
                     query.value(2).toString(), query.value(3).toString(),
                     query.value(4).toString(), query.value(5).toString()});
    }
    return list;
}

QList<SyncRejection> SyncEngine::rejections() const
{
    QList<SyncRejection> list;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.exec(QStringLiteral("SELECT op_id, entity, entity_id, kind, rejected_reason FROM outbox "
                              "WHERE rejected_at IS NOT NULL ORDER BY seq"));
    while (query.next()) {
        list.append({query.value(0).toString(), query.value(1).toString(),
                     query.value(2).toString(), query.value(3).toString(),
                     query.value(4).toString()});
    }
    return list;
}

SyncResult SyncEngine::run(const QString &uri)
{
    SyncResult result;
    QString error;
    const std::optional<CentralConnection::Address> address
        = CentralConnection::parseUri(uri, &error);
    if (!address) {
        result.badAddress = true;
        fail(result, error);
        return result;
    }
    CentralConnection central(QStringLiteral("saferhomes-sync-") + m_connectionName);
    if (!central.open(*address,
                      m_password.isEmpty() ? qEnvironmentVariable("PGPASSWORD") : m_password)) {
        failCentral(result, central);
        return result;
    }
    {
        // A stuck transaction must not hold the watermark back for everyone (DESIGN §7).
        QSqlQuery query(central.connection());
        if (!query.exec(QStringLiteral("SET idle_in_transaction_session_timeout = '60s'"))) {
            central.fail(tr("cannot set up the session"), query.lastError());
            failCentral(result, central);
            return result;
        }
    }
    // Another server's cursor means nothing here: start from the beginning.
    if (state(kServer) != address->display()) {
        if (!setState(kServer, address->display()) || !setState(kCursor, kFirstCursor)) {
            fail(result, tr("cannot record the sync state"));
            return result;
        }
    }
    if (!push(central, result))
        return result;
    if (pendingCount() == 0 && !pull(central, result))
        return result;
    setState(kLastSync, storeTimestamp());
    return result;
}

bool SyncEngine::push(CentralConnection &central, SyncResult &result)
{
    QSqlDatabase local = QSqlDatabase::database(m_connectionName, false);
    for (;;) {
        QSqlQuery read(local);
        read.prepare(
            QStringLiteral("SELECT seq, op_id, entity, entity_id, kind, payload FROM outbox "
                           "WHERE rejected_at IS NULL ORDER BY seq LIMIT ?"));
        read.addBindValue(kBatchSize);
        if (!read.exec())
            return fail(result, tr("cannot read the outbox: %1").arg(read.lastError().text()));
        QList<qint64> seqs;
        QJsonArray ops;
        QSqlQuery row(local);
        row.prepare(kHouseholdPayloadSelect);
        while (read.next()) {
            seqs.append(read.value(0).toLongLong());
            const QString entity = read.value(2).toString();
            const QString entityId = read.value(3).toString();
            const QString kind = read.value(4).toString();
            QJsonObject payload
                = QJsonDocument::fromJson(read.value(5).toString().toUtf8()).object();
            // A household's create op leaves the row to be read now (HouseholdRepository::insert).
            if (kind == QStringLiteral("create") && entity == QStringLiteral("household")
                && payload.isEmpty()) {
                row.addBindValue(entityId);
                if (!row.exec() || !row.next()) {
                    return fail(result,
                                tr("cannot read household %1 to send it: %2")
                                    .arg(entityId, row.lastError().text()));
                }
                payload = QJsonDocument::fromJson(row.value(0).toString().toUtf8()).object();
                row.finish();
            }
            ops.append(QJsonObject {
                {QStringLiteral("op_id"), read.value(1).toString()},
                {QStringLiteral("entity"), entity},
                {QStringLiteral("entity_id"), entityId},
                {QStringLiteral("kind"), kind},
                {QStringLiteral("payload"), payload},
            });
        }
        read.finish();
        if (seqs.isEmpty())
            return true;

        QSqlQuery query(central.connection());
        query.prepare(QStringLiteral("SELECT CAST(sh_push(CAST(? AS jsonb)) AS text)"));
        query.addBindValue(QString::fromUtf8(QJsonDocument(ops).toJson(QJsonDocument::Compact)));
        if (!query.exec() || !query.next()) {
            central.fail(tr("the central database did not take the changes"), query.lastError());
            return failCentral(result, central);
        }
        const QJsonArray answers
            = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).array();
        if (answers.size() != ops.size()) {
            return fail(result,
                        tr("the central database answered %1 results for %2 changes")
                            .arg(answers.size())
                            .arg(ops.size()));
        }
        if (!applyPushAnswer(seqs, ops, answers, result))
            return false;
    }
}

bool SyncEngine::applyPushAnswer(const QList<qint64> &seqs, const QJsonArray &ops,
                                 const QJsonArray &answers, SyncResult &result)
{
    QSqlDatabase local = QSqlDatabase::database(m_connectionName, false);
    if (!local.transaction())
        return fail(result, local.lastError().text());
    const QString now = storeTimestamp();
    QSqlQuery remove(local);
    remove.prepare(QStringLiteral("DELETE FROM outbox WHERE seq = ?"));
    QSqlQuery reject(local);
    reject.prepare(
        QStringLiteral("UPDATE outbox SET rejected_at = ?, rejected_reason = ? WHERE seq = ?"));
    QSqlQuery conflict(local);
    conflict.prepare(QStringLiteral(
        "INSERT INTO sync_conflict (op_id, entity, entity_id, field, local_value, server_value, "
        "at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    int pushed = 0;
    int conflicts = 0;
    QList<SyncRejection> rejected;
    const auto rollback = [&](const QSqlQuery &query) {
        local.rollback();
        return fail(result, query.lastError().text());
    };
    for (qsizetype i = 0; i < seqs.size(); ++i) {
        const QJsonObject op = ops[i].toObject();
        const QJsonObject answer = answers[i].toObject();
        if (answer.value(QStringLiteral("status")).toString() == QStringLiteral("applied")) {
            remove.addBindValue(seqs[i]);
            if (!remove.exec())
                return rollback(remove);
            ++pushed;
            const QJsonArray fields = answer.value(QStringLiteral("conflicts")).toArray();
            for (const QJsonValue &value : fields) {
                const QJsonObject field = value.toObject();
                conflict.addBindValue(op.value(QStringLiteral("op_id")).toString());
                conflict.addBindValue(op.value(QStringLiteral("entity")).toString());
                conflict.addBindValue(op.value(QStringLiteral("entity_id")).toString());
                conflict.addBindValue(field.value(QStringLiteral("field")).toString());
                conflict.addBindValue(jsonText(field.value(QStringLiteral("local"))));
                conflict.addBindValue(jsonText(field.value(QStringLiteral("server"))));
                conflict.addBindValue(now);
                if (!conflict.exec())
                    return rollback(conflict);
                ++conflicts;
            }
        } else {
            QString reason = answer.value(QStringLiteral("reason")).toString();
            if (reason.isEmpty())
                reason = tr("refused by the central database");
            reject.addBindValue(now);
            reject.addBindValue(reason);
            reject.addBindValue(seqs[i]);
            if (!reject.exec())
                return rollback(reject);
            rejected.append({op.value(QStringLiteral("op_id")).toString(),
                             op.value(QStringLiteral("entity")).toString(),
                             op.value(QStringLiteral("entity_id")).toString(),
                             op.value(QStringLiteral("kind")).toString(), reason});
        }
    }
    if (!local.commit()) {
        local.rollback();
        return fail(result, local.lastError().text());
    }
    result.pushed += pushed;
    result.conflicts += conflicts;
    result.rejected.append(rejected);
    return true;
}

bool SyncEngine::pull(CentralConnection &central, SyncResult &result)
{
    QSqlDatabase db = central.connection();
    QSqlQuery query(db);
    const auto failed = [&](const QString &what) {
        central.fail(what, query.lastError());
        db.rollback();
        return failCentral(result, central);
    };
    if (!db.transaction())
        return failCentral(result, central);
    if (!query.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")))
        return failed(tr("cannot start the download"));
    if (!query.exec(QStringLiteral("SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text), "
                                   "has_column_privilege('household', 'eligibility', 'SELECT')"))
        || !query.next())
        return failed(tr("cannot read the watermark"));
    const QString watermark = query.value(0).toString();
    const bool eligibility = query.value(1).toBool();
    m_readsEligibility = eligibility;
    QString cursor = state(kCursor);
    if (cursor.isEmpty())
        cursor = kFirstCursor;

    QList<QVariantList> areas;
    if (!query.exec(QStringLiteral("SELECT CAST(id AS text), name, target_homes, budget_pence, %1 "
                                   "FROM area WHERE deleted_at IS NULL")
                        .arg(pgTime(QStringLiteral("created_at")))))
        return failed(tr("cannot read the areas"));
    while (query.next())
        areas.append(
            {query.value(0), query.value(1), query.value(2), query.value(3), query.value(4)});

    // Rows with txid in [cursor, watermark), paged by (txid, id).
    const auto readPages = [&](const QString &select, int columns, QList<QVariantList> &rows) {
        QString lastTxid = cursor;
        QString lastId = kNilUuid;
        for (;;) {
            query.prepare(select
                          + QStringLiteral(" WHERE t.txid >= CAST(? AS xid8) AND t.txid < CAST(? "
                                           "AS xid8) AND (t.txid, t.id) > (CAST(? AS xid8), "
                                           "CAST(? AS uuid)) ORDER BY t.txid, t.id LIMIT %1")
                                .arg(kPageSize));
            query.addBindValue(cursor);
            query.addBindValue(watermark);
            query.addBindValue(lastTxid);
            query.addBindValue(lastId);
            if (!query.exec())
                return false;
            int count = 0;
            while (query.next()) {
                QVariantList row;
                for (int c = 0; c < columns; ++c)
                    row.append(query.value(c + 2));
                rows.append(row);
                lastTxid = query.value(0).toString();
                lastId = query.value(1).toString();
                ++count;
            }
            if (count < kPageSize)
                return true;
        }
    };
    QList<QVariantList> households;
    const QString householdSelect
        = QStringLiteral("SELECT CAST(t.txid AS text), CAST(t.id AS text), CAST(t.id AS text), "
                         "t.uprn, t.address_line1, t.address_line2, t.town, t.postcode, "
                         "t.latitude, t.longitude, a.name, %1, t.status, t.priority, t.notes, "
                         "%2, %3, %4 FROM household t LEFT JOIN area a ON a.id = t.area_id")
              .arg(eligibility ? QStringLiteral("t.eligibility") : QStringLiteral("''"),
                   pgTime(QStringLiteral("t.created_at")), pgTime(QStringLiteral("t.updated_at")),
                   pgTime(QStringLiteral("t.deleted_at")));
    if (!readPages(householdSelect, 16, households))
        return failed(tr("cannot read the households"));
    if (m_progress)
        m_progress(households.size(), 0);
    QList<QVariantList> residents;
    const QString residentSelect
        = QStringLiteral("SELECT CAST(t.txid AS text), CAST(t.id AS text), CAST(t.id AS text), "
                         "CAST(t.household_id AS text), t.name, t.phone, t.email, "
                         "t.preferred_contact, t.language, t.access_needs, "
                         "CASE WHEN t.is_primary THEN 1 ELSE 0 END, %1 FROM resident t")
              .arg(pgTime(QStringLiteral("t.created_at")));
    if (!readPages(residentSelect, 10, residents))
        return failed(tr("cannot read the residents"));
    if (!db.commit())
        return failed(tr("cannot finish the download"));
    return applyPulled(areas, households, residents, watermark, result);
}

bool SyncEngine::applyPulled(const QList<QVariantList> &areas,
                             const QList<QVariantList> &households,
                             const QList<QVariantList> &residents, const QString &cursor,
                             SyncResult &result)
{
    QSqlDatabase local = QSqlDatabase::database(m_connectionName, false);
    if (!local.transaction())
        return fail(result, local.lastError().text());
    QSqlQuery query(local);
    const auto rollback = [&](const QSqlQuery &failed) {
        const QString message = failed.lastError().text();
        local.rollback();
        return fail(result, tr("cannot store the downloaded changes: %1").arg(message));
    };

    // Areas are matched by name: one made here before it reached the server keeps its id.
    query.prepare(QStringLiteral("INSERT INTO area (id, name, target_homes, budget_pence, "
                                 "created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    for (const QVariantList &area : areas) {
        for (const QVariant &value : area)
            query.addBindValue(value);
        if (!query.exec())
            return rollback(query);
    }
    QHash<QString, QString> areaIds;
    if (!query.exec(QStringLiteral("SELECT name, id FROM area")))
        return rollback(query);
    while (query.next())
        areaIds.insert(query.value(0).toString(), query.value(1).toString());

    // The households whose quick-find text may change: take out their old entries first (the
    // index keeps no copy of its text), put the new ones in at the end.
    if (!query.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS sync_touched "
                                   "(id TEXT PRIMARY KEY)"))
        || !query.exec(QStringLiteral("DELETE FROM temp.sync_touched")))
        return rollback(query);
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO temp.sync_touched (id) VALUES (?)"));
    for (const QVariantList &row : households) {
        query.addBindValue(row[0]);
        if (!query.exec())
            return rollback(query);
    }
    for (const QVariantList &row : residents) {
        query.addBindValue(row[1]);
        if (!query.exec())
            return rollback(query);
    }
    const QString touched = QStringLiteral("WHERE h.id IN (SELECT id FROM temp.sync_touched)");
    if (!query.exec(QStringLiteral("INSERT INTO household_fts (household_fts, rowid, search_text) "
                                   "SELECT 'delete', s.* FROM (")
                    + householdSearchTextSelect() + touched + QStringLiteral(") s")))
        return rollback(query);

    // Upsert by id; a row already here keeps its local key (rid). Pulled changes make no
    // outbox entries: they are the server's already.
    query.prepare(
        QStringLiteral("INSERT INTO household (id, uprn, address_line1, address_line2, town, "
                       "postcode, latitude, longitude, area_id, eligibility, status, priority, "
                       "notes, created_at, updated_at, deleted_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (id) DO UPDATE SET uprn = excluded.uprn, "
                       "address_line1 = excluded.address_line1, "
                       "address_line2 = excluded.address_line2, town = excluded.town, "
                       "postcode = excluded.postcode, latitude = excluded.latitude, "
                       "longitude = excluded.longitude, area_id = excluded.area_id, %1"
                       "status = excluded.status, priority = excluded.priority, "
                       "notes = excluded.notes, updated_at = excluded.updated_at, "
                       "deleted_at = excluded.deleted_at")
            // Someone who may not read eligibility keeps what this device has.
            .arg(m_readsEligibility ? QStringLiteral("eligibility = excluded.eligibility, ")
                                    : QString()));
    for (const QVariantList &row : households) {
        for (int c = 0; c < row.size(); ++c) {
            if (c == 8) { // the area, by name
                const QString name = row[c].toString();
                query.addBindValue(name.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                  : QVariant(areaIds.value(name)));
            } else {
                query.addBindValue(row[c]);
            }
        }
        if (!query.exec())
            return rollback(query);
    }
    query.prepare(QStringLiteral(
        "INSERT INTO resident (id, household_id, name, phone, email, preferred_contact, "
        "language, access_needs, is_primary, created_at) "
        "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM household WHERE id = ?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, "
        "email = excluded.email, preferred_contact = excluded.preferred_contact, "
        "language = excluded.language, access_needs = excluded.access_needs, "
        "is_primary = excluded.is_primary"));
    for (const QVariantList &row : residents) {
        for (const QVariant &value : row)
            query.addBindValue(value);
        query.addBindValue(row[1]);
        if (!query.exec())
            return rollback(query);
    }
    if (!query.exec(QStringLiteral("INSERT INTO household_fts (rowid, search_text) ")
                    + householdSearchTextSelect() + touched))
        return rollback(query);
    if (!setState(kCursor, cursor))
        return rollback(query);
    if (!local.commit()) {
        local.rollback();
        return fail(result, local.lastError().text());
    }
    result.pulled += int(households.size() + residents.size());
    if (m_progress)
        m_progress(result.pulled, result.pulled);
    return true;
}

} // namespace saferhomes
