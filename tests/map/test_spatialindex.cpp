#include "map/clusterer.h"
#include "map/householdlayer.h"
#include "map/spatialindex.h"
#include "map/tilemath.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

namespace saferhomes {
namespace {

/// Points round Melton Mowbray (about 10 km across), some of them on the same spot.
QList<QPointF> randomPoints(unsigned seed, int count)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> lat(52.72, 52.81), lon(-0.96, -0.82);
    QList<QPointF> points;
    for (int i = 0; i < count; ++i) {
        if (i > 0 && random() % 10 == 0)
            points.append(points[int(random() % points.size())]); // a duplicate position
        else
            points.append(TileMath::toWorld(lat(random), lon(random)));
    }
    return points;
}

int bruteNearest(const QList<QPointF> &points, const QPointF &at, double radius)
{
    int best = -1;
    double bestDistance = 0;
    for (int i = 0; i < points.size(); ++i) {
        const double d = std::pow(points[i].x() - at.x(), 2) + std::pow(points[i].y() - at.y(), 2);
        if (d <= radius * radius && (best < 0 || d < bestDistance)) {
            best = i;
            bestDistance = d;
        }
    }
    return best;
}

TEST(SpatialIndex, NearestMatchesBruteForce)
{
    for (unsigned seed = 1; seed <= 20; ++seed) {
        const QList<QPointF> points = randomPoints(seed, 50 + int(seed) * 37);
        const SpatialIndex index(points, 1 + int(seed % 6));
        std::mt19937 random(seed * 7919);
        std::uniform_real_distribution<double> lat(52.70, 52.83), lon(-0.98, -0.80);
        for (int q = 0; q < 200; ++q) {
            const QPointF at = TileMath::toWorld(lat(random), lon(random));
            // Radii from a few metres to a few kilometres.
            const double radius = std::exp2(-(12.0 + double(random() % 10)));
            EXPECT_EQ(index.nearest(at, radius), bruteNearest(points, at, radius))
                << "seed " << seed << " query " << q;
        }
    }
}

TEST(SpatialIndex, RectangleMatchesBruteForce)
{
    for (unsigned seed = 1; seed <= 20; ++seed) {
        const QList<QPointF> points = randomPoints(seed, 300);
        const SpatialIndex index(points);
        std::mt19937 random(seed);
        for (int q = 0; q < 50; ++q) {
            const QPointF a = points[int(random() % points.size())];
            const QPointF b = points[int(random() % points.size())];
            const QRectF rect = QRectF(a, b).normalized();
            QList<int> expected;
            for (int i = 0; i < points.size(); ++i) {
                if (points[i].x() >= rect.left() && points[i].x() <= rect.right()
                    && points[i].y() >= rect.top() && points[i].y() <= rect.bottom())
                    expected.append(i);
            }
            EXPECT_EQ(index.inRect(rect), expected) << "seed " << seed;
        }
    }
}

TEST(SpatialIndex, EmptyAndSinglePoint)
{
    const SpatialIndex empty(QList<QPointF> {});
    EXPECT_EQ(empty.nearest(QPointF(0.5, 0.5), 1), -1);
    EXPECT_TRUE(empty.inRect(QRectF(0, 0, 1, 1)).isEmpty());
    const SpatialIndex one(QList<QPointF> {QPointF(0.25, 0.75)});
    EXPECT_EQ(one.nearest(QPointF(0.25, 0.75), 0), 0);
    EXPECT_EQ(one.nearest(QPointF(0.3, 0.75), 0.01), -1);
    EXPECT_EQ(one.nearest(QPointF(0.3, 0.75), 0.05), 0);
}

TEST(Clusterer, MatchesBruteForceGrouping)
{
    for (unsigned seed = 1; seed <= 10; ++seed) {
        const QList<QPointF> points = randomPoints(seed, 2000);
        QList<int> members;
        for (int i = 0; i < points.size(); ++i) {
            if (i % 3 != 0) // a filter leaves some out
                members.append(i);
        }
        for (int zoom : {8, 11, 13, 14, 16}) {
            const MapClusters clusters = Clusterer::cluster(points, members, zoom, 48);
            // Brute force: the cell of each point at this zoom, by plain arithmetic.
            const double cells = 256.0 * std::pow(2.0, zoom) / 48;
            std::map<std::pair<long, long>, QList<int>> expected;
            for (int i : members) {
                expected[{long(std::floor(points[i].x() * cells)),
                          long(std::floor(points[i].y() * cells))}]
                    .append(i);
            }
            ASSERT_EQ(clusters.clusters.size(), qsizetype(expected.size()));
            std::map<QList<int>, QPointF> got;
            int total = 0;
            for (const MapCluster &cluster : clusters.clusters) {
                got[cluster.members] = cluster.centre;
                total += int(cluster.members.size());
            }
            EXPECT_EQ(total, members.size());
            for (const auto &[cell, expectedMembers] : expected) {
                const auto it = got.find(expectedMembers);
                ASSERT_NE(it, got.end()) << "zoom " << zoom;
                QPointF mean;
                for (int i : expectedMembers)
                    mean += points[i];
                mean /= double(expectedMembers.size());
                EXPECT_NEAR(it->second.x(), mean.x(), 1e-12);
                EXPECT_NEAR(it->second.y(), mean.y(), 1e-12);
            }
        }
    }
}

TEST(Clusterer, StreetLevelShowsEveryPoint)
{
    const QList<QPointF> points = randomPoints(3, 500);
    QList<int> members;
    for (int i = 0; i < points.size(); ++i)
        members.append(i);
    const MapClusters clusters = Clusterer::cluster(points, members, Clusterer::kNoClusterZoom);
    ASSERT_EQ(clusters.clusters.size(), points.size());
    for (int i = 0; i < points.size(); ++i)
        EXPECT_EQ(clusters.clusters[i].members, QList<int> {i});
}

TEST(HouseholdLayer, HitTestMatchesBruteForceOverClusters)
{
    const QList<QPointF> points = randomPoints(11, 3000);
    QList<MapHousehold> households;
    for (int i = 0; i < points.size(); ++i) {
        MapHousehold household;
        household.status = HouseholdStatus(i % 11);
        if (i % 17 != 0)
            household.world = points[i];
        households.append(household);
    }
    HouseholdLayer layer;
    layer.setHouseholds(households);
    layer.setHiddenStatuses({HouseholdStatus::Declined});
    // i % 17 == 0: 177 of 3000, less the 16 declined among them (i = 51 + 187k).
    EXPECT_EQ(layer.unplaced().size(), 161);
    std::mt19937 random(5);
    for (double zoom : {10.0, 12.4, 13.6, 15.0, 17.2}) {
        const MapViewport view(TileMath::toWorld(52.765, -0.89), zoom, QSizeF(900, 700));
        const MapClusters &clusters = layer.clustersAt(HouseholdLayer::clusterZoom(zoom));
        for (int q = 0; q < 300; ++q) {
            const QPointF screen(random() % 900, random() % 700);
            // Brute force over the clusters drawn, in screen pixels.
            int best = -1;
            double bestDistance = 0;
            for (int c = 0; c < clusters.clusters.size(); ++c) {
                const QPointF d = view.toScreen(clusters.clusters[c].centre) - screen;
                const double distance = std::hypot(d.x(), d.y());
                if (distance <= 12 + 1e-9 && (best < 0 || distance < bestDistance)) {
                    best = c;
                    bestDistance = distance;
                }
            }
            const MapHit hit = layer.hitTest(view, screen, 12);
            if (best < 0) {
                EXPECT_EQ(hit.kind, MapHit::Kind::Nothing);
                continue;
            }
            EXPECT_EQ(hit.households, clusters.clusters[best].members);
            for (int i : hit.households)
                EXPECT_NE(households[i].status, HouseholdStatus::Declined);
        }
    }
}

} // namespace
} // namespace saferhomes
