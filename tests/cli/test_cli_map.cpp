// `map render` (DESIGN §9): the map as a PNG, for an area or a fitter's day, with or without
// an MBTiles basemap; usage and file errors are exit 2, an unknown fitter exit 1.
#include "clitestsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QtEndian>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

namespace {

/// The width and height in a PNG's IHDR chunk (bytes 16..23, big-endian), read without Qt Gui.
std::pair<int, int> pngSize(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {-1, -1};
    const QByteArray head = file.read(24);
    if (head.size() < 24 || !head.startsWith("\x89PNG\r\n\x1a\n") || head.mid(12, 4) != "IHDR")
        return {-1, -1};
    return {int(qFromBigEndian<quint32>(head.constData() + 16)),
            int(qFromBigEndian<quint32>(head.constData() + 20))};
}

class CliMapTest : public CliTest {
protected:
    void SetUp() override
    {
        CliTest::SetUp();
        ASSERT_EQ(cli({u"init"_s}).exitCode, 0);
        const CliResult added
            = cli({u"fitters"_s, u"add"_s, u"--name"_s, u"Mo Rahman"_s, u"--skills"_s, u"locks"_s,
                   u"--shift"_s, u"08:00-16:30"_s, u"--start"_s, u"52.7600,-0.8900"_s});
        ASSERT_EQ(added.exitCode, 0) << added;
        m_fitter = added.json()[u"fitters"_s].toArray().at(0)[u"id"_s].toString();
        sql(u"INSERT INTO area (id, name, created_at) VALUES "
            "('00000000-0000-4000-8000-000000000901', 'Melton', 'x'), "
            "('00000000-0000-4000-8000-000000000902', 'Oadby', 'x')"_s);
        // Four households in Melton (one without a position), two in Oadby.
        addHousehold(1, "901", "52.764", "-0.884");
        addHousehold(2, "901", "52.768", "-0.878");
        addHousehold(3, "901", "52.772", "-0.872");
        addHousehold(4, "901", "NULL", "NULL");
        addHousehold(5, "902", "52.589", "-1.089");
        addHousehold(6, "902", "52.590", "-1.088");
        // The fitter's day: two jobs and a cancelled one.
        addJob(1, 1, "2026-12-09T11:00:00.000Z", "scheduled");
        addJob(2, 2, "2026-12-09T09:00:00.000Z", "scheduled");
        addJob(3, 3, "2026-12-09T14:00:00.000Z", "cancelled");
    }

    void sql(const QString &statement)
    {
        ASSERT_TRUE(query(dbPath(), statement, true)) << statement.toStdString();
    }

    void addHousehold(int n, const char *area, const char *lat, const char *lon)
    {
        sql(u"INSERT INTO household (id, address_line1, postcode, area_id, status, latitude, "
            "longitude, created_at, updated_at) VALUES ('00000000-0000-4000-8000-%1', "
            "'%2 Test Road', 'LE13 1AB', '00000000-0000-4000-8000-000000000%3', 'scheduled', "
            "%4, %5, 'x', 'x')"_s.arg(n, 12, 10, QChar(u'0'))
                .arg(n)
                .arg(QString::fromLatin1(area), QString::fromLatin1(lat),
                     QString::fromLatin1(lon)));
    }

    void addJob(int n, int household, const char *start, const char *status)
    {
        sql(u"INSERT INTO job (id, household_id, fitter_id, status, scheduled_start, "
            "scheduled_end, created_at, duration_minutes) VALUES "
            "('00000000-0000-4000-8000-%1', '00000000-0000-4000-8000-%2', '%3', '%4', '%5', "
            "'%5', 'x', 60)"_s.arg(500 + n, 12, 10, QChar(u'0'))
                .arg(household, 12, 10, QChar(u'0'))
                .arg(m_fitter, QString::fromLatin1(status), QString::fromLatin1(start)));
    }

    QString m_fitter;
};

} // namespace

TEST_F(CliMapTest, RendersEveryHouseholdAndCountsThoseNotOnTheMap)
{
    const QString png = path(u"all.png"_s);
    const CliResult result
        = cli({u"map"_s, u"render"_s, u"--out"_s, png, u"--size"_s, u"320x240"_s});
    ASSERT_EQ(result.exitCode, 0) << result;
    const QJsonObject json = result.json();
    EXPECT_EQ(json[u"households"_s].toInt(), 5);
    EXPECT_EQ(json[u"not_on_map"_s].toInt(), 1);
    EXPECT_EQ(json[u"stops"_s].toInt(), 0);
    EXPECT_EQ(json[u"width"_s].toInt(), 320);
    EXPECT_EQ(json[u"height"_s].toInt(), 240);
    EXPECT_EQ(pngSize(png), std::pair(320, 240));
}

TEST_F(CliMapTest, AnAreaOrAFittersDay)
{
    CliResult result = cli({u"map"_s, u"render"_s, u"--out"_s, path(u"oadby.png"_s), u"--size"_s,
                            u"200x150"_s, u"--area"_s, u"Oadby"_s});
    ASSERT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json()[u"households"_s].toInt(), 2);
    EXPECT_EQ(result.json()[u"not_on_map"_s].toInt(), 0);

    result = cli({u"map"_s, u"render"_s, u"--out"_s, path(u"day.png"_s), u"--size"_s, u"400x300"_s,
                  u"--fitter"_s, m_fitter, u"--date"_s, u"2026-12-09"_s});
    ASSERT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json()[u"stops"_s].toInt(), 2); // the cancelled job is not a stop
    EXPECT_EQ(pngSize(path(u"day.png"_s)), std::pair(400, 300));
}

TEST_F(CliMapTest, UsageAndFileErrors)
{
    const QString out = path(u"x.png"_s);
    EXPECT_EQ(cli({u"map"_s, u"render"_s, u"--out"_s, out}).exitCode, 2);
    EXPECT_EQ(cli({u"map"_s, u"render"_s, u"--out"_s, out, u"--size"_s, u"640"_s}).exitCode, 2);
    EXPECT_EQ(cli({u"map"_s, u"render"_s, u"--out"_s, out, u"--size"_s, u"0x10"_s}).exitCode, 2);
    EXPECT_EQ(cli({u"map"_s, u"render"_s, u"--size"_s, u"64x64"_s}).exitCode, 2);
    EXPECT_EQ(cli({u"map"_s, u"render"_s, u"--out"_s, out, u"--size"_s, u"64x64"_s, u"--area"_s,
                   u"Oadby"_s, u"--fitter"_s, m_fitter, u"--date"_s, u"2026-12-09"_s})
                  .exitCode,
              2);
    EXPECT_EQ(cli({u"map"_s, u"render"_s, u"--out"_s, out, u"--size"_s, u"64x64"_s, u"--fitter"_s,
                   m_fitter})
                  .exitCode,
              2);
    const QString notTiles = writeFile(u"notes.mbtiles"_s, "plain text, not SQLite\n");
    const CliResult bad = cli({u"map"_s, u"render"_s, u"--out"_s, out, u"--size"_s, u"64x64"_s,
                               u"--mbtiles"_s, notTiles});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.errText().contains(u"not an MBTiles file"_s)) << bad;
    EXPECT_FALSE(QFile::exists(out));
    // An unknown fitter: understood, but there is no such fitter.
    EXPECT_EQ(cli({u"map"_s, u"render"_s, u"--out"_s, out, u"--size"_s, u"64x64"_s, u"--fitter"_s,
                   u"00000000-0000-4000-8000-00000000dead"_s, u"--date"_s, u"2026-12-09"_s})
                  .exitCode,
              1);
}
