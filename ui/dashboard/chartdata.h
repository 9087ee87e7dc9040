#pragma once

#include "reporting/dashboardfilter.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

namespace saferhomes {

/// One series of a chart: its values by category and, where a value stands for households,
/// the figure each value opens.
struct ChartSeries {
    QString name;
    QList<qreal> values;
    QList<FigureRef> refs; ///< empty: the series opens nothing (a target, a path)
    bool line = false; ///< drawn as a line over bars
    bool dashed = false;

    bool operator==(const ChartSeries &) const = default;
};

/// What a chart shows, independent of how: the chart draws it, its table lists it.
struct ChartData {
    enum class Kind { Bars, HorizontalBars, Lines };
    Kind kind = Kind::Bars;
    QString title;
    QString valueTitle; ///< what the numbers count ("Homes", "£")
    QStringList categories; ///< for Lines, ISO dates
    QList<ChartSeries> series;
    QString note; ///< one line under the chart (a median, what the period applies to)
    int decimals = 0;

    bool operator==(const ChartData &) const = default;
};

} // namespace saferhomes
