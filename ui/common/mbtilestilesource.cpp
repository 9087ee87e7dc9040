#include "common/mbtilestilesource.h"

#include <QLoggingCategory>

namespace saferhomes {

Q_LOGGING_CATEGORY(lcMapTiles, "saferhomes.map")

namespace {

quint64 tileKey(const TileId &tile)
{
    return (quint64(tile.z) << 58) | (quint64(tile.x) << 29) | quint64(tile.y);
}

} // namespace

MbTilesTileSource::MbTilesTileSource(std::unique_ptr<MbTilesStore> store, QObject *parent)
    : MapTileSource(parent)
    , m_store(std::move(store))
{ }

std::optional<QImage> MbTilesTileSource::tile(const TileId &tile)
{
    const quint64 key = tileKey(tile);
    if (const QImage *cached = m_cache.object(key))
        return cached->isNull() ? std::nullopt : std::optional<QImage>(*cached);
    QImage image;
    const Result<std::optional<QByteArray>> bytes = m_store->tile(tile);
    if (!bytes) {
        ++m_badTiles;
        qCWarning(lcMapTiles) << bytes.errorString();
    } else if (bytes->has_value()) {
        image = QImage::fromData(**bytes);
        if (image.isNull()) {
            ++m_badTiles;
            qCWarning(lcMapTiles, "%s: tile %d/%d/%d is not an image it can read",
                      qUtf8Printable(m_store->path()), tile.z, tile.x, tile.y);
        } else if (image.format() != QImage::Format_ARGB32_Premultiplied
                   && image.format() != QImage::Format_RGB32) {
            image = image.convertToFormat(image.hasAlphaChannel()
                                              ? QImage::Format_ARGB32_Premultiplied
                                              : QImage::Format_RGB32);
        }
    }
    const int cost = std::max(1, int(image.sizeInBytes() / 1024));
    const std::optional<QImage> answer = image.isNull() ? std::nullopt : std::optional(image);
    m_cache.insert(key, new QImage(std::move(image)), cost);
    return answer;
}

} // namespace saferhomes
