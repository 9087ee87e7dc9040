#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class QPagedPaintDevice;
class QRectF;

namespace saferhomes {

class QuarterlyReturn;

/// Draws the quarterly return as a PDF (DESIGN §9, QPdfWriter): a cover with the period, the
/// scheme, the generation time and a map of the homes secured in the quarter; the figures with the
/// year's budget and forecast; then the evidence appendix, each figure's households with UPRN,
/// address, items and fit date.
class QuarterlyReturnPdf {
    Q_DECLARE_TR_FUNCTIONS(QuarterlyReturnPdf)

public:
    explicit QuarterlyReturnPdf(const QuarterlyReturn &quarterlyReturn);

    /// The whole document as PDF bytes (A4 portrait), for the caller to save all or nothing.
    Result<QByteArray> bytes() const;
    /// Draws every page on \a device; returns the number of pages.
    Result<int> render(QPagedPaintDevice &device) const;

private:
    struct Page;
    void drawCover(Page &page) const;
    void drawMap(Page &page, const QRectF &area) const;
    void drawFigures(Page &page) const;
    void drawEvidence(Page &page) const;

    const QuarterlyReturn &m_return;
};

} // namespace saferhomes
