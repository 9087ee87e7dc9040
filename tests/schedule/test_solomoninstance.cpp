// The Solomon reader: the benchmark's files, and malformed files refused with the line named.

#include "schedule/solomoninstance.h"

#include <gtest/gtest.h>

using namespace saferhomes;

namespace {

const QByteArray kTiny
    = "TINY\n"
      "\n"
      "VEHICLE\n"
      "NUMBER     CAPACITY\n"
      "  2         10\n"
      "\n"
      "CUSTOMER\n"
      "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n"
      "\n"
      "    0      0         0          0          0       100          0\n"
      "    1      3         4          5         10        50         10\n"
      "    2      6         8          5          0        90          5\n";

QString errorOf(const QByteArray &text)
{
    const Result<SolomonInstance> parsed = SolomonInstance::parse(text, QStringLiteral("x.txt"));
    return parsed ? QString() : parsed.errorString();
}

} // namespace

TEST(SolomonInstance, ReadsTheFormat)
{
    const Result<SolomonInstance> parsed = SolomonInstance::parse(kTiny, QStringLiteral("x"));
    ASSERT_TRUE(parsed) << parsed.errorString().toStdString();
    EXPECT_EQ(parsed->name, QStringLiteral("TINY"));
    EXPECT_EQ(parsed->vehicles, 2);
    EXPECT_EQ(parsed->capacity, 10);
    ASSERT_EQ(parsed->customers.size(), 2u);
    EXPECT_EQ(parsed->customers[1].number, 2);
    EXPECT_EQ(parsed->customers[1].service, 5);
    const RoutingProblem problem = parsed->toProblem();
    EXPECT_EQ(problem.vehicles.size(), 2u);
    EXPECT_DOUBLE_EQ(problem.travel->distance(0, 1), 5.0);
    EXPECT_DOUBLE_EQ(problem.travel->travelTime(1, 2), 5.0);
    const Status valid = problem.validate();
    EXPECT_TRUE(valid) << qPrintable(valid.errorString());
}

TEST(SolomonInstance, ReadsCrLfFiles)
{
    QByteArray crlf = kTiny;
    crlf.replace("\n", "\r\n");
    EXPECT_TRUE(errorOf(crlf).isEmpty()) << errorOf(crlf).toStdString();
    const Result<SolomonInstance> file
        = SolomonInstance::read(QStringLiteral(SAFERHOMES_TEST_DATA_DIR "/solomon/RC201-25.txt"));
    ASSERT_TRUE(file) << file.errorString().toStdString();
    EXPECT_EQ(file->customers.size(), 25u);
    EXPECT_EQ(file->vehicles, 25);
    EXPECT_EQ(file->capacity, 1000);
}

TEST(SolomonInstance, MalformedFilesNameTheLine)
{
    QByteArray shortRow = kTiny;
    shortRow.replace("    2      6         8          5          0        90          5\n",
                     "    2      6         8          5          0        90\n");
    EXPECT_TRUE(errorOf(shortRow).startsWith(QStringLiteral("x.txt line 12:")))
        << errorOf(shortRow).toStdString();

    QByteArray word = kTiny;
    word.replace("  2         10\n", "  two       10\n");
    EXPECT_TRUE(errorOf(word).startsWith(QStringLiteral("x.txt line 5:")))
        << errorOf(word).toStdString();

    QByteArray backwards = kTiny;
    backwards.replace("10        50", "60        50");
    EXPECT_TRUE(errorOf(backwards).startsWith(QStringLiteral("x.txt line 11:")))
        << errorOf(backwards).toStdString();

    QByteArray twice = kTiny;
    twice.replace("    2      6", "    1      6");
    EXPECT_TRUE(errorOf(twice).startsWith(QStringLiteral("x.txt line 12:")))
        << errorOf(twice).toStdString();

    QByteArray noVehicles = kTiny;
    noVehicles.replace("VEHICLE\n", "VEHICLES?\n");
    EXPECT_TRUE(errorOf(noVehicles).startsWith(QStringLiteral("x.txt line 3:")))
        << errorOf(noVehicles).toStdString();

    EXPECT_TRUE(errorOf("").startsWith(QStringLiteral("x.txt line 1:")));
    EXPECT_FALSE(SolomonInstance::read(QStringLiteral("/nonexistent/file.txt")));
}
