#include "map/mapwidget.h"

#include "common/maptilesource.h"

#include <QGestureEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPinchGesture>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace saferhomes {

MapWidget::MapWidget(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_AcceptTouchEvents);
    grabGesture(Qt::PinchGesture);
    setMouseTracking(false);
    setAccessibleName(tr("Map of households"));
    m_renderer.setStyle(MapStyle::forPalette(palette()));
    m_renderer.setLayer(&m_layer);
    m_view = MapRenderer::fitted(m_layer, {}, QSizeF(size()));
}

void MapWidget::layerChanged()
{
    if (!m_renderer.selected().isNull()) {
        bool shown = false;
        for (int i : m_layer.placed())
            shown = shown || m_layer.households()[i].id == m_renderer.selected();
        if (!shown)
            m_renderer.setSelected({});
    }
    update();
}

void MapWidget::setTileSource(MapTileSource *source)
{
    if (MapTileSource *old = m_renderer.tileSource())
        disconnect(old, nullptr, this, nullptr);
    m_renderer.setTileSource(source);
    if (source)
        connect(source, &MapTileSource::tileArrived, this, qOverload<>(&QWidget::update));
    update();
}

void MapWidget::setRoute(MapRoute route)
{
    m_renderer.setRoute(std::move(route));
    update();
}

void MapWidget::setViewport(const MapViewport &view)
{
    m_fitted = true;
    changeView(view);
}

void MapWidget::changeView(const MapViewport &view)
{
    m_view = view;
    m_view.setSize(QSizeF(size()));
    update();
    emit viewChanged();
}

void MapWidget::fitToSelection()
{
    m_fitted = true;
    changeView(
        MapRenderer::fitted(m_layer, m_renderer.route(), QSizeF(size()), m_renderer.selected()));
}

void MapWidget::setCurrent(const QUuid &household)
{
    m_renderer.setSelected(household);
    update();
}

void MapWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    m_renderer.render(painter, m_view, devicePixelRatioF());
    if (hasFocus()) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
}

void MapWidget::resizeEvent(QResizeEvent *)
{
    m_view.setSize(QSizeF(size()));
    if (!m_fitted && m_layer.bounds())
        fitToSelection();
}

bool MapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::Gesture) {
        gesture(static_cast<QGestureEvent *>(event));
        return true;
    }
    if (event->type() == QEvent::NativeGesture) {
        const auto *native = static_cast<QNativeGestureEvent *>(event);
        if (native->gestureType() == Qt::ZoomNativeGesture) {
            MapViewport view = m_view;
            view.zoomAbout(native->position(), m_view.zoom() + std::log2(1 + native->value()));
            changeView(view);
            return true;
        }
    }
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        m_renderer.setStyle(MapStyle::forPalette(palette()));
    return QWidget::event(event);
}

void MapWidget::gesture(QGestureEvent *event)
{
    auto *pinch = static_cast<QPinchGesture *>(event->gesture(Qt::PinchGesture));
    if (!pinch)
        return;
    const QPointF centre = mapFromGlobal(pinch->centerPoint().toPoint());
    MapViewport view = m_view;
    if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged)
        view.zoomAbout(centre, m_view.zoom() + std::log2(std::max(pinch->scaleFactor(), 0.01)));
    if (pinch->changeFlags() & QPinchGesture::CenterPointChanged)
        view.panBy(pinch->centerPoint() - pinch->lastCenterPoint());
    changeView(view);
    event->accept(pinch);
}

void MapWidget::wheelEvent(QWheelEvent *event)
{
    // A notch (120) is half a zoom level; touchpads send smaller steps.
    const double steps = event->angleDelta().y() / 240.0;
    if (steps == 0)
        return;
    MapViewport view = m_view;
    view.zoomAbout(event->position(), m_view.zoom() + steps);
    changeView(view);
    event->accept();
}

void MapWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_pressAt = event->position();
    m_lastDrag = event->position();
    m_dragging = false;
    setFocus(Qt::MouseFocusReason);
}

void MapWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    if (!m_dragging && (event->position() - m_pressAt).manhattanLength() < 4)
        return;
    m_dragging = true;
    setCursor(Qt::ClosedHandCursor);
    MapViewport view = m_view;
    view.panBy(event->position() - m_lastDrag);
    m_lastDrag = event->position();
    changeView(view);
}

void MapWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    unsetCursor();
    if (m_dragging) {
        m_dragging = false;
        return;
    }
    const MapHit hit = m_layer.hitTest(m_view, event->position());
    if (hit.kind == MapHit::Kind::Household) {
        const QUuid id = m_layer.households()[hit.households.first()].id;
        setCurrent(id);
        emit householdActivated(id);
    } else if (hit.kind == MapHit::Kind::Cluster) {
        emit clusterActivated(hit.households);
    }
}

void MapWidget::keyPressEvent(QKeyEvent *event)
{
    MapViewport view = m_view;
    switch (event->key()) {
    case Qt::Key_Left: view.panBy(QPointF(kPanStep, 0)); break;
    case Qt::Key_Right: view.panBy(QPointF(-kPanStep, 0)); break;
    case Qt::Key_Up: view.panBy(QPointF(0, kPanStep)); break;
    case Qt::Key_Down: view.panBy(QPointF(0, -kPanStep)); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: view.setZoom(m_view.zoom() + 1); break;
    case Qt::Key_Minus: view.setZoom(m_view.zoom() - 1); break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!current().isNull())
            emit householdActivated(current());
        return;
    case Qt::Key_Escape: setCurrent({}); return;
    default: return QWidget::keyPressEvent(event);
    }
    changeView(view);
}

bool MapWidget::focusNextPrevChild(bool next)
{
    if (hasFocus() && stepCurrent(next))
        return true;
    return QWidget::focusNextPrevChild(next);
}

bool MapWidget::stepCurrent(bool next)
{
    // The single households drawn on screen, in reading order.
    const MapClusters &clusters = m_layer.clustersAt(HouseholdLayer::clusterZoom(m_view.zoom()));
    struct Shown {
        QPointF at;
        QUuid id;
    };
    QList<Shown> shown;
    for (int c : clusters.index.inRect(m_view.visibleWorld())) {
        if (clusters.clusters[c].members.size() == 1) {
            shown.append({m_view.toScreen(clusters.clusters[c].centre),
                          m_layer.households()[clusters.clusters[c].members.first()].id});
        }
    }
    std::sort(shown.begin(), shown.end(), [](const Shown &a, const Shown &b) {
        const int rowA = int(a.at.y() / 32), rowB = int(b.at.y() / 32);
        return rowA != rowB ? rowA < rowB : a.at.x() < b.at.x();
    });
    if (shown.isEmpty())
        return false;
    qsizetype at = -1;
    for (qsizetype i = 0; i < shown.size(); ++i) {
        if (shown[i].id == current())
            at = i;
    }
    const qsizetype to = at < 0 ? (next ? 0 : shown.size() - 1) : at + (next ? 1 : -1);
    if (to < 0 || to >= shown.size()) {
        setCurrent({});
        return false;
    }
    setCurrent(shown[to].id);
    return true;
}

} // namespace saferhomes
