#pragma once

#include "map/spatialindex.h"

#include <QList>
#include <QPointF>

namespace saferhomes {

/// Points drawn as one mark at a zoom level: a single household or a cluster of several.
struct MapCluster {
    QPointF centre; ///< world coordinate: the members' mean
    QList<int> members; ///< indices into the points clustered, ascending
};

/// The clusters of one zoom level, with an index over their centres for hit testing.
struct MapClusters {
    int zoom = 0;
    QList<MapCluster> clusters;
    SpatialIndex index;
};

/// Groups points that would crowd each other at a zoom level: the map is cut into square
/// cells of cellPixels at that zoom and the points of one cell make one cluster (a cell
/// with one point is that point). One pass over the points, so a zoom level's clusters are
/// rebuilt in milliseconds for 100,000 households.
class Clusterer {
public:
    static constexpr double kCellPixels = 48;
    /// From this zoom on (street level) every household is drawn on its own.
    static constexpr int kNoClusterZoom = 17;

    /// Clusters the points \a members of \a world at \a zoom.
    static MapClusters cluster(const QList<QPointF> &world, const QList<int> &members, int zoom,
                               double cellPixels = kCellPixels);
};

} // namespace saferhomes
