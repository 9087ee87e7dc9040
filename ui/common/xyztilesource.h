#pragma once

#include "common/maptilesource.h"
#include "domain/result.h"

#include <QCache>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QHash>
#include <QList>
#include <QSet>

class QNetworkAccessManager;
class QNetworkReply;

namespace saferhomes {

/// Basemap tiles from a tile server's URL template ("https://tile.example.org/{z}/{x}/{y}.png"),
/// fetched in the background and kept in a disk cache. It follows the OpenStreetMap tile usage
/// policy: only the tiles on screen are asked for, two at a time, with a User-Agent that names
/// the application, and cached tiles are used for a week before they are asked for again;
/// nothing is ever downloaded in bulk. A server that is down or slow leaves the map with what
/// it has; a failed tile is asked for again after a while.
class XyzTileSource : public MapTileSource {
    Q_OBJECT

public:
    struct Options {
        int maxConcurrent = 2;
        int timeoutMs = 15'000;
        int retryAfterMs = 30'000;
        int maxZoom = 19;
    };

    XyzTileSource(QString urlTemplate, QString cacheDirectory, Options options,
                  QObject *parent = nullptr);
    XyzTileSource(QString urlTemplate, QString cacheDirectory, QObject *parent = nullptr)
        : XyzTileSource(std::move(urlTemplate), std::move(cacheDirectory), Options(), parent)
    { }

    /// Error::Invalid with a message for the user unless \a urlTemplate is an http(s) URL
    /// with {z}, {x} and {y} in it.
    static Status validateTemplate(const QString &urlTemplate);
    /// The User-Agent sent with every request.
    static QByteArray userAgent();
    /// The disk cache folder for \a urlTemplate under the user's cache location.
    static QString defaultCacheDirectory(const QString &urlTemplate);

    int minZoom() const override { return 0; }
    int maxZoom() const override { return m_options.maxZoom; }
    std::optional<QImage> tile(const TileId &tile) override;
    std::optional<QImage> cachedTile(const TileId &tile) override;
    QString attribution() const override;
    /// Requests sent and not yet answered.
    int inFlight() const { return int(m_inFlight.size()); }
    /// Tiles that failed (server down, an error, not an image) since the source was made.
    int failures() const { return m_failures; }

private:
    QString cachePath(const TileId &tile) const;
    void request(const TileId &tile);
    void startNext();
    void finished(QNetworkReply *reply, const TileId &tile);

    QString m_template;
    QDir m_cacheDir;
    Options m_options;
    QNetworkAccessManager *m_network = nullptr;
    QCache<quint64, QImage> m_memory {64 * 1024};
    QSet<quint64> m_inFlight;
    QList<TileId> m_queue; ///< newest last; the newest is sent first
    QHash<quint64, QDeadlineTimer> m_failedUntil;
    int m_failures = 0;
};

} // namespace saferhomes
