#pragma once

#include "reporting/dashboardfigures.h"
#include "store/repository.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <utility>

class QSqlQuery;

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
    /// Everything the figures are made from, for DashboardSnapshot to hold in memory: the
    /// households that are not deleted, their jobs with the fitted items, their refusals,
    /// the areas and the budgets. Rows point at each other by position in these lists.
    struct Facts {
        struct Household {
            qint64 rid = 0;
            int area = -1; ///< in areaIds; -1 for none
            QString status; ///< as stored
            bool noCoordinates = false;
            bool noUprn = false;
        };
        struct Job {
            int household = 0; ///< in households
            int fitter = -1; ///< in fitterIds; -1 for none
            QString status; ///< as stored
            QString completedAt; ///< null when not recorded
            QString scheduledEnd; ///< null when not recorded
            QString surveyedAt; ///< completed jobs: the household's first completed survey
            qint64 spendPence = 0; ///< fitted quantity x unit cost
            bool fittedAnything = false; ///< an item with a fitted quantity above 0
        };
        /// A fitted quantity above 0 of a catalogued item.
        struct Fitted {
            int job = 0; ///< in jobs
            int code = 0; ///< in codes
            qint64 qty = 0;
        };
        struct Refusal {
            int household = 0;
            QString at;
            QString reason;
        };
        struct Budget {
            QString areaId;
            int year = 0; ///< the calendar year the financial year starts in
            qint64 pence = 0; ///< capital and revenue
        };
        QList<Household> households;
        QList<Job> jobs;
        QList<Fitted> fitted;
        QList<Refusal> refusals; ///< declined visits
        QStringList areaIds;
        QStringList fitterIds;
        QStringList codes;
        QStringList codeNames; ///< the catalogue's names of codes
        QList<DashboardArea> areas; ///< every area, by name, with its target
        QList<Budget> budgets;
        qint64 dataVersion = 0; ///< dataVersion() when they were read
    };

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

    /// The facts of every figure, read in one read transaction (one state of the database).
    Result<Facts> facts() const;
    /// SQLite's data_version of this connection: it changes when another connection commits.
    Result<qint64> dataVersion() const;

    /// The failure of a household whose stored status is not one of ours.
    static Error unknownStatus(const QString &name);
    /// The bar of the households that declined for \a reason ("" for none given).
    static DashboardBar declineBar(const QString &reason, qint64 households);

private:
    class RawRows;
    class FactsCollector;
    /// Runs \a sql with \a values bound in order and hands every row to \a row; a failed
    /// statement is the read error of \a what.
    Status eachRow(const QString &what, const QString &sql, const QVariantList &values,
                   const std::function<void(const QSqlQuery &)> &row) const;
    /// As eachRow(), on SQLite's own handle (text as UTF-8): for the facts' big reads.
    Status eachRawRow(const QString &what, const QString &sql,
                      const std::function<void(const RawRows &)> &row) const;
};

} // namespace saferhomes
