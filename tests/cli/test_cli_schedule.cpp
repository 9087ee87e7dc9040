// DESIGN.md §4: `schedule solve-vrptw FILE [--time-limit S] [--seed N] [--objective
// distance|vehicles]` prints {"distance", "vehicles", "routes"}; exit 2 for a malformed file
// (the line named), 1 for customers no route can serve (listed). Solutions are checked by the
// independent checker in tests/schedule/vrptwchecker.h.

#include "../schedule/vrptwchecker.h"
#include "clitestsupport.h"

#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

using CliSchedule = CliTest;

namespace {

const QString kR101 = QStringLiteral(SAFERHOMES_TEST_DATA_DIR "/solomon/R101-25.txt");

/// A tiny instance: the depot and \a rows (number x y demand ready due service).
QByteArray tinyInstance(const QByteArray &rows)
{
    return "TINY\n\nVEHICLE\nNUMBER     CAPACITY\n  3         50\n\nCUSTOMER\n"
           "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n\n"
           "    0      0     0     0      0   1000     0\n"
        + rows;
}

const QByteArray kSix = "    1     10     0     10     0   1000    10\n"
                        "    2     20     0     10     0   1000    10\n"
                        "    3      0    10     10     0   1000    10\n"
                        "    4      0    25     10     0   1000    10\n"
                        "    5    -12     0     10     0   1000    10\n"
                        "    6      0   -30     10     0   1000    10\n";

std::vector<std::vector<int>> routesOf(const QJsonObject &json)
{
    std::vector<std::vector<int>> routes;
    for (const QJsonValue &route : json.value(u"routes"_s).toArray()) {
        std::vector<int> numbers;
        for (const QJsonValue &number : route.toArray())
            numbers.push_back(number.toInt());
        routes.push_back(numbers);
    }
    return routes;
}

} // namespace

TEST_F(CliSchedule, SolvesA25CustomerInstance)
{
    const CliResult result = cli({u"schedule"_s, u"solve-vrptw"_s, kR101, u"--time-limit"_s,
                                  u"1"_s, u"--seed"_s, u"3"_s});
    ASSERT_EQ(result.exitCode, 0) << result;
    const QJsonObject json = result.json();
    EXPECT_EQ(json.keys(), QStringList({u"distance"_s, u"routes"_s, u"vehicles"_s})) << result;
    ASSERT_TRUE(json.value(u"distance"_s).isDouble()) << result;
    const std::vector<std::vector<int>> routes = routesOf(json);
    const vrptwcheck::Verdict verdict = vrptwcheck::check(vrptwcheck::read(kR101.toStdString()),
                                                          routes);
    EXPECT_TRUE(verdict.feasible) << verdict.problem << '\n' << result;
    EXPECT_NEAR(json.value(u"distance"_s).toDouble(), verdict.distance, 1e-6) << result;
    EXPECT_EQ(json.value(u"vehicles"_s).toInt(), int(routes.size())) << result;
    // Solomon's optimum: 617.1 with one-decimal distances (618.33 in double precision).
    EXPECT_LT(verdict.distance, 617.1 * 1.03) << result;
    EXPECT_FALSE(QFileInfo::exists(dbPath())) << "solve-vrptw must not create a database";
}

TEST_F(CliSchedule, VehiclesObjective)
{
    const CliResult result = cli({u"schedule"_s, u"solve-vrptw"_s, kR101, u"--time-limit=1"_s,
                                  u"--objective"_s, u"vehicles"_s});
    ASSERT_EQ(result.exitCode, 0) << result;
    const std::vector<std::vector<int>> routes = routesOf(result.json());
    const vrptwcheck::Verdict verdict = vrptwcheck::check(vrptwcheck::read(kR101.toStdString()),
                                                          routes);
    EXPECT_TRUE(verdict.feasible) << verdict.problem << '\n' << result;
    // The distance-optimal solution uses 8 vehicles, so the fewest is at most 8.
    EXPECT_LE(routes.size(), 8u) << result;
}

TEST_F(CliSchedule, SameSeedSameAnswer)
{
    const QString file = writeFile(u"six.txt"_s, tinyInstance(kSix));
    const QStringList arguments {u"schedule"_s, u"solve-vrptw"_s, file, u"--time-limit"_s,
                                 u"0.5"_s, u"--seed"_s, u"42"_s};
    const CliResult first = cli(arguments);
    const CliResult second = cli(arguments);
    ASSERT_EQ(first.exitCode, 0) << first;
    EXPECT_EQ(first.out, second.out) << first << second;
    const vrptwcheck::Verdict verdict
        = vrptwcheck::check(vrptwcheck::parse(tinyInstance(kSix).toStdString()),
                            routesOf(first.json()));
    EXPECT_TRUE(verdict.feasible) << verdict.problem;
}

TEST_F(CliSchedule, MalformedFileNamesTheLine)
{
    QByteArray rows = kSix;
    rows.replace("    4      0    25     10     0   1000    10\n", "    4      0    25     ten\n");
    const QString file = writeFile(u"bad.txt"_s, tinyInstance(rows));
    const CliResult result = cli({u"schedule"_s, u"solve-vrptw"_s, file});
    EXPECT_EQ(result.exitCode, 2) << result;
    // Line 14: ten lines up to the depot, then the fourth customer.
    EXPECT_TRUE(result.errText().contains(u"line 14"_s)) << result;
    EXPECT_FALSE(result.json().value(u"error"_s).toString().isEmpty()) << result;
    EXPECT_FALSE(result.json().contains(u"distance"_s)) << result;
}

TEST_F(CliSchedule, MissingFileIsAFileError)
{
    const CliResult result = cli({u"schedule"_s, u"solve-vrptw"_s, path(u"none.txt"_s)});
    EXPECT_EQ(result.exitCode, 2) << result;
}

TEST_F(CliSchedule, UnservableCustomersAreListed)
{
    // Customer 7 opens after the depot closes; customer 8 needs more than a vehicle carries.
    const QString file = writeFile(
        u"unservable.txt"_s, tinyInstance(kSix + "    7     5     5     10   2000   2100    10\n"
                                                 "    8     5     0     60     0   1000    10\n"));
    const CliResult result = cli({u"schedule"_s, u"solve-vrptw"_s, file});
    EXPECT_EQ(result.exitCode, 1) << result;
    const QJsonArray listed = result.json().value(u"unservable"_s).toArray();
    ASSERT_EQ(listed.size(), 2) << result;
    EXPECT_EQ(listed[0].toObject().value(u"customer"_s).toInt(), 7) << result;
    EXPECT_EQ(listed[1].toObject().value(u"customer"_s).toInt(), 8) << result;
    EXPECT_EQ(listed[1].toObject().value(u"reason"_s).toString(), u"capacity"_s) << result;
    EXPECT_TRUE(result.errText().contains(u"7"_s) && result.errText().contains(u"8"_s))
        << result;
    EXPECT_FALSE(result.json().contains(u"distance"_s)) << result;
}

TEST_F(CliSchedule, BadOptionsAreUsageErrors)
{
    const QString file = writeFile(u"six.txt"_s, tinyInstance(kSix));
    for (const QStringList &options :
         {QStringList {u"--time-limit"_s, u"0"_s}, QStringList {u"--time-limit"_s, u"soon"_s},
          QStringList {u"--objective"_s, u"cost"_s}, QStringList {u"--seed"_s, u"-1"_s}}) {
        const CliResult result = cli(QStringList {u"schedule"_s, u"solve-vrptw"_s, file} + options);
        EXPECT_EQ(result.exitCode, 2) << result;
    }
}

TEST_F(CliSchedule, TextOutputWithoutJson)
{
    const QString file = writeFile(u"six.txt"_s, tinyInstance(kSix));
    const CliResult result
        = cliText({u"schedule"_s, u"solve-vrptw"_s, file, u"--time-limit"_s, u"0.3"_s});
    EXPECT_EQ(result.exitCode, 0) << result;
    EXPECT_TRUE(QString::fromUtf8(result.out).startsWith(u"TINY: "_s)) << result;
}
