#include "map/householdlayer.h"

#include <algorithm>
#include <cmath>

namespace saferhomes {

void HouseholdLayer::setHouseholds(QList<MapHousehold> households)
{
    m_households = std::move(households);
    m_world.clear();
    m_world.reserve(m_households.size());
    for (const MapHousehold &household : std::as_const(m_households))
        m_world.append(household.world.value_or(QPointF()));
    refilter();
}

void HouseholdLayer::setHiddenStatuses(const QSet<HouseholdStatus> &hidden)
{
    m_hidden = hidden;
    refilter();
}

void HouseholdLayer::setArea(const QString &area)
{
    m_area = area;
    refilter();
}

bool HouseholdLayer::passesFilter(const MapHousehold &household) const
{
    return !m_hidden.contains(household.status) && (m_area.isEmpty() || household.area == m_area);
}

void HouseholdLayer::refilter()
{
    m_placed.clear();
    m_unplaced.clear();
    m_clusters.clear();
    m_bounds.reset();
    double left = 1, top = 1, right = 0, bottom = 0;
    for (int i = 0; i < m_households.size(); ++i) {
        const MapHousehold &household = m_households[i];
        if (!passesFilter(household))
            continue;
        if (!household.world) {
            m_unplaced.append(i);
            continue;
        }
        m_placed.append(i);
        left = std::min(left, household.world->x());
        right = std::max(right, household.world->x());
        top = std::min(top, household.world->y());
        bottom = std::max(bottom, household.world->y());
    }
    if (!m_placed.isEmpty())
        m_bounds = QRectF(QPointF(left, top), QPointF(right, bottom));
}

int HouseholdLayer::clusterZoom(double zoom)
{
    return std::clamp(int(std::floor(zoom + 0.5)), 0, int(MapViewport::kMaxZoom));
}

const MapClusters &HouseholdLayer::clustersAt(int zoom) const
{
    auto it = m_clusters.find(zoom);
    if (it == m_clusters.end())
        it = m_clusters.insert(zoom, Clusterer::cluster(m_world, m_placed, zoom));
    return *it;
}

MapHit HouseholdLayer::hitTest(const MapViewport &view, const QPointF &screen, double radius) const
{
    const MapClusters &clusters = clustersAt(clusterZoom(view.zoom()));
    const int nearest = clusters.index.nearest(view.toWorld(screen), radius / view.scale());
    if (nearest < 0)
        return {};
    const MapCluster &cluster = clusters.clusters[nearest];
    return {cluster.members.size() == 1 ? MapHit::Kind::Household : MapHit::Kind::Cluster,
            cluster.members};
}

} // namespace saferhomes
