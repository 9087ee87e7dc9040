#include "domain/financialperiod.h"

#include <gtest/gtest.h>

using namespace saferhomes;
using namespace Qt::StringLiterals;

namespace {

QDateTime utc(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODate);
}

} // namespace

TEST(FinancialPeriod, ParsesAQuarterAndAYear)
{
    const auto q3 = FinancialPeriod::parse(u"2024/25-Q3"_s);
    ASSERT_TRUE(q3.ok()) << q3.errorString().toStdString();
    EXPECT_EQ(q3->kind(), FinancialPeriod::Kind::Quarter);
    EXPECT_EQ(q3->startYear(), 2024);
    EXPECT_EQ(q3->quarterNumber(), 3);
    EXPECT_EQ(q3->name(), u"2024/25-Q3"_s);
    EXPECT_EQ(q3->yearName(), u"2024/25"_s);
    EXPECT_EQ(q3->firstDay(), QDate(2024, 10, 1));
    EXPECT_EQ(q3->lastDay(), QDate(2024, 12, 31));

    const auto year = FinancialPeriod::parse(u"2024/25"_s);
    ASSERT_TRUE(year.ok());
    EXPECT_EQ(year->kind(), FinancialPeriod::Kind::Year);
    EXPECT_EQ(year->firstDay(), QDate(2024, 4, 1));
    EXPECT_EQ(year->lastDay(), QDate(2025, 3, 31));
    EXPECT_EQ(year->dayCount(), 365);
    EXPECT_EQ(FinancialPeriod::parse(u"2023/24"_s)->dayCount(), 366); // 29 Feb 2024

    const auto q4 = FinancialPeriod::parse(u"2099/00-Q4"_s);
    EXPECT_FALSE(q4.ok());
    const auto century = FinancialPeriod::parse(u"2009/10-Q4"_s);
    ASSERT_TRUE(century.ok());
    EXPECT_EQ(century->firstDay(), QDate(2010, 1, 1));
    EXPECT_EQ(century->lastDay(), QDate(2010, 3, 31));
}

TEST(FinancialPeriod, RefusesMalformedPeriodsWithAReason)
{
    for (const QString &text :
         {u"2024-Q3"_s, u"2024/26-Q1"_s, u"2024/25-Q5"_s, u"2024/25-Q0"_s, u"2024/25 Q3"_s,
          u"24/25-Q3"_s, u""_s, u"2024/25-q3"_s, u"1999/00-Q1"_s, u" 2024/25-Q3"_s}) {
        const auto parsed = FinancialPeriod::parse(text);
        ASSERT_FALSE(parsed.ok()) << text.toStdString();
        EXPECT_EQ(parsed.error().kind, Error::Kind::Invalid);
        EXPECT_TRUE(parsed.errorString().contains(text)) << parsed.errorString().toStdString();
    }
    EXPECT_TRUE(FinancialPeriod::parse(u"2024/26-Q1"_s).errorString().contains(u"2024/25"_s));
}

TEST(FinancialPeriod, BoundsAreLondonMidnightsInBstAndGmt)
{
    // Q3 starts on 1 October (BST, UTC+1) and ends at midnight starting 1 January (GMT).
    const FinancialPeriod q3 = FinancialPeriod::quarter(2024, 3);
    EXPECT_EQ(q3.start(), utc(u"2024-09-30T23:00:00Z"_s));
    EXPECT_EQ(q3.end(), utc(u"2025-01-01T00:00:00Z"_s));
    EXPECT_EQ(q3.startText(), u"2024-09-30T23:00:00.000Z"_s);
    EXPECT_EQ(q3.endText(), u"2025-01-01T00:00:00.000Z"_s);
    // Q1 starts 1 April (BST since 31 March 2024) and ends at midnight starting 1 July (BST).
    const FinancialPeriod q1 = FinancialPeriod::quarter(2024, 1);
    EXPECT_EQ(q1.start(), utc(u"2024-03-31T23:00:00Z"_s));
    EXPECT_EQ(q1.end(), utc(u"2024-06-30T23:00:00Z"_s));
    // Q4 is GMT throughout: 1 January to 31 March 2025 (clocks go forward on 30 March).
    const FinancialPeriod q4 = FinancialPeriod::quarter(2024, 4);
    EXPECT_EQ(q4.start(), utc(u"2025-01-01T00:00:00Z"_s));
    EXPECT_EQ(q4.end(), utc(u"2025-03-31T23:00:00Z"_s));

    EXPECT_TRUE(q3.contains(utc(u"2024-09-30T23:30:00Z"_s))); // 00:30 on 1 Oct in London
    EXPECT_FALSE(q3.contains(utc(u"2024-09-30T22:59:59Z"_s)));
    EXPECT_TRUE(q3.contains(utc(u"2024-12-31T23:59:59Z"_s)));
    EXPECT_FALSE(q3.contains(utc(u"2025-01-01T00:00:00Z"_s)));
    EXPECT_EQ(FinancialPeriod::quarterContaining(utc(u"2024-09-30T23:30:00Z"_s)), q3);
    EXPECT_EQ(FinancialPeriod::quarterContaining(utc(u"2024-09-30T22:30:00Z"_s)),
              FinancialPeriod::quarter(2024, 2));
    EXPECT_EQ(FinancialPeriod::quarterContaining(utc(u"2025-03-31T23:30:00Z"_s)),
              FinancialPeriod::quarter(2025, 1));
}

TEST(FinancialPeriod, QuarterContainingAndNeighbours)
{
    EXPECT_EQ(FinancialPeriod::quarterContaining(QDate(2025, 3, 31)).name(), u"2024/25-Q4"_s);
    EXPECT_EQ(FinancialPeriod::quarterContaining(QDate(2025, 4, 1)).name(), u"2025/26-Q1"_s);
    EXPECT_EQ(FinancialPeriod::quarterContaining(QDate(2024, 7, 1)).name(), u"2024/25-Q2"_s);
    EXPECT_EQ(FinancialPeriod::yearContaining(QDate(2025, 2, 1)).name(), u"2024/25"_s);
    EXPECT_EQ(FinancialPeriod::quarter(2024, 4).next().name(), u"2025/26-Q1"_s);
    EXPECT_EQ(FinancialPeriod::quarter(2024, 1).previous().name(), u"2023/24-Q4"_s);
    EXPECT_EQ(FinancialPeriod::year(2024).quarters().size(), 4);
    EXPECT_EQ(FinancialPeriod::year(2024).quarters().at(2).name(), u"2024/25-Q3"_s);
    EXPECT_FALSE(FinancialPeriod().isValid());
}

TEST(FinancialPeriod, FutureAndElapsedDaysAreJudgedInLondon)
{
    const FinancialPeriod q3 = FinancialPeriod::quarter(2024, 3);
    // 23:30Z on 30 September is already 1 October in London: Q3 has started.
    EXPECT_FALSE(q3.isInFuture(utc(u"2024-09-30T23:30:00Z"_s)));
    EXPECT_TRUE(q3.isInFuture(utc(u"2024-09-30T22:30:00Z"_s)));
    EXPECT_EQ(q3.daysElapsed(utc(u"2024-09-30T23:30:00Z"_s)), 1);
    EXPECT_EQ(q3.daysElapsed(utc(u"2024-09-01T12:00:00Z"_s)), 0);
    EXPECT_EQ(q3.daysElapsed(utc(u"2025-02-01T12:00:00Z"_s)), 92);
    EXPECT_EQ(q3.dayCount(), 92);
    EXPECT_TRUE(q3.hasEnded(utc(u"2025-01-01T00:00:00Z"_s)));
    EXPECT_FALSE(q3.hasEnded(utc(u"2024-12-31T23:59:00Z"_s)));
}
