// Jobs between a coordinator's device and a fitter's through the central database on the test
// cluster (DESIGN §7, §8, issue 12): scheduled on one, completed on the other, both converge; a
// completion sent again is applied once; a no-access visit's revisit job is accepted from the
// fitter; a job the server changed while the coordinator moved it comes back refused, with the
// server's version.

#include "jobsynctest.h"

namespace saferhomes::synctest {

TEST_F(JobSyncTest, ScheduledInTheOfficeCompletedInTheVanBothConverge)
{
    auto coordinator = office(QStringLiteral("office"), QStringLiteral("coordinator"));
    const QString job = makeJob(*coordinator, QStringLiteral("1 Converge Close"));
    ASSERT_TRUE(schedule(*coordinator, job, QStringLiteral("2027-01-04T09:00:00.000Z"),
                         QStringLiteral("2027-01-04T10:10:00.000Z")));
    ASSERT_TRUE(synced(coordinator->sync()));
    EXPECT_EQ(
        centralJob(*m_central, job),
        (QStringList {QStringLiteral("scheduled"), m_fitterId,
                      QStringLiteral("2027-01-04T09:00:00.000Z"),
                      QStringLiteral("2027-01-04T10:10:00.000Z"), QString(), QStringLiteral("70"),
                      QStringLiteral("1"), QString(), QStringLiteral("Side gate")}));

    // The fitter's device gets the booked job, its items and its household.
    auto van = device(QStringLiteral("van"), QStringLiteral("fitter"));
    ASSERT_TRUE(syncUntil(*van, [&] {
        return van->value(
                      QStringLiteral("SELECT count(*) FROM job_item WHERE job_id = '%1'").arg(job))
                   .toInt()
            == 2;
    }));
    EXPECT_EQ(localJob(*van, job), centralJob(*m_central, job));
    // Each device knows who it syncs as: the van is the fitter's, and opens on their day.
    const QString state = QStringLiteral("SELECT value FROM sync_state WHERE key = '%1'");
    EXPECT_EQ(van->value(state.arg(QStringLiteral("role"))).toString(), QStringLiteral("fitter"));
    EXPECT_EQ(van->value(state.arg(QStringLiteral("fitter"))).toString(), m_fitterId);
    EXPECT_EQ(van->value(state.arg(QStringLiteral("login"))).toString(),
              s_logins.value(QStringLiteral("fitter")));
    EXPECT_EQ(coordinator->value(state.arg(QStringLiteral("role"))).toString(),
              QStringLiteral("coordinator"));
    EXPECT_EQ(coordinator->value(state.arg(QStringLiteral("fitter"))).toString(), QString());

    loadVan(*van, {{QStringLiteral("WINDOW_LOCK"), 2}, {QStringLiteral("DOOR_VIEWER"), 1}});
    JobRepository jobs(van->database(), van->login());
    const Result<bool> done = jobs.complete(
        QUuid(job), {{QStringLiteral("WINDOW_LOCK"), 2}, {QStringLiteral("DOOR_VIEWER"), 1}},
        {{QStringLiteral("WINDOW_LOCK"), QStringLiteral("WL-1,WL-2")}}, QStringLiteral("Pat"));
    ASSERT_TRUE(done) << done.errorString().toStdString();
    EXPECT_TRUE(*done);

    // The answer to the push is lost (the device crashed before recording it): the same ops go
    // again and are applied once.
    QString error;
    ASSERT_TRUE(van->saveCopy(&error)) << error.toStdString();
    ASSERT_TRUE(synced(van->sync()));
    const QString version = QStringLiteral("SELECT row_version FROM job WHERE id = ?");
    const int applied = m_central->value(version, {job}).toInt();
    const int audited
        = m_central
              ->value(QStringLiteral("SELECT count(*) FROM audit_event WHERE entity_id = ?"), {job})
              .toInt();
    ASSERT_TRUE(van->restoreCopy(&error)) << error.toStdString();
    EXPECT_GT(van->outboxRows(), 0);
    const SyncResult again = van->sync();
    ASSERT_TRUE(synced(again));
    EXPECT_EQ(van->outboxRows(), 0);
    EXPECT_EQ(m_central->value(version, {job}).toInt(), applied);
    EXPECT_EQ(
        m_central
            ->value(QStringLiteral("SELECT count(*) FROM audit_event WHERE entity_id = ?"), {job})
            .toInt(),
        audited);
    // Recorded again on the device: nothing new to send.
    const Result<bool> twice = jobs.complete(QUuid(job), {{QStringLiteral("WINDOW_LOCK"), 2}}, {},
                                             QStringLiteral("Pat"));
    ASSERT_TRUE(twice) << twice.errorString().toStdString();
    EXPECT_FALSE(*twice);
    EXPECT_EQ(van->outboxRows(), 0);

    EXPECT_EQ(
        m_central->value(QStringLiteral("SELECT status FROM job WHERE id = ?"), {job}).toString(),
        QStringLiteral("completed"));
    const QString items = QStringLiteral("SELECT equipment_code || ' ' || fitted_qty || ' ' || "
                                         "serial FROM job_item WHERE job_id = ? "
                                         "ORDER BY equipment_code");
    EXPECT_EQ(m_central->column(items, {job}),
              (QStringList {QStringLiteral("DOOR_VIEWER 1 "),
                            QStringLiteral("WINDOW_LOCK 2 WL-1,WL-2")}));
    const QString household
        = m_central->value(QStringLiteral("SELECT household_id FROM job WHERE id = ?"), {job})
              .toString();
    EXPECT_EQ(
        m_central->value(QStringLiteral("SELECT status FROM household WHERE id = ?"), {household})
            .toString(),
        QStringLiteral("installed"));

    // Back in the office: the same job, the same items, the household installed.
    ASSERT_TRUE(syncUntil(*coordinator, [&] {
        return coordinator->value(QStringLiteral("SELECT status FROM job WHERE id = '%1'").arg(job))
                   .toString()
            == QStringLiteral("completed");
    }));
    EXPECT_EQ(localJob(*coordinator, job), centralJob(*m_central, job));
    EXPECT_EQ(localJob(*van, job), centralJob(*m_central, job));
    for (const TestDevice *side : {coordinator.get(), van.get()}) {
        QStringList local;
        for (const QVariantList &row :
             side->rows(QStringLiteral("SELECT equipment_code || ' ' || fitted_qty || ' ' || "
                                       "serial FROM job_item WHERE job_id = ? "
                                       "ORDER BY equipment_code"),
                        {job}))
            local.append(row.value(0).toString());
        EXPECT_EQ(local, m_central->column(items, {job})) << side->name().toStdString();
    }
    EXPECT_TRUE(syncUntil(*coordinator, [&] {
        return coordinator
                   ->value(QStringLiteral("SELECT status FROM household WHERE id = '%1'")
                               .arg(household))
                   .toString()
            == QStringLiteral("installed");
    }));
}

TEST_F(JobSyncTest, AFittersDifferenceReasonAndJobPhotoReachTheOffice)
{
    auto coordinator = office(QStringLiteral("office-reasons"), QStringLiteral("coordinator"));
    const QString job = makeJob(*coordinator, QStringLiteral("4 Reason Row"));
    ASSERT_TRUE(schedule(*coordinator, job, QStringLiteral("2027-01-06T09:00:00.000Z"),
                         QStringLiteral("2027-01-06T10:10:00.000Z")));
    ASSERT_TRUE(synced(coordinator->sync()));

    auto van = device(QStringLiteral("van-reasons"), QStringLiteral("fitter"));
    ASSERT_TRUE(syncUntil(*van, [&] {
        return van->value(
                      QStringLiteral("SELECT count(*) FROM job_item WHERE job_id = '%1'").arg(job))
                   .toInt()
            == 2;
    }));

    // One window lock of the two planned, with the fitter's reason, and a photo of the work.
    JobCompletion completion;
    completion.fitted = {{QStringLiteral("WINDOW_LOCK"), 1}, {QStringLiteral("DOOR_VIEWER"), 1}};
    completion.differenceReasons = {
        {QStringLiteral("WINDOW_LOCK"), QStringLiteral("The back bedroom window is painted shut")}};
    completion.photos.append(
        {QStringLiteral("image/jpeg"), QByteArray("Photo of the fitted door viewer")});
    completion.signedOffBy = QStringLiteral("Pat");
    loadVan(*van, {{QStringLiteral("WINDOW_LOCK"), 1}, {QStringLiteral("DOOR_VIEWER"), 1}});
    JobRepository jobs(van->database(), van->login());
    const Result<bool> done = jobs.complete(QUuid(job), completion);
    ASSERT_TRUE(done) << done.errorString().toStdString();
    EXPECT_TRUE(*done);
    ASSERT_TRUE(synced(van->sync()));
    EXPECT_EQ(van->outboxRows(), 0);

    const QString items = QStringLiteral("SELECT equipment_code || ' ' || fitted_qty || ' ' || "
                                         "difference_reason FROM job_item WHERE job_id = ? "
                                         "ORDER BY equipment_code");
    const QStringList expectedItems {
        QStringLiteral("DOOR_VIEWER 1 "),
        QStringLiteral("WINDOW_LOCK 1 The back bedroom window is painted shut")};
    EXPECT_EQ(m_central->column(items, {job}), expectedItems);
    // sha256 of the photo's bytes, by sha256sum.
    const QString photo = QStringLiteral(
        "photo image/jpeg e3ac44eca2d77e6a6d6c7b1b79f75b56c7b1d3af5ae77eac5e16aa6da31647ee");
    EXPECT_EQ(m_central->column(QStringLiteral("SELECT kind || ' ' || mime_type || ' ' || sha256 "
                                               "FROM attachment WHERE job_id = ?"),
                                {job}),
              QStringList {photo});

    // The coordinator's device holds the reason and the photo's job.
    ASSERT_TRUE(syncUntil(*coordinator, [&] {
        return coordinator
                   ->value(QStringLiteral("SELECT count(*) FROM attachment WHERE job_id = '%1'")
                               .arg(job))
                   .toInt()
            == 1;
    }));
    QStringList local;
    for (const QVariantList &row : coordinator->rows(items, {job}))
        local.append(row.value(0).toString());
    EXPECT_EQ(local, expectedItems);
    EXPECT_EQ(coordinator->rows(QStringLiteral("SELECT kind || ' ' || mime_type || ' ' || "
                                               "sha256 FROM attachment WHERE job_id = ?"),
                                {job}),
              (QList<QVariantList> {{photo}}));
    // Its bytes, and the job's household is the photo's.
    EXPECT_EQ(coordinator->rows(QStringLiteral("SELECT count(*) FROM attachment a JOIN job j "
                                               "ON j.id = a.job_id "
                                               "AND j.household_id = a.household_id "
                                               "WHERE a.job_id = ? AND a.bytes = ?"),
                                {job, QByteArray("Photo of the fitted door viewer")}),
              (QList<QVariantList> {{1}}));
    const Result<QHash<QString, int>> pictures
        = JobRepository(coordinator->database(), coordinator->login()).pictureCounts(QUuid(job));
    ASSERT_TRUE(pictures) << pictures.errorString().toStdString();
    EXPECT_EQ(*pictures, (QHash<QString, int> {{QStringLiteral("photo"), 1}}));
    const Result<QHash<QString, QString>> reasons
        = JobRepository(coordinator->database(), coordinator->login())
              .differenceReasons(QUuid(job));
    ASSERT_TRUE(reasons) << reasons.errorString().toStdString();
    EXPECT_EQ(*reasons,
              (QHash<QString, QString> {{QStringLiteral("WINDOW_LOCK"),
                                         QStringLiteral("The back bedroom window is "
                                                        "painted shut")}}));

    // An attachment names only a job of its own household: one of another household's is
    // refused by the server.
    const QString other = makeJob(*coordinator, QStringLiteral("6 Other Street"));
    ASSERT_TRUE(synced(coordinator->sync()));
    const QString stray = text(QUuid::createUuid());
    ASSERT_TRUE(coordinator->exec(
        QStringLiteral("INSERT INTO attachment (id, household_id, kind, mime_type, sha256, bytes, "
                       "created_at, by_user, job_id) SELECT ?, household_id, 'photo', "
                       "'image/jpeg', ?, x'00', '2027-01-06T11:00:00.000Z', 'office', ? "
                       "FROM job WHERE id = ?"),
        {stray, QString(64, u'0'), job, other}))
        << coordinator->lastError().toStdString();
    const SyncResult refused = coordinator->sync();
    ASSERT_TRUE(refused.ok()) << refused.errorString().toStdString();
    ASSERT_EQ(refused.rejected.size(), 1);
    EXPECT_EQ(refused.rejected[0].entityId, stray);
    EXPECT_TRUE(refused.rejected[0].reason.contains(u"row-level security"))
        << refused.rejected[0].reason.toStdString();
    EXPECT_EQ(
        m_central->value(QStringLiteral("SELECT count(*) FROM attachment WHERE id = ?"), {stray})
            .toInt(),
        0);
    // Erasing the household blanks the fitter's reasons, on the server and on the device.
    const QString household
        = m_central->value(QStringLiteral("SELECT household_id FROM job WHERE id = ?"), {job})
              .toString();
    ASSERT_TRUE(m_central->exec(QStringLiteral("SELECT sh_erase_household(?::uuid)"), {household}))
        << m_central->lastError().toStdString();
    const QStringList erasedItems {QStringLiteral("DOOR_VIEWER 1 "),
                                   QStringLiteral("WINDOW_LOCK 1 ")};
    EXPECT_EQ(m_central->column(items, {job}), erasedItems);
    ASSERT_TRUE(syncUntil(*coordinator, [&] {
        return !coordinator
                    ->value(QStringLiteral("SELECT erased_at FROM household WHERE id = '%1'")
                                .arg(household))
                    .isNull();
    }));
    local.clear();
    for (const QVariantList &row : coordinator->rows(items, {job}))
        local.append(row.value(0).toString());
    EXPECT_EQ(local, erasedItems);
}

TEST_F(JobSyncTest, AFittersNoAccessSendsItsRevisitJob)
{
    auto coordinator = office(QStringLiteral("office-revisit"), QStringLiteral("coordinator"));
    const QString job = makeJob(*coordinator, QStringLiteral("2 Nobody In Lane"));
    ASSERT_TRUE(schedule(*coordinator, job, QStringLiteral("2027-01-05T09:00:00.000Z"),
                         QStringLiteral("2027-01-05T10:10:00.000Z")));
    ASSERT_TRUE(synced(coordinator->sync()));

    auto van = device(QStringLiteral("van-revisit"), QStringLiteral("fitter"));
    ASSERT_TRUE(syncUntil(*van, [&] {
        return van->value(
                      QStringLiteral("SELECT count(*) FROM job_item WHERE job_id = '%1'").arg(job))
                   .toInt()
            == 2;
    }));
    JobRepository jobs(van->database(), van->login());
    const Result<QUuid> revisit = jobs.noAccess(QUuid(job), QStringLiteral("card left"));
    ASSERT_TRUE(revisit) << revisit.errorString().toStdString();
    const QString revisitId = text(*revisit);
    ASSERT_TRUE(synced(van->sync()));
    EXPECT_EQ(van->outboxRows(), 0);

    EXPECT_EQ(
        m_central->value(QStringLiteral("SELECT status FROM job WHERE id = ?"), {job}).toString(),
        QStringLiteral("no_access"));
    EXPECT_EQ(centralJob(*m_central, revisitId),
              (QStringList {QStringLiteral("unscheduled"), QString(), QString(), QString(),
                            QString(), QStringLiteral("70"), QStringLiteral("0"), job,
                            QStringLiteral("Side gate")}));
    EXPECT_EQ(m_central->column(QStringLiteral("SELECT equipment_code || ' ' || qty FROM job_item "
                                               "WHERE job_id = ? ORDER BY equipment_code"),
                                {revisitId}),
              (QStringList {QStringLiteral("DOOR_VIEWER 1"), QStringLiteral("WINDOW_LOCK 2")}));

    // The coordinator finds it in the tray.
    ASSERT_TRUE(syncUntil(*coordinator, [&] {
        return coordinator
                   ->value(QStringLiteral("SELECT count(*) FROM job_item WHERE job_id = '%1'")
                               .arg(revisitId))
                   .toInt()
            == 2;
    }));
    EXPECT_EQ(localJob(*coordinator, revisitId), centralJob(*m_central, revisitId));
    EXPECT_EQ(localJob(*coordinator, job), centralJob(*m_central, job));

    // A fitter cannot make a job of their own otherwise: one booked on themselves is refused.
    const QString own = text(QUuid::createUuid());
    ASSERT_TRUE(van->exec(
        QStringLiteral("INSERT INTO job (id, household_id, fitter_id, status, created_at) "
                       "SELECT ?, household_id, fitter_id, 'unscheduled', created_at FROM job "
                       "WHERE id = ?"),
        {own, job}))
        << van->lastError().toStdString();
    const SyncResult refused = van->sync();
    ASSERT_TRUE(refused.ok()) << refused.errorString().toStdString();
    ASSERT_EQ(refused.rejected.size(), 1);
    EXPECT_EQ(refused.rejected[0].entityId, own);
    EXPECT_EQ(
        m_central->value(QStringLiteral("SELECT count(*) FROM job WHERE id = ?"), {own}).toInt(),
        0);
}

TEST_F(JobSyncTest, AJobMovedOnTheServerMeanwhileComesBackRefusedWithTheServersVersion)
{
    auto a = office(QStringLiteral("office-a"), QStringLiteral("coordinator"));
    auto b = office(QStringLiteral("office-b"), QStringLiteral("coordinator_b"));
    const QString job = makeJob(*a, QStringLiteral("3 Moved Mews"));
    ASSERT_TRUE(schedule(*a, job, QStringLiteral("2027-01-06T09:00:00.000Z"),
                         QStringLiteral("2027-01-06T10:10:00.000Z")));
    ASSERT_TRUE(synced(a->sync()));
    ASSERT_TRUE(syncUntil(*b, [&] {
        return b->value(QStringLiteral("SELECT count(*) FROM job WHERE id = '%1' "
                                       "AND status = 'scheduled'")
                            .arg(job))
                   .toInt()
            == 1;
    }));

    // b moves it to the afternoon and syncs first; a, offline, moves it to the next day.
    ASSERT_TRUE(schedule(*b, job, QStringLiteral("2027-01-06T13:00:00.000Z"),
                         QStringLiteral("2027-01-06T14:10:00.000Z")));
    ASSERT_TRUE(synced(b->sync()));
    ASSERT_TRUE(schedule(*a, job, QStringLiteral("2027-01-07T09:00:00.000Z"),
                         QStringLiteral("2027-01-07T10:10:00.000Z")));
    const SyncResult late = a->sync();
    ASSERT_TRUE(late.ok()) << late.errorString().toStdString();
    ASSERT_EQ(late.rejected.size(), 1);
    EXPECT_EQ(late.rejected[0].entityId, job);
    // The reason names the server's value.
    EXPECT_TRUE(late.rejected[0].reason.contains(QStringLiteral("2027-01-06")))
        << late.rejected[0].reason.toStdString();
    const QStringList server = centralJob(*m_central, job);
    ASSERT_EQ(server.size(), 9);
    EXPECT_EQ(server.at(2), QStringLiteral("2027-01-06T13:00:00.000Z"));

    // Listed as a refused change (kept, not sent again), and the device shows the server's
    // booking once it pulls.
    EXPECT_EQ(a->rejectedOps().size(), 1);
    ASSERT_TRUE(syncUntil(*a, [&] { return localJob(*a, job) == centralJob(*m_central, job); }));
    EXPECT_EQ(localJob(*a, job).at(2), QStringLiteral("2027-01-06T13:00:00.000Z"));
    EXPECT_EQ(a->rejectedOps().size(), 1);
}

TEST_F(JobSyncTest, TwoOfficesReservingTheLastUnitOfflineTheServerKeepsTheFirstAndBothConverge)
{
    auto a = office(QStringLiteral("stock-a"), QStringLiteral("coordinator"));
    auto b = office(QStringLiteral("stock-b"), QStringLiteral("coordinator_b"));
    // The depot receives 4 window locks and the last door viewer, before either books.
    const QString depot = StockLocation::depot();
    StockLedger ledgerA(a->database(), a->login());
    ASSERT_TRUE(
        ledgerA.receive({{QStringLiteral("WINDOW_LOCK"), 4}, {QStringLiteral("DOOR_VIEWER"), 1}},
                        depot, QStringLiteral("DN-900")));
    ASSERT_TRUE(synced(a->sync()));
    const QStringList delivered = centralLevels(*m_central);
    ASSERT_TRUE(syncUntil(*b, [&] { return localLevels(*b) == delivered; }));

    // Offline, each books a job needing 2 window locks and the door viewer on the fitter (whose
    // van is empty): each device reserves the depot's last door viewer.
    const QString jobA = makeJob(*a, QStringLiteral("1 Stock Street"));
    const QString jobB = makeJob(*b, QStringLiteral("2 Stock Street"));
    const QUuid fitter = QUuid::fromString(m_fitterId);
    JobRepository jobsA(a->database(), a->login());
    JobRepository jobsB(b->database(), b->login());
    const QTimeZone london("Europe/London");
    ASSERT_TRUE(jobsA.bookJob(QUuid::fromString(jobA), fitter,
                              QDateTime(QDate(2027, 1, 11), QTime(9, 0), london), 70));
    ASSERT_TRUE(jobsB.bookJob(QUuid::fromString(jobB), fitter,
                              QDateTime(QDate(2027, 1, 12), QTime(9, 0), london), 70));
    const QString viewerAtDepot = QStringLiteral("DOOR_VIEWER@depot 1/1");
    EXPECT_TRUE(localLevels(*a).contains(viewerAtDepot))
        << localLevels(*a).join(u'\n').toStdString();
    EXPECT_TRUE(localLevels(*b).contains(viewerAtDepot))
        << localLevels(*b).join(u'\n').toStdString();
    const int movementsB = b->value(QStringLiteral("SELECT count(*) FROM stock_movement")).toInt();

    // a syncs first: the server takes its reservations.
    ASSERT_TRUE(synced(a->sync()));
    // b's reservation of the door viewer is refused and reported with the server's figures;
    // its window locks (2 of the 4 still free) are taken.
    const SyncResult second = b->sync();
    ASSERT_TRUE(second.ok()) << second.errorString().toStdString();
    ASSERT_EQ(second.rejected.size(), 1);
    EXPECT_EQ(second.rejected[0].entity, QStringLiteral("stock_movement"));
    EXPECT_TRUE(second.rejected[0].reason.contains(u"stock short"))
        << second.rejected[0].reason.toStdString();
    EXPECT_TRUE(second.rejected[0].reason.contains(u"DOOR_VIEWER"))
        << second.rejected[0].reason.toStdString();

    // Both converge on the server's ledger: the door viewer is a's job's, b's job holds only
    // its window locks (the board marks it short of stock).
    const QStringList server = centralLevels(*m_central);
    EXPECT_EQ(server, QStringList({viewerAtDepot, QStringLiteral("WINDOW_LOCK@depot 4/4")}));
    ASSERT_TRUE(syncUntil(*a, [&] { return localLevels(*a) == server; }))
        << localLevels(*a).join(u'\n').toStdString();
    ASSERT_TRUE(syncUntil(*b, [&] { return localLevels(*b) == server; }))
        << localLevels(*b).join(u'\n').toStdString();
    const Result<QList<StockReservation>> heldB
        = StockLedger(b->database(), b->login()).reservations(QUuid::fromString(jobB));
    ASSERT_TRUE(heldB);
    ASSERT_EQ(heldB->size(), 1);
    EXPECT_EQ(heldB->first().code, QStringLiteral("WINDOW_LOCK"));
    EXPECT_EQ(heldB->first().qty, 2);

    // Nothing disappears: b keeps its refused movement as history (listed as a refused
    // change), and every movement either device made that the server took is on the server.
    EXPECT_EQ(b->rejectedOps().size(), 1);
    EXPECT_GE(b->value(QStringLiteral("SELECT count(*) FROM stock_movement")).toInt(), movementsB);
    const int refused = b->value(QStringLiteral("SELECT count(*) FROM outbox WHERE entity = "
                                                "'stock_movement' AND rejected_at IS NOT NULL"))
                            .toInt();
    EXPECT_EQ(refused, 1);
    for (TestDevice *device : {a.get(), b.get()}) {
        const int local
            = device->value(QStringLiteral("SELECT count(*) FROM stock_movement")).toInt();
        EXPECT_EQ(local,
                  m_central
                          ->value(QStringLiteral("SELECT count(*) FROM stock_movement "
                                                 "WHERE equipment_code IN "
                                                 "('WINDOW_LOCK', 'DOOR_VIEWER')"))
                          .toInt()
                      + (device == b.get() ? refused : 0))
            << device->name().toStdString();
    }
}

} // namespace saferhomes::synctest
