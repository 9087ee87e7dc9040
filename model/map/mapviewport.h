#pragma once

#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace saferhomes {

/// What part of the map a view shows: the world point at its centre, the zoom (fractional)
/// and its size in logical pixels. It converts between screen and world coordinates and
/// moves the view the way the map widget and `map render` both need.
class MapViewport {
public:
    static constexpr double kMinZoom = 0.0;
    static constexpr double kMaxZoom = 19.0;

    MapViewport() = default;
    MapViewport(const QPointF &centre, double zoom, const QSizeF &size);

    QPointF centre() const { return m_centre; }
    double zoom() const { return m_zoom; }
    QSizeF size() const { return m_size; }
    void setSize(const QSizeF &size) { m_size = size; }
    void setCentre(const QPointF &centre);
    void setZoom(double zoom);

    /// Pixels per world unit (the map's width in pixels at this zoom).
    double scale() const;
    QPointF toScreen(const QPointF &world) const;
    QPointF toWorld(const QPointF &screen) const;
    /// The world rectangle on screen.
    QRectF visibleWorld() const;

    /// Moves the map by \a pixels on screen (dragging it right shows what is to the west).
    void panBy(const QPointF &pixels);
    /// Zooms to \a zoom keeping the world point under \a screen where it is.
    void zoomAbout(const QPointF &screen, double zoom);
    /// Centres \a world (a rectangle, possibly empty: a single point) with \a margin pixels
    /// round it, at the largest zoom up to \a maxZoom that shows all of it.
    void fit(const QRectF &world, double margin = 32, double maxZoom = 17);

private:
    QPointF m_centre {0.5, 0.5};
    double m_zoom = 0;
    QSizeF m_size {256, 256};
};

} // namespace saferhomes
