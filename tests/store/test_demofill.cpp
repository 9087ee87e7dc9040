// How the demo is written into a database: only into a new register, all or nothing (a failure
// or a cancel leaves nothing), marked as a demo with nothing queued to send, every table copied
// or deliberately skipped, durability restored, and kept statements prepared again.

#include "demodatatest.h"
#include "domain/householdfield.h"
#include "domain/householdstatus.h"
#include "domain/job.h"
#include "domain/visit.h"
#include "service/scheduleservice.h"
#include "store/consentrepository.h"
#include "store/demotransfer.h"
#include "store/fitterrepository.h"
#include "store/householdrepository.h"
#include "store/jobrepository.h"
#include "store/preparedcache.h"
#include "store/surveyrepository.h"
#include "survey/recommendationengine.h"
#include "survey/surveydefinition.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QtEndian>

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <functional>
#include <vector>

using namespace saferhomes;
using namespace saferhomes::test;

namespace {

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

TEST_F(DemoDataTest, RefusesADatabaseThatHasHouseholds)
{
    Database &db = filled(QStringLiteral("twice"), 50, 1);
    const int events = number(db, QStringLiteral("SELECT count(*) FROM audit_event"));
    const Status again = DemoData::fill(db, {50, 1});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, Error::Kind::Refused);
    EXPECT_TRUE(again.errorString().contains(QStringLiteral("already")))
        << qPrintable(again.errorString());
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM household")), 50);
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM audit_event")), events);

    Database &imported = open(QStringLiteral("imported"));
    HouseholdRecord record;
    record.household.addressLine1 = text("12 Thorpe End");
    record.household.postcode = text("LE13 1RB");
    HouseholdRepository repository(imported, QStringLiteral("tester"));
    const Status inserted = repository.insert({record});
    ASSERT_TRUE(inserted) << qPrintable(inserted.errorString());
    const Status onImported = DemoData::fill(imported, {});
    EXPECT_FALSE(onImported.ok());
    EXPECT_FALSE(onImported.errorString().isEmpty());
    EXPECT_EQ(repository.count().value(), 1);
}

TEST_F(DemoDataTest, AFailureLeavesTheDatabaseUnchanged)
{
    // Make the fill collide with a fitter that is already there (ids repeat with the seed).
    const Database &reference = filled(QStringLiteral("reference"), 20, 8);
    const QString fitterId
        = rows(reference, QStringLiteral("SELECT id FROM fitter ORDER BY rowid DESC LIMIT 1"))
              .first()
              .first();
    Database &db = open(QStringLiteral("collision"));
    QSqlQuery query(db.connection());
    query.prepare(QStringLiteral("INSERT INTO fitter (id, name) VALUES (?, 'Someone Else')"));
    query.addBindValue(fitterId);
    ASSERT_TRUE(query.exec()) << qPrintable(query.lastError().text());

    const Status collided = DemoData::fill(db, {20, 8});
    EXPECT_FALSE(collided.ok());
    EXPECT_FALSE(collided.errorString().isEmpty());
    for (const char *table : {"household", "area", "equipment_type", "audit_event", "resident"})
        EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))),
                  0)
            << table;
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM fitter")), 1);
    // ...and a later fill on the same connection works.
    query.exec(QStringLiteral("DELETE FROM fitter"));
    const Status retried = DemoData::fill(db, {20, 8});
    EXPECT_TRUE(retried.ok()) << qPrintable(retried.errorString());
    EXPECT_EQ(leftBeside(db), QStringList());
}

TEST_F(DemoDataTest, AFailureWhileCopyingLeavesNothing)
{
    // A disk that fills up half way through the one transaction that brings the fill in: the
    // 40th survey (or, second time round, the first job) cannot be written.
    int round = 0;
    for (const char *trigger :
         {"CREATE TRIGGER fail BEFORE INSERT ON survey WHEN (SELECT count(*) FROM survey) >= 40 "
          "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
          "CREATE TRIGGER fail BEFORE INSERT ON job "
          "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"}) {
        Database &db = open(QStringLiteral("undone-%1").arg(++round));
        QSqlQuery query(db.connection());
        ASSERT_TRUE(query.exec(QString::fromLatin1(trigger)))
            << qPrintable(query.lastError().text());

        const Status failed = DemoData::fill(db, {120, 4});
        ASSERT_FALSE(failed.ok());
        EXPECT_EQ(failed.error().kind, Error::Kind::Database);
        EXPECT_TRUE(failed.errorString().contains(QStringLiteral("disk is full")))
            << qPrintable(failed.errorString());
        for (const char *table :
             {"household", "resident", "area", "equipment_type", "fitter", "visit", "consent",
              "attachment", "survey", "recommendation", "job", "job_item", "stock_movement",
              "audit_event", "outbox", "meta WHERE key = 'demo_data'"}) {
            EXPECT_EQ(
                number(db, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))), 0)
                << table << " after " << trigger;
        }
        const HouseholdRepository repository(db, QStringLiteral("tester"));
        EXPECT_TRUE(repository.quickFind(QStringLiteral("Road")).value().isEmpty());
        EXPECT_EQ(number(db, QStringLiteral("PRAGMA synchronous")), 2) << "FULL";
        EXPECT_EQ(leftBeside(db), QStringList());

        // ...and once the disk has room again, the fill works.
        ASSERT_TRUE(query.exec(QStringLiteral("DROP TRIGGER fail")));
        const Status retried = DemoData::fill(db, {120, 4});
        EXPECT_TRUE(retried.ok()) << qPrintable(retried.errorString());
        EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM household")), 120);
    }
}

TEST_F(DemoDataTest, ACancelledFillLeavesNothing)
{
    Database &db = open(QStringLiteral("cancelled"));
    std::atomic_bool cancel = false;
    int lastDone = 0;
    DemoData::Options options {80, 3};
    options.cancel = &cancel;
    options.progress = [&](int done, int total) {
        EXPECT_EQ(total, 80);
        EXPECT_EQ(done, lastDone + 1);
        lastDone = done;
        if (done == 30)
            cancel = true;
    };
    const Status stopped = DemoData::fill(db, options);
    ASSERT_FALSE(stopped.ok());
    EXPECT_EQ(stopped.error().kind, Error::Kind::Cancelled);
    EXPECT_EQ(lastDone, 30);
    for (const char *table : {"household", "area", "visit", "audit_event"})
        EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))),
                  0)
            << table;
    EXPECT_EQ(leftBeside(db), QStringList());
}

TEST_F(DemoDataTest, TheDemoIsMarkedAndQueuesNothingToSend)
{
    const Database &db = filled(QStringLiteral("marked"), 40, 2);
    const Result<bool> demo = DemoTransfer::isDemo(db);
    ASSERT_TRUE(demo.ok()) << qPrintable(demo.errorString());
    EXPECT_TRUE(demo.value());
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM outbox")), 0);
    EXPECT_EQ(number(db, QStringLiteral("SELECT applying FROM sync_flag")), 0);

    const Database &plain = open(QStringLiteral("plain"));
    const Result<bool> notDemo = DemoTransfer::isDemo(plain);
    ASSERT_TRUE(notDemo.ok()) << qPrintable(notDemo.errorString());
    EXPECT_FALSE(notDemo.value());
}

TEST_F(DemoDataTest, TheDemoIsOfferedOnlyToANewRegister)
{
    const auto offered = [](const Database &db) {
        const Result<bool> offer = DemoTransfer::shouldOfferDemo(db);
        EXPECT_TRUE(offer.ok()) << qPrintable(offer.errorString());
        return offer.ok() && offer.value();
    };
    const Database &fresh = open(QStringLiteral("fresh"));
    EXPECT_TRUE(offered(fresh));
    ASSERT_TRUE(DemoTransfer::declineDemo(fresh).ok());
    EXPECT_FALSE(offered(fresh)) << "declined";

    EXPECT_FALSE(offered(filled(QStringLiteral("demo"), 10, 1))) << "holds the demo";

    Database &imported = open(QStringLiteral("imported"));
    HouseholdRecord record;
    record.household.addressLine1 = text("3 Burton Road");
    record.household.postcode = text("LE13 1DL");
    HouseholdRepository repository(imported, QStringLiteral("tester"));
    const Status inserted = repository.insert({record});
    ASSERT_TRUE(inserted) << qPrintable(inserted.errorString());
    EXPECT_FALSE(offered(imported)) << "has a household";

    const Database &synced = open(QStringLiteral("synced"));
    QSqlQuery query(synced.connection());
    ASSERT_TRUE(
        query.exec(QStringLiteral("INSERT INTO sync_state (key, value) VALUES ('cursor', '1')")));
    EXPECT_FALSE(offered(synced)) << "has synced";

    // A damaged database is an error, not "no".
    const Database &broken = open(QStringLiteral("broken"));
    QSqlQuery drop(broken.connection());
    ASSERT_TRUE(drop.exec(QStringLiteral("DROP TABLE sync_state")));
    const Result<bool> failed = DemoTransfer::shouldOfferDemo(broken);
    ASSERT_FALSE(failed.ok());
    EXPECT_TRUE(failed.errorString().contains(QStringLiteral("sync_state")))
        << qPrintable(failed.errorString());
    const Result<bool> demoFailed = DemoTransfer::isDemo(broken);
    EXPECT_TRUE(demoFailed.ok()) << "meta is still there";
}

TEST_F(DemoDataTest, EveryTableIsCopiedOrDeliberatelySkipped)
{
    const Database &db = open(QStringLiteral("tables"));
    QStringList expected = DemoTransfer::copiedTables() + DemoTransfer::skippedTables();
    expected.sort();
    QStringList tables;
    for (const QStringList &row :
         rows(db,
              QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name "
                             "NOT LIKE 'household_fts_%' ORDER BY name")))
        tables << row.first();
    EXPECT_EQ(tables, expected);
}

TEST_F(DemoDataTest, DurabilityIsRestoredAfterTheFill)
{
    const Database &db = filled(QStringLiteral("durable"), 30, 1);
    EXPECT_EQ(number(db, QStringLiteral("PRAGMA synchronous")), 2);
    EXPECT_EQ(number(db, QStringLiteral("PRAGMA wal_autocheckpoint")), 1000);
}

TEST_F(DemoDataTest, NoHouseholdsStillGivesACatalogue)
{
    const Database &db = filled(QStringLiteral("empty"), 0, 1);
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM household")), 0);
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM equipment_type")), 11);
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM area")), 2);
}

// A timing, not a check: run with --gtest_also_run_disabled_tests.
TEST_F(DemoDataTest, DISABLED_HundredThousandHouseholds)
{
    Database &db = open(QStringLiteral("large"));
    QElapsedTimer timer;
    timer.start();
    const Status done = DemoData::fill(db, {100000, 1});
    ASSERT_TRUE(done.ok()) << qPrintable(done.errorString());
    std::printf("100000 households in %.1f s\n", double(timer.elapsed()) / 1000.0);
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM household")), 100000);
    for (const char *table :
         {"resident", "visit", "consent", "attachment", "survey", "recommendation", "job",
          "job_item", "stock_movement", "audit_event", "fitter"}) {
        std::printf(
            "%-16s %d\n", table,
            number(db, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))));
    }
    for (const QString &status : HouseholdStatusRules::allNames()) {
        EXPECT_GT(
            number(db, QStringLiteral("SELECT count(*) FROM household WHERE status = ?"), {status}),
            0);
    }
}

// The writes of the fill keep their statements prepared (PreparedCache); a connection closed
// and opened again, or a statement that could not be prepared, is prepared afresh.
TEST_F(DemoDataTest, KeptStatementsArePreparedAgainWhenTheConnectionChanged)
{
    Database &db = open(QStringLiteral("kept"));
    const QString path = db.path();
    PreparedCache cache;
    const QString insert = QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)");
    const auto write = [&](const QString &key) {
        PreparedCache::Statement statement = cache.statement(db.connectionName(), insert);
        EXPECT_TRUE(statement.prepared) << qPrintable(statement.query.lastError().text());
        statement.query.addBindValue(key);
        statement.query.addBindValue(QStringLiteral("1"));
        EXPECT_TRUE(statement.query.exec()) << qPrintable(statement.query.lastError().text());
        return &statement.query;
    };
    QSqlQuery *first = write(QStringLiteral("kept-a"));
    EXPECT_EQ(write(QStringLiteral("kept-b")), first) << "the same statement, kept";
    db.close();
    ASSERT_TRUE(db.open(path).ok());
    write(QStringLiteral("kept-c"));
    EXPECT_EQ(number(db, QStringLiteral("SELECT count(*) FROM meta WHERE key LIKE 'kept-%'")), 3);

    const QString elsewhere = QStringLiteral("INSERT INTO elsewhere (x) VALUES (?)");
    const PreparedCache::Statement missing = cache.statement(db.connectionName(), elsewhere);
    EXPECT_FALSE(missing.prepared);
    EXPECT_TRUE(missing.query.lastError().text().contains(QStringLiteral("elsewhere")))
        << qPrintable(missing.query.lastError().text());
    QSqlQuery create(db.connection());
    ASSERT_TRUE(create.exec(QStringLiteral("CREATE TABLE elsewhere (x)")));
    PreparedCache::Statement found = cache.statement(db.connectionName(), elsewhere);
    ASSERT_TRUE(found.prepared) << qPrintable(found.query.lastError().text());
    found.query.addBindValue(7);
    EXPECT_TRUE(found.query.exec()) << qPrintable(found.query.lastError().text());
    EXPECT_EQ(number(db, QStringLiteral("SELECT x FROM elsewhere")), 7);
}

// The doorstep's reads keep their statements too (a demo fill reads a household's summary at
// every step), but no cursor: a read left on its row would keep the connection on its old
// snapshot, and its next write, after another connection wrote, would fail as busy.
TEST_F(DemoDataTest, KeptReadsLeaveNoSnapshotOpen)
{
    Database &db = filled(QStringLiteral("reads"), 40, 2);
    Database other(QStringLiteral("demo-test-reads-other"));
    ASSERT_TRUE(other.open(db.path()).ok());
    const QList<QStringList> surveyed
        = rows(db,
               QStringLiteral("SELECT s.household_id, s.id, a.id FROM survey s JOIN attachment a "
                              "ON a.household_id = s.household_id ORDER BY s.rowid LIMIT 1"));
    ASSERT_EQ(surveyed.size(), 1);
    const QUuid household(surveyed[0][0]);
    const QUuid survey(surveyed[0][1]);
    const QUuid attachment(surveyed[0][2]);
    const QString resident
        = rows(db, QStringLiteral("SELECT id FROM resident WHERE household_id = ?"),
               {surveyed[0][0]})
              .value(0)
              .value(0);
    HouseholdRepository households(db, QStringLiteral("tester"));
    ConsentRepository consents(db, QStringLiteral("tester"));
    SurveyRepository surveys(db, QStringLiteral("tester"));
    const std::vector<std::pair<const char *, std::function<bool()>>> reads {
        {"summary",
         [&] {
             return households.summary(household).ok();
         }},
        {"find",
         [&] {
             return households.find(household).ok();
         }},
        {"transitionContext",
         [&] {
             return households.transitionContext(household).ok();
         }},
        {"latest",
         [&] {
             return consents.latest(household, ConsentPurpose::SurveyFitting).ok();
         }},
        {"isResidentOf",
         [&] {
             return consents.isResidentOf(QUuid(resident), household).ok();
         }},
        {"attachment",
         [&] {
             return consents.attachment(attachment).ok();
         }},
        {"survey",
         [&] {
             return surveys.find(survey).ok();
         }},
        {"draft",
         [&] {
             return surveys.draft(household).ok();
         }},
        {"package",
         [&] {
             return surveys.package(survey).ok();
         }},
        {"unknownEquipment",
         [&] {
             return surveys.unknownEquipment({QStringLiteral("X")}).ok();
         }},
    };
    int priority = 0;
    for (const auto &[name, read] : reads) {
        priority = priority % 9 + 1; // 1 to 9, each differing from the one before
        // Twice: the second time from the kept statement.
        ASSERT_TRUE(read()) << name;
        ASSERT_TRUE(read()) << name;
        QSqlQuery theirs(other.connection());
        ASSERT_TRUE(theirs.exec(QStringLiteral("UPDATE household SET priority = %1 WHERE id = '%2'")
                                    .arg(priority)
                                    .arg(household.toString(QUuid::WithoutBraces))))
            << qPrintable(theirs.lastError().text());
        QSqlQuery mine(db.connection());
        EXPECT_TRUE(mine.exec(QStringLiteral("UPDATE household SET notes = '%1' WHERE id = '%2'")
                                  .arg(QLatin1String(name))
                                  .arg(household.toString(QUuid::WithoutBraces))))
            << name << ": " << qPrintable(mine.lastError().text());
        EXPECT_EQ(households.summary(household).value().priority, priority) << name;
    }
}
