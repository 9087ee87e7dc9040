#pragma once

#include "reporting/dashboardfigures.h"
#include "store/dashboardstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

namespace saferhomes {

class DashboardSnapshot;

/// Computes the dashboard's figures under a filter from DashboardStore's reads, and lists the
/// households behind any one of them. The time-based figures (homes secured, the weekly trend,
/// spend by month, days from survey to installation) are made here from the completed jobs, in
/// Europe/London days; the rest are counted in SQL. A figure and its households come from the
/// same computation, so the list always adds up to the number. The figures are made the same
/// way from a DashboardSnapshot (the facts in memory) as from the store's reads.
class DashboardReport {
    Q_DECLARE_TR_FUNCTIONS(DashboardReport)

public:
    /// The figures under \a filter, read from the database; \a now is what "now" means for
    /// figures as of now (visits with no outcome).
    static Result<DashboardFigures> compute(const DashboardStore &store,
                                            const DashboardFilter &filter, const QDateTime &now);
    /// The same figures from the facts held in \a snapshot (nothing is read).
    static Result<DashboardFigures> compute(const DashboardSnapshot &snapshot,
                                            const DashboardFilter &filter, const QDateTime &now);
    /// The households behind \a ref; those of the figures made from the completed jobs come
    /// from \a snapshot when given (it must be of the database \a store reads).
    static Result<QList<DrillRow>> drillDown(const DashboardStore &store,
                                             const DashboardFilter &filter, const FigureRef &ref,
                                             const QDateTime &now,
                                             const DashboardSnapshot *snapshot = nullptr);
    /// The filter's period as UTC bounds of Europe/London days.
    static DashboardStore::Span span(const DashboardFilter &filter, const QDateTime &now);
    /// The filter a dashboard opens with: every area, status and fitter, the last 18 months
    /// up to \a today, the path ending with \a today's financial year (31 March).
    static DashboardFilter defaultFilter(const QDate &today);
    /// The label of a bucket of DashboardDays.
    static QString bucketLabel(int bucket);
};

} // namespace saferhomes
