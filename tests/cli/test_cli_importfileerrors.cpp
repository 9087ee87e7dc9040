// DESIGN.md §4–§5: files that cannot be imported at all. Exit 2 (file error), a message on
// stderr that names the problem, and nothing imported.

#include "clitestsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

class CliImportFileErrors : public CliTest {
protected:
    void SetUp() override
    {
        CliTest::SetUp();
        importOk(dbPath(), dataFile(u"existing.csv"_s));
    }

    /// Imports \a file and expects a file error whose stderr matches \a pattern
    /// (case-insensitive), with the database unchanged.
    void expectFileError(const QString &file, const QString &pattern)
    {
        const CliResult result = cli({u"households"_s, u"import"_s, file});
        EXPECT_EQ(result.exitCode, 2) << result;
        expectExplainedAndNothingImported(result, pattern);
    }

    void expectExplainedAndNothingImported(const CliResult &result, const QString &pattern)
    {
        const QRegularExpression expression(pattern, QRegularExpression::CaseInsensitiveOption);
        EXPECT_TRUE(expression.match(result.errText()).hasMatch())
            << "stderr should match /" << pattern.toStdString() << "/\n"
            << result;
        // With --json, stdout is empty or exactly one JSON document that imports nothing.
        if (!result.out.trimmed().isEmpty()) {
            const QJsonObject json = result.json();
            if (json.contains(u"imported"_s)) {
                EXPECT_EQ(json.value(u"imported"_s).toInt(), 0) << result;
            }
        }
        EXPECT_EQ(count(), 1) << "nothing may be imported";
    }
};

TEST_F(CliImportFileErrors, MissingFile)
{
    expectFileError(path(u"does-not-exist.csv"_s), u"does-not-exist\\.csv"_s);
}

TEST_F(CliImportFileErrors, FolderInsteadOfFile)
{
    ASSERT_TRUE(QDir(dir()).mkdir(u"folder.csv"_s));
    expectFileError(path(u"folder.csv"_s), u"folder\\.csv"_s);
}

TEST_F(CliImportFileErrors, EmptyFile)
{
    expectFileError(writeFile(u"empty.csv"_s, {}), u"empty"_s);
}

TEST_F(CliImportFileErrors, HeaderOnly)
{
    expectFileError(writeFile(u"header-only.csv"_s, "address_line1,postcode\n"),
                    u"no (households|records|rows|data)|empty|header"_s);
}

TEST_F(CliImportFileErrors, MissingRequiredColumn)
{
    expectFileError(writeFile(u"no-postcode.csv"_s, "address_line1,town\n1 A Road,Melton\n"),
                    u"postcode"_s);
}

TEST_F(CliImportFileErrors, MissingBothRequiredColumns)
{
    const QString file = writeFile(u"no-required.csv"_s, "town,notes\nMelton,x\n");
    const CliResult result = cli({u"households"_s, u"import"_s, file});
    EXPECT_EQ(result.exitCode, 2) << result;
    EXPECT_TRUE(result.errText().contains(u"address_line1"_s)) << result;
    EXPECT_TRUE(result.errText().contains(u"postcode"_s)) << result;
    EXPECT_EQ(count(), 1);
}

TEST_F(CliImportFileErrors, BinaryFile)
{
    static const char header[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
    QByteArray png(header, sizeof header - 1); // the literal holds NULs: give its length
    png += QByteArray(200, '\0');
    expectFileError(writeFile(u"picture.csv"_s, png), u"binary|not (a )?(csv|text)"_s);
}

TEST_F(CliImportFileErrors, InvalidUtf8)
{
    // Latin-1 "Zoë": 0xEB is not UTF-8.
    expectFileError(writeFile(u"latin1.csv"_s,
                              "address_line1,postcode,resident_name\n1 A Road,LE13 1AB,Zo\xEB\n"),
                    u"utf-?8|encoding"_s);
}

TEST_F(CliImportFileErrors, Utf16File)
{
    const QString text = u"address_line1,postcode\n1 A Road,LE13 1AB\n"_s;
    QByteArray utf16("\xFF\xFE");
    utf16.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    expectFileError(writeFile(u"utf16.csv"_s, utf16), u"utf-?8|utf-?16|encoding"_s);
}

TEST_F(CliImportFileErrors, UnterminatedQuoteNamesTheLineWhereItStarts)
{
    const QByteArray bytes = "address_line1,postcode,notes\n" // 1
                             "1 Good Road,LE13 1AB,fine\n" // 2
                             "2 Bad Road,LE13 1AB,\"this never\n" // 3
                             "closes\n" // 4
                             "3 More Road,LE13 1AB,x\n"; // 5
    const CliResult result
        = cli({u"households"_s, u"import"_s, writeFile(u"open-quote.csv"_s, bytes)});
    // A file error (2), or a rejected record (1) that points at line 3.
    EXPECT_TRUE(result.exitCode == 1 || result.exitCode == 2) << result;
    if (result.exitCode == 1) {
        bool found = false;
        for (const QJsonValue &entry : result.json().value(u"rejected"_s).toArray())
            found = found || entry.toObject().value(u"line"_s).toInt() == 3;
        EXPECT_TRUE(found) << "a rejection on line 3, where the quoted field starts\n" << result;
    } else {
        EXPECT_TRUE(result.errText().contains(QRegularExpression(u"line\\D{0,3}3\\b"_s))) << result;
    }
    expectExplainedAndNothingImported(result, u"quot"_s);
}

TEST_F(CliImportFileErrors, UnterminatedQuoteWithSkipInvalidStillNamesIt)
{
    const QByteArray bytes = "address_line1,postcode,notes\n"
                             "1 Good Road,LE13 1AB,fine\n"
                             "2 Bad Road,LE13 1AB,\"this never closes\n";
    const CliResult result = cli(
        {u"households"_s, u"import"_s, writeFile(u"open-quote.csv"_s, bytes), u"--skip-invalid"_s});
    EXPECT_TRUE(result.errText().contains(u"quot"_s, Qt::CaseInsensitive)) << result;
    if (result.exitCode == 0) {
        // Skipping is allowed, but the broken record must be listed.
        bool found = false;
        for (const QJsonValue &entry : result.json().value(u"rejected"_s).toArray())
            found = found || entry.toObject().value(u"line"_s).toInt() == 3;
        EXPECT_TRUE(found) << result;
    }
}

TEST_F(CliImportFileErrors, DuplicateColumnIsRefused)
{
    const QString file = writeFile(u"dup-column.csv"_s,
                                   "address_line1,postcode,postcode\n1 A Road,LE13 1AB,LE2 4AB\n");
    const CliResult result = cli({u"households"_s, u"import"_s, file});
    EXPECT_NE(result.exitCode, 0) << result;
    EXPECT_TRUE(result.errText().contains(u"postcode"_s)) << result;
    EXPECT_EQ(count(), 1);
}
