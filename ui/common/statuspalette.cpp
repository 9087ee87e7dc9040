#include "common/statuspalette.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPolygonF>
#include <QTransform>

#include <cmath>
#include <numbers>

namespace saferhomes {

namespace {

// Okabe & Ito (2008), "Color Universal Design", with its grey. The closed statuses each have
// a colour of their own; grey is "no contact yet" (identified) and "no answer" (unreachable).
constexpr QRgb kBlack = 0xff000000;
constexpr QRgb kOrange = 0xffe69f00;
constexpr QRgb kSkyBlue = 0xff56b4e9;
constexpr QRgb kBluishGreen = 0xff009e73;
constexpr QRgb kYellow = 0xfff0e442;
constexpr QRgb kBlue = 0xff0072b2;
constexpr QRgb kVermillion = 0xffd55e00;
constexpr QRgb kReddishPurple = 0xffcc79a7;
constexpr QRgb kGrey = 0xff999999;

struct Look {
    QRgb color;
    StatusPalette::Shape shape;
    char16_t glyph;
};

Look lookOf(HouseholdStatus status)
{
    using Shape = StatusPalette::Shape;
    switch (status) {
    case HouseholdStatus::Identified: return {kGrey, Shape::Ring, u'\u25CB'};
    case HouseholdStatus::Contacted: return {kSkyBlue, Shape::Circle, u'\u25CF'};
    case HouseholdStatus::Surveyed: return {kBlue, Shape::Square, u'\u25A0'};
    case HouseholdStatus::Accepted: return {kYellow, Shape::Diamond, u'\u25C6'};
    case HouseholdStatus::Scheduled: return {kOrange, Shape::TriangleUp, u'\u25B2'};
    case HouseholdStatus::Installed: return {kBluishGreen, Shape::Hexagon, u'\u2B22'};
    case HouseholdStatus::FollowedUp: return {kBluishGreen, Shape::Star, u'\u2605'};
    case HouseholdStatus::Declined: return {kVermillion, Shape::Cross, u'\u2716'};
    case HouseholdStatus::NotEligible: return {kBlack, Shape::TriangleDown, u'\u25BC'};
    case HouseholdStatus::Unreachable: return {kGrey, Shape::Bar, u'\u25AC'};
    case HouseholdStatus::MovedAway: return {kReddishPurple, Shape::Arrow, u'\u279C'};
    }
    return {kGrey, Shape::Ring, u'\u25CB'};
}

/// \a count points on a circle of \a radius around (0.5, 0.5), the first straight up.
QPolygonF around(int count, double radius, double turn = 0)
{
    QPolygonF points;
    for (int i = 0; i < count; ++i) {
        const double angle = -std::numbers::pi / 2 + turn + 2 * std::numbers::pi * i / count;
        points << QPointF(0.5 + radius * std::cos(angle), 0.5 + radius * std::sin(angle));
    }
    return points;
}

/// The shape in the unit square.
QPainterPath unitPath(StatusPalette::Shape shape)
{
    using Shape = StatusPalette::Shape;
    QPainterPath path;
    switch (shape) {
    case Shape::Ring:
        path.setFillRule(Qt::OddEvenFill);
        path.addEllipse(QRectF(0, 0, 1, 1));
        path.addEllipse(QRectF(0.28, 0.28, 0.44, 0.44));
        break;
    case Shape::Circle: path.addEllipse(QRectF(0, 0, 1, 1)); break;
    case Shape::Square: path.addRect(QRectF(0.08, 0.08, 0.84, 0.84)); break;
    case Shape::Diamond: path.addPolygon(around(4, 0.5)); break;
    case Shape::TriangleUp:
        path.addPolygon(QPolygonF({{0.5, 0.02}, {1.0, 0.94}, {0.0, 0.94}}));
        break;
    case Shape::Hexagon: path.addPolygon(around(6, 0.5)); break;
    case Shape::Star: {
        QPolygonF star;
        const QPolygonF outer = around(5, 0.52);
        const QPolygonF inner = around(5, 0.22, std::numbers::pi / 5);
        for (int i = 0; i < 5; ++i)
            star << outer[i] << inner[i];
        path.addPolygon(star);
        break;
    }
    case Shape::Cross: {
        QPainterPath plus;
        plus.setFillRule(Qt::WindingFill);
        plus.addRect(QRectF(0.36, -0.05, 0.28, 1.1));
        plus.addRect(QRectF(-0.05, 0.36, 1.1, 0.28));
        QTransform turn;
        turn.translate(0.5, 0.5).rotate(45).translate(-0.5, -0.5);
        path = turn.map(plus.simplified());
        break;
    }
    case Shape::TriangleDown:
        path.addPolygon(QPolygonF({{0.0, 0.06}, {1.0, 0.06}, {0.5, 0.98}}));
        break;
    case Shape::Bar: path.addRect(QRectF(0.0, 0.3, 1.0, 0.4)); break;
    case Shape::Arrow:
        path.addPolygon(QPolygonF({{0.0, 0.34},
                                   {0.5, 0.34},
                                   {0.5, 0.04},
                                   {1.0, 0.5},
                                   {0.5, 0.96},
                                   {0.5, 0.66},
                                   {0.0, 0.66}}));
        break;
    }
    path.closeSubpath();
    return path;
}

QPixmap chipPixmap(HouseholdStatus status, qreal ratio)
{
    const int size = 12;
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    StatusPalette::paint(painter, QRectF(0, 0, size, size), status);
    return pixmap;
}

} // namespace

QColor StatusPalette::series(int index)
{
    static constexpr QRgb kSeries[] {kBlue,    kOrange,        kBluishGreen, kVermillion,
                                     kSkyBlue, kReddishPurple, kYellow,      kGrey};
    return QColor::fromRgb(kSeries[index % int(std::size(kSeries))]);
}

QColor StatusPalette::color(HouseholdStatus status)
{
    return QColor::fromRgba(lookOf(status).color);
}

StatusPalette::Shape StatusPalette::shape(HouseholdStatus status)
{
    return lookOf(status).shape;
}

QString StatusPalette::glyph(HouseholdStatus status)
{
    return QString(QChar(lookOf(status).glyph));
}

void StatusPalette::paint(QPainter &painter, const QRectF &box, HouseholdStatus status)
{
    // A square in the middle of the box, leaving room for the outline.
    const double side = std::min(box.width(), box.height()) - 2;
    const QRectF square(box.center() - QPointF(side / 2, side / 2), QSizeF(side, side));
    QTransform toBox;
    toBox.translate(square.left(), square.top()).scale(side, side);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0x80, 0x80, 0x80), 1));
    painter.setBrush(color(status));
    painter.drawPath(toBox.map(unitPath(shape(status))));
    painter.restore();
}

QIcon StatusPalette::chip(HouseholdStatus status)
{
    QIcon icon;
    icon.addPixmap(chipPixmap(status, 1));
    icon.addPixmap(chipPixmap(status, 2));
    return icon;
}

} // namespace saferhomes
