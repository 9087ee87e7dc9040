#pragma once

#include "reporting/dashboardfigures.h"
#include "store/repository.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <utility>

namespace saferhomes {

/// The dashboard's reads of the local database: counts grouped in SQL, the completed jobs the
/// time-based figures are made from, and the households behind a figure. Every read applies
/// the filter's area, status and fitter the same way; timestamps are UTC ISO text, as stored.
class DashboardStore : public Repository {
    Q_DECLARE_TR_FUNCTIONS(DashboardStore)

public:
    /// The period in UTC: [from, to) as stored-timestamp text, and the time "now" stands for.
    struct Span {
        QString from;
        QString to;
        QString now;
    };
    /// A completed job of a household the filter keeps.
    struct Completion {
        qint64 household = 0; ///< the household's local key (rid)
        QString areaId;
        QString completedAt; ///< UTC ISO text
        qint64 spendPence = 0; ///< fitted quantity x unit cost
        QString surveyedAt; ///< the household's first completed survey, or empty
    };
    struct Quality {
        int noCoordinates = 0;
        int noUprn = 0;
        int completedWithoutItems = 0;
        int visitsWithoutOutcome = 0;
    };
    /// A household's local key and its part of a figure.
    using Member = std::pair<qint64, qint64>;

    explicit DashboardStore(const Database &database);

    Result<QHash<HouseholdStatus, int>> statusCounts(const DashboardFilter &filter) const;
    /// Completed jobs finished before \a before, oldest first.
    Result<QList<Completion>> completions(const DashboardFilter &filter,
                                          const QString &before) const;
    /// The areas the filter keeps, by name, with their targets.
    Result<QList<DashboardArea>> areas(const DashboardFilter &filter) const;
    /// The budgets (capital and revenue) of the areas the filter keeps, summed per financial
    /// year (keyed by the calendar year it starts in) from \a firstYear to \a lastYear.
    Result<QHash<int, qint64>> budgets(const DashboardFilter &filter, int firstYear,
                                       int lastYear) const;
    Result<QList<DashboardBar>> itemsFitted(const DashboardFilter &filter, const Span &span) const;
    Result<QList<DashboardBar>> declines(const DashboardFilter &filter, const Span &span) const;
    Result<int> outstanding(const DashboardFilter &filter) const;
    Result<Quality> quality(const DashboardFilter &filter, const Span &span) const;

    /// The households behind a figure counted here in SQL (funnel, take-up, outstanding, items,
    /// declines, data quality), with their part of it; Error::Invalid for other kinds.
    Result<QList<Member>> members(const DashboardFilter &filter, const Span &span,
                                  const FigureRef &ref) const;
    /// What the drill-down table shows of \a members, in address order.
    Result<QList<DrillRow>> rows(const QList<Member> &members) const;
};

} // namespace saferhomes
