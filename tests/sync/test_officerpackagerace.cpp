// A package agreed again at the door races the office (DESIGN §7, §8, issue 12), on the test
// cluster: the office took the job off the schedule before the officer's change reached the
// server, with or without changing its length first.

#include "officerpackagetest.h"

namespace saferhomes::synctest {

TEST_F(OfficerPackageSyncTest, AJobTheOfficeTookOffTheScheduleTakesTheLengthAgreedAtTheDoor)
{
    auto officer = doorstep(QStringLiteral("unbooked-officer"));
    auto coordinator = office(QStringLiteral("unbooked-office"), QStringLiteral("coordinator"));
    ASSERT_NO_FATAL_FAILURE(stockTheDepot(*coordinator, QStringLiteral("DN-10")));
    // Booked on Thursday 4 February 2027 from 09:00 to 10:05, and the officer's device hears
    // of it.
    QString survey;
    const QString job = bookedOnTheDoorstep(
        *officer, *coordinator, QStringLiteral("4 Unbooked Walk"), QDate(2027, 2, 4), &survey);
    ASSERT_FALSE(job.isEmpty());
    // The office takes it off the schedule (sequence 1 to 2; its reservations go back); the
    // officer's device does not hear of it.
    ASSERT_TRUE(JobRepository(coordinator->database(), coordinator->login())
                    .unscheduleJob(QUuid::fromString(job)));
    ASSERT_TRUE(synced(coordinator->sync()));
    ASSERT_EQ(centralJob(*m_central, job).value(0), QStringLiteral("unscheduled"));

    // At the door the officer, whose device still has it booked, agrees the second package:
    // 45 minutes, so on their device it ends at 09:45 (sequence 1 to 2).
    ASSERT_EQ(localJob(*officer, job).value(0), QStringLiteral("scheduled"));
    ASSERT_EQ(agreeAgain(*officer, survey, m_second, kAfternoons,
                         QStringLiteral("Key with the neighbour at number 3")),
              job);
    ASSERT_EQ(localJob(*officer, job).value(3), QStringLiteral("2027-02-04T09:45:00.000Z"));
    const SyncResult pushed = officer->sync();
    EXPECT_TRUE(synced(pushed)) << reasons(pushed).toStdString();

    // The server: still in the tray (no fitter, start or end; the sequence the office left),
    // 45 minutes long, with the new items, availability and notes, holding no stock.
    const QStringList expected = trayJob(45, 2);
    EXPECT_EQ(centralJob(*m_central, job), expected);
    EXPECT_EQ(centralItems(*m_central, job), m_secondItems);
    EXPECT_EQ(centralAvailability(*m_central, job), object(kAfternoons));
    EXPECT_TRUE(centralHeld(*m_central, job).isEmpty());

    // The officer's device takes the job as the server has it, with nothing refused; the
    // coordinator's tray learns the new length.
    ASSERT_TRUE(syncUntil(*officer, [&] { return localJob(*officer, job) == expected; }))
        << localJob(*officer, job).join(u'|').toStdString();
    EXPECT_EQ(localItems(*officer, job), m_secondItems);
    EXPECT_EQ(officer->outboxRows(), 0);
    EXPECT_TRUE(officer->rejectedOps().isEmpty());
    ASSERT_TRUE(syncUntil(*coordinator, [&] { return localJob(*coordinator, job) == expected; }))
        << localJob(*coordinator, job).join(u'|').toStdString();
    EXPECT_EQ(localItems(*coordinator, job), m_secondItems);
    EXPECT_EQ(localAvailability(*coordinator, job), object(kAfternoons));
    EXPECT_TRUE(localHeld(*coordinator, job).isEmpty());
    EXPECT_TRUE(coordinator->rejectedOps().isEmpty());
}

TEST_F(OfficerPackageSyncTest, ALengthTheOfficeChangedBeforeTakingTheJobOffTheScheduleStands)
{
    auto officer = doorstep(QStringLiteral("resized-officer"));
    auto coordinator = office(QStringLiteral("resized-office"), QStringLiteral("coordinator"));
    QString survey;
    const QString job = bookedOnTheDoorstep(*officer, *coordinator, QStringLiteral("5 Resized Row"),
                                            QDate(2027, 2, 5), &survey);
    ASSERT_FALSE(job.isEmpty());
    // The office makes it 80 minutes long by hand (sequence 1 to 2), then takes it off the
    // schedule (2 to 3).
    JobRepository jobs(coordinator->database(), coordinator->login());
    ASSERT_TRUE(jobs.resizeJob(QUuid::fromString(job), 80));
    ASSERT_TRUE(jobs.unscheduleJob(QUuid::fromString(job)));
    ASSERT_TRUE(synced(coordinator->sync()));

    // The officer agrees the second package on a device that still has it booked for 65
    // minutes: the server no longer has that length, so the change is refused and the
    // office's 80 minutes stand. The items, availability and notes arrive.
    ASSERT_EQ(agreeAgain(*officer, survey, m_second, kAfternoons,
                         QStringLiteral("Key with the neighbour at number 3")),
              job);
    const SyncResult refused = officer->sync();
    ASSERT_TRUE(refused.ok()) << refused.errorString().toStdString();
    ASSERT_EQ(refused.rejected.size(), 1) << reasons(refused).toStdString();
    EXPECT_EQ(refused.rejected.first().entityId, job);
    EXPECT_EQ(refused.rejected.first().reason,
              QStringLiteral("the duration_minutes of job %1 was changed on the server (now 80): "
                             "the server's version stands")
                  .arg(job));
    const QStringList expected = trayJob(80, 3);
    EXPECT_EQ(centralJob(*m_central, job), expected);
    EXPECT_EQ(centralItems(*m_central, job), m_secondItems);

    // The officer's device takes the server's job back and keeps the refusal to show; the
    // coordinator's tray keeps its length and gets the new items.
    ASSERT_TRUE(syncUntil(*officer, [&] { return localJob(*officer, job) == expected; }))
        << localJob(*officer, job).join(u'|').toStdString();
    EXPECT_EQ(localItems(*officer, job), m_secondItems);
    EXPECT_EQ(officer->rejectedOps().size(), 1);
    ASSERT_TRUE(syncUntil(*coordinator, [&] {
        return localJob(*coordinator, job) == expected
            && localItems(*coordinator, job) == m_secondItems;
    })) << localJob(*coordinator, job).join(u'|').toStdString();
    EXPECT_TRUE(coordinator->rejectedOps().isEmpty());
}

} // namespace saferhomes::synctest
