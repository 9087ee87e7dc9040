#include "dashboard/quarterlyreturnpdf.h"

#include "common/maprenderer.h"
#include "map/householdlayer.h"
#include "map/tilemath.h"
#include "reporting/quarterlyreturn.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QUuid>

#include <algorithm>

namespace saferhomes {

/// The page being drawn: where the next line goes, starting a new page (with its footer)
/// when the next line would not fit.
struct QuarterlyReturnPdf::Page {
    QPainter &painter;
    QPagedPaintDevice &device;
    double mm; ///< device pixels per millimetre
    QRectF area; ///< the printable area in device pixels
    QString footer;
    double y = 0;
    int number = 1;

    double px(double millimetres) const { return millimetres * mm; }

    void drawFooter()
    {
        const QFont saved = painter.font();
        QFont small = saved;
        small.setPointSizeF(7);
        small.setStyleStrategy(QFont::PreferNoShaping);
        painter.setFont(small);
        painter.setPen(Qt::darkGray);
        painter.drawText(QRectF(area.left(), area.bottom() - px(5), area.width(), px(5)),
                         Qt::AlignRight | Qt::AlignVCenter,
                         QuarterlyReturnPdf::tr("%1 \u2014 page %2").arg(footer).arg(number));
        painter.setPen(Qt::black);
        painter.setFont(saved);
    }

    bool newPage()
    {
        drawFooter();
        if (!device.newPage())
            return false;
        ++number;
        y = area.top();
        return true;
    }

    /// Room for \a height more pixels on this page (above the footer), else a new page.
    bool ensure(double height)
    {
        if (y + height <= area.bottom() - px(8))
            return true;
        return newPage();
    }

    void setFont(double points, bool bold = false)
    {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(points);
        font.setBold(bold);
        // No shaping for Latin text means no ligatures: "fi" stays two letters that a reader
        // of the PDF can search for and copy (items_fitted, not items_\ufb01tted).
        font.setStyleStrategy(QFont::PreferNoShaping);
        painter.setFont(font);
    }

    /// One line of \a text at column \a x (mm from the left), \a width mm wide, elided.
    void cell(double x, double width, const QString &text, double height,
              Qt::Alignment align = Qt::AlignLeft)
    {
        if (align & Qt::AlignRight) {
            const QRectF box(area.left() + px(x), y, px(width), height);
            painter.drawText(box, int(align | Qt::AlignVCenter), text);
            return;
        }
        // The evidence appendix draws hundreds of thousands of cells: a text at a baseline
        // (no rectangle layout), elided only when it may not fit (at most its length in the
        // font's widest character).
        const QFontMetricsF metrics(painter.font());
        const double room = px(width) - px(1);
        const QString shown = text.size() * metrics.maxWidth() <= room
            ? text
            : metrics.elidedText(text, Qt::ElideRight, room);
        const double baseline = y + (height + metrics.ascent() - metrics.descent()) / 2;
        painter.drawText(QPointF(area.left() + px(x), baseline), shown);
    }
};

QuarterlyReturnPdf::QuarterlyReturnPdf(const QuarterlyReturn &quarterlyReturn)
    : m_return(quarterlyReturn)
{ }

Result<QByteArray> QuarterlyReturnPdf::bytes() const
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        if (!writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                              QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter)))
            return Error::invalid(tr("The page layout was refused."));
        writer.setResolution(300);
        writer.setCreator(QStringLiteral("SaferHomes"));
        writer.setTitle(tr("Quarterly return %1").arg(m_return.period.name()));
        const Result<int> pages = render(writer);
        if (!pages)
            return pages.error();
    }
    if (pdf.isEmpty())
        return Error::database(tr("The PDF of the return came out empty."));
    return pdf;
}

Result<int> QuarterlyReturnPdf::render(QPagedPaintDevice &device) const
{
    QPainter painter;
    if (!painter.begin(&device))
        return Error::invalid(tr("Could not start drawing the return."));
    const QRect paint = device.pageLayout().paintRectPixels(device.logicalDpiX());
    Page page {painter, device, device.logicalDpiX() / 25.4,
               QRectF(0, 0, paint.width(), paint.height()),
               tr("Quarterly return %1").arg(m_return.period.name())};
    page.y = page.area.top();
    drawCover(page);
    if (!page.newPage()) {
        painter.end();
        return Error::invalid(tr("Could not start page %1.").arg(page.number + 1));
    }
    drawFigures(page);
    drawEvidence(page);
    page.drawFooter();
    painter.end();
    return page.number;
}

void QuarterlyReturnPdf::drawCover(Page &page) const
{
    const QLocale english(QLocale::English, QLocale::UnitedKingdom);
    page.y = page.area.top() + page.px(60);
    page.setFont(26, true);
    page.cell(0, 186, tr("Quarterly return"), page.px(14));
    page.y += page.px(16);
    page.setFont(20, true);
    page.cell(0, 186, m_return.period.name(), page.px(12));
    page.y += page.px(14);
    page.setFont(12);
    page.cell(0, 186,
              tr("%1 to %2")
                  .arg(english.toString(m_return.period.firstDay(), u"d MMMM yyyy"),
                       english.toString(m_return.period.lastDay(), u"d MMMM yyyy")),
              page.px(7));
    page.y += page.px(20);
    page.setFont(11, true);
    page.cell(0, 40, tr("Scheme"), page.px(7));
    page.setFont(11);
    page.cell(40, 146, m_return.scheme.isEmpty() ? tr("SaferHomes") : m_return.scheme, page.px(7));
    page.y += page.px(9);
    page.setFont(11, true);
    page.cell(0, 40, tr("Generated"), page.px(7));
    page.setFont(11);
    page.cell(40, 146,
              m_return.generatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
              page.px(7));
    page.y += page.px(9);
    page.setFont(11, true);
    page.cell(0, 40, tr("Bounds"), page.px(7));
    page.setFont(11);
    page.cell(
        40, 146,
        tr("from London midnight %1 (UTC)").arg(m_return.period.start().toString(Qt::ISODate)),
        page.px(7));
    page.y += page.px(7);
    page.cell(40, 146,
              tr("to London midnight %1 (UTC), excluded")
                  .arg(m_return.period.end().toString(Qt::ISODate)),
              page.px(7));
    page.y += page.px(14);
    drawMap(page,
            QRectF(page.area.left(), page.y, page.area.width(),
                   page.area.bottom() - page.px(12) - page.y));
}

void QuarterlyReturnPdf::drawMap(Page &page, const QRectF &area) const
{
    // The homes secured in the quarter, drawn by the map's own renderer (as the Map mode and
    // `map render` draw them) without a basemap, in a view about 900 px wide scaled onto the
    // page; the caption goes below it.
    QList<MapHousehold> homes;
    int unplaced = 0;
    for (const ReturnFigure &figure : m_return.figures) {
        if (figure.key != u"homes_secured")
            continue;
        for (const QString &id : figure.households) {
            const ReturnAddress address = m_return.households.value(id).address;
            if (!address.latitude || !address.longitude) {
                ++unplaced;
                continue;
            }
            MapHousehold home;
            home.id = QUuid(id);
            home.address = address.address;
            home.area = address.areaName;
            home.status = HouseholdStatus::Installed;
            home.world = TileMath::toWorld(*address.latitude, *address.longitude);
            homes.append(home);
        }
    }
    HouseholdLayer layer;
    layer.setHouseholds(homes);
    const QRectF mapArea = area.adjusted(0, 0, 0, -page.px(8));
    const double scale = mapArea.width() / 900;
    MapRenderer renderer;
    renderer.setLayer(&layer);
    const MapViewport view = MapRenderer::fitted(layer, {}, mapArea.size() / scale);
    QPainter &painter = page.painter;
    painter.save();
    painter.translate(mapArea.topLeft());
    painter.scale(scale, scale);
    renderer.render(painter, view);
    painter.restore();

    painter.save();
    painter.setPen(QPen(Qt::black, page.px(0.3)));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(mapArea);
    page.setFont(10);
    if (homes.isEmpty())
        painter.drawText(mapArea, Qt::AlignCenter,
                         tr("No home secured in the quarter is on the map."));
    page.setFont(8);
    QString caption = tr("Homes secured in the quarter: %1 on the map").arg(homes.size());
    if (unplaced > 0)
        caption += tr(", %1 without a position").arg(unplaced);
    caption += tr("; numbers are clusters of homes; no streets drawn.");
    painter.drawText(QRectF(area.left(), mapArea.bottom() + page.px(1), area.width(), page.px(6)),
                     Qt::AlignLeft | Qt::AlignVCenter, caption);
    painter.restore();
    page.y = area.bottom();
}

void QuarterlyReturnPdf::drawFigures(Page &page) const
{
    page.setFont(16, true);
    page.cell(0, 186, tr("Figures"), page.px(9));
    page.y += page.px(12);
    const double line = page.px(6.5);
    page.setFont(9, true);
    page.cell(0, 72, tr("Key"), line);
    page.cell(72, 72, tr("Label"), line);
    page.cell(144, 22, tr("Value"), line, Qt::AlignRight);
    page.cell(168, 18, tr("Homes"), line, Qt::AlignRight);
    page.y += line;
    page.painter.drawLine(QPointF(page.area.left(), page.y), QPointF(page.area.right(), page.y));
    page.setFont(9);
    for (const ReturnFigure &figure : m_return.figures) {
        page.ensure(line);
        page.cell(0, 72, figure.key, line);
        page.cell(72, 72, figure.label, line);
        page.cell(144, 22, QString::number(figure.value), line, Qt::AlignRight);
        page.cell(168, 18, QString::number(figure.households.size()), line, Qt::AlignRight);
        page.y += line;
    }
    if (!m_return.forecast)
        return;
    const SpendForecast &forecast = *m_return.forecast;
    page.y += page.px(8);
    page.ensure(page.px(50));
    page.setFont(12, true);
    page.cell(0, 186, tr("Budget %1").arg(forecast.year.name()), page.px(7));
    page.y += page.px(9);
    page.setFont(9);
    const auto row = [&](const QString &label, const QString &value) {
        page.cell(0, 100, label, line);
        page.cell(100, 40, value, line, Qt::AlignRight);
        page.y += line;
    };
    row(tr("Capital budget (pence)"), QString::number(forecast.scheme.capitalPence));
    row(tr("Revenue budget (pence)"), QString::number(forecast.scheme.revenuePence));
    row(tr("Spent to %1 (pence)").arg(forecast.asOf.toString(Qt::ISODate)),
        QString::number(forecast.scheme.spentPence));
    row(tr("Forecast for the year (pence)"), QString::number(forecast.scheme.forecastPence));
    page.setFont(9, forecast.scheme.flagged());
    row(tr("Outlook"), SpendForecast::outlookText(forecast.scheme.outlook));
    page.setFont(9);
    for (const SpendForecast::Line &area : forecast.byArea) {
        page.ensure(line);
        row(tr("%1: forecast %2 of %3 (%4)")
                .arg(area.areaName)
                .arg(area.forecastPence)
                .arg(area.budgetPence())
                .arg(SpendForecast::outlookText(area.outlook)),
            QString());
    }
}

void QuarterlyReturnPdf::drawEvidence(Page &page) const
{
    // Every home behind the quarter's figures once, with a mark for each figure it counts in:
    // a figure's homes are the rows with its mark. The to-date figures are counted here but
    // their homes (every home the scheme has secured, tens of thousands) are listed in the
    // JSON, CSV and workbook only: printed, they would take a thousand pages and minutes.
    // One line of monospaced text per home keeps the appendix within seconds.
    struct Mark {
        QString key;
        QString mark;
    };
    const QList<Mark> marks {{QStringLiteral("households_visited"), QStringLiteral("V")},
                             {QStringLiteral("households_declined"), QStringLiteral("D")},
                             {QStringLiteral("households_accepted"), QStringLiteral("A")},
                             {QStringLiteral("homes_secured"), QStringLiteral("S")},
                             {QStringLiteral("spend_pence"), QStringLiteral("\u00a3")}};
    QHash<QString, QStringList> marksOf;
    QStringList legend;
    for (const Mark &mark : marks) {
        const ReturnFigure *figure = m_return.figure(mark.key);
        if (!figure)
            continue;
        for (const QString &id : figure->households)
            marksOf[id].append(mark.mark);
        legend.append(
            tr("%1 %2 (%3 homes)").arg(mark.mark, figure->label).arg(figure->households.size()));
    }
    QStringList toDate;
    for (const ReturnFigure &figure : m_return.figures) {
        if (figure.isToDate())
            toDate.append(tr("%1 (%2 homes)").arg(figure.label).arg(figure.households.size()));
    }
    // By UPRN (as a number: shorter first), then id.
    QList<std::pair<QString, QString>> order;
    order.reserve(marksOf.size());
    for (auto it = marksOf.cbegin(); it != marksOf.cend(); ++it) {
        const auto found = m_return.households.constFind(it.key());
        const QString uprn = found == m_return.households.cend() ? QString() : found->address.uprn;
        order.append({uprn.rightJustified(12, u'0'), it.key()});
    }
    std::sort(order.begin(), order.end());

    page.newPage();
    page.setFont(16, true);
    page.cell(0, 186, tr("Evidence: the homes behind the figures"), page.px(9));
    page.y += page.px(11);
    page.setFont(8);
    const double note = page.px(4.5);
    page.cell(0, 186,
              tr("Each home behind any figure is listed once, with a mark for each figure it "
                 "counts in:"),
              note);
    page.y += note;
    for (const QString &entry : std::as_const(legend)) {
        page.cell(4, 182, entry, note);
        page.y += note;
    }
    page.cell(0, 186,
              tr("Items are those fitted in the quarter; an item figure's homes are those with "
                 "its code. The fit date is the home's last completed job."),
              note);
    page.y += note;
    if (!toDate.isEmpty()) {
        page.cell(0, 186,
                  tr("Listed in the JSON, CSV and Excel files of this return: %1.")
                      .arg(toDate.join(QStringLiteral("; "))),
                  note);
        page.y += note;
    }
    page.y += page.px(3);

    // Fixed columns of a monospaced font: id 36, UPRN 12, address 44, items 22, date 10,
    // marks 14 characters, a space apart.
    const auto fit = [](const QString &text, int width) {
        return text.size() > width ? text.left(width - 1) + QChar(0x2026)
                                   : text.leftJustified(width);
    };
    const QString header = fit(tr("Household id"), 36) + u' ' + fit(tr("UPRN"), 12) + u' '
        + fit(tr("Address"), 44) + u' ' + fit(tr("Items in quarter"), 22) + u' '
        + fit(tr("Fit date"), 10) + u' ' + tr("Figures");
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setPointSizeF(6.2);
    mono.setStyleStrategy(QFont::PreferNoShaping);
    QFont monoBold = mono;
    monoBold.setBold(true);
    const double line = page.px(3.4);
    const double left = page.area.left();
    const double ascent = QFontMetricsF(mono).ascent();
    const auto drawHeader = [&] {
        page.painter.setFont(monoBold);
        page.painter.drawText(QPointF(left, page.y + ascent), header);
        page.y += line;
        page.painter.setFont(mono);
    };
    drawHeader();
    const ReturnHousehold none;
    for (const auto &[uprn, id] : std::as_const(order)) {
        if (page.y + line > page.area.bottom() - page.px(8)) {
            page.newPage();
            drawHeader();
        }
        const auto found = m_return.households.constFind(id);
        const ReturnHousehold &household = found == m_return.households.cend() ? none : *found;
        const QString row = id.leftJustified(36) + u' ' + fit(household.address.uprn, 12) + u' '
            + fit(household.address.address, 44) + u' ' + fit(household.itemsText(false), 22) + u' '
            + fit(household.lastFitToDate.toString(Qt::ISODate), 10) + u' '
            + marksOf.value(id).join(u' ');
        page.painter.drawText(QPointF(left, page.y + ascent), row);
        page.y += line;
    }
}

} // namespace saferhomes
