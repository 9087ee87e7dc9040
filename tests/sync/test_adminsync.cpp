// Budgets and frozen quarterly returns through the central database on the test cluster
// (DESIGN §7, §9, issue 14): a manager's budget reaches every device that shows the figures and
// a volunteer's is refused; a frozen return reaches another manager's device byte for byte
// with its hash, and a copy altered on the server is refused; a fitted item's recorded unit
// cost reaches the server.

#include "centraltest.h"
#include "reporting/quarterlyreturn.h"
#include "store/budgetrepository.h"
#include "store/frozenreturnrepository.h"
#include "store/jobrepository.h"
#include "store/stockledger.h"
#include "syncassert.h"
#include "testdevice.h"

#include <QTemporaryDir>

namespace saferhomes::synctest {

namespace {

const QString kPassword = QStringLiteral("admin-sync-password");
const QString kMelton = QStringLiteral("Melton Town Centre");

/// A return's bytes with a NUL, a byte that is not UTF-8 and a pound sign; its SHA-256 computed
/// apart (Python's hashlib).
const QByteArray kDocument = QByteArrayLiteral(
    "{\"period\": \"2026/27-Q2\", \"figures\": [{\"key\": \"spend_pence\", \"value\": 123456}]}\n"
    "\x00\xff\xc2\xa3");
const QString kDocumentSha256
    = QStringLiteral("84da6c453556f0b1acf61cf5bc025139b5609829b9236333f51a657e706d0683");

/// The area here called \a name.
QUuid areaId(const TestDevice &device, const QString &name)
{
    return QUuid(
        device.value(QStringLiteral("SELECT id FROM area WHERE name = '%1'").arg(name)).toString());
}

/// \a device's budget of Melton for 2026/27 as "capital/revenue", or "none".
QString meltonBudget(const TestDevice &device)
{
    const auto budgets = BudgetRepository(device.database(), device.login()).forYear(2026);
    if (!budgets)
        return budgets.errorString();
    for (const AreaBudget &budget : *budgets) {
        if (budget.areaName == kMelton) {
            return budget.isSet
                ? QStringLiteral("%1/%2").arg(budget.capitalPence).arg(budget.revenuePence)
                : QStringLiteral("none");
        }
    }
    return QStringLiteral("no area");
}

} // namespace

class AdminSyncTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        const QList<Person> people {
            {QStringLiteral("manager"), {QStringLiteral("manager"), {}}},
            {QStringLiteral("manager_b"), {QStringLiteral("manager"), {}}},
            {QStringLiteral("officer"), {QStringLiteral("officer"), {kMelton}}},
            {QStringLiteral("volunteer"), {QStringLiteral("volunteer"), {kMelton}}},
            {QStringLiteral("coordinator"), {QStringLiteral("coordinator"), {kMelton}}},
        };
        s_database = databaseWithPeople(QStringLiteral("adminsync"), people, kPassword, &s_logins);
    }

    void SetUp() override
    {
        ASSERT_FALSE(s_database.isEmpty()) << "set-up failed";
        ASSERT_TRUE(m_dir.isValid());
        m_central = superuserSession(s_database);
    }

    std::unique_ptr<TestDevice> device(const QString &name, const QString &login)
    {
        return openedDevice(m_dir, name, s_logins.value(login), kPassword, s_database);
    }

    /// A device that has synced once, so it knows the areas and who its user is.
    std::unique_ptr<TestDevice> syncedDevice(const QString &name, const QString &login)
    {
        auto made = device(name, login);
        EXPECT_TRUE(syncUntil(*made, [&] { return !areaId(*made, kMelton).isNull(); }));
        return made;
    }

    /// The central budget of Melton for \a year as "capital/revenue", or "none".
    QString centralBudget(int year)
    {
        const QVariant value = m_central->value(
            QStringLiteral("SELECT b.capital_pence || '/' || b.revenue_pence FROM area_budget b "
                           "JOIN area a ON a.id = b.area_id WHERE a.name = ? "
                           "AND b.financial_year = ?"),
            {kMelton, year});
        return value.isValid() ? value.toString() : QStringLiteral("none");
    }

    static inline QString s_database;
    static inline QHash<QString, QString> s_logins;
    QTemporaryDir m_dir;
    std::unique_ptr<PgSession> m_central;
};

TEST_F(AdminSyncTest, AManagersBudgetReachesTheOtherManagersAndAnOfficersDevice)
{
    const auto manager = syncedDevice(QStringLiteral("manager"), QStringLiteral("manager"));
    const auto other = syncedDevice(QStringLiteral("manager-b"), QStringLiteral("manager_b"));
    const auto officer = syncedDevice(QStringLiteral("officer"), QStringLiteral("officer"));
    ASSERT_EQ(meltonBudget(*manager), u"none");

    BudgetRepository budgets(manager->database(), manager->login());
    const auto done1
        = budgets.set({areaId(*manager, kMelton), kMelton, 2026, 1234500, 67800, false});
    ASSERT_TRUE(done1) << done1.errorString().toStdString();
    const SyncResult sent = manager->sync();
    ASSERT_TRUE(synced(sent));
    EXPECT_EQ(sent.pushed, 1);
    EXPECT_EQ(centralBudget(2026), u"1234500/67800");
    EXPECT_EQ(manager->outboxRows(), 0);

    EXPECT_TRUE(syncUntil(*other, [&] { return meltonBudget(*other) == u"1234500/67800"; }));
    EXPECT_TRUE(syncUntil(*officer, [&] { return meltonBudget(*officer) == u"1234500/67800"; }));

    // The other manager changes it: an update of the same server row, back to the first.
    BudgetRepository otherBudgets(other->database(), other->login());
    const auto done2
        = otherBudgets.set({areaId(*other, kMelton), kMelton, 2026, 1500000, 67800, false});
    ASSERT_TRUE(done2) << done2.errorString().toStdString();
    ASSERT_TRUE(synced(other->sync()));
    EXPECT_EQ(centralBudget(2026), u"1500000/67800");
    EXPECT_TRUE(syncUntil(*manager, [&] { return meltonBudget(*manager) == u"1500000/67800"; }));
    // One row per area and year everywhere, whichever device made it first.
    EXPECT_EQ(manager->value(QStringLiteral("SELECT count(*) FROM area_budget")).toInt(), 1);
    EXPECT_EQ(other->value(QStringLiteral("SELECT count(*) FROM area_budget")).toInt(), 1);

    // An officer reads budgets but may not set them: refused here, before any sync.
    BudgetRepository officerBudgets(officer->database(), officer->login());
    const Status refused
        = officerBudgets.set({areaId(*officer, kMelton), kMelton, 2026, 1, 1, false});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Error::Kind::Refused);
    EXPECT_EQ(officer->outboxRows(), 0);
}

TEST_F(AdminSyncTest, TwoManagersFirstBudgetsOfAYearBecomeOneRowAndAStaleEditIsAConflict)
{
    const auto manager = syncedDevice(QStringLiteral("first"), QStringLiteral("manager"));
    const auto other = syncedDevice(QStringLiteral("second"), QStringLiteral("manager_b"));
    // Both set 2027/28 before either syncs: two local rows with different ids.
    ASSERT_TRUE(BudgetRepository(manager->database(), manager->login())
                    .set({areaId(*manager, kMelton), kMelton, 2027, 500000, 10000, false}));
    ASSERT_TRUE(BudgetRepository(other->database(), other->login())
                    .set({areaId(*other, kMelton), kMelton, 2027, 700000, 10000, false}));
    ASSERT_TRUE(synced(manager->sync()));
    const SyncResult second = other->sync();
    ASSERT_TRUE(synced(second));
    // The second had no budget to change from: its capital conflicts, the server keeps the
    // first's; the revenue was the same.
    EXPECT_EQ(second.conflicts, 1);
    EXPECT_EQ(centralBudget(2027), u"500000/10000");
    ASSERT_EQ(other->conflictRecords().size(), 1);
    EXPECT_EQ(other->conflictRecords().first().field, u"capital_pence");
    EXPECT_EQ(other->conflictRecords().first().local, u"700000");
    EXPECT_EQ(other->conflictRecords().first().server, u"500000");
    // ...and the server's budget comes back, replacing the device's own row.
    EXPECT_TRUE(syncUntil(*other, [&] {
        return other
                   ->value(QStringLiteral("SELECT capital_pence || '/' || revenue_pence FROM "
                                          "area_budget WHERE financial_year = 2027"))
                   .toString()
            == u"500000/10000";
    }));
    EXPECT_EQ(
        other->value(QStringLiteral("SELECT count(*) FROM area_budget WHERE financial_year = 2027"))
            .toInt(),
        1);
}

TEST_F(AdminSyncTest, AVolunteersBudgetIsRefusedByTheServerAndUndoneOnTheDevice)
{
    // A volunteer's device that has never synced does not know its role yet, so the edit is
    // taken here (the area made here, matched by name) and judged by the server.
    ASSERT_TRUE(m_central->exec(
        QStringLiteral("INSERT INTO area_budget (area_id, financial_year, capital_pence) "
                       "SELECT id, 2031, 5 FROM area WHERE name = ?"),
        {kMelton}))
        << m_central->lastError().toStdString();
    const auto volunteer = device(QStringLiteral("volunteer"), QStringLiteral("volunteer"));
    ASSERT_TRUE(volunteer->exec(QStringLiteral("INSERT INTO area (id, name, created_at) VALUES "
                                               "(?, ?, '2026-12-01T09:00:00.000Z')"),
                                {QUuid::createUuid().toString(QUuid::WithoutBraces), kMelton}))
        << volunteer->lastError().toStdString();
    BudgetRepository budgets(volunteer->database(), volunteer->login());
    const auto done3
        = budgets.set({areaId(*volunteer, kMelton), kMelton, 2030, 999900, 100, false});
    ASSERT_TRUE(done3) << done3.errorString().toStdString();
    ASSERT_EQ(meltonBudget(*volunteer), u"none"); // 2026 untouched
    ASSERT_EQ(volunteer->value(QStringLiteral("SELECT count(*) FROM area_budget")).toInt(), 1);

    const SyncResult result = volunteer->sync();
    ASSERT_TRUE(result.ok()) << result.errorString().toStdString();
    ASSERT_EQ(result.rejected.size(), 1);
    EXPECT_EQ(result.rejected.first().entity, u"area_budget");
    EXPECT_TRUE(result.rejected.first().reason.contains(
        QStringLiteral("only managers and admins set budgets")))
        << result.rejected.first().reason.toStdString();
    EXPECT_EQ(centralBudget(2030), u"none");
    // Undone here, the refusal kept in the outbox's refused list.
    EXPECT_EQ(volunteer->value(QStringLiteral("SELECT count(*) FROM area_budget")).toInt(), 0);
    EXPECT_EQ(volunteer->rejectedOps().size(), 1);

    // Now the device knows it is a volunteer's: the next edit is refused at once.
    const Status again = budgets.set({areaId(*volunteer, kMelton), kMelton, 2030, 1, 1, false});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, Error::Kind::Refused);
    // Volunteers do not see budgets: the table is not downloaded (its columns are not theirs).
    EXPECT_EQ(volunteer->value(QStringLiteral("SELECT count(*) FROM area_budget")).toInt(), 0);
}

TEST_F(AdminSyncTest, AFrozenReturnReachesAnotherManagerByteForByteWithItsHash)
{
    const auto manager = syncedDevice(QStringLiteral("freezer"), QStringLiteral("manager"));
    const auto other = device(QStringLiteral("reader"), QStringLiteral("manager_b"));
    FrozenReturnRepository returns(manager->database(), manager->login());
    const auto frozen = returns.freeze(QStringLiteral("2026/27-Q2"), kDocument);
    ASSERT_TRUE(frozen) << frozen.errorString().toStdString();
    ASSERT_EQ(frozen->sha256, kDocumentSha256);
    ASSERT_TRUE(synced(manager->sync()));

    // The server holds the same bytes and checks the hash itself.
    const auto central = m_central->rows(
        QStringLiteral("SELECT encode(document, 'hex'), sha256, encode(sha256(document), 'hex'), "
                       "pushed_by FROM frozen_return WHERE period = '2026/27-Q2'"));
    ASSERT_TRUE(central && central->size() == 1) << m_central->lastError().toStdString();
    EXPECT_EQ(central->first()[0].toString(), QString::fromLatin1(kDocument.toHex()));
    EXPECT_EQ(central->first()[1].toString(), kDocumentSha256);
    EXPECT_EQ(central->first()[2].toString(), kDocumentSha256);
    EXPECT_EQ(central->first()[3].toString(), manager->login());

    FrozenReturnRepository otherReturns(other->database(), other->login());
    EXPECT_TRUE(
        syncUntil(*other, [&] { return bool(otherReturns.find(QStringLiteral("2026/27-Q2"))); }));
    const auto pulled = otherReturns.find(QStringLiteral("2026/27-Q2"));
    ASSERT_TRUE(pulled) << pulled.errorString().toStdString();
    EXPECT_EQ(pulled->document, kDocument);
    EXPECT_EQ(pulled->sha256, kDocumentSha256);
    EXPECT_EQ(pulled->frozenBy, manager->login());
    EXPECT_EQ(pulled->versions, 1);
    // Pulled rows make no ops: nothing goes back.
    EXPECT_EQ(other->outboxRows(), 0);

    // Neither an officer nor a coordinator downloads frozen returns.
    const auto officer = syncedDevice(QStringLiteral("officer"), QStringLiteral("officer"));
    EXPECT_EQ(officer->value(QStringLiteral("SELECT count(*) FROM frozen_return")).toInt(), 0);
    // The central copy is append-only, for its owner too.
    EXPECT_FALSE(m_central->exec(QStringLiteral(
        "UPDATE frozen_return SET frozen_by = 'someone' WHERE period = '2026/27-Q2'")));
    EXPECT_FALSE(
        m_central->exec(QStringLiteral("DELETE FROM frozen_return WHERE period = '2026/27-Q2'")));
}

TEST_F(AdminSyncTest, AFrozenReturnAlteredOnTheServerIsRefusedAndNothingIsStored)
{
    const auto manager = syncedDevice(QStringLiteral("freezer"), QStringLiteral("manager"));
    const QByteArray document = QByteArrayLiteral("{\"period\": \"2026/27-Q1\", \"value\": 1}");
    ASSERT_TRUE(FrozenReturnRepository(manager->database(), manager->login())
                    .freeze(QStringLiteral("2026/27-Q1"), document));
    ASSERT_TRUE(synced(manager->sync()));
    EXPECT_EQ(
        m_central
            ->value(QStringLiteral("SELECT sha256 FROM frozen_return WHERE period = '2026/27-Q1'"))
            .toString(),
        QStringLiteral("84382c9d7a7734ef9db784048f6f3a51fde766f424aaf25875eb97b93c0285b3"));

    // The server refuses a copy whose bytes do not match its hash...
    EXPECT_FALSE(m_central->exec(
        QStringLiteral("INSERT INTO frozen_return (id, period, document, sha256, frozen_at, "
                       "frozen_by) VALUES (gen_random_uuid(), '2026/27-Q1', '\\x7b7d', ?, now(), "
                       "'x')"),
        {QStringLiteral("84382c9d7a7734ef9db784048f6f3a51fde766f424aaf25875eb97b93c0285b3")}));
    EXPECT_EQ(m_central->lastState(), u"23514");
    // ...so someone with the server's files alters one behind its back.
    ASSERT_TRUE(m_central->exec(
        QStringLiteral("ALTER TABLE frozen_return DISABLE TRIGGER frozen_return_append_only")));
    ASSERT_TRUE(m_central->exec(
        QStringLiteral("UPDATE frozen_return SET document = ? WHERE period = '2026/27-Q1'"),
        {QByteArrayLiteral("{\"period\": \"2026/27-Q1\", \"value\": 2}")}));
    ASSERT_TRUE(m_central->exec(
        QStringLiteral("ALTER TABLE frozen_return ENABLE TRIGGER frozen_return_append_only")));

    const auto other = device(QStringLiteral("reader"), QStringLiteral("manager_b"));
    SyncResult result;
    EXPECT_TRUE(eventually([&] {
        result = other->sync();
        return !result.ok();
    }));
    EXPECT_TRUE(result.errorString().contains(QStringLiteral("the frozen return of 2026/27-Q1")))
        << result.errorString().toStdString();
    EXPECT_TRUE(result.errorString().contains(QStringLiteral("does not match the SHA-256")))
        << result.errorString().toStdString();
    EXPECT_EQ(other->value(QStringLiteral("SELECT count(*) FROM frozen_return")).toInt(), 0);
    // And it says so again at the next sync: the altered copy is never taken.
    const SyncResult again = other->sync();
    EXPECT_FALSE(again.ok());
    EXPECT_EQ(other->value(QStringLiteral("SELECT count(*) FROM frozen_return")).toInt(), 0);

    // Put right (here: the original bytes), the next sync takes it.
    ASSERT_TRUE(m_central->exec(
        QStringLiteral("ALTER TABLE frozen_return DISABLE TRIGGER frozen_return_append_only")));
    ASSERT_TRUE(m_central->exec(
        QStringLiteral("UPDATE frozen_return SET document = ? WHERE period = '2026/27-Q1'"),
        {document}));
    ASSERT_TRUE(m_central->exec(
        QStringLiteral("ALTER TABLE frozen_return ENABLE TRIGGER frozen_return_append_only")));
    ASSERT_TRUE(synced(other->sync()));
    const auto pulled = FrozenReturnRepository(other->database(), other->login())
                            .find(QStringLiteral("2026/27-Q1"));
    ASSERT_TRUE(pulled) << pulled.errorString().toStdString();
    EXPECT_EQ(pulled->document, document);
}

TEST_F(AdminSyncTest, AFittedItemsUnitCostReachesTheManagerAndOutlivesAPriceChange)
{
    const auto office = syncedDevice(QStringLiteral("office"), QStringLiteral("coordinator"));
    // An accepted household with a tentative job of two window locks and a door viewer (5.50
    // and 6.50 each in the central catalogue), completed on the coordinator's device.
    HouseholdRecord record;
    record.household.id = QUuid::createUuid();
    record.household.addressLine1 = QStringLiteral("3 Sherrard Street");
    record.household.postcode = QStringLiteral("LE13 1XJ");
    record.household.areaName = kMelton;
    HouseholdRepository households = office->households();
    const auto done4 = households.insert({record});
    ASSERT_TRUE(done4) << done4.errorString().toStdString();
    ASSERT_TRUE(households.setFields(record.household.id,
                                     {{HouseholdField::Status, QStringLiteral("accepted")}}));
    const QUuid job = QUuid::createUuid();
    ASSERT_TRUE(office->exec(
        QStringLiteral("INSERT INTO job (id, household_id, status, "
                       "created_at) VALUES (?, ?, 'tentative', "
                       "'2026-12-01T09:00:00.000Z')"),
        {job.toString(QUuid::WithoutBraces), record.household.id.toString(QUuid::WithoutBraces)}))
        << office->lastError().toStdString();
    for (const auto &[code, qty] :
         {std::pair {QStringLiteral("WINDOW_LOCK"), 2}, {QStringLiteral("DOOR_VIEWER"), 1}}) {
        ASSERT_TRUE(office->exec(QStringLiteral("INSERT INTO job_item (id, job_id, "
                                                "equipment_code, qty) VALUES (?, ?, ?, ?)"),
                                 {QUuid::createUuid().toString(QUuid::WithoutBraces),
                                  job.toString(QUuid::WithoutBraces), code, qty}))
            << office->lastError().toStdString();
    }
    // What is fitted comes from stock that is there (the depot's: the job has no fitter).
    StockLedger ledger(office->database(), office->login());
    ASSERT_TRUE(ledger.receive(QStringLiteral("WINDOW_LOCK"), 2, QStringLiteral("depot")));
    ASSERT_TRUE(ledger.receive(QStringLiteral("DOOR_VIEWER"), 1, QStringLiteral("depot")));
    JobRepository jobs(office->database(), office->login());
    const auto completed = jobs.complete(
        job, {{QStringLiteral("WINDOW_LOCK"), 2}, {QStringLiteral("DOOR_VIEWER"), 1}}, {},
        QStringLiteral("Pat"));
    ASSERT_TRUE(completed.ok()) << completed.errorString().toStdString();
    ASSERT_TRUE(synced(office->sync()));
    EXPECT_EQ(m_central->column(QStringLiteral("SELECT equipment_code || ' ' || unit_cost_pence "
                                               "FROM job_item WHERE job_id = ? ORDER BY 1"),
                                {job.toString(QUuid::WithoutBraces)}),
              QStringList({QStringLiteral("DOOR_VIEWER 650"), QStringLiteral("WINDOW_LOCK 550")}));

    const auto manager = device(QStringLiteral("manager"), QStringLiteral("manager"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto spend = [&] {
        const auto computed = QuarterlyReturn::compute(
            manager->database(), FinancialPeriod::quarterContaining(now), now);
        return computed.ok() ? computed->figure(QStringLiteral("spend_pence"))->value : -1;
    };
    EXPECT_TRUE(syncUntil(*manager, [&] { return spend() == 1750; })) << spend();
    // The catalogue's prices go up on the server and reach the manager's device...
    ASSERT_TRUE(m_central->exec(
        QStringLiteral("UPDATE equipment_type SET unit_cost_pence = unit_cost_pence * 2 "
                       "WHERE code IN ('WINDOW_LOCK', 'DOOR_VIEWER')")));
    EXPECT_TRUE(syncUntil(*manager, [&] {
        return manager
                   ->value(QStringLiteral(
                       "SELECT unit_cost_pence FROM equipment_type WHERE code = 'DOOR_VIEWER'"))
                   .toInt()
            == 1300;
    }));
    // ...and the quarter's spend stays at what the items were fitted at.
    EXPECT_EQ(spend(), 1750);
    ASSERT_TRUE(m_central->exec(
        QStringLiteral("UPDATE equipment_type SET unit_cost_pence = unit_cost_pence / 2 "
                       "WHERE code IN ('WINDOW_LOCK', 'DOOR_VIEWER')")));
}

} // namespace saferhomes::synctest
