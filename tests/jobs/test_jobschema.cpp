#include "domain/fitter.h"
#include "domain/job.h"
#include "store/database.h"
#include "store/fitterrepository.h"
#include "store/jobrepository.h"

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

class JobSchemaTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        ASSERT_TRUE(m_dir.isValid());
        const auto opened = m_database.open(m_dir.filePath(text("jobs.sqlite")));
        ASSERT_TRUE(opened) << qPrintable(opened.errorString());
    }

    bool exec(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        const bool ok = query.exec(sql);
        if (!ok)
            m_lastError = query.lastError().text();
        return ok;
    }

    QVariant scalar(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

    QTemporaryDir m_dir;
    Database m_database {text("jobs-test")};
    QString m_lastError;
};

} // namespace

TEST_F(JobSchemaTest, AJobMayBeUnscheduledAndCarriesItsPlanningFields)
{
    ASSERT_TRUE(exec(text("INSERT INTO household (id, address_line1, postcode, created_at, "
                          "updated_at) VALUES ('h1', '1 High St', 'LE13 1AB', 'x', 'x')")))
        << qPrintable(m_lastError);
    ASSERT_TRUE(exec(text("INSERT INTO job (id, household_id, status, created_at, "
                          "duration_minutes, pinned, sequence, availability, access_notes) "
                          "VALUES ('j1', 'h1', 'unscheduled', 'x', 95, 1, 2, "
                          "'{\"avoid_weekdays\":[5]}', 'Key with neighbour')")))
        << qPrintable(m_lastError);
    EXPECT_EQ(scalar(text("SELECT status || '/' || duration_minutes || '/' || pinned || '/' || "
                          "sequence FROM job"))
                  .toString(),
              text("unscheduled/95/1/2"));
    EXPECT_FALSE(exec(text("INSERT INTO job (id, household_id, status, created_at) "
                           "VALUES ('j2', 'h1', 'lost', 'x')")));
    EXPECT_FALSE(exec(text("INSERT INTO job (id, household_id, status, created_at, "
                           "availability) VALUES ('j3', 'h1', 'unscheduled', 'x', 'not json')")));
    // The job's outbox op is made by the rebuilt trigger, and an item delete makes one too.
    EXPECT_EQ(scalar(text("SELECT count(*) FROM outbox WHERE entity = 'job' AND kind = 'create'"))
                  .toInt(),
              1);
    ASSERT_TRUE(exec(text("INSERT INTO equipment_type (code, name, unit_cost_pence, "
                          "fit_minutes, skill) VALUES ('LOCK', 'Lock', 100, 30, 'locks')")));
    ASSERT_TRUE(exec(text("INSERT INTO job_item (id, job_id, equipment_code, qty) "
                          "VALUES ('i1', 'j1', 'LOCK', 2)")));
    ASSERT_TRUE(exec(text("DELETE FROM job_item WHERE id = 'i1'")));
    EXPECT_EQ(
        scalar(text("SELECT count(*) FROM outbox WHERE entity = 'job_item' AND kind = 'delete'"))
            .toInt(),
        1);
    // Foreign keys still hold on the rebuilt tables.
    EXPECT_FALSE(exec(text("INSERT INTO job (id, household_id, status, created_at) "
                           "VALUES ('j4', 'nobody', 'unscheduled', 'x')")));
}

TEST_F(JobSchemaTest, AFitterKeepsTheirWeekAbsencesAndVan)
{
    FitterRepository fitters(m_database, text("tester"));
    Fitter fitter;
    fitter.name = text("Sam Price");
    fitter.skills = {text("locks"), text("alarms")};
    fitter.latitude = 52.7651;
    fitter.longitude = -0.8868;
    fitter.usualShift = {QTime(8, 0), QTime(16, 30)};
    fitter.weekdayShifts.insert(5, Shift {QTime(8, 0), QTime(12, 0)});
    fitter.weekdayShifts.insert(6, Shift {QTime(9, 0), QTime(13, 0)});
    fitter.weekdayShifts.insert(3, std::nullopt);
    fitter.absences.append({QDate(2026, 12, 14), QDate(2026, 12, 15), text("training")});
    fitter.van = text("VAN-3");
    const Result<Fitter> added = fitters.add(fitter);
    ASSERT_TRUE(added) << qPrintable(added.errorString());
    const Result<Fitter> read = fitters.find(added->id);
    ASSERT_TRUE(read) << qPrintable(read.errorString());
    EXPECT_EQ(read->name, fitter.name);
    EXPECT_EQ(read->skills, fitter.skills);
    EXPECT_EQ(read->weekdayShifts, fitter.weekdayShifts);
    EXPECT_EQ(read->absences, fitter.absences);
    EXPECT_EQ(read->van, text("VAN-3"));
    EXPECT_DOUBLE_EQ(*read->latitude, 52.7651);

    // 2026-12-07 is a Monday.
    EXPECT_EQ(read->shiftOn(QDate(2026, 12, 7)), (Shift {QTime(8, 0), QTime(16, 30)}));
    EXPECT_EQ(read->shiftOn(QDate(2026, 12, 9)), std::nullopt); // Wednesday off
    EXPECT_EQ(read->shiftOn(QDate(2026, 12, 11)), (Shift {QTime(8, 0), QTime(12, 0)}));
    EXPECT_EQ(read->shiftOn(QDate(2026, 12, 12)), (Shift {QTime(9, 0), QTime(13, 0)}));
    EXPECT_EQ(read->shiftOn(QDate(2026, 12, 13)), std::nullopt); // Sunday, not named
    EXPECT_EQ(read->shiftOn(QDate(2026, 12, 14)), std::nullopt); // absent, first day
    EXPECT_EQ(read->shiftOn(QDate(2026, 12, 15)), std::nullopt); // absent, last day
    EXPECT_TRUE(read->shiftOn(QDate(2026, 12, 17)).has_value()); // back on Thursday
    EXPECT_EQ(fitters.find(QUuid::createUuid()).error().kind, Error::Kind::NotFound);
}

TEST(JobAvailability, WindowsAndDaysToAvoid)
{
    JobAvailability availability;
    availability.windows.append({{1, 2, 3, 4, 5}, QTime(9, 0), QTime(12, 0)});
    availability.avoidWeekdays = {5};
    availability.avoidDates = {QDate(2026, 12, 8)};
    const QDate monday(2026, 12, 7);
    EXPECT_TRUE(availability.allows(QDateTime(monday, QTime(9, 0))));
    EXPECT_TRUE(availability.allows(QDateTime(monday, QTime(12, 0))));
    EXPECT_FALSE(availability.allows(QDateTime(monday, QTime(8, 59))));
    EXPECT_FALSE(availability.allows(QDateTime(monday, QTime(12, 1))));
    EXPECT_FALSE(availability.allows(QDateTime(monday.addDays(1), QTime(10, 0)))); // a date
    EXPECT_TRUE(availability.allows(QDateTime(monday.addDays(2), QTime(10, 0))));
    EXPECT_FALSE(availability.allows(QDateTime(monday.addDays(4), QTime(10, 0)))); // Friday
    EXPECT_FALSE(availability.allows(QDateTime(monday.addDays(5), QTime(10, 0)))); // Saturday
    EXPECT_EQ(JobAvailability::fromJson(availability.toJson()), availability);
    EXPECT_TRUE(JobAvailability {}.allows(QDateTime(monday.addDays(5), QTime(23, 0))));
}

TEST(JobStatusNames, NamesRoundTrip)
{
    for (const QString &name : JobStatusNames::allNames())
        EXPECT_EQ(JobStatusNames::name(*JobStatusNames::fromName(name)), name);
    EXPECT_TRUE(JobStatusNames::isOpen(JobStatus::Unscheduled));
    EXPECT_FALSE(JobStatusNames::isOpen(JobStatus::NoAccess));
    EXPECT_FALSE(JobStatusNames::fromName(text("lost")).has_value());
}

TEST_F(JobSchemaTest, JobsAreListedByLocalDayFitterAndStatus)
{
    ASSERT_TRUE(exec(text("INSERT INTO household (id, address_line1, postcode, created_at, "
                          "updated_at) VALUES ('00000000-0000-4000-8000-000000000001', "
                          "'1 High St', 'LE13 1AB', 'x', 'x')")));
    ASSERT_TRUE(exec(text("INSERT INTO fitter (id, name) VALUES "
                          "('00000000-0000-4000-8000-0000000000f1', 'Sam')")));
    // 23:30 UTC on 9 July is 00:30 on 10 July in London (BST); 23:30 UTC on 10 July is not.
    ASSERT_TRUE(exec(text(
        "INSERT INTO job (id, household_id, fitter_id, status, scheduled_start, scheduled_end, "
        "created_at) VALUES "
        "('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', "
        "'00000000-0000-4000-8000-0000000000f1', 'scheduled', '2026-07-09T23:30:00.000Z', "
        "'2026-07-10T00:30:00.000Z', 'x'), "
        "('00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-000000000001', "
        "'00000000-0000-4000-8000-0000000000f1', 'completed', '2026-07-10T23:30:00.000Z', "
        "'2026-07-11T00:30:00.000Z', 'x'), "
        "('00000000-0000-4000-8000-0000000000a3', '00000000-0000-4000-8000-000000000001', "
        "NULL, 'unscheduled', NULL, NULL, 'x')")))
        << qPrintable(m_lastError);
    JobRepository jobs(m_database, text("tester"));
    const auto ids = [&](const JobFilter &filter) {
        QStringList found;
        const Result<QList<Job>> read = jobs.jobs(filter);
        EXPECT_TRUE(read) << qPrintable(read.errorString());
        for (const Job &job : read.valueOr({}))
            found.append(job.id.toString(QUuid::WithoutBraces).right(2));
        return found;
    };
    EXPECT_EQ(ids({QDate(2026, 7, 10), {}, {}}), QStringList {text("a1")});
    EXPECT_EQ(ids({QDate(2026, 7, 11), {}, {}}), QStringList {text("a2")});
    EXPECT_EQ(ids({{}, {}, JobStatus::Unscheduled}), QStringList {text("a3")});
    EXPECT_EQ(ids({{}, QUuid(text("00000000-0000-4000-8000-0000000000f1")), {}}),
              (QStringList {text("a1"), text("a2")}));
    EXPECT_EQ(ids({}), (QStringList {text("a1"), text("a2"), text("a3")}));
}
