#pragma once

#include "domain/financialperiod.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace saferhomes {

class Database;

/// Spend against a financial year's budget and a straight-line forecast to the year end
/// (DESIGN §9, issue 14 item 3): spend so far, divided by the days of the year passed and
/// multiplied by the days of the year. Money cannot roll over between financial years, so a
/// forecast short of the allocation is flagged.
struct SpendForecast {
    Q_DECLARE_TR_FUNCTIONS(SpendForecast)

public:
    enum class Outlook {
        NoBudget, ///< no budget set for the year
        OnTrack, ///< the forecast meets the allocation exactly
        Underspend, ///< the forecast cannot meet the allocation: flagged
        Overspend, ///< the forecast goes over the allocation
    };

    struct Line {
        QString areaId; ///< empty for the whole scheme
        QString areaName;
        qint64 capitalPence = 0;
        qint64 revenuePence = 0;
        qint64 spentPence = 0;
        qint64 forecastPence = 0;
        Outlook outlook = Outlook::NoBudget;

        qint64 budgetPence() const { return capitalPence + revenuePence; }
        bool flagged() const { return outlook == Outlook::Underspend; }
    };

    FinancialPeriod year; ///< the financial year of the period asked for
    QDate asOf; ///< the last day counted: the period's last day, or today if earlier
    int daysElapsed = 0; ///< days of the year from 1 April to asOf, inclusive
    int dayCount = 0; ///< days in the year
    Line scheme; ///< every area together
    QList<Line> byArea; ///< each area, by name

    /// The forecast for \a spentPence after \a daysElapsed of \a dayCount days, rounded to the
    /// nearest penny (the spend itself once the year is over).
    static qint64 project(qint64 spentPence, int daysElapsed, int dayCount);
    /// How \a forecastPence compares with \a budgetPence (NoBudget when \a hasBudget is false).
    static Outlook judge(qint64 forecastPence, qint64 budgetPence, bool hasBudget);
    /// "no_budget", "on_track", "underspend", "overspend".
    static QString outlookKey(Outlook outlook);
    static QString outlookText(Outlook outlook);

    /// The forecast as it stands at the end of \a period (a quarter or year), or at \a now
    /// when the period has not ended yet: spend of the jobs completed from the year's start
    /// to then, against every area's budget for the year.
    static Result<SpendForecast> forPeriod(const Database &database, const FinancialPeriod &period,
                                           const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace saferhomes
