#include "map/tilemath.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace saferhomes {

namespace {

constexpr double kDegree = std::numbers::pi / 180.0;
/// The equator's length in metres on the WGS84 sphere Web-Mercator uses.
constexpr double kEquatorMetres = 2 * std::numbers::pi * 6378137.0;

} // namespace

QPointF TileMath::toWorld(double latitude, double longitude)
{
    const double lat = std::clamp(latitude, -kMaxLatitude, kMaxLatitude) * kDegree;
    const double x = (longitude + 180.0) / 360.0;
    const double y = (1.0 - std::asinh(std::tan(lat)) / std::numbers::pi) / 2.0;
    return {x, y};
}

double TileMath::latitudeOf(const QPointF &world)
{
    return std::atan(std::sinh(std::numbers::pi * (1.0 - 2.0 * world.y()))) / kDegree;
}

double TileMath::longitudeOf(const QPointF &world)
{
    return world.x() * 360.0 - 180.0;
}

double TileMath::worldSize(double zoom)
{
    return kTileSize * std::exp2(zoom);
}

TileId TileMath::tileAt(const QPointF &world, int zoom)
{
    const int n = 1 << zoom;
    const auto index = [n](double v) {
        return std::clamp(int(std::floor(v * n)), 0, n - 1);
    };
    return {zoom, index(world.x()), index(world.y())};
}

QRectF TileMath::tileBounds(const TileId &tile)
{
    const double size = 1.0 / double(1 << tile.z);
    return {tile.x * size, tile.y * size, size, size};
}

double TileMath::metresPerPixel(double latitude, double zoom)
{
    return kEquatorMetres * std::cos(latitude * kDegree) / worldSize(zoom);
}

} // namespace saferhomes
