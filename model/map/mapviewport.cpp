#include "map/mapviewport.h"

#include "map/tilemath.h"

#include <algorithm>
#include <cmath>

namespace saferhomes {

MapViewport::MapViewport(const QPointF &centre, double zoom, const QSizeF &size)
    : m_size(size)
{
    setCentre(centre);
    setZoom(zoom);
}

void MapViewport::setCentre(const QPointF &centre)
{
    m_centre = QPointF(std::clamp(centre.x(), 0.0, 1.0), std::clamp(centre.y(), 0.0, 1.0));
}

void MapViewport::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
}

double MapViewport::scale() const
{
    return TileMath::worldSize(m_zoom);
}

QPointF MapViewport::toScreen(const QPointF &world) const
{
    const double s = scale();
    return {(world.x() - m_centre.x()) * s + m_size.width() / 2,
            (world.y() - m_centre.y()) * s + m_size.height() / 2};
}

QPointF MapViewport::toWorld(const QPointF &screen) const
{
    const double s = scale();
    return {m_centre.x() + (screen.x() - m_size.width() / 2) / s,
            m_centre.y() + (screen.y() - m_size.height() / 2) / s};
}

QRectF MapViewport::visibleWorld() const
{
    return QRectF(toWorld(QPointF(0, 0)), toWorld(QPointF(m_size.width(), m_size.height())));
}

void MapViewport::panBy(const QPointF &pixels)
{
    setCentre(m_centre - pixels / scale());
}

void MapViewport::zoomAbout(const QPointF &screen, double zoom)
{
    const QPointF anchor = toWorld(screen);
    setZoom(zoom);
    // Put the anchor back under the cursor.
    const QPointF moved = toScreen(anchor);
    setCentre(m_centre + (moved - screen) / scale());
}

void MapViewport::fit(const QRectF &world, double margin, double maxZoom)
{
    setCentre(world.center());
    const double width = std::max(m_size.width() - 2 * margin, 1.0);
    const double height = std::max(m_size.height() - 2 * margin, 1.0);
    double zoom = maxZoom;
    if (world.width() > 0 || world.height() > 0) {
        const double fitWidth = world.width() > 0 ? width / world.width() : 1e300;
        const double fitHeight = world.height() > 0 ? height / world.height() : 1e300;
        const double pixelsPerWorld = std::min(fitWidth, fitHeight);
        zoom = std::min(maxZoom, std::log2(pixelsPerWorld / TileMath::kTileSize));
    }
    setZoom(zoom);
}

} // namespace saferhomes
