#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class QPagedPaintDevice;

namespace saferhomes {

class ChartCard;
class DashboardTile;

/// The dashboard on paper: a first page with the filter and the headline and data-quality
/// figures, then the charts two to a page. The same drawing prints and exports to PDF.
class DashboardDocument {
    Q_DECLARE_TR_FUNCTIONS(DashboardDocument)

public:
    /// False when \a device cannot be painted on (a PDF path that cannot be written).
    static bool paint(QPagedPaintDevice &device, const QString &filterText,
                      const QList<DashboardTile *> &tiles, const QList<ChartCard *> &cards);
};

} // namespace saferhomes
