// A job's pin kind between two coordinators' devices through the central database on the test
// cluster (DESIGN §7, §8, issue 12): pinned to its day on one device, the other gets the day
// pin; pinned to its exact time there, the first gets that back; `pinned` follows pin_kind on
// the server, and a write of `pinned` alone (as devices made it before pin kinds) sets pin_kind.

#include "centraltest.h"
#include "store/jobrepository.h"
#include "syncassert.h"
#include "testdevice.h"

#include <QTemporaryDir>
#include <QTimeZone>

namespace saferhomes::synctest {

namespace {

const QString kPassword = QStringLiteral("pin-sync-password");
const QString kMelton = QStringLiteral("Melton Town Centre");

} // namespace

class PinSyncTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_database = initialisedDatabase(QStringLiteral("pinsync"));
        if (s_database.isEmpty())
            return;
        const QList<std::pair<QString, QString>> people {
            {QStringLiteral("coordinator_a"), QStringLiteral("coordinator")},
            {QStringLiteral("coordinator_b"), QStringLiteral("coordinator")},
            {QStringLiteral("fitter"), QStringLiteral("fitter")},
        };
        for (const auto &[key, role] : people) {
            const QString login = PgCluster::uniqueName(key);
            const CentralAdmin::Report result = CentralAdmin().addUser(
                superuserUri(s_database), login, role,
                role == u"fitter" ? QStringList() : QStringList {kMelton}, kPassword);
            if (!result.ok()) {
                ADD_FAILURE() << result.errorString().toStdString();
                s_database.clear();
                return;
            }
            s_logins.insert(key, login);
        }
    }

    void SetUp() override
    {
        ASSERT_FALSE(s_database.isEmpty()) << "set-up failed";
        ASSERT_TRUE(m_dir.isValid());
        m_central = superuserSession(s_database);
        m_fitterId = m_central
                         ->value(QStringLiteral("SELECT f.id FROM fitter f JOIN app_user u "
                                                "ON u.id = f.user_id WHERE u.login = ?"),
                                 {s_logins.value(QStringLiteral("fitter"))})
                         .toString();
        ASSERT_FALSE(m_fitterId.isEmpty());
    }

    /// A coordinator's device with the fitter pulled.
    std::unique_ptr<TestDevice> office(const QString &name, const QString &login)
    {
        auto made = std::make_unique<TestDevice>(name, m_dir.filePath(name + QStringLiteral(".db")),
                                                 s_logins.value(login), kPassword,
                                                 cluster().uri(s_logins.value(login), s_database));
        QString error;
        EXPECT_TRUE(made->open(&error)) << error.toStdString();
        EXPECT_TRUE(syncUntil(*made, [&] {
            return made->value(QStringLiteral("SELECT count(*) FROM fitter WHERE id = '%1'")
                                   .arg(m_fitterId))
                       .toInt()
                == 1;
        }));
        return made;
    }

    /// An accepted household with an unscheduled job of 70 minutes, made on \a device.
    QString makeJob(TestDevice &device, const QString &line1)
    {
        HouseholdRecord record;
        record.household.id = QUuid::createUuid();
        record.household.addressLine1 = line1;
        record.household.postcode = QStringLiteral("LE13 1AA");
        record.household.areaName = kMelton;
        record.resident.name = QStringLiteral("Pat");
        HouseholdRepository households = device.households();
        EXPECT_TRUE(households.insert({record})) << households.errorString().toStdString();
        EXPECT_TRUE(households.setFields(record.household.id,
                                         {{HouseholdField::Status, QStringLiteral("accepted")}}))
            << households.errorString().toStdString();
        const QString job = text(QUuid::createUuid());
        EXPECT_TRUE(device.exec(QStringLiteral("INSERT INTO job (id, household_id, status, "
                                               "created_at, duration_minutes) VALUES (?, ?, "
                                               "'unscheduled', '2026-12-01T09:00:00.000Z', 70)"),
                                {job, text(record.household.id)}))
            << device.lastError().toStdString();
        return job;
    }

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

    static inline QString s_database;
    static inline QHash<QString, QString> s_logins;
    QTemporaryDir m_dir;
    std::unique_ptr<PgSession> m_central;
    QString m_fitterId;
};

TEST_F(PinSyncTest, APinKindMadeOnOneDeviceReachesTheOtherAndComesBackChanged)
{
    auto a = office(QStringLiteral("office-a"), QStringLiteral("coordinator_a"));
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
