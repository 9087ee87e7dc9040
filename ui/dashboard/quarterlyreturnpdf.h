#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class QPagedPaintDevice;

namespace saferhomes {

class QuarterlyReturn;

/// Draws the quarterly return as a PDF (DESIGN §9, QPdfWriter): a cover with the period, the
/// scheme and the generation time; the figures with the year's budget and forecast; then the
/// evidence appendix, each figure's households with UPRN, address, items and fit date.
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
    void drawFigures(Page &page) const;
    void drawEvidence(Page &page) const;

    const QuarterlyReturn &m_return;
};

} // namespace saferhomes
