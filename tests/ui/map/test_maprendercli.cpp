// `saferhomes-cli map render` draws exactly what the Map mode's widget draws: the same
// renderer, the same first view, compared pixel for pixel with the widget's grab().

#include "common/mbtilestilesource.h"
#include "map/mapwidget.h"
#include "map/tilemath.h"
#include "maptestsupport.h"
#include "store/householdplaces.h"
#include "uitest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace saferhomes::test {
namespace {

class MapRenderCliTest : public UiTest {
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        QList<HouseholdRecord> records;
        // A loose grid of homes round Melton Mowbray in every status, and a few in Oadby.
        for (int i = 0; i < 60; ++i) {
            HouseholdRecord record;
            record.household.addressLine1 = QStringLiteral("%1 Test Street").arg(i + 1);
            record.household.postcode = QStringLiteral("LE13 1AB");
            record.household.areaName = i < 50 ? QStringLiteral("Melton") : QStringLiteral("Oadby");
            record.household.status = HouseholdStatus(i % 11);
            record.household.latitude = i < 50 ? 52.755 + (i % 7) * 0.004 : 52.59 + i * 0.0004;
            record.household.longitude = i < 50 ? -0.91 + (i / 7) * 0.006 : -1.09;
            records.append(record);
        }
        HouseholdRepository repo = repository();
        const Status inserted = repo.insert(records);
        ASSERT_TRUE(inserted) << qPrintable(inserted.errorString());
        // Zoom 9 tiles round Melton (z9 tile 254/167), each a colour of its own.
        QList<SolidTile> tiles;
        for (int x = 252; x <= 256; ++x) {
            for (int y = 165; y <= 170; ++y)
                tiles.append({9, x, TileMath::tmsRow(9, y),
                              solidTileImage(QColor(40 * (x - 250), 30 * (y - 163), 150))});
        }
        writeMbTiles(mbtiles(), tiles, 9, 9, QStringLiteral("png"),
                     QStringLiteral("\u00a9 Test contributors"));
    }

    QString mbtiles() const { return m_dir.filePath(QStringLiteral("melton.mbtiles")); }

    /// Runs the command line; returns its exit code.
    int cli(const QStringList &arguments, QByteArray *out = nullptr)
    {
        QProcess process;
        process.start(QStringLiteral(SAFERHOMES_CLI),
                      QStringList {QStringLiteral("--db"), m_path} + arguments);
        EXPECT_TRUE(process.waitForFinished(120'000));
        if (out)
            *out = process.readAllStandardOutput();
        const QByteArray err = process.readAllStandardError();
        if (process.exitCode() != 0)
            ADD_FAILURE() << err.toStdString();
        return process.exitCode();
    }

    /// The widget's own rendering at \a size, as the Map mode first shows it.
    QImage widgetImage(const QSize &size, const QString &area, MapTileSource *tiles)
    {
        MapWidget map;
        const auto households = HouseholdPlaces(m_database, QStringLiteral("tester")).all();
        EXPECT_TRUE(households.ok());
        map.layer().setHouseholds(*households);
        map.layer().setArea(area);
        map.layerChanged();
        map.setTileSource(tiles);
        map.resize(size);
        map.fitToSelection();
        return map.grab().toImage().convertToFormat(QImage::Format_RGB32);
    }

    static int differingPixels(const QImage &a, const QImage &b)
    {
        if (a.size() != b.size())
            return -1;
        int differ = 0;
        for (int y = 0; y < a.height(); ++y) {
            for (int x = 0; x < a.width(); ++x)
                differ += a.pixel(x, y) != b.pixel(x, y);
        }
        return differ;
    }
};

TEST_F(MapRenderCliTest, SameAsTheWidgetOnThePlainBackground)
{
    const QString png = m_dir.filePath(QStringLiteral("plain.png"));
    QByteArray out;
    ASSERT_EQ(
        cli({QStringLiteral("--json"), QStringLiteral("map"), QStringLiteral("render"),
             QStringLiteral("--out"), png, QStringLiteral("--size"), QStringLiteral("640x480")},
            &out),
        0);
    const QJsonObject json = QJsonDocument::fromJson(out).object();
    EXPECT_EQ(json.value(QStringLiteral("households")).toInt(), 60);
    EXPECT_EQ(json.value(QStringLiteral("not_on_map")).toInt(), 0);
    const QImage rendered = QImage(png).convertToFormat(QImage::Format_RGB32);
    ASSERT_EQ(rendered.size(), QSize(640, 480));
    const QImage widget = widgetImage(QSize(640, 480), QString(), nullptr);
    if (qEnvironmentVariableIsSet("SAFERHOMES_MAP_DUMP"))
        widget.save(qEnvironmentVariable("SAFERHOMES_MAP_DUMP"));
    EXPECT_EQ(differingPixels(rendered, widget), 0);
}

TEST_F(MapRenderCliTest, SameAsTheWidgetWithABasemapAndAnArea)
{
    const QString png = m_dir.filePath(QStringLiteral("melton.png"));
    ASSERT_EQ(cli({QStringLiteral("map"), QStringLiteral("render"), QStringLiteral("--out"), png,
                   QStringLiteral("--size"), QStringLiteral("500x420"), QStringLiteral("--mbtiles"),
                   mbtiles(), QStringLiteral("--area"), QStringLiteral("Melton")}),
              0);
    auto store = MbTilesStore::open(mbtiles());
    ASSERT_TRUE(store.ok());
    MbTilesTileSource tiles(std::move(*store));
    const QImage widget = widgetImage(QSize(500, 420), QStringLiteral("Melton"), &tiles);
    const QImage rendered = QImage(png).convertToFormat(QImage::Format_RGB32);
    EXPECT_EQ(differingPixels(rendered, widget), 0);
    // And it is not the plain background: the basemap shows.
    EXPECT_NE(rendered.pixelColor(250, 30), MapStyle::light().background);
}

} // namespace
} // namespace saferhomes::test
