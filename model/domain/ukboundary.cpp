#include "ukboundary.h"

#include <QGeoCoordinate>
#include <QGeoPolygon>
#include <QList>

#include <array>
#include <utility>

namespace saferhomes {

namespace {

using Point = std::pair<double, double>; // latitude, longitude

// Mainland Great Britain with Anglesey, Skye, Mull, Islay, Arran and the Isle of Wight,
// clockwise from Land's End.
constexpr std::array kGreatBritain {
    Point {50.02, -5.80}, Point {49.90, -5.20}, Point {50.20, -4.20}, Point {50.15, -3.60},
    Point {50.48, -2.50}, Point {50.55, -1.30}, Point {50.70, -0.75}, Point {50.68, 0.30},
    Point {50.85, 1.02},  Point {51.10, 1.48},  Point {51.40, 1.50},  Point {51.78, 1.35},
    Point {52.10, 1.70},  Point {52.50, 1.82},  Point {52.95, 1.45},  Point {53.00, 0.40},
    Point {53.50, 0.20},  Point {54.10, -0.05}, Point {54.55, -0.55}, Point {55.05, -1.30},
    Point {55.80, -1.90}, Point {56.00, -2.30}, Point {56.30, -2.50}, Point {57.10, -1.95},
    Point {57.55, -1.70}, Point {57.72, -2.00}, Point {57.70, -3.60}, Point {58.00, -3.80},
    Point {58.40, -2.95}, Point {58.72, -2.95}, Point {58.72, -3.40}, Point {58.68, -5.10},
    Point {58.20, -5.45}, Point {57.75, -5.90}, Point {57.75, -6.70}, Point {57.20, -6.65},
    Point {56.55, -6.50}, Point {56.35, -6.50}, Point {55.85, -6.55}, Point {55.55, -6.55},
    Point {55.28, -5.85}, Point {54.95, -5.25}, Point {54.60, -4.90}, Point {54.68, -3.75},
    Point {54.45, -3.70}, Point {54.05, -3.30}, Point {53.40, -3.20}, Point {53.45, -4.60},
    Point {53.20, -4.75}, Point {52.75, -4.85}, Point {52.10, -4.80}, Point {51.88, -5.40},
    Point {51.60, -5.20}, Point {51.55, -4.30}, Point {51.35, -3.30}, Point {51.20, -4.30},
    Point {51.00, -4.60}, Point {50.55, -5.10}, Point {50.20, -5.55},
};

// The Outer Hebrides.
constexpr std::array kOuterHebrides {
    Point {58.60, -6.10}, Point {58.10, -6.10}, Point {57.40, -7.10}, Point {56.75, -7.40},
    Point {56.75, -7.75}, Point {57.70, -7.80}, Point {58.30, -7.20}, Point {58.60, -6.60},
};

// Orkney and Shetland.
constexpr std::array kNorthernIsles {
    Point {58.70, -3.50}, Point {58.70, -2.30}, Point {59.50, -2.20}, Point {60.00, -0.95},
    Point {60.90, -0.60}, Point {60.90, -1.20}, Point {60.20, -2.20}, Point {59.45, -3.50},
};

// The Isles of Scilly.
constexpr std::array kScilly {
    Point {49.85, -6.50},
    Point {49.85, -6.20},
    Point {50.00, -6.20},
    Point {50.00, -6.50},
};

// Northern Ireland: the coast from Magilligan round to Carlingford Lough, then the border.
constexpr std::array kNorthernIreland {
    Point {55.20, -6.95}, Point {55.25, -6.50}, Point {55.32, -6.15}, Point {55.25, -5.90},
    Point {54.95, -5.70}, Point {54.65, -5.40}, Point {54.25, -5.50}, Point {54.02, -6.05},
    Point {54.07, -6.62}, Point {54.28, -6.85}, Point {54.40, -7.00}, Point {54.20, -7.25},
    Point {54.30, -7.85}, Point {54.48, -8.15}, Point {54.56, -7.80}, Point {54.70, -7.60},
    Point {54.84, -7.48}, Point {55.03, -7.38}, Point {55.10, -7.20},
};

template<size_t N> QGeoPolygon polygon(const std::array<Point, N> &points)
{
    QList<QGeoCoordinate> path;
    for (const auto &[latitude, longitude] : points)
        path.append(QGeoCoordinate(latitude, longitude));
    return QGeoPolygon(path);
}

} // namespace

bool UkBoundary::contains(double latitude, double longitude)
{
    static const std::array<QGeoPolygon, 5> outlines {
        polygon(kGreatBritain), polygon(kOuterHebrides), polygon(kNorthernIsles), polygon(kScilly),
        polygon(kNorthernIreland)};
    const QGeoCoordinate position(latitude, longitude);
    if (!position.isValid())
        return false;
    for (const QGeoPolygon &outline : outlines) {
        if (outline.contains(position))
            return true;
    }
    return false;
}

} // namespace saferhomes
