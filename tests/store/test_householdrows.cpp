// The bulk insert's encoded rows (HouseholdRows) against the schema they stand in for: their
// checks against the household table's CHECK constraints, their quick-find text against
// householdSearchTextSelect(), and the importer that reads a file while it is written.

#include "storefixture.h"

#include "domain/uuidgenerator.h"
#include "importexport/householdimporter.h"
#include "store/handover.h"
#include "store/householdrows.h"
#include "store/householdsearch.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <array>
#include <cmath>
#include <thread>

using namespace saferhomes;
using saferhomes::test::StoreFixture;

using HouseholdRowsTest = StoreFixture;

namespace {

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

/// Whether SQLite's own CHECK constraints take a household row with these values.
bool tableTakes(const QSqlDatabase &db, const QString &uprn, const QString &line1,
                std::optional<double> latitude, std::optional<double> longitude, qint64 priority)
{
    QSqlQuery query(db);
    query.exec(QStringLiteral("SAVEPOINT probe"));
    query.prepare(QStringLiteral(
        "INSERT INTO household (id, uprn, address_line1, postcode, latitude, longitude, "
        "priority, created_at, updated_at) VALUES (?, ?, ?, 'LE13 0BG', ?, ?, ?, 'now', 'now')"));
    query.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
    query.addBindValue(uprn.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : uprn);
    query.addBindValue(line1);
    query.addBindValue(latitude ? QVariant(*latitude) : QVariant(QMetaType::fromType<double>()));
    query.addBindValue(longitude ? QVariant(*longitude) : QVariant(QMetaType::fromType<double>()));
    query.addBindValue(priority);
    const bool taken = query.exec();
    if (!taken) {
        EXPECT_TRUE(query.lastError().text().contains(text("CHECK constraint failed")))
            << qPrintable(query.lastError().text());
    }
    QSqlQuery(db).exec(QStringLiteral("ROLLBACK TO probe"));
    QSqlQuery(db).exec(QStringLiteral("RELEASE probe"));
    return taken;
}

/// One of 0 .. n - 1, each as likely (rapidcheck's ranges grow with the test's size).
int pick(int n)
{
    return *rc::gen::resize(100, rc::gen::inRange(0, n));
}

/// Mostly inside [low, high], sometimes its very edges, just outside them or far off.
double genCoordinate(double low, double high)
{
    switch (pick(16)) {
    case 0: return low;
    case 1: return high;
    case 2: return std::nextafter(low, -1e9);
    case 3: return std::nextafter(high, 1e9);
    case 4: return low + (high - low) * (pick(2) ? -0.5 : 1.5);
    default: return low + (high - low) * pick(1001) / 1000.0;
    }
}

/// A position: mostly both coordinates, sometimes none, rarely only one.
std::pair<std::optional<double>, std::optional<double>> genPosition()
{
    const int shape = pick(20);
    return {
        shape == 0 || shape == 2 ? std::nullopt : std::optional<double>(genCoordinate(49.8, 60.95)),
        shape == 0 || shape == 1 ? std::nullopt : std::optional<double>(genCoordinate(-8.7, 1.8))};
}

QString genUprn()
{
    const auto digits = [](int n) {
        QString uprn;
        for (int i = 0; i < n; ++i)
            uprn += QLatin1Char(char('0' + pick(10)));
        return uprn;
    };
    switch (pick(16)) {
    case 0: return {};
    case 1: return digits(13 + pick(2));
    case 2: return digits(1 + pick(11)).insert(pick(2), QLatin1Char('a'));
    case 3: return digits(2 + pick(10)).replace(0, 1, text("\u0663")); // Arabic-Indic three
    case 4: return digits(1 + pick(11)).append(QLatin1Char(' '));
    default: return digits(1 + pick(12));
    }
}

QString genAddressLine()
{
    static const char *const lines[]
        = {"", " ", "   ", "\t", " \t ", "\u00a0", "  1", "1 A Street"};
    return pick(6) == 0 ? text(lines[pick(8)]) : text("12 Dalby Road");
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    ASSERT_EQ(file.write(data), data.size());
}

} // namespace

TEST_F(HouseholdRowsTest, ItsRulesAreTheHouseholdTablesChecks)
{
    // Either way round: a row HouseholdRows lets through would be refused by nobody (the bulk
    // insert switches SQLite's checks off), and one it refuses the table would have taken.
    const QSqlDatabase db = m_database.connection();
    EXPECT_TRUE(rc::check("HouseholdRows::brokenRule() agrees with the CHECK constraints", [&db] {
        // Ten rows a case: most break one rule at most, so each rule's edges are met alone.
        for (int row = 0; row < 10; ++row) {
            const QString uprn = genUprn();
            const QString line1 = genAddressLine();
            const auto [latitude, longitude] = genPosition();
            const qint64 priority = pick(8) == 0 ? std::array {-1, 10, 12}[size_t(pick(3))]
                                                 : std::array {0, 9, 5}[size_t(pick(3))];
            const Status broken
                = HouseholdRows::brokenRule(uprn, line1, latitude, longitude, priority);
            RC_ASSERT(broken.ok() == tableTakes(db, uprn, line1, latitude, longitude, priority));
            RC_ASSERT(broken.ok() || broken.error().kind == Error::Kind::Invalid);
        }
    }));
}

TEST_F(HouseholdRowsTest, ItsQuickFindTextIsTheOneTheIndexIsKeptWith)
{
    // Edits take a household's old text out of the contentless index with the text
    // householdSearchTextSelect() makes; a bulk-inserted entry must have been made with the
    // very same bytes, or the old words would stay findable.
    QList<HouseholdRecord> records {
        household(text("1 Dalby Road"), text("LE13 0BG"), text("Zoë Ó Súilleabháin")),
        household(text("Flat 2, \"The Limes\""), text("LE18 1DR")),
        household(text("3 Back\\slash\tLane"), text("LE2 5AB"), text("Ann \"Nan\" Jones")),
    };
    records[1].household.addressLine2 = text("Welford Road");
    records[1].resident.phone = text("0116 496 0000"); // a resident without a name
    records[2].household.town = text("Oadby");
    UuidGenerator uuids;
    for (HouseholdRecord &record : records) {
        record.household.id = uuids.next();
        record.resident.id = uuids.next();
    }
    HouseholdRows rows;
    for (const HouseholdRecord &record : std::as_const(records))
        ASSERT_TRUE(rows.append(record, uuids).ok());
    const Status inserted = m_repository->insert(records);
    ASSERT_TRUE(inserted) << qPrintable(inserted.errorString());

    QSqlQuery query(m_database.connection());
    ASSERT_TRUE(query.exec(householdSearchTextSelect() + text("ORDER BY h.rid")));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        ASSERT_TRUE(query.next());
        const std::string_view encoded = rows.text(i, HouseholdRows::SearchText);
        EXPECT_EQ(query.value(1).toString(),
                  QString::fromUtf8(encoded.data(), qsizetype(encoded.size())));
    }
    EXPECT_FALSE(query.next());

    EXPECT_EQ(m_repository->quickFind(text("Limes")).value().size(), 1);
    EXPECT_EQ(m_repository->quickFind(text("slash")).value().size(), 1);
    EXPECT_EQ(m_repository->quickFind(text("Nan Jones")).value().size(), 1);
    EXPECT_EQ(m_repository->quickFind(text("zoe")).value().size(), 1);
    ASSERT_TRUE(m_repository->setFields(records[2].household.id,
                                        {{HouseholdField::AddressLine1, text("3 Front Lane")}}));
    EXPECT_TRUE(m_repository->quickFind(text("slash")).value().isEmpty());
    EXPECT_TRUE(m_repository->quickFind(text("Back")).value().isEmpty());
    EXPECT_EQ(m_repository->quickFind(text("Front Nan")).value().size(), 1);
}

TEST(Handover, EndsFromEitherSide)
{
    Handover<int> done(2);
    std::thread maker([&done] {
        for (int i = 0; i < 5; ++i)
            EXPECT_TRUE(done.put(int(i)));
        done.finish();
    });
    int sum = 0;
    while (const std::optional<int> item = done.take())
        sum += *item;
    maker.join();
    EXPECT_EQ(sum, 10);

    // The consumer stops while the maker waits for room: the maker is let go.
    Handover<int> stopped(1);
    int accepted = 0;
    std::thread eager([&] {
        while (stopped.put(1))
            ++accepted;
        stopped.finish();
    });
    ASSERT_TRUE(stopped.take().has_value());
    stopped.cancel();
    eager.join();
    EXPECT_GE(accepted, 1);
    EXPECT_FALSE(stopped.put(2));
}

TEST_F(HouseholdRowsTest, AProblemAfterTheFirstBatchesStillKeepsNothing)
{
    // Written while read: the records before the problem were already on their way into the
    // database when it was read. The whole file is still read and every problem listed.
    QByteArray data = "address_line1,postcode,uprn,area\n";
    for (int i = 1; i <= 3 * kHouseholdRowsBatch; ++i) {
        data += QByteArray::number(i) + " Long Street,LE13 0BG," + QByteArray::number(i)
            + (i % 2 ? ",Melton Town Centre\n" : ",Oadby and Wigston\n");
    }
    data += "Last Street,not a postcode,,\n";
    data += "Repeat Street,LE13 0BG,7,\n";
    const QString path = m_dir.filePath(text("long.csv"));
    writeFile(path, data);
    HouseholdImporter importer(*m_repository);

    const ImportResult refused = importer.import(path, false);
    EXPECT_EQ(refused.imported, 0);
    EXPECT_TRUE(refused.status) << qPrintable(refused.status.errorString());
    ASSERT_EQ(refused.rejected.size(), 2);
    EXPECT_EQ(refused.rejected[0].line, 3 * kHouseholdRowsBatch + 2);
    EXPECT_EQ(refused.rejected[0].column, text("postcode"));
    EXPECT_EQ(refused.rejected[1].line, 3 * kHouseholdRowsBatch + 3);
    EXPECT_EQ(refused.rejected[1].column, text("uprn"));
    EXPECT_EQ(m_repository->count().value(), 0);
    EXPECT_TRUE(m_repository->quickFind(text("Long")).value().isEmpty());
    QSqlQuery query(m_database.connection());
    ASSERT_TRUE(query.exec(text("SELECT (SELECT count(*) FROM outbox), "
                                "(SELECT count(*) FROM audit_event)")));
    ASSERT_TRUE(query.next());
    EXPECT_EQ(query.value(0).toInt(), 0);
    EXPECT_EQ(query.value(1).toInt(), 0);
    query.finish();

    const ImportResult skipped = importer.import(path, true);
    EXPECT_EQ(skipped.imported, 3 * kHouseholdRowsBatch);
    EXPECT_EQ(skipped.rejected.size(), 2);
    EXPECT_EQ(m_repository->count().value(), 3 * kHouseholdRowsBatch);
    EXPECT_EQ(m_repository->quickFind(text("Long Street")).value().size(), 3 * kHouseholdRowsBatch);
    // The areas named in every batch, made once in the first.
    const StatusCounts counts = m_repository->statusCounts().value();
    ASSERT_EQ(counts.byArea.size(), 2);
    for (const StatusCounts::AreaRow &area : counts.byArea)
        EXPECT_EQ(area.households, 3 * kHouseholdRowsBatch / 2) << qPrintable(area.name);
}

TEST_F(HouseholdRowsTest, CancellingAStreamedImportKeepsNothing)
{
    QByteArray data = "address_line1,postcode\n";
    for (int i = 1; i <= 4 * kHouseholdRowsBatch; ++i)
        data += QByteArray::number(i) + " Long Street,LE13 0BG\n";
    const QString path = m_dir.filePath(text("cancel.csv"));
    writeFile(path, data);
    HouseholdImporter importer(*m_repository);
    int calls = 0;
    const ImportResult result = importer.import(path, false, [&calls](qint64 done, qint64 total) {
        EXPECT_LE(done, total);
        return ++calls < 2;
    });
    EXPECT_TRUE(result.cancelled);
    EXPECT_EQ(result.imported, 0);
    EXPECT_EQ(m_repository->count().value(), 0);

    // A database error while the file is still being read ends both sides too: a full disk.
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(text("PRAGMA page_count")));
        ASSERT_TRUE(query.next());
        const int pages = query.value(0).toInt();
        query.finish();
        ASSERT_TRUE(query.exec(text("PRAGMA max_page_count = %1").arg(pages + 8)));
    }
    const ImportResult full = importer.import(path, false);
    EXPECT_EQ(full.imported, 0);
    ASSERT_FALSE(full.status);
    EXPECT_EQ(full.status.error().kind, Error::Kind::Refused);
    EXPECT_TRUE(full.status.errorString().contains(text("full"), Qt::CaseInsensitive))
        << qPrintable(full.status.errorString());
    EXPECT_EQ(m_repository->count().valueOr(-1), 0);
}
