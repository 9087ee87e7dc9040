#include "common/statuspalette.h"

#include <QImage>
#include <QPainter>
#include <QSet>

#include <gtest/gtest.h>

#include <tuple>

namespace saferhomes::test {

namespace {

using Shape = StatusPalette::Shape;

struct Expected {
    HouseholdStatus status;
    const char *color;
    Shape shape;
    const char16_t *glyph;
};

// The Okabe–Ito colours (and its grey) as published, with the shape and glyph of each status.
const Expected kLooks[] = {
    {HouseholdStatus::Identified, "#999999", Shape::Ring, u"\u25CB"},
    {HouseholdStatus::Contacted, "#56b4e9", Shape::Circle, u"\u25CF"},
    {HouseholdStatus::Surveyed, "#0072b2", Shape::Square, u"\u25A0"},
    {HouseholdStatus::Accepted, "#f0e442", Shape::Diamond, u"\u25C6"},
    {HouseholdStatus::Scheduled, "#e69f00", Shape::TriangleUp, u"\u25B2"},
    {HouseholdStatus::Installed, "#009e73", Shape::Hexagon, u"\u2B22"},
    {HouseholdStatus::FollowedUp, "#009e73", Shape::Star, u"\u2605"},
    {HouseholdStatus::Declined, "#d55e00", Shape::Cross, u"\u2716"},
    {HouseholdStatus::NotEligible, "#000000", Shape::TriangleDown, u"\u25BC"},
    {HouseholdStatus::Unreachable, "#999999", Shape::Bar, u"\u25AC"},
    {HouseholdStatus::MovedAway, "#cc79a7", Shape::Arrow, u"\u279C"},
};

QImage render(HouseholdStatus status)
{
    QImage image(48, 48, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    StatusPalette::paint(painter, QRectF(0, 0, 48, 48), status);
    return image;
}

} // namespace

TEST(StatusPaletteTest, EveryStatusHasItsOkabeItoColourShapeAndGlyph)
{
    ASSERT_EQ(qsizetype(std::size(kLooks)), HouseholdStatusRules::all().size());
    for (const Expected &look : kLooks) {
        const QString name = HouseholdStatusRules::name(look.status);
        EXPECT_EQ(StatusPalette::color(look.status).name(), QLatin1String(look.color))
            << qPrintable(name);
        EXPECT_EQ(StatusPalette::color(look.status).alpha(), 255) << qPrintable(name);
        EXPECT_EQ(StatusPalette::shape(look.status), look.shape) << qPrintable(name);
        EXPECT_EQ(StatusPalette::glyph(look.status), QString::fromUtf16(look.glyph))
            << qPrintable(name);
    }
}

TEST(StatusPaletteTest, NoTwoStatusesLookAlikeAndTheClosedOnesDifferInColourToo)
{
    QSet<QString> looks;
    QSet<QString> glyphs;
    for (HouseholdStatus status : HouseholdStatusRules::all()) {
        looks.insert(StatusPalette::color(status).name() + QLatin1Char('/')
                     + QString::number(int(StatusPalette::shape(status))));
        glyphs.insert(StatusPalette::glyph(status));
    }
    EXPECT_EQ(looks.size(), 11);
    EXPECT_EQ(glyphs.size(), 11);
    // They were all the same black dot.
    const QSet<QString> closed {StatusPalette::color(HouseholdStatus::Declined).name(),
                                StatusPalette::color(HouseholdStatus::NotEligible).name(),
                                StatusPalette::color(HouseholdStatus::Unreachable).name(),
                                StatusPalette::color(HouseholdStatus::MovedAway).name()};
    EXPECT_EQ(closed,
              (QSet<QString> {QStringLiteral("#d55e00"), QStringLiteral("#000000"),
                              QStringLiteral("#999999"), QStringLiteral("#cc79a7")}));
}

TEST(StatusPaletteTest, TheDrawnShapeIsFilledWithTheColourAndEveryDrawingDiffers)
{
    QList<QImage> images;
    for (const Expected &look : kLooks) {
        const QImage image = render(look.status);
        const QString name = HouseholdStatusRules::name(look.status);
        if (look.shape == Shape::Ring) {
            EXPECT_EQ(qAlpha(image.pixel(24, 24)), 0) << "a ring is open in the middle";
            EXPECT_EQ(QColor(image.pixel(24, 7)).name(), QLatin1String(look.color));
        } else {
            EXPECT_EQ(QColor(image.pixel(24, 24)).name(), QLatin1String(look.color))
                << qPrintable(name);
        }
        for (const QImage &other : std::as_const(images))
            EXPECT_NE(image, other) << qPrintable(name);
        images.append(image);
    }
    // The bar leaves the top and bottom empty; the circle does not.
    EXPECT_EQ(qAlpha(render(HouseholdStatus::Unreachable).pixel(24, 6)), 0);
    EXPECT_EQ(qAlpha(render(HouseholdStatus::Contacted).pixel(24, 6)), 255);
}

TEST(StatusPaletteTest, ChipsAreSharpOnHighDensityScreens)
{
    const QIcon chip = StatusPalette::chip(HouseholdStatus::Declined);
    EXPECT_EQ(chip.pixmap(QSize(12, 12), 1.0).size(), QSize(12, 12));
    EXPECT_EQ(chip.pixmap(QSize(12, 12), 2.0).size(), QSize(24, 24));
}

} // namespace saferhomes::test
