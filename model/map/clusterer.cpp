#include "map/clusterer.h"

#include "map/tilemath.h"

#include <QHash>

#include <cmath>

namespace saferhomes {

MapClusters Clusterer::cluster(const QList<QPointF> &world, const QList<int> &members, int zoom,
                               double cellPixels)
{
    MapClusters result;
    result.zoom = zoom;
    QList<QPointF> centres;
    if (zoom >= kNoClusterZoom) {
        result.clusters.reserve(members.size());
        centres.reserve(members.size());
        for (int i : members) {
            result.clusters.append({world[i], {i}});
            centres.append(world[i]);
        }
        result.index = SpatialIndex(std::move(centres));
        return result;
    }
    const double cellsPerWorld = TileMath::worldSize(zoom) / cellPixels;
    QHash<quint64, int> clusterOfCell;
    clusterOfCell.reserve(members.size());
    QList<QPointF> sums;
    for (int i : members) {
        const auto cx = quint64(std::floor(world[i].x() * cellsPerWorld));
        const auto cy = quint64(std::floor(world[i].y() * cellsPerWorld));
        const quint64 cell = (cx << 32) | cy;
        auto it = clusterOfCell.find(cell);
        if (it == clusterOfCell.end()) {
            it = clusterOfCell.insert(cell, int(sums.size()));
            result.clusters.append({QPointF(), {}});
            sums.append(QPointF());
        }
        result.clusters[*it].members.append(i);
        sums[*it] += world[i];
    }
    centres.reserve(sums.size());
    for (int c = 0; c < result.clusters.size(); ++c) {
        MapCluster &cluster = result.clusters[c];
        cluster.centre = sums[c] / double(cluster.members.size());
        centres.append(cluster.centre);
    }
    result.index = SpatialIndex(std::move(centres));
    return result;
}

} // namespace saferhomes
