#include "repository.h"

#include "database.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace saferhomes {

Repository::Repository(const Database &database, QString userName)
    : m_connectionName(database.connectionName())
    , m_userName(std::move(userName))
    , m_device(database.deviceId())
{ }

bool Repository::fail(const QString &message)
{
    m_error = message;
    return false;
}

Error Repository::readError(const QString &what, const QSqlError &error) const
{
    const QString path = QSqlDatabase::database(m_connectionName, false).databaseName();
    return Database::sqlError(
        path, QCoreApplication::translate("Repository", "cannot read %1").arg(what), error);
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
