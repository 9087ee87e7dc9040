#include "handmadereturn.h"
#include "reporting/quarterlyreturn.h"
#include "reportingfixture.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace saferhomes;
using namespace saferhomes::test;
using namespace Qt::StringLiterals;

namespace {

QStringList ids(std::initializer_list<const char *> names)
{
    QStringList list;
    for (const char *name : names)
        list.append(HandMadeReturn::id(name));
    return list;
}

const QDateTime kNow = QDateTime::fromString(u"2025-06-01T12:00:00Z"_s, Qt::ISODate);

class QuarterlyReturnTest : public ReportingFixture {
protected:
    void SetUp() override
    {
        ReportingFixture::SetUp();
        ASSERT_EQ(HandMadeReturn::fill(m_database.connection()), QString());
    }

    QuarterlyReturn q3()
    {
        const auto computed
            = QuarterlyReturn::compute(m_database, FinancialPeriod::quarter(2024, 3), kNow);
        EXPECT_TRUE(computed.ok()) << computed.errorString().toStdString();
        return computed.ok() ? *computed : QuarterlyReturn();
    }
};

} // namespace

TEST_F(QuarterlyReturnTest, EveryKeyMatchesTheHandCount)
{
    const QuarterlyReturn r = q3();
    struct Expected {
        QString key;
        qint64 value;
        QStringList households;
    };
    const QList<Expected> expected {
        {u"households_visited"_s, 4, ids({"h1", "h3", "h5", "h6"})},
        {u"households_declined"_s, 2, ids({"h3", "h5"})},
        {u"households_accepted"_s, 2, ids({"h1", "h8"})},
        {u"homes_secured"_s, 4, ids({"h1", "h3", "h6", "h7"})},
        {u"homes_secured_to_date"_s, 5, ids({"h1", "h2", "h3", "h6", "h7"})},
        {u"items_fitted.ALARM"_s, 1, ids({"h7"})},
        {u"items_fitted.LIGHT"_s, 3, ids({"h1", "h3"})},
        {u"items_fitted.TLOCK"_s, 1, ids({"h1"})},
        {u"spend_pence"_s, 7000, ids({"h1", "h3", "h7"})},
        {u"spend_to_date_pence"_s, 16500, ids({"h1", "h2", "h3", "h7"})},
        {u"target_homes"_s, 150, {}},
    };
    ASSERT_EQ(r.figures.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const ReturnFigure &figure = r.figures[i];
        EXPECT_EQ(figure.key, expected[i].key);
        EXPECT_EQ(figure.value, expected[i].value) << figure.key.toStdString();
        EXPECT_EQ(figure.households, expected[i].households) << figure.key.toStdString();
        EXPECT_FALSE(figure.label.isEmpty());
    }
}

TEST_F(QuarterlyReturnTest, DrillDownListsEqualTheCountingFigures)
{
    const QuarterlyReturn r = q3();
    for (const QString &key :
         {u"households_visited"_s, u"households_declined"_s, u"households_accepted"_s,
          u"homes_secured"_s, u"homes_secured_to_date"_s}) {
        const ReturnFigure *figure = r.figure(key);
        ASSERT_NE(figure, nullptr);
        EXPECT_EQ(r.evidenceRows(*figure).size(), figure->value) << key.toStdString();
    }
    // The evidence of a to-date figure lists items and fit dates to date, of a period figure
    // those of the period: h7 fitted TLOCK x2 in June and ALARM x1 on 10 November.
    const auto row = [&](const QString &key, const char *household) {
        const ReturnFigure *figure = r.figure(key);
        for (const QStringList &line : r.evidenceRows(*figure)) {
            if (line.first() == HandMadeReturn::id(household))
                return line;
        }
        return QStringList();
    };
    EXPECT_EQ(row(u"homes_secured"_s, "h7"),
              (QStringList {HandMadeReturn::id("h7"), u"10000000007"_s,
                            u"7 Thorpe Road, Melton Mowbray, LE13 1AA"_s, u"ALARM x1"_s,
                            u"2024-11-10"_s}));
    EXPECT_EQ(row(u"homes_secured_to_date"_s, "h7").at(3), u"ALARM x1; TLOCK x2"_s);
    // h1's job at 23:15Z on 30 September was 00:15 on 1 October in London.
    EXPECT_EQ(row(u"homes_secured"_s, "h1").at(4), u"2024-10-01"_s);
    EXPECT_EQ(row(u"homes_secured"_s, "h1").at(3), u"LIGHT x2; TLOCK x1"_s);
    EXPECT_EQ(row(u"homes_secured"_s, "h6").at(3), QString());
}

TEST_F(QuarterlyReturnTest, NeighbouringQuartersTakeTheBoundaryRows)
{
    // Q2 (Jul-Sep, BST): h2's visit at 23:30 and its job at 23:45 on 30 September.
    const auto q2 = QuarterlyReturn::compute(m_database, FinancialPeriod::quarter(2024, 2), kNow);
    ASSERT_TRUE(q2.ok());
    EXPECT_EQ(q2->figure(u"households_visited"_s)->households, ids({"h2"}));
    EXPECT_EQ(q2->figure(u"homes_secured"_s)->households, ids({"h2"}));
    EXPECT_EQ(q2->figure(u"items_fitted.ALARM"_s)->value, 3);
    EXPECT_EQ(q2->figure(u"homes_secured_to_date"_s)->households, ids({"h2", "h7"}));
    // Q4 (Jan-Mar, GMT): h4's visit at 00:00 and its job at 00:05 on 1 January.
    const auto q4 = QuarterlyReturn::compute(m_database, FinancialPeriod::quarter(2024, 4), kNow);
    ASSERT_TRUE(q4.ok());
    EXPECT_EQ(q4->figure(u"households_visited"_s)->households, ids({"h4"}));
    EXPECT_EQ(q4->figure(u"homes_secured"_s)->households, ids({"h4"}));
    EXPECT_EQ(q4->figure(u"spend_pence"_s)->value, 12500);
    EXPECT_EQ(q4->figure(u"homes_secured_to_date"_s)->value, 6);
}

TEST_F(QuarterlyReturnTest, JsonFollowsTheContract)
{
    const QuarterlyReturn r = q3();
    const QJsonObject json = QJsonDocument::fromJson(r.toJsonBytes()).object();
    EXPECT_EQ(json.value(u"period").toString(), u"2024/25-Q3"_s);
    EXPECT_EQ(json.value(u"from").toString(), u"2024-10-01"_s);
    EXPECT_EQ(json.value(u"to").toString(), u"2024-12-31"_s);
    const QJsonArray figures = json.value(u"figures").toArray();
    ASSERT_EQ(figures.size(), 11);
    const QJsonObject spend = figures.at(8).toObject();
    EXPECT_EQ(spend.value(u"key").toString(), u"spend_pence"_s);
    EXPECT_EQ(spend.value(u"value").toInteger(), 7000);
    EXPECT_EQ(spend.value(u"households").toArray().size(), 3);
    EXPECT_TRUE(spend.contains(u"label"));
    EXPECT_EQ(json.value(u"scheme").toString(), u"Melton Town Centre and Oadby and Wigston"_s);
}

TEST_F(QuarterlyReturnTest, ForecastBelowTheAllocationIsFlagged)
{
    const QuarterlyReturn r = q3();
    ASSERT_TRUE(r.forecast.has_value());
    const SpendForecast &f = *r.forecast;
    EXPECT_EQ(f.year.name(), u"2024/25"_s);
    EXPECT_EQ(f.asOf, QDate(2024, 12, 31));
    EXPECT_EQ(f.daysElapsed, 275);
    EXPECT_EQ(f.dayCount, 365);
    EXPECT_EQ(f.scheme.spentPence, 16500);
    EXPECT_EQ(f.scheme.forecastPence, 21900);
    EXPECT_EQ(f.scheme.budgetPence(), 30000);
    EXPECT_EQ(f.scheme.outlook, SpendForecast::Outlook::Underspend);
    EXPECT_TRUE(f.scheme.flagged());
    ASSERT_EQ(f.byArea.size(), 2);
    EXPECT_EQ(f.byArea[0].areaName, u"Melton Town Centre"_s);
    EXPECT_EQ(f.byArea[0].spentPence, 12000);
    EXPECT_EQ(f.byArea[0].forecastPence, 15927);
    EXPECT_TRUE(f.byArea[0].flagged());
    EXPECT_EQ(f.byArea[1].spentPence, 4500);
    EXPECT_EQ(f.byArea[1].outlook, SpendForecast::Outlook::NoBudget);
    const QJsonObject budget = r.toJson().value(u"budget").toObject();
    EXPECT_EQ(budget.value(u"forecast_pence").toInteger(), 21900);
    EXPECT_EQ(budget.value(u"outlook").toString(), u"underspend"_s);
    EXPECT_TRUE(budget.value(u"flagged").toBool());

    EXPECT_EQ(SpendForecast::project(100, 1, 3), 300);
    EXPECT_EQ(SpendForecast::project(1, 2, 3), 2); // 1.5 rounds half up
    EXPECT_EQ(SpendForecast::project(500, 365, 365), 500);
    EXPECT_EQ(SpendForecast::judge(30000, 30000, true), SpendForecast::Outlook::OnTrack);
    EXPECT_EQ(SpendForecast::judge(30001, 30000, true), SpendForecast::Outlook::Overspend);
}

TEST_F(QuarterlyReturnTest, AFailedReadIsAFailureNeverZeros)
{
    exec(u"DROP INDEX job_completed"_s);
    exec(u"ALTER TABLE job RENAME TO job_gone"_s);
    const auto r = QuarterlyReturn::compute(m_database, FinancialPeriod::quarter(2024, 3), kNow);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, Error::Kind::Database);
    EXPECT_TRUE(r.errorString().contains(u"job"_s)) << r.errorString().toStdString();
}
