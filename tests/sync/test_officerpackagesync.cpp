// A package agreed again on an officer's device reaches the office (DESIGN §7, §8, issue 12),
// on the test cluster: the job made from it follows the new package on the server and on the
// coordinator's device (items, duration and end, availability and access notes) and, when it
// is booked, so do its stock reservations; the officer still cannot book, move or complete a
// job, write the stock ledger, or change a job that is done. (Its races with the office are in
// test_officerpackagerace.cpp.)

#include "officerpackagetest.h"

namespace saferhomes::synctest {

TEST_F(OfficerPackageSyncTest, ABookedJobFollowsAPackageAgreedAgainOnAnOfficersDevice)
{
    auto officer = doorstep(QStringLiteral("booked-officer"));
    auto coordinator = office(QStringLiteral("booked-office"), QStringLiteral("coordinator"));
    // The depot receives 6 window locks, 3 door viewers and 4 door chains; the fitter's van
    // takes 2 window locks and a door viewer.
    ASSERT_NO_FATAL_FAILURE(stockTheDepot(*coordinator, QStringLiteral("DN-7")));
    StockLedger ledger(coordinator->database(), coordinator->login());
    ASSERT_TRUE(
        ledger.transfer(QStringLiteral("WINDOW_LOCK"), 2, StockLocation::depot(), m_fitterId));
    ASSERT_TRUE(
        ledger.transfer(QStringLiteral("DOOR_VIEWER"), 1, StockLocation::depot(), m_fitterId));
    ASSERT_TRUE(synced(coordinator->sync()));

    // The officer agrees the first package: 15 min set-up + 2 x 15 + 20 = 65 minutes.
    QString survey;
    const QString job = agree(*officer, QStringLiteral("1 Changed Mind Close"), m_first, kMornings,
                              QStringLiteral("Side gate"), &survey);
    ASSERT_FALSE(job.isEmpty());
    ASSERT_TRUE(synced(officer->sync()));

    // The coordinator books it on the fitter, Monday 1 February 2027 at 09:00 (GMT): the van
    // holds its items.
    ASSERT_NO_FATAL_FAILURE(bookAtNine(*coordinator, job, QDate(2027, 2, 1)));
    EXPECT_EQ(centralHeld(*m_central, job),
              QStringList({QStringLiteral("DOOR_VIEWER@%1 1").arg(m_fitterId),
                           QStringLiteral("WINDOW_LOCK@%1 2").arg(m_fitterId)}));

    // The officer, back at the door, agrees the second package: 15 + 15 + 15 = 45 minutes.
    ASSERT_TRUE(syncUntil(
        *officer, [&] { return localJob(*officer, job).value(0) == QStringLiteral("scheduled"); }));
    ASSERT_EQ(agreeAgain(*officer, survey, m_second, kAfternoons,
                         QStringLiteral("Key with the neighbour at number 3")),
              job);
    ASSERT_TRUE(synced(officer->sync()));
    EXPECT_EQ(officer->outboxRows(), 0);

    // The server: the same booking, 45 minutes long (so it ends at 09:45, a reschedule: the
    // sequence rises from 1 to 2), the new items, availability and notes.
    const QStringList expected = bookedSecondJob(QStringLiteral("2027-02-01T09:00:00.000Z"),
                                                 QStringLiteral("2027-02-01T09:45:00.000Z"));
    EXPECT_EQ(centralJob(*m_central, job), expected);
    EXPECT_EQ(centralItems(*m_central, job), m_secondItems);
    EXPECT_EQ(centralAvailability(*m_central, job), object(kAfternoons));
    // The reservations follow: one window lock of the two stays held in the van, the door
    // viewer goes back to it, and the door chain (none in the van) is held at the depot.
    const QStringList held {QStringLiteral("DOOR_CHAIN_TS003@depot 1"),
                            QStringLiteral("WINDOW_LOCK@%1 1").arg(m_fitterId)};
    EXPECT_EQ(centralHeld(*m_central, job), held);
    const QStringList levels {QStringLiteral("DOOR_CHAIN_TS003@depot 4/1"),
                              QStringLiteral("DOOR_VIEWER@%1 1/0").arg(m_fitterId),
                              QStringLiteral("DOOR_VIEWER@depot 2/0"),
                              QStringLiteral("WINDOW_LOCK@%1 2/1").arg(m_fitterId),
                              QStringLiteral("WINDOW_LOCK@depot 4/0")};
    EXPECT_EQ(centralLevels(*m_central), levels);

    // The coordinator's board learns all of it; nothing is refused on either device, and
    // both converge with the server.
    ASSERT_TRUE(syncUntil(*coordinator,
                          [&] {
                              return localJob(*coordinator, job) == expected
                                  && localLevels(*coordinator) == levels;
                          }))
        << localJob(*coordinator, job).join(u'|').toStdString() << "\n"
        << localLevels(*coordinator).join(u'\n').toStdString();
    EXPECT_EQ(localItems(*coordinator, job), m_secondItems);
    EXPECT_EQ(localAvailability(*coordinator, job), object(kAfternoons));
    EXPECT_EQ(localHeld(*coordinator, job), held);
    EXPECT_EQ(coordinator->outboxRows(), 0);
    ASSERT_TRUE(synced(officer->sync()));
    EXPECT_EQ(localJob(*officer, job), expected);
    EXPECT_EQ(localItems(*officer, job), m_secondItems);
    EXPECT_EQ(localAvailability(*officer, job), object(kAfternoons));
    EXPECT_TRUE(officer->rejectedOps().isEmpty());
    EXPECT_TRUE(coordinator->rejectedOps().isEmpty());
}

TEST_F(OfficerPackageSyncTest, APackageAgreedAgainBeforeTheBookingReachedTheOfficerFollowsIt)
{
    auto officer = doorstep(QStringLiteral("late-officer"));
    auto coordinator = office(QStringLiteral("late-office"), QStringLiteral("coordinator"));
    // Nothing in the van: the job's items are held at the depot.
    ASSERT_NO_FATAL_FAILURE(stockTheDepot(*coordinator, QStringLiteral("DN-9")));
    QString survey;
    const QString job = agree(*officer, QStringLiteral("3 Offline Lane"), m_first, kMornings,
                              QStringLiteral("Side gate"), &survey);
    ASSERT_TRUE(synced(officer->sync()));
    ASSERT_NO_FATAL_FAILURE(bookAtNine(*coordinator, job, QDate(2027, 2, 3)));
    EXPECT_EQ(centralHeld(*m_central, job),
              QStringList(
                  {QStringLiteral("DOOR_VIEWER@depot 1"), QStringLiteral("WINDOW_LOCK@depot 2")}));

    // The officer agrees again offline, the job still in the tray on their device: only its
    // length (65 to 45 minutes) is sent. The server keeps the booking's start and moves its
    // end with the new length, a reschedule (sequence 1 to 2), and its reservations follow.
    ASSERT_EQ(localJob(*officer, job).value(0), QStringLiteral("unscheduled"));
    ASSERT_EQ(agreeAgain(*officer, survey, m_second, kAfternoons,
                         QStringLiteral("Key with the neighbour at number 3")),
              job);
    ASSERT_TRUE(synced(officer->sync()));
    const QStringList expected = bookedSecondJob(QStringLiteral("2027-02-03T09:00:00.000Z"),
                                                 QStringLiteral("2027-02-03T09:45:00.000Z"));
    EXPECT_EQ(centralJob(*m_central, job), expected);
    EXPECT_EQ(centralItems(*m_central, job), m_secondItems);
    const QStringList held {QStringLiteral("DOOR_CHAIN_TS003@depot 1"),
                            QStringLiteral("WINDOW_LOCK@depot 1")};
    EXPECT_EQ(centralHeld(*m_central, job), held);
    const QStringList levels {QStringLiteral("DOOR_CHAIN_TS003@depot 4/1"),
                              QStringLiteral("DOOR_VIEWER@depot 3/0"),
                              QStringLiteral("WINDOW_LOCK@depot 6/1")};
    EXPECT_EQ(centralLevels(*m_central), levels);

    ASSERT_TRUE(syncUntil(*officer, [&] { return localJob(*officer, job) == expected; }))
        << localJob(*officer, job).join(u'|').toStdString();
    EXPECT_EQ(localItems(*officer, job), m_secondItems);
    ASSERT_TRUE(syncUntil(*coordinator, [&] {
        return localJob(*coordinator, job) == expected && localLevels(*coordinator) == levels;
    })) << localJob(*coordinator, job).join(u'|').toStdString();
    EXPECT_EQ(localItems(*coordinator, job), m_secondItems);
    EXPECT_EQ(localHeld(*coordinator, job), held);
    EXPECT_TRUE(officer->rejectedOps().isEmpty());
    EXPECT_TRUE(coordinator->rejectedOps().isEmpty());
}

TEST_F(OfficerPackageSyncTest, AnUnscheduledJobFollowsAPackageAgreedAgainAtTheDoorstep)
{
    // An officer's device, and a volunteer's (they agree packages at the doorstep too).
    for (const QString &login : {QStringLiteral("officer"), QStringLiteral("volunteer")}) {
        SCOPED_TRACE(login.toStdString());
        trayJobFollowsPackage(login);
    }
}

void OfficerPackageSyncTest::trayJobFollowsPackage(const QString &login)
{
    auto officer = doorstep(QStringLiteral("tray-") + login, login);
    auto coordinator
        = office(QStringLiteral("tray-office-") + login, QStringLiteral("coordinator"));
    QString survey;
    const QString job = agree(*officer, QStringLiteral("2 Tray Crescent, ") + login, m_first,
                              kMornings, QStringLiteral("Side gate"), &survey);
    ASSERT_FALSE(job.isEmpty());
    ASSERT_TRUE(synced(officer->sync()));
    ASSERT_TRUE(syncUntil(*coordinator, [&] { return localItems(*coordinator, job).size() == 2; }));
    EXPECT_EQ(localJob(*coordinator, job).value(5), QStringLiteral("65"));

    // Agreed again before anybody booked it: still in the tray, 45 minutes, no end.
    ASSERT_EQ(agreeAgain(*officer, survey, m_second, kAfternoons,
                         QStringLiteral("Key with the neighbour at number 3")),
              job);
    ASSERT_TRUE(synced(officer->sync()));
    EXPECT_EQ(officer->outboxRows(), 0);
    const QStringList expected = trayJob(45, 0);
    EXPECT_EQ(centralJob(*m_central, job), expected);
    EXPECT_EQ(centralItems(*m_central, job), m_secondItems);
    EXPECT_EQ(centralAvailability(*m_central, job), object(kAfternoons));
    EXPECT_TRUE(centralHeld(*m_central, job).isEmpty());

    ASSERT_TRUE(syncUntil(*coordinator, [&] { return localJob(*coordinator, job) == expected; }))
        << localJob(*coordinator, job).join(u'|').toStdString();
    EXPECT_EQ(localItems(*coordinator, job), m_secondItems);
    EXPECT_EQ(localAvailability(*coordinator, job), object(kAfternoons));
    ASSERT_TRUE(synced(officer->sync()));
    EXPECT_EQ(localJob(*officer, job), expected);
    EXPECT_EQ(localItems(*officer, job), m_secondItems);
    EXPECT_TRUE(officer->rejectedOps().isEmpty());
    EXPECT_TRUE(coordinator->rejectedOps().isEmpty());
}

TEST_F(OfficerPackageSyncTest, AnOfficerStillCannotBookMoveCompleteOrWriteStock)
{
    auto coordinator = office(QStringLiteral("refused-office"), QStringLiteral("coordinator"));
    StockLedger ledger(coordinator->database(), coordinator->login());
    ASSERT_TRUE(
        ledger.receive({{QStringLiteral("WINDOW_LOCK"), 20}, {QStringLiteral("DOOR_VIEWER"), 10}},
                       StockLocation::depot(), QStringLiteral("DN-8")));
    // One job per refused change (a refused op leaves the officer's copy of its job behind
    // the server's), made and booked by the office, Tuesday 2 February 2027.
    JobRepository jobs(coordinator->database(), coordinator->login());
    const auto at = [](int hour) {
        return QDateTime(QDate(2027, 2, 2), QTime(hour, 0), QTimeZone::utc());
    };
    const QString toBook = makeJob(*coordinator, QStringLiteral("10 Refused Row"));
    QHash<QString, QString> booked; // what each booked job tries → its id
    int hour = 8;
    for (const QString &what :
         {QStringLiteral("start"), QStringLiteral("fitter"), QStringLiteral("complete"),
          QStringLiteral("end"), QStringLiteral("stock")}) {
        const QString job = makeJob(*coordinator, QStringLiteral("11 Refused Row ") + what);
        ASSERT_TRUE(
            jobs.bookJob(QUuid::fromString(job), QUuid::fromString(m_fitterId), at(hour), 70));
        hour += 2;
        booked.insert(what, job);
    }
    const QString cancelled = makeJob(*coordinator, QStringLiteral("12 Refused Row"));
    ASSERT_TRUE(coordinator->exec(
        QStringLiteral("UPDATE job SET status = 'cancelled' WHERE id = ?"), {cancelled}));
    ASSERT_TRUE(synced(coordinator->sync()));
    const QStringList levels = centralLevels(*m_central);
    EXPECT_EQ(levels,
              QStringList({QStringLiteral("DOOR_VIEWER@depot 10/5"),
                           QStringLiteral("WINDOW_LOCK@depot 20/10")}));

    auto officer = doorstep(QStringLiteral("refused-officer"));
    ASSERT_TRUE(syncUntil(*officer, [&] {
        return localItems(*officer, cancelled).size() == 2
            && localJob(*officer, booked.value(QStringLiteral("stock"))).value(0)
            == QStringLiteral("scheduled");
    }));
    const QString otherFitter
        = m_central
              ->value(QStringLiteral("SELECT f.id FROM fitter f JOIN app_user u ON "
                                     "u.id = f.user_id WHERE u.login = ?"),
                      {s_logins.value(QStringLiteral("fitter_b"))})
              .toString();
    ASSERT_FALSE(otherFitter.isEmpty());
    // Written past the app, as a faulty or out-of-date device could send them:
    const auto exec = [&](const QString &sql, const QVariantList &values) {
        EXPECT_TRUE(officer->exec(sql, values)) << officer->lastError().toStdString();
    };
    // (the officer's device has no fitters to refer to: as if it had)
    exec(QStringLiteral("PRAGMA foreign_keys = OFF"), {});
    // booking a job from the tray,
    exec(QStringLiteral("UPDATE job SET fitter_id = ?, status = 'scheduled', scheduled_start = "
                        "'2027-02-03T09:00:00.000Z', scheduled_end = "
                        "'2027-02-03T10:10:00.000Z', sequence = sequence + 1 WHERE id = ?"),
         {m_fitterId, toBook});
    // moving a booked one to another time, or to another fitter,
    exec(QStringLiteral("UPDATE job SET scheduled_start = '2027-02-02T18:00:00.000Z', "
                        "scheduled_end = '2027-02-02T19:10:00.000Z' WHERE id = ?"),
         {booked.value(QStringLiteral("start"))});
    exec(QStringLiteral("UPDATE job SET fitter_id = ? WHERE id = ?"),
         {otherFitter, booked.value(QStringLiteral("fitter"))});
    exec(QStringLiteral("PRAGMA foreign_keys = ON"), {});
    // completing one,
    exec(QStringLiteral("UPDATE job SET status = 'completed', completed_at = "
                        "'2027-02-02T12:00:00.000Z', signed_off_by = 'Pat' WHERE id = ?"),
         {booked.value(QStringLiteral("complete"))});
    // making one end later than its length says (booked at 14:00 for 70 minutes),
    exec(QStringLiteral("UPDATE job SET scheduled_end = '2027-02-02T16:00:00.000Z', "
                        "sequence = sequence + 1 WHERE id = ?"),
         {booked.value(QStringLiteral("end"))});
    // reserving more stock for one than its items need,
    const QString movement = text(QUuid::createUuid());
    exec(QStringLiteral("INSERT INTO stock_movement (id, equipment_code, qty_change, reason, "
                        "job_id, at, by_user, location, reserved_change) VALUES (?, "
                        "'WINDOW_LOCK', 0, 'reserved', ?, '2027-02-01T12:00:00.000Z', 'x', "
                        "'depot', 3)"),
         {movement, booked.value(QStringLiteral("stock"))});
    // and changing the package of a cancelled job: its items, its length.
    const QString item
        = officer
              ->value(QStringLiteral("SELECT id FROM job_item WHERE job_id = '%1' AND "
                                     "equipment_code = 'DOOR_VIEWER'")
                          .arg(cancelled))
              .toString();
    exec(QStringLiteral("DELETE FROM job_item WHERE id = ?"), {item});
    const QString added = text(QUuid::createUuid());
    exec(QStringLiteral("INSERT INTO job_item (id, job_id, equipment_code, qty) VALUES (?, ?, "
                        "'DOOR_CHAIN_TS003', 1)"),
         {added, cancelled});
    exec(QStringLiteral("UPDATE job SET duration_minutes = 65 WHERE id = ?"), {cancelled});

    const SyncResult refused = officer->sync();
    ASSERT_TRUE(refused.ok()) << refused.errorString().toStdString();
    QHash<QString, QString> why;
    for (const SyncRejection &rejection : refused.rejected)
        why.insert(rejection.entityId, rejection.reason);
    const QString login = s_logins.value(QStringLiteral("officer"));
    const QHash<QString, QString> expected {
        {toBook, QStringLiteral("permission denied for table job")},
        {booked.value(QStringLiteral("start")), QStringLiteral("permission denied for table job")},
        {booked.value(QStringLiteral("fitter")), QStringLiteral("permission denied for table job")},
        {booked.value(QStringLiteral("complete")),
         QStringLiteral("permission denied for table job")},
        {booked.value(QStringLiteral("end")),
         QStringLiteral("job %1: a package agreed again keeps the booked start, so the visit "
                        "ends 70 minutes after it, at 2027-02-02T15:10:00Z, not at "
                        "2027-02-02T16:00:00Z")
             .arg(booked.value(QStringLiteral("end")))},
        {movement, QStringLiteral("permission denied for table stock_movement")},
        {item, QStringLiteral("job_item %1 may not be deleted by %2").arg(item, login)},
        {added,
         QStringLiteral("new row violates row-level security policy for table "
                        "\"job_item\"")},
        {cancelled,
         QStringLiteral("job %1 does not exist or may not be changed by %2").arg(cancelled, login)},
    };
    EXPECT_EQ(refused.rejected.size(), expected.size()) << reasons(refused).toStdString();
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        EXPECT_EQ(why.value(it.key()), it.value()) << reasons(refused).toStdString();

    // The server's jobs and ledger are as the office left them.
    EXPECT_EQ(centralJob(*m_central, toBook).value(0), QStringLiteral("unscheduled"));
    EXPECT_EQ(centralJob(*m_central, booked.value(QStringLiteral("start"))).value(2),
              QStringLiteral("2027-02-02T08:00:00.000Z"));
    EXPECT_EQ(centralJob(*m_central, booked.value(QStringLiteral("fitter"))).value(1), m_fitterId);
    EXPECT_EQ(centralJob(*m_central, booked.value(QStringLiteral("complete"))).value(0),
              QStringLiteral("scheduled"));
    EXPECT_EQ(centralJob(*m_central, booked.value(QStringLiteral("end"))).value(3),
              QStringLiteral("2027-02-02T15:10:00.000Z"));
    EXPECT_EQ(centralItems(*m_central, cancelled),
              QStringList({QStringLiteral("DOOR_VIEWER x1"), QStringLiteral("WINDOW_LOCK x2")}));
    EXPECT_EQ(centralJob(*m_central, cancelled).value(5), QStringLiteral("70"));
    EXPECT_EQ(centralLevels(*m_central), levels);
}

} // namespace saferhomes::synctest
