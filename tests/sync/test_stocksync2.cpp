// The central database keeps the stock ledger honest and takes the catalogue from coordinators
// and admins (DESIGN §7, §8, issue 13), on the test cluster: a reservation is given back once
// however many devices release it, never beyond what was reserved; a job change the server
// refuses takes its reservation with it; a fitting beyond the reservation needs stock that is
// there; catalogue edits reach every device, and only the roles that may write it can.

#include "jobsynctest.h"
#include "store/equipmentrepository.h"

namespace saferhomes::synctest {

namespace {

/// \a list sorted, as the levels and holdings above are.
QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QDateTime london(int day, int hour)
{
    return QDateTime(QDate(2027, 2, day), QTime(hour, 0), QTimeZone("Europe/London"));
}

} // namespace

class StockGuardTest : public JobSyncTest {
protected:
    static void SetUpTestSuite()
    {
        setUpSuite(QStringLiteral("stockguard"),
                   {{QStringLiteral("fitter_b"), {QStringLiteral("fitter"), {}}},
                    {QStringLiteral("admin"), {QStringLiteral("admin"), {}}},
                    {QStringLiteral("volunteer"), {QStringLiteral("volunteer"), {kMelton}}},
                    {QStringLiteral("officer"), {QStringLiteral("officer"), {kMelton}}}});
    }

    void SetUp() override
    {
        JobSyncTest::SetUp();
        if (HasFatalFailure())
            return;
        m_otherFitterId = m_central
                              ->value(QStringLiteral("SELECT f.id FROM fitter f JOIN app_user u "
                                                     "ON u.id = f.user_id WHERE u.login = ?"),
                                      {s_logins.value(QStringLiteral("fitter_b"))})
                              .toString();
        ASSERT_FALSE(m_otherFitterId.isEmpty());
    }

    /// \a device's ledger receives \a lines at the depot and sends them.
    void stockDepot(TestDevice &device, const QList<StockLine> &lines)
    {
        ASSERT_TRUE(StockLedger(device.database(), device.login())
                        .receive(lines, StockLocation::depot(), QStringLiteral("DN-1")));
        ASSERT_TRUE(synced(device.sync()));
    }

    QString m_otherFitterId;
};

TEST_F(StockGuardTest, AReservationMovedOnTwoDevicesIsReleasedAndReservedOnce)
{
    auto a = office(QStringLiteral("twice-a"), QStringLiteral("coordinator"));
    auto b = office(QStringLiteral("twice-b"), QStringLiteral("coordinator_b"));
    // The fitter's van holds 2 window locks and a door viewer of the depot's 6 and 3, and the
    // job booked on the fitter holds them there.
    stockDepot(*a, {{QStringLiteral("WINDOW_LOCK"), 6}, {QStringLiteral("DOOR_VIEWER"), 3}});
    StockLedger ledgerA(a->database(), a->login());
    ASSERT_TRUE(
        ledgerA.transfer(QStringLiteral("WINDOW_LOCK"), 2, StockLocation::depot(), m_fitterId));
    ASSERT_TRUE(
        ledgerA.transfer(QStringLiteral("DOOR_VIEWER"), 1, StockLocation::depot(), m_fitterId));
    const QString job = makeJob(*a, QStringLiteral("1 Twice Terrace"));
    JobRepository jobsA(a->database(), a->login());
    ASSERT_TRUE(
        jobsA.bookJob(QUuid::fromString(job), QUuid::fromString(m_fitterId), london(1, 9), 70));
    ASSERT_TRUE(synced(a->sync()));
    const QStringList inTheVan = sorted({QStringLiteral("DOOR_VIEWER@%1 1").arg(m_fitterId),
                                         QStringLiteral("WINDOW_LOCK@%1 2").arg(m_fitterId)});
    EXPECT_EQ(centralHeld(*m_central, job), inTheVan);
    ASSERT_TRUE(syncUntil(*b, [&] {
        return localHeld(*b, job) == inTheVan
            && b->value(QStringLiteral("SELECT count(*) FROM fitter WHERE id = '%1'")
                            .arg(m_otherFitterId))
                   .toInt()
            == 1;
    }));

    // Both offices, offline, move the job to the other fitter (whose van is empty) at the same
    // time: each releases the van's stock and reserves the depot's.
    JobRepository jobsB(b->database(), b->login());
    const QStringList atTheDepot {QStringLiteral("DOOR_VIEWER@depot 1"),
                                  QStringLiteral("WINDOW_LOCK@depot 2")};
    for (JobRepository *jobs : {&jobsA, &jobsB}) {
        ASSERT_TRUE(jobs->moveJob(QUuid::fromString(job), QUuid::fromString(m_otherFitterId),
                                  london(2, 9)));
    }
    EXPECT_EQ(localHeld(*b, job), atTheDepot);
    ASSERT_TRUE(synced(a->sync()));
    // b's move agrees with the server's job; its releases would give back stock the job no
    // longer holds in the van, its reservations would reserve the job's items twice (the
    // depot has enough for that): refused, with the server's figures.
    const SyncResult late = b->sync();
    ASSERT_TRUE(late.ok()) << late.errorString().toStdString();
    ASSERT_EQ(late.rejected.size(), 4) << reasons(late).toStdString();
    QStringList why;
    for (const SyncRejection &rejection : late.rejected) {
        EXPECT_EQ(rejection.entity, QStringLiteral("stock_movement"));
        why.append(rejection.reason);
    }
    const QString prefix = QStringLiteral("stock reservation: job %1 ").arg(job);
    for (const QString &expected :
         {prefix
              + QStringLiteral("holds 0 of WINDOW_LOCK reserved at %1 on the server: 2 "
                               "cannot be released for it")
                    .arg(m_fitterId),
          prefix
              + QStringLiteral("holds 0 of DOOR_VIEWER reserved at %1 on the server: 1 "
                               "cannot be released for it")
                    .arg(m_fitterId),
          prefix
              + QStringLiteral("needs 2 of WINDOW_LOCK and holds 2 reserved on the server: "
                               "2 more cannot be reserved for it"),
          prefix
              + QStringLiteral("needs 1 of DOOR_VIEWER and holds 1 reserved on the server: "
                               "1 more cannot be reserved for it")}) {
        EXPECT_EQ(why.filter(expected).size(), 1) << expected.toStdString() << "\nin:\n"
                                                  << why.join(u'\n').toStdString();
    }
    EXPECT_EQ(centralHeld(*m_central, job), atTheDepot);
    const QStringList server = centralLevels(*m_central);
    EXPECT_EQ(server,
              sorted({QStringLiteral("DOOR_VIEWER@%1 1/0").arg(m_fitterId),
                      QStringLiteral("DOOR_VIEWER@depot 2/1"),
                      QStringLiteral("WINDOW_LOCK@%1 2/0").arg(m_fitterId),
                      QStringLiteral("WINDOW_LOCK@depot 4/2")}));
    ASSERT_TRUE(syncUntil(*a, [&] { return localLevels(*a) == server; }))
        << localLevels(*a).join(u'\n').toStdString();
    ASSERT_TRUE(syncUntil(*b, [&] { return localLevels(*b) == server; }))
        << localLevels(*b).join(u'\n').toStdString();
    EXPECT_EQ(localHeld(*b, job), atTheDepot);
}

TEST_F(StockGuardTest, AJobTakenOffTheScheduleReachesTheServerAndGivesItsStockBack)
{
    auto a = office(QStringLiteral("tray-a"), QStringLiteral("coordinator"));
    stockDepot(*a, {{QStringLiteral("WINDOW_LOCK"), 2}, {QStringLiteral("DOOR_VIEWER"), 1}});
    const QString job = makeJob(*a, QStringLiteral("6 Tray Lane"));
    JobRepository jobs(a->database(), a->login());
    ASSERT_TRUE(
        jobs.bookJob(QUuid::fromString(job), QUuid::fromString(m_fitterId), london(9, 9), 70));
    ASSERT_TRUE(synced(a->sync()));
    // Both times go to NULL in one op: the server takes them together.
    ASSERT_TRUE(jobs.unscheduleJob(QUuid::fromString(job)));
    ASSERT_TRUE(synced(a->sync()));
    const QStringList serverJob = centralJob(*m_central, job);
    ASSERT_EQ(serverJob.size(), 9);
    EXPECT_EQ(serverJob.mid(0, 4),
              QStringList({QStringLiteral("unscheduled"), QString(), QString(), QString()}));
    EXPECT_EQ(localJob(*a, job), serverJob);
    EXPECT_TRUE(centralHeld(*m_central, job).isEmpty());
    EXPECT_EQ(centralLevels(*m_central),
              QStringList({QStringLiteral("DOOR_VIEWER@depot 1/0"),
                           QStringLiteral("WINDOW_LOCK@depot 2/0")}));
}

TEST_F(StockGuardTest, AReleaseOrFittingBeyondWhatTheJobHoldsIsRefusedWithTheFigures)
{
    auto a = office(QStringLiteral("beyond-a"), QStringLiteral("coordinator"));
    stockDepot(*a, {{QStringLiteral("WINDOW_LOCK"), 3}, {QStringLiteral("DOOR_VIEWER"), 1}});
    const QString job = makeJob(*a, QStringLiteral("2 Beyond Way"));
    ASSERT_TRUE(
        JobRepository(a->database(), a->login())
            .bookJob(QUuid::fromString(job), QUuid::fromString(m_fitterId), london(2, 9), 70));
    ASSERT_TRUE(synced(a->sync()));
    // The job holds 2 window locks at the depot (1 more there is free). Movements written
    // past the device's own checks, as a faulty or out-of-date device could send them:
    const QString insert = QStringLiteral(
        "INSERT INTO stock_movement (id, equipment_code, qty_change, reason, job_id, at, by_user, "
        "location, reserved_change) VALUES (?, 'WINDOW_LOCK', ?, ?, ?, "
        "'2027-02-02T12:00:00.000Z', 'x', 'depot', ?)");
    const QString release = text(QUuid::createUuid());
    const QString fitted = text(QUuid::createUuid());
    const QString orphan = text(QUuid::createUuid());
    // 3 released where 2 are reserved for the job,
    ASSERT_TRUE(a->exec(insert, {release, 0, QStringLiteral("released"), job, -3}))
        << a->lastError().toStdString();
    // 4 fitted from its 2 reserved: 2 beyond, where 1 is free,
    ASSERT_TRUE(a->exec(insert, {fitted, -4, QStringLiteral("fitted"), job, -2}))
        << a->lastError().toStdString();
    // and a release of what no job holds.
    ASSERT_TRUE(a->exec(insert, {orphan, 0, QStringLiteral("released"), QVariant(), -1}))
        << a->lastError().toStdString();
    const SyncResult refused = a->sync();
    ASSERT_TRUE(refused.ok()) << refused.errorString().toStdString();
    ASSERT_EQ(refused.rejected.size(), 3) << reasons(refused).toStdString();
    QHash<QString, QString> why;
    for (const SyncRejection &rejection : refused.rejected)
        why.insert(rejection.entityId, rejection.reason);
    EXPECT_TRUE(why.value(release).contains(
        QStringLiteral("stock reservation: job %1 holds 2 of WINDOW_LOCK reserved at depot on "
                       "the server: 3 cannot be released for it")
            .arg(job)))
        << why.value(release).toStdString();
    EXPECT_TRUE(why.value(fitted).contains(
        QStringLiteral("stock short: depot has 1 of WINDOW_LOCK available on the server (3 on "
                       "hand, 2 reserved): 2 fitted beyond the reservation of job %1 cannot be "
                       "taken")
            .arg(job)))
        << why.value(fitted).toStdString();
    EXPECT_TRUE(why.value(orphan).contains(
        QStringLiteral("stock reservation: no job holds 0 of WINDOW_LOCK reserved at depot on "
                       "the server: 1 cannot be released for it")))
        << why.value(orphan).toStdString();
    // The server's ledger is as it was.
    EXPECT_EQ(centralHeld(*m_central, job),
              QStringList(
                  {QStringLiteral("DOOR_VIEWER@depot 1"), QStringLiteral("WINDOW_LOCK@depot 2")}));
    EXPECT_EQ(centralLevels(*m_central),
              QStringList({QStringLiteral("DOOR_VIEWER@depot 1/1"),
                           QStringLiteral("WINDOW_LOCK@depot 3/2")}));
    EXPECT_EQ(localLevels(*a), centralLevels(*m_central));
}

TEST_F(StockGuardTest, AFittersCompletionTakesWhatIsBeyondTheReservationFromTheVan)
{
    auto a = office(QStringLiteral("fit-office"), QStringLiteral("coordinator"));
    stockDepot(*a, {{QStringLiteral("WINDOW_LOCK"), 2}, {QStringLiteral("DOOR_VIEWER"), 1}});
    const QString job = makeJob(*a, QStringLiteral("3 Fitting Lane"));
    ASSERT_TRUE(
        JobRepository(a->database(), a->login())
            .bookJob(QUuid::fromString(job), QUuid::fromString(m_fitterId), london(3, 9), 70));
    ASSERT_TRUE(synced(a->sync()));
    auto van = device(QStringLiteral("fit-van"), QStringLiteral("fitter"));
    ASSERT_TRUE(syncUntil(*van, [&] {
        return localHeld(*van, job)
            == QStringList(
                   {QStringLiteral("DOOR_VIEWER@depot 1"), QStringLiteral("WINDOW_LOCK@depot 2")});
    }));
    // Three window locks fitted where two were reserved: the van holds none, so the device
    // refuses it with the figures...
    JobRepository jobs(van->database(), van->login());
    const QHash<QString, int> fitted {{QStringLiteral("WINDOW_LOCK"), 3},
                                      {QStringLiteral("DOOR_VIEWER"), 1}};
    const Result<bool> refused
        = jobs.complete(QUuid::fromString(job), fitted, {}, QStringLiteral("Pat"));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Error::Kind::Invalid);
    EXPECT_TRUE(refused.errorString().contains(
        QStringLiteral("WINDOW_LOCK: 3 fitted, 2 of them reserved for this job; ")))
        << refused.errorString().toStdString();
    // ...until the van holds one more: then the third comes from it, on the server too.
    loadVan(*van, {{QStringLiteral("WINDOW_LOCK"), 1}});
    const Result<bool> done
        = jobs.complete(QUuid::fromString(job), fitted, {}, QStringLiteral("Pat"));
    ASSERT_TRUE(done) << done.errorString().toStdString();
    ASSERT_TRUE(synced(van->sync()));
    EXPECT_TRUE(centralHeld(*m_central, job).isEmpty());
    EXPECT_EQ(sorted(m_central->column(
                  QStringLiteral("SELECT location || ' ' || qty_change || '/' || reserved_change "
                                 "FROM stock_movement WHERE job_id = ? AND reason = 'fitted' "
                                 "AND equipment_code = 'WINDOW_LOCK'"),
                  {job})),
              sorted({QStringLiteral("%1 -1/0").arg(m_fitterId), QStringLiteral("depot -2/-2")}));
    const QStringList server = centralLevels(*m_central);
    EXPECT_TRUE(server.contains(QStringLiteral("WINDOW_LOCK@%1 0/0").arg(m_fitterId)))
        << server.join(u'\n').toStdString();
    EXPECT_TRUE(server.contains(QStringLiteral("WINDOW_LOCK@depot 0/0")))
        << server.join(u'\n').toStdString();
}

TEST_F(StockGuardTest, AJobChangeTheServerRefusedTakesItsReservationBackToTheServersJob)
{
    auto a = office(QStringLiteral("refused-a"), QStringLiteral("coordinator"));
    auto b = office(QStringLiteral("refused-b"), QStringLiteral("coordinator_b"));
    ASSERT_TRUE(syncUntil(*a, [&] {
        return a->value(QStringLiteral("SELECT count(*) FROM fitter WHERE id = '%1'")
                            .arg(m_otherFitterId))
                   .toInt()
            == 1;
    }));
    // The depot receives 4 window locks and 2 door viewers; the fitter's van is loaded with
    // 2 and 1 of them, and the job booked on the fitter holds those in the van.
    StockLedger ledgerA(a->database(), a->login());
    stockDepot(*a, {{QStringLiteral("WINDOW_LOCK"), 4}, {QStringLiteral("DOOR_VIEWER"), 2}});
    ASSERT_TRUE(
        ledgerA.transfer(QStringLiteral("WINDOW_LOCK"), 2, StockLocation::depot(), m_fitterId));
    ASSERT_TRUE(
        ledgerA.transfer(QStringLiteral("DOOR_VIEWER"), 1, StockLocation::depot(), m_fitterId));
    const QString job = makeJob(*a, QStringLiteral("4 Refusal Road"));
    JobRepository jobsA(a->database(), a->login());
    ASSERT_TRUE(
        jobsA.bookJob(QUuid::fromString(job), QUuid::fromString(m_fitterId), london(4, 9), 70));
    ASSERT_TRUE(synced(a->sync()));
    const QStringList inTheVan = sorted({QStringLiteral("DOOR_VIEWER@%1 1").arg(m_fitterId),
                                         QStringLiteral("WINDOW_LOCK@%1 2").arg(m_fitterId)});
    EXPECT_EQ(centralHeld(*m_central, job), inTheVan);

    // b moves the job to the afternoon and syncs first; a, offline, moves it to the other
    // fitter the next day, whose van is empty: a's device releases the van's stock and
    // reserves the depot's.
    ASSERT_TRUE(syncUntil(*b, [&] { return localHeld(*b, job) == inTheVan; }));
    JobRepository jobsB(b->database(), b->login());
    ASSERT_TRUE(
        jobsB.moveJob(QUuid::fromString(job), QUuid::fromString(m_fitterId), london(4, 13)));
    ASSERT_TRUE(synced(b->sync()));
    ASSERT_TRUE(
        jobsA.moveJob(QUuid::fromString(job), QUuid::fromString(m_otherFitterId), london(5, 9)));
    EXPECT_EQ(localHeld(*a, job),
              QStringList(
                  {QStringLiteral("DOOR_VIEWER@depot 1"), QStringLiteral("WINDOW_LOCK@depot 2")}));

    // The server keeps b's booking and refuses a's; a's device takes the server's job and its
    // reservation follows it back into the fitter's van, in the same sync.
    const SyncResult late = a->sync();
    ASSERT_TRUE(late.ok()) << late.errorString().toStdString();
    ASSERT_EQ(late.rejected.size(), 1) << reasons(late).toStdString();
    EXPECT_EQ(late.rejected[0].entity, QStringLiteral("job"));
    const QStringList serverJob = centralJob(*m_central, job);
    ASSERT_EQ(serverJob.size(), 9);
    EXPECT_EQ(serverJob.at(1), m_fitterId);
    EXPECT_EQ(localJob(*a, job), serverJob);
    EXPECT_EQ(centralHeld(*m_central, job), inTheVan);
    EXPECT_EQ(localHeld(*a, job), inTheVan);
    const QStringList server = centralLevels(*m_central);
    EXPECT_EQ(server,
              sorted({QStringLiteral("DOOR_VIEWER@%1 1/1").arg(m_fitterId),
                      QStringLiteral("DOOR_VIEWER@depot 1/0"),
                      QStringLiteral("WINDOW_LOCK@%1 2/2").arg(m_fitterId),
                      QStringLiteral("WINDOW_LOCK@depot 2/0")}));
    ASSERT_TRUE(syncUntil(*a, [&] { return localLevels(*a) == server; }))
        << localLevels(*a).join(u'\n').toStdString();
    ASSERT_TRUE(syncUntil(*b, [&] { return localLevels(*b) == server; }))
        << localLevels(*b).join(u'\n').toStdString();
    EXPECT_EQ(localHeld(*b, job), inTheVan);
}

TEST_F(StockGuardTest, ADoubleBookingTheServerRefusedHoldsNoStockAnywhere)
{
    auto a = office(QStringLiteral("double-a"), QStringLiteral("coordinator"));
    auto b = office(QStringLiteral("double-b"), QStringLiteral("coordinator_b"));
    stockDepot(*a, {{QStringLiteral("WINDOW_LOCK"), 4}, {QStringLiteral("DOOR_VIEWER"), 2}});
    // b's job reaches the server unscheduled; then a books its own job on the fitter.
    const QString jobB = makeJob(*b, QStringLiteral("5 Second Street"));
    ASSERT_TRUE(synced(b->sync()));
    const QString jobA = makeJob(*a, QStringLiteral("5 First Street"));
    ASSERT_TRUE(
        JobRepository(a->database(), a->login())
            .bookJob(QUuid::fromString(jobA), QUuid::fromString(m_fitterId), london(8, 9), 70));
    ASSERT_TRUE(synced(a->sync()));
    // b, not yet knowing, books its job on the same fitter at the same time.
    ASSERT_TRUE(syncUntil(*b, [&] { return localLevels(*b) == centralLevels(*m_central); }));
    ASSERT_TRUE(
        JobRepository(b->database(), b->login())
            .bookJob(QUuid::fromString(jobB), QUuid::fromString(m_fitterId), london(8, 9), 70));
    EXPECT_EQ(localHeld(*b, jobB),
              QStringList(
                  {QStringLiteral("DOOR_VIEWER@depot 1"), QStringLiteral("WINDOW_LOCK@depot 2")}));
    // The booking is refused (double booking), and the reservations with it: the job is not
    // booked on the server.
    const SyncResult refused = b->sync();
    ASSERT_TRUE(refused.ok()) << refused.errorString().toStdString();
    ASSERT_EQ(refused.rejected.size(), 3) << reasons(refused).toStdString();
    for (const SyncRejection &rejection : refused.rejected) {
        if (rejection.entity == u"job")
            continue;
        EXPECT_TRUE(rejection.reason.contains(
            QStringLiteral("stock reservation: job %1 is unscheduled on the server").arg(jobB)))
            << rejection.reason.toStdString();
    }
    // b shows the server's job (in the tray) and holds nothing for it, like the server.
    EXPECT_EQ(localJob(*b, jobB), centralJob(*m_central, jobB));
    EXPECT_EQ(localJob(*b, jobB).at(0), QStringLiteral("unscheduled"));
    EXPECT_TRUE(localHeld(*b, jobB).isEmpty());
    EXPECT_TRUE(centralHeld(*m_central, jobB).isEmpty());
    const QStringList server = centralLevels(*m_central);
    EXPECT_EQ(server,
              QStringList({QStringLiteral("DOOR_VIEWER@depot 2/1"),
                           QStringLiteral("WINDOW_LOCK@depot 4/2")}));
    ASSERT_TRUE(syncUntil(*b, [&] { return localLevels(*b) == server; }))
        << localLevels(*b).join(u'\n').toStdString();
}

TEST_F(StockGuardTest, CatalogueEditsOfCoordinatorsAndAdminsReachEveryDeviceOthersAreRefused)
{
    auto a = office(QStringLiteral("cat-a"), QStringLiteral("coordinator"));
    EquipmentRepository catalogueA(a->database(), a->login(),
                                   EquipmentRepository::ruleCodesBuiltIn());
    EquipmentType safe {QStringLiteral("KEY_SAFE"),
                        QStringLiteral("Police-approved key safe"),
                        QStringLiteral("LPS 1175"),
                        4500,
                        30,
                        QStringLiteral("locks"),
                        QStringLiteral("SUP-77"),
                        3};
    ASSERT_TRUE(catalogueA.add(safe));
    Result<EquipmentType> lock = catalogueA.find(QStringLiteral("WINDOW_LOCK"));
    ASSERT_TRUE(lock);
    lock->unitCostPence = 610;
    lock->reorderLevel = 12;
    ASSERT_TRUE(catalogueA.update(*lock));
    ASSERT_TRUE(synced(a->sync()));
    const QString row = QStringLiteral(
        "SELECT name || '|' || standard || '|' || unit_cost_pence || '|' || fit_minutes || '|' "
        "|| skill || '|' || supplier_code || '|' || reorder_level FROM equipment_type "
        "WHERE code = ? AND deleted_at IS NULL");
    EXPECT_EQ(m_central->value(row, {QStringLiteral("KEY_SAFE")}).toString(),
              QStringLiteral("Police-approved key safe|LPS 1175|4500|30|locks|SUP-77|3"));
    EXPECT_EQ(m_central->value(row, {QStringLiteral("WINDOW_LOCK")}).toString(),
              QStringLiteral("Keyed window lock|BS 7950 hardware|610|15|locks||12"));

    // An admin changes it too; every other device pulls both.
    auto admin = device(QStringLiteral("cat-admin"), QStringLiteral("admin"));
    ASSERT_TRUE(syncUntil(*admin, [&] {
        return admin
                   ->value(QStringLiteral("SELECT count(*) FROM equipment_type "
                                          "WHERE code = 'KEY_SAFE'"))
                   .toInt()
            == 1;
    }));
    EquipmentRepository catalogueAdmin(admin->database(), admin->login(),
                                       EquipmentRepository::ruleCodesBuiltIn());
    safe.fitMinutes = 40;
    ASSERT_TRUE(catalogueAdmin.update(safe));
    ASSERT_TRUE(synced(admin->sync()));
    EXPECT_EQ(m_central->value(row, {QStringLiteral("KEY_SAFE")}).toString(),
              QStringLiteral("Police-approved key safe|LPS 1175|4500|40|locks|SUP-77|3"));
    const QString localRow = QStringLiteral(
        "SELECT name || '|' || standard || '|' || unit_cost_pence || '|' || fit_minutes || '|' "
        "|| skill || '|' || supplier_code || '|' || reorder_level FROM equipment_type "
        "WHERE code = '%1'");
    for (const QString &login : {QStringLiteral("coordinator_b"), QStringLiteral("fitter")}) {
        auto other = device(QStringLiteral("cat-") + login, login);
        ASSERT_TRUE(syncUntil(*other, [&] {
            return other->value(localRow.arg(QStringLiteral("KEY_SAFE"))).toString()
                == QStringLiteral("Police-approved key safe|LPS 1175|4500|40|locks|SUP-77|3");
        })) << login.toStdString();
        EXPECT_EQ(other->value(localRow.arg(QStringLiteral("WINDOW_LOCK"))).toString(),
                  QStringLiteral("Keyed window lock|BS 7950 hardware|610|15|locks||12"));
        EXPECT_EQ(other->outboxRows(), 0) << login.toStdString();
    }

    // Nobody else may write it: their edits are refused and the server's catalogue stands.
    for (const QString &login :
         {QStringLiteral("volunteer"), QStringLiteral("officer"), QStringLiteral("fitter")}) {
        auto other = device(QStringLiteral("cat-no-") + login, login);
        ASSERT_TRUE(syncUntil(*other, [&] {
            return other->value(localRow.arg(QStringLiteral("KEY_SAFE"))).toString()
                == QStringLiteral("Police-approved key safe|LPS 1175|4500|40|locks|SUP-77|3");
        })) << login.toStdString();
        EquipmentRepository catalogue(other->database(), other->login(),
                                      EquipmentRepository::ruleCodesBuiltIn());
        EquipmentType cheaper = safe;
        cheaper.unitCostPence = 1;
        ASSERT_TRUE(catalogue.update(cheaper));
        ASSERT_TRUE(catalogue.add({QStringLiteral("GADGET_%1").arg(login.toUpper()),
                                   QStringLiteral("Gadget"),
                                   {},
                                   100,
                                   5,
                                   QStringLiteral("general"),
                                   {},
                                   0}));
        const SyncResult result = other->sync();
        ASSERT_TRUE(result.ok()) << result.errorString().toStdString();
        ASSERT_EQ(result.rejected.size(), 2) << login.toStdString();
        for (const SyncRejection &rejection : result.rejected) {
            EXPECT_EQ(rejection.entity, QStringLiteral("equipment_type"));
            EXPECT_TRUE(rejection.reason.contains(u"permission denied"))
                << login.toStdString() << ": " << rejection.reason.toStdString();
        }
        EXPECT_EQ(result.rejected[0].entityId, QStringLiteral("KEY_SAFE"));
        EXPECT_EQ(m_central->value(row, {QStringLiteral("KEY_SAFE")}).toString(),
                  QStringLiteral("Police-approved key safe|LPS 1175|4500|40|locks|SUP-77|3"));
        EXPECT_EQ(m_central
                      ->value(QStringLiteral("SELECT count(*) FROM equipment_type WHERE code "
                                             "LIKE 'GADGET%'"))
                      .toInt(),
                  0);
    }

    // A coordinator deletes the key safe (nothing uses it): it goes from the server's
    // catalogue and from the other devices.
    ASSERT_TRUE(catalogueA.remove(QStringLiteral("KEY_SAFE")));
    ASSERT_TRUE(synced(a->sync()));
    EXPECT_EQ(m_central->value(row, {QStringLiteral("KEY_SAFE")}), QVariant());
    ASSERT_TRUE(syncUntil(*admin, [&] {
        return admin
                   ->value(QStringLiteral("SELECT count(*) FROM equipment_type "
                                          "WHERE code = 'KEY_SAFE'"))
                   .toInt()
            == 0;
    }));
}

} // namespace saferhomes::synctest
