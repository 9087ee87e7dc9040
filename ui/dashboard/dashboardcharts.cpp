#include "dashboard/dashboardcharts.h"

#include "reporting/dashboardreport.h"

#include <QLocale>

namespace saferhomes {

namespace {

using K = FigureRef::Kind;

ChartData barsOf(const QString &title, const QString &valueTitle, const QString &seriesName,
                 const QList<DashboardBar> &bars, ChartData::Kind kind)
{
    ChartData data;
    data.kind = kind;
    data.title = title;
    data.valueTitle = valueTitle;
    ChartSeries series;
    series.name = seriesName;
    for (const DashboardBar &bar : bars) {
        data.categories << bar.label;
        series.values << qreal(bar.value);
        series.refs << bar.ref;
    }
    data.series << series;
    return data;
}

QString periodText(const DashboardFilter &filter)
{
    const QLocale locale;
    return DashboardCharts::tr("%1 (%2 to %3)")
        .arg(filter.periodLabel, locale.toString(filter.from, QLocale::ShortFormat),
             locale.toString(filter.to, QLocale::ShortFormat));
}

} // namespace

QString DashboardCharts::money(qint64 pence)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toCurrencyString(pence / 100.0, QStringLiteral("\u00a3"), 0);
}

ChartData DashboardCharts::funnel(const DashboardFigures &figures)
{
    ChartData data = barsOf(tr("Funnel: households at or beyond each stage"), tr("Households"),
                            tr("Households"), figures.funnel, ChartData::Kind::HorizontalBars);
    // Horizontal bars are drawn bottom up: the first stage goes on top.
    std::reverse(data.categories.begin(), data.categories.end());
    std::reverse(data.series[0].values.begin(), data.series[0].values.end());
    std::reverse(data.series[0].refs.begin(), data.series[0].refs.end());
    data.note = tr("As of now; declined and other closed households are not in the funnel.");
    return data;
}

ChartData DashboardCharts::areas(const DashboardFigures &figures)
{
    ChartData data;
    data.title = tr("Homes secured against target, by area");
    data.valueTitle = tr("Homes");
    ChartSeries secured {tr("Secured"), {}, {}, false, false};
    ChartSeries target {tr("Target"), {}, {}, false, false};
    for (const DashboardArea &area : figures.areas) {
        data.categories << area.name;
        secured.values << area.secured;
        secured.refs << FigureRef {K::AreaSecured, area.id};
        target.values << area.target;
    }
    data.series << secured << target;
    data.note
        = tr("Secured by %1.").arg(QLocale().toString(figures.filter.to, QLocale::ShortFormat));
    return data;
}

ChartData DashboardCharts::trend(const DashboardFigures &figures)
{
    ChartData data;
    data.kind = ChartData::Kind::Lines;
    data.title = tr("Homes secured each week against the path to target");
    data.valueTitle = tr("Homes (cumulative)");
    ChartSeries secured {tr("Secured so far"), {}, {}, false, false};
    ChartSeries path {tr("Straight line to target"), {}, {}, false, true};
    for (const DashboardWeek &week : figures.weeks) {
        data.categories << week.monday.toString(Qt::ISODate);
        secured.values << week.cumulative;
        secured.refs << FigureRef {K::TrendWeek, week.monday.toString(Qt::ISODate)};
        path.values << week.path;
    }
    data.series << secured << path;
    data.decimals = 0;
    const QLocale locale;
    data.note = tr("Weeks from the first home secured; the line reaches the target of %1 on %2 "
                   "(the scheme's end).")
                    .arg(figures.target)
                    .arg(locale.toString(figures.filter.schemeEnd, QLocale::ShortFormat));
    return data;
}

ChartData DashboardCharts::itemsFitted(const DashboardFigures &figures)
{
    ChartData data = barsOf(tr("Items fitted, by type"), tr("Items"), tr("Fitted"),
                            figures.itemsFitted, ChartData::Kind::HorizontalBars);
    std::reverse(data.categories.begin(), data.categories.end());
    std::reverse(data.series[0].values.begin(), data.series[0].values.end());
    std::reverse(data.series[0].refs.begin(), data.series[0].refs.end());
    data.note = periodText(figures.filter);
    return data;
}

ChartData DashboardCharts::spendByMonth(const DashboardFigures &figures)
{
    ChartData data;
    data.title = tr("Spend against budget, by month");
    data.valueTitle = tr("\u00a3");
    ChartSeries spend {tr("Spend"), {}, {}, false, false};
    ChartSeries budget {tr("Budget (a twelfth of the year's)"), {}, {}, true, true};
    const QLocale locale;
    for (const DashboardMonth &month : figures.months) {
        data.categories << locale.toString(month.first, QStringLiteral("MMM yy"));
        spend.values << month.spendPence / 100.0;
        spend.refs << FigureRef {K::SpendMonth, month.first.toString(Qt::ISODate)};
        budget.values << month.budgetPence / 100.0;
    }
    data.series << spend << budget;
    data.note = tr("%1 spent of a budget of %2 for %3.")
                    .arg(money(figures.spendPence), money(figures.budgetPence),
                         periodText(figures.filter));
    return data;
}

ChartData DashboardCharts::surveyToInstall(const DashboardFigures &figures)
{
    const DashboardDays &days = figures.surveyToInstall;
    ChartData data = barsOf(tr("Days from survey to installation"), tr("Homes"), tr("Homes"),
                            days.buckets, ChartData::Kind::Bars);
    data.note = days.count == 0
        ? tr("No home was first secured in the period.")
        : tr("Median %1 days (half between %2 and %3; from %4 to %5) over %n home(s) first "
             "secured in the period.",
             nullptr, days.count)
              .arg(days.median)
              .arg(days.lowerQuartile)
              .arg(days.upperQuartile)
              .arg(days.minimum)
              .arg(days.maximum);
    return data;
}

ChartData DashboardCharts::declines(const DashboardFigures &figures)
{
    ChartData data = barsOf(tr("Declines, by reason"), tr("Households"), tr("Declined"),
                            figures.declines, ChartData::Kind::HorizontalBars);
    std::reverse(data.categories.begin(), data.categories.end());
    std::reverse(data.series[0].values.begin(), data.series[0].values.end());
    std::reverse(data.series[0].refs.begin(), data.series[0].refs.end());
    data.note = periodText(figures.filter);
    return data;
}

QString DashboardCharts::drillTitle(const FigureRef &ref, const DashboardFigures &figures)
{
    const QLocale locale;
    const auto barLabel = [&](const QList<DashboardBar> &bars) {
        for (const DashboardBar &bar : bars) {
            if (bar.ref == ref)
                return bar.label;
        }
        return ref.key;
    };
    switch (ref.kind) {
    case K::Secured:
        return tr("Homes secured by %1")
            .arg(locale.toString(figures.filter.to, QLocale::ShortFormat));
    case K::TakeUp: return tr("Households that accepted");
    case K::Spend: return tr("Spend in %1").arg(figures.filter.periodLabel);
    case K::Outstanding: return tr("Households with work outstanding");
    case K::Funnel:
        return tr("Households at or beyond \u201c%1\u201d").arg(barLabel(figures.funnel));
    case K::AreaSecured: {
        for (const DashboardArea &area : figures.areas) {
            if (area.id == ref.key)
                return tr("Homes secured in %1").arg(area.name);
        }
        return tr("Homes secured");
    }
    case K::TrendWeek:
        return tr("Homes first secured in the week of %1")
            .arg(locale.toString(QDate::fromString(ref.key, Qt::ISODate), QLocale::ShortFormat));
    case K::ItemsFitted:
        return tr("Homes fitted with \u201c%1\u201d").arg(barLabel(figures.itemsFitted));
    case K::SpendMonth:
        return tr("Spend in %1")
            .arg(locale.toString(QDate::fromString(ref.key, Qt::ISODate),
                                 QStringLiteral("MMMM yyyy")));
    case K::SurveyToInstall:
        return tr("Homes secured %1 after their survey")
            .arg(DashboardReport::bucketLabel(ref.key.toInt()));
    case K::Declines: return tr("Declined: %1").arg(barLabel(figures.declines));
    case K::NoCoordinates: return tr("Homes without coordinates");
    case K::NoUprn: return tr("Homes without a UPRN");
    case K::CompletedWithoutItems: return tr("Completed jobs with no item fitted");
    case K::VisitWithoutOutcome: return tr("Fitting visits with no outcome recorded");
    }
    return {};
}

QString DashboardCharts::amountTitle(const FigureRef &ref, bool *pence)
{
    *pence = ref.kind == K::Spend || ref.kind == K::SpendMonth;
    switch (ref.kind) {
    case K::Spend:
    case K::SpendMonth: return tr("Spend (\u00a3)");
    case K::ItemsFitted: return tr("Items fitted");
    case K::SurveyToInstall: return tr("Days");
    case K::CompletedWithoutItems:
    case K::VisitWithoutOutcome: return tr("Jobs");
    default: return {};
    }
}

} // namespace saferhomes
