#include "repository.h"

#include "database.h"

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

} // namespace saferhomes
