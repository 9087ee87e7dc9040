#pragma once

#include "domain/householdstatus.h"

#include "map/mapsettings.h"

#include <QList>
#include <QUuid>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QListWidget;
class QPushButton;

namespace saferhomes {

class Database;
class MapLegend;
class MapTileSource;
class MapWidget;
class MessageBanner;

/// The Map mode: the households on the basemap with the legend (the status filter), an area
/// filter, a fitter's day route, the homes of a clicked cluster or those not on the map in a
/// list, and the basemap's settings.
class MapPage : public QWidget {
    Q_OBJECT

public:
    /// \a database must stay open while the page exists; \a settings default to the
    /// application's.
    explicit MapPage(Database &database, std::unique_ptr<MapSettings> settings = {},
                     QWidget *parent = nullptr);
    ~MapPage() override;

    /// Reads the households, areas and fitters again.
    void refresh();
    /// Opens Settings › Map; the basemap changes when it is accepted.
    void openSettings();
    /// Follows the register's filters: only \a area's homes (a name; empty: every area) and
    /// only \a status (nothing: every status), as if chosen here.
    void followFilters(const QString &area, std::optional<HouseholdStatus> status);
    /// Shows \a fitterId's route on \a date (a null id: no route).
    void showRoute(const QUuid &fitterId, const QDate &date);

    MapWidget *mapWidget() const { return m_map; }
    MapLegend *legend() const { return m_legend; }
    QListWidget *homesList() const { return m_homes; }
    QPushButton *notOnMapButton() const { return m_notOnMap; }
    QComboBox *areaBox() const { return m_area; }
    QString bannerText() const;

signals:
    /// The user chose to open this household's page.
    void householdActivated(const QUuid &id);

private:
    void applyBasemap();
    void filtersChanged();
    void listHomes(const QString &title, const QList<int> &households);
    void routeChosen();

    Database &m_database;
    std::unique_ptr<MapSettings> m_settings;
    std::unique_ptr<MapTileSource> m_tiles;
    MapWidget *m_map = nullptr;
    MapLegend *m_legend = nullptr;
    MessageBanner *m_banner = nullptr;
    QComboBox *m_area = nullptr;
    QComboBox *m_fitter = nullptr;
    QDateEdit *m_date = nullptr;
    QPushButton *m_notOnMap = nullptr;
    QLabel *m_homesTitle = nullptr;
    QListWidget *m_homes = nullptr;
};

} // namespace saferhomes
