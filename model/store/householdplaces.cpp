#include "householdplaces.h"

#include "map/tilemath.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

HouseholdPlaces::HouseholdPlaces(const Database &database, QString userName)
    : Repository(database, std::move(userName))
{ }

Result<QList<MapHousehold>> HouseholdPlaces::all() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    QList<MapHousehold> result;
    if (!query.exec(QStringLiteral(
            "SELECT h.id, h.address_line1, h.postcode, coalesce(a.name, ''), h.status, "
            "h.latitude, h.longitude FROM household h LEFT JOIN area a ON a.id = h.area_id "
            "WHERE h.deleted_at IS NULL ORDER BY h.rid")))
        return readError(tr("households"), query.lastError());
    while (query.next()) {
        MapHousehold household;
        household.id = QUuid::fromString(query.value(0).toString());
        household.address = query.value(1).toString();
        household.postcode = query.value(2).toString();
        household.area = query.value(3).toString();
        household.status = HouseholdStatusRules::fromName(query.value(4).toString())
                               .value_or(HouseholdStatus::Identified);
        if (!query.value(5).isNull() && !query.value(6).isNull())
            household.world
                = TileMath::toWorld(query.value(5).toDouble(), query.value(6).toDouble());
        result.append(household);
    }
    if (query.lastError().isValid())
        return readError(tr("households"), query.lastError());
    return result;
}

} // namespace saferhomes
