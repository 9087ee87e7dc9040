#include "dashboardfixture.h"

#include <QSqlQuery>

namespace saferhomes::test {

namespace {

using K = FigureRef::Kind;

QStringList labels(const QList<DashboardBar> &bars)
{
    QStringList out;
    for (const DashboardBar &bar : bars)
        out << bar.label + QLatin1Char('=') + QString::number(bar.value);
    return out;
}

} // namespace

TEST_F(DashboardFixture, TilesOfMarch)
{
    const DashboardFigures f = figures(march());
    EXPECT_EQ(f.households, 8); // h9 is deleted
    EXPECT_EQ(f.offered, 7);
    EXPECT_EQ(f.acceptedOrBeyond, 5);
    EXPECT_DOUBLE_EQ(f.takeUpRate, 5.0 / 7.0);
    // j2b ends at 23:30 UTC on 31 March: 00:30 on 1 April in London, after the period.
    EXPECT_EQ(f.secured, 3);
    EXPECT_EQ(f.securedInPeriod, 2); // h6 at 00:30 GMT on 1 March, h1 on 20 March
    EXPECT_EQ(f.target, 15);
    EXPECT_EQ(f.spendPence, 20000); // j1: 2 x 5000 + 1 x 10000; j6 fitted nothing
    EXPECT_EQ(f.budgetPence, 180000 * 31 / 365); // 2025/26's budgets, 31 of its 365 days
    EXPECT_EQ(f.outstanding, 1);
    EXPECT_EQ(f.noCoordinates, 1);
    EXPECT_EQ(f.noUprn, 1);
    EXPECT_EQ(f.completedWithoutItems, 1);
    EXPECT_EQ(f.visitsWithoutOutcome, 1);
}

TEST_F(DashboardFixture, ChartsOfMarch)
{
    const DashboardFigures f = figures(march());
    EXPECT_EQ(labels(f.funnel),
              (QStringList {QStringLiteral("Identified=6"), QStringLiteral("Contacted=5"),
                            QStringLiteral("Surveyed=5"), QStringLiteral("Accepted=5"),
                            QStringLiteral("Scheduled=4"), QStringLiteral("Installed=3"),
                            QStringLiteral("Followed up=1")}));
    ASSERT_EQ(f.areas.size(), 2);
    EXPECT_EQ(f.areas[0].name, QStringLiteral("Alpha"));
    EXPECT_EQ(f.areas[0].secured, 2);
    EXPECT_EQ(f.areas[0].target, 10);
    EXPECT_EQ(f.areas[1].secured, 1);
    EXPECT_EQ(labels(f.itemsFitted),
              (QStringList {QStringLiteral("Lock=2"), QStringLiteral("Alarm=1")}));
    // h5's refusal at 23:30 GMT on 28 February is outside March.
    EXPECT_EQ(labels(f.declines), QStringList {QStringLiteral("Not interested=1")});
    ASSERT_EQ(f.months.size(), 1);
    EXPECT_EQ(f.months[0].first, QDate(2026, 3, 1));
    EXPECT_EQ(f.months[0].spendPence, 20000);
    EXPECT_EQ(f.months[0].budgetPence, 15000);

    // h1: 2 to 20 March = 18 days; h6: 1 February to 1 March = 28 days.
    const DashboardDays &days = f.surveyToInstall;
    EXPECT_EQ(days.count, 2);
    EXPECT_EQ(days.minimum, 18);
    EXPECT_EQ(days.median, 18);
    EXPECT_EQ(days.upperQuartile, 28);
    EXPECT_EQ(days.maximum, 28);
    ASSERT_EQ(days.buckets.size(), 6);
    EXPECT_EQ(days.buckets[1].value, 2);
    EXPECT_EQ(days.buckets[1].label, QStringLiteral("15\u201328 days"));

    // Weeks from Monday 1 December 2025 to Monday 30 March 2026.
    ASSERT_EQ(f.weeks.size(), 18);
    EXPECT_EQ(f.weeks.first().monday, QDate(2025, 12, 1));
    EXPECT_EQ(f.weeks.first().secured, 1);
    EXPECT_EQ(f.weeks.last().monday, QDate(2026, 3, 30));
    EXPECT_EQ(f.weeks.last().cumulative, 3);
    EXPECT_EQ(f.weeks[12].monday, QDate(2026, 2, 23)); // holds Sunday 1 March: h6
    EXPECT_EQ(f.weeks[12].secured, 1);
    EXPECT_EQ(f.weeks[15].secured, 1); // 16 March: h1
    // The path: 15 homes over the 486 days from 1 December 2025 to 31 March 2027.
    EXPECT_NEAR(f.weeks.first().path, 15.0 * 7 / 486, 1e-9);
}

TEST_F(DashboardFixture, AprilCountsAHomeSecuredTwiceOnce)
{
    DashboardFilter april = march();
    april.from = QDate(2026, 4, 1);
    april.to = QDate(2026, 4, 30);
    const DashboardFigures f = figures(april);
    EXPECT_EQ(f.secured, 3);
    EXPECT_EQ(f.securedInPeriod, 0); // h2 was first secured in December
    EXPECT_EQ(f.spendPence, 10000);
    EXPECT_EQ(labels(f.itemsFitted), QStringList {QStringLiteral("Alarm=1")});
    EXPECT_EQ(f.surveyToInstall.count, 0);
    EXPECT_EQ(f.budgetPence, 0); // no budget set for 2026/27
}

TEST_F(DashboardFixture, BudgetsFollowTheFinancialYears)
{
    DashboardFilter twoYears = march();
    twoYears.from = QDate(2025, 3, 1); // March 2025 is in 2024/25, April in 2025/26
    twoYears.to = QDate(2025, 4, 30);
    const DashboardFigures f = figures(twoYears);
    EXPECT_EQ(f.budgetPence, 999999 * 31 / 365 + 180000 * 30 / 365);
    ASSERT_EQ(f.months.size(), 2);
    EXPECT_EQ(f.months[0].budgetPence, 999999 / 12);
    EXPECT_EQ(f.months[1].budgetPence, 180000 / 12);

    DashboardFilter beta = march();
    beta.areaId = QStringLiteral("a2");
    EXPECT_EQ(figures(beta).budgetPence, 60000 * 31 / 365);
}

TEST_F(DashboardFixture, FiltersByAreaAndFitter)
{
    DashboardFilter beta = march();
    beta.areaId = QStringLiteral("a2");
    const DashboardFigures b = figures(beta);
    EXPECT_EQ(b.households, 3);
    EXPECT_EQ(b.secured, 1);
    EXPECT_EQ(b.target, 5);
    ASSERT_EQ(b.areas.size(), 1);
    EXPECT_EQ(b.areas[0].name, QStringLiteral("Beta"));

    DashboardFilter one = march();
    one.fitterId = QStringLiteral("f1");
    const DashboardFigures f = figures(one);
    EXPECT_EQ(f.households, 3); // h1, h2 (j2b) and h3
    EXPECT_EQ(f.secured, 1); // only j1 is f1's and before April
    EXPECT_EQ(f.outstanding, 1);
    EXPECT_EQ(f.spendPence, 20000);

    DashboardFilter installed = march();
    installed.status = HouseholdStatus::Installed;
    const DashboardFigures i = figures(installed);
    EXPECT_EQ(i.households, 2);
    EXPECT_EQ(i.secured, 2);
    EXPECT_EQ(i.completedWithoutItems, 1);
}

TEST_F(DashboardFixture, DrillDownsEqualTheirFigures)
{
    const DashboardFilter filter = march();
    const DashboardFigures f = figures(filter);
    const auto list = [](std::initializer_list<const char *> postcodes) {
        QStringList out;
        for (const char *p : postcodes)
            out << QString::fromLatin1(p);
        return out;
    };
    EXPECT_EQ(drill(filter, K::Secured), list({"LE13 0AA", "LE13 0AB", "LE2 4AC"}));
    EXPECT_EQ(drill(filter, K::TakeUp).size(), f.acceptedOrBeyond);
    qint64 amount = 0;
    EXPECT_EQ(drill(filter, K::Spend, {}, &amount), list({"LE13 0AA", "LE2 4AC"}));
    EXPECT_EQ(amount, f.spendPence);
    EXPECT_EQ(drill(filter, K::Outstanding), list({"LE2 4AA"}));
    for (const DashboardBar &bar : f.funnel)
        EXPECT_EQ(drill(filter, K::Funnel, bar.ref.key).size(), bar.value) << qPrintable(bar.label);
    EXPECT_EQ(drill(filter, K::AreaSecured, QStringLiteral("a1")), list({"LE13 0AA", "LE13 0AB"}));
    EXPECT_EQ(drill(filter, K::TrendWeek, QStringLiteral("2026-03-16")), list({"LE13 0AA"}));
    for (const DashboardBar &bar : f.itemsFitted) {
        EXPECT_EQ(drill(filter, K::ItemsFitted, bar.ref.key, &amount), list({"LE13 0AA"}));
        EXPECT_EQ(amount, bar.value);
    }
    EXPECT_EQ(drill(filter, K::SpendMonth, QStringLiteral("2026-03-01"), &amount).size(), 2);
    EXPECT_EQ(amount, 20000);
    EXPECT_EQ(drill(filter, K::SurveyToInstall, QStringLiteral("1"), &amount),
              list({"LE13 0AA", "LE2 4AC"}));
    EXPECT_EQ(amount, 18 + 28);
    EXPECT_EQ(drill(filter, K::Declines, QStringLiteral("Not interested")), list({"LE2 4AB"}));
    EXPECT_EQ(drill(filter, K::NoCoordinates), list({"LE2 4AA"}));
    EXPECT_EQ(drill(filter, K::NoUprn), list({"LE2 4AA"}));
    EXPECT_EQ(drill(filter, K::CompletedWithoutItems), list({"LE2 4AC"}));
    EXPECT_EQ(drill(filter, K::VisitWithoutOutcome), list({"LE2 4AA"}));
}

TEST_F(DashboardFixture, DrillRowsCarryAddressesButNoResidentData)
{
    const Result<QList<DrillRow>> rows = DashboardReport::drillDown(
        DashboardStore(m_database), march(), {K::TrendWeek, QStringLiteral("2026-03-16")}, now());
    ASSERT_TRUE(rows.ok()) << qPrintable(rows.errorString());
    ASSERT_EQ(rows->size(), 1);
    const DrillRow &row = rows->first();
    EXPECT_EQ(row.address, QStringLiteral("1 High St, Melton"));
    EXPECT_EQ(row.uprn, QStringLiteral("1"));
    EXPECT_EQ(row.area, QStringLiteral("Alpha"));
    EXPECT_EQ(row.status, HouseholdStatus::Installed);
    EXPECT_FALSE(row.address.contains(QStringLiteral("Ann Secret")));
}

TEST_F(DashboardFixture, AFailedReadIsAnErrorNotZeros)
{
    exec("DROP TABLE job_item");
    const Result<DashboardFigures> result
        = DashboardReport::compute(DashboardStore(m_database), march(), now());
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, Error::Kind::Database);
    EXPECT_TRUE(result.errorString().contains(QStringLiteral("job_item")))
        << qPrintable(result.errorString());
}

TEST_F(DashboardFixture, BadPeriodIsRefused)
{
    DashboardFilter backwards = march();
    backwards.to = QDate(2026, 2, 1);
    const Result<DashboardFigures> result
        = DashboardReport::compute(DashboardStore(m_database), backwards, now());
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, Error::Kind::Invalid);
}

} // namespace saferhomes::test
