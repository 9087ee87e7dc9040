#include "reporting/dashboardperiod.h"

#include "domain/financialperiod.h"

#include <QLocale>

namespace saferhomes {

QList<DashboardPeriod::Kind> DashboardPeriod::all()
{
    return {Kind::Week,          Kind::Month,        Kind::FinancialQuarter,
            Kind::FinancialYear, Kind::Last18Months, Kind::Custom};
}

QString DashboardPeriod::label(Kind kind)
{
    switch (kind) {
    case Kind::Week: return tr("This week");
    case Kind::Month: return tr("This month");
    case Kind::FinancialQuarter: return tr("This financial quarter");
    case Kind::FinancialYear: return tr("This financial year");
    case Kind::Last18Months: return tr("Last 18 months");
    case Kind::Custom: return tr("Custom dates");
    }
    return {};
}

DashboardFilter DashboardPeriod::apply(Kind kind, const QDate &today, DashboardFilter filter)
{
    switch (kind) {
    case Kind::Week:
        filter.from = today.addDays(1 - today.dayOfWeek());
        filter.to = filter.from.addDays(6);
        filter.periodLabel
            = tr("Week of %1").arg(QLocale().toString(filter.from, QLocale::ShortFormat));
        break;
    case Kind::Month:
        filter.from = QDate(today.year(), today.month(), 1);
        filter.to = filter.from.addMonths(1).addDays(-1);
        filter.periodLabel = QLocale().toString(filter.from, QStringLiteral("MMMM yyyy"));
        break;
    case Kind::FinancialQuarter:
    case Kind::FinancialYear: {
        const FinancialPeriod period = kind == Kind::FinancialQuarter
            ? FinancialPeriod::quarterContaining(today)
            : FinancialPeriod::yearContaining(today);
        filter.from = period.firstDay();
        filter.to = period.lastDay();
        filter.periodLabel = period.name();
        break;
    }
    case Kind::Last18Months:
        filter.to = today;
        filter.from = today.addMonths(-18).addDays(1);
        filter.periodLabel = label(kind);
        break;
    case Kind::Custom: {
        const QLocale locale;
        filter.periodLabel = tr("%1 to %2")
                                 .arg(locale.toString(filter.from, QLocale::ShortFormat),
                                      locale.toString(filter.to, QLocale::ShortFormat));
        break;
    }
    }
    return filter;
}

} // namespace saferhomes
