#include "repository.h"

#include "database.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

Repository::Repository(const Database &database, QString userName)
    : m_connectionName(database.connectionName())
    , m_userName(std::move(userName))
    , m_device(database.deviceId())
{ }

Error Repository::readError(const QString &what, const QSqlError &error) const
{
    const QString path = QSqlDatabase::database(m_connectionName, false).databaseName();
    return Database::sqlError(
        path, QCoreApplication::translate("Repository", "cannot read %1").arg(what), error);
}

Result<QString> Repository::syncedRole() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = 'role'"))
        || !query.exec())
        return readError(QCoreApplication::translate("Repository", "the sync state"),
                         query.lastError());
    if (query.next())
        return query.value(0).toString();
    if (query.lastError().isValid())
        return readError(QCoreApplication::translate("Repository", "the sync state"),
                         query.lastError());
    return QString();
}

} // namespace saferhomes

namespace saferhomes {

Error Repository::writeError(const QString &what, const QSqlError &error) const
{
    const QString path = QSqlDatabase::database(m_connectionName, false).databaseName();
    return Database::sqlError(
        path, QCoreApplication::translate("Repository", "cannot write %1").arg(what), error);
}

} // namespace saferhomes
