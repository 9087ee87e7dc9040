#include "syncrun.h"

#include "centralconnection.h"
#include "synclog.h"

namespace saferhomes {

bool SyncRun::fail(const QString &message) const
{
    result.error = message;
    qCDebug(lcSync) << message;
    return false;
}

bool SyncRun::failCentral(const CentralConnection &central) const
{
    result.unreachable = central.failure() == CentralConnection::Failure::Unreachable;
    return fail(central.errorString());
}

} // namespace saferhomes
