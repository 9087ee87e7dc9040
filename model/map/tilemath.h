#pragma once

#include <QPointF>
#include <QRectF>

namespace saferhomes {

/// One tile of a Web-Mercator (EPSG:3857) tile pyramid, numbered as XYZ servers number it:
/// x from the antimeridian eastwards, y from the north edge southwards.
struct TileId {
    int z = 0;
    int x = 0;
    int y = 0;
    bool operator==(const TileId &) const = default;
};

/// Web-Mercator tile arithmetic. Positions are "world" coordinates: the square map scaled to
/// [0, 1] (x eastwards from longitude -180, y southwards from latitude +85.0511), so a point
/// has the same world coordinate at every zoom; at zoom z the map is 256 * 2^z pixels wide.
class TileMath {
public:
    static constexpr int kTileSize = 256;
    /// Latitude at which the Web-Mercator square ends (north and south).
    static constexpr double kMaxLatitude = 85.05112877980659;

    /// The world coordinate of (\a latitude, \a longitude) in degrees (latitude clamped).
    static QPointF toWorld(double latitude, double longitude);
    static double latitudeOf(const QPointF &world);
    static double longitudeOf(const QPointF &world);

    /// The map's width in pixels at \a zoom (256 * 2^zoom).
    static double worldSize(double zoom);
    /// The tile at \a zoom holding the world point \a world (clamped to the map).
    static TileId tileAt(const QPointF &world, int zoom);
    /// The world rectangle covered by \a tile.
    static QRectF tileBounds(const TileId &tile);
    /// The row MBTiles (TMS) stores for XYZ row \a y at \a zoom: rows counted from the south.
    static int tmsRow(int zoom, int y) { return (1 << zoom) - 1 - y; }
    /// Ground metres covered by one pixel at \a latitude and \a zoom.
    static double metresPerPixel(double latitude, double zoom);
};

} // namespace saferhomes
