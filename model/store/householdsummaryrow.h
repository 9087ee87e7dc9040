#pragma once

// How the local store reads a household's summary, wherever it lists households (the register's
// lists in householdreads.cpp, the doorstep round in visitrepository.cpp): the same columns in
// the same order, so that one reader serves every such select.

#include "domain/household.h"
#include "domain/householdstatus.h"
#include "sqlvalues.h"

#include <QSqlQuery>
#include <QString>

namespace saferhomes::householdsummaryrow {

/// The summary's columns, first in a select over kLiveHouseholds; read() reads them.
inline const QString kColumns = QStringLiteral(
    "h.id, h.uprn, h.address_line1, h.address_line2, h.town, h.postcode, a.name, r.name, "
    "h.status, h.priority, h.updated_at");

/// The households not deleted (h), each with its area (a) and primary resident (r).
inline const QString kLiveHouseholds
    = QStringLiteral("FROM household h "
                     "LEFT JOIN area a ON a.id = h.area_id "
                     "LEFT JOIN resident r ON r.household_id = h.id AND r.is_primary = 1 "
                     "WHERE h.deleted_at IS NULL");

/// The summary in the first columns of \a query's row (kColumns); the row's local key is left
/// to the caller.
inline HouseholdSummary read(const QSqlQuery &query)
{
    HouseholdSummary row;
    row.id = QUuid::fromString(query.value(0).toString());
    row.uprn = query.value(1).toString();
    row.addressLine1 = query.value(2).toString();
    row.addressLine2 = query.value(3).toString();
    row.town = query.value(4).toString();
    row.postcode = query.value(5).toString();
    row.areaName = query.value(6).toString();
    row.residentName = query.value(7).toString();
    row.status = HouseholdStatusRules::fromName(query.value(8).toString())
                     .value_or(HouseholdStatus::Identified);
    row.priority = query.value(9).toInt();
    row.updatedAt = sqlvalues::readTime(query.value(10));
    return row;
}

} // namespace saferhomes::householdsummaryrow
