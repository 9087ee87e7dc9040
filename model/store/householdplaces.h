#pragma once

#include "map/householdlayer.h"
#include "repository.h"

#include <QCoreApplication>
#include <QList>

namespace saferhomes {

/// Reads what the map shows of every household: status, area, address and position
/// (converted to map coordinates), in one query without residents.
class HouseholdPlaces : public Repository {
    Q_DECLARE_TR_FUNCTIONS(HouseholdPlaces)

public:
    HouseholdPlaces(const Database &database, QString userName);

    /// Every household not deleted, in local key order.
    Result<QList<MapHousehold>> all() const;
};

} // namespace saferhomes
