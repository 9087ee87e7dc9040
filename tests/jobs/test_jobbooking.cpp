#include "store/database.h"
#include "store/fitterrepository.h"
#include "store/jobrepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>

#include <gtest/gtest.h>

#include <memory>

using namespace saferhomes;

namespace {

QString uuid(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

/// One accepted household with an unscheduled job (2 LOCK: 75 minutes) and one fitter.
class JobBookingTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        ASSERT_TRUE(m_dir.isValid());
        const auto opened = m_database.open(m_dir.filePath(QStringLiteral("booking.sqlite")));
        ASSERT_TRUE(opened) << qPrintable(opened.errorString());
        run(QStringLiteral("INSERT INTO equipment_type (code, name, unit_cost_pence, "
                           "fit_minutes, skill) VALUES ('LOCK', 'Lock', 100, 30, 'locks')"));
        run(QStringLiteral("INSERT INTO household (id, address_line1, postcode, status, "
                           "created_at, updated_at) VALUES ('%1', '1 High St', 'LE13 1AB', "
                           "'accepted', 'x', 'x')")
                .arg(uuid(1)));
        run(QStringLiteral("INSERT INTO survey (id, household_id, definition_version, "
                           "started_at, completed_at, by_user) VALUES ('%1', '%2', '1', 'x', "
                           "'2026-11-01', 'o')")
                .arg(uuid(101), uuid(1)));
        run(QStringLiteral("INSERT INTO recommendation (id, survey_id, equipment_code, qty, "
                           "agreed) VALUES ('%1', '%2', 'LOCK', 2, 1)")
                .arg(uuid(201), uuid(101)));
        m_repository = std::make_unique<JobRepository>(m_database, QStringLiteral("tester"));
        const Result<QList<QUuid>> created = m_repository->createForAgreedPackages({});
        ASSERT_TRUE(created) << qPrintable(created.errorString());
        ASSERT_EQ(created->size(), 1);
        m_job = created->constFirst();
        FitterRepository fitters(m_database, QStringLiteral("tester"));
        Fitter fitter;
        fitter.name = QStringLiteral("Alice");
        const Result<Fitter> added = fitters.add(fitter);
        ASSERT_TRUE(added);
        m_fitter = added->id;
    }

    void run(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(sql)) << qPrintable(query.lastError().text());
    }

    QString scalar(const QString &sql) const
    {
        QSqlQuery query(m_database.connection());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0).toString();
    }

    /// status|start|end|duration|pinned|sequence
    QString job() const
    {
        return scalar(QStringLiteral("SELECT status || '|' || coalesce(scheduled_start, '-') || "
                                     "'|' || coalesce(scheduled_end, '-') || '|' || "
                                     "duration_minutes || '|' || pinned || '|' || sequence "
                                     "FROM job WHERE id = '%1'")
                          .arg(m_job.toString(QUuid::WithoutBraces)));
    }

    QTemporaryDir m_dir;
    Database m_database {QStringLiteral("booking-test")};
    std::unique_ptr<JobRepository> m_repository; // made once the database is open
    QUuid m_job;
    QUuid m_fitter;
};

} // namespace

TEST_F(JobBookingTest, EachEditIsRefusedWhereItMakesNoSenseAndRaisesTheSequenceOnReschedule)
{
    // Summer time: 09:00 in London is 08:00 UTC.
    const QDateTime nine(QDate(2027, 6, 7), QTime(9, 0), QTimeZone("Europe/London"));
    EXPECT_EQ(m_repository->moveJob(m_job, m_fitter, nine).error().kind, Error::Kind::Invalid);
    EXPECT_EQ(m_repository->setJobPinned(m_job, true).error().kind, Error::Kind::Invalid);
    EXPECT_EQ(m_repository->unscheduleJob(m_job).error().kind, Error::Kind::Invalid);
    EXPECT_EQ(m_repository->bookJob(m_job, {}, nine, 75).error().kind, Error::Kind::Invalid);
    EXPECT_EQ(m_repository->bookJob(QUuid(uuid(999)), m_fitter, nine, 75).error().kind,
              Error::Kind::NotFound);
    EXPECT_EQ(job(), QStringLiteral("unscheduled|-|-|75|0|0"));

    ASSERT_TRUE(m_repository->bookJob(m_job, m_fitter, nine, 75));
    EXPECT_EQ(job(),
              QStringLiteral("scheduled|2027-06-07T08:00:00.000Z|"
                             "2027-06-07T09:15:00.000Z|75|0|1"));
    EXPECT_EQ(m_repository->bookJob(m_job, m_fitter, nine, 75).error().kind, Error::Kind::Invalid);
    ASSERT_TRUE(m_repository->setJobPinned(m_job, true)); // not a reschedule
    EXPECT_EQ(job(),
              QStringLiteral("scheduled|2027-06-07T08:00:00.000Z|"
                             "2027-06-07T09:15:00.000Z|75|1|1"));
    EXPECT_EQ(m_repository->resizeJob(m_job, 0).error().kind, Error::Kind::Invalid);
    ASSERT_TRUE(m_repository->resizeJob(m_job, 90));
    ASSERT_TRUE(m_repository->moveJob(m_job, m_fitter, nine.addSecs(3600)));
    EXPECT_EQ(job(),
              QStringLiteral("scheduled|2027-06-07T09:00:00.000Z|"
                             "2027-06-07T10:30:00.000Z|90|1|3"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT status FROM household")), QStringLiteral("scheduled"));
    ASSERT_TRUE(m_repository->unscheduleJob(m_job));
    EXPECT_EQ(job(), QStringLiteral("unscheduled|-|-|90|0|4"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT fitter_id IS NULL FROM job")), QStringLiteral("1"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT status FROM household")), QStringLiteral("accepted"));
    // Every edit is queued for sync (one update op each) and audited.
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'job' AND "
                                    "kind = 'update'")),
              QStringLiteral("5"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM audit_event WHERE entity = 'job' "
                                    "AND field = 'scheduled_start'")),
              QStringLiteral("3"));
}
