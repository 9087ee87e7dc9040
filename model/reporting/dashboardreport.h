#pragma once

#include "reporting/dashboardfigures.h"
#include "store/dashboardstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include <optional>

namespace saferhomes {

/// Computes the dashboard's figures under a filter from DashboardStore's reads, and lists the
/// households behind any one of them. The time-based figures (homes secured, the weekly trend,
/// spend by month, days from survey to installation) are made here from the completed jobs, in
/// Europe/London days; the rest are counted in SQL. A figure and its households come from the
/// same computation, so the list always adds up to the number.
class DashboardReport {
    Q_DECLARE_TR_FUNCTIONS(DashboardReport)

public:
    /// The figures about where households stand that do not depend on the period or on
    /// "now" (statuses, areas and targets, outstanding work, most data quality), under the
    /// filter's area, status and fitter: kept between filter changes, read again on a refresh.
    struct Standing {
        QString areaId;
        std::optional<HouseholdStatus> status;
        QString fitterId;
        QHash<HouseholdStatus, int> counts;
        QList<DashboardArea> areas;
        int outstanding = 0;
        int noCoordinates = 0;
        int noUprn = 0;
        int completedWithoutItems = 0;

        /// Whether these figures are those of \a filter's area, status and fitter.
        bool fits(const DashboardFilter &filter) const
        {
            return filter.areaId == areaId && filter.status == status
                && filter.fitterId == fitterId;
        }
    };

    /// \a now is what "now" means for figures as of now (visits with no outcome). With
    /// \a standing, the standing figures in it are used when they fit the filter, and it is
    /// set to those read otherwise (the caller empties it when the data may have changed).
    static Result<DashboardFigures> compute(const DashboardStore &store,
                                            const DashboardFilter &filter, const QDateTime &now,
                                            std::optional<Standing> *standing = nullptr);
    static Result<QList<DrillRow>> drillDown(const DashboardStore &store,
                                             const DashboardFilter &filter, const FigureRef &ref,
                                             const QDateTime &now);
    /// The filter's period as UTC bounds of Europe/London days.
    static DashboardStore::Span span(const DashboardFilter &filter, const QDateTime &now);
    /// The filter a dashboard opens with: every area, status and fitter, the last 18 months
    /// up to \a today, the path ending with \a today's financial year (31 March).
    static DashboardFilter defaultFilter(const QDate &today);
    /// The label of a bucket of DashboardDays.
    static QString bucketLabel(int bucket);
};

} // namespace saferhomes
