// `jobs sheets` (DESIGN §4, §8): the fitter's day as a PDF, read back with poppler-utils'
// pdfinfo and pdftotext (independent of Qt), page by page.
#include "clitestsupport.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

namespace {

/// Runs a poppler-utils program and returns its stdout; fails the test when it cannot run.
QString poppler(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(30000) || !process.waitForFinished(60000)) {
        ADD_FAILURE() << program.toStdString() << " did not run (poppler-utils installed?)";
        return {};
    }
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

int pageCount(const QString &pdf)
{
    const QRegularExpression pages(u"^Pages:\\s+(\\d+)$"_s, QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = pages.match(poppler(u"pdfinfo"_s, {pdf}));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

/// The text of page \a page (from 1), with runs of spaces made one.
QString pageText(const QString &pdf, int page)
{
    const QString text = poppler(u"pdftotext"_s,
                                 {u"-layout"_s, u"-f"_s, QString::number(page), u"-l"_s,
                                  QString::number(page), pdf, u"-"_s});
    return text.simplified();
}

class CliSheetsTest : public CliTest {
protected:
    void SetUp() override
    {
        CliTest::SetUp();
        ASSERT_EQ(cli({u"init"_s}).exitCode, 0);
        const CliResult added = cli({u"fitters"_s, u"add"_s, u"--name"_s, u"Mo Rahman"_s,
                                     u"--skills"_s, u"locks;alarms"_s, u"--shift"_s,
                                     u"08:00-16:30"_s, u"--start"_s, u"52.7600,-0.8900"_s});
        ASSERT_EQ(added.exitCode, 0) << added;
        m_fitter = added.json()[u"fitters"_s].toArray().at(0)[u"id"_s].toString();
        ASSERT_FALSE(m_fitter.isEmpty());
        sql(u"INSERT INTO area (id, name, created_at) VALUES "
            "('00000000-0000-4000-8000-000000000901', 'Melton Town Centre', 'x')"_s);
        sql(u"INSERT INTO equipment_type (code, name, standard, unit_cost_pence, fit_minutes, "
            "skill) VALUES ('LOCK', 'Five-lever mortice deadlock', 'BS 3621:2007', 3000, 30, "
            "'locks'), ('ALARM', 'Wireless intruder alarm', 'BS EN 50131 grade 2', 9000, 60, "
            "'alarms')"_s);
        // Three households of the day (one of them cancelled), one of another day.
        addJob(1, "12 Thorpe Road", "LE13 1AB", "2026-12-09T11:00:00.000Z",
               "2026-12-09T12:30:00.000Z", "scheduled", "Key with the neighbour at 14");
        addJob(2, "3 Scalford Road", "LE13 1JY", "2026-12-09T09:00:00.000Z",
               "2026-12-09T10:00:00.000Z", "scheduled", "");
        addJob(3, "8 Burton Street", "LE13 1AE", "2026-12-09T14:00:00.000Z",
               "2026-12-09T15:00:00.000Z", "cancelled", "");
        addJob(4, "40 Dalby Road", "LE13 0BG", "2026-12-10T09:00:00.000Z",
               "2026-12-10T10:00:00.000Z", "scheduled", "");
        sql(u"INSERT INTO job_item (id, job_id, equipment_code, qty) VALUES "
            "('00000000-0000-4000-8000-000000000601', '00000000-0000-4000-8000-000000000501', "
            "'LOCK', 2), "
            "('00000000-0000-4000-8000-000000000602', '00000000-0000-4000-8000-000000000501', "
            "'ALARM', 1), "
            "('00000000-0000-4000-8000-000000000603', '00000000-0000-4000-8000-000000000502', "
            "'LOCK', 1)"_s);
        // Only the first household's resident is on this device.
        sql(u"INSERT INTO resident (id, household_id, name, phone, is_primary, created_at) "
            "VALUES ('00000000-0000-4000-8000-000000000701', "
            "'00000000-0000-4000-8000-000000000001', 'Ann Smith', '01632 960001', 1, 'x')"_s);
    }

    void sql(const QString &statement)
    {
        ASSERT_TRUE(query(dbPath(), statement, true)) << statement.toStdString();
    }

    void addJob(int n, const char *address, const char *postcode, const char *start,
                const char *end, const char *status, const char *access)
    {
        const QString household = u"00000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QChar(u'0'));
        const QString job = u"00000000-0000-4000-8000-%1"_s.arg(500 + n, 12, 10, QChar(u'0'));
        sql(u"INSERT INTO household (id, address_line1, postcode, area_id, status, latitude, "
            "longitude, created_at, updated_at) VALUES ('%1', '%2', '%3', "
            "'00000000-0000-4000-8000-000000000901', 'scheduled', %4, %5, 'x', 'x')"_s
                .arg(household, QString::fromUtf8(address), QString::fromUtf8(postcode))
                .arg(52.76 + n * 0.004)
                .arg(-0.89 + n * 0.006));
        sql(u"INSERT INTO job (id, household_id, fitter_id, status, scheduled_start, "
            "scheduled_end, created_at, duration_minutes, access_notes) VALUES ('%1', '%2', "
            "'%3', '%4', '%5', '%6', 'x', 60, '%7')"_s.arg(
                job, household, m_fitter, QString::fromUtf8(status), QString::fromUtf8(start),
                QString::fromUtf8(end), QString::fromUtf8(access)));
    }

    QString m_fitter;
};

} // namespace

TEST_F(CliSheetsTest, ASummaryPageThenAPagePerJobInRouteOrder)
{
    const QString pdf = path(u"day.pdf"_s);
    const CliResult result = cli({u"jobs"_s, u"sheets"_s, u"--fitter"_s, m_fitter, u"--date"_s,
                                  u"2026-12-09"_s, u"--out"_s, pdf});
    ASSERT_EQ(result.exitCode, 0) << result;
    const QJsonObject json = result.json();
    EXPECT_EQ(json[u"jobs"_s].toInt(), 2); // the cancelled job and the next day's are left out
    EXPECT_EQ(json[u"pages"_s].toInt(), 3);
    EXPECT_EQ(json[u"date"_s].toString(), u"2026-12-09"_s);
    ASSERT_EQ(pageCount(pdf), 3);

    const QString summary = pageText(pdf, 1);
    EXPECT_TRUE(summary.contains(u"Mo Rahman"_s)) << summary.toStdString();
    EXPECT_TRUE(summary.contains(u"Wednesday 9 December 2026"_s)) << summary.toStdString();
    // December is GMT: the stored UTC times are the local ones. Route order is by time.
    const qsizetype first = summary.indexOf(u"1 09:00\u201310:00 3 Scalford Road, LE13 1JY"_s);
    const qsizetype second = summary.indexOf(u"2 11:00\u201312:30 12 Thorpe Road, LE13 1AB"_s);
    EXPECT_GE(first, 0) << summary.toStdString();
    EXPECT_GT(second, first) << summary.toStdString();
    EXPECT_FALSE(summary.contains(u"Burton Street"_s));
    EXPECT_FALSE(summary.contains(u"Dalby Road"_s));
    EXPECT_TRUE(summary.contains(u"Start"_s)); // the map marks where the day starts

    const QString scalford = pageText(pdf, 2);
    EXPECT_TRUE(scalford.contains(u"Stop 1 of 2"_s)) << scalford.toStdString();
    EXPECT_TRUE(scalford.contains(u"3 Scalford Road"_s));
    EXPECT_TRUE(scalford.contains(u"Access notes None given."_s)) << scalford.toStdString();
    EXPECT_TRUE(scalford.contains(u"Contact details not shown."_s)) << scalford.toStdString();
    EXPECT_TRUE(scalford.contains(u"Five-lever mortice deadlock BS 3621:2007 1"_s))
        << scalford.toStdString();
    EXPECT_TRUE(scalford.contains(u"Signature"_s));

    const QString thorpe = pageText(pdf, 3);
    EXPECT_TRUE(thorpe.contains(u"Stop 2 of 2"_s)) << thorpe.toStdString();
    EXPECT_TRUE(thorpe.contains(u"Key with the neighbour at 14"_s)) << thorpe.toStdString();
    EXPECT_TRUE(thorpe.contains(u"Ann Smith"_s)) << thorpe.toStdString();
    EXPECT_TRUE(thorpe.contains(u"01632 960001"_s)) << thorpe.toStdString();
    EXPECT_TRUE(thorpe.contains(u"Five-lever mortice deadlock BS 3621:2007 2"_s))
        << thorpe.toStdString();
    EXPECT_TRUE(thorpe.contains(u"Wireless intruder alarm BS EN 50131 grade 2 1"_s))
        << thorpe.toStdString();
    EXPECT_TRUE(thorpe.contains(u"Householder sign-off"_s)) << thorpe.toStdString();
}

TEST_F(CliSheetsTest, ADayWithoutJobsIsTheSummaryAlone)
{
    const QString pdf = path(u"empty.pdf"_s);
    const CliResult result = cli({u"jobs"_s, u"sheets"_s, u"--fitter"_s, m_fitter, u"--date"_s,
                                  u"2026-12-11"_s, u"--out"_s, pdf});
    ASSERT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json()[u"pages"_s].toInt(), 1);
    ASSERT_EQ(pageCount(pdf), 1);
    EXPECT_TRUE(pageText(pdf, 1).contains(u"No jobs are booked for this fitter on this day."_s));
}

TEST_F(CliSheetsTest, BadRequestsWriteNothing)
{
    const QString pdf = path(u"bad.pdf"_s);
    EXPECT_EQ(cli({u"jobs"_s, u"sheets"_s, u"--fitter"_s, m_fitter, u"--date"_s, u"2026-12-09"_s})
                  .exitCode,
              2); // no --out
    EXPECT_EQ(cli({u"jobs"_s, u"sheets"_s, u"--fitter"_s, m_fitter, u"--date"_s, u"9/12/2026"_s,
                   u"--out"_s, pdf})
                  .exitCode,
              2);
    const CliResult unknown
        = cli({u"jobs"_s, u"sheets"_s, u"--fitter"_s, u"00000000-0000-4000-8000-000000009999"_s,
               u"--date"_s, u"2026-12-09"_s, u"--out"_s, pdf});
    EXPECT_EQ(unknown.exitCode, 1) << unknown;
    EXPECT_TRUE(unknown.json().contains(u"error"_s));
    EXPECT_EQ(cli({u"jobs"_s, u"sheets"_s, u"--fitter"_s, m_fitter, u"--date"_s, u"2026-12-09"_s,
                   u"--out"_s, path(u"no/such/folder/x.pdf"_s)})
                  .exitCode,
              2);
    EXPECT_FALSE(QFileInfo::exists(pdf));
}

TEST_F(CliSheetsTest, TimesAreLondonTimeInSummer)
{
    // 08:30 UTC on 10 June 2026 is 09:30 British Summer Time.
    addJob(5, "1 Sherrard Street", "LE13 1XJ", "2026-06-10T08:30:00.000Z",
           "2026-06-10T09:15:00.000Z", "scheduled", "");
    const QString pdf = path(u"june.pdf"_s);
    const CliResult result = cli({u"jobs"_s, u"sheets"_s, u"--fitter"_s, m_fitter, u"--date"_s,
                                  u"2026-06-10"_s, u"--out"_s, pdf});
    ASSERT_EQ(result.exitCode, 0) << result;
    ASSERT_EQ(pageCount(pdf), 2);
    const QString summary = pageText(pdf, 1);
    EXPECT_TRUE(summary.contains(u"1 09:30\u201310:15 1 Sherrard Street, LE13 1XJ"_s))
        << summary.toStdString();
    EXPECT_TRUE(pageText(pdf, 2).contains(u"Stop 1 of 1 \u00b7 09:30\u201310:15"_s));
}

TEST_F(CliSheetsTest, AJobWithManyItemsContinuesOnTheNextPage)
{
    // 30 item rows are more than one A4 page holds under the job's header (about 20).
    QStringList rows;
    for (int i = 1; i <= 30; ++i) {
        rows.append(u"('00000000-0000-4000-8000-%1', '00000000-0000-4000-8000-000000000502', "
                    "'%2', %3)"_s.arg(800 + i, 12, 10, QChar(u'0'))
                        .arg(i % 2 ? u"LOCK"_s : u"ALARM"_s)
                        .arg(i));
    }
    sql(u"INSERT INTO job_item (id, job_id, equipment_code, qty) VALUES "_s + rows.join(u", "_s));
    const QString pdf = path(u"long.pdf"_s);
    const CliResult result = cli({u"jobs"_s, u"sheets"_s, u"--fitter"_s, m_fitter, u"--date"_s,
                                  u"2026-12-09"_s, u"--out"_s, pdf});
    ASSERT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json()[u"pages"_s].toInt(), 4); // summary, Scalford Road twice, Thorpe Road
    ASSERT_EQ(pageCount(pdf), 4);
    const QString first = pageText(pdf, 2);
    EXPECT_TRUE(first.contains(u"Page 2 of 4"_s)) << first.toStdString();
    EXPECT_FALSE(first.contains(u"Householder sign-off"_s));
    const QString continued = pageText(pdf, 3);
    EXPECT_TRUE(continued.contains(u"3 Scalford Road (continued)"_s)) << continued.toStdString();
    EXPECT_TRUE(continued.contains(u"Householder sign-off"_s));
    EXPECT_TRUE(continued.contains(u"Page 3 of 4"_s));
    EXPECT_TRUE(pageText(pdf, 4).contains(u"12 Thorpe Road"_s));
}
