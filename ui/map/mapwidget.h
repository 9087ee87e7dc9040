#pragma once

#include "common/maprenderer.h"
#include "map/householdlayer.h"
#include "map/mapviewport.h"

#include <QList>
#include <QUuid>
#include <QWidget>

class QGestureEvent;

namespace saferhomes {

class MapTileSource;

/// The map on screen: draws with MapRenderer what the household layer and route hold, and is
/// moved by the mouse (wheel zooms about the cursor, drag pans), touch (pinch) and keys
/// (arrows pan, + and - zoom, Tab and Shift+Tab go through the households on screen, Enter
/// opens the one chosen). A click on a household opens it; on a cluster, lists its homes.
class MapWidget : public QWidget {
    Q_OBJECT

public:
    /// Pixels an arrow key moves the map.
    static constexpr int kPanStep = 64;

    explicit MapWidget(QWidget *parent = nullptr);

    HouseholdLayer &layer() { return m_layer; }
    const HouseholdLayer &layer() const { return m_layer; }
    /// The households or filters changed: draw them again.
    void layerChanged();
    void setTileSource(MapTileSource *source);
    void setRoute(MapRoute route);
    const MapRenderer &renderer() const { return m_renderer; }
    const MapViewport &viewport() const { return m_view; }
    void setViewport(const MapViewport &view);

    /// Shows all of the route, or the chosen household, or every household on the map.
    void fitToSelection();
    /// The household chosen (by Tab or a click); null when none.
    QUuid current() const { return m_renderer.selected(); }
    void setCurrent(const QUuid &household);

    QSize sizeHint() const override { return {640, 480}; }

signals:
    /// The user opened a household (clicked it, or Enter on the one chosen).
    void householdActivated(const QUuid &id);
    /// The user clicked a cluster of these households (indices into the layer).
    void clusterActivated(const QList<int> &households);
    void viewChanged();

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    void gesture(QGestureEvent *event);
    void changeView(const MapViewport &view);
    /// Moves the choice to the next (or previous) household on screen, left to right and
    /// top to bottom; false past the last one.
    bool stepCurrent(bool next);

    HouseholdLayer m_layer;
    MapRenderer m_renderer;
    MapViewport m_view;
    bool m_fitted = false; ///< false until the first fit once the widget has its size
    QPointF m_pressAt;
    QPointF m_lastDrag;
    bool m_dragging = false;
};

} // namespace saferhomes
