#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace saferhomes {

/// A UK financial year (1 April to 31 March, named `2024/25`) or one of its quarters (named
/// `2024/25-Q3`: Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar), bounded by Europe/London
/// midnights (DESIGN §9). A value type: a default-constructed period is invalid.
class FinancialPeriod {
    Q_DECLARE_TR_FUNCTIONS(FinancialPeriod)

public:
    enum class Kind { Year, Quarter };

    FinancialPeriod() = default;

    /// The financial year that starts on 1 April of \a startYear (2024 for `2024/25`).
    static FinancialPeriod year(int startYear);
    /// Quarter \a quarter (1–4) of the financial year starting in \a startYear.
    static FinancialPeriod quarter(int startYear, int quarter);
    /// The quarter, or the financial year, that contains the calendar day \a date.
    static FinancialPeriod quarterContaining(QDate date);
    static FinancialPeriod yearContaining(QDate date);
    /// The quarter that contains \a instant, taken as a day in London.
    static FinancialPeriod quarterContaining(const QDateTime &instant);

    /// `2024/25-Q3` or `2024/25`. Anything else (`2024-Q3`, `2024/26-Q1`, `2024/25-Q5`,
    /// `2024/25 Q3`) is Error::Invalid with a message saying what is wrong and the form to use.
    static Result<FinancialPeriod> parse(const QString &text);

    bool isValid() const { return m_startYear > 0; }
    Kind kind() const { return m_quarter == 0 ? Kind::Year : Kind::Quarter; }
    /// The calendar year in which the financial year starts (2024 for `2024/25`).
    int startYear() const { return m_startYear; }
    /// 1–4 for a quarter, 0 for a whole year.
    int quarterNumber() const { return m_quarter; }

    /// `2024/25-Q3` or `2024/25`.
    QString name() const;
    /// The financial year's own name, `2024/25`, for a quarter as for a year.
    QString yearName() const;
    /// The whole financial year this period belongs to.
    FinancialPeriod financialYear() const;
    /// A year's four quarters in order; a quarter gives itself.
    QList<FinancialPeriod> quarters() const;
    /// The quarter or year just before / after this one.
    FinancialPeriod previous() const;
    FinancialPeriod next() const;

    /// First and last calendar day (inclusive): 2024-10-01 and 2024-12-31 for `2024/25-Q3`.
    QDate firstDay() const;
    QDate lastDay() const;
    /// The UTC instant of London midnight starting firstDay() (inclusive), and of the London
    /// midnight after lastDay() (exclusive): [start, end) is the period. BST is UTC+1, so the
    /// start of `2024/25-Q3` is 2024-09-30T23:00:00Z and its end 2025-01-01T00:00:00Z.
    QDateTime start() const;
    QDateTime end() const;
    /// start() and end() in the store's text form (ISO 8601 UTC with milliseconds), which
    /// compares as text like the instants it names.
    QString startText() const;
    QString endText() const;

    bool contains(QDate day) const;
    bool contains(const QDateTime &instant) const;
    /// Whether the period starts after today in London (\a now defaults to the clock): a return
    /// for it would be all zeros, so it is refused.
    bool isInFuture(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    /// Whether the whole period lies before today in London.
    bool hasEnded(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    /// The number of days of the period, and how many of them have passed by \a now (0 before
    /// it starts, all of them after it ends; today counts as passed).
    int dayCount() const;
    int daysElapsed(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    /// The calendar day \a instant falls on in London.
    static QDate londonDay(const QDateTime &instant);
    /// The UTC instant of London midnight at the start of \a day.
    static QDateTime londonMidnight(QDate day);

    friend bool operator==(const FinancialPeriod &a, const FinancialPeriod &b)
    {
        return a.m_startYear == b.m_startYear && a.m_quarter == b.m_quarter;
    }
    friend bool operator!=(const FinancialPeriod &a, const FinancialPeriod &b) { return !(a == b); }

private:
    FinancialPeriod(int startYear, int quarter)
        : m_startYear(startYear)
        , m_quarter(quarter)
    { }

    int m_startYear = 0;
    int m_quarter = 0;
};

} // namespace saferhomes
