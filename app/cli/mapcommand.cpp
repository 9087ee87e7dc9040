#include "mapcommand.h"

#include "cli.h"
#include "common/maprenderer.h"
#include "common/mbtilestilesource.h"
#include "store/database.h"
#include "store/householdplaces.h"

#include <QFileInfo>
#include <QImageWriter>
#include <QJsonObject>
#include <QRegularExpression>

#include <cstring>

namespace saferhomes {

bool MapCommand::isRequested(int argc, char *argv[])
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "map") == 0 && std::strcmp(argv[i + 1], "render") == 0)
            return true;
    }
    return false;
}

std::optional<QSize> MapCommand::parseSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,5})x(\\d{1,5})$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const QSize size(match.captured(1).toInt(), match.captured(2).toInt());
    if (size.width() < 16 || size.height() < 16 || size.width() > 8192 || size.height() > 8192)
        return std::nullopt;
    return size;
}

int MapCommand::render(Database &database, const QHash<QString, QString> &options)
{
    const QString out = options.value(QStringLiteral("--out"));
    if (out.isEmpty())
        return m_output.fail(Cli::UsageError, tr("map render needs --out FILE.png"));
    const std::optional<QSize> size = parseSize(options.value(QStringLiteral("--size")));
    if (!size) {
        return m_output.fail(Cli::UsageError,
                             tr("map render needs --size WxH (16 to 8192 pixels a side)"));
    }
    const bool hasFitter = options.contains(QStringLiteral("--fitter"));
    if (hasFitter && options.contains(QStringLiteral("--area")))
        return m_output.fail(Cli::UsageError, tr("map render takes --area or --fitter, not both"));
    QUuid fitterId;
    QDate date;
    if (hasFitter || options.contains(QStringLiteral("--date"))) {
        fitterId = QUuid::fromString(options.value(QStringLiteral("--fitter")));
        date = QDate::fromString(options.value(QStringLiteral("--date")), Qt::ISODate);
        if (fitterId.isNull() || !date.isValid())
            return m_output.fail(Cli::UsageError,
                                 tr("map render needs --fitter ID with --date YYYY-MM-DD"));
    }

    std::unique_ptr<MbTilesTileSource> tiles;
    if (options.contains(QStringLiteral("--mbtiles"))) {
        auto store = MbTilesStore::open(options.value(QStringLiteral("--mbtiles")));
        if (!store)
            return m_output.fail(Cli::UsageError, store.errorString());
        tiles = std::make_unique<MbTilesTileSource>(std::move(*store));
    }
    const Result<QList<MapHousehold>> households
        = HouseholdPlaces(database, Database::localUserName()).all();
    if (!households)
        return m_output.fail(Cli::UsageError, households.errorString());
    HouseholdLayer layer;
    layer.setHouseholds(*households);
    layer.setArea(options.value(QStringLiteral("--area")));
    MapRoute route;
    if (!fitterId.isNull()) {
        Result<MapRoute> loaded = MapRoute::load(database, fitterId, date);
        if (!loaded) {
            return m_output.fail(loaded.error().kind == Error::Kind::NotFound ? Cli::Rejected
                                                                              : Cli::UsageError,
                                 loaded.errorString());
        }
        route = std::move(*loaded);
    }

    MapRenderer renderer;
    renderer.setTileSource(tiles.get());
    renderer.setLayer(&layer);
    renderer.setRoute(route);
    const MapViewport view = MapRenderer::fitted(layer, route, QSizeF(*size));
    const QImage image = renderer.renderImage(view);
    QImageWriter writer(out, "png");
    if (!writer.write(image)) {
        return m_output.fail(Cli::UsageError,
                             tr("%1: cannot write the image: %2").arg(out, writer.errorString()));
    }
    const int placed = int(layer.placed().size());
    const int unplaced = int(layer.unplaced().size());
    m_output.print({{QStringLiteral("file"), QFileInfo(out).absoluteFilePath()},
                    {QStringLiteral("width"), size->width()},
                    {QStringLiteral("height"), size->height()},
                    {QStringLiteral("zoom"), view.zoom()},
                    {QStringLiteral("households"), placed},
                    {QStringLiteral("not_on_map"), unplaced},
                    {QStringLiteral("stops"), int(route.stops.size())}},
                   tr("Wrote %1: %n household(s) on the map, %2 not on it.", nullptr, placed)
                       .arg(out)
                       .arg(unplaced));
    return Cli::Success;
}

} // namespace saferhomes
