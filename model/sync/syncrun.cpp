#include "syncrun.h"

#include "centralconnection.h"
#include "synclog.h"

namespace saferhomes {

bool SyncRun::fail(const Error &error) const
{
    result.status = error;
    qCDebug(lcSync) << error.message;
    return false;
}

bool SyncRun::fail(const QString &message) const
{
    return fail(Error::database(message));
}

bool SyncRun::failCentral(const CentralConnection &central) const
{
    return fail(central.error());
}

} // namespace saferhomes
