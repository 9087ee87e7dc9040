#include "database.h"

#include "migrations.h"
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
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Database::open(const QString &path)
{
    close();
    m_path = path;
    m_error.clear();
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        m_error = tr("%1 is not a file").arg(QDir::toNativeSeparators(path));
        return false;
    }
    if (!info.exists() && !QDir().mkpath(info.absolutePath())) {
        m_error
            = tr("cannot create the folder %1").arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }

    // The connection's handles live in setUp(); close() may only remove it once they are gone.
    if (!setUp()) {
        close();
        return false;
    }
    qCDebug(lcStore) << "opened" << path << "schema" << latestSchemaVersion();
    return true;
}

bool Database::setUp()
{
    const QString &path = m_path;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    // Wait a little for another program's write to finish before reporting "locked".
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
    if (!db.open()) {
        m_error
            = tr("cannot open %1: %2").arg(QDir::toNativeSeparators(path), db.lastError().text());
        return false;
    }

    // SQLite opens a file it may not write read-only and only fails at the first write (for a
    // WAL database, already at the first read): say what is wrong before anything else.
    const QFileInfo file(path);
    if (!file.isWritable() || !QFileInfo(file.absolutePath()).isWritable()) {
        m_error = tr("%1 is read-only: SaferHomes must be able to write the file and its "
                     "folder. Check their permissions, or copy the database somewhere writable.")
                      .arg(QDir::toNativeSeparators(path));
        return false;
    }

    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version"))) {
        m_error = tr("%1 is not a SaferHomes database: %2")
                      .arg(QDir::toNativeSeparators(path), query.lastError().text());
        return false;
    }
    query.next();
    const int version = query.value(0).toInt();
    query.finish();
    if (version > latestSchemaVersion()) {
        m_error = tr("%1 was written by a newer version of SaferHomes (schema %2; this version "
                     "understands up to %3). Update SaferHomes to open it.")
                      .arg(QDir::toNativeSeparators(path))
                      .arg(version)
                      .arg(latestSchemaVersion());
        return false;
    }

    // A new database gets 16 KiB pages rather than SQLite's 4 KiB: a quarter of the pages
    // for the same rows, so bulk writes (an import, a first download) split and write fewer
    // of them; measured with 100k imported households, 0.12 s less of 0.7. The size can only
    // be set before the first table is made; older files keep theirs.
    if (version == 0 && !query.exec(QStringLiteral("PRAGMA page_size = 16384"))) {
        m_error = tr("cannot set up %1: %2")
                      .arg(QDir::toNativeSeparators(path), query.lastError().text());
        return false;
    }
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
        if (!query.exec(pragma)) {
            m_error = tr("cannot set up %1: %2")
                          .arg(QDir::toNativeSeparators(path), query.lastError().text());
            return false;
        }
    }
    query.finish();
    return migrate() && loadDeviceId() && recordAppVersion();
}

bool Database::migrate()
{
    QSqlDatabase db = connection();
    QSqlQuery query(db);
    query.exec(QStringLiteral("PRAGMA user_version"));
    query.next();
    const int from = query.value(0).toInt();
    query.finish();
    const QStringList scripts = Migrations::scripts(QStringLiteral("sqlite"));
    if (from >= scripts.size())
        return true;

    // All pending migrations in one transaction: a failure leaves the file as it was.
    if (!db.transaction()) {
        m_error = tr("cannot update %1: %2")
                      .arg(QDir::toNativeSeparators(m_path), db.lastError().text());
        return false;
    }
    for (int index = from; index < scripts.size(); ++index) {
        const QStringList statements = Migrations::statements(readScript(scripts[index]));
        for (const QString &statement : statements) {
            if (!query.exec(statement)) {
                m_error = tr("cannot update %1 to schema %2: %3")
                              .arg(QDir::toNativeSeparators(m_path))
                              .arg(index + 1)
                              .arg(query.lastError().text());
                db.rollback();
                return false;
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
        m_error = tr("cannot update %1: %2")
                      .arg(QDir::toNativeSeparators(m_path), query.lastError().text());
        db.rollback();
        return false;
    }
    qCInfo(lcStore) << "migrated" << m_path << "from schema" << from << "to" << scripts.size();
    return true;
}

bool Database::loadDeviceId()
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'device_id'"))
        || !query.next()) {
        m_error = tr("%1 has no device id").arg(QDir::toNativeSeparators(m_path));
        return false;
    }
    m_deviceId = query.value(0).toString();
    return true;
}

bool Database::recordAppVersion()
{
    // Which version last opened the file, for support and for whoever migrates it next; only
    // written when it changes, so an ordinary open writes nothing.
    QSqlQuery query(connection());
    const bool ok
        = query.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('app_version', ?) "
                                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value "
                                       "WHERE value <> excluded.value"));
    query.addBindValue(QStringLiteral(SAFERHOMES_VERSION));
    if (!ok || !query.exec()) {
        m_error = tr("cannot update %1: %2")
                      .arg(QDir::toNativeSeparators(m_path), query.lastError().text());
        return false;
    }
    return true;
}

} // namespace saferhomes
