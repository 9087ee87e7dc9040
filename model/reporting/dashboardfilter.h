#pragma once

#include "domain/householdstatus.h"

#include <QDate>
#include <QMetaType>
#include <QString>

#include <optional>

namespace saferhomes {

/// The one filter state every figure of the dashboard is computed under. The period is a range
/// of whole days in Europe/London, both ends included; figures about what happened (homes
/// secured, spend, items fitted, declines, days to installation) count events inside it, figures
/// about where households stand (funnel, take-up, outstanding work, data quality) are as of now.
struct DashboardFilter {
    QString areaId; ///< empty: every area
    QDate from; ///< first day of the period
    QDate to; ///< last day of the period
    QString periodLabel; ///< how the period reads ("2024/25-Q3", "March 2026")
    std::optional<HouseholdStatus> status; ///< only households now in this status
    QString fitterId; ///< only households with a job of this fitter, and only that fitter's jobs
    QDate schemeEnd; ///< where the straight-line path to the target ends

    bool operator==(const DashboardFilter &) const = default;
};

/// Which figure a number belongs to, so that the households behind it can be listed: the
/// kind of figure and, for a chart, its bar or slice (a status name, an area id, a week's
/// Monday, a month's first day, an equipment code, a reason, a bucket number).
struct FigureRef {
    enum class Kind {
        Secured, ///< homes secured by the period's end
        TakeUp, ///< accepted or beyond (of those offered)
        Spend, ///< households whose fitted items make the period's spend
        Outstanding, ///< households with an open job
        Funnel, ///< key: the status reached (at or beyond)
        AreaSecured, ///< key: area id
        TrendWeek, ///< key: the week's Monday (ISO date): first secured that week
        ItemsFitted, ///< key: equipment code
        SpendMonth, ///< key: the month's first day (ISO date)
        SurveyToInstall, ///< key: bucket index
        Declines, ///< key: reason as recorded ("" for none)
        NoCoordinates,
        NoUprn,
        CompletedWithoutItems,
        VisitWithoutOutcome,
    };
    Kind kind = Kind::Secured;
    QString key;

    bool operator==(const FigureRef &) const = default;
};

} // namespace saferhomes

Q_DECLARE_METATYPE(saferhomes::DashboardFilter)
Q_DECLARE_METATYPE(saferhomes::FigureRef)
