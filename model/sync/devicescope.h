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

    /// Applies every change of scope; false (the reason in the run) on the first failure.
    bool apply(const QList<HouseholdMove> &moves);

private:
    bool applyMoves(const QList<HouseholdMove> &moves);
    bool applyAreas();
    bool fetchOrphans();
    bool dropFinishedJobs();
    /// Downloads every row of the households \a households selects.
    bool fetch(const QString &households);
    /// Removes \a householdIds from this device in a transaction of its own.
    bool remove(const QStringList &householdIds, const QString &why);
    bool recordAreas();

    CentralConnection &m_central;
    const ServerHello &m_hello;
    SyncRun &m_run;
    QString m_watermark;
};

} // namespace saferhomes
