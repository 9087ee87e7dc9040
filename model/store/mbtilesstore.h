#pragma once

#include "domain/result.h"
#include "map/tilemath.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QRectF>
#include <QString>

#include <memory>
#include <optional>

namespace saferhomes {

/// What an MBTiles file says about itself (its `metadata` table).
struct MbTilesMetadata {
    QString name;
    QString format; ///< "png", "jpg" or "webp"
    int minZoom = 0;
    int maxZoom = 0;
    /// west, south, east, north in degrees (QRectF(left = west, top = south, ...)); none
    /// when the file does not say.
    std::optional<QRectF> bounds;
    QString attribution;
};

/// Reads raster tiles from an MBTiles 1.3 file (SQLite: `tiles` with TMS rows, `metadata`)
/// through a read-only connection of its own, named after the instance.
class MbTilesStore {
    Q_DECLARE_TR_FUNCTIONS(MbTilesStore)

public:
    /// Opens \a path: Error::Invalid naming what is wrong when it is not an SQLite file,
    /// lacks the `tiles` or `metadata` table, has no metadata or holds vector tiles.
    static Result<std::unique_ptr<MbTilesStore>> open(const QString &path);
    ~MbTilesStore();
    MbTilesStore(const MbTilesStore &) = delete;
    MbTilesStore &operator=(const MbTilesStore &) = delete;

    QString path() const { return m_path; }
    const MbTilesMetadata &metadata() const { return m_metadata; }
    /// The image bytes of XYZ tile \a tile (the row flipped to TMS here); nothing when the
    /// file has no such tile.
    Result<std::optional<QByteArray>> tile(const TileId &tile) const;

private:
    MbTilesStore(QString path, QString connectionName);
    Status readMetadata();

    QString m_path;
    QString m_connectionName;
    MbTilesMetadata m_metadata;
};

} // namespace saferhomes
