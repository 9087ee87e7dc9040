#include "reportingfixture.h"
#include "store/budgetrepository.h"

using namespace saferhomes;
using namespace saferhomes::test;
using namespace Qt::StringLiterals;

using BudgetRepositoryTest = ReportingFixture;

TEST_F(BudgetRepositoryTest, SetsAndReplacesABudgetPerAreaAndYear)
{
    addArea("a1", u"Melton Town Centre"_s, 100);
    addArea("a2", u"Oadby and Wigston"_s, 50);
    BudgetRepository budgets(m_database, u"tester"_s);

    AreaBudget melton;
    melton.areaId = QUuid::fromString(id("a1"));
    melton.financialYear = 2024;
    melton.capitalPence = 1'000'000;
    melton.revenuePence = 250'000;
    ASSERT_TRUE(budgets.set(melton).ok());
    melton.revenuePence = 300'000;
    ASSERT_TRUE(budgets.set(melton).ok()); // replaces, never a second row
    melton.financialYear = 2025;
    melton.capitalPence = 5;
    melton.revenuePence = 7;
    ASSERT_TRUE(budgets.set(melton).ok());

    const auto year = budgets.forYear(2024);
    ASSERT_TRUE(year.ok()) << year.errorString().toStdString();
    ASSERT_EQ(year->size(), 2);
    EXPECT_EQ(year->at(0).areaName, u"Melton Town Centre"_s);
    EXPECT_TRUE(year->at(0).isSet);
    EXPECT_EQ(year->at(0).capitalPence, 1'000'000);
    EXPECT_EQ(year->at(0).revenuePence, 300'000);
    EXPECT_EQ(year->at(0).totalPence(), 1'300'000);
    EXPECT_EQ(year->at(1).areaName, u"Oadby and Wigston"_s);
    EXPECT_FALSE(year->at(1).isSet);
    EXPECT_EQ(year->at(1).totalPence(), 0);

    const auto total = budgets.schemeTotal(2024);
    ASSERT_TRUE(total.ok());
    EXPECT_EQ(total->totalPence(), 1'300'000);
    EXPECT_EQ(budgets.schemeTotal(2025)->totalPence(), 12);
    EXPECT_EQ(budgets.years().value(), (QList<int> {2024, 2025}));
    EXPECT_EQ(scalar(u"SELECT count(*) FROM area_budget"_s).toInt(), 2);
    EXPECT_EQ(scalar(u"SELECT count(*) FROM audit_event WHERE entity = 'area'"_s).toInt(), 3);
}

TEST_F(BudgetRepositoryTest, RefusesNegativeAmountsAndUnknownAreas)
{
    addArea("a1", u"Melton Town Centre"_s, 100);
    BudgetRepository budgets(m_database, u"tester"_s);
    AreaBudget budget;
    budget.areaId = QUuid::fromString(id("a1"));
    budget.financialYear = 2024;
    budget.capitalPence = -1;
    const Status negative = budgets.set(budget);
    ASSERT_FALSE(negative.ok());
    EXPECT_EQ(negative.error().kind, Error::Kind::Invalid);

    budget.capitalPence = 1;
    budget.areaId = QUuid::fromString(id("zz"));
    const Status unknown = budgets.set(budget);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().kind, Error::Kind::NotFound);
    EXPECT_EQ(scalar(u"SELECT count(*) FROM area_budget"_s).toInt(), 0);
}

TEST_F(BudgetRepositoryTest, AFailedReadIsAFailureNotAnEmptyList)
{
    exec(u"DROP TABLE area_budget"_s);
    BudgetRepository budgets(m_database, u"tester"_s);
    const auto year = budgets.forYear(2024);
    ASSERT_FALSE(year.ok());
    EXPECT_TRUE(year.errorString().contains(u"area_budget"_s)) << year.errorString().toStdString();
}
