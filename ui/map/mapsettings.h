#pragma once

#include <QSettings>
#include <QString>

#include <memory>

namespace saferhomes {

/// Typed access to the map's settings: which basemap (none, an MBTiles file or a tile
/// server's URL template) and the last view.
class MapSettings {
public:
    enum class Basemap { None, MbTiles, TileServer };

    /// The application's settings.
    MapSettings();
    /// Settings kept in the INI file \a path (tests, portable installs).
    explicit MapSettings(const QString &path);

    Basemap basemap() const;
    void setBasemap(Basemap basemap);
    QString mbTilesPath() const;
    void setMbTilesPath(const QString &path);
    QString urlTemplate() const;
    void setUrlTemplate(const QString &urlTemplate);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace saferhomes
