#pragma once

#include "reporting/dashboardfilter.h"

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUuid>

namespace saferhomes {

/// One bar, slice or cell of a chart: its label, its number and the figure it opens.
struct DashboardBar {
    QString label;
    qint64 value = 0;
    FigureRef ref;
};

/// An area's homes secured (by the period's end) against its target.
struct DashboardArea {
    QString id;
    QString name;
    int secured = 0;
    int target = 0;
};

/// One week of the trend: homes first secured that week, the running total, and where the
/// straight line from the first week to the target at the scheme's end date stands.
struct DashboardWeek {
    QDate monday;
    int secured = 0;
    int cumulative = 0;
    double path = 0;
};

/// One month of spend against a twelfth of its financial year's budget.
struct DashboardMonth {
    QDate first;
    qint64 spendPence = 0;
    qint64 budgetPence = 0;
};

/// Days from the first completed survey to the first completed job, for homes first secured
/// in the period: median and spread, and a bar per range of days.
struct DashboardDays {
    int count = 0;
    int minimum = 0;
    int lowerQuartile = 0;
    int median = 0;
    int upperQuartile = 0;
    int maximum = 0;
    QList<DashboardBar> buckets;
    /// The ranges of the buckets: bucket i holds days in [bounds[i], bounds[i + 1]).
    static QList<int> bucketBounds();
};

/// Every figure of the dashboard under one filter (see DashboardFilter for what the period
/// applies to). Money is in pence.
struct DashboardFigures {
    DashboardFilter filter;
    int households = 0;
    int secured = 0; ///< first secured at or before the period's end
    int securedInPeriod = 0;
    int target = 0;
    int offered = 0;
    int acceptedOrBeyond = 0;
    double takeUpRate = 0;
    qint64 spendPence = 0; ///< fitted items on jobs completed in the period
    /// The financial years' budgets pro rata to the days of the period in each.
    qint64 budgetPence = 0;
    int outstanding = 0; ///< households with an unscheduled, tentative or scheduled job
    QList<DashboardBar> funnel; ///< households at or beyond each stage, closed ones left out
    QList<DashboardArea> areas;
    QList<DashboardWeek> weeks; ///< from the first week with a home secured to the period's end
    QList<DashboardBar> itemsFitted; ///< fitted quantity per equipment code, most first
    QList<DashboardMonth> months;
    DashboardDays surveyToInstall;
    QList<DashboardBar> declines; ///< households that declined in the period, per reason
    int noCoordinates = 0;
    int noUprn = 0;
    int completedWithoutItems = 0; ///< households with a completed job that fitted nothing
    int visitsWithoutOutcome = 0; ///< households with a job whose time has passed unrecorded
};

/// A household behind a figure: where it is and how it stands, never who lives there.
struct DrillRow {
    QUuid id;
    QString uprn;
    QString address;
    QString postcode;
    QString area;
    HouseholdStatus status = HouseholdStatus::Identified;
    qint64 amount = 0; ///< its part of the figure (items, pence, days) where that is not 1
};

} // namespace saferhomes

Q_DECLARE_METATYPE(saferhomes::DashboardFigures)
