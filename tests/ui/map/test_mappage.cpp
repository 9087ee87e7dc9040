// The Map mode as a user drives it: keys pan and zoom, a click on a household opens it, a
// click on a cluster lists its homes, the legend filters, homes without a position are
// counted and listed, and a bad basemap or tile URL is a clear message.

#include "common/statuspalette.h"
#include "dashboard/dashboardfilterbar.h"
#include "dashboard/dashboardpage.h"
#include "map/maplegend.h"
#include "map/mappage.h"
#include "map/mapsettingsdialog.h"
#include "map/mapwidget.h"
#include "map/tilemath.h"
#include "register/householddetailpanel.h"
#include "shell/mainwindow.h"
#include "uitest.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNativeGestureEvent>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

namespace saferhomes::test {
namespace {

HouseholdRecord placed(const QString &line1, HouseholdStatus status, std::optional<double> lat,
                       std::optional<double> lon, const QString &area = QStringLiteral("Melton"))
{
    HouseholdRecord record;
    record.household.addressLine1 = line1;
    record.household.postcode = QStringLiteral("LE13 1AB");
    record.household.town = QStringLiteral("Melton Mowbray");
    record.household.areaName = area;
    record.household.status = status;
    record.household.latitude = lat;
    record.household.longitude = lon;
    return record;
}

class MapPageTest : public UiTest {
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        HouseholdRepository repo = repository();
        // Two homes a few metres apart (a cluster until street level), one on its own 2 km
        // away, one in Oadby, one with no position.
        const Status inserted = repo.insert({
            placed(QStringLiteral("1 Burton Street"), HouseholdStatus::Surveyed, 52.76610,
                   -0.88680),
            placed(QStringLiteral("3 Burton Street"), HouseholdStatus::Accepted, 52.76612,
                   -0.88684),
            placed(QStringLiteral("9 Asfordby Road"), HouseholdStatus::Installed, 52.77500,
                   -0.91500),
            placed(QStringLiteral("7 Leicester Road"), HouseholdStatus::Contacted, 52.5890, -1.0890,
                   QStringLiteral("Oadby")),
            placed(QStringLiteral("5 Nowhere Lane"), HouseholdStatus::Identified, std::nullopt,
                   std::nullopt),
        });
        ASSERT_TRUE(inserted) << qPrintable(inserted.errorString());
    }

    std::unique_ptr<MapPage> makePage()
    {
        auto page = std::make_unique<MapPage>(
            m_database, std::make_unique<MapSettings>(m_dir.filePath(QStringLiteral("map.ini"))));
        page->resize(1100, 700);
        page->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(page.get()));
        settle();
        return page;
    }

    static QPointF screenOf(const MapWidget *map, double lat, double lon)
    {
        return map->viewport().toScreen(TileMath::toWorld(lat, lon));
    }
};

// The page as a person sees it, kept as a PNG in SAFERHOMES_SHOTS_DIR when it names a folder.
// (Tests run without the English translation: %n messages show their source form.)
TEST_F(MapPageTest, RendersAScreenshot)
{
    const auto page = makePage();
    page->mapWidget()->setViewport(
        MapViewport(TileMath::toWorld(52.7690, -0.9000), 14, QSizeF(page->mapWidget()->size())));
    settle();
    QTemporaryDir scratch;
    QString folder = qEnvironmentVariable("SAFERHOMES_SHOTS_DIR");
    if (folder.isEmpty())
        folder = scratch.path();
    ASSERT_TRUE(QDir().mkpath(folder));
    const QString file = QDir(folder).filePath(QStringLiteral("map-page.png"));
    ASSERT_TRUE(page->grab().save(file));
    EXPECT_EQ(QImage(file).size(), page->size() * page->devicePixelRatio());
    const QStringList shown = shownTexts(page.get());
    for (const QString &text :
         {QStringLiteral("Statuses shown"), QStringLiteral("All areas"), QStringLiteral("No route"),
          QStringLiteral("1 home(s) not on the map")})
        EXPECT_TRUE(shown.contains(text)) << text.toStdString();
}

TEST_F(MapPageTest, KeysPanAndZoom)
{
    const auto page = makePage();
    MapWidget *map = page->mapWidget();
    map->setFocus();
    settle();
    const MapViewport before = map->viewport();
    QTest::keyClick(map, Qt::Key_Right);
    EXPECT_NEAR(map->viewport().centre().x(),
                before.centre().x() + MapWidget::kPanStep / before.scale(), 1e-12);
    QTest::keyClick(map, Qt::Key_Down);
    EXPECT_NEAR(map->viewport().centre().y(),
                before.centre().y() + MapWidget::kPanStep / before.scale(), 1e-12);
    QTest::keyClick(map, Qt::Key_Left);
    QTest::keyClick(map, Qt::Key_Up);
    EXPECT_NEAR(map->viewport().centre().x(), before.centre().x(), 1e-12);
    EXPECT_NEAR(map->viewport().centre().y(), before.centre().y(), 1e-12);
    QTest::keyClick(map, Qt::Key_Plus);
    EXPECT_DOUBLE_EQ(map->viewport().zoom(), before.zoom() + 1);
    QTest::keyClick(map, Qt::Key_Minus);
    QTest::keyClick(map, Qt::Key_Minus);
    EXPECT_DOUBLE_EQ(map->viewport().zoom(), before.zoom() - 1);
}

TEST_F(MapPageTest, WheelAndPinchZoomAboutTheCursorAndFitShowsTheChoice)
{
    const auto page = makePage();
    MapWidget *map = page->mapWidget();
    const QPointF cursor(150, 420);
    const QPointF under = map->viewport().toWorld(cursor);
    const double zoom = map->viewport().zoom();
    // One notch of the wheel: half a zoom level, the point under the cursor kept there.
    QWheelEvent wheel(cursor, map->mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(map, &wheel);
    EXPECT_NEAR(map->viewport().zoom(), zoom + 0.5, 1e-9);
    EXPECT_NEAR(map->viewport().toScreen(under).x(), cursor.x(), 1e-6);
    EXPECT_NEAR(map->viewport().toScreen(under).y(), cursor.y(), 1e-6);
    // A touchpad pinch doubling the scale: one zoom level more, about the pinch.
    QNativeGestureEvent pinch(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2,
                              cursor, cursor, map->mapToGlobal(cursor), 1.0, QPointF());
    QApplication::sendEvent(map, &pinch);
    EXPECT_NEAR(map->viewport().zoom(), zoom + 1.5, 1e-9);
    EXPECT_NEAR(map->viewport().toScreen(under).x(), cursor.x(), 1e-6);

    // Fit to the chosen household: centred on it at street level.
    map->setCurrent(idOf(QStringLiteral("7 Leicester Road")));
    map->fitToSelection();
    const QPointF oadby = screenOf(map, 52.5890, -1.0890);
    EXPECT_NEAR(oadby.x(), map->width() / 2.0, 1e-6);
    EXPECT_NEAR(oadby.y(), map->height() / 2.0, 1e-6);
    EXPECT_DOUBLE_EQ(map->viewport().zoom(), 17);
}

TEST_F(MapPageTest, ClickingAHouseholdOpensIt)
{
    const auto page = makePage();
    MapWidget *map = page->mapWidget();
    map->setViewport(MapViewport(TileMath::toWorld(52.7700, -0.9000), 14, QSizeF(map->size())));
    QSignalSpy opened(page.get(), &MapPage::householdActivated);
    const QPointF at = screenOf(map, 52.77500, -0.91500);
    ASSERT_TRUE(map->rect().contains(at.toPoint()));
    QTest::mouseClick(map, Qt::LeftButton, {}, at.toPoint());
    ASSERT_EQ(opened.size(), 1);
    EXPECT_EQ(opened[0][0].toUuid(), idOf(QStringLiteral("9 Asfordby Road")));
    // A drag pans instead of opening.
    const QPointF centre = map->viewport().centre();
    QTest::mousePress(map, Qt::LeftButton, {}, QPoint(300, 300));
    QMouseEvent move(QEvent::MouseMove, QPointF(340, 320), map->mapToGlobal(QPointF(340, 320)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(map, &move);
    QTest::mouseRelease(map, Qt::LeftButton, {}, QPoint(340, 320));
    EXPECT_EQ(opened.size(), 1);
    EXPECT_NEAR(map->viewport().centre().x(), centre.x() - 40 / map->viewport().scale(), 1e-12);
}

TEST_F(MapPageTest, ClickingAClusterListsItsHomes)
{
    const auto page = makePage();
    MapWidget *map = page->mapWidget();
    map->setViewport(MapViewport(TileMath::toWorld(52.7661, -0.8868), 13, QSizeF(map->size())));
    QTest::mouseClick(map, Qt::LeftButton, {}, screenOf(map, 52.76611, -0.88682).toPoint());
    QListWidget *homes = page->homesList();
    ASSERT_EQ(homes->count(), 2);
    EXPECT_TRUE(homes->item(0)->text().startsWith(QStringLiteral("1 Burton Street")));
    EXPECT_TRUE(homes->item(1)->text().startsWith(QStringLiteral("3 Burton Street")));
    QSignalSpy opened(page.get(), &MapPage::householdActivated);
    homes->setCurrentRow(1);
    emit homes->itemActivated(homes->item(1));
    ASSERT_EQ(opened.size(), 1);
    EXPECT_EQ(opened[0][0].toUuid(), idOf(QStringLiteral("3 Burton Street")));
}

TEST_F(MapPageTest, TabGoesThroughTheHouseholdsOnScreen)
{
    const auto page = makePage();
    MapWidget *map = page->mapWidget();
    map->setViewport(MapViewport(TileMath::toWorld(52.7661, -0.8868), 18, QSizeF(map->size())));
    map->setFocus();
    settle();
    QSignalSpy opened(map, &MapWidget::householdActivated);
    QTest::keyClick(map, Qt::Key_Tab);
    // In reading order: 3 Burton Street is north-west of number 1.
    EXPECT_EQ(map->current(), idOf(QStringLiteral("3 Burton Street")));
    QTest::keyClick(map, Qt::Key_Tab);
    EXPECT_EQ(map->current(), idOf(QStringLiteral("1 Burton Street")));
    QTest::keyClick(map, Qt::Key_Return);
    ASSERT_EQ(opened.size(), 1);
    EXPECT_EQ(opened[0][0].toUuid(), idOf(QStringLiteral("1 Burton Street")));
}

TEST_F(MapPageTest, LegendFiltersAndHomesNotOnTheMapAreListed)
{
    const auto page = makePage();
    EXPECT_EQ(page->notOnMapButton()->text(), QStringLiteral("1 home(s) not on the map"));
    EXPECT_EQ(page->mapWidget()->layer().placed().size(), 4);
    page->legend()->checkBox(HouseholdStatus::Installed)->click();
    EXPECT_EQ(page->mapWidget()->layer().placed().size(), 3);
    page->legend()->checkBox(HouseholdStatus::Identified)->click();
    EXPECT_EQ(page->notOnMapButton()->text(), QStringLiteral("0 home(s) not on the map"));
    EXPECT_FALSE(page->notOnMapButton()->isEnabled());
    page->legend()->checkBox(HouseholdStatus::Identified)->click();
    page->notOnMapButton()->click();
    ASSERT_EQ(page->homesList()->count(), 1);
    EXPECT_TRUE(page->homesList()->item(0)->text().startsWith(QStringLiteral("5 Nowhere Lane")));
    // The area filter.
    page->areaBox()->setCurrentIndex(page->areaBox()->findText(QStringLiteral("Oadby")));
    EXPECT_EQ(page->mapWidget()->layer().placed().size(), 1);
}

TEST_F(MapPageTest, ABadBasemapIsAClearMessage)
{
    const QString text = writeFile(QStringLiteral("notes.mbtiles"), "just some text\n");
    {
        MapSettings settings(m_dir.filePath(QStringLiteral("map.ini")));
        settings.setBasemap(MapSettings::Basemap::MbTiles);
        settings.setMbTilesPath(text);
    }
    const auto page = makePage();
    EXPECT_TRUE(page->bannerText().contains(QStringLiteral("not an MBTiles file")))
        << page->bannerText().toStdString();
    // The households still show, on the plain background.
    EXPECT_EQ(page->mapWidget()->layer().placed().size(), 4);
}

TEST_F(MapPageTest, SettingsRefuseATemplateWithoutZxy)
{
    MapSettings settings(m_dir.filePath(QStringLiteral("map.ini")));
    MapSettingsDialog dialog(settings);
    dialog.show();
    dialog.serverButton()->setChecked(true);
    dialog.urlEdit()->setText(QStringLiteral("https://tiles.example.org/{z}/{x}.png"));
    dialog.accept();
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_TRUE(dialog.problem().contains(QStringLiteral("{z}, {x} and {y}")))
        << dialog.problem().toStdString();
    EXPECT_EQ(settings.basemap(), MapSettings::Basemap::None);
    dialog.urlEdit()->setText(QStringLiteral("https://tiles.example.org/{z}/{x}/{y}.png"));
    dialog.accept();
    EXPECT_FALSE(dialog.isVisible());
    EXPECT_EQ(settings.basemap(), MapSettings::Basemap::TileServer);
}

TEST_F(MapPageTest, ClickingAHouseholdInTheMainWindowOpensItsPage)
{
    MainWindow window(m_database, settings());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.showMap();
    settle();
    MapWidget *map = window.mapPage()->mapWidget();
    map->setViewport(MapViewport(TileMath::toWorld(52.7700, -0.9000), 14, QSizeF(map->size())));
    settle();
    const QPointF at = screenOf(map, 52.77500, -0.91500);
    ASSERT_TRUE(map->rect().contains(at.toPoint()));
    QTest::mouseClick(map, Qt::LeftButton, {}, at.toPoint());
    EXPECT_FALSE(window.mapPage()->isVisible());
    EXPECT_TRUE(waitFor([&] {
        return window.detailPanel()->householdId() == idOf(QStringLiteral("9 Asfordby Road"));
    }));
}

TEST_F(MapPageTest, TheRegistersFiltersDriveTheMap)
{
    MainWindow window(m_database, settings());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    MapPage *page = window.mapPage();
    ASSERT_EQ(page->mapWidget()->layer().placed().size(), 4);

    // Only Melton's homes in the register: the map shows the three placed there.
    QComboBox *area = window.areaFilterBox();
    area->setCurrentIndex(area->findText(QStringLiteral("Melton")));
    EXPECT_EQ(page->areaBox()->currentText(), QStringLiteral("Melton"));
    EXPECT_EQ(page->mapWidget()->layer().placed().size(), 3);

    // And only the accepted ones: 3 Burton Street.
    QComboBox *status = window.statusFilterBox();
    status->setCurrentIndex(status->findData(QStringLiteral("accepted")));
    EXPECT_EQ(page->mapWidget()->layer().placed().size(), 1);
    EXPECT_TRUE(page->legend()->checkBox(HouseholdStatus::Accepted)->isChecked());
    EXPECT_FALSE(page->legend()->checkBox(HouseholdStatus::Installed)->isChecked());

    // Every status and every area again: all four placed homes.
    status->setCurrentIndex(0);
    area->setCurrentIndex(0);
    EXPECT_EQ(page->mapWidget()->layer().placed().size(), 4);
    EXPECT_TRUE(page->legend()->checkBox(HouseholdStatus::Installed)->isChecked());
}

TEST_F(MapPageTest, TheDashboardsFilterDrivesTheMap)
{
    MainWindow window(m_database, settings());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.showDashboard();
    settle();
    MapPage *page = window.mapPage();
    DashboardFilterBar *bar = window.dashboardPage()->filterBar();
    ASSERT_GE(bar->areaBox()->findText(QStringLiteral("Oadby")), 0);
    bar->areaBox()->setCurrentIndex(bar->areaBox()->findText(QStringLiteral("Oadby")));
    EXPECT_TRUE(waitFor([&] { return page->areaBox()->currentText() == QStringLiteral("Oadby"); }));
    EXPECT_EQ(page->mapWidget()->layer().placed().size(), 1); // 7 Leicester Road
    bar->areaBox()->setCurrentIndex(0);
    EXPECT_TRUE(waitFor([&] { return page->mapWidget()->layer().placed().size() == 4; }));
}

} // namespace
} // namespace saferhomes::test
