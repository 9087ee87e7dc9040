#pragma once

#include "map/tilemath.h"

#include <QImage>
#include <QObject>
#include <QString>

#include <optional>

namespace saferhomes {

/// Where the map's basemap tiles come from (an MBTiles file or a tile server). The renderer
/// asks only for the tiles it draws and never waits: a source that must fetch a tile answers
/// "not yet" and emits tileArrived() when it has it.
class MapTileSource : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    virtual int minZoom() const = 0;
    virtual int maxZoom() const = 0;
    /// The tile's image when it is at hand (decoded, 256 x 256 or larger for HiDPI tiles).
    virtual std::optional<QImage> tile(const TileId &tile) = 0;
    /// The tile's image only when it is at hand already: what the renderer draws scaled up
    /// in place of a missing tile, without asking a server for more than the screen shows.
    virtual std::optional<QImage> cachedTile(const TileId &tile) { return this->tile(tile); }
    /// The credit the tiles' licence asks for ("© OpenStreetMap contributors").
    virtual QString attribution() const = 0;

signals:
    void tileArrived();
};

} // namespace saferhomes
