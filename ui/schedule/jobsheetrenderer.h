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

    /// Writes the sheets to a PDF file at \a path (A4 portrait); returns the pages written.
    Result<int> writePdf(const QString &path) const;
    /// Draws every page on \a device (already set up for A4 or letter), starting new pages
    /// as it goes: the summary, then each job on a page of its own (continued on the next
    /// when its items do not fit). Returns the pages drawn.
    Result<int> render(QPagedPaintDevice &device) const;

private:
    struct Page;
    /// One drawing of every page; \a total is the page count for the footers (0 while
    /// counting).
    Result<int> draw(QPagedPaintDevice &device, int total) const;
    void drawSummary(Page &page) const;
    void drawMap(Page &page, const QRectF &area) const;
    bool drawJob(Page &page, int index) const;
    /// The footer of the page being drawn, for job \a stop (-1: the summary).
    void drawFooter(Page &page, int stop) const;
    QString timeRange(const JobSheetStop &stop) const;

    JobSheetDay m_day;
};

} // namespace saferhomes
