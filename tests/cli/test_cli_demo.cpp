// DESIGN.md §4: `demo [--households N] [--seed S]` writes deterministic demo data across
// Melton Town Centre and Oadby and Wigston, in every funnel status.

#include "clitestsupport.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

using CliDemo = CliTest;

namespace {

const QStringList kStatuses {u"identified"_s,   u"contacted"_s,   u"surveyed"_s,    u"accepted"_s,
                             u"scheduled"_s,    u"installed"_s,   u"followed_up"_s, u"declined"_s,
                             u"not_eligible"_s, u"unreachable"_s, u"moved_away"_s};

} // namespace

TEST_F(CliDemo, SameSeedGivesTheSameHouseholds)
{
    const QString first = dbPath(u"first.sqlite"_s);
    const QString second = dbPath(u"second.sqlite"_s);
    const QStringList demo {u"demo"_s, u"--households"_s, u"50"_s, u"--seed"_s, u"7"_s};
    const CliResult one = cliOn(first, demo);
    ASSERT_EQ(one.exitCode, 0) << one;
    EXPECT_TRUE(one.jsonOrNull().has_value()) << one;
    const CliResult two = cliOn(second, demo);
    ASSERT_EQ(two.exitCode, 0) << two;
    EXPECT_EQ(count(first), 50);
    EXPECT_EQ(count(second), 50);

    // Ids may be made fresh on each run; everything else must be the same.
    const CsvTable a = exportTable(first).without(u"id"_s);
    const CsvTable b = exportTable(second).without(u"id"_s);
    ASSERT_EQ(a.rows.size(), 50);
    EXPECT_EQ(a, b);
    EXPECT_EQ(progress(first), progress(second));
}

TEST_F(CliDemo, AnotherSeedGivesOtherHouseholds)
{
    const QString seven = dbPath(u"seven.sqlite"_s);
    const QString eight = dbPath(u"eight.sqlite"_s);
    ASSERT_EQ(cliOn(seven, {u"demo"_s, u"--households"_s, u"50"_s, u"--seed"_s, u"7"_s}).exitCode,
              0);
    ASSERT_EQ(cliOn(eight, {u"demo"_s, u"--households"_s, u"50"_s, u"--seed"_s, u"8"_s}).exitCode,
              0);
    EXPECT_NE(exportTable(seven).without(u"id"_s), exportTable(eight).without(u"id"_s));
}

TEST_F(CliDemo, DefaultIs300HouseholdsInEveryStatusAcrossBothAreas)
{
    const CliResult result = cli({u"demo"_s});
    ASSERT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(count(), 300);

    const QJsonObject report = progress();
    EXPECT_EQ(report.value(u"households"_s).toInt(), 300);
    const QJsonObject byStatus = report.value(u"by_status"_s).toObject();
    int total = 0;
    for (const QString &status : kStatuses) {
        EXPECT_GT(byStatus.value(status).toInt(), 0) << status.toStdString();
        total += byStatus.value(status).toInt();
    }
    EXPECT_EQ(total, 300);
    EXPECT_GT(report.value(u"take_up_rate"_s).toDouble(), 0.0);
    EXPECT_LE(report.value(u"take_up_rate"_s).toDouble(), 1.0);

    int inNamedAreas = 0;
    QStringList names;
    for (const QJsonValue &value : report.value(u"by_area"_s).toArray()) {
        const QJsonObject area = value.toObject();
        names.append(area.value(u"area"_s).toString());
        if (names.last() == u"Melton Town Centre"_s || names.last() == u"Oadby and Wigston"_s) {
            EXPECT_GT(area.value(u"households"_s).toInt(), 0);
            inNamedAreas += area.value(u"households"_s).toInt();
        }
    }
    EXPECT_TRUE(names.contains(u"Melton Town Centre"_s)) << names.join(u", "_s).toStdString();
    EXPECT_TRUE(names.contains(u"Oadby and Wigston"_s)) << names.join(u", "_s).toStdString();
    EXPECT_EQ(inNamedAreas, 300) << "every demo household is in one of the two areas";
}

TEST_F(CliDemo, HouseholdsArePlausibleAndRoundTrip)
{
    ASSERT_EQ(cli({u"demo"_s, u"--households"_s, u"120"_s, u"--seed"_s, u"3"_s}).exitCode, 0);
    const QByteArray exported = exportBytes(dbPath(), u"demo.csv"_s);
    const CsvTable table = parseCsv(exported);
    ASSERT_EQ(table.rows.size(), 120);
    static const QRegularExpression postcode(u"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$"_s);
    for (int row = 0; row < table.rows.size(); ++row) {
        EXPECT_FALSE(table.value(row, u"address_line1"_s).trimmed().isEmpty()) << row;
        EXPECT_TRUE(postcode.match(table.value(row, u"postcode"_s)).hasMatch())
            << table.value(row, u"postcode"_s).toStdString();
        const QString lat = table.value(row, u"latitude"_s);
        const QString lon = table.value(row, u"longitude"_s);
        EXPECT_FALSE(lat.isEmpty()) << "demo households have coordinates";
        if (!lat.isEmpty()) {
            // Leicestershire, roughly.
            EXPECT_NEAR(lat.toDouble(), 52.7, 0.3) << lat.toStdString();
            EXPECT_NEAR(lon.toDouble(), -1.0, 0.4) << lon.toStdString();
        }
    }

    const QString copy = dbPath(u"copy.sqlite"_s);
    importOk(copy, path(u"demo.csv"_s));
    EXPECT_EQ(exportBytes(copy, u"copy.csv"_s), exported);
}
