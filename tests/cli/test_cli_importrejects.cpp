// DESIGN.md §5: invalid records, all or nothing, --skip-invalid and --dry-run.

#include "clitestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <set>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

using CliImportRejects = CliTest;

namespace {

/// A record that must be rejected: its physical start line and the column(s) that may be
/// blamed (empty: any column, e.g. a record with the wrong number of fields).
struct Rejection {
    int line;
    QStringList columns;
};

// tests/data/cli/rejects.csv: lines 2–4 are one valid record (a note over three lines) and
// lines 12–13 another (an address over two lines); everything else is wrong once.
const QList<Rejection> kRejectsCsv {
    {5, {u"postcode"_s}}, // XYZ 123
    {6, {u"address_line1"_s}}, // empty address_line1
    {7, {u"latitude"_s, u"longitude"_s}}, // latitude without longitude
    {8, {u"latitude"_s, u"longitude"_s}}, // Paris
    {9, {u"eligibility"_s}}, // "burgled"
    {10, {u"uprn"_s}}, // UPRN of line 2 again: the later one is refused
    {11, {u"uprn"_s}}, // UPRN already in the database
    {14, {u"postcode"_s}}, // NOTAPOSTCODE, after a multi-line record
};

/// Checks the `rejected` array: well formed, each expected rejection present with the
/// right line and column, and nothing on any other line.
void expectRejected(const QJsonValue &value, const QList<Rejection> &expected)
{
    ASSERT_TRUE(value.isArray()) << "rejected must be an array";
    const QJsonArray rejected = value.toArray();
    std::set<int> expectedLines;
    for (const Rejection &rejection : expected)
        expectedLines.insert(rejection.line);
    for (const QJsonValue &entry : rejected) {
        const QJsonObject object = entry.toObject();
        const QString text
            = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
        EXPECT_TRUE(object.value(u"line"_s).isDouble()) << text.toStdString();
        EXPECT_TRUE(object.value(u"column"_s).isString()) << text.toStdString();
        EXPECT_FALSE(object.value(u"reason"_s).toString().trimmed().isEmpty())
            << text.toStdString();
        EXPECT_TRUE(expectedLines.contains(object.value(u"line"_s).toInt()))
            << "rejected a record that is valid (or gave the wrong line): " << text.toStdString();
    }
    for (const Rejection &rejection : expected) {
        bool found = false;
        for (const QJsonValue &entry : rejected) {
            const QJsonObject object = entry.toObject();
            if (object.value(u"line"_s).toInt() == rejection.line
                && (rejection.columns.isEmpty()
                    || rejection.columns.contains(object.value(u"column"_s).toString()))) {
                found = true;
            }
        }
        EXPECT_TRUE(found) << "no rejection for line " << rejection.line << " column "
                           << rejection.columns.join(u" or "_s).toStdString() << " in "
                           << QJsonDocument(rejected).toJson().toStdString();
    }
}

} // namespace

TEST_F(CliImportRejects, AnyInvalidRecordMeansNothingIsImported)
{
    importOk(dbPath(), dataFile(u"existing.csv"_s));
    const QByteArray before = exportBytes(dbPath(), u"before.csv"_s);

    const CliResult result = cli({u"households"_s, u"import"_s, dataFile(u"rejects.csv"_s)});
    EXPECT_EQ(result.exitCode, 1) << result;
    const QJsonObject json = result.json();
    EXPECT_EQ(json.value(u"imported"_s), QJsonValue(0)) << result;
    expectRejected(json.value(u"rejected"_s), kRejectsCsv);
    EXPECT_FALSE(result.err.trimmed().isEmpty()) << "the problems are told on stderr too\n"
                                                 << result;

    EXPECT_EQ(count(), 1);
    EXPECT_EQ(exportBytes(dbPath(), u"after.csv"_s), before) << "the database changed";
}

TEST_F(CliImportRejects, WithoutJsonTheExitCodeIsTheSame)
{
    const CliResult result = cliText({u"households"_s, u"import"_s, dataFile(u"rejects.csv"_s)});
    EXPECT_EQ(result.exitCode, 1) << result;
    EXPECT_FALSE(result.err.trimmed().isEmpty()) << result;
    EXPECT_EQ(count(), 0);
}

TEST_F(CliImportRejects, SkipInvalidImportsTheValidRecordsAndListsTheRest)
{
    importOk(dbPath(), dataFile(u"existing.csv"_s));
    const CliResult result
        = cli({u"households"_s, u"import"_s, dataFile(u"rejects.csv"_s), u"--skip-invalid"_s});
    EXPECT_EQ(result.exitCode, 0) << result;
    const QJsonObject json = result.json();
    EXPECT_EQ(json.value(u"imported"_s), QJsonValue(2)) << result;
    expectRejected(json.value(u"rejected"_s), kRejectsCsv);
    EXPECT_EQ(count(), 3);

    const CsvTable table = exportTable();
    // The first record with UPRN 200000000001 is kept, the later one refused.
    const int good = table.find(u"uprn"_s, u"200000000001"_s);
    ASSERT_GE(good, 0);
    EXPECT_EQ(table.value(good, u"address_line1"_s), u"1 Good Street"_s);
    EXPECT_EQ(table.value(good, u"notes"_s), u"first line\nsecond line\nthird line"_s);
    const int multi = table.find(u"uprn"_s, u"200000000009"_s);
    ASSERT_GE(multi, 0);
    EXPECT_EQ(table.value(multi, u"address_line1"_s), u"9 Multi\nLine Address"_s);
    EXPECT_EQ(table.find(u"address_line1"_s, u"7 Repeats Line Two"_s), -1);
    EXPECT_EQ(table.value(table.find(u"uprn"_s, u"100000000001"_s), u"address_line1"_s),
              u"1 Stored Street"_s)
        << "the stored household is not overwritten";
}

TEST_F(CliImportRejects, LineNumbersCountPhysicalLinesWithCrlf)
{
    const QByteArray bytes = "address_line1,postcode,notes\r\n" // 1
                             "1 Good,LE13 1AB,\"a\r\n" // 2
                             "b\r\n" // 3
                             "c\"\r\n" // 4
                             "2 Bad,BADPOSTCODE,\r\n" // 5
                             "\"3 Good\r\n" // 6
                             "continued\",LE13 1AB,\"x,y\"\r\n" // 7
                             "Short Row\r\n" // 8
                             "5 Bad,,missing postcode\r\n" // 9
                             "6 Good,LE13 1AB,\"\"\"quoted\"\"\"\r\n"; // 10
    const QString file = writeFile(u"crlf-lines.csv"_s, bytes);
    const CliResult result = cli({u"households"_s, u"import"_s, file});
    EXPECT_EQ(result.exitCode, 1) << result;
    const QJsonObject json = result.json();
    EXPECT_EQ(json.value(u"imported"_s), QJsonValue(0)) << result;
    expectRejected(json.value(u"rejected"_s),
                   {{5, {u"postcode"_s}}, {8, {}}, {9, {u"postcode"_s}}});
    EXPECT_EQ(count(), 0);

    const CliResult skipped = cli({u"households"_s, u"import"_s, file, u"--skip-invalid"_s});
    EXPECT_EQ(skipped.exitCode, 0) << skipped;
    EXPECT_EQ(skipped.json().value(u"imported"_s), QJsonValue(3)) << skipped;
    const CsvTable table = exportTable();
    EXPECT_EQ(table.value(table.find(u"address_line1"_s, u"6 Good"_s), u"notes"_s),
              u"\"quoted\""_s);
    EXPECT_GE(table.find(u"address_line1"_s, u"3 Good\r\ncontinued"_s), 0);
}

TEST_F(CliImportRejects, BadUprnsAreRejected)
{
    const QByteArray bytes = "uprn,address_line1,postcode\n"
                             "ABC123,1 A Road,LE13 1AB\n"
                             "1234567890123,2 A Road,LE13 1AB\n"
                             "123456789012,3 A Road,LE13 1AB\n";
    const CliResult result = cli({u"households"_s, u"import"_s, writeFile(u"u.csv"_s, bytes)});
    EXPECT_EQ(result.exitCode, 1) << result;
    expectRejected(result.json().value(u"rejected"_s), {{2, {u"uprn"_s}}, {3, {u"uprn"_s}}});
    EXPECT_EQ(count(), 0);
}

TEST_F(CliImportRejects, MissingPostcodeValueIsRejected)
{
    const QByteArray bytes = "address_line1,postcode\n"
                             "1 A Road,\n"
                             "2 A Road,LE13 1AB\n";
    const CliResult result = cli({u"households"_s, u"import"_s, writeFile(u"m.csv"_s, bytes)});
    EXPECT_EQ(result.exitCode, 1) << result;
    expectRejected(result.json().value(u"rejected"_s), {{2, {u"postcode"_s}}});
    EXPECT_EQ(count(), 0);
}

TEST_F(CliImportRejects, DryRunOfAValidFileWritesNothing)
{
    ASSERT_EQ(cli({u"init"_s}).exitCode, 0);
    const CliResult result
        = cli({u"households"_s, u"import"_s, dataFile(u"quoting.csv"_s), u"--dry-run"_s});
    EXPECT_EQ(result.exitCode, 0) << result;
    const QJsonObject json = result.json();
    EXPECT_EQ(json.value(u"rejected"_s).toArray().size(), 0) << result;
    EXPECT_EQ(count(), 0);
    // Not even the areas the file names are created.
    EXPECT_EQ(progress().value(u"by_area"_s).toArray().size(), 0);
}

TEST_F(CliImportRejects, DryRunOfAnInvalidFileListsTheProblems)
{
    importOk(dbPath(), dataFile(u"existing.csv"_s));
    const CliResult result
        = cli({u"households"_s, u"import"_s, dataFile(u"rejects.csv"_s), u"--dry-run"_s});
    EXPECT_EQ(result.exitCode, 1) << result;
    const QJsonObject json = result.json();
    EXPECT_EQ(json.value(u"imported"_s), QJsonValue(0)) << result;
    expectRejected(json.value(u"rejected"_s), kRejectsCsv);
    EXPECT_EQ(count(), 1);
}

TEST_F(CliImportRejects, DryRunWithSkipInvalidWritesNothing)
{
    importOk(dbPath(), dataFile(u"existing.csv"_s));
    const CliResult result = cli({u"households"_s, u"import"_s, dataFile(u"rejects.csv"_s),
                                  u"--dry-run"_s, u"--skip-invalid"_s});
    EXPECT_EQ(result.exitCode, 0) << result;
    expectRejected(result.json().value(u"rejected"_s), kRejectsCsv);
    EXPECT_EQ(count(), 1);
}

TEST_F(CliImportRejects, CoordinatesOutsideTheUkButInsideItsBoundingBoxAreRejected)
{
    // §5: latitude/longitude must be inside the UK. Dublin and Le Touquet are not, although
    // both fall inside a rectangle drawn round the UK.
    const QByteArray bytes = "address_line1,postcode,latitude,longitude\n"
                             "1 O'Connell Street,LE13 1AB,53.3498,-6.2603\n"
                             "2 Rue de Metz,LE13 1AB,50.5211,1.5857\n"
                             "3 Market Place,LE13 1AB,52.7664,-0.8866\n";
    const CliResult result = cli({u"households"_s, u"import"_s, writeFile(u"ie.csv"_s, bytes)});
    EXPECT_EQ(result.exitCode, 1) << result;
    expectRejected(result.json().value(u"rejected"_s),
                   {{2, {u"latitude"_s, u"longitude"_s}}, {3, {u"latitude"_s, u"longitude"_s}}});
    EXPECT_EQ(count(), 0);
}

TEST_F(CliImportRejects, UnknownStatusIsRejected)
{
    const QByteArray bytes = "address_line1,postcode,status\n"
                             "1 A Road,LE13 1AB,identified\n"
                             "2 A Road,LE13 1AB,finished\n";
    const CliResult result = cli({u"households"_s, u"import"_s, writeFile(u"s.csv"_s, bytes)});
    EXPECT_EQ(result.exitCode, 1) << result;
    expectRejected(result.json().value(u"rejected"_s), {{3, {u"status"_s}}});
    EXPECT_EQ(count(), 0);
}
