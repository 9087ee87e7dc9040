#include "map/mapviewport.h"
#include "map/tilemath.h"

#include <gtest/gtest.h>

namespace saferhomes {
namespace {

TEST(TileMath, ZoomZeroCornersAndCentre)
{
    // The Web-Mercator square: (85.0511 N, 180 W) is its north-west corner, (0, 0) its centre.
    EXPECT_NEAR(TileMath::toWorld(0, 0).x(), 0.5, 1e-12);
    EXPECT_NEAR(TileMath::toWorld(0, 0).y(), 0.5, 1e-12);
    const QPointF northWest = TileMath::toWorld(TileMath::kMaxLatitude, -180);
    EXPECT_NEAR(northWest.x(), 0, 1e-12);
    EXPECT_NEAR(northWest.y(), 0, 1e-9);
    const QPointF southEast = TileMath::toWorld(-TileMath::kMaxLatitude, 180);
    EXPECT_NEAR(southEast.x(), 1, 1e-12);
    EXPECT_NEAR(southEast.y(), 1, 1e-9);
    // Beyond the square, latitudes are clamped to its edge.
    EXPECT_NEAR(TileMath::toWorld(89.9, 0).y(), 0, 1e-9);
}

TEST(TileMath, ZoomOneQuadrants)
{
    // At zoom 1 the map is four tiles: London (51.5 N, 0.13 W) is in the north-west one,
    // Sydney (33.9 S, 151.2 E) in the south-east one.
    EXPECT_EQ(TileMath::tileAt(TileMath::toWorld(51.5, -0.13), 1), (TileId {1, 0, 0}));
    EXPECT_EQ(TileMath::tileAt(TileMath::toWorld(-33.9, 151.2), 1), (TileId {1, 1, 1}));
    EXPECT_EQ(TileMath::tileAt(TileMath::toWorld(40.7, -74.0), 1), (TileId {1, 0, 0}));
    EXPECT_EQ(TileMath::tileAt(TileMath::toWorld(35.7, 139.7), 1), (TileId {1, 1, 0}));
}

TEST(TileMath, MeltonMowbrayTile)
{
    // Melton Mowbray market place, 52.7661 N 0.8868 W. Computed independently with Python:
    //   n = 2**z; x = (lon + 180) / 360 * n
    //   y = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n
    // z=15: x = 16303.2815, y = 10709.5174 -> tile 15/16303/10709 (as openstreetmap.org
    // serves it); z=16: 32606.5630, 21419.0348 -> 16/32606/21419.
    const QPointF melton = TileMath::toWorld(52.7661, -0.8868);
    EXPECT_EQ(TileMath::tileAt(melton, 15), (TileId {15, 16303, 10709}));
    EXPECT_EQ(TileMath::tileAt(melton, 16), (TileId {16, 32606, 21419}));
    EXPECT_NEAR(melton.x() * TileMath::worldSize(15) / 256, 16303.281493333334, 1e-6);
    EXPECT_NEAR(melton.y() * TileMath::worldSize(15) / 256, 10709.517390917375, 1e-6);
    // The tile's north-west corner, by the inverse formula in Python:
    //   lon = x / n * 360 - 180 = -0.889892578125
    //   lat = degrees(atan(sinh(pi * (1 - 2 * y / n)))) = 52.769539220673074
    const QRectF bounds = TileMath::tileBounds({15, 16303, 10709});
    EXPECT_NEAR(TileMath::longitudeOf(bounds.topLeft()), -0.889892578125, 1e-12);
    EXPECT_NEAR(TileMath::latitudeOf(bounds.topLeft()), 52.769539220673074, 1e-9);
}

TEST(TileMath, TmsRowsCountFromTheSouth)
{
    EXPECT_EQ(TileMath::tmsRow(0, 0), 0);
    EXPECT_EQ(TileMath::tmsRow(1, 0), 1);
    EXPECT_EQ(TileMath::tmsRow(1, 1), 0);
    // 2^15 - 1 - 10709
    EXPECT_EQ(TileMath::tmsRow(15, 10709), 22058);
}

TEST(TileMath, MetresPerPixel)
{
    // 40075016.686 m * cos(52.7661 deg) / (256 * 2^15), in Python: 2.890610925490524.
    EXPECT_NEAR(TileMath::metresPerPixel(52.7661, 15), 2.890610925490524, 1e-6);
    // The equator at zoom 0: 156543.034 m per pixel.
    EXPECT_NEAR(TileMath::metresPerPixel(0, 0), 156543.03392804097, 1e-6);
}

TEST(MapViewport, ScreenAndWorldRoundTrip)
{
    const MapViewport view(TileMath::toWorld(52.7661, -0.8868), 14.3, QSizeF(800, 600));
    const QPointF screen(123.5, 456.25);
    const QPointF back = view.toScreen(view.toWorld(screen));
    EXPECT_NEAR(back.x(), screen.x(), 1e-6);
    EXPECT_NEAR(back.y(), screen.y(), 1e-6);
    EXPECT_NEAR(view.toScreen(view.centre()).x(), 400, 1e-9);
    EXPECT_NEAR(view.toScreen(view.centre()).y(), 300, 1e-9);
}

TEST(MapViewport, ZoomAboutKeepsThePointUnderTheCursor)
{
    MapViewport view(TileMath::toWorld(52.7661, -0.8868), 13, QSizeF(800, 600));
    const QPointF cursor(100, 500);
    const QPointF under = view.toWorld(cursor);
    view.zoomAbout(cursor, 15.5);
    EXPECT_DOUBLE_EQ(view.zoom(), 15.5);
    EXPECT_NEAR(view.toScreen(under).x(), 100, 1e-6);
    EXPECT_NEAR(view.toScreen(under).y(), 500, 1e-6);
}

TEST(MapViewport, PanAndFit)
{
    MapViewport view(QPointF(0.5, 0.5), 1, QSizeF(512, 512));
    view.panBy(QPointF(256, 0)); // dragged right by half the map at zoom 1 (512 px wide)
    EXPECT_NEAR(view.centre().x(), 0.0, 1e-12);
    // Fitting a rectangle a quarter of the map wide into 512 - 2 * 0 px: zoom 1 shows the whole
    // map in 512 px, so a quarter of it needs zoom 3.
    view.fit(QRectF(0.25, 0.25, 0.25, 0.25), 0, 17);
    EXPECT_NEAR(view.zoom(), 3, 1e-9);
    EXPECT_NEAR(view.centre().x(), 0.375, 1e-12);
    // A single point: the largest zoom allowed.
    view.fit(QRectF(QPointF(0.3, 0.3), QSizeF(0, 0)), 32, 16);
    EXPECT_DOUBLE_EQ(view.zoom(), 16);
    EXPECT_DOUBLE_EQ(view.centre().x(), 0.3);
    EXPECT_DOUBLE_EQ(view.centre().y(), 0.3);
}

} // namespace
} // namespace saferhomes
