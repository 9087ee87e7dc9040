#pragma once

#include "domain/result.h"
#include "schedule/jobsheetday.h"

#include <QCoreApplication>
#include <QRectF>
#include <QString>

class QPagedPaintDevice;
class QPainter;

namespace saferhomes {

/// Draws a fitter's job sheets (DESIGN §8) on paged paint devices (a PDF or a printer): a day
/// summary with the route in order and a plain map of the stops, then a page per job.
class JobSheetRenderer {
    Q_DECLARE_TR_FUNCTIONS(JobSheetRenderer)

public:
    explicit JobSheetRenderer(JobSheetDay day);

    /// Pages drawn: the summary and one per job.
    int pageCount() const { return 1 + int(m_day.stops.size()); }
    /// Writes the sheets to a PDF file at \a path (A4 portrait).
    Status writePdf(const QString &path) const;
    /// Draws every page on \a device (already set up for A4 or letter), starting new pages
    /// as it goes.
    Status render(QPagedPaintDevice &device) const;

private:
    struct Page;
    void drawSummary(Page &page) const;
    void drawMap(Page &page, const QRectF &area) const;
    void drawJob(Page &page, int index) const;
    void drawFooter(Page &page, int number) const;
    QString timeRange(const JobSheetStop &stop) const;

    JobSheetDay m_day;
};

} // namespace saferhomes
