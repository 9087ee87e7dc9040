#include "importexport/csvreader.h"
#include "importexport/csvwriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#if __has_include(<rapidcheck.h>)
#include <rapidcheck.h>
#define SAFERHOMES_HAVE_RAPIDCHECK 1
#endif

#include <string>
#include <vector>

#ifndef SAFERHOMES_TEST_DATA_DIR
#error "SAFERHOMES_TEST_DATA_DIR must name the tests/data folder"
#endif

using namespace saferhomes;
using namespace Qt::StringLiterals;

namespace {

using Row = std::vector<std::string>;
using Rows = std::vector<Row>;

// Failures print std::string readably, QString as raw bytes: compare in std::string.
Row toStd(const QStringList &fields)
{
    Row row;
    row.reserve(static_cast<size_t>(fields.size()));
    for (const QString &field : fields)
        row.push_back(field.toStdString());
    return row;
}

QStringList toQt(const Row &row)
{
    QStringList fields;
    for (const std::string &field : row)
        fields.append(QString::fromStdString(field));
    return fields;
}

struct Parsed {
    Rows rows;
    std::vector<int> lines;
    CsvReader::Problem error = CsvReader::Problem::None;
    int errorLine = 0;
    std::string errorString;
};

Parsed parse(const QByteArray &data)
{
    CsvReader reader(data);
    Parsed parsed;
    CsvRecord record;
    while (reader.next(record)) {
        parsed.rows.push_back(toStd(record.fields));
        parsed.lines.push_back(record.line);
    }
    parsed.error = reader.problem();
    parsed.errorLine = reader.problemLine();
    const Status status = reader.status();
    EXPECT_EQ(status.ok(), parsed.error == CsvReader::Problem::None);
    if (!status) {
        EXPECT_EQ(status.error().kind, Error::Kind::Invalid);
    }
    parsed.errorString = status.errorString().toStdString();
    return parsed;
}

QString spectrumDir()
{
    return QString::fromUtf8(SAFERHOMES_TEST_DATA_DIR) + u"/csv-spectrum"_s;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot open " << path.toStdString();
        return {};
    }
    return file.readAll();
}

const std::vector<std::string> kSpectrumCases = {
    "comma_in_quotes",      "empty",    "empty_crlf",    "escaped_quotes",      "json",
    "location_coordinates", "newlines", "newlines_crlf", "quotes_and_newlines", "simple",
    "simple_crlf",          "utf8",
};

} // namespace

// ---- csv-spectrum corpus ----

class CsvSpectrumTest : public ::testing::TestWithParam<std::string> { };

TEST_P(CsvSpectrumTest, MatchesJson)
{
    const QString name = QString::fromStdString(GetParam());
    const QByteArray csv = readFile(spectrumDir() + u'/' + name + u".csv"_s);
    const QByteArray json = readFile(spectrumDir() + u'/' + name + u".json"_s);
    ASSERT_FALSE(csv.isEmpty());

    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &jsonError);
    ASSERT_EQ(jsonError.error, QJsonParseError::NoError) << jsonError.errorString().toStdString();
    // location_coordinates.json is a bare object rather than an array of one.
    QJsonArray expected = document.isArray() ? document.array() : QJsonArray {document.object()};
    if (name == u"location_coordinates"_s) {
        // Upstream erratum: the json's phone number (1234567890) is not the CSV's.
        QJsonObject only = expected.at(0).toObject();
        only[u"Contact Phone Number"_s] = u"2095257564"_s;
        expected = QJsonArray {only};
    }

    const Parsed parsed = parse(csv);
    ASSERT_EQ(parsed.error, CsvReader::Problem::None) << parsed.errorString;
    ASSERT_EQ(parsed.rows.size(), static_cast<size_t>(expected.size()) + 1);
    const QStringList header = toQt(parsed.rows.front());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const Row &row = parsed.rows.at(static_cast<size_t>(i) + 1);
        ASSERT_EQ(row.size(), static_cast<size_t>(header.size())) << "record " << i + 1;
        QJsonObject actual;
        for (size_t column = 0; column < row.size(); ++column) {
            const QString &key = header.at(static_cast<qsizetype>(column));
            actual[key] = QString::fromStdString(row[column]);
        }
        // QJsonObject keeps keys sorted, so compact JSON compares the objects as sets.
        EXPECT_EQ(
            QJsonDocument(actual).toJson(QJsonDocument::Compact).toStdString(),
            QJsonDocument(expected.at(i).toObject()).toJson(QJsonDocument::Compact).toStdString());
    }
}

INSTANTIATE_TEST_SUITE_P(CsvSpectrum, CsvSpectrumTest, ::testing::ValuesIn(kSpectrumCases),
                         [](const ::testing::TestParamInfo<std::string> &info) {
                             return info.param;
                         });

TEST(CsvSpectrum, EveryCorpusFileIsTested)
{
    const QStringList files = QDir(spectrumDir()).entryList({u"*.csv"_s}, QDir::Files, QDir::Name);
    Row names;
    for (const QString &file : files)
        names.push_back(file.chopped(4).toStdString());
    EXPECT_EQ(names, kSpectrumCases);
}

// ---- reader ----

TEST(CsvReader, EmptyDataHasNoRecordsAndNoError)
{
    CsvReader reader {QByteArray()};
    CsvRecord record;
    EXPECT_TRUE(reader.atEnd());
    EXPECT_FALSE(reader.next(record));
    EXPECT_EQ(reader.problem(), CsvReader::Problem::None);
    EXPECT_EQ(reader.problemLine(), 0);
    EXPECT_TRUE(reader.status().ok());
    EXPECT_EQ(reader.byteSize(), 0);
}

TEST(CsvReader, BomIsStripped)
{
    const Parsed parsed = parse("\xEF\xBB\xBF"
                                "a,b\r\n1,2\r\n");
    EXPECT_EQ(parsed.rows, (Rows {{"a", "b"}, {"1", "2"}}));
    EXPECT_EQ(parsed.lines, (std::vector<int> {1, 2}));
    EXPECT_TRUE(parse("\xEF\xBB\xBF").rows.empty());
}

TEST(CsvReader, LineEndingsGiveSameRecords)
{
    const Rows expected {{"a", "b"}, {"1", "2"}, {"3", "4"}};
    for (const char *data : {"a,b\n1,2\n3,4\n", "a,b\r\n1,2\r\n3,4\r\n", "a,b\r1,2\r3,4\r",
                             "a,b\r\n1,2\n3,4\r", "a,b\n1,2\n3,4"}) {
        const Parsed parsed = parse(data);
        EXPECT_EQ(parsed.error, CsvReader::Problem::None) << data;
        EXPECT_EQ(parsed.rows, expected) << data;
        EXPECT_EQ(parsed.lines, (std::vector<int> {1, 2, 3})) << data;
    }
}

TEST(CsvReader, EmbeddedNewlinesCountTowardsFollowingLines)
{
    const Parsed lf = parse("a,b\n\"x\ny\nz\",1\nnext,2\n");
    EXPECT_EQ(lf.rows, (Rows {{"a", "b"}, {"x\ny\nz", "1"}, {"next", "2"}}));
    EXPECT_EQ(lf.lines, (std::vector<int> {1, 2, 5}));

    // CRLF inside a field is one line break; a lone CR is one too.
    const Parsed crlf = parse("a,b\r\n\"x\r\ny\",\"p\rq\"\r\nnext,2\r\n");
    EXPECT_EQ(crlf.rows, (Rows {{"a", "b"}, {"x\r\ny", "p\rq"}, {"next", "2"}}));
    EXPECT_EQ(crlf.lines, (std::vector<int> {1, 2, 5}));

    // Blank lines inside quotes are data, not skipped.
    const Parsed blank = parse("\"a\n\n\nb\"\nc\n");
    EXPECT_EQ(blank.rows, (Rows {{"a\n\n\nb"}, {"c"}}));
    EXPECT_EQ(blank.lines, (std::vector<int> {1, 5}));

    // A newline next to a doubled quote is still counted.
    const Parsed escaped = parse("\"say \"\"hi\n\"\"\",x\ny\n");
    EXPECT_EQ(escaped.rows, (Rows {{"say \"hi\n\"", "x"}, {"y"}}));
    EXPECT_EQ(escaped.lines, (std::vector<int> {1, 3}));
}

TEST(CsvReader, EmptyFields)
{
    EXPECT_EQ(parse(",,\n").rows, (Rows {{"", "", ""}}));
    EXPECT_EQ(parse("a,,b\n").rows, (Rows {{"a", "", "b"}}));
    EXPECT_EQ(parse("a,\n").rows, (Rows {{"a", ""}}));
    EXPECT_EQ(parse(",a").rows, (Rows {{"", "a"}}));
    EXPECT_EQ(parse("\"\"\n").rows, (Rows {{""}}));
    EXPECT_EQ(parse("\"\",\"\"").rows, (Rows {{"", ""}}));
    EXPECT_EQ(parse("a,b,\r\n").rows, (Rows {{"a", "b", ""}}));
}

TEST(CsvReader, TrailingNewlineIsOptional)
{
    const Rows expected {{"a", "b"}, {"c", "d"}};
    EXPECT_EQ(parse("a,b\nc,d").rows, expected);
    EXPECT_EQ(parse("a,b\nc,d\n").rows, expected);
    EXPECT_EQ(parse("a,b\r\nc,d\r\n").rows, expected);
    EXPECT_EQ(parse("a,b\nc,\"d\"").rows, expected);
}

TEST(CsvReader, BlankLinesAreSkipped)
{
    const Parsed parsed = parse("\n\na,b\n\n\r\nc,d\n\n\r");
    EXPECT_EQ(parsed.error, CsvReader::Problem::None);
    EXPECT_EQ(parsed.rows, (Rows {{"a", "b"}, {"c", "d"}}));
    EXPECT_EQ(parsed.lines, (std::vector<int> {3, 6}));
    EXPECT_TRUE(parse("\n\r\n\r").rows.empty());
}

TEST(CsvReader, WhitespaceIsKept)
{
    EXPECT_EQ(parse(" a , b \n").rows, (Rows {{" a ", " b "}}));
    EXPECT_EQ(parse(" \n").rows, (Rows {{" "}}));
    // Not a quoted field: the quote is not the first character.
    EXPECT_EQ(parse(" \"a\",b\n").rows, (Rows {{" \"a\"", "b"}}));
}

TEST(CsvReader, StrayQuotesAreKeptLiterally)
{
    const Parsed parsed = parse("a,b\"c,d\n37\xC2\xB0"
                                "36'37.8\"N,x\n\"ab\"cd,e\n");
    EXPECT_EQ(parsed.error, CsvReader::Problem::None);
    EXPECT_EQ(parsed.rows, (Rows {{"a", "b\"c", "d"}, {"37°36'37.8\"N", "x"}, {"abcd", "e"}}));
    EXPECT_EQ(parsed.lines, (std::vector<int> {1, 2, 3}));
}

TEST(CsvReader, UnterminatedQuoteReportsWhereTheFieldStarted)
{
    const Parsed parsed = parse("a,b\n1,2\n3,\"never\nclosed\n4,5\n");
    EXPECT_EQ(parsed.rows, (Rows {{"a", "b"}, {"1", "2"}}));
    EXPECT_EQ(parsed.error, CsvReader::Problem::UnterminatedQuote);
    EXPECT_EQ(parsed.errorLine, 3);
    EXPECT_EQ(parsed.errorString, "line 3: quoted field is never closed");

    // The field starts on a later line than its record.
    const Parsed later = parse("\"multi\nline\",\"open");
    EXPECT_EQ(later.error, CsvReader::Problem::UnterminatedQuote);
    EXPECT_EQ(later.errorLine, 2);

    const Parsed lone = parse("\"");
    EXPECT_EQ(lone.error, CsvReader::Problem::UnterminatedQuote);
    EXPECT_EQ(lone.errorLine, 1);
}

TEST(CsvReader, ErrorStopsReading)
{
    CsvReader reader("\"open\n");
    CsvRecord record;
    record.fields = QStringList {u"stale"_s};
    EXPECT_FALSE(reader.next(record));
    EXPECT_TRUE(record.fields.isEmpty());
    EXPECT_TRUE(reader.atEnd());
    EXPECT_FALSE(reader.next(record));
    EXPECT_EQ(reader.problem(), CsvReader::Problem::UnterminatedQuote);
}

TEST(CsvReader, InvalidUtf8ReportsLineOfFirstBadByte)
{
    struct Case {
        const char *data;
        int line;
    };
    const Case cases[] = {
        {"a,b\n1,2\n3,Zo\xEB\n", 3}, // Latin-1 ë
        {"\xC3\x28,x\n", 1}, // bad continuation
        {"a\r\nb\r\nc\r\n\xC0\xAF\n", 4}, // overlong '/'
        {"a\rb\r\xED\xA0\x80\r", 3}, // UTF-16 surrogate
        {"a\n\"b\nc\"\nlong ascii run here\xF4\x90\x80\x80", 4}, // above U+10FFFF
        {"a,b\n\xE2\x82", 2}, // truncated at the end
        {"a,b\n\xFF", 2},
        {"\xFF\xFE"
         "a\0,\0b\0",
         1}, // UTF-16 with BOM
    };
    for (const Case &testCase : cases) {
        const Parsed parsed = parse(testCase.data);
        EXPECT_EQ(parsed.error, CsvReader::Problem::InvalidUtf8) << testCase.data;
        EXPECT_EQ(parsed.errorLine, testCase.line) << testCase.data;
        EXPECT_TRUE(parsed.rows.empty()) << testCase.data;
        EXPECT_EQ(parsed.errorString.rfind("line " + std::to_string(testCase.line) + ": ", 0), 0u)
            << parsed.errorString;
    }
}

TEST(CsvReader, ValidMultibyteText)
{
    const Parsed parsed = parse("Zo\xC3\xAB \xC3\x93 S\xC3\xBAilleabh\xC3\xA1in,"
                                "\xE2\x82\xAC"
                                "5,\xF0\x9F\x8F\xA0\n");
    EXPECT_EQ(parsed.error, CsvReader::Problem::None);
    EXPECT_EQ(parsed.rows, (Rows {{"Zoë Ó Súilleabháin", "€5", "🏠"}}));
}

TEST(CsvReader, NulByteMeansBinary)
{
    const Parsed parsed = parse(QByteArray("a,b\n1,\0,2\n", 10));
    EXPECT_EQ(parsed.error, CsvReader::Problem::Binary);
    EXPECT_EQ(parsed.errorLine, 2);
    EXPECT_TRUE(parsed.rows.empty());
    EXPECT_EQ(parsed.errorString.rfind("line 2: ", 0), 0u) << parsed.errorString;

    // Binary wins over an earlier invalid byte: a PNG is not "wrongly encoded text".
    const Parsed png = parse(QByteArray("\x89PNG\r\n\x1A\n\0\0", 10));
    EXPECT_EQ(png.error, CsvReader::Problem::Binary);
    EXPECT_EQ(png.errorLine, 3);
}

TEST(CsvReader, BytePositionAdvancesToTheEnd)
{
    const QByteArray data = "\xEF\xBB\xBF"
                            "a,b\n\"c\nd\",e\n\n";
    CsvReader reader(data);
    EXPECT_EQ(reader.byteSize(), data.size());
    EXPECT_FALSE(reader.atEnd());
    CsvRecord record;
    qint64 previous = reader.bytePosition();
    int count = 0;
    while (reader.next(record)) {
        EXPECT_GT(reader.bytePosition(), previous);
        previous = reader.bytePosition();
        ++count;
    }
    EXPECT_EQ(count, 2);
    EXPECT_EQ(reader.bytePosition(), reader.byteSize());
    EXPECT_TRUE(reader.atEnd());
    EXPECT_EQ(reader.problem(), CsvReader::Problem::None);
}

// ---- writer ----

TEST(CsvWriter, QuotesOnlyWhenNeeded)
{
    EXPECT_EQ(CsvWriter::formatRecord({u"a"_s, u"b c"_s}), "a,b c\r\n");
    EXPECT_EQ(CsvWriter::formatRecord({u"a,b"_s, u"say \"hi\""_s}),
              "\"a,b\",\"say \"\"hi\"\"\"\r\n");
    EXPECT_EQ(CsvWriter::formatRecord({u"x\ny"_s, u"x\ry"_s}), "\"x\ny\",\"x\ry\"\r\n");
    EXPECT_EQ(CsvWriter::formatRecord({u" lead"_s, u"trail "_s, u"\tt"_s}),
              "\" lead\",\"trail \",\"\tt\"\r\n");
    EXPECT_EQ(CsvWriter::formatRecord({u""_s, u""_s}), ",\r\n");
    EXPECT_EQ(CsvWriter::formatRecord({u""_s}), "\"\"\r\n");
    EXPECT_EQ(CsvWriter::formatRecord({}), "\r\n");
    EXPECT_EQ(CsvWriter::formatRecord({u"Zoë"_s}), "Zo\xC3\xAB\r\n");
}

TEST(CsvWriter, RoundTripsThroughReader)
{
    const Rows records {
        {"Zoë Ó Súilleabháin", "12 Ffordd y Môr", "LL11 1AA"},
        {"say \"hi\"", "a,b", "\"", "\"\""},
        {"line one\nline two", "cr\rlf", "crlf\r\n", "\n"},
        {"  leading", "trailing  ", " ", ""},
        {""},
        {"", ""},
        {"🏠 €"},
    };
    QByteArray data;
    for (const Row &record : records)
        data += CsvWriter::formatRecord(toQt(record));
    const Parsed parsed = parse(data);
    EXPECT_EQ(parsed.error, CsvReader::Problem::None);
    EXPECT_EQ(parsed.rows, records);
    EXPECT_EQ(parsed.lines, (std::vector<int> {1, 2, 3, 8, 9, 10, 11}));
}

#ifdef SAFERHOMES_HAVE_RAPIDCHECK

namespace {

/// Physical line breaks as a text editor counts them: CRLF, LF or a lone CR.
int lineBreaks(const QByteArray &data)
{
    int count = 0;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const bool loneCr = data[i] == '\r' && (i + 1 == data.size() || data[i + 1] != '\n');
        if (data[i] == '\n' || loneCr)
            ++count;
    }
    return count;
}

rc::Gen<std::string> genField()
{
    // Biased towards the characters that matter to CSV, plus multi-byte UTF-8.
    static const Row pieces {"a",  "Z",    "0", " ", "\t", ",", "\"", "\r",
                             "\n", "\r\n", "'", "=", "ë",  "Ó", "€",  "🏠"};
    return rc::gen::map(rc::gen::container<Row>(rc::gen::elementOf(pieces)), [](const Row &parts) {
        std::string field;
        for (const std::string &part : parts)
            field += part;
        return field;
    });
}

} // namespace

TEST(CsvProperties, WriterOutputReadsBackIdentically)
{
    EXPECT_TRUE(rc::check("records round-trip through CsvWriter and CsvReader", [] {
        const auto records
            = *rc::gen::container<Rows>(rc::gen::nonEmpty(rc::gen::container<Row>(genField())));
        QByteArray data;
        std::vector<int> lines;
        int line = 1;
        for (const Row &record : records) {
            const QByteArray formatted = CsvWriter::formatRecord(toQt(record));
            lines.push_back(line);
            line += lineBreaks(formatted);
            data += formatted;
        }
        const Parsed parsed = parse(data);
        RC_ASSERT(parsed.error == CsvReader::Problem::None);
        RC_ASSERT(parsed.rows == records);
        RC_ASSERT(parsed.lines == lines);
    }));
}

TEST(CsvProperties, ArbitraryBytesNeverHangOrCrash)
{
    EXPECT_TRUE(rc::check("any input ends in records or an error", [] {
        const auto bytes = *rc::gen::container<std::string>(rc::gen::oneOf(
            rc::gen::elementOf(std::string("a,\"\r\n ")), rc::gen::arbitrary<char>()));
        const QByteArray data(bytes.data(), static_cast<qsizetype>(bytes.size()));
        CsvReader reader(data);
        CsvRecord record;
        qint64 previous = reader.bytePosition();
        int previousLine = 0;
        while (reader.next(record)) {
            RC_ASSERT(!record.fields.isEmpty());
            RC_ASSERT(reader.bytePosition() > previous);
            RC_ASSERT(record.line > previousLine);
            previous = reader.bytePosition();
            previousLine = record.line;
        }
        RC_ASSERT(reader.atEnd());
        if (reader.problem() == CsvReader::Problem::None)
            RC_ASSERT(reader.bytePosition() == reader.byteSize());
        else
            RC_ASSERT(reader.problemLine() >= 1);
    }));
}

#endif
