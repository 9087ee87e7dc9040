#pragma once

#include "common/maptilesource.h"
#include "map/householdlayer.h"
#include "map/maproute.h"
#include "map/mapviewport.h"

#include <QColor>
#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QPalette>
#include <QPointer>
#include <QUuid>

class QPainter;

namespace saferhomes {

/// The map's colours other than the status palette: light or dark, after the system's.
struct MapStyle {
    QColor background; ///< where there is no basemap tile
    QColor text;
    QColor halo; ///< behind text and lines, so that they read on any basemap
    QColor cluster;
    QColor route;

    static MapStyle light();
    static MapStyle dark();
    /// The light or dark style, whichever \a palette's window colour is closer to.
    static MapStyle forPalette(const QPalette &palette);
};

/// Draws the map with a QPainter on any paint device (the map widget, a PNG for `map render`,
/// the job sheets' PDF): the basemap tiles (a missing tile drawn from the nearest lower zoom,
/// scaled up; the plain background where there is none), the households by status (shape and
/// colour from StatusPalette) or their clusters with a count, a fitter's route with numbered
/// stops and its legs, the scale bar and the basemap's credit.
class MapRenderer {
    Q_DECLARE_TR_FUNCTIONS(MapRenderer)

public:
    /// The basemap; none (null) draws the plain background. Not owned.
    void setTileSource(MapTileSource *source) { m_tiles = source; }
    MapTileSource *tileSource() const { return m_tiles; }
    /// The households to draw; none (null) draws none. Not owned.
    void setLayer(const HouseholdLayer *layer) { m_layer = layer; }
    void setRoute(MapRoute route) { m_route = std::move(route); }
    const MapRoute &route() const { return m_route; }
    void setSelected(const QUuid &household) { m_selected = household; }
    QUuid selected() const { return m_selected; }
    void setStyle(const MapStyle &style)
    {
        m_style = style;
        m_clusterSprites.clear();
    }
    const MapStyle &style() const { return m_style; }

    /// Draws \a view with its top left at the painter's origin, in logical pixels; tiles are
    /// chosen for \a devicePixelRatio so that they are crisp on HiDPI screens.
    void render(QPainter &painter, const MapViewport &view, double devicePixelRatio = 1) const;
    /// \a view drawn into an image of its size times \a devicePixelRatio.
    QImage renderImage(const MapViewport &view, double devicePixelRatio = 1) const;

    /// The view that shows \a selected (a household of \a layer), else all of \a route, else
    /// every household of \a layer on the map, else Melton Mowbray, at \a size: what the map
    /// widget fits to and `map render` draws.
    static MapViewport fitted(const HouseholdLayer &layer, const MapRoute &route,
                              const QSizeF &size, const QUuid &selected = {});

    /// The tile zoom drawn for a view at \a zoom on a screen of \a devicePixelRatio.
    int tileZoom(double zoom, double devicePixelRatio) const;
    /// The radius of a cluster's disc of \a count households, in logical pixels.
    static double clusterRadius(qsizetype count);

private:
    void drawTiles(QPainter &painter, const MapViewport &view, double devicePixelRatio) const;
    void drawHouseholds(QPainter &painter, const MapViewport &view, double devicePixelRatio) const;
    void drawRoute(QPainter &painter, const MapViewport &view) const;
    void drawScaleBar(QPainter &painter, const MapViewport &view) const;
    void drawAttribution(QPainter &painter, const MapViewport &view) const;
    const QImage &sprite(HouseholdStatus status, double devicePixelRatio) const;
    const QImage &clusterSprite(qsizetype count, double devicePixelRatio) const;

    QPointer<MapTileSource> m_tiles;
    const HouseholdLayer *m_layer = nullptr;
    MapRoute m_route;
    QUuid m_selected;
    MapStyle m_style = MapStyle::light();
    mutable QHash<int, QImage> m_sprites; ///< status and device pixel ratio → its mark
    /// count and device pixel ratio → the cluster's disc with its count: drawing text is
    /// most of a frame's time otherwise.
    mutable QHash<qint64, QImage> m_clusterSprites;
};

} // namespace saferhomes
