#include "domain/job.h"
#include "store/database.h"
#include "store/jobrepository.h"
#include "store/stockledger.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace saferhomes;

namespace {

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QString uuid(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

class JobsFromPackagesTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        ASSERT_TRUE(m_dir.isValid());
        const auto opened = m_database.open(m_dir.filePath(text("packages.sqlite")));
        ASSERT_TRUE(opened) << qPrintable(opened.errorString());
        run(text("INSERT INTO area (id, name, created_at) VALUES ('%1', 'Melton', 'x'), "
                 "('%2', 'Oadby', 'x')")
                .arg(uuid(901), uuid(902)));
        run(text("INSERT INTO equipment_type (code, name, unit_cost_pence, fit_minutes, skill) "
                 "VALUES ('LOCK', 'Lock', 100, 30, 'locks'), "
                 "('ALARM', 'Alarm', 100, 60, 'alarms')"));
    }

    void run(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(sql)) << qPrintable(query.lastError().text()) << "\n"
                                     << qPrintable(sql);
    }

    QVariant scalar(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

    /// Household \a n (status, area) with a completed survey n+100 whose package agrees
    /// 2 LOCK and leaves 1 ALARM out.
    void addPackage(int n, const char *status, int area)
    {
        run(text("INSERT INTO household (id, address_line1, postcode, area_id, status, "
                 "created_at, updated_at) VALUES ('%1', '%2 High St', 'LE13 1AB', '%3', '%4', "
                 "'x', 'x')")
                .arg(uuid(n))
                .arg(n)
                .arg(uuid(area), text(status)));
        run(text("INSERT INTO survey (id, household_id, definition_version, started_at, "
                 "completed_at, by_user) VALUES ('%1', '%2', '1', 'x', '2026-11-01', 'o')")
                .arg(uuid(n + 100), uuid(n)));
        run(text("INSERT INTO recommendation (id, survey_id, equipment_code, qty, agreed) "
                 "VALUES ('%1', '%3', 'LOCK', 2, 1), ('%2', '%3', 'ALARM', 1, 0)")
                .arg(uuid(n + 200), uuid(n + 300), uuid(n + 100)));
    }

    void addJob(int id, int household, const char *status)
    {
        run(text("INSERT INTO job (id, household_id, survey_id, status, created_at) "
                 "VALUES ('%1', '%2', '%3', '%4', 'x')")
                .arg(uuid(id), uuid(household), uuid(household + 100), text(status)));
    }

    QTemporaryDir m_dir;
    Database m_database {text("packages-test")};
};

} // namespace

TEST_F(JobsFromPackagesTest, OneUnscheduledJobPerAgreedPackageWithoutOne)
{
    addPackage(1, "accepted", 901); // no job yet: gets one
    addPackage(2, "accepted", 901); // its job found nobody in: gets a revisit
    addJob(500, 2, "no_access");
    addPackage(3, "accepted", 902); // its job was cancelled: gets one (other area)
    addJob(501, 3, "cancelled");
    addPackage(4, "scheduled", 901); // booked already: none
    addJob(502, 4, "scheduled");
    addPackage(5, "installed", 901); // done: none
    addJob(503, 5, "completed");
    addPackage(6, "declined", 901); // declined since: none

    JobRepository jobs(m_database, text("tester"));
    const Result<QList<QUuid>> melton = jobs.createForAgreedPackages(text("Melton"));
    ASSERT_TRUE(melton) << qPrintable(melton.errorString());
    EXPECT_EQ(melton->size(), 2);
    const Result<QList<QUuid>> rest = jobs.createForAgreedPackages({});
    ASSERT_TRUE(rest) << qPrintable(rest.errorString());
    EXPECT_EQ(rest->size(), 1);
    const Result<QList<QUuid>> again = jobs.createForAgreedPackages({});
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->isEmpty());

    const Result<QList<Job>> open = jobs.jobs({{}, {}, JobStatus::Unscheduled});
    ASSERT_TRUE(open) << qPrintable(open.errorString());
    ASSERT_EQ(open->size(), 3);
    QStringList households;
    for (const Job &job : *open) {
        households.append(job.householdId.toString(QUuid::WithoutBraces));
        EXPECT_EQ(job.durationMinutes, 15 + 2 * 30); // only the agreed items count
        ASSERT_EQ(job.items.size(), 1);
        EXPECT_EQ(job.items[0].code, text("LOCK"));
        EXPECT_EQ(job.items[0].qty, 2);
        EXPECT_EQ(job.items[0].fittedQty, 0);
        const bool revisit = job.householdId == QUuid(uuid(2));
        EXPECT_EQ(job.revisitOf, revisit ? QUuid(uuid(500)) : QUuid());
    }
    households.sort();
    EXPECT_EQ(households, (QStringList {uuid(1), uuid(2), uuid(3)}));
    // Each new job and item goes to the central database.
    EXPECT_EQ(scalar(text("SELECT count(*) FROM outbox WHERE kind = 'create' "
                          "AND entity IN ('job', 'job_item') "
                          "AND entity_id NOT IN ('%1', '%2', '%3', '%4')")
                         .arg(uuid(500), uuid(501), uuid(502), uuid(503)))
                  .toInt(),
              6);
}

TEST_F(JobsFromPackagesTest, AgreeingAgainUpdatesTheUnscheduledJob)
{
    addPackage(1, "accepted", 901);
    JobRepository jobs(m_database, text("tester"));
    const Result<QUuid> first = jobs.packageAgreed(QUuid(uuid(101)));
    ASSERT_TRUE(first) << qPrintable(first.errorString());
    ASSERT_FALSE(first->isNull());

    run(text("UPDATE recommendation SET agreed = 1 WHERE equipment_code = 'ALARM'"));
    const Result<QUuid> second = jobs.packageAgreed(QUuid(uuid(101)));
    ASSERT_TRUE(second) << qPrintable(second.errorString());
    EXPECT_EQ(*second, *first);
    const Result<QList<Job>> all = jobs.jobs({});
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 1);
    EXPECT_EQ(all->at(0).durationMinutes, 15 + 2 * 30 + 60);
    ASSERT_EQ(all->at(0).items.size(), 2);
    EXPECT_EQ(all->at(0).items[1].code, text("ALARM"));

    // A declined household's package makes no job.
    addPackage(2, "declined", 901);
    const Result<QUuid> none = jobs.packageAgreed(QUuid(uuid(102)));
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->isNull());
}

TEST_F(JobsFromPackagesTest, CompletingTheLastOpenJobInstallsAndNoAccessReturnsToTheTray)
{
    addPackage(1, "scheduled", 901);
    addJob(500, 1, "scheduled");
    addJob(501, 1, "scheduled"); // a second visit still to come
    run(text("INSERT INTO job_item (id, job_id, equipment_code, qty) VALUES ('%1', '%2', "
             "'LOCK', 2)")
            .arg(uuid(600), uuid(500)));
    addPackage(2, "scheduled", 901);
    addJob(502, 2, "scheduled");
    run(text("INSERT INTO job_item (id, job_id, equipment_code, qty) VALUES ('%1', '%2', "
             "'LOCK', 2)")
            .arg(uuid(601), uuid(502)));
    JobRepository jobs(m_database, text("tester"));
    // What is fitted beyond a reservation comes from stock that is there (here the depot's:
    // the jobs have no fitter).
    ASSERT_TRUE(StockLedger(m_database, text("tester")).receive(text("LOCK"), 4, text("depot")));
    const auto householdStatus = [&](int n) {
        return scalar(text("SELECT status FROM household WHERE id = '%1'").arg(uuid(n))).toString();
    };

    EXPECT_EQ(jobs.complete(QUuid(uuid(500)), {{text("ALARM"), 1}}, {}, {}).error().kind,
              Error::Kind::Invalid); // not an item of the job
    Result<bool> done = jobs.complete(QUuid(uuid(500)), {{text("LOCK"), 1}},
                                      {{text("LOCK"), text("S1")}}, text("Ann Smith"));
    ASSERT_TRUE(done) << qPrintable(done.errorString());
    EXPECT_TRUE(*done);
    EXPECT_EQ(householdStatus(1), text("scheduled")); // job 501 is still open
    EXPECT_EQ(scalar(text("SELECT fitted_qty || '/' || fitted || '/' || serial FROM job_item "
                          "WHERE id = '%1'")
                         .arg(uuid(600)))
                  .toString(),
              text("1/1/S1"));
    done = jobs.complete(QUuid(uuid(500)), {{text("LOCK"), 2}}, {}, {}); // re-sent
    ASSERT_TRUE(done);
    EXPECT_FALSE(*done);
    EXPECT_EQ(
        scalar(text("SELECT fitted_qty FROM job_item WHERE id = '%1'").arg(uuid(600))).toInt(), 1);
    done = jobs.complete(QUuid(uuid(501)), {}, {}, {});
    ASSERT_TRUE(done) << qPrintable(done.errorString());
    EXPECT_EQ(householdStatus(1), text("installed"));

    const Result<QUuid> revisit = jobs.noAccess(QUuid(uuid(502)), text("no answer"));
    ASSERT_TRUE(revisit) << qPrintable(revisit.errorString());
    EXPECT_EQ(householdStatus(2), text("accepted"));
    EXPECT_EQ(scalar(text("SELECT status FROM job WHERE id = '%1'").arg(uuid(502))).toString(),
              text("no_access"));
    EXPECT_EQ(scalar(text("SELECT status || '/' || revisit_of FROM job WHERE id = '%1'")
                         .arg(revisit->toString(QUuid::WithoutBraces)))
                  .toString(),
              text("unscheduled/") + uuid(502));
    EXPECT_EQ(scalar(text("SELECT count(*) FROM job_item WHERE job_id = '%1' AND qty = 2")
                         .arg(revisit->toString(QUuid::WithoutBraces)))
                  .toInt(),
              1);
    EXPECT_EQ(jobs.noAccess(QUuid(uuid(502)), {}).error().kind, Error::Kind::Invalid);
    // The revisit is the package's open job: no other is made for it.
    const Result<QList<QUuid>> created = jobs.createForAgreedPackages({});
    ASSERT_TRUE(created);
    EXPECT_TRUE(created->isEmpty());
}
