#pragma once

#include "domain/householdstatus.h"
#include "map/clusterer.h"
#include "map/mapviewport.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QSet>
#include <QString>
#include <QUuid>

#include <optional>

namespace saferhomes {

/// What the map needs of a household.
struct MapHousehold {
    QUuid id;
    QString address; ///< first address line
    QString postcode;
    QString area;
    HouseholdStatus status = HouseholdStatus::Identified;
    std::optional<QPointF> world; ///< TileMath world coordinate; none: not on the map
};

/// What is under a point of the map.
struct MapHit {
    enum class Kind { Nothing, Household, Cluster };
    Kind kind = Kind::Nothing;
    QList<int> households; ///< indices into HouseholdLayer::households()
};

/// The households a map shows: which pass the filters (statuses shown, an area), where they
/// are, their clusters at each zoom level (built when first asked for, kept until the
/// households or filters change) and what is under a point on screen.
class HouseholdLayer {
public:
    void setHouseholds(QList<MapHousehold> households);
    const QList<MapHousehold> &households() const { return m_households; }

    /// Statuses not shown (the legend's filter).
    void setHiddenStatuses(const QSet<HouseholdStatus> &hidden);
    QSet<HouseholdStatus> hiddenStatuses() const { return m_hidden; }
    /// Only households of \a area (its name) when not empty.
    void setArea(const QString &area);
    QString area() const { return m_area; }

    bool passesFilter(const MapHousehold &household) const;
    /// The households passing the filters that have a position, ascending.
    const QList<int> &placed() const { return m_placed; }
    /// The households passing the filters that have no position ("not on the map").
    const QList<int> &unplaced() const { return m_unplaced; }
    /// The world rectangle round the placed households (none when there are none).
    std::optional<QRectF> bounds() const { return m_bounds; }

    /// The zoom level whose clusters a view at \a zoom shows.
    static int clusterZoom(double zoom);
    /// The clusters at \a zoom (clusterZoom() of the view's zoom).
    const MapClusters &clustersAt(int zoom) const;
    /// The household or cluster drawn nearest to \a screen within \a radius pixels.
    MapHit hitTest(const MapViewport &view, const QPointF &screen, double radius = 12) const;

private:
    void refilter();

    QList<MapHousehold> m_households;
    QList<QPointF> m_world; ///< each household's world coordinate (0, 0 when it has none)
    QSet<HouseholdStatus> m_hidden;
    QString m_area;
    QList<int> m_placed;
    QList<int> m_unplaced;
    std::optional<QRectF> m_bounds;
    mutable QHash<int, MapClusters> m_clusters;
};

} // namespace saferhomes
