#pragma once

// Shared by the files of JobRepository (jobrepository.cpp, jobcompletion.cpp, jobbookings.cpp).

#include "domain/result.h"

#include <QString>

namespace saferhomes {

class AuditLog;

namespace jobstore {

/// Moves the household along the funnel after its jobs changed, inside the caller's
/// transaction (DESIGN §8): `installed` once a job is completed and none is open, `scheduled`
/// while a job is booked, else back to `accepted`. Only accepted and scheduled households move.
/// Error::Database or Error::Locked, naming the database, when it could not be read or written.
Status settleHousehold(const QString &connectionName, AuditLog &audit, const QString &householdId,
                       const QString &at);

} // namespace jobstore

} // namespace saferhomes
