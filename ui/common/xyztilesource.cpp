#include "common/xyztilesource.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>

namespace saferhomes {

namespace {

quint64 tileKey(const TileId &tile)
{
    return (quint64(tile.z) << 58) | (quint64(tile.x) << 29) | quint64(tile.y);
}

/// How long a cached tile is used before it is asked for again (the OSM policy: at least 7
/// days unless the server says otherwise).
constexpr qint64 kCacheDays = 7;
/// Requests waiting to be sent; older ones (tiles panned away from) are dropped.
constexpr qsizetype kMaxQueued = 64;

} // namespace

XyzTileSource::XyzTileSource(QString urlTemplate, QString cacheDirectory, Options options,
                             QObject *parent)
    : MapTileSource(parent)
    , m_template(std::move(urlTemplate))
    , m_cacheDir(std::move(cacheDirectory))
    , m_options(options)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setTransferTimeout(m_options.timeoutMs);
}

Status XyzTileSource::validateTemplate(const QString &urlTemplate)
{
    const QString text = urlTemplate.trimmed();
    QStringList missing;
    for (const QString &part :
         {QStringLiteral("{z}"), QStringLiteral("{x}"), QStringLiteral("{y}")}) {
        if (!text.contains(part))
            missing.append(part);
    }
    if (!missing.isEmpty()) {
        return Error::invalid(
            QCoreApplication::translate("XyzTileSource",
                                        "The tile URL must contain {z}, {x} and {y} (it lacks %1).")
                .arg(missing.join(QStringLiteral(", "))));
    }
    const QUrl url(QString(text)
                       .replace(QStringLiteral("{z}"), QStringLiteral("0"))
                       .replace(QStringLiteral("{x}"), QStringLiteral("0"))
                       .replace(QStringLiteral("{y}"), QStringLiteral("0")));
    if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http")
        || url.host().isEmpty()) {
        return Error::invalid(QCoreApplication::translate(
            "XyzTileSource", "The tile URL must be an http:// or https:// address."));
    }
    return {};
}

QByteArray XyzTileSource::userAgent()
{
    const QString version = QCoreApplication::applicationVersion();
    return QStringLiteral("SaferHomes/%1 (home-security scheme register; Qt %2)")
        .arg(version.isEmpty() ? QStringLiteral("0") : version, QString::fromLatin1(qVersion()))
        .toUtf8();
}

QString XyzTileSource::defaultCacheDirectory(const QString &urlTemplate)
{
    const QByteArray hash
        = QCryptographicHash::hash(urlTemplate.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
        + QStringLiteral("/tiles/") + QString::fromLatin1(hash.left(16));
}

QString XyzTileSource::attribution() const
{
    if (m_template.contains(QStringLiteral("openstreetmap")))
        return QStringLiteral("\u00a9 OpenStreetMap contributors");
    return {};
}

QString XyzTileSource::cachePath(const TileId &tile) const
{
    return m_cacheDir.filePath(QStringLiteral("%1/%2/%3.tile").arg(tile.z).arg(tile.x).arg(tile.y));
}

std::optional<QImage> XyzTileSource::cachedTile(const TileId &tile)
{
    if (tile.z < 0 || tile.z > m_options.maxZoom)
        return std::nullopt;
    const quint64 key = tileKey(tile);
    if (const QImage *cached = m_memory.object(key))
        return *cached;
    const QFileInfo file(cachePath(tile));
    if (!file.exists())
        return std::nullopt;
    QImage image(file.filePath());
    if (image.isNull())
        return std::nullopt;
    m_memory.insert(key, new QImage(image), std::max(1, int(image.sizeInBytes() / 1024)));
    if (file.lastModified().daysTo(QDateTime::currentDateTime()) >= kCacheDays)
        request(tile); // shown meanwhile; refreshed in the background
    return image;
}

std::optional<QImage> XyzTileSource::tile(const TileId &tile)
{
    if (tile.z < 0 || tile.z > m_options.maxZoom)
        return std::nullopt;
    std::optional<QImage> image = cachedTile(tile);
    if (!image)
        request(tile);
    return image;
}

void XyzTileSource::request(const TileId &tile)
{
    const quint64 key = tileKey(tile);
    if (m_inFlight.contains(key))
        return;
    const auto failed = m_failedUntil.constFind(key);
    if (failed != m_failedUntil.cend() && !failed->hasExpired())
        return;
    m_queue.removeIf([&](const TileId &queued) { return queued == tile; });
    m_queue.append(tile);
    if (m_queue.size() > kMaxQueued)
        m_queue.removeFirst();
    startNext();
}

void XyzTileSource::startNext()
{
    while (m_inFlight.size() < m_options.maxConcurrent && !m_queue.isEmpty()) {
        const TileId tile = m_queue.takeLast();
        QString url = m_template.trimmed();
        url.replace(QStringLiteral("{z}"), QString::number(tile.z))
            .replace(QStringLiteral("{x}"), QString::number(tile.x))
            .replace(QStringLiteral("{y}"), QString::number(tile.y));
        QNetworkRequest request {QUrl(url)};
        request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        m_inFlight.insert(tileKey(tile));
        QNetworkReply *reply = m_network->get(request);
        connect(reply, &QNetworkReply::finished, this,
                [this, reply, tile] { finished(reply, tile); });
    }
}

void XyzTileSource::finished(QNetworkReply *reply, const TileId &tile)
{
    reply->deleteLater();
    const quint64 key = tileKey(tile);
    m_inFlight.remove(key);
    const QByteArray bytes
        = reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
    const QImage image = QImage::fromData(bytes);
    if (image.isNull()) {
        ++m_failures;
        m_failedUntil.insert(key, QDeadlineTimer(m_options.retryAfterMs));
        // Asked for again at the next paint after the wait, if it is still on screen.
        QTimer::singleShot(m_options.retryAfterMs, this, &MapTileSource::tileArrived);
    } else {
        m_failedUntil.remove(key);
        if (m_cacheDir.mkpath(QFileInfo(cachePath(tile)).path())) {
            QSaveFile file(cachePath(tile));
            if (file.open(QIODevice::WriteOnly)) {
                file.write(bytes);
                file.commit();
            }
        }
        m_memory.insert(key, new QImage(image), std::max(1, int(image.sizeInBytes() / 1024)));
        emit tileArrived();
    }
    startNext();
}

} // namespace saferhomes
