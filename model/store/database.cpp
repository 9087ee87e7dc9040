#include "database.h"

#include "migrations.h"
#include "sqlitestatement.h"
#include "storelog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace saferhomes {

namespace {

QString readScript(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

Database::Database(QString connectionName)
    : m_connectionName(std::move(connectionName))
{ }

Database::~Database()
{
    close();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && connection().isOpen();
}

int Database::latestSchemaVersion()
{
    return int(Migrations::scripts(QStringLiteral("sqlite")).size());
}

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/saferhomes.sqlite");
}

QString Database::localUserName()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QStringLiteral("local") : user;
}

void Database::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    // SQLite cannot close a file while a statement on it is left.
    KeptStatements::release(m_connectionName);
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Error Database::sqlError(const QString &path, const QString &what, const QSqlError &error)
{
    // SQLite's own words ("no such table: household"), without Qt's "Unable to fetch row".
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    const QString message = tr("%1: %2: %3").arg(QDir::toNativeSeparators(path), what, text);
    return isLocked(error) ? Error::locked(message) : Error::database(message);
}

bool Database::isLocked(const QSqlError &error)
{
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6), possibly as extended codes (low byte).
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    return ok && (code == 5 || code == 6);
}

Error Database::openError(const QString &what, const QSqlError &error) const
{
    const QString path = QDir::toNativeSeparators(m_path);
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    if (isLocked(error)) {
        return Error::locked(tr("%1 is in use by another program, which holds a lock on it "
                                "(%2). Close the other program, or wait for it to finish, and "
                                "try again.")
                                 .arg(path, text));
    }
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    // SQLITE_CORRUPT (11), SQLITE_NOTADB (26): a damaged file or not a database at all.
    if (ok && (code == 11 || code == 26)) {
        return Error::database(
            tr("%1 is not a SaferHomes database, or it is damaged (%2): %3").arg(path, what, text));
    }
    // SQLITE_CANTOPEN (14)
    if (ok && code == 14)
        return Error::database(tr("cannot open %1: %2").arg(path, text));
    return sqlError(m_path, what, error);
}

Status Database::open(const QString &path)
{
    close();
    m_path = path;
    const Status opened = [&]() -> Status {
        const QFileInfo info(path);
        if (info.exists() && !info.isFile())
            return Error::database(tr("%1 is not a file").arg(QDir::toNativeSeparators(path)));
        if (!info.exists() && !QDir().mkpath(info.absolutePath())) {
            return Error::database(tr("cannot create the folder %1")
                                       .arg(QDir::toNativeSeparators(info.absolutePath())));
        }
        return setUp();
    }();
    if (!opened) {
        // The connection's handles live in setUp(); close() may only remove it once they
        // are gone.
        close();
        qCDebug(lcStore) << "cannot open" << path << opened.errorString();
        return opened;
    }
    qCDebug(lcStore) << "opened" << path << "schema" << latestSchemaVersion();
    return {};
}

Status Database::openTemporary(const QString &label,
                               const std::function<Status(const QSqlDatabase &)> &makeSchema)
{
    close();
    m_path = label;
    const Status opened = [&]() -> Status {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        // No file name: SQLite's own temporary database (not ":memory:", which never spills).
        db.setDatabaseName(QString());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
        if (!db.open())
            return openError(tr("cannot open a temporary database"), db.lastError());
        if (Status made = makeSchema(db); !made)
            return made;
        return loadDeviceId();
    }();
    if (!opened)
        close();
    return opened;
}

Status Database::setUp()
{
    const QString &path = m_path;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    // Wait a little for another program's write to finish before reporting "locked".
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
    if (!db.open())
        return openError(tr("cannot open the file"), db.lastError());

    // SQLite opens a file it may not write read-only and only fails at the first write (for a
    // WAL database, already at the first read): say what is wrong before anything else.
    const QFileInfo file(path);
    if (!file.isWritable() || !QFileInfo(file.absolutePath()).isWritable()) {
        return Error::database(
            tr("%1 is read-only: SaferHomes must be able to write the file and its "
               "folder. Check their permissions, or copy the database somewhere writable.")
                .arg(QDir::toNativeSeparators(path)));
    }

    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return openError(tr("cannot read the schema version"), query.lastError());
    const int version = query.value(0).toInt();
    query.finish();
    if (version > latestSchemaVersion()) {
        return Error::refused(
            tr("%1 was written by a newer version of SaferHomes (schema %2; this version "
               "understands up to %3). Update SaferHomes to open it.")
                .arg(QDir::toNativeSeparators(path))
                .arg(version)
                .arg(latestSchemaVersion()));
    }

    // A new database gets 16 KiB pages rather than SQLite's 4 KiB: a quarter of the pages
    // for the same rows, so bulk writes (an import, a first download) split and write fewer
    // of them; measured with 100k imported households, 0.12 s less of 0.7. The size can only
    // be set before the first table is made; older files keep theirs.
    if (version == 0 && !query.exec(QStringLiteral("PRAGMA page_size = 16384")))
        return openError(tr("cannot set up the database"), query.lastError());
    const QStringList pragmas {
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA synchronous = FULL"),
        QStringLiteral("PRAGMA secure_delete = ON"),
        QStringLiteral("PRAGMA journal_mode = WAL"),
        // A large import touches pages all over the UUID-keyed indexes; a 64 MiB page cache
        // keeps them in memory instead of spilling to the WAL and reading them back.
        QStringLiteral("PRAGMA cache_size = -65536"),
        QStringLiteral("PRAGMA temp_store = MEMORY"),
    };
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma))
            return openError(tr("cannot set up the database"), query.lastError());
    }
    query.finish();
    if (Status migrated = migrate(); !migrated)
        return migrated;
    if (Status loaded = loadDeviceId(); !loaded)
        return loaded;
    return recordAppVersion();
}

Status Database::migrate()
{
    QSqlDatabase db = connection();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return openError(tr("cannot read the schema version"), query.lastError());
    const int from = query.value(0).toInt();
    query.finish();
    const QStringList scripts = Migrations::scripts(QStringLiteral("sqlite"));
    if (from >= scripts.size())
        return {};

    // A lock held by another connection is not a failed migration: say the file is in use.
    const auto failed = [&](int schema, const QSqlError &error) -> Error {
        if (isLocked(error))
            return openError(tr("cannot update it"), error);
        return Error::database(tr("cannot update %1 to schema %2: %3")
                                   .arg(QDir::toNativeSeparators(m_path))
                                   .arg(schema)
                                   .arg(error.text()));
    };
    // All pending migrations in one transaction: a failure leaves the file as it was.
    if (!db.transaction())
        return failed(from + 1, db.lastError());
    for (int index = from; index < scripts.size(); ++index) {
        const QStringList statements = Migrations::statements(readScript(scripts[index]));
        for (const QString &statement : statements) {
            if (!query.exec(statement)) {
                const Error error = failed(index + 1, query.lastError());
                query.finish();
                db.rollback();
                return error;
            }
        }
    }
    bool ok = query.exec(QStringLiteral("PRAGMA user_version = %1").arg(scripts.size()));
    if (ok && from == 0) {
        ok = query.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('device_id', ?)"));
        query.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        ok = ok && query.exec();
    }
    if (!ok || !db.commit()) {
        const Error error = failed(int(scripts.size()), ok ? db.lastError() : query.lastError());
        query.finish();
        db.rollback();
        return error;
    }
    qCInfo(lcStore) << "migrated" << m_path << "from schema" << from << "to" << scripts.size();
    return {};
}

Status Database::loadDeviceId()
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'device_id'")))
        return openError(tr("cannot read the device id"), query.lastError());
    if (!query.next())
        return Error::database(tr("%1 has no device id").arg(QDir::toNativeSeparators(m_path)));
    m_deviceId = query.value(0).toString();
    return {};
}

Status Database::recordAppVersion()
{
    // Which version last opened the file, for support and for whoever migrates it next; only
    // written when it changes, so an ordinary open writes nothing: not even a write
    // transaction, which would wait for (and fail on) another program's write lock.
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'app_version'")))
        return openError(tr("cannot read the version that last opened it"), query.lastError());
    if (query.next() && query.value(0).toString() == QStringLiteral(SAFERHOMES_VERSION))
        return {};
    query.finish();
    const bool ok
        = query.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('app_version', ?) "
                                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value "
                                       "WHERE value <> excluded.value"));
    query.addBindValue(QStringLiteral(SAFERHOMES_VERSION));
    if (!ok || !query.exec())
        return openError(tr("cannot record the version that opened it"), query.lastError());
    return {};
}

} // namespace saferhomes
