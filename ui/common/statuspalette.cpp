#include "common/statuspalette.h"

#include <QPainter>
#include <QPixmap>

namespace saferhomes {

namespace {

// Okabe & Ito (2008), "Color Universal Design". Closed states share neutral tones: the
// text label tells them apart.
constexpr QRgb kGrey = 0xff999999;
constexpr QRgb kSkyBlue = 0xff56b4e9;
constexpr QRgb kBlue = 0xff0072b2;
constexpr QRgb kYellow = 0xfff0e442;
constexpr QRgb kOrange = 0xffe69f00;
constexpr QRgb kBluishGreen = 0xff009e73;
constexpr QRgb kReddishPurple = 0xffcc79a7;
constexpr QRgb kVermillion = 0xffd55e00;
constexpr QRgb kBlack = 0xff000000;

QPixmap chipPixmap(const QColor &fill, qreal ratio)
{
    const int size = 12;
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0x80, 0x80, 0x80), 1));
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(1.5, 1.5, size - 3, size - 3), 3, 3);
    return pixmap;
}

} // namespace

QColor StatusPalette::color(HouseholdStatus status)
{
    switch (status) {
    case HouseholdStatus::Identified: return QColor::fromRgba(kGrey);
    case HouseholdStatus::Contacted: return QColor::fromRgba(kSkyBlue);
    case HouseholdStatus::Surveyed: return QColor::fromRgba(kBlue);
    case HouseholdStatus::Accepted: return QColor::fromRgba(kYellow);
    case HouseholdStatus::Scheduled: return QColor::fromRgba(kOrange);
    case HouseholdStatus::Installed: return QColor::fromRgba(kBluishGreen);
    case HouseholdStatus::FollowedUp: return QColor::fromRgba(kReddishPurple);
    case HouseholdStatus::Declined: return QColor::fromRgba(kVermillion);
    case HouseholdStatus::NotEligible:
    case HouseholdStatus::Unreachable:
    case HouseholdStatus::MovedAway: return QColor::fromRgba(kBlack);
    }
    return QColor::fromRgba(kGrey);
}

QIcon StatusPalette::chip(HouseholdStatus status)
{
    QIcon icon;
    icon.addPixmap(chipPixmap(color(status), 1));
    icon.addPixmap(chipPixmap(color(status), 2));
    return icon;
}

} // namespace saferhomes
