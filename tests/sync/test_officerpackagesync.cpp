// A package agreed again on an officer's device reaches the office (DESIGN §7, §8, issue 12),
// on the test cluster: the job made from it follows the new package on the server and on the
// coordinator's device (items, duration and end, availability and access notes) and, when it
// is booked, so do its stock reservations; the officer still cannot book, move or complete a
// job, write the stock ledger, or change a job that is done.

#include "jobsynctest.h"
#include "store/surveyrepository.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace saferhomes::synctest {

namespace {

/// A job's live items on a device ("CODE xN", sorted).
QStringList localItems(const TestDevice &device, const QString &job)
{
    QStringList items;
    for (const QVariantList &row : device.rows(
             QStringLiteral("SELECT equipment_code || ' x' || qty FROM job_item WHERE job_id = ?"),
             {job}))
        items.append(row.first().toString());
    items.sort();
    return items;
}

/// The same on the server (deleted items left out).
QStringList centralItems(PgSession &session, const QString &job)
{
    QStringList items
        = session.column(QStringLiteral("SELECT equipment_code || ' x' || qty FROM job_item "
                                        "WHERE job_id = ? AND deleted_at IS NULL"),
                         {job});
    items.sort();
    return items;
}

QJsonObject object(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

/// A job's availability on a device, as JSON.
QJsonObject localAvailability(const TestDevice &device, const QString &job)
{
    const QList<QVariantList> rows
        = device.rows(QStringLiteral("SELECT availability FROM job WHERE id = ?"), {job});
    return rows.isEmpty() ? QJsonObject() : object(rows.first().first().toString());
}

QJsonObject centralAvailability(PgSession &session, const QString &job)
{
    return object(
        session.value(QStringLiteral("SELECT availability::text FROM job WHERE id = ?"), {job})
            .toString());
}

/// Weekday mornings, as the package step asks for them.
const QString kMornings
    = QStringLiteral(R"({"windows":[{"weekdays":[1,2,3,4,5],"from":"09:00","to":"12:00"}]})");
/// Afternoons, not Fridays.
const QString kAfternoons = QStringLiteral(
    R"({"windows":[{"weekdays":[1,2,3,4],"from":"13:00","to":"17:00"}],"avoid_weekdays":[5]})");

QString reasons(const SyncResult &result)
{
    QStringList lines;
    for (const SyncRejection &rejection : result.rejected)
        lines.append(rejection.entity + QStringLiteral(" ") + rejection.entityId
                     + QStringLiteral(": ") + rejection.reason);
    return lines.join(u'\n');
}

} // namespace

class OfficerPackageSyncTest : public JobSyncTest {
protected:
    static void SetUpTestSuite()
    {
        setUpSuite(QStringLiteral("officerpkg"),
                   {{QStringLiteral("officer"), {QStringLiteral("officer"), {kMelton}}},
                    {QStringLiteral("volunteer"), {QStringLiteral("volunteer"), {kMelton}}},
                    {QStringLiteral("fitter_b"), {QStringLiteral("fitter"), {}}}});
    }

    /// The device of the officer (or \a login), with the server's catalogue.
    std::unique_ptr<TestDevice> doorstep(const QString &name,
                                         const QString &login = QStringLiteral("officer"))
    {
        auto made = device(name, login);
        EXPECT_TRUE(synced(made->sync()));
        return made;
    }

    /// An accepted household with a completed survey on \a officer, its \a package agreed with
    /// \a availability and \a notes as the package step does: the job's id.
    QString agree(TestDevice &officer, const QString &line1, const QList<PackageItem> &package,
                  const QString &availability, const QString &notes, QString *survey)
    {
        *survey = completedSurvey(officer, line1, kMelton);
        EXPECT_TRUE(
            officer.exec(QStringLiteral("UPDATE household SET status = 'accepted' WHERE "
                                        "id = (SELECT household_id FROM survey WHERE id = ?)"),
                         {*survey}));
        return agreeAgain(officer, *survey, package, availability, notes);
    }

    /// Agrees \a package for \a survey on \a officer: the job's id.
    QString agreeAgain(TestDevice &officer, const QString &survey,
                       const QList<PackageItem> &package, const QString &availability,
                       const QString &notes)
    {
        SurveyRepository surveys(officer.database(), officer.login());
        const auto done2 = surveys.savePackage(QUuid(survey), package, {});
        EXPECT_TRUE(done2) << done2.errorString().toStdString();
        JobRepository jobs(officer.database(), officer.login());
        const Result<QUuid> job = jobs.packageAgreed(
            QUuid(survey), JobAvailability::fromJson(object(availability)), notes);
        EXPECT_TRUE(job) << job.errorString().toStdString();
        return job ? text(*job) : QString();
    }

    /// 6 window locks, 3 door viewers and 4 door chains delivered to the depot (delivery note
    /// \a note), recorded on \a coordinator.
    static void stockTheDepot(TestDevice &coordinator, const QString &note)
    {
        ASSERT_TRUE(StockLedger(coordinator.database(), coordinator.login())
                        .receive({{QStringLiteral("WINDOW_LOCK"), 6},
                                  {QStringLiteral("DOOR_VIEWER"), 3},
                                  {QStringLiteral("DOOR_CHAIN_TS003"), 4}},
                                 StockLocation::depot(), note));
    }

    /// Books \a job (the first package's, 65 minutes) on the fitter from 09:00 GMT on \a day,
    /// on \a coordinator once its items have arrived there, and syncs the booking.
    void bookAtNine(TestDevice &coordinator, const QString &job, QDate day)
    {
        ASSERT_TRUE(
            syncUntil(coordinator, [&] { return localItems(coordinator, job).size() == 2; }));
        ASSERT_TRUE(JobRepository(coordinator.database(), coordinator.login())
                        .bookJob(QUuid::fromString(job), QUuid::fromString(m_fitterId),
                                 QDateTime(day, QTime(9, 0), QTimeZone::utc()), 65));
        ASSERT_TRUE(synced(coordinator.sync()));
    }

    /// The first package agreed on \a officer for a household at \a line1, booked by
    /// \a coordinator from 09:00 to 10:05 on \a day (sequence 0 to 1), as \a officer's device
    /// has heard: the job's id (empty when that failed).
    QString bookedOnTheDoorstep(TestDevice &officer, TestDevice &coordinator, const QString &line1,
                                QDate day, QString *survey)
    {
        const QString job
            = agree(officer, line1, m_first, kMornings, QStringLiteral("Side gate"), survey);
        EXPECT_TRUE(synced(officer.sync()));
        bookAtNine(coordinator, job, day);
        const QString end = QDateTime(day, QTime(10, 5), QTimeZone::utc())
                                .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
        EXPECT_TRUE(syncUntil(officer, [&] { return localJob(officer, job).value(3) == end; }));
        return ::testing::Test::HasFailure() ? QString() : job;
    }

    /// A job in the tray as localJob() and centralJob() read it: \a minutes long, at
    /// \a sequence, with the access notes given with the second package.
    static QStringList trayJob(int minutes, int sequence)
    {
        return {QStringLiteral("unscheduled"),
                QString(),
                QString(),
                QString(),
                QString(),
                QString::number(minutes),
                QString::number(sequence),
                QString(),
                QStringLiteral("Key with the neighbour at number 3")};
    }

    /// An unscheduled job agreed again on \a login's device (the test below).
    void trayJobFollowsPackage(const QString &login);

    /// Two window locks and a door viewer, agreed; a mortice deadlock, not.
    const QList<PackageItem> m_first {
        {QStringLiteral("WINDOW_LOCK"), 2, QStringLiteral("ground floor"), true},
        {QStringLiteral("DOOR_VIEWER"), 1, QString(), true},
        {QStringLiteral("MORTICE_DEADLOCK_BS3621"), 1, QString(), false}};
    /// At the doorstep the householder changes their mind: one window lock and a door chain.
    const QList<PackageItem> m_second {
        {QStringLiteral("WINDOW_LOCK"), 1, QStringLiteral("back bedroom"), true},
        {QStringLiteral("DOOR_CHAIN_TS003"), 1, QString(), true},
        {QStringLiteral("DOOR_VIEWER"), 1, QString(), false}};
    /// The items of a job of the second package (localItems, centralItems).
    const QStringList m_secondItems {QStringLiteral("DOOR_CHAIN_TS003 x1"),
                                     QStringLiteral("WINDOW_LOCK x1")};
};

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
    const QStringList expected {QStringLiteral("scheduled"),
                                m_fitterId,
                                QStringLiteral("2027-02-01T09:00:00.000Z"),
                                QStringLiteral("2027-02-01T09:45:00.000Z"),
                                QString(),
                                QStringLiteral("45"),
                                QStringLiteral("2"),
                                QString(),
                                QStringLiteral("Key with the neighbour at number 3")};
    EXPECT_EQ(centralJob(*m_central, job), expected);
    const QStringList items {QStringLiteral("DOOR_CHAIN_TS003 x1"),
                             QStringLiteral("WINDOW_LOCK x1")};
    EXPECT_EQ(centralItems(*m_central, job), items);
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
    EXPECT_EQ(localItems(*coordinator, job), items);
    EXPECT_EQ(localAvailability(*coordinator, job), object(kAfternoons));
    EXPECT_EQ(localHeld(*coordinator, job), held);
    EXPECT_EQ(coordinator->outboxRows(), 0);
    ASSERT_TRUE(synced(officer->sync()));
    EXPECT_EQ(localJob(*officer, job), expected);
    EXPECT_EQ(localItems(*officer, job), items);
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
    const QStringList expected {QStringLiteral("scheduled"),
                                m_fitterId,
                                QStringLiteral("2027-02-03T09:00:00.000Z"),
                                QStringLiteral("2027-02-03T09:45:00.000Z"),
                                QString(),
                                QStringLiteral("45"),
                                QStringLiteral("2"),
                                QString(),
                                QStringLiteral("Key with the neighbour at number 3")};
    EXPECT_EQ(centralJob(*m_central, job), expected);
    const QStringList items {QStringLiteral("DOOR_CHAIN_TS003 x1"),
                             QStringLiteral("WINDOW_LOCK x1")};
    EXPECT_EQ(centralItems(*m_central, job), items);
    const QStringList held {QStringLiteral("DOOR_CHAIN_TS003@depot 1"),
                            QStringLiteral("WINDOW_LOCK@depot 1")};
    EXPECT_EQ(centralHeld(*m_central, job), held);
    const QStringList levels {QStringLiteral("DOOR_CHAIN_TS003@depot 4/1"),
                              QStringLiteral("DOOR_VIEWER@depot 3/0"),
                              QStringLiteral("WINDOW_LOCK@depot 6/1")};
    EXPECT_EQ(centralLevels(*m_central), levels);

    ASSERT_TRUE(syncUntil(*officer, [&] { return localJob(*officer, job) == expected; }))
        << localJob(*officer, job).join(u'|').toStdString();
    EXPECT_EQ(localItems(*officer, job), items);
    ASSERT_TRUE(syncUntil(*coordinator, [&] {
        return localJob(*coordinator, job) == expected && localLevels(*coordinator) == levels;
    })) << localJob(*coordinator, job).join(u'|').toStdString();
    EXPECT_EQ(localItems(*coordinator, job), items);
    EXPECT_EQ(localHeld(*coordinator, job), held);
    EXPECT_TRUE(officer->rejectedOps().isEmpty());
    EXPECT_TRUE(coordinator->rejectedOps().isEmpty());
}

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
    const QStringList &items = m_secondItems;
    EXPECT_EQ(centralItems(*m_central, job), items);
    EXPECT_EQ(centralAvailability(*m_central, job), object(kAfternoons));
    EXPECT_TRUE(centralHeld(*m_central, job).isEmpty());

    ASSERT_TRUE(syncUntil(*coordinator, [&] { return localJob(*coordinator, job) == expected; }))
        << localJob(*coordinator, job).join(u'|').toStdString();
    EXPECT_EQ(localItems(*coordinator, job), items);
    EXPECT_EQ(localAvailability(*coordinator, job), object(kAfternoons));
    ASSERT_TRUE(synced(officer->sync()));
    EXPECT_EQ(localJob(*officer, job), expected);
    EXPECT_EQ(localItems(*officer, job), items);
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
