// The map's renderer, checked pixel by pixel on MBTiles files whose tiles are each one solid
// colour: the TMS row flip, a missing or corrupt tile filled from the lower zoom, HiDPI tiles,
// households and clusters.

#include "common/maprenderer.h"
#include "common/mbtilestilesource.h"
#include "common/statuspalette.h"
#include "map/tilemath.h"
#include "maptestsupport.h"

#include <QImageWriter>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstdlib>
#include <tuple>

namespace saferhomes::test {
namespace {

const QColor kNorthWest(200, 30, 30);
const QColor kNorthEast(30, 160, 30);
const QColor kSouthWest(30, 30, 200);
const QColor kSouthEast(220, 200, 20);
const QColor kDetail(180, 0, 180); // the zoom 2 tile 2/0/0

class MapRendererTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        // Zoom 1, the four quarters of the world, written by TMS row: row 1 is the north.
        // Zoom 2: only XYZ tile 2/0/0 (the far north-west, TMS row 3), plus XYZ 2/3/3 (TMS
        // row 0) whose bytes are not an image.
        writeMbTiles(path(),
                     {{1, 0, 1, solidTileImage(kNorthWest)},
                      {1, 1, 1, solidTileImage(kNorthEast)},
                      {1, 0, 0, solidTileImage(kSouthWest)},
                      {1, 1, 0, solidTileImage(kSouthEast)},
                      {2, 0, 3, solidTileImage(kDetail)},
                      {2, 3, 0, QByteArray("not a PNG at all")}},
                     1, 2);
        auto store = MbTilesStore::open(path());
        ASSERT_TRUE(store.ok()) << store.errorString().toStdString();
        m_tiles = std::make_unique<MbTilesTileSource>(std::move(*store));
        m_renderer.setTileSource(m_tiles.get());
    }

    QString path() const { return m_dir.filePath(QStringLiteral("solid.mbtiles")); }
    QColor at(const QImage &image, int x, int y) const { return image.pixelColor(x, y); }

    QTemporaryDir m_dir;
    std::unique_ptr<MbTilesTileSource> m_tiles;
    MapRenderer m_renderer;
};

TEST_F(MapRendererTest, ZoomOneTilesLandInTheirQuartersWithTheRowsFlipped)
{
    // The whole world at zoom 1 is 512 x 512 pixels, one tile per quarter; only zoom 1 tiles
    // are drawn for a view at zoom 1 on a normal screen.
    EXPECT_EQ(m_renderer.tileZoom(1, 1), 1);
    const QImage image
        = m_renderer.renderImage(MapViewport(QPointF(0.5, 0.5), 1, QSizeF(512, 512)));
    ASSERT_EQ(image.size(), QSize(512, 512));
    const QList<std::tuple<int, int, QColor>> expected {
        {20, 20, kNorthWest},   {255, 255, kNorthWest}, {256, 0, kNorthEast},
        {500, 200, kNorthEast}, {200, 256, kSouthWest}, {100, 400, kSouthWest},
        {256, 256, kSouthEast}, {511, 300, kSouthEast}};
    for (const auto &[x, y, color] : expected)
        EXPECT_EQ(at(image, x, y), color) << x << "," << y;
}

TEST_F(MapRendererTest, MissingAndCorruptTilesShowTheLowerZoom)
{
    // Zoom 2: 1024 x 1024 pixels, 4 x 4 tiles of 256. Only 2/0/0 is there (and 2/3/3, which
    // does not decode): every other tile shows its quarter of the zoom 1 tile above it.
    const QImage image
        = m_renderer.renderImage(MapViewport(QPointF(0.5, 0.5), 2, QSizeF(1024, 1024)));
    const QList<std::tuple<int, int, QColor>> expected {
        {10, 10, kDetail},      {255, 255, kDetail},     {256, 0, kNorthWest},
        {300, 300, kNorthWest}, {600, 100, kNorthEast},  {1000, 500, kNorthEast},
        {100, 600, kSouthWest}, {600, 600, kSouthEast},  {767, 767, kSouthEast},
        {800, 800, kSouthEast}, {1023, 1000, kSouthEast}};
    for (const auto &[x, y, color] : expected)
        EXPECT_EQ(at(image, x, y), color) << x << "," << y;
    EXPECT_EQ(m_tiles->badTiles(), 1);
}

TEST_F(MapRendererTest, BeyondTheLastZoomTheLastTilesAreScaledUp)
{
    // Zoom 3 centred on tile 2/0/0: the file stops at zoom 2, so that tile fills the view.
    EXPECT_EQ(m_renderer.tileZoom(3, 1), 2);
    const QImage image
        = m_renderer.renderImage(MapViewport(QPointF(0.125, 0.125), 3, QSizeF(512, 400)));
    for (const auto &[x, y] : {std::pair(5, 5), std::pair(256, 200), std::pair(506, 150)})
        EXPECT_EQ(at(image, x, y), kDetail) << x << "," << y;
}

TEST_F(MapRendererTest, HiDpiScreensGetTheNextZoomsTiles)
{
    // At zoom 1 on a screen of device pixel ratio 2, zoom 2 tiles are drawn 1:1 in device
    // pixels: the image is 1024 x 1024 and shows 2/0/0 in its top-left 256 x 256.
    EXPECT_EQ(m_renderer.tileZoom(1, 2), 2);
    const QImage image
        = m_renderer.renderImage(MapViewport(QPointF(0.5, 0.5), 1, QSizeF(512, 512)), 2);
    ASSERT_EQ(image.size(), QSize(1024, 1024));
    EXPECT_EQ(at(image, 100, 100), kDetail);
    EXPECT_EQ(at(image, 384, 128), kNorthWest);
    EXPECT_EQ(at(image, 900, 100), kNorthEast);
}

TEST(MapRendererFormats, JpegAndWebpTilesAreDrawnToo)
{
    // MBTiles 1.3 allows png, jpg and webp tiles; WebP comes from qt6-image-formats-plugins.
    ASSERT_TRUE(QImageWriter::supportedImageFormats().contains("webp"))
        << "qt6-image-formats-plugins is missing (scripts/debian-packages.txt)";
    for (const auto &[format, writer] :
         {std::pair {QStringLiteral("jpg"), "JPEG"}, std::pair {QStringLiteral("webp"), "WEBP"}}) {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("tiles.mbtiles"));
        writeMbTiles(file,
                     {{1, 0, 1, solidTileImage(kNorthWest, writer)},
                      {1, 1, 1, solidTileImage(kNorthEast, writer)},
                      {1, 0, 0, solidTileImage(kSouthWest, writer)},
                      {1, 1, 0, solidTileImage(kSouthEast, writer)}},
                     1, 1, format);
        auto store = MbTilesStore::open(file);
        ASSERT_TRUE(store.ok()) << format.toStdString() << ": "
                                << store.errorString().toStdString();
        MbTilesTileSource tiles(std::move(*store));
        MapRenderer renderer;
        renderer.setTileSource(&tiles);
        const QImage image
            = renderer.renderImage(MapViewport(QPointF(0.5, 0.5), 1, QSizeF(512, 512)));
        // Lossy formats: each channel within a few steps of the tile's colour.
        const auto near = [](const QColor &a, const QColor &b) {
            return std::abs(a.red() - b.red()) <= 6 && std::abs(a.green() - b.green()) <= 6
                && std::abs(a.blue() - b.blue()) <= 6;
        };
        for (const auto &[x, y, color] :
             QList<std::tuple<int, int, QColor>> {{128, 128, kNorthWest},
                                                  {384, 128, kNorthEast},
                                                  {128, 384, kSouthWest},
                                                  {384, 384, kSouthEast}}) {
            EXPECT_TRUE(near(image.pixelColor(x, y), color))
                << format.toStdString() << " at " << x << "," << y << ": "
                << image.pixelColor(x, y).name().toStdString();
        }
    }
}

TEST(MapRendererPlain, NoBasemapIsThePlainBackgroundWithAScaleBar)
{
    MapRenderer renderer;
    const QImage image = renderer.renderImage(
        MapViewport(TileMath::toWorld(52.7661, -0.8868), 14, QSizeF(400, 300)));
    EXPECT_EQ(image.pixelColor(200, 150), MapStyle::light().background);
    // The bar is a line 14 px above the bottom edge, from x = 12.
    bool barDrawn = false;
    for (int y = 280; y <= 290; ++y)
        barDrawn = barDrawn || image.pixelColor(40, y) == MapStyle::light().text;
    EXPECT_TRUE(barDrawn);
}

TEST(MapRendererPlain, HouseholdsClustersAndRoute)
{
    // Zoom 2: 1024 px per world unit, the view's centre (0.5, 0.5) at (512, 512).
    QList<MapHousehold> households(3);
    households[0].status = HouseholdStatus::Surveyed; // a blue square
    households[0].world = QPointF(0.3, 0.3); // at (307.2, 307.2)
    households[1].world = QPointF(0.7, 0.7); // these two within a pixel of each other
    households[2].world = QPointF(0.700001, 0.7);
    HouseholdLayer layer;
    layer.setHouseholds(households);
    MapRenderer renderer;
    renderer.setLayer(&layer);
    MapRoute route;
    route.start = QPointF(0.3, 0.5);
    route.stops.append({QUuid(), QString(), QPointF(0.7, 0.5)});
    renderer.setRoute(route);
    const QImage image
        = renderer.renderImage(MapViewport(QPointF(0.5, 0.5), 2, QSizeF(1024, 1024)));

    EXPECT_EQ(image.pixelColor(307, 307), StatusPalette::color(HouseholdStatus::Surveyed));
    // The cluster of two: a disc of radius 10 + 4 log10(2) = 11.2 round (716.8, 716.8).
    EXPECT_EQ(image.pixelColor(725, 716), MapStyle::light().cluster);
    // The leg from the start (307.2, 512) to the stop (716.8, 512), 4 px wide.
    EXPECT_EQ(image.pixelColor(512, 512), MapStyle::light().route);
    EXPECT_EQ(image.pixelColor(512, 520), MapStyle::light().background);
}

} // namespace
} // namespace saferhomes::test
