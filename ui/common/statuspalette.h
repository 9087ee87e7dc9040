#pragma once

#include "domain/householdstatus.h"

#include <QColor>
#include <QIcon>
#include <QString>

class QPainter;
class QRectF;

namespace saferhomes {

/// How a household status looks wherever it is drawn: a colour from the Okabe–Ito
/// colour-blind-safe palette and a shape of its own, always shown with the status's label.
/// The palette has nine colours for eleven statuses, so the shape is what always tells two
/// statuses apart; the colour groups them (installed and followed up are both green).
class StatusPalette {
public:
    enum class Shape {
        Ring,
        Circle,
        Square,
        Diamond,
        TriangleUp,
        Hexagon,
        Star,
        Cross,
        TriangleDown,
        Bar,
        Arrow,
    };

    static QColor color(HouseholdStatus status);
    /// The colour of a chart's \a index-th series, from the same palette (blue, orange,
    /// bluish green, vermillion, sky blue, reddish purple, yellow, grey, then again).
    static QColor series(int index);
    static Shape shape(HouseholdStatus status);
    /// The shape as one character, for places that can only show text.
    static QString glyph(HouseholdStatus status);
    /// Draws the status's shape, filled with its colour and outlined so that it shows on
    /// light and dark backgrounds, centred in \a box.
    static void paint(QPainter &painter, const QRectF &box, HouseholdStatus status);
    /// A small chip of the shape (sharp on HiDPI screens). Callers that paint often keep
    /// the icons: each call draws new pixmaps.
    static QIcon chip(HouseholdStatus status);
};

} // namespace saferhomes
