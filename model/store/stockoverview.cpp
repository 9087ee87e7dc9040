#include "stockoverview.h"

#include "domain/stock.h"
#include "equipmentrepository.h"
#include "fitterrepository.h"
#include "stockledger.h"

#include <QHash>

#include <algorithm>

namespace saferhomes {

StockOverview::StockOverview(const Database &database, QString userName)
    : Repository(database, std::move(userName))
    , m_database(database)
{ }

Result<QList<StockPlace>> StockOverview::places() const
{
    const Result<QList<Fitter>> fitters = FitterRepository(m_database, m_userName).all();
    if (!fitters)
        return fitters.error();
    QList<StockPlace> places {{StockLocation::depot(), tr("Depot"), {}}};
    for (const Fitter &fitter : *fitters)
        places.append({StockLocation::van(fitter.id), tr("Van: %1").arg(fitter.name), fitter.name});
    return places;
}

Result<QList<StockOverviewLine>> StockOverview::levels(const QString &location) const
{
    const Result<QList<EquipmentType>> catalogue
        = EquipmentRepository(m_database, m_userName, {}).all();
    if (!catalogue)
        return catalogue.error();
    const Result<QList<StockPlace>> known = places();
    if (!known)
        return known.error();
    const Result<QList<StockLevel>> ledger = StockLedger(m_database, m_userName).levels(location);
    if (!ledger)
        return ledger.error();

    QHash<QString, EquipmentType> types;
    for (const EquipmentType &type : *catalogue)
        types.insert(type.code, type);
    QHash<QString, int> placeOrder;
    QHash<QString, QString> placeNames;
    for (qsizetype i = 0; i < known->size(); ++i) {
        placeOrder.insert(known->at(i).location, int(i));
        placeNames.insert(known->at(i).location, known->at(i).name);
    }
    QHash<std::pair<QString, QString>, StockLevel> levels;
    for (const StockLevel &level : *ledger)
        levels.insert({level.code, level.location}, level);
    // Every item has a depot line, so an item never received still asks to be ordered.
    if (location.isEmpty() || StockLocation::isDepot(location)) {
        for (const EquipmentType &type : *catalogue) {
            const std::pair key {type.code, StockLocation::depot()};
            if (!levels.contains(key))
                levels.insert(key, {type.code, StockLocation::depot(), 0, 0});
        }
    }

    QList<StockOverviewLine> lines;
    for (const StockLevel &level : std::as_const(levels)) {
        const EquipmentType type = types.value(level.code);
        StockOverviewLine line;
        line.code = level.code;
        line.item = type.name.isEmpty() ? level.code : type.label();
        line.location = level.location;
        line.locationName = placeNames.value(level.location, level.location);
        line.onHand = level.onHand;
        line.reserved = level.reserved;
        line.available = level.available();
        line.reorderLevel = type.reorderLevel;
        line.belowReorder = StockLocation::isDepot(level.location)
            && isBelowReorder(line.available, type.reorderLevel);
        lines.append(line);
    }
    std::sort(lines.begin(), lines.end(), [&](const auto &a, const auto &b) {
        const int ai = placeOrder.value(a.location, int(placeOrder.size()));
        const int bi = placeOrder.value(b.location, int(placeOrder.size()));
        return std::tie(a.item, a.code, ai, a.location) < std::tie(b.item, b.code, bi, b.location);
    });
    return lines;
}

} // namespace saferhomes
