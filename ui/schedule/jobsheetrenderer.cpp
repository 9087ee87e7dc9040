#include "schedule/jobsheetrenderer.h"

#include "common/maprenderer.h"
#include "domain/schemetime.h"
#include "map/householdlayer.h"
#include "map/maproute.h"

#include <QBuffer>
#include <QFileInfo>
#include <QFont>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>

#include <cmath>

namespace saferhomes {

namespace {

QString itemLabel(const JobSheetDay &day, const QString &code)
{
    const auto found = day.labels.constFind(code);
    return found == day.labels.constEnd() || found->name.isEmpty() ? code : found->name;
}

QString itemStandard(const JobSheetDay &day, const QString &code)
{
    const auto found = day.labels.constFind(code);
    return found == day.labels.constEnd() ? QString() : found->standard;
}

} // namespace

/// A page being drawn: the painter, millimetres in device pixels, the printable area and how
/// far down it the drawing has come.
struct JobSheetRenderer::Page {
    QPainter &painter;
    QPagedPaintDevice &device;
    double mm = 1.0;
    QRectF area;
    double y = 0;
    int number = 1;
    int total = 0;

    /// Starts the next page at its top.
    bool next()
    {
        if (!device.newPage())
            return false;
        ++number;
        y = 0;
        return true;
    }

    double at(double millimetres) const { return millimetres * mm; }
    void setFont(double points, bool bold = false)
    {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(points);
        font.setBold(bold);
        // No ligatures: "fi" and "ff" stay letters that PDF readers find and copy as typed.
        font.setStyleStrategy(QFont::PreferNoShaping);
        painter.setFont(font);
    }
    /// Draws \a text from the cursor across \a width (the full width when 0) at \a x mm from
    /// the left margin, wrapped; moves the cursor below it unless \a stay.
    double text(const QString &text, double points, bool bold = false, double x = 0,
                double width = 0, bool stay = false)
    {
        setFont(points, bold);
        const double left = area.left() + at(x);
        const double w = width > 0 ? at(width) : area.right() - left;
        QRectF bounds;
        painter.drawText(QRectF(left, y, w, area.bottom() - y), Qt::TextWordWrap | Qt::AlignLeft,
                         text, &bounds);
        if (!stay)
            y += bounds.height();
        return bounds.height();
    }
    void gap(double millimetres) { y += at(millimetres); }
    void rule()
    {
        painter.save();
        painter.setPen(QPen(Qt::gray, at(0.3)));
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        painter.restore();
        y += at(1.5);
    }
};

JobSheetRenderer::JobSheetRenderer(JobSheetDay day)
    : m_day(std::move(day))
{ }

Result<int> JobSheetRenderer::writePdf(const QString &path) const
{
    QPdfWriter writer(path);
    if (!writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                          QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter)))
        return Error::invalid(tr("The page layout was refused."));
    writer.setResolution(300);
    writer.setCreator(QStringLiteral("SaferHomes"));
    writer.setTitle(
        tr("Job sheets: %1, %2").arg(m_day.fitter.name, m_day.date.toString(Qt::ISODate)));
    const Result<int> pages = render(writer);
    if (!pages)
        return pages;
    // QPdfWriter reports no write error: a file that is not there (or empty) is one.
    if (QFileInfo(path).size() <= 0)
        return Error::database(tr("Could not write %1.").arg(path));
    return pages;
}

Result<int> JobSheetRenderer::render(QPagedPaintDevice &device) const
{
    // The footers say "Page n of N": a first drawing into memory, on the same page layout and
    // resolution, counts the pages a long job takes.
    QBuffer scratch;
    scratch.open(QIODevice::WriteOnly);
    QPdfWriter counter(&scratch);
    counter.setResolution(device.logicalDpiX());
    counter.setPageLayout(device.pageLayout());
    const Result<int> counted = draw(counter, 0);
    if (!counted)
        return counted;
    return draw(device, *counted);
}

Result<int> JobSheetRenderer::draw(QPagedPaintDevice &device, int total) const
{
    QPainter painter;
    if (!painter.begin(&device))
        return Error::invalid(tr("Could not start drawing the job sheets."));
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect paint = device.pageLayout().paintRectPixels(device.logicalDpiX());
    Page page {painter, device, device.logicalDpiX() / 25.4,
               QRectF(0, 0, paint.width(), paint.height())};
    page.total = total;
    drawSummary(page);
    drawFooter(page, -1);
    for (int i = 0; i < m_day.stops.size(); ++i) {
        if (!page.next() || !drawJob(page, i)) {
            painter.end();
            return Error::invalid(tr("Could not start page %1.").arg(page.number + 1));
        }
        drawFooter(page, i);
    }
    painter.end();
    return page.number;
}

QString JobSheetRenderer::timeRange(const JobSheetStop &stop) const
{
    if (!stop.job.start.isValid())
        return tr("no time");
    const QString from
        = stop.job.start.toTimeZone(london()).time().toString(QStringLiteral("HH:mm"));
    const QDateTime endAt = stop.job.end.isValid()
        ? stop.job.end
        : stop.job.start.addSecs(60LL * stop.job.durationMinutes);
    return from + QStringLiteral("\u2013")
        + endAt.toTimeZone(london()).time().toString(QStringLiteral("HH:mm"));
}

void JobSheetRenderer::drawSummary(Page &page) const
{
    const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    page.text(tr("Job sheets: %1").arg(m_day.fitter.name), 18, true);
    page.text(locale.toString(m_day.date, QStringLiteral("dddd d MMMM yyyy")), 12);
    const std::optional<Shift> shift = m_day.fitter.shiftOn(m_day.date);
    QString details = shift ? tr("Shift %1\u2013%2")
                                  .arg(shift->start.toString(QStringLiteral("HH:mm")),
                                       shift->end.toString(QStringLiteral("HH:mm")))
                            : tr("No shift on this day");
    if (!m_day.fitter.van.isEmpty())
        details += tr(" \u00b7 Van %1").arg(m_day.fitter.van);
    details += tr(" \u00b7 %n job(s)", nullptr, int(m_day.stops.size()));
    page.text(details, 10);
    page.gap(3);
    page.rule();

    page.text(tr("Route"), 12, true);
    page.gap(1);
    if (m_day.stops.isEmpty())
        page.text(tr("No jobs are booked for this fitter on this day."), 10);
    // Columns (mm from the left margin): stop, time, address, items.
    for (int i = 0; i < m_day.stops.size(); ++i) {
        const JobSheetStop &stop = m_day.stops[i];
        int count = 0;
        for (const JobItem &item : stop.job.items)
            count += item.qty;
        page.text(QString::number(i + 1), 10, true, 0, 8, true);
        page.text(timeRange(stop), 10, false, 8, 28, true);
        const double used = page.text(tr("%1, %2").arg(stop.job.address, stop.job.postcode), 10,
                                      false, 36, 100, true);
        page.text(tr("%n item(s)", nullptr, count), 10, false, 140, 40, true);
        page.y += std::max(used, page.at(5.5));
    }
    page.gap(3);
    const double top = page.y;
    const double height = std::min(page.area.bottom() - top - page.at(14), page.at(130));
    if (height > page.at(40))
        drawMap(page, QRectF(page.area.left(), top, page.area.width(), height));
}

void JobSheetRenderer::drawMap(Page &page, const QRectF &area) const
{
    // The stops drawn by the map's own renderer (ui/common/maprenderer, as the Map mode and
    // `map render` draw them), without a basemap, in a view about 720 px wide scaled onto
    // the page; the caption goes below it.
    QList<Job> jobs;
    QStringList unplaced;
    for (int i = 0; i < m_day.stops.size(); ++i) {
        jobs.append(m_day.stops[i].job);
        if (!m_day.stops[i].job.latitude || !m_day.stops[i].job.longitude)
            unplaced.append(QString::number(i + 1));
    }
    const MapRoute route = MapRoute::fromJobs(m_day.fitter, jobs);
    const QRectF mapArea = area.adjusted(0, 0, 0, -page.at(8));
    const double scale = mapArea.width() / 720;
    const HouseholdLayer noHouseholds;
    MapRenderer renderer;
    renderer.setRoute(route);
    const MapViewport view = MapRenderer::fitted(noHouseholds, route, mapArea.size() / scale);
    QPainter &painter = page.painter;
    painter.save();
    painter.translate(mapArea.topLeft());
    painter.scale(scale, scale);
    renderer.render(painter, view);
    painter.restore();

    painter.save();
    painter.setPen(QPen(Qt::black, page.at(0.3)));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(mapArea);
    if (!route.bounds()) {
        page.setFont(10);
        painter.drawText(mapArea, Qt::AlignCenter, tr("No stop has a position to map."));
    }
    page.setFont(7);
    QString caption = tr("S: Start (the fitter's base); stops numbered in route order; no "
                         "streets drawn");
    if (!unplaced.isEmpty())
        caption += tr("; not mapped (no position): %1").arg(unplaced.join(QLatin1String(", ")));
    painter.drawText(QRectF(area.left(), mapArea.bottom() + page.at(1), area.width(), page.at(6)),
                     Qt::AlignLeft | Qt::AlignVCenter, caption);
    painter.restore();
    page.y = area.bottom() + page.at(2);
}

bool JobSheetRenderer::drawJob(Page &page, int index) const
{
    const JobSheetStop &stop = m_day.stops[index];
    const Job &job = stop.job;
    page.text(
        tr("Stop %1 of %2 \u00b7 %3").arg(index + 1).arg(m_day.stops.size()).arg(timeRange(stop)),
        11);
    page.text(job.address, 18, true);
    page.text(job.area.isEmpty() ? job.postcode : tr("%1 \u00b7 %2").arg(job.postcode, job.area),
              12);
    page.gap(2);
    page.rule();

    page.text(tr("Access notes"), 11, true);
    page.text(job.accessNotes.isEmpty() ? tr("None given.") : job.accessNotes, 10);
    page.gap(2);
    page.text(tr("Householder"), 11, true);
    if (stop.contact.isEmpty()) {
        page.text(tr("Contact details not shown."), 10);
    } else {
        QStringList lines {stop.contact.name};
        if (!stop.contact.phone.isEmpty())
            lines.append(tr("Phone: %1").arg(stop.contact.phone));
        if (!stop.contact.email.isEmpty())
            lines.append(tr("Email: %1").arg(stop.contact.email));
        if (!stop.contact.accessNeeds.isEmpty())
            lines.append(tr("Access needs: %1").arg(stop.contact.accessNeeds));
        lines.removeAll(QString());
        page.text(lines.join(QLatin1Char('\n')), 10);
    }
    if (!job.notes.isEmpty()) {
        page.gap(2);
        page.text(tr("Notes"), 11, true);
        page.text(job.notes, 10);
    }
    page.gap(3);

    // Items: columns at these millimetres from the left margin.
    page.text(tr("Items"), 11, true);
    page.gap(1);
    const double columns[] = {0, 66, 112, 130, 146};
    const QString heads[]
        = {tr("Item"), tr("Standard"), tr("Planned"), tr("Fitted"), tr("Serial numbers")};
    for (int c = 0; c < 5; ++c)
        page.text(heads[c], 9, true, columns[c], c == 4 ? 0 : columns[c + 1] - columns[c], true);
    page.gap(5);
    page.rule();
    // Rows go on while they fit above the footer; the rest continue on the next page.
    const double footer = page.area.bottom() - page.at(12);
    for (const JobItem &item : job.items) {
        if (page.y + page.at(9) > footer) {
            drawFooter(page, index);
            if (!page.next())
                return false;
            page.text(tr("%1 (continued)").arg(job.address), 12, true);
            page.gap(2);
            for (int c = 0; c < 5; ++c) {
                page.text(heads[c], 9, true, columns[c], c == 4 ? 0 : columns[c + 1] - columns[c],
                          true);
            }
            page.gap(5);
            page.rule();
        }
        double used = page.text(itemLabel(m_day, item.code), 10, false, 0, 64, true);
        used = std::max(used, page.text(itemStandard(m_day, item.code), 9, false, 66, 44, true));
        page.text(QString::number(item.qty), 10, false, 112, 14, true);
        const double row = std::max(used, page.at(7));
        // Boxes for the fitter to write in.
        page.painter.save();
        page.painter.setPen(QPen(Qt::gray, page.at(0.25)));
        page.painter.drawRect(
            QRectF(page.area.left() + page.at(130), page.y, page.at(12), page.at(6)));
        page.painter.drawLine(QPointF(page.area.left() + page.at(146), page.y + page.at(6)),
                              QPointF(page.area.right(), page.y + page.at(6)));
        page.painter.restore();
        page.y += row + page.at(1.5);
    }
    page.gap(4);

    // The signature box, kept to the bottom of the page (the next one when it does not fit).
    const double boxHeight = page.at(48);
    if (page.y + boxHeight > footer) {
        drawFooter(page, index);
        if (!page.next())
            return false;
        page.text(tr("%1 (continued)").arg(job.address), 12, true);
    }
    page.y = std::max(page.y, page.area.bottom() - boxHeight - page.at(10));
    const QRectF box(page.area.left(), page.y, page.area.width(), boxHeight);
    page.painter.save();
    page.painter.setPen(QPen(Qt::black, page.at(0.4)));
    page.painter.drawRect(box);
    page.painter.restore();
    page.y += page.at(2);
    page.text(tr("Householder sign-off"), 11, true, 3);
    page.text(tr("I confirm the items above were fitted at this address."), 9, false, 3);
    const double lineY = box.bottom() - page.at(8);
    page.painter.save();
    page.painter.setPen(QPen(Qt::black, page.at(0.25)));
    page.painter.drawLine(QPointF(box.left() + page.at(3), lineY),
                          QPointF(box.left() + page.at(85), lineY));
    page.painter.drawLine(QPointF(box.left() + page.at(95), lineY),
                          QPointF(box.left() + page.at(140), lineY));
    page.painter.drawLine(QPointF(box.left() + page.at(148), lineY),
                          QPointF(box.right() - page.at(3), lineY));
    page.painter.restore();
    page.y = lineY + page.at(1);
    page.text(tr("Signature"), 8, false, 3, 80, true);
    page.text(tr("Name"), 8, false, 95, 45, true);
    page.text(tr("Date"), 8, false, 148, 0, true);
    return true;
}

void JobSheetRenderer::drawFooter(Page &page, int stop) const
{
    page.y = page.area.bottom() - page.at(5);
    QString left = tr("%1 \u00b7 %2").arg(m_day.fitter.name, m_day.date.toString(Qt::ISODate));
    if (stop >= 0)
        left += tr(" \u00b7 job %1").arg(m_day.stops[stop].job.id.toString(QUuid::WithoutBraces));
    page.text(left, 7, false, 0, 150, true);
    page.setFont(7);
    page.painter.drawText(QRectF(page.area.left(), page.y, page.area.width(), page.at(5)),
                          Qt::AlignRight | Qt::AlignTop,
                          tr("Page %1 of %2").arg(page.number).arg(page.total));
}

} // namespace saferhomes
