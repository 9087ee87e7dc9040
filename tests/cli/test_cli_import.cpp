// DESIGN.md §5: files that import, and what the household looks like afterwards (via export).

#include "clitestsupport.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

using CliImport = CliTest;

namespace {

QJsonObject success(int imported)
{
    return QJsonObject {{u"imported"_s, imported}, {u"rejected"_s, QJsonArray()}};
}

} // namespace

TEST_F(CliImport, QuotedFieldsAndExactTextSurviveToExport)
{
    const CliResult result = cli({u"households"_s, u"import"_s, dataFile(u"quoting.csv"_s)});
    ASSERT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json(), success(4)) << result;
    EXPECT_EQ(count(), 4);

    const CsvTable table = exportTable();
    ASSERT_EQ(table.rows.size(), 4);
    const int crescent = table.find(u"uprn"_s, u"100012345601"_s);
    ASSERT_GE(crescent, 0);
    EXPECT_EQ(table.value(crescent, u"address_line1"_s), u"1, The Crescent"_s);
    EXPECT_EQ(table.value(crescent, u"address_line2"_s), u"Flat 2"_s);
    EXPECT_EQ(table.value(crescent, u"town"_s), u"Melton Mowbray"_s);
    EXPECT_EQ(table.value(crescent, u"postcode"_s), u"LE13 1AB"_s);
    EXPECT_EQ(table.value(crescent, u"area"_s), u"Melton Town Centre"_s);
    EXPECT_EQ(table.value(crescent, u"resident_name"_s), u"Zoë Ó Súilleabháin"_s);
    EXPECT_EQ(table.value(crescent, u"phone"_s), u"01664 123456"_s);
    EXPECT_EQ(table.value(crescent, u"email"_s), u"zoe@example.org"_s);
    EXPECT_EQ(table.value(crescent, u"eligibility"_s), u"repeat_victim;vulnerable"_s);
    EXPECT_EQ(table.value(crescent, u"notes"_s), u"She said \"call first\", then \"knock\""_s);
    EXPECT_EQ(table.value(crescent, u"status"_s), u"identified"_s);

    const int obrien = table.find(u"uprn"_s, u"100012345602"_s);
    ASSERT_GE(obrien, 0);
    EXPECT_EQ(table.value(obrien, u"address_line1"_s), u"2 O'Brien Way"_s);
    EXPECT_EQ(table.value(obrien, u"resident_name"_s), u"O'Brien"_s);
    EXPECT_EQ(table.value(obrien, u"postcode"_s), u"LE13 1AB"_s);
    EXPECT_EQ(table.value(obrien, u"notes"_s), u"Line one\nLine two, with comma\nLine three"_s);

    const int sql = table.find(u"uprn"_s, u"100012345603"_s);
    ASSERT_GE(sql, 0);
    EXPECT_EQ(table.value(sql, u"address_line1"_s), u"Robert'); DROP TABLE household;--"_s);
    EXPECT_EQ(table.value(sql, u"resident_name"_s), u"x' OR '1'='1"_s);
    EXPECT_EQ(table.value(sql, u"notes"_s), u"SELECT * FROM resident; -- 100%"_s);
    EXPECT_EQ(table.value(sql, u"postcode"_s), u"LE18 4AB"_s);

    const int padded = table.find(u"uprn"_s, u"100012345604"_s);
    ASSERT_GE(padded, 0);
    EXPECT_EQ(table.value(padded, u"resident_name"_s), u"  Padded Name  "_s)
        << "text is stored exactly as given";
    EXPECT_EQ(table.value(padded, u"notes"_s), u"  leading and trailing  "_s)
        << "text is stored exactly as given";
}

TEST_F(CliImport, BomAndCrlfAreAccepted)
{
    // The BOM sits right before the first column name, which is a required one.
    const QByteArray bytes = "\xEF\xBB\xBF"
                             "address_line1,postcode,notes\r\n"
                             "1 Burton Street,LE13 1AH,plain\r\n"
                             "\"2 Burton Street\",LE13 1AH,\"two\r\nlines\"\r\n"
                             "3 Burton Street,LE13 1AH,\r\n";
    const CliResult result
        = cli({u"households"_s, u"import"_s, writeFile(u"bom-crlf.csv"_s, bytes)});
    ASSERT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json(), success(3)) << result;
    const CsvTable table = exportTable();
    ASSERT_EQ(table.rows.size(), 3);
    const int first = table.find(u"address_line1"_s, u"1 Burton Street"_s);
    ASSERT_GE(first, 0) << "the first column must be address_line1, not BOM + address_line1";
    EXPECT_EQ(table.value(first, u"notes"_s), u"plain"_s);
    const int second = table.find(u"address_line1"_s, u"2 Burton Street"_s);
    ASSERT_GE(second, 0);
    EXPECT_EQ(table.value(second, u"notes"_s), u"two\r\nlines"_s)
        << "text inside quotes is stored exactly as given";
    const int third = table.find(u"address_line1"_s, u"3 Burton Street"_s);
    ASSERT_GE(third, 0);
    EXPECT_EQ(table.value(third, u"notes"_s), QString());
}

TEST_F(CliImport, LfWithoutFinalLineBreakIsAccepted)
{
    const QByteArray bytes = "address_line1,postcode\n"
                             "1 Nottingham Road,LE13 0NP\n"
                             "2 Nottingham Road,LE13 0NP";
    const CliResult result = cli({u"households"_s, u"import"_s, writeFile(u"lf.csv"_s, bytes)});
    ASSERT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json(), success(2)) << result;
    EXPECT_EQ(count(), 2);
}

TEST_F(CliImport, HeaderIsCaseInsensitiveAndInAnyOrder)
{
    const QByteArray bytes = "Notes,POSTCODE,Town,Address_Line1,UPRN\n"
                             "a note,le13 1ab,Melton Mowbray,10 King Street,123\n";
    const CliResult result = cli({u"households"_s, u"import"_s, writeFile(u"h.csv"_s, bytes)});
    ASSERT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json(), success(1)) << result;
    const CsvTable table = exportTable();
    ASSERT_EQ(table.rows.size(), 1);
    EXPECT_EQ(table.value(0, u"address_line1"_s), u"10 King Street"_s);
    EXPECT_EQ(table.value(0, u"postcode"_s), u"LE13 1AB"_s);
    EXPECT_EQ(table.value(0, u"town"_s), u"Melton Mowbray"_s);
    EXPECT_EQ(table.value(0, u"notes"_s), u"a note"_s);
    EXPECT_EQ(table.value(0, u"uprn"_s), u"123"_s);
}

TEST_F(CliImport, UnknownColumnIsOnlyAWarning)
{
    const QByteArray bytes = "address_line1,favourite_colour,postcode\n"
                             "1 Sherrard Street,teal,LE13 1XJ\n";
    const CliResult result = cli({u"households"_s, u"import"_s, writeFile(u"u.csv"_s, bytes)});
    ASSERT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json(), success(1)) << result;
    EXPECT_TRUE(result.errText().contains(u"favourite_colour"_s))
        << "the warning names the column on stderr\n"
        << result;
    EXPECT_FALSE(QString::fromUtf8(result.out).contains(u"favourite_colour"_s))
        << "warnings belong on stderr, not in the JSON on stdout\n"
        << result;
    EXPECT_EQ(count(), 1);
}

TEST_F(CliImport, PostcodesAreNormalised)
{
    const QByteArray bytes = "address_line1,postcode\n"
                             "1 A Street,le13 1ab\n"
                             "2 A Street,LE131AB\n"
                             "3 A Street, le2  4ab \n"
                             "4 A Street,sw1a1aa\n"
                             "5 A Street,m1 1ae\n";
    const CliResult result = cli({u"households"_s, u"import"_s, writeFile(u"p.csv"_s, bytes)});
    ASSERT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json(), success(5)) << result;
    const CsvTable table = exportTable();
    const QList<std::pair<QString, QString>> expected {{u"1 A Street"_s, u"LE13 1AB"_s},
                                                       {u"2 A Street"_s, u"LE13 1AB"_s},
                                                       {u"3 A Street"_s, u"LE2 4AB"_s},
                                                       {u"4 A Street"_s, u"SW1A 1AA"_s},
                                                       {u"5 A Street"_s, u"M1 1AE"_s}};
    for (const auto &[address, postcode] : expected) {
        const int row = table.find(u"address_line1"_s, address);
        ASSERT_GE(row, 0) << address.toStdString();
        EXPECT_EQ(table.value(row, u"postcode"_s), postcode) << address.toStdString();
    }
}

TEST_F(CliImport, EastingNorthingBecomeLatitudeLongitude)
{
    // Melton Mowbray market place on the British National Grid.
    const QByteArray bytes = "address_line1,postcode,easting,northing\n"
                             "1 Market Place,LE13 1XF,475300,319200\n";
    const CliResult result = cli({u"households"_s, u"import"_s, writeFile(u"en.csv"_s, bytes)});
    ASSERT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json(), success(1)) << result;
    const CsvTable table = exportTable();
    ASSERT_EQ(table.rows.size(), 1);
    bool latOk = false;
    bool lonOk = false;
    const double latitude = table.value(0, u"latitude"_s).toDouble(&latOk);
    const double longitude = table.value(0, u"longitude"_s).toDouble(&lonOk);
    ASSERT_TRUE(latOk && lonOk) << table.value(0, u"latitude"_s).toStdString() << ", "
                                << table.value(0, u"longitude"_s).toStdString();
    EXPECT_NEAR(latitude, 52.766, 0.005);
    EXPECT_NEAR(longitude, -0.886, 0.005);
}

TEST_F(CliImport, LatitudeLongitudeAreKept)
{
    const QByteArray bytes = "address_line1,postcode,latitude,longitude\n"
                             "1 The Parade,LE2 5BF,52.6062,-1.0811\n"
                             "2 No Position,LE2 5BF,,\n";
    const CliResult result = cli({u"households"_s, u"import"_s, writeFile(u"ll.csv"_s, bytes)});
    ASSERT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json(), success(2)) << result;
    const CsvTable table = exportTable();
    const int parade = table.find(u"address_line1"_s, u"1 The Parade"_s);
    ASSERT_GE(parade, 0);
    EXPECT_DOUBLE_EQ(table.value(parade, u"latitude"_s).toDouble(), 52.6062);
    EXPECT_DOUBLE_EQ(table.value(parade, u"longitude"_s).toDouble(), -1.0811);
    const int none = table.find(u"address_line1"_s, u"2 No Position"_s);
    ASSERT_GE(none, 0);
    EXPECT_EQ(table.value(none, u"latitude"_s), QString());
    EXPECT_EQ(table.value(none, u"longitude"_s), QString());
}

TEST_F(CliImport, CoastalPlacesAreInTheUkByLatitudeLongitudeAndByGridReference)
{
    // Once refused as "not in the UK": east-coast towns in Norfolk and Lincolnshire (town
    // centres from a map; grid references of the same places), and Ordnance Survey's own worked
    // example, the Caister water tower.
    const QByteArray byPosition = "address_line1,postcode,latitude,longitude\n"
                                  "1 Caister,NR30 5AA,52.651,1.727\n"
                                  "1 Hemsby,NR29 4AA,52.696,1.693\n"
                                  "1 Winterton,NR29 4AA,52.716,1.691\n"
                                  "1 Sea Palling,NR12 0AA,52.789,1.604\n"
                                  "1 Skegness,PE25 1AA,53.144,0.336\n"
                                  "1 Ingoldmells,PE25 1AA,53.193,0.341\n"
                                  "1 Chapel St Leonards,PE24 5AA,53.223,0.338\n"
                                  "1 Sutton on Sea,LN12 2AA,53.311,0.283\n";
    const QByteArray byGrid = "address_line1,postcode,easting,northing\n"
                              "Water Tower,NR30 5AA,651409.903,313177.270\n"
                              "2 Hemsby,NR29 4AA,649635,317324\n"
                              "2 Winterton,NR29 4AA,649385,319541\n"
                              "2 Sea Palling,NR12 0AA,643105,327359\n"
                              "2 Skegness,PE25 1AA,556338,363310\n"
                              "2 Ingoldmells,PE25 1AA,556494,368771\n"
                              "2 Chapel St Leonards,PE24 5AA,556184,372101\n"
                              "2 Sutton on Sea,LN12 2AA,552200,381770\n";
    const CliResult positions
        = cli({u"households"_s, u"import"_s, writeFile(u"coast.csv"_s, byPosition)});
    ASSERT_EQ(positions.exitCode, 0) << positions;
    EXPECT_EQ(positions.json(), success(8)) << positions;
    const CliResult grid = cli({u"households"_s, u"import"_s, writeFile(u"grid.csv"_s, byGrid)});
    ASSERT_EQ(grid.exitCode, 0) << grid;
    EXPECT_EQ(grid.json(), success(8)) << grid;
    EXPECT_EQ(count(), 16);
}

TEST_F(CliImport, UnknownAreaIsCreatedWithAWarning)
{
    const QByteArray first = "address_line1,postcode,area\n"
                             "1 High Street,LE7 1AA,Syston\n"
                             "2 High Street,LE7 1AA,Syston\n";
    const CliResult result = cli({u"households"_s, u"import"_s, writeFile(u"a.csv"_s, first)});
    ASSERT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json(), success(2)) << result;
    EXPECT_TRUE(result.errText().contains(u"Syston"_s)) << "a warning names the new area\n"
                                                        << result;
    const QJsonArray areas = progress().value(u"by_area"_s).toArray();
    bool found = false;
    for (const QJsonValue &area : areas) {
        if (area.toObject().value(u"area"_s).toString() == u"Syston"_s) {
            found = true;
            EXPECT_EQ(area.toObject().value(u"households"_s).toInt(), 2);
        }
    }
    EXPECT_TRUE(found) << "by_area has the new area";

    // Now it is known: no warning about it the second time.
    const QByteArray second = "address_line1,postcode,area\n"
                              "3 High Street,LE7 1AA,Syston\n";
    const CliResult again = cli({u"households"_s, u"import"_s, writeFile(u"b.csv"_s, second)});
    ASSERT_EQ(again.exitCode, 0) << again;
    EXPECT_FALSE(again.errText().contains(u"Syston"_s)) << again;
    EXPECT_EQ(count(), 3);
}

TEST_F(CliImport, EveryEligibilityWordIsAccepted)
{
    const QByteArray bytes = "address_line1,postcode,eligibility\n"
                             "1 A Road,LE13 1AB,repeat_victim\n"
                             "2 A Road,LE13 1AB,near_repeat;vulnerable\n"
                             "3 A Road,LE13 1AB,hotspot;referral\n"
                             "4 A Road,LE13 1AB,\n";
    const CliResult result = cli({u"households"_s, u"import"_s, writeFile(u"e.csv"_s, bytes)});
    ASSERT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json(), success(4)) << result;
    const CsvTable table = exportTable();
    EXPECT_EQ(table.value(table.find(u"address_line1"_s, u"2 A Road"_s), u"eligibility"_s),
              u"near_repeat;vulnerable"_s);
    EXPECT_EQ(table.value(table.find(u"address_line1"_s, u"4 A Road"_s), u"eligibility"_s),
              QString());
}

TEST_F(CliImport, HouseholdsWithoutUprnAreNotDuplicates)
{
    const QByteArray bytes = "uprn,address_line1,postcode\n"
                             ",1 A Road,LE13 1AB\n"
                             ",2 A Road,LE13 1AB\n";
    const CliResult result = cli({u"households"_s, u"import"_s, writeFile(u"n.csv"_s, bytes)});
    ASSERT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json(), success(2)) << result;
}

TEST_F(CliImport, ImportsAddUp)
{
    importOk(dbPath(), dataFile(u"quoting.csv"_s));
    const QByteArray bytes = "address_line1,postcode\n1 More Street,LE13 1AB\n";
    importOk(dbPath(), writeFile(u"more.csv"_s, bytes));
    EXPECT_EQ(count(), 5);
}
