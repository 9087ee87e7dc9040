// `schedule pin --job ID --to fitter|day|time|none` (issue 12): pins a booked job to its fitter,
// its day or its exact time, or unpins it, and prints {"job", "pin"}; exit 1 for a job that is
// not booked or not there, 2 for bad options (DESIGN §4's conventions). An exact-time pin keeps
// `pinned` set, as devices wrote it before pin kinds.

#include "clitestsupport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

namespace {

QString uuid(int n)
{
    return u"00000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QLatin1Char('0'));
}

class CliSchedulePin : public CliTest {
protected:
    void SetUp() override
    {
        CliTest::SetUp();
        ASSERT_EQ(cli({u"init"_s}).exitCode, 0);
        const CliResult added
            = cli({u"fitters"_s, u"add"_s, u"--name"_s, u"Ann"_s, u"--skills"_s, u"locks"_s,
                   u"--shift"_s, u"08:00-16:30"_s, u"--start"_s, u"52.766,-0.886"_s});
        ASSERT_EQ(added.exitCode, 0) << added;
        const QString fitter = cli({u"fitters"_s, u"list"_s})
                                   .json()
                                   .value(u"fitters"_s)
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(u"id"_s)
                                   .toString();
        ASSERT_FALSE(fitter.isEmpty());
        for (int n : {1, 2}) {
            sql(u"INSERT INTO household (id, address_line1, postcode, status, created_at, "
                "updated_at) VALUES ('%1', '%2 Pin Street', 'LE13 1XJ', 'scheduled', 'x', 'x')"_s
                    .arg(uuid(n + 100))
                    .arg(n));
        }
        // Job 1 booked on Ann on Monday 7 December 2026 at 09:00; job 2 in the tray.
        sql(u"INSERT INTO job (id, household_id, status, created_at, duration_minutes, "
            "fitter_id, scheduled_start, scheduled_end) VALUES ('%1', '%2', 'scheduled', 'x', "
            "60, '%3', '2026-12-07T09:00:00.000Z', '2026-12-07T10:00:00.000Z')"_s.arg(
                uuid(1), uuid(101), fitter));
        sql(u"INSERT INTO job (id, household_id, status, created_at, duration_minutes) VALUES "
            "('%1', '%2', 'unscheduled', 'x', 60)"_s.arg(uuid(2), uuid(102)));
    }

    void sql(const QString &statement) { ASSERT_TRUE(query(dbPath(), statement, true)); }

    /// pin_kind|pinned|scheduled_start of job n.
    QString pinOf(int n)
    {
        const auto rows = query(
            dbPath(),
            u"SELECT pin_kind || '|' || pinned || '|' || coalesce(scheduled_start, '') FROM job "
            "WHERE id = '%1'"_s.arg(uuid(n)));
        return rows && !rows->isEmpty() ? rows->constFirst().value(0).toString() : QString();
    }
};

} // namespace

TEST_F(CliSchedulePin, PinsABookedJobToEachKindAndUnpinsIt)
{
    for (const auto &[kind, stored] :
         {std::pair {u"day"_s, u"day|0"_s}, std::pair {u"fitter"_s, u"fitter|0"_s},
          std::pair {u"time"_s, u"time|1"_s}, std::pair {u"none"_s, u"none|0"_s}}) {
        const CliResult pinned
            = cli({u"schedule"_s, u"pin"_s, u"--job"_s, uuid(1), u"--to"_s, kind});
        ASSERT_EQ(pinned.exitCode, 0) << pinned;
        EXPECT_EQ(pinned.json(), (QJsonObject {{u"job"_s, uuid(1)}, {u"pin"_s, kind}}));
        EXPECT_EQ(pinOf(1), stored + u"|2026-12-07T09:00:00.000Z"_s);
    }
    // Without --json, a sentence on stdout.
    const CliResult text
        = cliText({u"schedule"_s, u"pin"_s, u"--job"_s, uuid(1), u"--to"_s, u"day"_s});
    ASSERT_EQ(text.exitCode, 0) << text;
    EXPECT_TRUE(QString::fromUtf8(text.out).contains(u"pinned to its day"_s)) << text;
}

TEST_F(CliSchedulePin, RefusesAJobThatIsNotBookedAndBadOptions)
{
    const CliResult tray = cli({u"schedule"_s, u"pin"_s, u"--job"_s, uuid(2), u"--to"_s, u"day"_s});
    EXPECT_EQ(tray.exitCode, 1) << tray;
    EXPECT_TRUE(tray.errText().contains(u"not booked"_s)) << tray;
    EXPECT_EQ(pinOf(2), u"none|0|"_s);
    const CliResult missing
        = cli({u"schedule"_s, u"pin"_s, u"--job"_s, uuid(9), u"--to"_s, u"time"_s});
    EXPECT_EQ(missing.exitCode, 1) << missing;
    const CliResult kind
        = cli({u"schedule"_s, u"pin"_s, u"--job"_s, uuid(1), u"--to"_s, u"week"_s});
    EXPECT_EQ(kind.exitCode, 2) << kind;
    EXPECT_TRUE(kind.errText().contains(u"fitter|day|time|none"_s)) << kind;
    const CliResult noJob = cli({u"schedule"_s, u"pin"_s, u"--to"_s, u"day"_s});
    EXPECT_EQ(noJob.exitCode, 2) << noJob;
    EXPECT_EQ(pinOf(1), u"none|0|2026-12-07T09:00:00.000Z"_s);
}
