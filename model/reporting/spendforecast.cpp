#include "spendforecast.h"

#include "store/budgetrepository.h"
#include "store/database.h"
#include "store/reportingstore.h"

namespace saferhomes {

qint64 SpendForecast::project(qint64 spentPence, int daysElapsed, int dayCount)
{
    if (daysElapsed <= 0 || dayCount <= 0)
        return 0;
    if (daysElapsed >= dayCount)
        return spentPence;
    // Rounded half up, in integers: pence are exact and the figures must reproduce by hand.
    return (spentPence * dayCount * 2 + daysElapsed) / (2 * qint64(daysElapsed));
}

SpendForecast::Outlook SpendForecast::judge(qint64 forecastPence, qint64 budgetPence,
                                            bool hasBudget)
{
    if (!hasBudget)
        return Outlook::NoBudget;
    if (forecastPence < budgetPence)
        return Outlook::Underspend;
    if (forecastPence > budgetPence)
        return Outlook::Overspend;
    return Outlook::OnTrack;
}

QString SpendForecast::outlookKey(Outlook outlook)
{
    switch (outlook) {
    case Outlook::NoBudget: return QStringLiteral("no_budget");
    case Outlook::OnTrack: return QStringLiteral("on_track");
    case Outlook::Underspend: return QStringLiteral("underspend");
    case Outlook::Overspend: return QStringLiteral("overspend");
    }
    return {};
}

QString SpendForecast::outlookText(Outlook outlook)
{
    switch (outlook) {
    case Outlook::NoBudget: return tr("no budget set");
    case Outlook::OnTrack: return tr("on track");
    case Outlook::Underspend: return tr("forecast below the allocation");
    case Outlook::Overspend: return tr("forecast over the allocation");
    }
    return {};
}

Result<SpendForecast> SpendForecast::forPeriod(const Database &database,
                                               const FinancialPeriod &period, const QDateTime &now)
{
    SpendForecast forecast;
    forecast.year = period.financialYear();
    const QDate today = FinancialPeriod::londonDay(now);
    forecast.asOf = std::min(period.lastDay(), today);
    forecast.dayCount = forecast.year.dayCount();
    forecast.daysElapsed = forecast.asOf < forecast.year.firstDay()
        ? 0
        : int(forecast.year.firstDay().daysTo(forecast.asOf)) + 1;

    const QString from = forecast.year.startText();
    const QString to
        = FinancialPeriod::londonMidnight(forecast.asOf.addDays(1)).toString(Qt::ISODateWithMs);
    const auto spend = ReportingStore(database).spendByArea(from, to);
    if (!spend)
        return spend.error();
    const auto budgets = BudgetRepository(database, QString()).forYear(forecast.year.startYear());
    if (!budgets)
        return budgets.error();

    bool anyBudget = false;
    for (const AreaBudget &budget : *budgets) {
        Line line;
        line.areaId = budget.areaId.toString(QUuid::WithoutBraces);
        line.areaName = budget.areaName;
        line.capitalPence = budget.capitalPence;
        line.revenuePence = budget.revenuePence;
        line.spentPence = spend->value(line.areaId);
        line.forecastPence = project(line.spentPence, forecast.daysElapsed, forecast.dayCount);
        line.outlook = judge(line.forecastPence, line.budgetPence(), budget.isSet);
        anyBudget = anyBudget || budget.isSet;
        forecast.scheme.capitalPence += line.capitalPence;
        forecast.scheme.revenuePence += line.revenuePence;
        forecast.byArea.append(line);
    }
    for (auto it = spend->cbegin(); it != spend->cend(); ++it)
        forecast.scheme.spentPence += it.value();
    forecast.scheme.forecastPence
        = project(forecast.scheme.spentPence, forecast.daysElapsed, forecast.dayCount);
    forecast.scheme.outlook
        = judge(forecast.scheme.forecastPence, forecast.scheme.budgetPence(), anyBudget);
    return forecast;
}

} // namespace saferhomes
