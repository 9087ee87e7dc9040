#pragma once

#include "testdevice.h"

#include <QList>
#include <QStringList>

namespace saferhomes::synctest {

class PgSession;

/// Adds a history of every version of every household and resident row to the central
/// database (a trigger, as the superuser): what "no acknowledged write lost" is checked against.
bool installRowHistory(PgSession &superuser);

/// The households and residents \a session's login may see, as TextTables; eligibility left
/// empty unless \a withEligibility.
TextTables centralTables(PgSession &session, bool withEligibility);

/// A device with the user it syncs as.
struct DeviceUnderTest {
    TestDevice *device = nullptr;
    PgSession *asUser = nullptr; ///< a session of the device's login on the central database
    QStringList areas; ///< the areas of the device's user
    bool readsEligibility = true; ///< false for volunteers
    bool readsStock = false; ///< the user may read the stock ledger (coordinators)
};

/// Checks, once every device has synced until nothing moves, the invariants of DESIGN §12:
/// - nothing left to send, every file sound;
/// - exactly once: the ops in applied_ops are exactly the ops the devices made, each once,
///   under the login that made it; no household has two primary residents;
/// - no acknowledged write lost: every op made reached the server, and each field an applied
///   op did not report in conflict was, at some point, the server's value (row history);
///   every refusal and conflict the server recorded is recorded on the device that made the op,
///   once;
/// - stock conserved: the server's ledger is exactly the accepted movements the devices made,
///   and every device that reads the ledger holds all of it;
/// - convergence and scope: each device holds exactly the rows its user sees on the server,
///   field by field (less what the device's own refused ops changed), none outside its areas.
/// Returns every violation found; empty when all hold.
QStringList checkSyncInvariants(PgSession &superuser, const QList<DeviceUnderTest> &devices);

} // namespace saferhomes::synctest
