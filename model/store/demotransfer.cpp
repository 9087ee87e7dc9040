#include "demotransfer.h"

#include "database.h"
#include "householdsearch.h"
#include "migrations.h"

#include <QCoreApplication>
#include <QDateTime>
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
    /// Statements on \a db; failures name \a label (the file they are about).
    Transfer(const QSqlDatabase &db, QString label)
        : m_db(db)
        , m_query(m_db)
        , m_label(std::move(label))
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

    Status attach(const QString &path, const QString &schema)
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
        const Error error = Database::sqlError(m_label, what, m_query.lastError());
        m_query.finish();
        return error;
    }

    QSqlDatabase m_db;
    QSqlQuery m_query;
    QString m_label;
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

Status DemoTransfer::openScratch(const Database &target, Database &scratch)
{
    const auto makeSchema = [&target](const QSqlDatabase &db) -> Status {
        Transfer transfer(db, tr("the demo fill"));
        const QString what = tr("Creating the demo fill");
        // The rules a Database gives a new file, without a journal: a rollback cannot undo
        // what a transaction wrote, and a fill that fails is thrown away whole, so none is
        // needed. Pages of 4 KiB rather than a Database's 16 (the rows are copied out, not the
        // pages), and a page cache that holds the whole fill of the usual size: bigger fills
        // spill to SQLite's temporary file.
        for (const char *pragma :
             {"PRAGMA main.page_size = 4096", "PRAGMA foreign_keys = ON",
              "PRAGMA main.journal_mode = OFF", "PRAGMA main.synchronous = OFF",
              "PRAGMA main.cache_size = -65536", "PRAGMA main.secure_delete = OFF",
              "PRAGMA temp_store = MEMORY"}) {
            if (Status set = transfer.exec(QLatin1String(pragma), what); !set)
                return set;
        }
        if (Status attached = transfer.attach(target.path(), QStringLiteral("target")); !attached)
            return attached;
        if (Status begun = transfer.begin(); !begun)
            return begun;
        // The schema of this version as the target has it (opening it migrated it): each
        // table, index, view and trigger made once, where replaying the migrations made and
        // remade them (their ALTERs read the whole schema again each time). The rows the
        // migrations seed come after.
        Result<QStringList> schema = transfer.schema(QStringLiteral("target"));
        if (!schema)
            return schema.error();
        for (const QString &statement : std::as_const(schema).value()) {
            if (Status made = transfer.exec(statement, what); !made)
                return made;
        }
        if (Status flag = transfer.exec(
                QStringLiteral("INSERT INTO main.sync_flag (applying) VALUES (0)"), what);
            !flag)
            return flag;
        // The version and device it is for, then the reference rows that the fill updates or
        // refers to.
        if (Status version
            = transfer.exec(QStringLiteral("PRAGMA main.user_version = %1")
                                .arg(Migrations::scripts(QStringLiteral("sqlite")).size()),
                            what);
            !version)
            return version;
        QSqlQuery meta(db);
        if (!meta.prepare(QStringLiteral("INSERT INTO main.meta (key, value) VALUES "
                                         "('device_id', ?), ('app_version', ?)"))) {
            return Database::sqlError(
                tr("the demo fill"), tr("Giving the demo fill this device's id"), meta.lastError());
        }
        meta.addBindValue(target.deviceId());
        meta.addBindValue(QStringLiteral(SAFERHOMES_VERSION));
        if (!meta.exec()) {
            return Database::sqlError(
                tr("the demo fill"), tr("Giving the demo fill this device's id"), meta.lastError());
        }
        for (const QString &table : referenceTables()) {
            if (Status copied
                = transfer.copy(table, QStringLiteral("target"), QStringLiteral("main"));
                !copied)
                return copied;
        }
        return transfer.commit();
    };
    return scratch.openTemporary(tr("the demo fill"), makeSchema);
}

Status DemoTransfer::copyInto(const Database &target, const Database &scratch,
                              const QString &description)
{
    // On the scratch's connection, the only one that sees it, with the target attached.
    Transfer transfer(scratch.connection(), target.path());
    if (Status attached = transfer.attach(target.path(), QStringLiteral("target")); !attached)
        return attached;
    // The target as a Database keeps it: every commit flushed, deleted rows overwritten.
    for (const char *pragma :
         {"PRAGMA target.synchronous = FULL", "PRAGMA target.secure_delete = ON",
          "PRAGMA target.cache_size = -65536"}) {
        if (Status set = transfer.exec(QLatin1String(pragma), tr("Opening %1").arg(target.path()));
            !set)
            return set;
    }
    if (Status begun = transfer.begin(); !begun)
        return begun;
    // Counted inside the transaction, so nothing can slip in between the check and the copy.
    const Result<qint64> existing = transfer.number(
        QStringLiteral("SELECT count(*) FROM target.household"), tr("Counting the households"));
    if (!existing)
        return existing.error();
    if (existing.value() != 0) {
        return Error::refused(
            tr("the database already has %n household(s); demo data is only written to an "
               "empty database",
               nullptr, int(existing.value())));
    }
    // Rows that arrive there are the demo's, not the user's: like pulled rows, they make no
    // outbox ops (the triggers look at sync_flag), and the database is marked so that nothing
    // in it is ever sent.
    if (Status quiet = transfer.exec(QStringLiteral("UPDATE target.sync_flag SET applying = 1"),
                                     tr("Holding back the outbox"));
        !quiet)
        return quiet;
    for (const QString &table : copiedTables()) {
        if (Status copied = transfer.copy(table, QStringLiteral("main"), QStringLiteral("target"));
            !copied)
            return copied;
    }
    // The quick-find text read from the scratch's households and residents, which are the
    // copied rows with the same row ids (the target had no households).
    if (Status index
        = transfer.exec(QStringLiteral("INSERT INTO target.household_fts (rowid, search_text) ")
                            + householdSearchTextSelect(),
                        tr("Indexing the demo households for quick find"));
        !index)
        return index;
    if (Status loud = transfer.exec(QStringLiteral("UPDATE target.sync_flag SET applying = 0"),
                                    tr("Releasing the outbox"));
        !loud)
        return loud;
    QSqlQuery mark(scratch.connection());
    if (!mark.prepare(QStringLiteral("INSERT INTO target.meta (key, value) VALUES (?, ?) "
                                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value"))) {
        return Database::sqlError(target.path(), tr("Marking the demo database"), mark.lastError());
    }
    mark.addBindValue(demoKey);
    mark.addBindValue(description);
    if (!mark.exec()) {
        return Database::sqlError(target.path(), tr("Marking the demo database"), mark.lastError());
    }
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
    const QString what = tr("Reading whether it holds demo data");
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral("SELECT count(*) FROM meta WHERE key = ?")))
        return Database::sqlError(db.databaseName(), what, query.lastError());
    query.addBindValue(demoKey);
    if (!query.exec() || !query.next())
        return Database::sqlError(db.databaseName(), what, query.lastError());
    return query.value(0).toLongLong() > 0;
}

Result<bool> DemoTransfer::shouldOfferDemo(const Database &database)
{
    QSqlQuery query(database.connection());
    // Soft-deleted households count: a register that ever held one is not new.
    if (!query.exec(QStringLiteral(
            "SELECT (SELECT count(*) FROM household) + (SELECT count(*) FROM sync_state) + "
            "(SELECT count(*) FROM meta WHERE key IN ('demo_data', 'demo_declined'))"))
        || !query.next()) {
        return Database::sqlError(database.path(), tr("Reading whether it is a new register"),
                                  query.lastError());
    }
    return query.value(0).toLongLong() == 0;
}

Status DemoTransfer::declineDemo(const Database &database)
{
    const QString what = tr("Recording the choice of an empty register");
    QSqlQuery query(database.connection());
    if (!query.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value")))
        return Database::sqlError(database.path(), what, query.lastError());
    query.addBindValue(declinedKey);
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!query.exec())
        return Database::sqlError(database.path(), what, query.lastError());
    return {};
}

} // namespace saferhomes
