#include "syncengine.h"

#include "store/auditlog.h"
#include "store/database.h"
#include "store/householdsearch.h"
#include "store/migrations.h"
#include "store/solewritermode.h"
#include "store/sqlitestatement.h"
#include "syncedtables.h"
#include "synclog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QVersionNumber>

#include <algorithm>
#include <optional>

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
const QString kAreas = QStringLiteral("areas");
/// Rows per table per download call of the changes since the last sync; rows held in memory
/// at a time by a streamed download (the first one, or a newly gained area).
constexpr int kPageSize = 1000;
constexpr int kStreamBatch = 5000;

QVersionNumber clientVersion()
{
    return QVersionNumber::fromString(QStringLiteral(SAFERHOMES_VERSION));
}

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

/// A timestamptz as text in the session's UTC (sh_hello sets it), e.g. "2026-11-24
/// 09:30:00.123456+00", as the local store writes times: "2026-11-24T09:30:00.123Z".
QString storeTime(const QString &server)
{
    if (server.size() < 19)
        return server;
    QString time = server.left(19);
    time[10] = u'T';
    QString fraction = QStringLiteral("000");
    if (server.size() > 20 && server[19] == u'.') {
        for (qsizetype i = 20, d = 0; i < server.size() && d < 3 && server[i].isDigit(); ++i, ++d)
            fraction[d] = server[i];
    }
    return time + u'.' + fraction + u'Z';
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
    , m_device(database.deviceId())
    , m_userName(std::move(userName))
{ }

SyncEngine::~SyncEngine() = default;
SyncEngine::SyncEngine(SyncEngine &&) noexcept = default;
SyncEngine &SyncEngine::operator=(SyncEngine &&) noexcept = default;

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

/// What the server said in sh_hello(): its versions, who we are, where we work and what we may
/// read.
struct SyncEngine::Hello {
    int schemaVersion = 0;
    QString role;
    /// The user's areas by id, with their names; empty for roles not bound to areas.
    QMap<QString, QString> areas;
    QHash<QString, QStringList> readable; ///< per table, the columns the user may read
    /// The synced tables this user downloads, with the columns they may read.
    QList<std::pair<const SyncedTable *, QList<SyncColumn>>> tables;
};

/// One table's rows in one download page, as the server sent them.
struct SyncEngine::TablePage {
    const SyncedTable *table = nullptr;
    QList<SyncColumn> columns;
    QList<QVariantList> rows; ///< the columns' values
    QList<bool> deleted; ///< per row: soft-deleted on the server (softDeletes tables)
};

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
    const QString password = m_password.isEmpty() ? qEnvironmentVariable("PGPASSWORD") : m_password;
    // The connection stays open between syncs on the same engine: a sync then costs the
    // greeting, the push (when there is something to send) and the pull, and no set-up.
    const QString key = uri + QChar(u'\n') + password;
    Hello greeting;
    bool greeted = false;
    if (m_central && m_centralKey == key && m_central->connection().isOpen()) {
        greeted = hello(*m_central, greeting, result);
        if (!greeted && !result.unreachable)
            return result;
        result = {}; // a connection that went stale meanwhile: open a new one below
    }
    if (!greeted) {
        m_central.reset();
        auto central = std::make_unique<CentralConnection>(QStringLiteral("saferhomes-sync-")
                                                           + m_connectionName);
        if (!central->open(*address, password)) {
            failCentral(result, *central);
            return result;
        }
        if (!hello(*central, greeting, result))
            return result;
        m_central = std::move(central);
        m_centralKey = key;
    }
    CentralConnection &central = *m_central;
    // Another server's cursor means nothing here: start from the beginning.
    if (state(kServer) != address->display()) {
        if (!setState(kServer, address->display()) || !setState(kCursor, kFirstCursor)
            || !setState(kAreas, QStringLiteral(""))) {
            fail(result, tr("cannot record the sync state"));
            return result;
        }
    }
    const bool ok
        = push(central, result) && (pendingCount() != 0 || pull(central, greeting, result));
    if (!ok) {
        // Whatever state the connection is in (a transaction cut short, a server gone), the
        // next sync starts on a new one.
        m_central.reset();
        return result;
    }
    setState(kLastSync, storeTimestamp());
    if (m_scrub)
        scrubFiles();
    return result;
}

bool SyncEngine::hello(CentralConnection &central, Hello &hello, SyncResult &result)
{
    QSqlQuery query(central.connection());
    if (!query.exec(QStringLiteral("SELECT CAST(sh_hello() AS text)")) || !query.next()) {
        // 42883: undefined function, a server from before the handshake.
        if (query.lastError().nativeErrorCode() == QStringLiteral("42883")) {
            return fail(result,
                        tr("the central database has an older schema than this version of "
                           "SaferHomes needs: ask an administrator to run `saferhomes-cli admin "
                           "init-server`"));
        }
        central.fail(tr("the central database did not answer the greeting"), query.lastError());
        return failCentral(result, central);
    }
    const QJsonObject json = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
    hello.schemaVersion = json.value(QStringLiteral("schema_version")).toInt();
    const int known = int(Migrations::scripts(QStringLiteral("postgres")).size());
    if (hello.schemaVersion > known) {
        return fail(result,
                    tr("the central database has schema %1, newer than this version of "
                       "SaferHomes understands (%2): update SaferHomes")
                        .arg(hello.schemaVersion)
                        .arg(known));
    }
    if (hello.schemaVersion < known) {
        return fail(result,
                    tr("the central database has schema %1, older than this version of "
                       "SaferHomes needs (%2): ask an administrator to run "
                       "`saferhomes-cli admin init-server`")
                        .arg(hello.schemaVersion)
                        .arg(known));
    }
    const QString minimum = json.value(QStringLiteral("min_client_version")).toString();
    if (QVersionNumber::fromString(minimum) > clientVersion()) {
        return fail(result,
                    tr("this version of SaferHomes (%1) is older than the central "
                       "database accepts (%2 or newer): update SaferHomes")
                        .arg(clientVersion().toString(), minimum));
    }
    hello.role = json.value(QStringLiteral("role")).toString();
    const QJsonArray areas = json.value(QStringLiteral("areas")).toArray();
    for (const QJsonValue &area : areas) {
        const QJsonObject object = area.toObject();
        hello.areas.insert(object.value(QStringLiteral("id")).toString(),
                           object.value(QStringLiteral("name")).toString());
    }
    const QJsonObject readable = json.value(QStringLiteral("readable")).toObject();
    for (auto it = readable.begin(); it != readable.end(); ++it) {
        QStringList columns;
        for (const QJsonValue &column : it.value().toArray())
            columns.append(column.toString());
        hello.readable.insert(it.key(), columns);
    }
    for (const SyncedTable &table : syncedTables()) {
        const QStringList readableColumns = hello.readable.value(table.name);
        QList<SyncColumn> columns;
        bool usable = true;
        for (const SyncColumn &column : table.columns) {
            if (readableColumns.contains(column.name))
                columns.append(column);
            else if (column.required)
                usable = false;
        }
        if (table.softDeletes && !readableColumns.contains(QStringLiteral("deleted_at")))
            usable = false;
        if (usable)
            hello.tables.append({&table, columns});
    }
    return true;
}

namespace {

/// The server-side expression for \a column of the row `t`.
QString serverExpression(const SyncColumn &column)
{
    const QString c = QStringLiteral("t.") + column.name;
    switch (column.kind) {
    case SyncColumnKind::Text: return QStringLiteral("CAST(%1 AS text)").arg(c);
    case SyncColumnKind::Time: return QStringLiteral("CAST(%1 AS text)").arg(c);
    case SyncColumnKind::Clock: return QStringLiteral("to_char(%1, 'HH24:MI')").arg(c);
    case SyncColumnKind::Bytes: return QStringLiteral("encode(%1, 'hex')").arg(c);
    case SyncColumnKind::AreaName: return QStringLiteral("CAST(%1 AS text)").arg(c);
    case SyncColumnKind::Bool:
    case SyncColumnKind::Integer:
    case SyncColumnKind::Real:
    case SyncColumnKind::Json: return c;
    }
    return c;
}

/// A value from the server (a JSON value's variant, or a column of a streamed row) as the
/// local store keeps it.
QVariant localValue(const SyncColumn &column, const QVariant &value,
                    const QHash<QString, QString> &areaIds)
{
    const QVariant null(QMetaType::fromType<QString>());
    if (value.isNull() || !value.isValid())
        return null;
    switch (column.kind) {
    case SyncColumnKind::Text:
    case SyncColumnKind::Clock: return value.toString();
    case SyncColumnKind::Time: return storeTime(value.toString());
    case SyncColumnKind::Bool: return value.toBool() ? 1 : 0;
    case SyncColumnKind::Integer: return value.toLongLong();
    case SyncColumnKind::Real: return value.toDouble();
    case SyncColumnKind::Bytes: return QByteArray::fromHex(value.toString().toLatin1());
    case SyncColumnKind::Json:
        if (value.typeId() == QMetaType::QString)
            return value;
        return QString::fromUtf8(QJsonDocument::fromVariant(value).toJson(QJsonDocument::Compact));
    case SyncColumnKind::AreaName:
        return areaIds.contains(value.toString()) ? QVariant(areaIds.value(value.toString()))
                                                  : null;
    }
    return null;
}

/// \a ids as an SQL list of uuid literals (each checked to be a UUID).
QString uuidList(const QStringList &ids)
{
    QStringList literals;
    for (const QString &id : ids) {
        const QUuid uuid = QUuid::fromString(id);
        if (!uuid.isNull())
            literals.append(QStringLiteral("'%1'::uuid").arg(uuid.toString(QUuid::WithoutBraces)));
    }
    return literals.isEmpty() ? QStringLiteral("NULL::uuid") : literals.join(QLatin1Char(','));
}

/// Turns foreign key checks off for the lifetime of the object (outside any transaction).
/// Pulled rows may refer to rows this user may not read (a volunteer's job names a fitter);
/// the central database has checked them.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(const QSqlDatabase &db)
        : m_query(db)
    {
        m_query.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    }
    ~ForeignKeysOff() { m_query.exec(QStringLiteral("PRAGMA foreign_keys = ON")); }
    ForeignKeysOff(const ForeignKeysOff &) = delete;
    ForeignKeysOff &operator=(const ForeignKeysOff &) = delete;

private:
    QSqlQuery m_query;
};

/// Sets a connection PRAGMA for the lifetime of the object and then restores it.
class LocalPragma {
public:
    LocalPragma(const QSqlDatabase &db, QString name, const QString &value)
        : m_query(db)
        , m_name(std::move(name))
    {
        if (m_query.exec(QStringLiteral("PRAGMA ") + m_name) && m_query.next())
            m_saved = m_query.value(0).toString();
        m_query.finish();
        m_query.exec(QStringLiteral("PRAGMA %1 = %2").arg(m_name, value));
    }
    ~LocalPragma()
    {
        if (!m_saved.isEmpty())
            m_query.exec(QStringLiteral("PRAGMA %1 = %2").arg(m_name, m_saved));
    }
    LocalPragma(const LocalPragma &) = delete;
    LocalPragma &operator=(const LocalPragma &) = delete;

private:
    QSqlQuery m_query;
    QString m_name;
    QString m_saved;
};

/// Officers, volunteers and coordinators see the households of their areas.
bool isAreaRole(const QString &role)
{
    return role == u"sh_volunteer" || role == u"sh_officer" || role == u"sh_coordinator";
}

bool isXid(const QString &text)
{
    return !text.isEmpty()
        && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

} // namespace

bool SyncEngine::pull(CentralConnection &central, const Hello &hello, SyncResult &result)
{
    QString watermark;
    const QString cursor = state(kCursor);
    // The first download streams everything in big transactions; later ones page the changes.
    QList<std::pair<QString, QString>> moves;
    const bool ok = !isXid(cursor) || cursor == kFirstCursor
        ? stream(central, hello, {}, watermark, result)
        : download(central, hello, watermark, moves, result);
    if (!ok || !applyMoves(central, hello, moves, watermark, result)
        || !applyScope(central, hello, watermark, result)
        || !fetchOrphans(central, hello, watermark, result) || !dropFinishedJobs(hello, result))
        return false;
    return setState(kCursor, watermark) || fail(result, tr("cannot record the sync state"));
}

bool SyncEngine::stream(CentralConnection &central, const Hello &hello, const QString &households,
                        QString &watermark, SyncResult &result)
{
    QSqlDatabase db = central.connection();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const auto failed = [&](const QString &what) {
        central.fail(what, query.lastError());
        db.rollback();
        return failCentral(result, central);
    };
    // One snapshot for every table, read once, forward only.
    if (!db.transaction())
        return failCentral(result, central);
    if (!query.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")))
        return failed(tr("cannot start the download"));
    if (watermark.isEmpty()) {
        if (!query.exec(
                QStringLiteral("SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text)"))
            || !query.next())
            return failed(tr("cannot read the watermark"));
        watermark = query.value(0).toString();
    }
    if (!isXid(watermark))
        return fail(result, tr("the central database sent a watermark that is not a number"));
    const QString upper = QStringLiteral("t.txid < CAST('%1' AS xid8)").arg(watermark);
    QList<QVariantList> areas;
    if (!query.exec(QStringLiteral("SELECT CAST(a.id AS text), a.name, a.target_homes, "
                                   "a.budget_pence, %1 FROM area a WHERE a.deleted_at IS NULL")
                        .arg(QStringLiteral("CAST(a.created_at AS text)"))))
        return failed(tr("cannot read the areas"));
    while (query.next())
        areas.append(
            {query.value(0), query.value(1), query.value(2), query.value(3), query.value(4)});
    qint64 total = 0;
    if (m_progress) {
        const QString where = households.isEmpty()
            ? upper
            : upper + QStringLiteral(" AND t.id IN (%1)").arg(households);
        if (!query.exec(QStringLiteral("SELECT count(*) FROM household t WHERE ") + where)
            || !query.next())
            return failed(tr("cannot count the households"));
        total = query.value(0).toLongLong();
        m_progress(0, total);
    }
    // The pages a big download writes go to the WAL once and to the database once, at the
    // end, instead of being copied back after every transaction.
    QSqlDatabase local = QSqlDatabase::database(m_connectionName, false);
    // A first download with nothing else using the database (the command line) writes each
    // page once, through a rollback journal, instead of to the WAL and again at the checkpoint.
    std::optional<SoleWriterMode> soleWriter;
    if (households.isEmpty())
        soleWriter.emplace(m_connectionName);
    LocalPragma noCheckpoints(local, QStringLiteral("wal_autocheckpoint"), QStringLiteral("0"));
    ForeignKeysOff foreignKeysOff(local);
    QSqlQuery flag(local);
    // One local transaction per table, written as the rows arrive, a few thousand at a time.
    const auto beginTable = [&] {
        return local.transaction()
            && flag.exec(QStringLiteral("UPDATE sync_flag SET applying = 1"));
    };
    const auto endTable = [&] {
        return flag.exec(QStringLiteral("UPDATE sync_flag SET applying = 0")) && local.commit();
    };
    const auto abandon = [&](const QString &message) {
        local.rollback();
        db.rollback();
        if (!message.isEmpty())
            fail(result, tr("cannot store the downloaded rows: %1").arg(message));
        return false;
    };
    qint64 householdsDone = 0;
    QElapsedTimer phase;
    phase.start();
    for (const auto &[table, columns] : hello.tables) {
        if (!households.isEmpty() && table->householdPredicate.isEmpty())
            continue;
        QStringList selects;
        for (const SyncColumn &column : columns)
            selects.append(serverExpression(column));
        if (table->softDeletes)
            selects.append(QStringLiteral("t.deleted_at IS NOT NULL"));
        QString where = upper;
        if (!households.isEmpty())
            where += QStringLiteral(" AND ") + table->householdPredicate.arg(households);
        // In key order: the local unique index then grows at its end instead of all over.
        if (!query.exec(
                QStringLiteral("SELECT %1 FROM %2 t WHERE %3 ORDER BY t.%4")
                    .arg(selects.join(QStringLiteral(", ")), table->name, where, table->key))) {
            local.rollback();
            return failed(tr("cannot download the %1 rows").arg(table->name));
        }
        if (!beginTable())
            return abandon(local.lastError().text());
        TablePage page {table, columns, {}, {}};
        const qsizetype width = columns.size();
        const auto store = [&] {
            if (table->name == QStringLiteral("household"))
                householdsDone += page.rows.size();
            const bool ok = storePage(areas, {page}, result, true, true);
            page.rows.clear();
            page.deleted.clear();
            if (m_progress)
                m_progress(std::min(householdsDone, total), total);
            return ok;
        };
        while (query.next()) {
            QVariantList row;
            row.reserve(width);
            for (qsizetype c = 0; c < width; ++c)
                row.append(query.value(int(c)));
            page.rows.append(std::move(row));
            page.deleted.append(table->softDeletes && query.value(int(width)).toBool());
            if (page.rows.size() == kStreamBatch && !store())
                return abandon({});
        }
        if (query.lastError().isValid()) {
            local.rollback();
            return failed(tr("cannot download the %1 rows").arg(table->name));
        }
        if (!page.rows.isEmpty() && !store())
            return abandon({});
        if (!endTable())
            return abandon(local.lastError().text());
        qCDebug(lcSync) << "streamed" << table->name << "in" << phase.restart() << "ms";
    }
    query.finish();
    if (!db.commit())
        return failed(tr("cannot finish the download"));
    // The quick-find index, rebuilt once; then the WAL goes into the database file.
    if (!rebuildSearchIndex(result))
        return false;
    qCDebug(lcSync) << "rebuilt the quick-find index in" << phase.restart() << "ms";
    QSqlQuery(local).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    qCDebug(lcSync) << "checkpointed the WAL in" << phase.restart() << "ms";
    return true;
}

bool SyncEngine::rebuildSearchIndex(SyncResult &result)
{
    QSqlDatabase local = QSqlDatabase::database(m_connectionName, false);
    if (!local.transaction())
        return fail(result, local.lastError().text());
    QSqlQuery query(local);
    if (!query.exec(
            QStringLiteral("INSERT INTO household_fts (household_fts) VALUES ('delete-all')"))
        || !query.exec(QStringLiteral("INSERT INTO household_fts (rowid, search_text) ")
                       + householdSearchTextSelect())
        || !local.commit()) {
        const QString message
            = query.lastError().isValid() ? query.lastError().text() : local.lastError().text();
        local.rollback();
        return fail(result, tr("cannot rebuild the quick-find index: %1").arg(message));
    }
    return true;
}

bool SyncEngine::download(CentralConnection &central, const Hello &hello, QString &watermark,
                          QList<std::pair<QString, QString>> &moves, SyncResult &result)
{
    bool movesRead = false;
    QString cursor = state(kCursor);
    if (!isXid(cursor))
        cursor = kFirstCursor;
    const int pageSize = kPageSize;

    struct Progress {
        QString lastTxid;
        QString lastKey;
        bool more = true;
    };
    QList<Progress> progress;
    for (qsizetype i = 0; i < hello.tables.size(); ++i) {
        const SyncedTable *table = hello.tables[i].first;
        progress.append({cursor, table->key == QStringLiteral("id") ? kNilUuid : QString(), true});
    }
    qint64 done = 0;
    for (;;) {
        const QString upper = watermark.isEmpty()
            ? QStringLiteral("(SELECT x FROM w)")
            : QStringLiteral("CAST('%1' AS xid8)").arg(watermark);
        QStringList selects {QStringLiteral("CAST(%1 AS text)").arg(upper)};
        // The areas, every time: few rows, and households refer to them by name.
        selects.append(
            QStringLiteral("(SELECT coalesce(json_agg(json_build_array(CAST(a.id AS text), a.name, "
                           "a.target_homes, a.budget_pence, %1)), '[]') FROM area a WHERE "
                           "a.deleted_at IS NULL)")
                .arg(QStringLiteral("CAST(a.created_at AS text)")));
        // Households that changed area since the cursor (the first page brings them all).
        const bool withMoves = moves.isEmpty() && !movesRead;
        if (withMoves) {
            selects.append(
                QStringLiteral(
                    "(SELECT coalesce(json_agg(json_build_array(CAST(t.household_id AS text), "
                    "CAST(t.to_area AS text)) ORDER BY t.txid, t.id), '[]') FROM household_move t "
                    "WHERE t.txid >= CAST('%1' AS xid8) AND t.txid < %2)")
                    .arg(cursor, upper));
        }
        QList<qsizetype> active;
        for (qsizetype i = 0; i < hello.tables.size(); ++i) {
            if (!progress[i].more)
                continue;
            const SyncedTable *table = hello.tables[i].first;
            const QList<SyncColumn> &columns = hello.tables[i].second;
            QStringList inner {QStringLiteral("t.txid AS sync_txid"),
                               QStringLiteral("CAST(t.%1 AS text) AS sync_key").arg(table->key)};
            QStringList outer {QStringLiteral("CAST(p.sync_txid AS text)"),
                               QStringLiteral("p.sync_key")};
            for (qsizetype c = 0; c < columns.size(); ++c) {
                inner.append(QStringLiteral("%1 AS c%2").arg(serverExpression(columns[c])).arg(c));
                outer.append(QStringLiteral("p.c%1").arg(c));
            }
            if (table->softDeletes) {
                inner.append(QStringLiteral("t.deleted_at IS NOT NULL AS sync_deleted"));
                outer.append(QStringLiteral("p.sync_deleted"));
            }
            const QString keyType = table->key == QStringLiteral("id") ? QStringLiteral("uuid")
                                                                       : QStringLiteral("text");
            const QString range
                = QStringLiteral("t.txid < %1 AND t.txid >= CAST('%2' AS xid8)").arg(upper, cursor);
            const QString where = range
                + QStringLiteral(" AND (t.txid, t.%1) > (CAST('%2' AS xid8), CAST('%3' AS %4))")
                      .arg(table->key, progress[i].lastTxid, progress[i].lastKey, keyType);
            selects.append(
                QStringLiteral("(SELECT coalesce(json_agg(json_build_array(%1) ORDER BY "
                               "p.sync_txid, p.sync_key), '[]') FROM (SELECT %2 FROM %3 t WHERE "
                               "%4 ORDER BY t.txid, t.%5 LIMIT %6) p)")
                    .arg(outer.join(QStringLiteral(", ")), inner.join(QStringLiteral(", ")),
                         table->name, where, table->key)
                    .arg(pageSize));
            active.append(i);
        }
        if (active.isEmpty())
            break;
        QSqlQuery query(central.connection());
        query.setForwardOnly(true);
        const QString sql = QStringLiteral("WITH w AS MATERIALIZED (SELECT "
                                           "pg_snapshot_xmin(pg_current_snapshot()) AS x) SELECT ")
            + selects.join(QStringLiteral(", "));
        if (!query.exec(sql) || !query.next()) {
            central.fail(tr("cannot download the changes"), query.lastError());
            return failCentral(result, central);
        }
        if (watermark.isEmpty())
            watermark = query.value(0).toString();
        QList<QVariantList> areas;
        for (const QJsonValue &area :
             QJsonDocument::fromJson(query.value(1).toString().toUtf8()).array())
            areas.append(area.toArray().toVariantList());
        int column = 2;
        if (withMoves) {
            for (const QJsonValue &move :
                 QJsonDocument::fromJson(query.value(column++).toString().toUtf8()).array())
                moves.append({move[0].toString(), move[1].toString()});
            movesRead = true;
        }
        QList<TablePage> pages;
        for (const qsizetype i : std::as_const(active)) {
            TablePage page {hello.tables[i].first, hello.tables[i].second, {}, {}};
            const QJsonArray rows
                = QJsonDocument::fromJson(query.value(column++).toString().toUtf8()).array();
            if (rows.size() < pageSize) {
                progress[i].more = false;
            } else {
                const QJsonArray last = rows.last().toArray();
                progress[i].lastTxid = last[0].toString();
                progress[i].lastKey = last[1].toString();
            }
            const qsizetype width = page.columns.size();
            for (const QJsonValue &row : rows) {
                const QJsonArray values = row.toArray();
                QVariantList converted;
                converted.reserve(width);
                for (qsizetype c = 0; c < width; ++c)
                    converted.append(values[2 + c].toVariant());
                page.rows.append(converted);
                page.deleted.append(page.table->softDeletes && values.last().toBool());
            }
            done += rows.size();
            pages.append(std::move(page));
        }
        query.finish();
        if (!storePage(areas, pages, result))
            return false;
        if (m_progress)
            m_progress(done, 0);
    }
    return true;
}

namespace {

/// \a ids (checked to be UUIDs) as an SQLite list of text literals.
QString localIdList(const QStringList &ids)
{
    QStringList literals;
    for (const QString &id : ids) {
        const QUuid uuid = QUuid::fromString(id);
        if (!uuid.isNull())
            literals.append(QStringLiteral("'%1'").arg(uuid.toString(QUuid::WithoutBraces)));
    }
    return literals.isEmpty() ? QStringLiteral("NULL") : literals.join(QLatin1Char(','));
}

} // namespace

bool SyncEngine::storePage(const QList<QVariantList> &areas, const QList<TablePage> &pages,
                           SyncResult &result, bool inTransaction, bool indexLater)
{
    QSqlDatabase local = QSqlDatabase::database(m_connectionName, false);
    std::optional<ForeignKeysOff> foreignKeysOff;
    if (!inTransaction) {
        foreignKeysOff.emplace(local);
        if (!local.transaction())
            return fail(result, local.lastError().text());
    }
    QSqlQuery query(local);
    const auto rollback = [&](const QString &message) {
        if (!inTransaction)
            local.rollback();
        return fail(result, tr("cannot store the downloaded changes: %1").arg(message));
    };
    // Pulled rows are the server's already: they make no outbox entries. (The caller of a
    // transaction of its own has set the flag.)
    if (!inTransaction && !query.exec(QStringLiteral("UPDATE sync_flag SET applying = 1")))
        return rollback(query.lastError().text());

    // Areas are matched by name: one made here before it reached the server keeps its id.
    query.prepare(QStringLiteral("INSERT INTO area (id, name, target_homes, budget_pence, "
                                 "created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    for (const QVariantList &area : areas) {
        for (qsizetype c = 0; c < area.size(); ++c)
            query.addBindValue(c == 4 ? QVariant(storeTime(area[c].toString())) : area[c]);
        if (!query.exec())
            return rollback(query.lastError().text());
    }
    // Households name their area by the server's id: map it, through the name, to this
    // device's.
    QHash<QString, QString> areaIds;
    {
        QHash<QString, QString> byName;
        if (!query.exec(QStringLiteral("SELECT name, id FROM area")))
            return rollback(query.lastError().text());
        while (query.next())
            byName.insert(query.value(0).toString(), query.value(1).toString());
        for (const QVariantList &area : areas)
            areaIds.insert(area[0].toString(), byName.value(area[1].toString()));
    }

    // The households whose quick-find text may change: take out their old entries first (the
    // index keeps no copy of its text), put the new ones in at the end.
    QStringList touched;
    QStringList erased;
    for (const TablePage &page : pages) {
        const auto column = [&](const char *name) {
            for (qsizetype c = 0; c < page.columns.size(); ++c) {
                if (page.columns[c].name == QLatin1String(name))
                    return c;
            }
            return qsizetype(-1);
        };
        if (page.table->name == QStringLiteral("household")) {
            const qsizetype erasedAt = column("erased_at");
            for (const QVariantList &row : page.rows) {
                touched.append(row[0].toString());
                if (erasedAt >= 0 && !row[erasedAt].isNull())
                    erased.append(row[0].toString());
            }
        } else if (page.table->name == QStringLiteral("resident")) {
            const qsizetype householdId = column("household_id");
            for (const QVariantList &row : page.rows)
                touched.append(row[householdId].toString());
        }
    }
    if (indexLater)
        touched.clear();
    const QString touchedWhere = QStringLiteral("WHERE h.id IN (%1)").arg(localIdList(touched));
    if (!touched.isEmpty()
        && !query.exec(QStringLiteral("INSERT INTO household_fts (household_fts, rowid, "
                                      "search_text) SELECT 'delete', s.* FROM (")
                       + householdSearchTextSelect() + touchedWhere + QStringLiteral(") s")))
        return rollback(query.lastError().text());

    int storedRows = 0;
    for (const TablePage &page : pages) {
        if (page.rows.isEmpty())
            continue;
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
        // Straight on SQLite's handle: a first download stores a few hundred thousand rows.
        const QByteArray upsertSql
            = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) %5")
                  .arg(table.name, names.join(QStringLiteral(", ")),
                       QStringList(names.size(), QStringLiteral("?")).join(QStringLiteral(", ")),
                       table.key, conflict)
                  .toUtf8();
        SqliteStatement upsert(local, upsertSql.constData());
        if (!upsert.isValid())
            return rollback(upsert.errorString());
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
                    return rollback(remove.lastError().text());
                continue;
            }
            for (qsizetype c = 0; c < page.columns.size(); ++c)
                bound[c] = localValue(page.columns[c], values[c], areaIds);
            bool stored = exec();
            if (!stored && table.name == QStringLiteral("household")
                && upsert.errorString().contains(QStringLiteral("household.uprn"))) {
                // A household made here with a UPRN the server gave to another one (this
                // device's create was refused): the server's keeps it, the one here loses it,
                // audited and recorded as a conflict for the user to sort out.
                QString error;
                if (!releaseUprn(bound, page.columns, &error))
                    return rollback(error);
                stored = exec();
            }
            if (!stored) {
                return rollback(
                    tr("%1 %2: %3").arg(table.name, values[0].toString(), upsert.errorString()));
            }
            ++storedRows;
        }
    }
    QString error;
    if (!erased.isEmpty()) {
        if (!eraseHere(erased, true, &error))
            return rollback(error);
        m_scrub = true;
    }
    if (!touched.isEmpty()
        && !query.exec(QStringLiteral("INSERT INTO household_fts (rowid, search_text) ")
                       + householdSearchTextSelect() + touchedWhere))
        return rollback(query.lastError().text());
    if (!inTransaction) {
        if (!query.exec(QStringLiteral("UPDATE sync_flag SET applying = 0")))
            return rollback(query.lastError().text());
        if (!local.commit())
            return rollback(local.lastError().text());
    }
    result.pulled += storedRows;
    return true;
}

bool SyncEngine::releaseUprn(const QVariantList &household, const QList<SyncColumn> &columns,
                             QString *error)
{
    qsizetype idColumn = -1;
    qsizetype uprnColumn = -1;
    for (qsizetype c = 0; c < columns.size(); ++c) {
        if (columns[c].name == QStringLiteral("id"))
            idColumn = c;
        else if (columns[c].name == QStringLiteral("uprn"))
            uprnColumn = c;
    }
    if (idColumn < 0 || uprnColumn < 0 || household.size() != columns.size()) {
        *error = tr("a UPRN clash that cannot be resolved");
        return false;
    }
    const QString uprn = household[uprnColumn].toString();
    const QString serverId = household[idColumn].toString();
    QSqlDatabase local = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(local);
    query.prepare(QStringLiteral("SELECT id FROM household WHERE uprn = ? AND id <> ?"));
    query.addBindValue(uprn);
    query.addBindValue(serverId);
    if (!query.exec() || !query.next()) {
        *error = query.lastError().text();
        return false;
    }
    const QString localId = query.value(0).toString();
    query.finish();
    const QString now = storeTimestamp();
    query.prepare(QStringLiteral("UPDATE household SET uprn = NULL, updated_at = ? WHERE id = ?"));
    query.addBindValue(now);
    query.addBindValue(localId);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    AuditLog audit(m_connectionName, m_userName, m_device);
    if (!audit.record(QStringLiteral("household"), localId, QStringLiteral("uprn"), uprn, {},
                      now)) {
        *error = audit.errorString();
        return false;
    }
    query.prepare(QStringLiteral(
        "INSERT INTO sync_conflict (op_id, entity, entity_id, field, local_value, server_value, "
        "at) VALUES (?, 'household', ?, 'uprn', ?, ?, ?)"));
    query.addBindValue(localId);
    query.addBindValue(localId);
    query.addBindValue(uprn);
    query.addBindValue(tr("UPRN %1 belongs to household %2 on the server").arg(uprn, serverId));
    query.addBindValue(now);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

bool SyncEngine::eraseHere(const QStringList &householdIds, bool keepTombstone, QString *error)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    const QString list = localIdList(householdIds);
    const QString ofHouseholds = QStringLiteral("household_id IN (%1)").arg(list);
    const QString redacted
        = QStringLiteral("(SELECT id FROM redacted_entity WHERE household_id IN (%1))").arg(list);
    QStringList statements {
        // Every id whose audit events may hold this household's personal data.
        QStringLiteral("INSERT OR IGNORE INTO redacted_entity (id, household_id) "
                       "SELECT id, id FROM household WHERE id IN (%1) "
                       "UNION ALL SELECT id, household_id FROM resident WHERE %2 "
                       "UNION ALL SELECT id, household_id FROM visit WHERE %2 "
                       "UNION ALL SELECT id, household_id FROM consent WHERE %2 "
                       "UNION ALL SELECT id, household_id FROM attachment WHERE %2 "
                       "UNION ALL SELECT id, household_id FROM survey WHERE %2 "
                       "UNION ALL SELECT id, household_id FROM job WHERE %2")
            .arg(list, ofHouseholds),
        QStringLiteral("UPDATE audit_event SET old_value = NULL, new_value = NULL WHERE "
                       "entity_id IN %1 AND (old_value IS NOT NULL OR new_value IS NOT NULL)")
            .arg(redacted),
    };
    if (keepTombstone) {
        // Erased: refused ops and conflicts hold its values too, and can never be sent. (A
        // household that only left the user's areas keeps them: they are the user's own
        // refused edits, listed until the user discards them.)
        statements
            << QStringLiteral("DELETE FROM outbox WHERE entity_id IN %1").arg(redacted)
            << QStringLiteral("DELETE FROM sync_conflict WHERE entity_id IN %1").arg(redacted);
        statements
            << QStringLiteral("DELETE FROM resident WHERE %1").arg(ofHouseholds)
            << QStringLiteral("UPDATE visit SET notes = '', reason = '' WHERE %1").arg(ofHouseholds)
            << QStringLiteral("UPDATE consent SET witness = '' WHERE %1").arg(ofHouseholds)
            << QStringLiteral("UPDATE attachment SET bytes = x'' WHERE %1").arg(ofHouseholds)
            << QStringLiteral("UPDATE survey SET answers = '{}', draft_position = '' "
                              "WHERE %1")
                   .arg(ofHouseholds)
            << QStringLiteral("UPDATE recommendation SET reason = '' WHERE survey_id IN "
                              "(SELECT id FROM survey WHERE %1)")
                   .arg(ofHouseholds)
            << QStringLiteral("UPDATE job SET notes = '', signed_off_by = '' WHERE %1")
                   .arg(ofHouseholds)
            << QStringLiteral("UPDATE household SET uprn = NULL, address_line1 = "
                              "'[erased]', address_line2 = '', town = '', latitude = NULL, "
                              "longitude = NULL, eligibility = '', notes = '', erased_at = "
                              "coalesce(erased_at, '%1'), deleted_at = coalesce(deleted_at, "
                              "'%1') WHERE id IN (%2)")
                   .arg(storeTimestamp(), list);
    } else {
        statements.prepend(QStringLiteral("INSERT INTO household_fts (household_fts, rowid, "
                                          "search_text) SELECT 'delete', s.* FROM (")
                           + householdSearchTextSelect()
                           + QStringLiteral("WHERE h.id IN (%1)) s").arg(list));
        statements << QStringLiteral("DELETE FROM job_item WHERE job_id IN (SELECT id FROM job "
                                     "WHERE %1)")
                          .arg(ofHouseholds)
                   << QStringLiteral("DELETE FROM recommendation WHERE survey_id IN (SELECT id "
                                     "FROM survey WHERE %1)")
                          .arg(ofHouseholds);
        for (const char *table : {"consent", "attachment", "survey", "visit", "job", "resident"})
            statements << QStringLiteral("DELETE FROM %1 WHERE %2")
                              .arg(QLatin1String(table), ofHouseholds);
        statements << QStringLiteral("DELETE FROM household WHERE id IN (%1)").arg(list);
    }
    for (const QString &statement : std::as_const(statements)) {
        if (!query.exec(statement)) {
            *error = query.lastError().text();
            return false;
        }
    }
    return true;
}

bool SyncEngine::applyMoves(CentralConnection &central, const Hello &hello,
                            const QList<std::pair<QString, QString>> &moves,
                            const QString &watermark, SyncResult &result)
{
    // Only people who work in areas see households by area; for them a household moved out
    // of their areas goes, one moved in comes with everything that belongs to it.
    if (moves.isEmpty() || !isAreaRole(hello.role))
        return true;
    QStringList gone;
    QStringList arrived;
    for (const auto &[household, area] : moves) {
        if (hello.areas.contains(area)) {
            arrived.removeAll(household);
            gone.removeAll(household);
            arrived.append(household);
        } else {
            arrived.removeAll(household);
            gone.removeAll(household);
            gone.append(household);
        }
    }
    if (!gone.isEmpty()) {
        QSqlDatabase local = QSqlDatabase::database(m_connectionName, false);
        ForeignKeysOff foreignKeysOff(local);
        QString error;
        if (!local.transaction())
            return fail(result, local.lastError().text());
        if (!eraseHere(gone, false, &error) || !local.commit()) {
            local.rollback();
            return fail(result,
                        tr("cannot remove the households moved out of your areas: %1")
                            .arg(error.isEmpty() ? local.lastError().text() : error));
        }
        m_scrub = true;
    }
    if (arrived.isEmpty())
        return true;
    QString upTo = watermark;
    return stream(central, hello, uuidList(arrived), upTo, result);
}

bool SyncEngine::applyScope(CentralConnection &central, const Hello &hello,
                            const QString &watermark, SyncResult &result)
{
    QJsonObject now;
    for (auto it = hello.areas.begin(); it != hello.areas.end(); ++it)
        now.insert(it.key(), it.value());
    const QString before = state(kAreas);
    if (!isAreaRole(hello.role) || before.isEmpty()) {
        // The first download brought everything in scope.
        return setState(kAreas,
                        QString::fromUtf8(QJsonDocument(now).toJson(QJsonDocument::Compact)))
            || fail(result, tr("cannot record the sync state"));
    }
    const QJsonObject previous = QJsonDocument::fromJson(before.toUtf8()).object();
    QStringList gained;
    for (auto it = now.begin(); it != now.end(); ++it) {
        if (!previous.contains(it.key()))
            gained.append(it.key());
    }
    QStringList lost;
    for (auto it = previous.begin(); it != previous.end(); ++it) {
        if (!now.contains(it.key()))
            lost.append(it.value().toString());
    }
    if (!gained.isEmpty()) {
        QString upTo = watermark;
        if (!stream(central, hello,
                    QStringLiteral("SELECT h.id FROM household h WHERE h.area_id IN (%1)")
                        .arg(uuidList(gained)),
                    upTo, result))
            return false;
    }
    if (!lost.isEmpty()) {
        QSqlDatabase local = QSqlDatabase::database(m_connectionName, false);
        ForeignKeysOff foreignKeysOff(local);
        if (!local.transaction())
            return fail(result, local.lastError().text());
        QSqlQuery query(local);
        QStringList placeholders(lost.size(), QStringLiteral("?"));
        query.prepare(QStringLiteral("SELECT h.id FROM household h JOIN area a ON a.id = "
                                     "h.area_id WHERE a.name IN (%1)")
                          .arg(placeholders.join(QStringLiteral(", "))));
        for (const QString &name : std::as_const(lost))
            query.addBindValue(name);
        QStringList ids;
        if (query.exec()) {
            while (query.next())
                ids.append(query.value(0).toString());
        }
        QString error = query.lastError().isValid() ? query.lastError().text() : QString();
        if (error.isEmpty() && !ids.isEmpty())
            eraseHere(ids, false, &error);
        if (!error.isEmpty() || !local.commit()) {
            local.rollback();
            return fail(result,
                        tr("cannot remove the households of an area no longer yours: %1")
                            .arg(error.isEmpty() ? local.lastError().text() : error));
        }
        m_scrub = m_scrub || !ids.isEmpty();
    }
    return setState(kAreas, QString::fromUtf8(QJsonDocument(now).toJson(QJsonDocument::Compact)))
        || fail(result, tr("cannot record the sync state"));
}

bool SyncEngine::fetchOrphans(CentralConnection &central, const Hello &hello,
                              const QString &watermark, SyncResult &result)
{
    // A row whose household is not here: the household became visible without changing (a
    // fitter's new job): fetch it in full.
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral(
            "SELECT DISTINCT household_id FROM (SELECT household_id FROM job UNION ALL "
            "SELECT household_id FROM resident UNION ALL SELECT household_id FROM visit) "
            "WHERE household_id NOT IN (SELECT id FROM household) LIMIT 5000")))
        return fail(result, query.lastError().text());
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    if (ids.isEmpty())
        return true;
    QString upTo = watermark;
    return stream(central, hello, uuidList(ids), upTo, result);
}

bool SyncEngine::dropFinishedJobs(const Hello &hello, SyncResult &result)
{
    // A fitter sees a household while they have a job there that is not cancelled; once the
    // last one is cancelled (the job row says so), the household goes from their device.
    if (hello.role != u"sh_fitter")
        return true;
    QSqlDatabase local = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(local);
    if (!query.exec(
            QStringLiteral("SELECT h.id FROM household h WHERE NOT EXISTS (SELECT 1 FROM job j "
                           "WHERE j.household_id = h.id AND j.status <> 'cancelled')")))
        return fail(result, query.lastError().text());
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    query.finish();
    if (ids.isEmpty())
        return true;
    ForeignKeysOff foreignKeysOff(local);
    QString error;
    if (!local.transaction())
        return fail(result, local.lastError().text());
    if (!eraseHere(ids, false, &error) || !local.commit()) {
        local.rollback();
        return fail(result,
                    tr("cannot remove the households of cancelled jobs: %1")
                        .arg(error.isEmpty() ? local.lastError().text() : error));
    }
    m_scrub = true;
    return true;
}

void SyncEngine::scrubFiles()
{
    // Personal data was removed: merge the quick-find index's segments so the removed words
    // are gone from it, and copy the WAL into the database and truncate it, so the old pages
    // are gone from disk too (secure_delete zeroes the freed ones).
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(
            QStringLiteral("INSERT INTO household_fts (household_fts) VALUES ('optimize')")))
        qCWarning(lcSync) << "cannot compact the quick-find index:" << query.lastError().text();
    for (int attempt = 0; attempt < 20; ++attempt) {
        if (query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) && query.next()
            && query.value(0).toInt() == 0)
            break;
        QThread::msleep(50);
    }
    m_scrub = false;
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
        QList<qint64> vanished;
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
            } else if (kind == QStringLiteral("create") && payload.isEmpty()) {
                // Other records are read now too; one removed meanwhile is not sent at all
                // (a package item replaced before it was pushed).
                const SyncedTable *table = syncedTable(entity);
                if (!table || !table->pushes)
                    return fail(result,
                                tr("the outbox holds an unknown record kind %1").arg(entity));
                QSqlQuery record(local);
                record.prepare(localPayloadSelect(*table));
                record.addBindValue(entityId);
                if (!record.exec())
                    return fail(result,
                                tr("cannot read %1 %2 to send it: %3")
                                    .arg(entity, entityId, record.lastError().text()));
                if (!record.next()) {
                    vanished.append(seqs.takeLast());
                    continue;
                }
                payload = QJsonDocument::fromJson(record.value(0).toString().toUtf8()).object();
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
        if (!vanished.isEmpty()) {
            QSqlQuery drop(local);
            drop.prepare(QStringLiteral("DELETE FROM outbox WHERE seq = ?"));
            for (const qint64 seq : std::as_const(vanished)) {
                drop.addBindValue(seq);
                if (!drop.exec())
                    return fail(result, drop.lastError().text());
            }
        }
        if (seqs.isEmpty()) {
            if (vanished.isEmpty())
                return true;
            continue;
        }

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

} // namespace saferhomes
