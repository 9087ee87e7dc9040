#include "common/signaturepad.h"

#include <QBuffer>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QTabletEvent>
#include <QTouchEvent>

namespace saferhomes {

namespace {

constexpr qreal kInkWidth = 3.0;

} // namespace

SignaturePad::SignaturePad(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("signaturePad"));
    setAccessibleName(tr("Signature pad"));
    setAccessibleDescription(tr("The householder signs here with a finger, a pen or the mouse."));
    setAttribute(Qt::WA_AcceptTouchEvents);
    // A signature cannot be typed: keyboard users take verbal consent with a witness.
    setFocusPolicy(Qt::NoFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setCursor(Qt::CrossCursor);
}

QSize SignaturePad::sizeHint() const
{
    return {520, 180};
}

QSize SignaturePad::minimumSizeHint() const
{
    return {300, 140};
}

void SignaturePad::clear()
{
    m_path = QPainterPath();
    m_strokes = 0;
    m_drawing = false;
    update();
    emit changed();
}

QByteArray SignaturePad::toPng() const
{
    if (isEmpty())
        return {};
    QImage image(size(), QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        drawSignature(painter, Qt::black);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return {};
    return bytes;
}

void SignaturePad::drawSignature(QPainter &painter, const QColor &ink) const
{
    painter.setPen(QPen(ink, kInkWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(m_path);
}

void SignaturePad::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    // Paper is white in light and dark themes alike: it is what the PNG will look like.
    const QRectF area = QRectF(rect()).adjusted(1, 1, -1, -1);
    painter.setPen(QPen(palette().color(QPalette::Mid), 2));
    painter.setBrush(Qt::white);
    painter.drawRoundedRect(area, 6, 6);

    const qreal lineY = height() * 0.72;
    painter.setPen(QPen(QColor(0x99, 0x99, 0x99), 1, Qt::DashLine));
    painter.drawLine(QPointF(24, lineY), QPointF(width() - 24, lineY));
    if (isEmpty()) {
        painter.setPen(QColor(0x66, 0x66, 0x66));
        painter.drawText(QRectF(24, lineY + 4, width() - 48, height() - lineY - 8),
                         Qt::AlignLeft | Qt::AlignTop, tr("Sign above the line"));
    }
    drawSignature(painter, Qt::black);
}

void SignaturePad::beginStroke(const QPointF &at)
{
    m_drawing = true;
    m_path.moveTo(at);
    // A dot is a stroke too (an initial, a full stop).
    m_path.lineTo(at + QPointF(0.1, 0.1));
    update();
}

void SignaturePad::continueStroke(const QPointF &at)
{
    if (!m_drawing)
        return;
    m_path.lineTo(at);
    update();
}

void SignaturePad::endStroke()
{
    if (!m_drawing)
        return;
    m_drawing = false;
    ++m_strokes;
    emit changed();
}

bool SignaturePad::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd: {
        // One finger signs; the first touch point is the pen.
        auto *touch = static_cast<QTouchEvent *>(event);
        if (touch->points().isEmpty())
            return true;
        const QEventPoint &point = touch->points().constFirst();
        if (event->type() == QEvent::TouchBegin)
            beginStroke(point.position());
        else
            continueStroke(point.position());
        if (event->type() == QEvent::TouchEnd)
            endStroke();
        event->accept();
        return true;
    }
    case QEvent::TouchCancel:
        endStroke();
        event->accept();
        return true;
    default: return QWidget::event(event);
    }
}

void SignaturePad::tabletEvent(QTabletEvent *event)
{
    // Accepted, so that Qt does not also send the pen as a mouse.
    switch (event->type()) {
    case QEvent::TabletPress: beginStroke(event->position()); break;
    case QEvent::TabletMove: continueStroke(event->position()); break;
    case QEvent::TabletRelease:
        continueStroke(event->position());
        endStroke();
        break;
    default: break;
    }
    event->accept();
}

void SignaturePad::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        beginStroke(event->position());
}

void SignaturePad::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        continueStroke(event->position());
}

void SignaturePad::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        continueStroke(event->position());
        endStroke();
    }
}

} // namespace saferhomes
