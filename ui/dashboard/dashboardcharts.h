#pragma once

#include "dashboard/chartdata.h"
#include "reporting/dashboardfigures.h"

#include <QCoreApplication>

namespace saferhomes {

/// How each figure of the dashboard is shown: the charts' data, labels and notes, and the
/// words for money and periods.
class DashboardCharts {
    Q_DECLARE_TR_FUNCTIONS(DashboardCharts)

public:
    static ChartData funnel(const DashboardFigures &figures);
    static ChartData areas(const DashboardFigures &figures);
    static ChartData trend(const DashboardFigures &figures);
    static ChartData itemsFitted(const DashboardFigures &figures);
    static ChartData spendByMonth(const DashboardFigures &figures);
    static ChartData surveyToInstall(const DashboardFigures &figures);
    static ChartData declines(const DashboardFigures &figures);

    /// "£1,234" from pence.
    static QString money(qint64 pence);
    /// The title of the drill-down of \a ref, and the column of each home's part of it
    /// (empty when it counts homes); \a pence is set when that part is money.
    static QString drillTitle(const FigureRef &ref, const DashboardFigures &figures);
    static QString amountTitle(const FigureRef &ref, bool *pence);
};

} // namespace saferhomes
