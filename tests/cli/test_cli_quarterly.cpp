// `report quarterly` (DESIGN §4, §9): the quarterly return of a small hand-made register, in
// every format, each read back independently of the code that wrote it (JSON and CSV by the
// tests' own parsers, XLSX by python3-openpyxl, PDF by poppler's pdftotext), all carrying the
// hand-counted numbers of tests/reporting/handmadereturn.h; the freeze/variance cycle; bad
// input.
#include "../reporting/handmadereturn.h"
#include "clitestsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;
using saferhomes::test::HandMadeReturn;

namespace {

/// The hand-counted figures of 2024/25-Q3: key -> value.
const QList<std::pair<QString, qint64>> kExpected {
    {u"households_visited"_s, 4},    {u"households_declined"_s, 2},
    {u"households_accepted"_s, 2},   {u"homes_secured"_s, 4},
    {u"homes_secured_to_date"_s, 5}, {u"items_fitted.ALARM"_s, 1},
    {u"items_fitted.LIGHT"_s, 3},    {u"items_fitted.TLOCK"_s, 1},
    {u"spend_pence"_s, 7000},        {u"spend_to_date_pence"_s, 16500},
    {u"target_homes"_s, 150},
};

QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(30000) || !process.waitForFinished(120000)) {
        ADD_FAILURE() << program.toStdString() << " did not run";
        return {};
    }
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

class CliQuarterlyTest : public CliTest {
protected:
    void SetUp() override
    {
        CliTest::SetUp();
        ASSERT_EQ(cli({u"init"_s}).exitCode, 0);
        const QString name = u"quarterly-fill-"_s + QUuid::createUuid().toString();
        QString error;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(dbPath());
            ASSERT_TRUE(db.open());
            error = HandMadeReturn::fill(db);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        ASSERT_EQ(error, QString());
    }

    void sql(const QString &statement)
    {
        ASSERT_TRUE(query(dbPath(), statement, true).has_value()) << statement.toStdString();
    }

    CliResult quarterly(const QStringList &more)
    {
        return cli(QStringList {u"report"_s, u"quarterly"_s, u"--period"_s, u"2024/25-Q3"_s}
                   + more);
    }
};

} // namespace

TEST_F(CliQuarterlyTest, JsonHasEveryKeyWithItsHouseholds)
{
    const CliResult result = quarterly({});
    ASSERT_EQ(result.exitCode, 0) << result;
    const QJsonObject json = result.json();
    EXPECT_EQ(json[u"period"_s].toString(), u"2024/25-Q3"_s);
    EXPECT_EQ(json[u"from"_s].toString(), u"2024-10-01"_s);
    EXPECT_EQ(json[u"to"_s].toString(), u"2024-12-31"_s);
    const QJsonArray figures = json[u"figures"_s].toArray();
    ASSERT_EQ(figures.size(), kExpected.size());
    for (qsizetype i = 0; i < kExpected.size(); ++i) {
        const QJsonObject figure = figures.at(i).toObject();
        EXPECT_EQ(figure[u"key"_s].toString(), kExpected[i].first);
        EXPECT_EQ(figure[u"value"_s].toInteger(), kExpected[i].second)
            << kExpected[i].first.toStdString();
        EXPECT_FALSE(figure[u"label"_s].toString().isEmpty());
        EXPECT_TRUE(figure[u"households"_s].isArray());
    }
    // Counting figures list exactly as many households as they count.
    for (int i = 0; i < 5; ++i) {
        const QJsonObject figure = figures.at(i).toObject();
        EXPECT_EQ(figure[u"households"_s].toArray().size(), figure[u"value"_s].toInteger());
    }
    EXPECT_EQ(figures.at(8).toObject()[u"households"_s].toArray(),
              QJsonArray::fromStringList(
                  {HandMadeReturn::id("h1"), HandMadeReturn::id("h3"), HandMadeReturn::id("h7")}));
    // The year's forecast (275 of 365 days, 16500 spent) is short of the 30000 allocation.
    EXPECT_EQ(json[u"budget"_s][u"forecast_pence"_s].toInteger(), 21900);
    EXPECT_TRUE(json[u"budget"_s][u"flagged"_s].toBool());
    EXPECT_TRUE(result.errText().contains(u"below its allocation"_s)) << result;
}

TEST_F(CliQuarterlyTest, CsvXlsxAndPdfCarryTheSameNumbers)
{
    for (const QString &format : {u"csv"_s, u"xlsx"_s, u"pdf"_s}) {
        const CliResult written
            = quarterly({u"--format"_s, format, u"--out"_s, path(u"return."_s + format)});
        ASSERT_EQ(written.exitCode, 0) << written;
        EXPECT_EQ(written.json()[u"format"_s].toString(), format);
    }

    const CsvTable csv = parseCsv(readFile(path(u"return.csv"_s)));
    ASSERT_EQ(csv.rows.size(), kExpected.size());
    for (qsizetype i = 0; i < kExpected.size(); ++i) {
        EXPECT_EQ(csv.value(int(i), u"key"_s), kExpected[i].first);
        EXPECT_EQ(csv.value(int(i), u"value"_s), QString::number(kExpected[i].second));
    }
    EXPECT_EQ(csv.value(8, u"households"_s),
              HandMadeReturn::id("h1") + u' ' + HandMadeReturn::id("h3") + u' '
                  + HandMadeReturn::id("h7"));

    // The workbook read by openpyxl: the Figures sheet's key/value rows and each figure's
    // sheet of households (one row per household below the header).
    const QString script = uR"(
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
figures = {}
for row in wb["Figures"].iter_rows(values_only=True):
    if row and isinstance(row[0], str) and (row[0].startswith("items_fitted") or "_" in row[0]) and isinstance(row[2], (int, float)):
        figures[row[0]] = int(row[2])
rows = {name: [list(r) for r in wb[name].iter_rows(min_row=2, values_only=True)] for name in wb.sheetnames[1:]}
print(json.dumps({"figures": figures, "sheets": wb.sheetnames, "rows": rows}))
)"_s;
    const QJsonObject xlsx
        = QJsonDocument::fromJson(
              run(u"/usr/bin/python3"_s, {u"-c"_s, script, path(u"return.xlsx"_s)}).toUtf8())
              .object();
    const QJsonObject xlsxFigures = xlsx[u"figures"_s].toObject();
    EXPECT_EQ(xlsxFigures.size(), kExpected.size());
    for (const auto &[key, value] : kExpected)
        EXPECT_EQ(xlsxFigures[key].toInteger(), value) << key.toStdString();
    EXPECT_EQ(xlsx[u"sheets"_s].toArray().size(), 1 + kExpected.size());
    const QJsonObject rows = xlsx[u"rows"_s].toObject();
    EXPECT_EQ(rows[u"households_visited"_s].toArray().size(), 4);
    EXPECT_EQ(rows[u"homes_secured_to_date"_s].toArray().size(), 5);
    EXPECT_EQ(rows[u"target_homes"_s].toArray().size(), 0);
    // h7 on the homes_secured sheet: UPRN, address, what was fitted in Q3 and when.
    const QJsonArray secured = rows[u"homes_secured"_s].toArray();
    ASSERT_EQ(secured.size(), 4);
    const QJsonArray h7 = secured.at(3).toArray();
    EXPECT_EQ(h7.at(0).toString(), HandMadeReturn::id("h7"));
    EXPECT_EQ(h7.at(1).toString(), u"10000000007"_s);
    EXPECT_EQ(h7.at(2).toString(), u"7 Thorpe Road, Melton Mowbray, LE13 1AA"_s);
    EXPECT_EQ(h7.at(3).toString(), u"ALARM x1"_s);
    EXPECT_EQ(h7.at(4).toString(), u"2024-11-10"_s);

    // The PDF's text: the cover, then a figures table row "key label value homes" per key.
    const QString text
        = run(u"pdftotext"_s, {u"-layout"_s, path(u"return.pdf"_s), u"-"_s}).simplified();
    EXPECT_TRUE(text.contains(u"Quarterly return 2024/25-Q3"_s)) << text.left(400).toStdString();
    EXPECT_TRUE(text.contains(u"1 October 2024 to 31 December 2024"_s));
    EXPECT_TRUE(text.contains(u"Melton Town Centre and Oadby and Wigston"_s));
    EXPECT_TRUE(text.contains(u"spend_pence Spend (pence) 7000 3"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"spend_to_date_pence Spend to date (pence) 16500 4"_s));
    EXPECT_TRUE(text.contains(u"households_visited Households visited 4 4"_s));
    EXPECT_TRUE(text.contains(u"homes_secured_to_date Homes secured to date 5 5"_s));
    EXPECT_TRUE(text.contains(u"target_homes Target homes 150 0"_s));
    for (const auto &[key, value] : kExpected) {
        EXPECT_TRUE(text.contains(key + u' ')) << key.toStdString();
        EXPECT_TRUE(text.contains(u' ' + QString::number(value) + u' ')) << key.toStdString();
    }
    // The evidence appendix lists each home of the quarter's figures once, by id, UPRN and
    // address, with what was fitted, when, and a mark per figure it counts in (h7: secured
    // and spent on, not visited, in Q3); the to-date figures' homes are counted there.
    EXPECT_TRUE(text.contains(HandMadeReturn::id("h7")
                              + u" 10000000007 7 Thorpe Road, Melton Mowbray, LE13 1AA ALARM x1 "
                                "2024-11-10 S \u00a3"_s))
        << text.toStdString();
    EXPECT_TRUE(text.contains(u"S Homes secured (4 homes)"_s));
    EXPECT_TRUE(text.contains(u"Homes secured to date (5 homes)"_s));
}

TEST_F(CliQuarterlyTest, ThePdfCoverMapsTheHomesSecuredInTheQuarter)
{
    // h1 and h7 (secured in Q3) have a position; h3 and h6 (also secured in Q3) have none.
    sql(u"UPDATE household SET latitude = 52.7660, longitude = -0.8870 WHERE id = '"_s
        + HandMadeReturn::id("h1") + u"'"_s);
    sql(u"UPDATE household SET latitude = 52.5890, longitude = -1.0890 WHERE id = '"_s
        + HandMadeReturn::id("h7") + u"'"_s);
    const CliResult made = quarterly({u"--format"_s, u"pdf"_s, u"--out"_s, path(u"map.pdf"_s)});
    ASSERT_EQ(made.exitCode, 0) << made;
    const QString cover
        = run(u"pdftotext"_s,
              {u"-f"_s, u"1"_s, u"-l"_s, u"1"_s, u"-layout"_s, path(u"map.pdf"_s), u"-"_s})
              .simplified();
    EXPECT_TRUE(
        cover.contains(u"Homes secured in the quarter: 2 on the map, 2 without a position"_s))
        << cover.toStdString();
    EXPECT_FALSE(cover.contains(u"is on the map."_s)) << cover.toStdString();
}

TEST_F(CliQuarterlyTest, MalformedPeriodsAreExitTwoAndTouchNothing)
{
    for (const QString &period : {u"2024-Q3"_s, u"2024/26-Q1"_s, u"2024/25-Q5"_s, u"2024/25"_s}) {
        const CliResult result = cliOn(path(u"untouched.sqlite"_s),
                                       {u"report"_s, u"quarterly"_s, u"--period"_s, period});
        EXPECT_EQ(result.exitCode, 2) << result;
        EXPECT_TRUE(result.out.isEmpty()) << result;
        EXPECT_TRUE(result.errText().contains(period)) << result;
    }
    EXPECT_FALSE(QFileInfo::exists(path(u"untouched.sqlite"_s)));
    const CliResult none = cli({u"report"_s, u"quarterly"_s});
    EXPECT_EQ(none.exitCode, 2) << none;
    const CliResult format = quarterly({u"--format"_s, u"docx"_s});
    EXPECT_EQ(format.exitCode, 2) << format;
}

TEST_F(CliQuarterlyTest, AFutureQuarterIsRefused)
{
    const CliResult result = cli({u"report"_s, u"quarterly"_s, u"--period"_s, u"2097/98-Q1"_s});
    EXPECT_EQ(result.exitCode, 1) << result;
    EXPECT_TRUE(result.errText().contains(u"has not started"_s)) << result;
}

TEST_F(CliQuarterlyTest, AnUnwritablePathWritesNothing)
{
    for (const QString &format : {u"json"_s, u"xlsx"_s, u"pdf"_s}) {
        const QString out = path(u"missing/folder/return."_s + format);
        const CliResult result = quarterly({u"--format"_s, format, u"--out"_s, out});
        EXPECT_EQ(result.exitCode, 2) << result;
        EXPECT_TRUE(result.errText().contains(u"nothing was written"_s)) << result;
        EXPECT_FALSE(QFileInfo::exists(out));
    }
    EXPECT_EQ(QDir(dir()).entryList(QDir::Files | QDir::NoDotAndDotDot).filter(u"return"_s),
              QStringList());
}

TEST_F(CliQuarterlyTest, FreezeVariancesAndAnAlteredCopy)
{
    const CliResult frozen = quarterly({u"--freeze"_s});
    ASSERT_EQ(frozen.exitCode, 0) << frozen;
    const QString sha = frozen.json()[u"sha256"_s].toString();
    EXPECT_EQ(sha.size(), 64);
    EXPECT_EQ(quarterly({u"--freeze"_s}).exitCode, 1);

    const CliResult submitted = quarterly({u"--frozen"_s});
    ASSERT_EQ(submitted.exitCode, 0) << submitted;
    const auto stored = query(dbPath(), u"SELECT document, sha256 FROM frozen_return"_s);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(submitted.out, stored->at(0).at(0).toByteArray());
    EXPECT_EQ(stored->at(0).at(1).toString(), sha);

    const CliResult none = quarterly({u"--variances"_s});
    ASSERT_EQ(none.exitCode, 0) << none;
    EXPECT_EQ(none.json()[u"changed"_s].toInt(), 0);

    // Data edited after submission: h3's job turns out to be on 2 January.
    sql(u"UPDATE job SET completed_at = '2025-01-02T10:00:00.000Z' WHERE id = '"_s
        + HandMadeReturn::id("j5") + u"'"_s);
    const CliResult variances = quarterly({u"--variances"_s});
    ASSERT_EQ(variances.exitCode, 0) << variances;
    const QJsonObject json = variances.json();
    EXPECT_EQ(json[u"changed"_s].toInt(), 5);
    for (const QJsonValue &value : json[u"figures"_s].toArray()) {
        const QJsonObject f = value.toObject();
        if (f[u"key"_s].toString() == u"spend_pence"_s) {
            EXPECT_EQ(f[u"frozen"_s].toInteger(), 7000);
            EXPECT_EQ(f[u"current"_s].toInteger(), 6000);
            EXPECT_EQ(f[u"difference"_s].toInteger(), -1000);
            EXPECT_EQ(f[u"removed"_s].toArray(),
                      QJsonArray::fromStringList({HandMadeReturn::id("h3")}));
            EXPECT_TRUE(f[u"added"_s].toArray().isEmpty());
        }
    }
    // The frozen copy still reopens exactly as submitted.
    EXPECT_EQ(quarterly({u"--frozen"_s}).out, submitted.out);

    // Altered behind the application's back: reported, never printed as the return.
    sql(u"DROP TRIGGER frozen_return_unchanged"_s);
    sql(u"UPDATE frozen_return SET document = CAST(replace(CAST(document AS TEXT), '16500', "
        "'16600') AS BLOB)"_s);
    const CliResult altered = quarterly({u"--frozen"_s});
    EXPECT_EQ(altered.exitCode, 1) << altered;
    EXPECT_TRUE(altered.errText().contains(u"altered"_s)) << altered;
    EXPECT_FALSE(altered.out.contains("16600"));
    EXPECT_EQ(quarterly({u"--variances"_s}).exitCode, 1);
}
