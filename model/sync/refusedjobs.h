#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace saferhomes {

class CentralConnection;
struct ServerHello;
struct SyncRun;

/// After a sync's pull: a job whose change the central database refused takes the server's
/// version, and its stock reservations follow it (DESIGN §7 "jobs: the server decides", §8).
///
/// The server's row is fetched by id, since the pull brings only rows changed since the last
/// one and a refused change leaves the server's row as it was. The reservations are then
/// brought in line with the job as the server holds it (stockstore::settleJobReservations):
/// what the refused change reserved elsewhere is released, what it released is reserved
/// again. The movements go to the outbox like any other, and the sync pushes them.
class RefusedJobs {
    Q_DECLARE_TR_FUNCTIONS(RefusedJobs)

public:
    RefusedJobs(CentralConnection &central, const ServerHello &hello, SyncRun &run);

    /// Settles the jobs whose ops were refused after \a since (a store timestamp; empty: any
    /// time). Error::Database or Error::Locked when the local database failed; Error::Network
    /// or Error::Refused when the server's jobs could not be read.
    Status settle(const QString &since);

private:
    Result<QStringList> refusedSince(const QString &since);
    /// Stores the server's version of the jobs \a ids; the ids of those the server has.
    Result<QStringList> fetch(const QStringList &ids);
    Status settleReservations(const QStringList &ids);

    CentralConnection &m_central;
    const ServerHello &m_hello;
    SyncRun &m_run;
};

} // namespace saferhomes
