#include "demotransfer.h"

#include "connectionname.h"
#include "database.h"
#include "householdsearch.h"
#include "migrations.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>

namespace saferhomes {

namespace {

/// Tables that may already hold rows in the user's database (reference data, which a fill
/// creates or updates by key) rather than only rows of the fill.
const QStringList &referenceTables()
{
    static const QStringList tables {QStringLiteral("area"), QStringLiteral("equipment_type"),
                                     QStringLiteral("fitter")};
    return tables;
}

const QString demoKey = QStringLiteral("demo_data");
const QString declinedKey = QStringLiteral("demo_declined");

class Transfer {
    Q_DECLARE_TR_FUNCTIONS(DemoTransfer)

public:
    explicit Transfer(const Database &target)
        : Transfer(target.connection())
    { }
    explicit Transfer(const QSqlDatabase &db)
        : m_db(db)
        , m_query(m_db)
    { }

    ~Transfer()
    {
        m_query.finish();
        if (m_inTransaction)
            m_query.exec(QStringLiteral("ROLLBACK"));
        if (!m_attached.isEmpty()) {
            m_query.finish();
            m_query.exec(QStringLiteral("DETACH DATABASE %1").arg(m_attached));
        }
    }

    Status attach(const QString &path, const QString &schema = QStringLiteral("fill"))
    {
        // A schema name of ours, not user input: ATTACH takes no bound name.
        if (!m_query.prepare(QStringLiteral("ATTACH DATABASE ? AS %1").arg(schema)))
            return failed(tr("Opening the demo fill"));
        m_query.addBindValue(path);
        if (!m_query.exec())
            return failed(tr("Opening the demo fill"));
        m_attached = schema;
        return {};
    }

    Status begin()
    {
        if (!m_query.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return failed(tr("Starting the demo transfer"));
        m_inTransaction = true;
        return {};
    }

    Status commit()
    {
        m_query.finish();
        if (!m_query.exec(QStringLiteral("COMMIT")))
            return failed(tr("Saving the demo data"));
        m_inTransaction = false;
        return {};
    }

    Status exec(const QString &sql, const QString &what)
    {
        if (!m_query.exec(sql))
            return failed(what);
        return {};
    }

    Result<qint64> number(const QString &sql, const QString &what)
    {
        if (!m_query.exec(sql) || !m_query.next())
            return failed(what).error();
        const qint64 value = m_query.value(0).toLongLong();
        m_query.finish();
        return value;
    }

    /// The columns of \a table in schema \a schema, in their order.
    Result<QStringList> columns(const QString &schema, const QString &table)
    {
        // Names from our own table lists, not user input: PRAGMA takes no bound values.
        if (!m_query.exec(QStringLiteral("PRAGMA %1.table_info(%2)").arg(schema, table)))
            return failed(tr("Reading the columns of %1").arg(table)).error();
        QStringList names;
        while (m_query.next())
            names << m_query.value(1).toString();
        m_query.finish();
        if (names.isEmpty())
            return Error::database(tr("the table %1 is missing").arg(table));
        return names;
    }

    /// The statements that make the schema of \a schema in another database: its tables
    /// (without SQLite's own and the shadow tables of its virtual tables, which these make
    /// themselves), then indexes, views and triggers, but not the outbox triggers (a fill never
    /// copies the outbox, DemoTransfer::makeScratchFast).
    Result<QStringList> schema(const QString &schema)
    {
        // A schema name of ours, not user input.
        if (!m_query.exec(
                QStringLiteral("SELECT type, name, sql FROM %1.sqlite_master WHERE sql IS NOT NULL "
                               "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY CASE type "
                               "WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 "
                               "ELSE 3 END, rowid")
                    .arg(schema)))
            return failed(tr("Reading the schema of this version")).error();
        QStringList virtualTables;
        QList<std::pair<QString, QString>> entries; // name, sql
        while (m_query.next()) {
            const QString type = m_query.value(0).toString();
            const QString name = m_query.value(1).toString();
            const QString sql = m_query.value(2).toString();
            if (type == u"trigger" && name.endsWith(QLatin1String("outbox")))
                continue;
            if (type == u"table" && sql.startsWith(QLatin1String("CREATE VIRTUAL TABLE")))
                virtualTables << name;
            entries.append({name, sql});
        }
        if (m_query.lastError().isValid())
            return failed(tr("Reading the schema of this version")).error();
        m_query.finish();
        QStringList statements;
        for (const auto &[name, sql] : std::as_const(entries)) {
            const bool shadow
                = std::any_of(virtualTables.cbegin(), virtualTables.cend(),
                              [&name = name](const QString &virtualTable) {
                                  return name.startsWith(virtualTable + QLatin1Char('_'));
                              });
            if (!shadow)
                statements << sql;
        }
        if (statements.isEmpty())
            return Error::database(tr("the database %1 has no tables").arg(schema));
        return statements;
    }

    /// Copies every row of \a table from \a from to \a to; rows of reference tables that are
    /// there already are updated.
    Status copy(const QString &table, const QString &from, const QString &to)
    {
        Result<QStringList> names = columns(from, table);
        if (!names)
            return names.error();
        QStringList cols = names.value();
        // The audit trail numbers its events itself: the copies follow what is there.
        if (table == u"audit_event")
            cols.removeAll(QStringLiteral("seq"));
        const QString list = cols.join(QStringLiteral(", "));
        QString sql = QStringLiteral("INSERT INTO %1.%2 (%3) SELECT %3 FROM %4.%2 WHERE true")
                          .arg(to, table, list, from);
        if (table == u"audit_event")
            sql += QStringLiteral(" ORDER BY seq");
        if (referenceTables().contains(table)) {
            const QString key = cols.first();
            QStringList updates;
            for (const QString &column : cols.mid(1))
                updates << QStringLiteral("%1 = excluded.%1").arg(column);
            sql += QStringLiteral(" ON CONFLICT (%1) DO UPDATE SET %2")
                       .arg(key, updates.join(QStringLiteral(", ")));
        }
        return exec(sql, tr("Copying the demo %1 rows").arg(table));
    }

private:
    Status failed(const QString &what)
    {
        const QString message = m_query.lastError().text();
        m_query.finish();
        return Error::database(message).within(what);
    }

    QSqlDatabase m_db;
    QSqlQuery m_query;
    QString m_attached; ///< the schema name of the attached file, if one is
    bool m_inTransaction = false;
};

} // namespace

QStringList DemoTransfer::copiedTables()
{
    return {QStringLiteral("area"),
            QStringLiteral("equipment_type"),
            QStringLiteral("fitter"),
            QStringLiteral("household"),
            QStringLiteral("resident"),
            QStringLiteral("visit"),
            QStringLiteral("attachment"),
            QStringLiteral("consent"),
            QStringLiteral("survey"),
            QStringLiteral("recommendation"),
            QStringLiteral("job"),
            QStringLiteral("job_item"),
            QStringLiteral("stock_movement"),
            QStringLiteral("area_budget"),
            QStringLiteral("frozen_return"),
            QStringLiteral("audit_event")};
}

QStringList DemoTransfer::skippedTables()
{
    return {QStringLiteral("meta"), QStringLiteral("app_user"), QStringLiteral("user_area"),
            QStringLiteral("outbox"), QStringLiteral("sync_state"), QStringLiteral("sync_conflict"),
            QStringLiteral("sync_flag"), QStringLiteral("redacted_entity"),
            QStringLiteral("household_fts"), QStringLiteral("sqlite_sequence"),
            // Kept by stock_movement's trigger as the movements are copied.
            QStringLiteral("stock_level")};
}

Status DemoTransfer::createScratch(const Database &target, const QString &scratchPath)
{
    const QString name = ConnectionName::unique(u"demo-fill-create");
    Status created;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(scratchPath);
        if (!db.open()) {
            created = Error::database(db.lastError().text()).within(tr("Creating the demo fill"));
        } else {
            Transfer transfer(db);
            // The rules a Database gives a new file, without its journal and flushes; the file
            // lock is held until the file is closed. Pages of 4 KiB rather than a Database's 16:
            // each of the fill's many small transactions writes its pages out whole (5-7% less
            // CPU for the fill; the rows are copied out, not the pages).
            for (const char *pragma :
                 {"PRAGMA main.page_size = 4096", "PRAGMA foreign_keys = ON",
                  "PRAGMA main.journal_mode = OFF", "PRAGMA main.synchronous = OFF",
                  "PRAGMA main.locking_mode = EXCLUSIVE", "PRAGMA temp_store = MEMORY"}) {
                if (created)
                    created = transfer.exec(QLatin1String(pragma), tr("Creating the demo fill"));
            }
            if (created)
                created = transfer.begin();
            if (created)
                created = transfer.attach(target.path(), QStringLiteral("target"));
            // The schema of this version as the target has it (opening it migrated it): each
            // table, index, view and trigger made once, where replaying the migrations made
            // and remade them (their ALTERs read the whole schema again each time) and cost a
            // tenth of the fill. The rows the migrations seed come after.
            QStringList schema;
            if (created) {
                Result<QStringList> read = transfer.schema(QStringLiteral("target"));
                if (read)
                    schema = std::move(read).value();
                else
                    created = read.error();
            }
            for (const QString &statement : std::as_const(schema)) {
                if (created)
                    created = transfer.exec(statement, tr("Creating the demo fill"));
            }
            if (created) {
                created = transfer.exec(
                    QStringLiteral("INSERT INTO main.sync_flag (applying) VALUES (0)"),
                    tr("Creating the demo fill"));
            }
            // The version and device it is for, so that opening it writes and migrates
            // nothing; then the reference rows that the fill updates or refers to.
            if (created) {
                const int version = int(Migrations::scripts(QStringLiteral("sqlite")).size());
                created
                    = transfer.exec(QStringLiteral("PRAGMA main.user_version = %1").arg(version),
                                    tr("Creating the demo fill"));
            }
            QSqlQuery meta(db);
            if (created
                && !meta.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES "
                                                "('device_id', ?), ('app_version', ?)"))) {
                created = Error::database(meta.lastError().text())
                              .within(tr("Giving the demo fill this device's id"));
            }
            if (created) {
                meta.addBindValue(target.deviceId());
                meta.addBindValue(QStringLiteral(SAFERHOMES_VERSION));
                if (!meta.exec()) {
                    created = Error::database(meta.lastError().text())
                                  .within(tr("Giving the demo fill this device's id"));
                }
            }
            for (const QString &table : referenceTables()) {
                if (created)
                    created
                        = transfer.copy(table, QStringLiteral("target"), QStringLiteral("main"));
            }
            if (created)
                created = transfer.commit();
            // Marked as a write-ahead-log file, as a Database keeps it: opening it then
            // changes nothing (a change of journal mode is a write, and flushed).
            if (created) {
                created = transfer.exec(QStringLiteral("PRAGMA main.journal_mode = WAL"),
                                        tr("Creating the demo fill"));
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return created;
}

Status DemoTransfer::makeScratchFast(const Database &scratch)
{
    QSqlQuery query(scratch.connection());
    const auto failed = [&query] {
        return Error::database(query.lastError().text()).within(tr("Setting up the demo fill"));
    };
    // The fill is thousands of small transactions (a service call each, as on the screens):
    // without flushes, without any journal (the write-ahead log's frames were a tenth of the
    // fill; a rollback journal in memory still copied every page before it was changed), and
    // without taking and dropping the file lock for each, as only this connection uses it.
    // Without a journal a rollback cannot undo what a transaction wrote: a fill that fails is
    // thrown away whole, so none is needed, nor need what it deletes be overwritten. The pages
    // of the whole fill stay in memory.
    for (const char *pragma : {"PRAGMA synchronous = OFF", "PRAGMA journal_mode = OFF",
                               "PRAGMA locking_mode = EXCLUSIVE", "PRAGMA temp_store = MEMORY",
                               "PRAGMA cache_size = -65536", "PRAGMA secure_delete = OFF"}) {
        if (!query.exec(QLatin1String(pragma)))
            return failed();
        query.finish();
    }
    // The outbox is never copied (skippedTables()): its triggers would only make rows to be
    // thrown away, and every statement on their tables would carry them.
    if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                   "AND name LIKE '%outbox'")))
        return failed();
    QStringList triggers;
    while (query.next())
        triggers << query.value(0).toString();
    query.finish();
    for (const QString &trigger : std::as_const(triggers)) {
        // Names read from the schema itself: DROP takes no bound values.
        if (!query.exec(QStringLiteral("DROP TRIGGER \"%1\"").arg(trigger)))
            return failed();
    }
    return {};
}

Status DemoTransfer::copyInto(const Database &target, const QString &scratchPath,
                              const QString &description)
{
    Transfer transfer(target);
    if (Status attached = transfer.attach(scratchPath); !attached)
        return attached;
    if (Status begun = transfer.begin(); !begun)
        return begun;
    // Counted inside the transaction, so nothing can slip in between the check and the copy.
    const Result<qint64> existing = transfer.number(
        QStringLiteral("SELECT count(*) FROM main.household"), tr("Counting the households"));
    if (!existing)
        return existing.error();
    if (existing.value() != 0) {
        return Error::refused(
            tr("the database already has %n household(s); demo data is only written to an "
               "empty database",
               nullptr, int(existing.value())));
    }
    // Rows that arrive here are the demo's, not the user's: like pulled rows, they make no
    // outbox ops (the triggers look at sync_flag), and the database is marked so that nothing
    // in it is ever sent.
    if (Status quiet = transfer.exec(QStringLiteral("UPDATE main.sync_flag SET applying = 1"),
                                     tr("Holding back the outbox"));
        !quiet)
        return quiet;
    for (const QString &table : copiedTables()) {
        if (Status copied = transfer.copy(table, QStringLiteral("fill"), QStringLiteral("main"));
            !copied)
            return copied;
    }
    if (Status index
        = transfer.exec(QStringLiteral("INSERT INTO main.household_fts (rowid, search_text) ")
                            + householdSearchTextSelect(),
                        tr("Indexing the demo households for quick find"));
        !index)
        return index;
    if (Status loud = transfer.exec(QStringLiteral("UPDATE main.sync_flag SET applying = 0"),
                                    tr("Releasing the outbox"));
        !loud)
        return loud;
    QSqlQuery mark(target.connection());
    if (!mark.prepare(QStringLiteral("INSERT INTO main.meta (key, value) VALUES (?, ?) "
                                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value"))) {
        return Error::database(mark.lastError().text()).within(tr("Marking the demo database"));
    }
    mark.addBindValue(demoKey);
    mark.addBindValue(description);
    if (!mark.exec())
        return Error::database(mark.lastError().text()).within(tr("Marking the demo database"));
    mark.finish();
    return transfer.commit();
}

Result<bool> DemoTransfer::isDemo(const Database &database)
{
    return isDemo(database.connectionName());
}

Result<bool> DemoTransfer::isDemo(const QString &connectionName)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral("SELECT count(*) FROM meta WHERE key = ?"))) {
        return Error::database(query.lastError().text())
            .within(tr("Reading whether %1 holds demo data").arg(db.databaseName()));
    }
    query.addBindValue(demoKey);
    if (!query.exec() || !query.next()) {
        return Error::database(query.lastError().text())
            .within(tr("Reading whether %1 holds demo data").arg(db.databaseName()));
    }
    return query.value(0).toLongLong() > 0;
}

Result<bool> DemoTransfer::shouldOfferDemo(const Database &database)
{
    QSqlQuery query(database.connection());
    const QString what = tr("Reading whether %1 is a new register").arg(database.path());
    // Soft-deleted households count: a register that ever held one is not new.
    if (!query.exec(QStringLiteral(
            "SELECT (SELECT count(*) FROM household) + (SELECT count(*) FROM sync_state) + "
            "(SELECT count(*) FROM meta WHERE key IN ('demo_data', 'demo_declined'))"))
        || !query.next()) {
        return Error::database(query.lastError().text()).within(what);
    }
    return query.value(0).toLongLong() == 0;
}

Status DemoTransfer::declineDemo(const Database &database)
{
    QSqlQuery query(database.connection());
    if (!query.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value"))) {
        return Error::database(query.lastError().text())
            .within(tr("Recording the choice of an empty register"));
    }
    query.addBindValue(declinedKey);
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!query.exec()) {
        return Error::database(query.lastError().text())
            .within(tr("Recording the choice of an empty register"));
    }
    return {};
}

} // namespace saferhomes
