// DESIGN.md §3 (funnel, offered, take_up_rate, secured) and §4 (`report progress` JSON).

#include "clitestsupport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

using CliReport = CliTest;

namespace {

const QStringList kStatuses {u"identified"_s,   u"contacted"_s,   u"surveyed"_s,    u"accepted"_s,
                             u"scheduled"_s,    u"installed"_s,   u"followed_up"_s, u"declined"_s,
                             u"not_eligible"_s, u"unreachable"_s, u"moved_away"_s};

void expectShape(const QJsonObject &report)
{
    for (const QString &key : {u"households"_s, u"offered"_s, u"accepted"_s, u"take_up_rate"_s,
                               u"secured"_s, u"target"_s}) {
        EXPECT_TRUE(report.value(key).isDouble()) << key.toStdString() << " is a number";
    }
    ASSERT_TRUE(report.value(u"by_status"_s).isObject());
    const QJsonObject byStatus = report.value(u"by_status"_s).toObject();
    for (const QString &status : kStatuses)
        EXPECT_TRUE(byStatus.value(status).isDouble()) << status.toStdString() << " missing";
    for (const QString &key : byStatus.keys())
        EXPECT_TRUE(kStatuses.contains(key)) << "not a contract status: " << key.toStdString();
    ASSERT_TRUE(report.value(u"by_area"_s).isArray());
    int targets = 0;
    for (const QJsonValue &value : report.value(u"by_area"_s).toArray()) {
        const QJsonObject area = value.toObject();
        EXPECT_TRUE(area.value(u"area"_s).isString());
        EXPECT_TRUE(area.value(u"households"_s).isDouble());
        EXPECT_TRUE(area.value(u"secured"_s).isDouble());
        EXPECT_TRUE(area.value(u"target"_s).isDouble());
        targets += area.value(u"target"_s).toInt();
    }
    EXPECT_EQ(report.value(u"target"_s).toInt(), targets) << "target is the areas' targets";
}

QJsonObject areaNamed(const QJsonObject &report, const QString &name)
{
    for (const QJsonValue &value : report.value(u"by_area"_s).toArray()) {
        if (value.toObject().value(u"area"_s).toString() == name)
            return value.toObject();
    }
    ADD_FAILURE() << "no by_area entry for " << name.toStdString();
    return {};
}

} // namespace

TEST_F(CliReport, EmptyDatabase)
{
    ASSERT_EQ(cli({u"init"_s}).exitCode, 0);
    const QJsonObject report = progress();
    expectShape(report);
    EXPECT_EQ(report.value(u"households"_s).toInt(), 0);
    for (const QString &status : kStatuses)
        EXPECT_EQ(report.value(u"by_status"_s).toObject().value(status).toInt(), 0);
    EXPECT_EQ(report.value(u"offered"_s).toInt(), 0);
    EXPECT_EQ(report.value(u"accepted"_s).toInt(), 0);
    EXPECT_EQ(report.value(u"take_up_rate"_s).toDouble(), 0.0);
    EXPECT_EQ(report.value(u"secured"_s).toInt(), 0);
}

TEST_F(CliReport, FunnelFiguresFollowTheDefinitions)
{
    importOk(dbPath(), dataFile(u"statuses.csv"_s));
    const CliResult result = cli({u"report"_s, u"progress"_s});
    ASSERT_EQ(result.exitCode, 0) << result;
    const QJsonObject report = result.json();
    expectShape(report);

    EXPECT_EQ(report.value(u"households"_s).toInt(), 17);
    const QJsonObject byStatus = report.value(u"by_status"_s).toObject();
    const QList<std::pair<QString, int>> expected {
        {u"identified"_s, 3},   {u"contacted"_s, 2},   {u"surveyed"_s, 1},    {u"accepted"_s, 2},
        {u"scheduled"_s, 1},    {u"installed"_s, 2},   {u"followed_up"_s, 1}, {u"declined"_s, 2},
        {u"not_eligible"_s, 1}, {u"unreachable"_s, 1}, {u"moved_away"_s, 1}};
    for (const auto &[status, n] : expected)
        EXPECT_EQ(byStatus.value(status).toInt(), n) << status.toStdString();

    // offered = accepted or beyond (2+1+2+1) + declined (2)
    EXPECT_EQ(report.value(u"offered"_s).toInt(), 8);
    // accepted = accepted or beyond
    EXPECT_EQ(report.value(u"accepted"_s).toInt(), 6);
    EXPECT_DOUBLE_EQ(report.value(u"take_up_rate"_s).toDouble(), 6.0 / 8.0);
    // secured = installed + followed_up
    EXPECT_EQ(report.value(u"secured"_s).toInt(), 3);

    const QJsonObject melton = areaNamed(report, u"Melton Town Centre"_s);
    EXPECT_EQ(melton.value(u"households"_s).toInt(), 9);
    EXPECT_EQ(melton.value(u"secured"_s).toInt(), 2);
    const QJsonObject oadby = areaNamed(report, u"Oadby and Wigston"_s);
    EXPECT_EQ(oadby.value(u"households"_s).toInt(), 8);
    EXPECT_EQ(oadby.value(u"secured"_s).toInt(), 1);
}

TEST_F(CliReport, TargetsComeFromTheAreas)
{
    importOk(dbPath(), dataFile(u"statuses.csv"_s));
    // Targets are set by an admin (a later issue); write them straight into the §3 area table.
    ASSERT_TRUE(query(dbPath(),
                      u"UPDATE area SET target_homes = CASE name "
                      "WHEN 'Melton Town Centre' THEN 150 WHEN 'Oadby and Wigston' THEN 110 "
                      "ELSE target_homes END"_s,
                      true));
    const QJsonObject report = progress();
    expectShape(report);
    EXPECT_EQ(report.value(u"target"_s).toInt(), 260);
    EXPECT_EQ(areaNamed(report, u"Melton Town Centre"_s).value(u"target"_s).toInt(), 150);
    EXPECT_EQ(areaNamed(report, u"Oadby and Wigston"_s).value(u"target"_s).toInt(), 110);
}

TEST_F(CliReport, TakeUpRateIsZeroWhenNothingWasOffered)
{
    importOk(dbPath(),
             writeFile(u"early.csv"_s,
                       "address_line1,postcode,status,area\n"
                       "1 A Road,LE13 1AB,identified,Melton Town Centre\n"
                       "2 A Road,LE13 1AB,contacted,Melton Town Centre\n"
                       "3 A Road,LE13 1AB,surveyed,Melton Town Centre\n"
                       "4 A Road,LE13 1AB,unreachable,Melton Town Centre\n"));
    const QJsonObject report = progress();
    expectShape(report);
    EXPECT_EQ(report.value(u"households"_s).toInt(), 4);
    EXPECT_EQ(report.value(u"offered"_s).toInt(), 0);
    EXPECT_EQ(report.value(u"accepted"_s).toInt(), 0);
    EXPECT_EQ(report.value(u"take_up_rate"_s).toDouble(), 0.0);
    EXPECT_EQ(report.value(u"secured"_s).toInt(), 0);
}

TEST_F(CliReport, DeclinedCountsAsOfferedButNotTakenUp)
{
    importOk(dbPath(),
             writeFile(u"declined.csv"_s,
                       "address_line1,postcode,status\n"
                       "1 A Road,LE13 1AB,declined\n"
                       "2 A Road,LE13 1AB,declined\n"
                       "3 A Road,LE13 1AB,followed_up\n"));
    const QJsonObject report = progress();
    EXPECT_EQ(report.value(u"offered"_s).toInt(), 3);
    EXPECT_EQ(report.value(u"accepted"_s).toInt(), 1);
    EXPECT_DOUBLE_EQ(report.value(u"take_up_rate"_s).toDouble(), 1.0 / 3.0);
    EXPECT_EQ(report.value(u"secured"_s).toInt(), 1);
}

TEST_F(CliReport, WithoutJsonAReadableReportIsPrinted)
{
    importOk(dbPath(), dataFile(u"statuses.csv"_s));
    const CliResult result = cliText({u"report"_s, u"progress"_s});
    EXPECT_EQ(result.exitCode, 0) << result;
    EXPECT_TRUE(QString::fromUtf8(result.out + result.err).contains(u"17"_s)) << result;
}
