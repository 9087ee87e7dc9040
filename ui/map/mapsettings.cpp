#include "map/mapsettings.h"

namespace saferhomes {

MapSettings::MapSettings()
    : m_settings(std::make_unique<QSettings>())
{ }

MapSettings::MapSettings(const QString &path)
    : m_settings(std::make_unique<QSettings>(path, QSettings::IniFormat))
{ }

MapSettings::Basemap MapSettings::basemap() const
{
    const QString kind = m_settings->value(QStringLiteral("map/basemap")).toString();
    if (kind == u"mbtiles")
        return Basemap::MbTiles;
    if (kind == u"xyz")
        return Basemap::TileServer;
    return Basemap::None;
}

void MapSettings::setBasemap(Basemap basemap)
{
    const QString kind = basemap == Basemap::MbTiles ? QStringLiteral("mbtiles")
        : basemap == Basemap::TileServer             ? QStringLiteral("xyz")
                                                     : QStringLiteral("none");
    m_settings->setValue(QStringLiteral("map/basemap"), kind);
}

QString MapSettings::mbTilesPath() const
{
    return m_settings->value(QStringLiteral("map/mbtiles")).toString();
}

void MapSettings::setMbTilesPath(const QString &path)
{
    m_settings->setValue(QStringLiteral("map/mbtiles"), path);
}

QString MapSettings::urlTemplate() const
{
    return m_settings->value(QStringLiteral("map/urlTemplate")).toString();
}

void MapSettings::setUrlTemplate(const QString &urlTemplate)
{
    m_settings->setValue(QStringLiteral("map/urlTemplate"), urlTemplate);
}

} // namespace saferhomes
