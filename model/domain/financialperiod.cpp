#include "financialperiod.h"

#include "domain/schemetime.h"

#include <QRegularExpression>

namespace saferhomes {

namespace {

// Years a return can sensibly name; beyond them the two-digit suffix would be ambiguous.
constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2098;

} // namespace

FinancialPeriod FinancialPeriod::year(int startYear)
{
    if (startYear < kFirstYear || startYear > kLastYear)
        return {};
    return {startYear, 0};
}

FinancialPeriod FinancialPeriod::quarter(int startYear, int quarter)
{
    if (startYear < kFirstYear || startYear > kLastYear || quarter < 1 || quarter > 4)
        return {};
    return {startYear, quarter};
}

FinancialPeriod FinancialPeriod::quarterContaining(QDate date)
{
    if (!date.isValid())
        return {};
    const int month = date.month();
    const int startYear = month >= 4 ? date.year() : date.year() - 1;
    const int quarterNumber = month >= 4 ? (month - 4) / 3 + 1 : 4;
    return quarter(startYear, quarterNumber);
}

FinancialPeriod FinancialPeriod::yearContaining(QDate date)
{
    return quarterContaining(date).financialYear();
}

FinancialPeriod FinancialPeriod::quarterContaining(const QDateTime &instant)
{
    return quarterContaining(londonDay(instant));
}

Result<FinancialPeriod> FinancialPeriod::parse(const QString &text)
{
    const QString example = tr("write a period as 2024/25-Q3 (a quarter) or 2024/25 (a year)");
    static const QRegularExpression form(QStringLiteral("^(\\d{4})/(\\d{2})(?:-Q(\\d))?$"));
    const QRegularExpressionMatch match = form.match(text);
    if (!match.hasMatch()) {
        return Error::invalid(
            tr("\u201c%1\u201d is not a financial period: %2").arg(text, example));
    }
    const int first = match.captured(1).toInt();
    const int second = match.captured(2).toInt();
    if (first < kFirstYear || first > kLastYear) {
        return Error::invalid(tr("\u201c%1\u201d is not a financial period: the year must be "
                                 "between %2 and %3")
                                  .arg(text)
                                  .arg(kFirstYear)
                                  .arg(kLastYear));
    }
    if (second != (first + 1) % 100) {
        return Error::invalid(
            tr("\u201c%1\u201d is not a financial period: a financial year runs from April "
               "%2 to March %3, so it is written %2/%4")
                .arg(text)
                .arg(first)
                .arg(first + 1)
                .arg((first + 1) % 100, 2, 10, QLatin1Char('0')));
    }
    if (!match.hasCaptured(3))
        return year(first);
    const int q = match.captured(3).toInt();
    if (q < 1 || q > 4) {
        return Error::invalid(
            tr("\u201c%1\u201d is not a financial period: the quarter must be Q1 to Q4").arg(text));
    }
    return quarter(first, q);
}

QString FinancialPeriod::yearName() const
{
    if (!isValid())
        return {};
    return QStringLiteral("%1/%2")
        .arg(m_startYear)
        .arg((m_startYear + 1) % 100, 2, 10, QLatin1Char('0'));
}

QString FinancialPeriod::name() const
{
    if (!isValid() || m_quarter == 0)
        return yearName();
    return yearName() + QStringLiteral("-Q%1").arg(m_quarter);
}

FinancialPeriod FinancialPeriod::financialYear() const
{
    return isValid() ? year(m_startYear) : FinancialPeriod();
}

QList<FinancialPeriod> FinancialPeriod::quarters() const
{
    if (!isValid())
        return {};
    if (m_quarter != 0)
        return {*this};
    return {quarter(m_startYear, 1), quarter(m_startYear, 2), quarter(m_startYear, 3),
            quarter(m_startYear, 4)};
}

FinancialPeriod FinancialPeriod::previous() const
{
    if (!isValid())
        return {};
    if (m_quarter == 0)
        return year(m_startYear - 1);
    return m_quarter == 1 ? quarter(m_startYear - 1, 4) : quarter(m_startYear, m_quarter - 1);
}

FinancialPeriod FinancialPeriod::next() const
{
    if (!isValid())
        return {};
    if (m_quarter == 0)
        return year(m_startYear + 1);
    return m_quarter == 4 ? quarter(m_startYear + 1, 1) : quarter(m_startYear, m_quarter + 1);
}

QDate FinancialPeriod::firstDay() const
{
    if (!isValid())
        return {};
    const int q = m_quarter == 0 ? 1 : m_quarter;
    return QDate(m_startYear, 4, 1).addMonths(3 * (q - 1));
}

QDate FinancialPeriod::lastDay() const
{
    if (!isValid())
        return {};
    return firstDay().addMonths(m_quarter == 0 ? 12 : 3).addDays(-1);
}

QDateTime FinancialPeriod::start() const
{
    return isValid() ? londonMidnight(firstDay()) : QDateTime();
}

QDateTime FinancialPeriod::end() const
{
    return isValid() ? londonMidnight(lastDay().addDays(1)) : QDateTime();
}

QString FinancialPeriod::startText() const
{
    return start().toUTC().toString(Qt::ISODateWithMs);
}

QString FinancialPeriod::endText() const
{
    return end().toUTC().toString(Qt::ISODateWithMs);
}

bool FinancialPeriod::contains(QDate day) const
{
    return isValid() && day >= firstDay() && day <= lastDay();
}

bool FinancialPeriod::contains(const QDateTime &instant) const
{
    return isValid() && instant >= start() && instant < end();
}

bool FinancialPeriod::isInFuture(const QDateTime &now) const
{
    return isValid() && firstDay() > londonDay(now);
}

bool FinancialPeriod::hasEnded(const QDateTime &now) const
{
    return isValid() && lastDay() < londonDay(now);
}

int FinancialPeriod::dayCount() const
{
    return isValid() ? int(firstDay().daysTo(lastDay())) + 1 : 0;
}

int FinancialPeriod::daysElapsed(const QDateTime &now) const
{
    if (!isValid())
        return 0;
    const QDate today = londonDay(now);
    if (today < firstDay())
        return 0;
    if (today > lastDay())
        return dayCount();
    return int(firstDay().daysTo(today)) + 1;
}

QDate FinancialPeriod::londonDay(const QDateTime &instant)
{
    return instant.toTimeZone(london()).date();
}

QDateTime FinancialPeriod::londonMidnight(QDate day)
{
    // UK clocks change at 01:00 UTC, never at midnight, so London midnight always exists.
    return QDateTime(day, QTime(0, 0), london()).toUTC();
}

} // namespace saferhomes
