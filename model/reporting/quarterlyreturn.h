#pragma once

#include "domain/financialperiod.h"
#include "domain/result.h"
#include "reporting/spendforecast.h"
#include "store/reportingstore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace saferhomes {

class Database;

/// One figure of the return: a key of DESIGN §9, its label, its value and the households
/// behind it (ids, sorted; empty for target_homes).
struct ReturnFigure {
    QString key;
    QString label;
    qint64 value = 0;
    QStringList households;

    /// Whether the figure counts from the beginning of the scheme (`_to_date`) rather than
    /// over the period; its evidence lists items and fit dates to date.
    bool isToDate() const
    {
        return key.endsWith(QLatin1String("_to_date"))
            || key.endsWith(QLatin1String("_to_date_pence"));
    }
};

/// A household as the evidence appendix lists it: what was fitted and when.
struct ReturnHousehold {
    ReturnAddress address;
    QMap<QString, qint64> itemsInPeriod; ///< code -> fitted quantity in the period
    QMap<QString, qint64> itemsToDate; ///< code -> fitted quantity up to the period's end
    QDate lastFitInPeriod; ///< London day of its last completed job in the period
    QDate lastFitToDate;

    /// "TLOCK x2; ALARM x1" for the period or to date.
    QString itemsText(bool toDate) const;
    QDate fitDate(bool toDate) const { return toDate ? lastFitToDate : lastFitInPeriod; }
};

/// The quarterly return to the Home Office (DESIGN §9, a contract): the figures of one UK
/// financial quarter, each traceable to its households, and the year's spend forecast.
/// assemble() is pure; compute() reads the rows through ReportingStore first.
class QuarterlyReturn {
    Q_DECLARE_TR_FUNCTIONS(QuarterlyReturn)

public:
    FinancialPeriod period;
    QDateTime generatedAt;
    QString scheme; ///< the areas' names, for the cover
    QList<ReturnFigure> figures;
    QHash<QString, ReturnHousehold> households; ///< every household of any figure, by id
    std::optional<SpendForecast> forecast;

    /// The figures of \a period from \a rows (read over the period's bounds): pure.
    static QuarterlyReturn assemble(const FinancialPeriod &period, const ReturnRows &rows);
    /// Reads the rows, the households' addresses and the year's spend forecast for \a period,
    /// as of \a now, and assembles the return. A failed read is the failure, never zeros.
    static Result<QuarterlyReturn> compute(const Database &database, const FinancialPeriod &period,
                                           const QDateTime &now = QDateTime::currentDateTimeUtc());

    const ReturnFigure *figure(const QString &key) const;

    /// The contract's document: {"period", "from", "to", "figures": [{"key", "label", "value",
    /// "households"}]}, plus "generated_at", "scheme" and "budget" (the forecast).
    QJsonObject toJson() const;
    /// toJson() as indented UTF-8: the bytes written to a file and frozen.
    QByteArray toJsonBytes() const;
    /// One row per figure: key,label,value,households (ids separated by spaces).
    QByteArray toCsv() const;
    /// One row per household of \a figure: id, UPRN, address, items, fit date (evidence).
    QList<QStringList> evidenceRows(const ReturnFigure &figure) const;
    static QStringList evidenceHeader();
};

} // namespace saferhomes
