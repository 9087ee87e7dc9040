// The map with 100,000 households (issue 15's targets): a frame rendered offscreen (< 16 ms,
// 60 frames per second), the clusters of a zoom level rebuilt (< 50 ms), a hit test (< 1 ms).
// Each is printed with a ratio against a baseline measured in the same run: filling an empty
// frame of the same size, grouping the same points by sorting their cell keys, and a
// brute-force hit test over every mark drawn.

#include "common/maprenderer.h"
#include "map/clusterer.h"
#include "map/householdlayer.h"
#include "map/tilemath.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <random>
#include <vector>

using namespace saferhomes;

namespace {

/// The median of \a runs timings of \a work, in milliseconds.
double medianMs(int runs, const std::function<void(int)> &work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work(i);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

void report(const char *what, double ms, double baselineMs, const char *baseline, double target)
{
    std::printf("%-44s %9.4f ms  (target < %g ms: %s)  %7.2fx %s (%.4f ms)\n", what, ms, target,
                ms < target ? "met" : "MISSED", ms / baselineMs, baseline, baselineMs);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    // 100,000 homes over Melton and Oadby & Wigston (about 40 x 30 km), denser in the towns.
    std::mt19937 random(2026);
    std::normal_distribution<double> town(0, 0.02);
    std::uniform_real_distribution<double> lat(52.50, 52.85), lon(-1.20, -0.70);
    QList<MapHousehold> households;
    households.reserve(100'000);
    for (int i = 0; i < 100'000; ++i) {
        MapHousehold household;
        household.id = QUuid::createUuid();
        household.status = HouseholdStatus(i % 11);
        const int kind = i % 3;
        const double la = kind == 0 ? 52.7661 + town(random)
            : kind == 1             ? 52.586 + town(random)
                                    : lat(random);
        const double lo = kind == 0 ? -0.8868 + town(random)
            : kind == 1             ? -1.09 + town(random)
                                    : lon(random);
        household.world = TileMath::toWorld(la, lo);
        households.append(household);
    }
    HouseholdLayer layer;
    layer.setHouseholds(households);
    QList<QPointF> world;
    for (const MapHousehold &household : std::as_const(households))
        world.append(*household.world);

    std::printf("Map with %lld households (median of repeated runs)\n",
                qlonglong(households.size()));

    // Clustering one zoom level, and the baseline: the same grouping by sorting cell keys.
    for (int zoom : {10, 13, 15}) {
        const double cluster = medianMs(7, [&](int) {
            const MapClusters clusters = Clusterer::cluster(world, layer.placed(), zoom);
            if (clusters.clusters.isEmpty())
                std::abort();
        });
        const double sorted = medianMs(7, [&](int) {
            const double cells = TileMath::worldSize(zoom) / Clusterer::kCellPixels;
            std::vector<quint64> keys;
            keys.reserve(world.size());
            for (const QPointF &p : std::as_const(world))
                keys.push_back((quint64(p.x() * cells) << 32) | quint64(p.y() * cells));
            std::sort(keys.begin(), keys.end());
            if (std::unique(keys.begin(), keys.end()) == keys.begin())
                std::abort();
        });
        char what[64];
        std::snprintf(what, sizeof what, "clusters of zoom %d rebuilt", zoom);
        report(what, cluster, sorted, "sort-by-cell baseline", 50);
    }

    // Frames of 1280 x 800 while panning, at several zooms (clusters built beforehand, as
    // the widget has them after its first frame at a zoom).
    const QSize size(1280, 800);
    MapRenderer renderer;
    renderer.setLayer(&layer);
    QImage frame(size, QImage::Format_ARGB32_Premultiplied);
    const double empty = medianMs(31, [&](int) {
        QPainter painter(&frame);
        painter.fillRect(frame.rect(), MapStyle::light().background);
    });
    for (double zoom : {11.0, 13.0, 14.5, 16.0, 17.5}) {
        MapViewport view(TileMath::toWorld(52.7661, -0.8868), zoom, QSizeF(size));
        layer.clustersAt(HouseholdLayer::clusterZoom(zoom));
        const double ms = medianMs(31, [&](int i) {
            view.panBy(QPointF(i % 2 ? 40 : -40, 10));
            QPainter painter(&frame);
            renderer.render(painter, view);
        });
        char what[64];
        std::snprintf(what, sizeof what, "frame 1280x800 at zoom %.1f", zoom);
        report(what, ms, empty, "empty-frame fill", 16);
    }

    // Hit tests at random points of the screen, and the brute-force baseline over the marks.
    for (double zoom : {12.0, 16.0, 18.0}) {
        const MapViewport view(TileMath::toWorld(52.7661, -0.8868), zoom, QSizeF(size));
        const MapClusters &clusters = layer.clustersAt(HouseholdLayer::clusterZoom(zoom));
        std::vector<QPointF> points;
        for (int i = 0; i < 1000; ++i)
            points.emplace_back(random() % size.width(), random() % size.height());
        int found = 0;
        const double indexed = medianMs(1000, [&](int i) {
            found += layer.hitTest(view, points[size_t(i)]).kind != MapHit::Kind::Nothing;
        });
        int bruteFound = 0;
        const double brute = medianMs(50, [&](int i) {
            const QPointF at = view.toWorld(points[size_t(i)]);
            const double radius = 12 / view.scale();
            int best = -1;
            double bestDistance = radius * radius;
            for (int c = 0; c < clusters.clusters.size(); ++c) {
                const QPointF d = clusters.clusters[c].centre - at;
                const double distance = d.x() * d.x() + d.y() * d.y();
                if (distance <= bestDistance) {
                    best = c;
                    bestDistance = distance;
                }
            }
            bruteFound += best >= 0;
        });
        char what[64];
        std::snprintf(what, sizeof what, "hit test at zoom %.0f (%d of 1000 hit)", zoom, found);
        report(what, indexed, brute, "brute-force baseline", 1);
    }
    return 0;
}
