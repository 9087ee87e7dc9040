// DESIGN.md §3–§4: `households set --uprn U FIELD=VALUE...` edits fields, checks them like the
// import does, follows the status funnel and writes an audit event with each change.

#include "clitestsupport.h"

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

class CliSet : public CliTest {
protected:
    void SetUp() override
    {
        CliTest::SetUp();
        importOk(dbPath(), dataFile(u"quoting.csv"_s));
    }

    CliResult set(const QString &uprn, const QStringList &assignments) const
    {
        return cli(QStringList {u"households"_s, u"set"_s, u"--uprn"_s, uprn} + assignments);
    }

    /// Every cell of every audit event, as text.
    QStringList auditCells() const
    {
        QStringList cells;
        const auto rows = query(dbPath(), u"SELECT * FROM audit_event"_s);
        EXPECT_TRUE(rows.has_value()) << "the database has an audit_event table (§3)";
        if (rows) {
            for (const QVariantList &row : *rows) {
                for (const QVariant &cell : row)
                    cells.append(cell.toString());
            }
        }
        return cells;
    }

    int auditCount() const
    {
        const auto rows = query(dbPath(), u"SELECT count(*) FROM audit_event"_s);
        return rows && !rows->isEmpty() ? rows->first().first().toInt() : -1;
    }

    /// Checks that a refused edit changed nothing at all.
    void expectUnchanged(const QByteArray &exportBefore, int auditBefore)
    {
        EXPECT_EQ(exportBytes(dbPath(), u"after-refusal.csv"_s), exportBefore);
        EXPECT_EQ(auditCount(), auditBefore);
    }
};

TEST_F(CliSet, NotesAndPostcodeChangeAndAreAudited)
{
    const int auditBefore = auditCount();
    ASSERT_GE(auditBefore, 0);
    const CliResult result
        = set(u"100012345601"_s, {u"notes=Ring twice; dog is friendly"_s, u"postcode=le13 0np"_s});
    EXPECT_EQ(result.exitCode, 0) << result;
    EXPECT_TRUE(result.jsonOrNull().has_value()) << result;

    const CsvTable table = exportTable();
    const int row = table.find(u"uprn"_s, u"100012345601"_s);
    ASSERT_GE(row, 0);
    EXPECT_EQ(table.value(row, u"notes"_s), u"Ring twice; dog is friendly"_s);
    EXPECT_EQ(table.value(row, u"postcode"_s), u"LE13 0NP"_s) << "normalised like the import";
    // The other households are untouched.
    EXPECT_EQ(table.value(table.find(u"uprn"_s, u"100012345602"_s), u"postcode"_s), u"LE13 1AB"_s);

    EXPECT_GT(auditCount(), auditBefore) << "the change is audited";
    const QStringList cells = auditCells();
    EXPECT_TRUE(cells.contains(u"Ring twice; dog is friendly"_s))
        << "an audit event holds the new notes";
    EXPECT_TRUE(cells.contains(u"She said \"call first\", then \"knock\""_s))
        << "an audit event holds the old notes";
    EXPECT_TRUE(cells.contains(u"LE13 0NP"_s)) << "an audit event holds the new postcode";
}

TEST_F(CliSet, ValuesAreTakenAfterTheFirstEqualsSignAndKeptExactly)
{
    const CliResult result
        = set(u"100012345602"_s,
              {u"notes=a=b, \"c\"; DROP TABLE x;--"_s, u"resident_name=Seán Ó Súilleabháin"_s});
    EXPECT_EQ(result.exitCode, 0) << result;
    const CsvTable table = exportTable();
    const int row = table.find(u"uprn"_s, u"100012345602"_s);
    ASSERT_GE(row, 0);
    EXPECT_EQ(table.value(row, u"notes"_s), u"a=b, \"c\"; DROP TABLE x;--"_s);
    EXPECT_EQ(table.value(row, u"resident_name"_s), u"Seán Ó Súilleabháin"_s);
}

TEST_F(CliSet, InvalidPostcodeIsRejectedAndNothingChanges)
{
    const QByteArray before = exportBytes(dbPath(), u"before.csv"_s);
    const int auditBefore = auditCount();
    const CliResult result = set(u"100012345601"_s, {u"postcode=NOT A POSTCODE"_s});
    EXPECT_EQ(result.exitCode, 1) << result;
    EXPECT_FALSE(result.err.trimmed().isEmpty()) << result;
    expectUnchanged(before, auditBefore);
}

TEST_F(CliSet, OneBadFieldRefusesTheWholeEdit)
{
    const QByteArray before = exportBytes(dbPath(), u"before.csv"_s);
    const int auditBefore = auditCount();
    const CliResult result
        = set(u"100012345601"_s, {u"notes=changed"_s, u"postcode=NOT A POSTCODE"_s});
    EXPECT_EQ(result.exitCode, 1) << result;
    expectUnchanged(before, auditBefore);
}

TEST_F(CliSet, StatusCannotSkipTheFunnel)
{
    const QByteArray before = exportBytes(dbPath(), u"before.csv"_s);
    const int auditBefore = auditCount();
    const CliResult result = set(u"100012345601"_s, {u"status=installed"_s});
    EXPECT_EQ(result.exitCode, 1) << result;
    EXPECT_FALSE(result.err.trimmed().isEmpty()) << result;
    expectUnchanged(before, auditBefore);
}

TEST_F(CliSet, StatusMovesOneStepAlongTheFunnel)
{
    const int auditBefore = auditCount();
    const CliResult result = set(u"100012345601"_s, {u"status=contacted"_s});
    EXPECT_EQ(result.exitCode, 0) << result;
    const CsvTable table = exportTable();
    EXPECT_EQ(table.value(table.find(u"uprn"_s, u"100012345601"_s), u"status"_s), u"contacted"_s);
    EXPECT_GT(auditCount(), auditBefore);
    EXPECT_TRUE(auditCells().contains(u"contacted"_s));
    const QJsonObject report = progress();
    EXPECT_EQ(report.value(u"by_status"_s).toObject().value(u"contacted"_s).toInt(), 1);
    EXPECT_EQ(report.value(u"by_status"_s).toObject().value(u"identified"_s).toInt(), 3);
}

TEST_F(CliSet, UnknownStatusNameIsRejected)
{
    const QByteArray before = exportBytes(dbPath(), u"before.csv"_s);
    const int auditBefore = auditCount();
    const CliResult result = set(u"100012345601"_s, {u"status=Contacted"_s});
    EXPECT_EQ(result.exitCode, 1) << "status names are the contract's lower-case names\n" << result;
    expectUnchanged(before, auditBefore);
}

TEST_F(CliSet, UnknownUprnIsRejected)
{
    const QByteArray before = exportBytes(dbPath(), u"before.csv"_s);
    const CliResult result = set(u"999999999999"_s, {u"notes=x"_s});
    EXPECT_EQ(result.exitCode, 1) << result;
    EXPECT_TRUE(result.errText().contains(u"999999999999"_s)) << result;
    EXPECT_EQ(exportBytes(dbPath(), u"after.csv"_s), before);
}

TEST_F(CliSet, UnknownFieldIsRefused)
{
    const QByteArray before = exportBytes(dbPath(), u"before.csv"_s);
    const CliResult result = set(u"100012345601"_s, {u"favourite_colour=teal"_s});
    EXPECT_TRUE(result.exitCode == 1 || result.exitCode == 2) << result;
    EXPECT_TRUE(result.errText().contains(u"favourite_colour"_s)) << result;
    EXPECT_EQ(exportBytes(dbPath(), u"after.csv"_s), before);
}

TEST_F(CliSet, AssignmentWithoutEqualsIsAUsageError)
{
    const QByteArray before = exportBytes(dbPath(), u"before.csv"_s);
    const CliResult result = set(u"100012345601"_s, {u"notes"_s});
    EXPECT_EQ(result.exitCode, 2) << result;
    EXPECT_FALSE(result.err.trimmed().isEmpty()) << result;
    EXPECT_EQ(exportBytes(dbPath(), u"after.csv"_s), before);
}

TEST_F(CliSet, MissingUprnIsAUsageError)
{
    const CliResult result = cli({u"households"_s, u"set"_s, u"notes=x"_s});
    EXPECT_EQ(result.exitCode, 2) << result;
}

TEST_F(CliSet, UprnTakenByAnotherHouseholdIsRejected)
{
    const QByteArray before = exportBytes(dbPath(), u"before.csv"_s);
    const CliResult result = set(u"100012345601"_s, {u"uprn=100012345602"_s});
    EXPECT_EQ(result.exitCode, 1) << result;
    EXPECT_EQ(exportBytes(dbPath(), u"after.csv"_s), before);
}
