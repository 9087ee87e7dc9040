// A job's pin kind between two coordinators' devices through the central database on the test
// cluster (DESIGN §7, §8, issue 12): pinned to its day on one device, the other gets the day
// pin; pinned to its exact time there, the first gets that back; `pinned` follows pin_kind on
// the server, and a write of `pinned` alone (as devices made it before pin kinds) sets pin_kind.

#include "jobsynctest.h"

namespace saferhomes::synctest {

/// Two coordinators of Melton and a fitter on a database of their own (JobSyncTest's people).
class PinSyncTest : public JobSyncTest {
protected:
    static void SetUpTestSuite() { setUpSuite(QStringLiteral("pinsync"), {}); }

    /// pin_kind|pinned of \a job on the server.
    QString centralPin(const QString &job)
    {
        return m_central
            ->value(QStringLiteral("SELECT pin_kind || '|' || pinned::int FROM job WHERE id = ?"),
                    {job})
            .toString();
    }

    static QString localPin(const TestDevice &device, const QString &job)
    {
        return device
            .value(QStringLiteral("SELECT pin_kind || '|' || pinned FROM job WHERE id = '%1'")
                       .arg(job))
            .toString();
    }
};

TEST_F(PinSyncTest, APinKindMadeOnOneDeviceReachesTheOtherAndComesBackChanged)
{
    auto a = office(QStringLiteral("office-a"), QStringLiteral("coordinator"));
    auto b = office(QStringLiteral("office-b"), QStringLiteral("coordinator_b"));
    const QString job = makeJob(*a, QStringLiteral("1 Pin Parade"));
    JobRepository jobsA(a->database(), a->login());
    const QDateTime nine(QDate(2027, 1, 11), QTime(9, 0), QTimeZone("Europe/London"));
    ASSERT_TRUE(jobsA.bookJob(QUuid(job), QUuid(m_fitterId), nine, 70));
    const Status pinned = jobsA.setJobPin(QUuid(job), PinKind::Day);
    ASSERT_TRUE(pinned) << pinned.errorString().toStdString();
    EXPECT_EQ(localPin(*a, job), QStringLiteral("day|0"));
    ASSERT_TRUE(synced(a->sync()));
    EXPECT_EQ(centralPin(job), QStringLiteral("day|0"));

    // The other coordinator's device gets the day pin.
    ASSERT_TRUE(syncUntil(*b, [&] { return localPin(*b, job) == QStringLiteral("day|0"); }));
    JobRepository jobsB(b->database(), b->login());
    Result<Job> there = jobsB.job(QUuid(job));
    ASSERT_TRUE(there) << there.errorString().toStdString();
    EXPECT_EQ(there->pin, PinKind::Day);

    // Pinned to its exact time there: `pinned` follows on the server and back on the first.
    ASSERT_TRUE(jobsB.setJobPin(QUuid(job), PinKind::Time));
    EXPECT_EQ(localPin(*b, job), QStringLiteral("time|1"));
    ASSERT_TRUE(synced(b->sync()));
    EXPECT_EQ(centralPin(job), QStringLiteral("time|1"));
    ASSERT_TRUE(syncUntil(*a, [&] { return localPin(*a, job) == QStringLiteral("time|1"); }));
    Result<Job> back = jobsA.job(QUuid(job));
    ASSERT_TRUE(back) << back.errorString().toStdString();
    EXPECT_EQ(back->pin, PinKind::Time);

    // From a time pin to a fitter pin and off again: pinned follows each change.
    ASSERT_TRUE(jobsA.setJobPin(QUuid(job), PinKind::Fitter));
    ASSERT_TRUE(synced(a->sync()));
    EXPECT_EQ(centralPin(job), QStringLiteral("fitter|0"));
    ASSERT_TRUE(jobsA.setJobPin(QUuid(job), PinKind::None));
    ASSERT_TRUE(synced(a->sync()));
    EXPECT_EQ(centralPin(job), QStringLiteral("none|0"));

    // `pinned` written alone, as before pin kinds: an exact-time pin, and off again.
    ASSERT_TRUE(
        m_central->exec(QStringLiteral("UPDATE job SET pinned = true WHERE id = ?"), {job}));
    EXPECT_EQ(centralPin(job), QStringLiteral("time|1"));
    ASSERT_TRUE(syncUntil(*b, [&] { return localPin(*b, job) == QStringLiteral("time|1"); }));
    ASSERT_TRUE(
        m_central->exec(QStringLiteral("UPDATE job SET pinned = false WHERE id = ?"), {job}));
    EXPECT_EQ(centralPin(job), QStringLiteral("none|0"));
    EXPECT_EQ(a->outboxRows(), 0);
    EXPECT_EQ(b->outboxRows(), 0);
}

} // namespace saferhomes::synctest
