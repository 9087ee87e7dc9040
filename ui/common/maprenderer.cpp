#include "common/maprenderer.h"

#include "common/maptilesource.h"
#include "common/statuspalette.h"
#include "map/tilemath.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace saferhomes {

namespace {

/// A household's mark, in logical pixels.
constexpr double kMarkSize = 14;

/// Text with a halo of \a halo round it, so that it reads on any basemap.
void drawHaloText(QPainter &painter, const QRectF &box, int flags, const QString &text,
                  const QColor &color, const QColor &halo)
{
    painter.setPen(halo);
    for (const QPointF offset : {QPointF(-1, 0), QPointF(1, 0), QPointF(0, -1), QPointF(0, 1)})
        painter.drawText(box.translated(offset), flags, text);
    painter.setPen(color);
    painter.drawText(box, flags, text);
}

} // namespace

MapStyle MapStyle::light()
{
    return {QColor(0xf2, 0xef, 0xe9), QColor(0x20, 0x20, 0x20), QColor(255, 255, 255, 220),
            QColor(0x33, 0x4d, 0x66), QColor(0x00, 0x72, 0xb2)};
}

MapStyle MapStyle::dark()
{
    return {QColor(0x2a, 0x2c, 0x30), QColor(0xee, 0xee, 0xee), QColor(0, 0, 0, 200),
            QColor(0x8a, 0xa8, 0xc8), QColor(0x56, 0xb4, 0xe9)};
}

MapStyle MapStyle::forPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? dark() : light();
}

MapViewport MapRenderer::fitted(const HouseholdLayer &layer, const MapRoute &route,
                                const QSizeF &size, const QUuid &selected)
{
    std::optional<QRectF> target;
    if (!selected.isNull()) {
        for (int i : layer.placed()) {
            if (layer.households()[i].id == selected)
                target = QRectF(*layer.households()[i].world, QSizeF(0, 0));
        }
    }
    if (!target)
        target = route.bounds();
    if (!target)
        target = layer.bounds();
    // Melton Mowbray (52.7661 N, 0.8868 W) when there is nothing to show.
    MapViewport view(TileMath::toWorld(52.7661, -0.8868), 12, size);
    if (target)
        view.fit(*target);
    return view;
}

int MapRenderer::tileZoom(double zoom, double devicePixelRatio) const
{
    const int wanted = int(std::lround(zoom + std::log2(std::max(devicePixelRatio, 1.0))));
    if (!m_tiles)
        return wanted;
    return std::clamp(wanted, m_tiles->minZoom(), std::max(m_tiles->minZoom(), m_tiles->maxZoom()));
}

double MapRenderer::clusterRadius(qsizetype count)
{
    return 10 + 4 * std::log10(double(std::max<qsizetype>(count, 1)));
}

QImage MapRenderer::renderImage(const MapViewport &view, double devicePixelRatio) const
{
    const QSize size = (view.size() * devicePixelRatio).toSize();
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    QPainter painter(&image);
    render(painter, view, devicePixelRatio);
    return image;
}

void MapRenderer::render(QPainter &painter, const MapViewport &view, double devicePixelRatio) const
{
    painter.save();
    // The application's font, not a widget's: the widget and `map render` draw alike.
    painter.setFont(QFont());
    painter.setClipRect(QRectF(QPointF(0, 0), view.size()));
    painter.fillRect(QRectF(QPointF(0, 0), view.size()), m_style.background);
    if (m_tiles)
        drawTiles(painter, view, devicePixelRatio);
    if (m_layer)
        drawHouseholds(painter, view, devicePixelRatio);
    if (!m_route.isEmpty())
        drawRoute(painter, view);
    drawScaleBar(painter, view);
    drawAttribution(painter, view);
    painter.restore();
}

void MapRenderer::drawTiles(QPainter &painter, const MapViewport &view,
                            double devicePixelRatio) const
{
    const int z = tileZoom(view.zoom(), devicePixelRatio);
    const QRectF visible = view.visibleWorld();
    const TileId first = TileMath::tileAt(visible.topLeft(), z);
    const TileId last = TileMath::tileAt(visible.bottomRight(), z);
    // Tiles drawn at a scale other than 1:1 are smoothed; at 1:1 they are copied exactly.
    const double scale = view.scale() / TileMath::worldSize(z) * devicePixelRatio;
    painter.setRenderHint(QPainter::SmoothPixmapTransform, std::abs(scale - 1) > 1e-9);
    const auto snap = [](const QPointF &p) {
        return QPointF(std::round(p.x()), std::round(p.y()));
    };
    for (int y = first.y; y <= last.y; ++y) {
        for (int x = first.x; x <= last.x; ++x) {
            const TileId id {z, x, y};
            const QRectF target(snap(view.toScreen(TileMath::tileBounds(id).topLeft())),
                                snap(view.toScreen(TileMath::tileBounds(id).bottomRight())));
            // The tile, or the part of its nearest ancestor that covers it, scaled up.
            for (int up = 0; up <= z - m_tiles->minZoom(); ++up) {
                const TileId ancestor {z - up, x >> up, y >> up};
                const std::optional<QImage> image
                    = up == 0 ? m_tiles->tile(ancestor) : m_tiles->cachedTile(ancestor);
                if (!image)
                    continue;
                const double part = image->width() / double(1 << up);
                const QRectF source((x - (ancestor.x << up)) * part,
                                    (y - (ancestor.y << up)) * part * image->height()
                                        / image->width(),
                                    part, part * image->height() / image->width());
                painter.drawImage(target, *image, source);
                break;
            }
        }
    }
}

const QImage &MapRenderer::sprite(HouseholdStatus status, double devicePixelRatio) const
{
    const int key = int(status) * 1000 + int(std::lround(devicePixelRatio * 100));
    auto it = m_sprites.find(key);
    if (it == m_sprites.end()) {
        const int side = int(std::ceil(kMarkSize * devicePixelRatio));
        QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        image.setDevicePixelRatio(devicePixelRatio);
        QPainter painter(&image);
        StatusPalette::paint(painter, QRectF(0, 0, kMarkSize, kMarkSize), status);
        painter.end();
        it = m_sprites.insert(key, image);
    }
    return *it;
}

const QImage &MapRenderer::clusterSprite(qsizetype count, double devicePixelRatio) const
{
    const qint64 key = qint64(count) * 1000 + std::lround(devicePixelRatio * 100);
    auto it = m_clusterSprites.find(key);
    if (it == m_clusterSprites.end()) {
        if (m_clusterSprites.size() > 4096)
            m_clusterSprites.clear();
        const double radius = clusterRadius(count);
        const double side = 2 * radius + 4;
        const int pixels = int(std::ceil(side * devicePixelRatio));
        QImage image(pixels, pixels, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        image.setDevicePixelRatio(devicePixelRatio);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        const QPointF centre(side / 2, side / 2);
        painter.setPen(QPen(m_style.halo, 2));
        painter.setBrush(m_style.cluster);
        painter.drawEllipse(centre, radius, radius);
        QFont font = painter.font();
        font.setPixelSize(11);
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                         Qt::AlignCenter, QString::number(count));
        painter.end();
        it = m_clusterSprites.insert(key, image);
    }
    return *it;
}

void MapRenderer::drawHouseholds(QPainter &painter, const MapViewport &view,
                                 double devicePixelRatio) const
{
    const MapClusters &clusters = m_layer->clustersAt(HouseholdLayer::clusterZoom(view.zoom()));
    // Marks whose centre is just off screen still show their edge.
    const double margin = 40 / view.scale();
    const QRectF visible = view.visibleWorld().adjusted(-margin, -margin, margin, margin);
    const QList<int> shown = clusters.index.inRect(visible);
    const QList<MapHousehold> &households = m_layer->households();
    painter.setRenderHint(QPainter::Antialiasing);
    // Marks are copied whole at device pixels, not resampled.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    const auto snap = [devicePixelRatio](const QPointF &p) {
        return QPointF(std::round(p.x() * devicePixelRatio) / devicePixelRatio,
                       std::round(p.y() * devicePixelRatio) / devicePixelRatio);
    };
    std::optional<QPointF> selectedAt;
    for (int c : shown) {
        const MapCluster &cluster = clusters.clusters[c];
        const QPointF at = view.toScreen(cluster.centre);
        if (cluster.members.size() == 1) {
            const MapHousehold &household = households[cluster.members.first()];
            const QImage &mark = sprite(household.status, devicePixelRatio);
            painter.drawImage(snap(at - QPointF(kMarkSize / 2, kMarkSize / 2)), mark);
            if (!m_selected.isNull() && household.id == m_selected)
                selectedAt = at;
            continue;
        }
        const double half = clusterRadius(cluster.members.size()) + 2;
        painter.drawImage(snap(at - QPointF(half, half)),
                          clusterSprite(cluster.members.size(), devicePixelRatio));
    }
    if (selectedAt) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(m_style.halo, 5));
        painter.drawEllipse(*selectedAt, kMarkSize, kMarkSize);
        painter.setPen(QPen(m_style.text, 2.5));
        painter.drawEllipse(*selectedAt, kMarkSize, kMarkSize);
    }
}

void MapRenderer::drawRoute(QPainter &painter, const MapViewport &view) const
{
    painter.setRenderHint(QPainter::Antialiasing);
    QList<QPointF> points;
    if (m_route.start)
        points.append(view.toScreen(*m_route.start));
    for (const MapRouteStop &stop : m_route.stops) {
        if (stop.world)
            points.append(view.toScreen(*stop.world));
    }
    QPainterPath legs;
    for (int i = 0; i < points.size(); ++i)
        i == 0 ? legs.moveTo(points[i]) : legs.lineTo(points[i]);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(m_style.halo, 7, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(legs);
    painter.setPen(QPen(m_style.route, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(legs);

    QFont font = painter.font();
    font.setPixelSize(11);
    font.setBold(true);
    painter.setFont(font);
    constexpr double radius = 10;
    if (m_route.start) {
        const QPointF at = view.toScreen(*m_route.start);
        painter.setPen(QPen(Qt::black, 1.5));
        painter.setBrush(QColor(0xe6, 0x9f, 0x00));
        const QRectF box(at.x() - radius, at.y() - radius, 2 * radius, 2 * radius);
        painter.drawRect(box);
        painter.setPen(Qt::black);
        painter.drawText(box, Qt::AlignCenter, tr("S", "the route's start"));
    }
    for (int i = 0; i < m_route.stops.size(); ++i) {
        if (!m_route.stops[i].world)
            continue;
        const QPointF at = view.toScreen(*m_route.stops[i].world);
        painter.setPen(QPen(Qt::black, 1.5));
        painter.setBrush(Qt::white);
        painter.drawEllipse(at, radius, radius);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(at.x() - radius, at.y() - radius, 2 * radius, 2 * radius),
                         Qt::AlignCenter, QString::number(i + 1));
    }
}

void MapRenderer::drawScaleBar(QPainter &painter, const MapViewport &view) const
{
    const double latitude = TileMath::latitudeOf(view.centre());
    const double metresPerPixel = TileMath::metresPerPixel(latitude, view.zoom());
    // The longest round length (1, 2 or 5 times a power of ten) that fits in 120 pixels.
    const double most = 120 * metresPerPixel;
    const double power = std::pow(10.0, std::floor(std::log10(most)));
    double metres = power;
    for (const double step : {5.0, 2.0}) {
        if (step * power <= most) {
            metres = step * power;
            break;
        }
    }
    const double length = metres / metresPerPixel;
    const QString label = metres >= 1000
        ? tr("%1 km").arg(QLocale::c().toString(metres / 1000, 'g', 6))
        : tr("%1 m").arg(QLocale::c().toString(metres, 'g', 6));
    const QPointF origin(12, view.size().height() - 14);
    painter.setRenderHint(QPainter::Antialiasing, false);
    QPainterPath bar;
    bar.moveTo(origin + QPointF(0, -6));
    bar.lineTo(origin);
    bar.lineTo(origin + QPointF(length, 0));
    bar.lineTo(origin + QPointF(length, -6));
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(m_style.halo, 5, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    painter.drawPath(bar);
    painter.setPen(QPen(m_style.text, 2, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    painter.drawPath(bar);
    QFont font = painter.font();
    font.setPixelSize(11);
    font.setBold(false);
    painter.setFont(font);
    painter.setRenderHint(QPainter::Antialiasing);
    drawHaloText(painter, QRectF(origin.x() + 4, origin.y() - 22, 200, 16),
                 Qt::AlignLeft | Qt::AlignVCenter, label, m_style.text, m_style.halo);
}

void MapRenderer::drawAttribution(QPainter &painter, const MapViewport &view) const
{
    const QString credit = m_tiles ? m_tiles->attribution() : QString();
    if (credit.isEmpty())
        return;
    QFont font = painter.font();
    font.setPixelSize(10);
    font.setBold(false);
    painter.setFont(font);
    const QRectF box(0, view.size().height() - 18, view.size().width() - 6, 16);
    drawHaloText(painter, box, Qt::AlignRight | Qt::AlignVCenter, credit, m_style.text,
                 m_style.halo);
}

} // namespace saferhomes
