#pragma once

#include "common/maptilesource.h"
#include "store/mbtilesstore.h"

#include <QCache>

#include <memory>

namespace saferhomes {

/// Basemap tiles from an MBTiles file, decoded once and kept in memory while they are used.
/// A tile that does not decode (corrupt bytes) counts as missing: the renderer draws the
/// nearest lower zoom instead.
class MbTilesTileSource : public MapTileSource {
    Q_OBJECT

public:
    explicit MbTilesTileSource(std::unique_ptr<MbTilesStore> store, QObject *parent = nullptr);

    int minZoom() const override { return m_store->metadata().minZoom; }
    int maxZoom() const override { return m_store->metadata().maxZoom; }
    std::optional<QImage> tile(const TileId &tile) override;
    QString attribution() const override { return m_store->metadata().attribution; }
    const MbTilesStore &store() const { return *m_store; }
    /// Tiles that were there but could not be decoded or read.
    int badTiles() const { return m_badTiles; }

private:
    std::unique_ptr<MbTilesStore> m_store;
    /// Decoded tiles (null images for tiles the file lacks), cost in KiB.
    QCache<quint64, QImage> m_cache {64 * 1024};
    int m_badTiles = 0;
};

} // namespace saferhomes
