#pragma once

#include "reporting/dashboardfilter.h"

#include <QCoreApplication>
#include <QList>

namespace saferhomes {

/// The periods the dashboard offers, and the days each one covers on a given day.
class DashboardPeriod {
    Q_DECLARE_TR_FUNCTIONS(DashboardPeriod)

public:
    enum class Kind { Week, Month, FinancialQuarter, FinancialYear, Last18Months, Custom };

    static QList<Kind> all();
    static QString label(Kind kind);
    /// \a filter with the period \a kind that holds \a today (a week from Monday, a calendar
    /// month, a UK financial quarter or year, the 18 months ending today); Custom keeps
    /// \a filter's days and names them.
    static DashboardFilter apply(Kind kind, const QDate &today, DashboardFilter filter);
};

} // namespace saferhomes
