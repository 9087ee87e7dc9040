#pragma once

#include "changedownload.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace saferhomes {

class CentralConnection;
struct ServerHello;
struct SyncRun;

/// Keeps the device holding what its user may see, and nothing else (DESIGN §7, "Scope
/// changes"), after the rows have been pulled: households moved into the user's areas come in
/// full and those moved out go; a gained area's households come in full and a lost area's go;
/// a household whose record arrived without it (a fitter's new job) is fetched; a fitter's
/// household goes once their last job there is cancelled.
class DeviceScope {
    Q_DECLARE_TR_FUNCTIONS(DeviceScope)

public:
    DeviceScope(CentralConnection &central, const ServerHello &hello, SyncRun &run,
                QString watermark);

    /// Applies every change of scope; stops at the first failure and returns it.
    Status apply(const QList<HouseholdMove> &moves);

private:
    Status applyMoves(const QList<HouseholdMove> &moves);
    Status applyAreas();
    Status fetchOrphans();
    Status dropFinishedJobs();
    /// Downloads every row of the households \a households selects.
    Status fetch(const QString &households);
    /// Removes \a householdIds from this device in a transaction of its own; a failure is
    /// put \a why ("cannot remove ...") in front of.
    Status remove(const QStringList &householdIds, const QString &why);
    Status recordAreas();
    /// The ids of the first column of \a sql on the local database.
    Result<QStringList> localIds(const QString &sql, const QStringList &values = {}) const;

    CentralConnection &m_central;
    const ServerHello &m_hello;
    SyncRun &m_run;
    QString m_watermark;
};

} // namespace saferhomes
