#include "storefixture.h"

#include "importexport/householdexporter.h"
#include "importexport/householdimporter.h"
#include "service/householdservice.h"
#include "store/auditlog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>
#include <functional>

using namespace saferhomes;
using saferhomes::test::StoreFixture;

using HouseholdRepositoryTest = StoreFixture;

namespace {

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

TEST_F(HouseholdRepositoryTest, InsertedHouseholdsReadBackExactly)
{
    HouseholdRecord record = household(text("12 Thorpe End"), text("LE13 1RB"),
                                       text("Zoë Ó Súilleabháin"), text("Melton Town Centre"));
    record.household.latitude = 52.7661;
    record.household.longitude = -0.8867;
    record.household.eligibility = {text("repeat_victim"), text("vulnerable")};
    record.household.notes = text("'; DROP TABLE household; --");
    record.household.uprn = text("100030512345");
    QStringList created;
    const Status inserted = m_repository->insert({record}, &created);
    ASSERT_TRUE(inserted) << qPrintable(inserted.errorString());
    EXPECT_EQ(created, QStringList {text("Melton Town Centre")});
    EXPECT_EQ(m_repository->count().value(), 1);

    const auto id = m_repository->findByUprn(text("100030512345"));
    ASSERT_TRUE(id);
    const auto found = m_repository->find(*id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->household.addressLine1, record.household.addressLine1);
    EXPECT_EQ(found->household.notes, record.household.notes);
    EXPECT_EQ(found->household.eligibility, record.household.eligibility);
    EXPECT_EQ(found->household.latitude, 52.7661);
    EXPECT_EQ(found->household.areaName, text("Melton Town Centre"));
    EXPECT_EQ(found->resident.name, text("Zoë Ó Súilleabháin"));
    EXPECT_EQ(found->household.status, HouseholdStatus::Identified);
}

TEST_F(HouseholdRepositoryTest, ASummaryCarriesEachColumnOfItsHousehold)
{
    HouseholdRecord record = household(text("12 Thorpe End"), text("LE13 1RB"), text("Sam Cole"),
                                       text("Melton Town Centre"));
    record.household.id = QUuid::createUuid();
    const Status inserted = m_repository->insert({record});
    ASSERT_TRUE(inserted) << qPrintable(inserted.errorString());
    giveSummaryColumns(record.household.id);
    QSqlQuery rid(m_database.connection());
    ASSERT_TRUE(rid.exec(QStringLiteral("SELECT rid FROM household WHERE id = '%1'")
                             .arg(record.household.id.toString(QUuid::WithoutBraces)))
                && rid.next());
    const qint64 localKey = rid.value(0).toLongLong();
    rid.finish();

    const auto expectColumns = [&](const HouseholdSummary &row) {
        EXPECT_EQ(row.id, record.household.id);
        EXPECT_EQ(row.localKey, localKey);
        EXPECT_EQ(row.addressLine1, text("12 Thorpe End"));
        EXPECT_EQ(row.postcode, text("LE13 1RB"));
        EXPECT_EQ(row.areaName, text("Melton Town Centre"));
        EXPECT_EQ(row.residentName, text("Sam Cole"));
        expectGivenColumns(row);
    };
    const Result<HouseholdSummary> summary = m_repository->summary(record.household.id);
    ASSERT_TRUE(summary) << qPrintable(summary.errorString());
    expectColumns(*summary);
    const Result<QList<HouseholdSummary>> summaries = m_repository->summaries();
    ASSERT_TRUE(summaries) << qPrintable(summaries.errorString());
    ASSERT_EQ(summaries->size(), 1);
    expectColumns(summaries->first());
}

TEST_F(HouseholdRepositoryTest, QuickFindMatchesAddressPostcodeAndName)
{
    ASSERT_TRUE(m_repository->insert({
        household(text("12 Thorpe End"), text("LE13 1RB"), text("Margaret Smith")),
        household(text("3 Burton Road"), text("LE13 1DL"), text("Zoë O'Brien")),
        household(text("120 Leicester Road"), text("LE18 1DR"), text("Ann Patel")),
    }));
    EXPECT_EQ(m_repository->quickFind(text("LE13 1")).value().size(), 2);
    EXPECT_EQ(m_repository->quickFind(text("le131rb")).value().size(), 1);
    EXPECT_EQ(m_repository->quickFind(text("12 Thorpe")).value().size(), 1);
    EXPECT_EQ(m_repository->quickFind(text("smith")).value().size(), 1);
    EXPECT_EQ(m_repository->quickFind(text("zoe")).value().size(), 1); // diacritics folded
    EXPECT_EQ(m_repository->quickFind(text("O'Brien")).value().size(), 1);
    EXPECT_EQ(m_repository->quickFind(text("road")).value().size(), 2);
    EXPECT_TRUE(m_repository->quickFind(text("nowhere")).value().isEmpty());
    EXPECT_TRUE(m_repository->quickFind(text("\"*)")).value().isEmpty()); // no FTS syntax leaks
}

TEST_F(HouseholdRepositoryTest, EditsAreAuditedAndFindable)
{
    ASSERT_TRUE(m_repository->insert(
        {household(text("1 Dalby Road"), text("LE13 0BG"), text("Jo Bloggs"))}));
    const QUuid id = m_repository->summaries().value().constFirst().id;
    HouseholdService service(*m_repository);
    const auto result = service.setFields(
        id, {{text("postcode"), text("le13 0bh")}, {text("resident_name"), text("Jo Smith")}});
    ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());
    EXPECT_EQ(m_repository->find(id)->household.postcode, text("LE13 0BH"));
    EXPECT_EQ(m_repository->quickFind(text("Smith")).value(),
              QList<qint64> {m_repository->summary(id)->localKey});
    EXPECT_TRUE(m_repository->quickFind(text("Bloggs")).value().isEmpty());

    const QList<AuditEvent> history = AuditLog::history(
        m_database.connectionName(), text("household"), id.toString(QUuid::WithoutBraces));
    ASSERT_EQ(history.size(), 3); // created, postcode, resident_name
    EXPECT_EQ(history[1].field, text("postcode"));
    EXPECT_EQ(history[1].oldValue.toString(), text("LE13 0BG"));
    EXPECT_EQ(history[1].newValue.toString(), text("LE13 0BH"));
    EXPECT_EQ(history[1].userName, text("tester"));
    EXPECT_EQ(history[1].device, m_database.deviceId());
}

TEST_F(HouseholdRepositoryTest, RefusedEditsChangeNothing)
{
    ASSERT_TRUE(m_repository->insert({household(text("1 Dalby Road"), text("LE13 0BG"))}));
    const QUuid id = m_repository->summaries().value().constFirst().id;
    HouseholdService service(*m_repository);
    // One bad value refuses the whole edit.
    auto result = service.setFields(
        id, {{text("notes"), text("fine")}, {text("postcode"), text("nowhere")}});
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.field, text("postcode"));
    EXPECT_TRUE(m_repository->find(id)->household.notes.isEmpty());

    result = service.setFields(id, {{text("status"), text("installed")}});
    EXPECT_FALSE(result.ok());
    result = service.setFields(id, {{text("latitude"), text("52.7")}});
    EXPECT_FALSE(result.ok()) << "latitude without longitude";
    EXPECT_EQ(AuditLog::history(m_database.connectionName(), text("household"),
                                id.toString(QUuid::WithoutBraces))
                  .size(),
              1);
}

TEST_F(HouseholdRepositoryTest, StatusFollowsTheFunnelButUndoMayCorrect)
{
    ASSERT_TRUE(m_repository->insert({household(text("1 Dalby Road"), text("LE13 0BG"))}));
    const QUuid id = m_repository->summaries().value().constFirst().id;
    HouseholdService service(*m_repository);
    ASSERT_TRUE(service.setFields(id, {{text("status"), text("contacted")}}).ok());
    EXPECT_FALSE(service.setFields(id, {{text("status"), text("identified")}}).ok());
    EXPECT_TRUE(service
                    .setFields(id, {{text("status"), text("identified")}},
                               HouseholdService::Mode::Correction)
                    .ok());
    EXPECT_EQ(m_repository->find(id)->household.status, HouseholdStatus::Identified);
}

TEST_F(HouseholdRepositoryTest, DuplicateUprnIsRefusedOnEdit)
{
    HouseholdRecord a = household(text("1 A Street"), text("LE13 0BG"));
    a.household.uprn = text("111");
    HouseholdRecord b = household(text("2 A Street"), text("LE13 0BG"));
    b.household.uprn = text("222");
    ASSERT_TRUE(m_repository->insert({a, b}));
    HouseholdService service(*m_repository);
    const auto result
        = service.setFields(*m_repository->findByUprn(text("222")), {{text("uprn"), text("111")}});
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.errorString().contains(text("another household")));
}

TEST_F(HouseholdRepositoryTest, AFailedInsertWritesNothing)
{
    HouseholdRecord a = household(text("1 A Street"), text("LE13 0BG"), {}, text("New Area"));
    HouseholdRecord b = household(text("2 A Street"), text("LE13 0BG"));
    b.household.id = QUuid::createUuid();
    HouseholdRecord c = b; // same id: the database refuses the third record
    QStringList created;
    const Status inserted = m_repository->insert({a, b, c}, &created);
    ASSERT_FALSE(inserted);
    EXPECT_EQ(inserted.error().kind, Error::Kind::Database);
    EXPECT_TRUE(inserted.errorString().contains(text("UNIQUE constraint failed: household.id")))
        << qPrintable(inserted.errorString());
    EXPECT_TRUE(created.isEmpty());
    EXPECT_EQ(m_repository->count().value(), 0);
    const QList<Area> areas = m_repository->areas().value();
    EXPECT_TRUE(std::none_of(areas.cbegin(), areas.cend(),
                             [](const Area &a) { return a.name == text("Melton"); }));
    EXPECT_TRUE(m_repository->quickFind(text("Street")).value().isEmpty());
}

TEST_F(HouseholdRepositoryTest, CancellingAnInsertWritesNothing)
{
    QList<HouseholdRecord> records;
    for (int i = 0; i < 2000; ++i)
        records.append(household(text("%1 Long Street").arg(i), text("LE13 0BG")));
    const Status inserted
        = m_repository->insert(records, nullptr, [](qint64 done, qint64) { return done < 1000; });
    ASSERT_FALSE(inserted);
    EXPECT_EQ(inserted.error().kind, Error::Kind::Cancelled);
    EXPECT_EQ(m_repository->count().value(), 0);
}

TEST_F(HouseholdRepositoryTest, DiskFullDuringImportLosesNothing)
{
    ASSERT_TRUE(m_repository->insert({household(text("1 Kept Street"), text("LE13 0BG"))}));
    {
        QSqlQuery query(m_database.connection());
        // Cap the file near its current size: the next large write hits SQLITE_FULL just
        // as a full disk would.
        ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA page_count")));
        query.next();
        const int pages = query.value(0).toInt();
        ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 5)));
    }
    QList<HouseholdRecord> records;
    for (int i = 0; i < 3000; ++i)
        records.append(
            household(text("%1 Full Street").arg(i), text("LE13 0BG"), text("Resident %1").arg(i)));
    const Status inserted = m_repository->insert(records);
    ASSERT_FALSE(inserted);
    EXPECT_EQ(inserted.error().kind, Error::Kind::Database);
    EXPECT_TRUE(inserted.errorString().contains(text("full"), Qt::CaseInsensitive))
        << qPrintable(inserted.errorString());
    EXPECT_EQ(m_repository->count().value(), 1);
}

TEST_F(HouseholdRepositoryTest, ALockedDatabaseIsReportedAndLosesNothing)
{
    Database other(QStringLiteral("other-program"));
    ASSERT_TRUE(other.open(m_path));
    QSqlQuery lock(other.connection());
    ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    ASSERT_TRUE(
        lock.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('holding', 'the lock')")));
    const Status inserted
        = m_repository->insert({household(text("1 Locked Street"), text("LE13 0BG"))});
    ASSERT_FALSE(inserted);
    EXPECT_EQ(inserted.error().kind, Error::Kind::Locked) << qPrintable(inserted.errorString());
    EXPECT_TRUE(inserted.errorString().contains(text("locked"), Qt::CaseInsensitive))
        << qPrintable(inserted.errorString());
    ASSERT_TRUE(lock.exec(QStringLiteral("ROLLBACK")));
    EXPECT_EQ(m_repository->count().value(), 0);
}

TEST_F(HouseholdRepositoryTest, AnEditUnderAHeldLockIsLockedNamesTheFileAndWritesNothing)
{
    HouseholdRecord record = household(text("3 Locked Street"), text("LE13 0BG"));
    record.household.id = QUuid::createUuid();
    ASSERT_TRUE(m_repository->insert({record}));
    Database other(QStringLiteral("other-program"));
    ASSERT_TRUE(other.open(m_path));
    QSqlQuery lock(other.connection());
    ASSERT_TRUE(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    ASSERT_TRUE(
        lock.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('holding', 'the lock')")));

    const Status saved
        = m_repository->setFields(record.household.id, {{HouseholdField::Notes, text("Key safe")}});
    ASSERT_FALSE(saved);
    EXPECT_EQ(saved.error().kind, Error::Kind::Locked) << qPrintable(saved.errorString());
    EXPECT_TRUE(saved.errorString().contains(QDir::toNativeSeparators(m_path)))
        << qPrintable(saved.errorString());
    EXPECT_TRUE(saved.errorString().contains(text("database is locked")))
        << qPrintable(saved.errorString());

    // Through the service the kind survives: a lock is not a refused value (the CLI's exit 2).
    HouseholdService service(*m_repository);
    const HouseholdService::Result edited
        = service.setFields(record.household.id, {{text("notes"), text("Key safe")}});
    ASSERT_FALSE(edited.ok());
    EXPECT_EQ(edited.status.error().kind, Error::Kind::Locked) << qPrintable(edited.errorString());
    EXPECT_TRUE(edited.errorString().startsWith(text("The change was not saved: ")))
        << qPrintable(edited.errorString());
    EXPECT_TRUE(edited.field.isEmpty());

    const Status area = m_repository->saveArea({{}, text("Melton"), 150, 100000});
    ASSERT_FALSE(area);
    EXPECT_EQ(area.error().kind, Error::Kind::Locked) << qPrintable(area.errorString());
    EXPECT_TRUE(area.errorString().contains(QDir::toNativeSeparators(m_path)))
        << qPrintable(area.errorString());

    ASSERT_TRUE(lock.exec(QStringLiteral("ROLLBACK")));
    EXPECT_EQ(m_repository->find(record.household.id).value().household.notes, QString());
    const QList<Area> areas = m_repository->areas().value();
    EXPECT_TRUE(std::none_of(areas.cbegin(), areas.cend(),
                             [](const Area &a) { return a.name == text("Melton"); }));
}

TEST_F(HouseholdRepositoryTest, ProgressCountsByStatusAndArea)
{
    QList<HouseholdRecord> records;
    const QList<HouseholdStatus> statuses {HouseholdStatus::Identified, HouseholdStatus::Accepted,
                                           HouseholdStatus::Installed, HouseholdStatus::Declined,
                                           HouseholdStatus::FollowedUp};
    for (int i = 0; i < statuses.size(); ++i) {
        HouseholdRecord r = household(text("%1 Road").arg(i), text("LE13 0BG"), {},
                                      i % 2 ? text("Oadby and Wigston") : text("Melton"));
        r.household.status = statuses[i];
        records.append(r);
    }
    ASSERT_TRUE(m_repository->insert(records));
    ASSERT_TRUE(m_repository->saveArea({{}, text("Melton"), 150, 100000}));
    const StatusCounts counts = m_repository->statusCounts().value();
    EXPECT_EQ(counts.byStatus.value(HouseholdStatus::Installed), 1);
    EXPECT_EQ(counts.byStatus.value(HouseholdStatus::Scheduled), 0);
    EXPECT_EQ(counts.target, 150);
    ASSERT_EQ(counts.byArea.size(), 2);
    EXPECT_EQ(counts.byArea[0].name, text("Melton"));
    EXPECT_EQ(counts.byArea[0].households, 3);
    EXPECT_EQ(counts.byArea[0].secured, 2); // installed + followed_up
    EXPECT_EQ(counts.byArea[1].secured, 0);
}

TEST_F(HouseholdRepositoryTest, AFirstPositionIsSavedWithBothCoordinatesTogether)
{
    ASSERT_TRUE(m_repository->insert({household(text("1 Dalby Road"), text("LE13 0BG"))}));
    const QUuid id = m_repository->summaries().value().constFirst().id;
    HouseholdService service(*m_repository);
    const auto result = service.setFields(
        id, {{text("latitude"), text("52.7661")}, {text("longitude"), text("-0.8867")}});
    ASSERT_TRUE(result.ok()) << qPrintable(result.errorString());
    EXPECT_EQ(m_repository->find(id)->household.latitude, 52.7661);
    EXPECT_EQ(m_repository->find(id)->household.longitude, -0.8867);
    // Clearing both together is allowed too; one alone is not.
    EXPECT_FALSE(service.setFields(id, {{text("latitude"), QString()}}).ok());
    EXPECT_TRUE(
        service.setFields(id, {{text("latitude"), QString()}, {text("longitude"), QString()}})
            .ok());
    EXPECT_FALSE(m_repository->find(id)->household.latitude);
}

TEST_F(HouseholdRepositoryTest, ACancelledExportKeepsTheOldFile)
{
    QList<HouseholdRecord> records;
    for (int i = 0; i < 3000; ++i)
        records.append(household(text("%1 Long Street").arg(i), text("LE13 0BG")));
    ASSERT_TRUE(m_repository->insert(records));
    const QString path = m_dir.filePath(text("export.csv"));
    {
        QFile old(path);
        ASSERT_TRUE(old.open(QIODevice::WriteOnly));
        old.write("precious\n");
    }
    HouseholdExporter exporter(*m_repository);
    const Result<int> cancelled
        = exporter.write(path, [](qint64 done, qint64) { return done < 1000; });
    ASSERT_FALSE(cancelled);
    EXPECT_EQ(cancelled.error().kind, Error::Kind::Cancelled);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), QByteArray("precious\n"));
    const Result<int> written = exporter.write(path);
    ASSERT_TRUE(written) << qPrintable(written.errorString());
    EXPECT_EQ(*written, 3000);
}

TEST_F(HouseholdRepositoryTest, ABatchIsAuditedOnceAndEachHouseholdShowsItsCreation)
{
    const auto importEvents = [this] {
        QList<QJsonObject> events;
        QSqlQuery query(m_database.connection());
        query.exec(QStringLiteral("SELECT new_value FROM audit_event WHERE entity = 'import' "
                                  "ORDER BY seq"));
        while (query.next())
            events.append(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object());
        return events;
    };
    const auto createdBy = [this](const QUuid &id) {
        const QList<AuditEvent> history = AuditLog::history(
            m_database.connectionName(), text("household"), id.toString(QUuid::WithoutBraces));
        return history.isEmpty() || history.first().field != text("created")
            ? QString()
            : history.first().newValue.toString();
    };
    ASSERT_TRUE(m_repository->insert({household(text("1 A Street"), text("LE13 0BG")),
                                      household(text("2 A Street"), text("LE13 0BG"))},
                                     nullptr, {}, {text("first.csv"), text("ab12")}));
    ASSERT_TRUE(m_repository->insert({household(text("3 B Street"), text("LE13 0BH"))}));

    const QList<QJsonObject> events = importEvents();
    ASSERT_EQ(events.size(), 2) << "one event per batch, not per household";
    EXPECT_EQ(events[0][text("households")].toInt(), 2);
    EXPECT_EQ(events[0][text("file")].toString(), text("first.csv"));
    EXPECT_EQ(events[0][text("sha256")].toString(), text("ab12"));
    EXPECT_EQ(events[1][text("households")].toInt(), 1);
    EXPECT_FALSE(events[1].contains(text("file")));
    for (const HouseholdSummary &summary : m_repository->summaries().valueOr({})) {
        const bool first = summary.addressLine1 != text("3 B Street");
        const QJsonObject &event = events[first ? 0 : 1];
        EXPECT_GE(summary.localKey, event[text("first_rid")].toInteger());
        EXPECT_LE(summary.localKey, event[text("last_rid")].toInteger());
        // Each household's history starts with its batch's event, and only that one.
        EXPECT_EQ(createdBy(summary.id), first ? text("first.csv") : QString());
        EXPECT_EQ(AuditLog::history(m_database.connectionName(), text("household"),
                                    summary.id.toString(QUuid::WithoutBraces))
                      .size(),
                  1);
    }
}

TEST_F(HouseholdRepositoryTest, ABatchIsRefusedWhereTheSchemaWouldRefuseARow)
{
    // The bulk path switches SQLite's per-row checks off and checks each row as it encodes it
    // (HouseholdRows): each of the household table's CHECK constraints must still refuse the
    // whole batch, naming the household.
    const auto broken = [this](const std::function<void(HouseholdRecord &)> &breakIt) {
        HouseholdRecord bad = household(text("2 Bad Street"), text("LE13 0BG"), text("Al"));
        breakIt(bad);
        return m_repository->insert({household(text("1 Good Street"), text("LE13 0BG")), bad});
    };
    const QList<std::pair<const char *, std::function<void(HouseholdRecord &)>>> cases {
        {"priority",
         [](HouseholdRecord &r) {
             r.household.priority = 12;
         }},
        {"latitude alone",
         [](HouseholdRecord &r) {
             r.household.latitude = 52.7;
         }},
        {"latitude",
         [](HouseholdRecord &r) {
             r.household.latitude = 10.0;
             r.household.longitude = -0.9;
         }},
        {"address",
         [](HouseholdRecord &r) {
             r.household.addressLine1 = text("   ");
         }},
        {"uprn letters",
         [](HouseholdRecord &r) {
             r.household.uprn = text("12a");
         }},
        {"uprn length",
         [](HouseholdRecord &r) {
             r.household.uprn = text("1234567890123");
         }},
    };
    for (const auto &[name, breakIt] : cases) {
        const Status inserted = broken(breakIt);
        ASSERT_FALSE(inserted) << name;
        EXPECT_EQ(inserted.error().kind, Error::Kind::Invalid) << name;
        EXPECT_TRUE(inserted.errorString().startsWith(text("household 2 of 2 (")))
            << name << ": " << qPrintable(inserted.errorString());
        EXPECT_EQ(m_repository->count().value(), 0) << name;
        EXPECT_TRUE(m_repository->quickFind(text("Good")).value().isEmpty()) << name;
    }
    QSqlQuery query(m_database.connection());
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT count(*) FROM audit_event")));
    ASSERT_TRUE(query.next());
    EXPECT_EQ(query.value(0).toInt(), 0);

    // ...and the connection checks every row again afterwards.
    ASSERT_TRUE(m_repository->insert({household(text("1 Good Street"), text("LE13 0BG"))}));
    EXPECT_FALSE(query.exec(QStringLiteral("UPDATE household SET priority = 12")));
    EXPECT_FALSE(query.exec(QStringLiteral("UPDATE household SET area_id = 'nowhere'")))
        << "foreign keys are checked again";
}

TEST_F(HouseholdRepositoryTest, QuickFindTakesAPostcodeTypedWithoutItsSpace)
{
    ASSERT_TRUE(m_repository->insert({
        household(text("12 Thorpe End"), text("LE13 1RB")),
        household(text("3 Burton Road"), text("LE13 1DL")),
        household(text("1 Bell Street"), text("LE1 3AB")),
        household(text("7 Welford Road"), text("W1A 0AX")),
    }));
    EXPECT_EQ(m_repository->quickFind(text("LE131RB")).value().size(), 1);
    EXPECT_EQ(m_repository->quickFind(text("le131")).value().size(), 2) << "on the way to LE131RB";
    EXPECT_EQ(m_repository->quickFind(text("LE131D")).value().size(), 1);
    EXPECT_EQ(m_repository->quickFind(text("le13a")).value().size(), 1) << "LE1 3AB";
    EXPECT_EQ(m_repository->quickFind(text("w1a0ax")).value().size(), 1);
    EXPECT_EQ(m_repository->quickFind(text("LE13 1")).value().size(), 2);
    EXPECT_EQ(m_repository->quickFind(text("12 le131rb")).value().size(), 1);
    EXPECT_TRUE(m_repository->quickFind(text("LE131X")).value().isEmpty());
    const QList<qint64> keys = m_repository->quickFind(text("road")).value();
    EXPECT_TRUE(std::is_sorted(keys.cbegin(), keys.cend()));
}

TEST_F(HouseholdRepositoryTest, AnImportRecordsItsFileAndDigest)
{
    const QByteArray data = "address_line1,postcode\r\n1 Dalby Road,le13 0bg\r\n"
                            "2 Dalby Road,LE13 0BG\r\n";
    const QString path = m_dir.filePath(text("council list.csv"));
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(data);
    }
    HouseholdImporter importer(*m_repository);
    const ImportPlan plan = importer.prepare(path);
    EXPECT_EQ(plan.fileName, text("council list.csv"));
    // Against Qt's own SHA-256 (the importer uses OpenSSL's).
    EXPECT_EQ(
        plan.sha256,
        QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
    ASSERT_EQ(importer.commit(plan, false).imported, 2);

    QSqlQuery query(m_database.connection());
    ASSERT_TRUE(query.exec(QStringLiteral(
        "SELECT json_extract(new_value, '$.file'), json_extract(new_value, '$.sha256'), "
        "json_extract(new_value, '$.households'), user_name FROM audit_event "
        "WHERE entity = 'import'")));
    ASSERT_TRUE(query.next());
    EXPECT_EQ(query.value(0).toString(), text("council list.csv"));
    EXPECT_EQ(query.value(1).toString(), plan.sha256);
    EXPECT_EQ(query.value(2).toInt(), 2);
    EXPECT_EQ(query.value(3).toString(), text("tester"));
    EXPECT_FALSE(query.next());
}

TEST_F(HouseholdRepositoryTest, ALargeBatchSkipsTheWalOnlyWhenNothingElseHasTheDatabaseOpen)
{
    const auto records = [](const QString &street) {
        QList<HouseholdRecord> list;
        for (int i = 0; i < 10000; ++i)
            list.append(household(text("%1 %2").arg(i).arg(street), text("LE13 0BG"),
                                  text("Resident %1").arg(i)));
        return list;
    };
    const auto scalar = [this](const char *sql) {
        QSqlQuery query(m_database.connection());
        return query.exec(QString::fromLatin1(sql)) && query.next() ? query.value(0) : QVariant();
    };
    const QVariant cacheSize = scalar("PRAGMA cache_size");
    const QFileInfo wal(m_path + text("-wal"));

    // Alone: a rollback journal, so the WAL stays small...
    const Status alone = m_repository->insert(records(text("Alone Street")));
    ASSERT_TRUE(alone) << qPrintable(alone.errorString());
    EXPECT_EQ(scalar("PRAGMA journal_mode").toString(), text("wal"));
    EXPECT_EQ(scalar("PRAGMA cache_size"), cacheSize);
    EXPECT_LT(QFileInfo(wal.filePath()).size(), 1 << 20);

    // ...with another connection open, the WAL as usual (and the other sees the rows).
    Database other(QStringLiteral("another-reader"));
    ASSERT_TRUE(other.open(m_path));
    const Status shared = m_repository->insert(records(text("Shared Street")));
    ASSERT_TRUE(shared) << qPrintable(shared.errorString());
    EXPECT_EQ(scalar("PRAGMA journal_mode").toString(), text("wal"));
    EXPECT_GT(QFileInfo(wal.filePath()).size(), 1 << 20);
    EXPECT_EQ(HouseholdRepository(other, text("other")).count().value(), 20000);
    EXPECT_EQ(m_repository->quickFind(text("Alone Street 9999")).value().size(), 1);
}
