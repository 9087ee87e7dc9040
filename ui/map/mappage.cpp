#include "map/mappage.h"

#include "common/mbtilestilesource.h"
#include "common/messagebanner.h"
#include "common/xyztilesource.h"
#include "map/maplegend.h"
#include "map/mapsettingsdialog.h"
#include "map/mapwidget.h"
#include "store/database.h"
#include "store/fitterrepository.h"
#include "store/householdplaces.h"
#include "store/householdrepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QVBoxLayout>

namespace saferhomes {

MapPage::MapPage(Database &database, std::unique_ptr<MapSettings> settings, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_settings(settings ? std::move(settings) : std::make_unique<MapSettings>())
{
    m_map = new MapWidget(this);
    m_legend = new MapLegend(this);
    m_banner = new MessageBanner(this);
    m_area = new QComboBox(this);
    m_area->setAccessibleName(tr("Area shown"));
    m_fitter = new QComboBox(this);
    m_fitter->setAccessibleName(tr("Fitter whose route is shown"));
    m_date = new QDateEdit(QDate::currentDate(), this);
    m_date->setCalendarPopup(true);
    m_date->setAccessibleName(tr("Day of the route"));
    auto *fit = new QPushButton(tr("&Fit"), this);
    fit->setToolTip(tr("Show the chosen household, the route or every household (Ctrl+0)"));
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_notOnMap = new QPushButton(this);
    m_notOnMap->setFlat(true);
    m_notOnMap->setObjectName(QStringLiteral("notOnMap"));
    auto *basemap = new QPushButton(tr("&Basemap\u2026"), this);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Area:"), this));
    bar->addWidget(m_area);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Route:"), this));
    bar->addWidget(m_fitter);
    bar->addWidget(m_date);
    bar->addWidget(fit);
    bar->addStretch();
    bar->addWidget(m_notOnMap);
    bar->addWidget(basemap);

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->addWidget(m_legend);
    m_homesTitle = new QLabel(tr("Click a cluster to list its homes."), side);
    m_homesTitle->setWordWrap(true);
    m_homes = new QListWidget(side);
    m_homes->setAccessibleName(tr("Homes listed"));
    sideLayout->addWidget(m_homesTitle);
    sideLayout->addWidget(m_homes, 1);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_map);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 1);
    splitter->setSizes({900, 260});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);

    connect(m_legend, &MapLegend::hiddenStatusesChanged, this, [this] { filtersChanged(); });
    connect(m_area, &QComboBox::currentIndexChanged, this, [this] { filtersChanged(); });
    connect(m_fitter, &QComboBox::currentIndexChanged, this, [this] { routeChosen(); });
    connect(m_date, &QDateEdit::dateChanged, this, [this] { routeChosen(); });
    connect(fit, &QPushButton::clicked, m_map, &MapWidget::fitToSelection);
    connect(basemap, &QPushButton::clicked, this, &MapPage::openSettings);
    connect(m_notOnMap, &QPushButton::clicked, this, [this] {
        listHomes(tr("Homes not on the map (no position recorded):"), m_map->layer().unplaced());
    });
    connect(m_map, &MapWidget::householdActivated, this, &MapPage::householdActivated);
    connect(m_map, &MapWidget::clusterActivated, this, [this](const QList<int> &households) {
        listHomes(tr("%n home(s) here:", nullptr, int(households.size())), households);
    });
    connect(m_homes, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit householdActivated(item->data(Qt::UserRole).toUuid());
    });

    applyBasemap();
    refresh();
}

MapPage::~MapPage()
{
    m_map->setTileSource(nullptr);
}

QString MapPage::bannerText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->message() : QString();
}

void MapPage::applyBasemap()
{
    m_map->setTileSource(nullptr);
    m_tiles.reset();
    m_banner->hide();
    switch (m_settings->basemap()) {
    case MapSettings::Basemap::None: break;
    case MapSettings::Basemap::MbTiles: {
        auto store = MbTilesStore::open(m_settings->mbTilesPath());
        if (!store) {
            m_banner->showMessage(
                tr("No basemap: %1 (Settings \u203a Map)").arg(store.errorString()));
            break;
        }
        m_tiles = std::make_unique<MbTilesTileSource>(std::move(*store));
        break;
    }
    case MapSettings::Basemap::TileServer: {
        const QString url = m_settings->urlTemplate();
        if (const Status valid = XyzTileSource::validateTemplate(url); !valid) {
            m_banner->showMessage(
                tr("No basemap: %1 (Settings \u203a Map)").arg(valid.errorString()));
            break;
        }
        m_tiles = std::make_unique<XyzTileSource>(url, XyzTileSource::defaultCacheDirectory(url));
        break;
    }
    }
    m_map->setTileSource(m_tiles.get());
}

void MapPage::refresh()
{
    const QString user = Database::localUserName();
    const Result<QList<MapHousehold>> households = HouseholdPlaces(m_database, user).all();
    if (!households) {
        m_banner->showMessage(households.errorString());
        return;
    }
    m_map->layer().setHouseholds(*households);
    QHash<HouseholdStatus, int> counts;
    for (const MapHousehold &household : *households)
        ++counts[household.status];
    m_legend->setCounts(counts);
    if (households->isEmpty()) {
        m_homesTitle->setText(tr("No households yet \u2014 import a list (Ctrl+I) or load demo "
                                 "data in Households."));
    }

    const QString area = m_area->currentData().toString();
    const QSignalBlocker blockArea(m_area);
    m_area->clear();
    m_area->addItem(tr("All areas"), QString());
    if (const Result<QList<Area>> areas = HouseholdRepository(m_database, user).areas(); areas) {
        for (const Area &a : *areas)
            m_area->addItem(a.name, a.name);
    }
    m_area->setCurrentIndex(std::max(0, m_area->findData(area)));

    const QUuid fitter = m_fitter->currentData().toUuid();
    const QSignalBlocker blockFitter(m_fitter);
    m_fitter->clear();
    m_fitter->addItem(tr("No route"), QUuid());
    if (const Result<QList<Fitter>> fitters = FitterRepository(m_database, user).all(); fitters) {
        for (const Fitter &f : *fitters)
            m_fitter->addItem(f.name, f.id);
    }
    m_fitter->setCurrentIndex(std::max(0, m_fitter->findData(fitter)));
    filtersChanged();
    routeChosen();
}

void MapPage::filtersChanged()
{
    HouseholdLayer &layer = m_map->layer();
    layer.setHiddenStatuses(m_legend->hiddenStatuses());
    layer.setArea(m_area->currentData().toString());
    const int unplaced = int(layer.unplaced().size());
    m_notOnMap->setText(tr("%n home(s) not on the map", nullptr, unplaced));
    m_notOnMap->setEnabled(unplaced > 0);
    m_notOnMap->setToolTip(tr("List the homes shown by the filters that have no position"));
    m_map->layerChanged();
}

void MapPage::followFilters(const QString &area, std::optional<HouseholdStatus> status)
{
    const QSignalBlocker quiet(m_legend); // one redraw for the whole change
    for (HouseholdStatus each : HouseholdStatusRules::all()) {
        if (QCheckBox *box = m_legend->checkBox(each))
            box->setChecked(!status || *status == each);
    }
    const int index = area.isEmpty() ? 0 : m_area->findData(area);
    m_area->setCurrentIndex(index < 0 ? 0 : index);
    filtersChanged();
}

void MapPage::routeChosen()
{
    showRoute(m_fitter->currentData().toUuid(), m_date->date());
}

void MapPage::showRoute(const QUuid &fitterId, const QDate &date)
{
    if (fitterId.isNull()) {
        m_map->setRoute({});
        return;
    }
    const Result<MapRoute> route = MapRoute::load(m_database, fitterId, date);
    if (!route) {
        m_banner->showMessage(route.errorString());
        m_map->setRoute({});
        return;
    }
    m_map->setRoute(*route);
    if (!route->stops.isEmpty()) {
        m_map->setCurrent({}); // fit to the route, not to a household chosen before
        m_map->fitToSelection();
    }
}

void MapPage::listHomes(const QString &title, const QList<int> &households)
{
    m_homesTitle->setText(title);
    m_homes->clear();
    for (int i : households) {
        const MapHousehold &household = m_map->layer().households()[i];
        auto *item
            = new QListWidgetItem(tr("%1, %2").arg(household.address, household.postcode), m_homes);
        item->setData(Qt::UserRole, household.id);
        item->setToolTip(HouseholdStatusRules::label(household.status));
    }
}

void MapPage::openSettings()
{
    auto *dialog = new MapSettingsDialog(*m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &MapPage::applyBasemap);
    dialog->open();
}

} // namespace saferhomes
