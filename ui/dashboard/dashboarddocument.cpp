#include "dashboard/dashboarddocument.h"

#include "dashboard/chartcard.h"
#include "dashboard/dashboardtile.h"

#include <QDateTime>
#include <QLocale>
#include <QPagedPaintDevice>
#include <QPainter>

namespace saferhomes {

bool DashboardDocument::paint(QPagedPaintDevice &device, const QString &filterText,
                              const QList<DashboardTile *> &tiles, const QList<ChartCard *> &cards)
{
    QPainter painter;
    if (!painter.begin(&device))
        return false;
    // Lay out in screen-sized units (96 per inch) whatever the device's resolution. Callers
    // set 96 dpi where they can: the charts' own fonts are in points.
    const qreal scale = device.logicalDpiX() / 96.0;
    painter.scale(scale, scale);
    const QRectF page(QPointF(0, 0), QSizeF(device.width(), device.height()) / scale);
    painter.setPen(Qt::black);

    // Pixel sizes: the page is laid out in 96ths of an inch whatever the device.
    QFont font = painter.font();
    font.setPixelSize(13);
    QFont title = font;
    title.setPixelSize(24);
    title.setBold(true);
    QFont bold = font;
    bold.setBold(true);

    qreal y = 0;
    painter.setFont(title);
    painter.drawText(QRectF(0, y, page.width(), 40), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("SaferHomes dashboard"));
    y += 48;
    painter.setFont(font);
    QRectF used;
    painter.drawText(QRectF(0, y, page.width(), 200), Qt::TextWordWrap, filterText, &used);
    y += used.height() + 6;
    painter.drawText(
        QRectF(0, y, page.width(), 20), Qt::AlignLeft,
        tr("Generated %1")
            .arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::LongFormat)));
    y += 36;
    for (const DashboardTile *tile : tiles) {
        painter.setFont(bold);
        painter.drawText(QRectF(0, y, page.width() * 0.45, 24), Qt::AlignLeft | Qt::AlignVCenter,
                         tile->accessibleName().section(QLatin1Char(':'), 0, 0));
        painter.drawText(QRectF(page.width() * 0.45, y, page.width() * 0.15, 24),
                         Qt::AlignRight | Qt::AlignVCenter, tile->valueText());
        painter.setFont(font);
        painter.drawText(QRectF(page.width() * 0.62, y, page.width() * 0.38, 24),
                         Qt::AlignLeft | Qt::AlignVCenter, tile->detailText());
        y += 28;
    }

    const qreal chartHeight = (page.height() - 24) / 2;
    for (int i = 0; i < cards.size(); ++i) {
        if (i % 2 == 0 && !device.newPage())
            return false;
        const qreal top = (i % 2) * (chartHeight + 24);
        cards[i]->render(painter, QRectF(0, top, page.width(), chartHeight));
    }
    return painter.end();
}

} // namespace saferhomes
