// DESIGN.md §4: `households export FILE` has the import columns plus `id` and `status` and
// round-trips exactly.

#include "clitestsupport.h"

#include <QJsonArray>
#include <QSet>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

using CliExport = CliTest;

namespace {

// The §5 columns that describe a household (easting/northing become latitude/longitude).
const QStringList kContractColumns {
    u"id"_s,          u"status"_s,        u"uprn"_s,  u"address_line1"_s, u"address_line2"_s,
    u"town"_s,        u"postcode"_s,      u"area"_s,  u"latitude"_s,      u"longitude"_s,
    u"eligibility"_s, u"resident_name"_s, u"phone"_s, u"email"_s,         u"notes"_s};

} // namespace

TEST_F(CliExport, HasTheImportColumnsPlusIdAndStatus)
{
    importOk(dbPath(), dataFile(u"quoting.csv"_s));
    const CsvTable table = exportTable();
    for (const QString &column : kContractColumns)
        EXPECT_GE(table.column(column), 0) << column.toStdString() << " missing from export";
    ASSERT_EQ(table.rows.size(), 4);
    QSet<QString> ids;
    for (int row = 0; row < table.rows.size(); ++row) {
        EXPECT_EQ(table.rows[row].size(), table.header.size()) << "row " << row;
        const QString id = table.value(row, u"id"_s);
        EXPECT_FALSE(QUuid::fromString(id).isNull()) << "id " << id.toStdString();
        ids.insert(id);
        EXPECT_EQ(table.value(row, u"status"_s), u"identified"_s);
    }
    EXPECT_EQ(ids.size(), 4) << "ids are unique";
}

TEST_F(CliExport, RoundTripsByteForByte)
{
    importOk(dbPath(), dataFile(u"quoting.csv"_s));
    importOk(dbPath(), dataFile(u"statuses.csv"_s));
    importOk(dbPath(),
             writeFile(u"more.csv"_s,
                       "\xEF\xBB\xBFPostcode,ADDRESS_LINE1,easting,northing,phone,email\r\n"
                       "le13 1xf,1 Market Place,475300,319200,+44 1664 502502,"
                       "market@example.org\r\n"
                       "LE13 1AB,\"Flat 3\r\nThe Maltings\",475000,319000,,\r\n"));
    const int households = count();
    ASSERT_EQ(households, 23);

    const QByteArray exportA = exportBytes(dbPath(), u"a.csv"_s);
    const QString second = dbPath(u"second.sqlite"_s);
    importOk(second, path(u"a.csv"_s));
    EXPECT_EQ(count(second), households);
    const QByteArray exportB = exportBytes(second, u"b.csv"_s);
    EXPECT_EQ(exportA, exportB) << "export A:\n"
                                << exportA.toStdString() << "\nexport B:\n"
                                << exportB.toStdString();

    // The ids and statuses travel too.
    const CsvTable a = parseCsv(exportA);
    const CsvTable b = parseCsv(exportB);
    EXPECT_EQ(a, b);
    const int followedUp = a.find(u"uprn"_s, u"300000000014"_s);
    ASSERT_GE(followedUp, 0);
    EXPECT_EQ(a.value(followedUp, u"status"_s), u"followed_up"_s);
    EXPECT_EQ(progress(second).value(u"by_status"_s).toObject(),
              progress().value(u"by_status"_s).toObject());

    // And a third generation changes nothing either.
    const QString third = dbPath(u"third.sqlite"_s);
    importOk(third, path(u"b.csv"_s));
    EXPECT_EQ(exportBytes(third, u"c.csv"_s), exportA);
}

TEST_F(CliExport, ReimportIntoTheSameDatabaseListsEveryClash)
{
    // Households without a UPRN clash by id only; with a UPRN by both. Either way the import
    // refuses and lists every record with its line (§5: "every problem is listed").
    importOk(dbPath(),
             writeFile(u"mixed.csv"_s,
                       "uprn,address_line1,postcode\n"
                       ",1 No Uprn Road,LE13 1AB\n"
                       ",2 No Uprn Road,LE13 1AB\n"
                       "400000000001,3 Uprn Road,LE13 1AB\n"));
    const QByteArray before = exportBytes(dbPath(), u"a.csv"_s);
    const CliResult result = cli({u"households"_s, u"import"_s, path(u"a.csv"_s)});
    EXPECT_EQ(result.exitCode, 1) << result;
    const QJsonObject json = result.json();
    EXPECT_EQ(json.value(u"imported"_s), QJsonValue(0)) << result;
    QList<int> lines;
    for (const QJsonValue &entry : json.value(u"rejected"_s).toArray())
        lines.append(entry.toObject().value(u"line"_s).toInt());
    for (int line : {2, 3, 4})
        EXPECT_TRUE(lines.contains(line)) << "no rejection for line " << line << "\n" << result;
    EXPECT_EQ(count(), 3);
    EXPECT_EQ(exportBytes(dbPath(), u"b.csv"_s), before);
}

TEST_F(CliExport, EmptyDatabaseExportsAHeader)
{
    ASSERT_EQ(cli({u"init"_s}).exitCode, 0);
    const QString file = path(u"empty.csv"_s);
    const CliResult result = cli({u"households"_s, u"export"_s, file});
    EXPECT_EQ(result.exitCode, 0) << result;
    EXPECT_TRUE(result.jsonOrNull().has_value()) << result;
    const CsvTable table = parseCsv(readFile(file));
    EXPECT_TRUE(table.rows.isEmpty());
    for (const QString &column : kContractColumns)
        EXPECT_GE(table.column(column), 0) << column.toStdString();
}

TEST_F(CliExport, UnwritablePathIsAFileError)
{
    importOk(dbPath(), dataFile(u"quoting.csv"_s));
    const CliResult result = cli({u"households"_s, u"export"_s, path(u"no-such-folder/out.csv"_s)});
    EXPECT_EQ(result.exitCode, 2) << result;
    EXPECT_TRUE(result.errText().contains(u"out.csv"_s)) << result;
}

TEST_F(CliExport, ExportWithoutFileIsAUsageError)
{
    const CliResult result = cli({u"households"_s, u"export"_s});
    EXPECT_EQ(result.exitCode, 2) << result;
}
