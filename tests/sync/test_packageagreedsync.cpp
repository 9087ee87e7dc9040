// When a survey's package was agreed (survey.package_agreed_at, issue 14) travels between two
// officers' devices through the central database on the test cluster, unchanged to the
// millisecond, whether the package was agreed before the survey was first sent (with the
// survey) or after (as an update op); agreeing it again on the other device keeps it.

#include "centraltest.h"
#include "store/jobrepository.h"
#include "store/surveyrepository.h"
#include "syncassert.h"
#include "testdevice.h"

#include <QTemporaryDir>

namespace saferhomes::synctest {

namespace {

const QString kPassword = QStringLiteral("package-agreed-password");
const QString kMelton = QStringLiteral("Melton Town Centre");

/// The survey's agreement time on \a device as stored there; "<none>" without a row.
QString agreedAt(const TestDevice &device, const QString &survey)
{
    const QList<QVariantList> rows = device.rows(
        QStringLiteral("SELECT coalesce(package_agreed_at, '') FROM survey WHERE id = ?"),
        {survey});
    return rows.isEmpty() ? QStringLiteral("<none>") : rows.first().first().toString();
}

} // namespace

class PackageAgreedSyncTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_database = databaseWithPeople(
            QStringLiteral("packageagreed"),
            {{QStringLiteral("officer_a"), {QStringLiteral("officer"), {kMelton}}},
             {QStringLiteral("officer_b"), {QStringLiteral("officer"), {kMelton}}}},
            kPassword, &s_logins);
    }

    void SetUp() override
    {
        ASSERT_FALSE(s_database.isEmpty()) << "set-up failed";
        ASSERT_TRUE(m_dir.isValid());
        m_central = superuserSession(s_database);
    }

    /// A device of \a login with the server's catalogue (packages refer to it).
    std::unique_ptr<TestDevice> device(const QString &name, const QString &login)
    {
        auto made = openedDevice(m_dir, name, s_logins.value(login), kPassword, s_database);
        EXPECT_TRUE(synced(made->sync()));
        return made;
    }

    /// A household of Melton with a completed survey (no package yet) on \a device; the
    /// survey's id.
    static QString completedSurvey(TestDevice &device, const QString &line1)
    {
        return synctest::completedSurvey(device, line1, kMelton);
    }

    /// The survey's agreement time on the server, written as the devices store times.
    QString centralAgreedAt(const QString &survey)
    {
        return m_central
            ->value(QStringLiteral("SELECT coalesce(to_char(package_agreed_at AT TIME ZONE 'UTC', "
                                   "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), '') FROM survey "
                                   "WHERE id = ?"),
                    {survey})
            .toString();
    }

    static inline QString s_database;
    static inline QHash<QString, QString> s_logins;
    QTemporaryDir m_dir;
    std::unique_ptr<PgSession> m_central;
};

TEST_F(PackageAgreedSyncTest, TheAgreementTimeReachesTheOtherDeviceUnchanged)
{
    auto a = device(QStringLiteral("a"), QStringLiteral("officer_a"));
    auto b = device(QStringLiteral("b"), QStringLiteral("officer_b"));
    const QList<PackageItem> package {
        {QStringLiteral("MORTICE_DEADLOCK_BS3621"), 1, QStringLiteral("old lock"), true},
        {QStringLiteral("DOOR_VIEWER"), 1, QString(), false}};

    // Agreed after the survey reached the server: the time goes as an update of the survey.
    const QString later = completedSurvey(*a, QStringLiteral("1 Agreed Later Lane"));
    ASSERT_TRUE(synced(a->sync()));
    EXPECT_EQ(centralAgreedAt(later), QString());
    SurveyRepository surveysA(a->database(), a->login());
    const auto done2 = surveysA.savePackage(QUuid(later), package, {});
    ASSERT_TRUE(done2) << done2.errorString().toStdString();
    const QString laterAt = agreedAt(*a, later);
    ASSERT_EQ(laterAt.size(), 24) << laterAt.toStdString(); // 2026-12-07T02:40:00.123Z

    // Agreed before the survey was first sent: the time goes with the survey.
    const QString sooner = completedSurvey(*a, QStringLiteral("2 Agreed Sooner Street"));
    const auto done3 = surveysA.savePackage(QUuid(sooner), package, {});
    ASSERT_TRUE(done3) << done3.errorString().toStdString();
    const QString soonerAt = agreedAt(*a, sooner);
    ASSERT_EQ(soonerAt.size(), 24) << soonerAt.toStdString();
    // A time in the past, written straight into the row as the demo does, travels alike.
    const QString past = completedSurvey(*a, QStringLiteral("3 Agreed Past Place"));
    ASSERT_TRUE(a->exec(QStringLiteral("INSERT INTO recommendation (id, survey_id, "
                                       "equipment_code, qty, agreed) VALUES (?, ?, "
                                       "'DOOR_VIEWER', 1, 1)"),
                        {text(QUuid::createUuid()), past}));
    ASSERT_TRUE(a->exec(QStringLiteral("UPDATE survey SET package_agreed_at = "
                                       "'2024-09-30T23:00:00.123Z' WHERE id = ?"),
                        {past}));
    ASSERT_TRUE(synced(a->sync()));
    EXPECT_EQ(a->outboxRows(), 0);
    EXPECT_EQ(centralAgreedAt(later), laterAt);
    EXPECT_EQ(centralAgreedAt(sooner), soonerAt);
    EXPECT_EQ(centralAgreedAt(past), QStringLiteral("2024-09-30T23:00:00.123Z"));

    // Every row of a's sync has reached b once its last one has (one push, one transaction).
    ASSERT_TRUE(syncUntil(*b, [&] { return agreedAt(*b, past) != QStringLiteral("<none>"); }));
    EXPECT_EQ(agreedAt(*b, later), laterAt);
    EXPECT_EQ(agreedAt(*b, sooner), soonerAt);
    EXPECT_EQ(agreedAt(*b, past), QStringLiteral("2024-09-30T23:00:00.123Z"));

    // Agreeing the package again on b (another item added) keeps the first agreement: no
    // update of the survey is sent, and a still has its time after the next syncs.
    SurveyRepository surveysB(b->database(), b->login());
    QList<PackageItem> again = package;
    again[1].agreed = true;
    const auto done4 = surveysB.savePackage(QUuid(past), again, {});
    ASSERT_TRUE(done4) << done4.errorString().toStdString();
    EXPECT_EQ(agreedAt(*b, past), QStringLiteral("2024-09-30T23:00:00.123Z"));
    EXPECT_EQ(b->rows(QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'survey'"))
                  .first()
                  .first()
                  .toInt(),
              0);
    ASSERT_TRUE(synced(b->sync()));
    ASSERT_TRUE(syncUntil(*a, [&] {
        return a->rows(QStringLiteral("SELECT count(*) FROM recommendation r JOIN survey s ON "
                                      "s.id = r.survey_id WHERE s.id = ? AND r.agreed = 1"),
                       {past})
                   .first()
                   .first()
                   .toInt()
            == 2;
    }));
    EXPECT_EQ(agreedAt(*a, past), QStringLiteral("2024-09-30T23:00:00.123Z"));
    EXPECT_EQ(centralAgreedAt(past), QStringLiteral("2024-09-30T23:00:00.123Z"));
}

TEST_F(PackageAgreedSyncTest, TheFirstAgreementToReachTheServerStands)
{
    auto a = device(QStringLiteral("first-a"), QStringLiteral("officer_a"));
    auto b = device(QStringLiteral("first-b"), QStringLiteral("officer_b"));
    const QString survey = completedSurvey(*a, QStringLiteral("3 Both Agreed Avenue"));
    ASSERT_TRUE(synced(a->sync()));
    ASSERT_TRUE(syncUntil(*b, [&] { return agreedAt(*b, survey) == QString(); }));

    // Both agree offline; a's reaches the server first.
    const QString sql = QStringLiteral("UPDATE survey SET package_agreed_at = ? WHERE id = ?");
    ASSERT_TRUE(a->exec(sql, {QStringLiteral("2026-11-25T09:00:00.000Z"), survey}));
    ASSERT_TRUE(b->exec(sql, {QStringLiteral("2026-11-24T11:00:00.000Z"), survey}));
    ASSERT_TRUE(synced(a->sync()));
    const SyncResult refused = b->sync();
    ASSERT_TRUE(refused.ok()) << refused.errorString().toStdString();
    ASSERT_EQ(refused.rejected.size(), 1);
    EXPECT_TRUE(refused.rejected.first().reason.contains(QStringLiteral("package_agreed_at")))
        << refused.rejected.first().reason.toStdString();
    EXPECT_EQ(centralAgreedAt(survey), QStringLiteral("2026-11-25T09:00:00.000Z"));
    // b's next pull brings the server's time.
    ASSERT_TRUE(syncUntil(
        *b, [&] { return agreedAt(*b, survey) == QStringLiteral("2026-11-25T09:00:00.000Z"); }));
}

TEST_F(PackageAgreedSyncTest, AJobMadeFromAPackageAgreedOnAnOfficersDeviceReachesTheServer)
{
    // The doorstep: an officer agrees the package and the job it makes waits in the office's
    // tray. The server takes the job and its items from the officer (unscheduled, nothing
    // booked) and nothing is refused.
    auto a = device(QStringLiteral("job-a"), QStringLiteral("officer_a"));
    const QList<PackageItem> package {
        {QStringLiteral("MORTICE_DEADLOCK_BS3621"), 1, QStringLiteral("old lock"), true},
        {QStringLiteral("DOOR_VIEWER"), 2, QString(), true}};
    const QString survey = completedSurvey(*a, QStringLiteral("4 Doorstep Job Road"));
    SurveyRepository surveys(a->database(), a->login());
    const auto done5 = surveys.savePackage(QUuid(survey), package, {});
    ASSERT_TRUE(done5) << done5.errorString().toStdString();
    // The package step moves the household on to accepted (SurveyService does it in the app).
    ASSERT_TRUE(a->exec(QStringLiteral("UPDATE household SET status = 'accepted' WHERE id = "
                                       "(SELECT household_id FROM survey WHERE id = ?)"),
                        {survey}));
    JobRepository jobs(a->database(), a->login());
    const Result<QUuid> job = jobs.packageAgreed(QUuid(survey));
    ASSERT_TRUE(job) << job.errorString().toStdString();
    ASSERT_FALSE(job->isNull());
    ASSERT_TRUE(synced(a->sync()));
    EXPECT_EQ(a->outboxRows(), 0);
    EXPECT_EQ(m_central
                  ->value(QStringLiteral("SELECT status || '/' || coalesce(fitter_id::text, '-') "
                                         "FROM job WHERE id = ?"),
                          {text(*job)})
                  .toString(),
              QStringLiteral("unscheduled/-"));
    EXPECT_EQ(m_central
                  ->value(QStringLiteral("SELECT string_agg(equipment_code || ' x' || qty, ', ' "
                                         "ORDER BY equipment_code) FROM job_item WHERE job_id = ?"),
                          {text(*job)})
                  .toString(),
              QStringLiteral("DOOR_VIEWER x2, MORTICE_DEADLOCK_BS3621 x1"));
}

} // namespace saferhomes::synctest
