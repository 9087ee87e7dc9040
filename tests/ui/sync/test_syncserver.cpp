// The sync GUI against a real central database on the test cluster: "Test connection" and
// its answers, "Sync now" from the window (password prompt, worker thread, register reload,
// status bar), a conflict made by two devices and settled in the conflict view, and a change
// the server refuses.

#include "pgcluster.h"
#include "pgsession.h"
#include "register/householddetailpanel.h"
#include "register/householdtablemodel.h"
#include "sync/centraladmin.h"
#include "sync/conflictview.h"
#include "sync/connectiondialog.h"
#include "sync/syncconflictmodel.h"
#include "sync/synccontroller.h"
#include "sync/syncrefusedmodel.h"
#include "sync/syncstatusindicator.h"
#include "sync/synctest.h"

#include <QComboBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

namespace saferhomes::test {

namespace {

synctest::PgCluster &cluster()
{
    return synctest::PgCluster::shared();
}

QString superuserUri(const QString &database)
{
    return cluster().uri(cluster().superuser(), database);
}

/// A new central database on which init-server has run; empty (and a failure) otherwise.
QString initialisedDatabase(const QString &prefix)
{
    QString error;
    const QString database = cluster().createDatabase(prefix, &error);
    if (database.isEmpty()) {
        ADD_FAILURE() << error.toStdString();
        return {};
    }
    const CentralAdmin::Report result = CentralAdmin().initServer(superuserUri(database));
    EXPECT_TRUE(result.ok()) << result.errorString().toStdString();
    return result.ok() ? database : QString();
}

const QString kPassword = QStringLiteral("ui-sync-password");
const QString kMelton = QStringLiteral("Melton Town Centre");
const QString kOadby = QStringLiteral("Oadby and Wigston");

class SyncServerTest : public SyncUiTest {
protected:
    static void SetUpTestSuite()
    {
        s_database = initialisedDatabase(QStringLiteral("uisync"));
        if (s_database.isEmpty())
            return;
        const QList<std::pair<QString, QString>> people {
            {QStringLiteral("officer_a"), kMelton},
            {QStringLiteral("officer_b"), kMelton},
            {QStringLiteral("officer_oadby"), kOadby},
        };
        for (const auto &[key, area] : people) {
            const QString login = synctest::PgCluster::uniqueName(key);
            const CentralAdmin::Report result = CentralAdmin().addUser(
                superuserUri(s_database), login, QStringLiteral("officer"), {area}, kPassword);
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
        // No sample households: this device makes its own, in officer_a's area.
        UiTest::SetUp();
        ASSERT_FALSE(s_database.isEmpty()) << "set-up failed";
    }

    SyncSettings::Connection connection(const QString &login) const
    {
        SyncSettings::Connection connection;
        connection.host = cluster().host();
        connection.port = cluster().port();
        connection.database = s_database;
        connection.user = s_logins.value(login, login);
        connection.sslMode = QStringLiteral("disable"); // the test cluster has no TLS
        return connection;
    }

    void configureAs(const QString &login) const
    {
        const auto settings = syncSettings();
        settings->setConnection(connection(login));
        settings->setAutoSync(false); // the tests decide when to sync
        settings->sync();
    }

    QUuid create(const QString &line1, const QString &area, const QString &resident) const
    {
        HouseholdRecord record;
        record.household.id = QUuid::createUuid();
        record.household.addressLine1 = line1;
        record.household.postcode = QStringLiteral("LE13 1AA");
        record.household.town = QStringLiteral("Melton Mowbray");
        record.household.areaName = area;
        record.resident.name = resident;
        HouseholdRepository repo = repository();
        const Status inserted = repo.insert({record});
        EXPECT_TRUE(inserted) << qPrintable(inserted.errorString());
        return record.household.id;
    }

    /// Presses F5 in the window, made active again first (a closed prompt may leave no window
    /// active, and shortcuts go to the active one).
    static void pressF5(MainWindow &window)
    {
        window.activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(&window, kPatienceMs));
        QTest::keyClick(&window, Qt::Key_F5);
    }

    /// Answers the password prompt when it comes.
    static void answerPrompt(SyncController *sync, const QString &password)
    {
        ASSERT_TRUE(waitFor([sync] { return sync->passwordPrompt() != nullptr; }));
        QInputDialog *prompt = sync->passwordPrompt();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(prompt, kPatienceMs));
        prompt->setTextValue(password);
        prompt->accept();
    }

    /// Presses F5 and waits for that sync to end (a prompt, if any, answered by the caller
    /// before); true when it completed.
    static bool syncNow(MainWindow &window)
    {
        SyncController *sync = window.syncController();
        pressF5(window);
        return waitFor([sync] { return sync->isRunning(); })
            && waitFor([sync] { return !sync->isRunning(); })
            && sync->link() == SyncController::Link::Online;
    }

    /// Syncs from the window until \a done() holds: rows reach a pull only once every older
    /// transaction in the cluster has ended (DESIGN §7), and other tests share the cluster.
    static bool syncUntil(MainWindow &window, const std::function<bool()> &done)
    {
        bool synced = true;
        return waitFor([&] {
                   synced = syncNow(window);
                   return !synced || done();
               })
            && synced;
    }

    static inline QString s_database;
    static inline QHash<QString, QString> s_logins;
};

} // namespace

TEST_F(SyncServerTest, TestConnectionTellsConnectedWrongPasswordTlsAndNoSuchDatabase)
{
    const auto test = [](const SyncSettings::Connection &connection, const QString &password) {
        ConnectionDialog dialog(connection, false, 10);
        dialog.show();
        dialog.passwordEdit()->setText(password);
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        EXPECT_TRUE(waitFor([&dialog] { return !dialog.isTesting(); }));
        return dialog.lastTestResult();
    };

    SyncConnectionTest::Result result = test(connection(QStringLiteral("officer_a")), kPassword);
    EXPECT_EQ(result.outcome, SyncConnectionTest::Outcome::Connected) << qPrintable(result.detail);
    EXPECT_TRUE(result.headline.startsWith(QStringLiteral("Connected to")));

    result = test(connection(QStringLiteral("officer_a")), QStringLiteral("not-the-password"));
    EXPECT_EQ(result.outcome, SyncConnectionTest::Outcome::WrongPassword)
        << qPrintable(result.detail);
    EXPECT_EQ(
        result.headline,
        QStringLiteral("Wrong password for %1.").arg(s_logins.value(QStringLiteral("officer_a"))));

    SyncSettings::Connection tls = connection(QStringLiteral("officer_a"));
    tls.sslMode = QStringLiteral("require");
    result = test(tls, kPassword);
    EXPECT_EQ(result.outcome, SyncConnectionTest::Outcome::TlsFailure) << qPrintable(result.detail);

    SyncSettings::Connection missing = connection(QStringLiteral("officer_a"));
    missing.database = QStringLiteral("no_such_database");
    result = test(missing, kPassword);
    EXPECT_EQ(result.outcome, SyncConnectionTest::Outcome::Refused) << qPrintable(result.detail);
    EXPECT_TRUE(result.detail.contains(QStringLiteral("no_such_database")))
        << qPrintable(result.detail);
}

TEST_F(SyncServerTest, AWrongPasswordIsSaidAndAskedForAgain)
{
    configureAs(QStringLiteral("officer_a"));
    std::unique_ptr<MainWindow> window = openWindow();
    SyncController *sync = window->syncController();

    pressF5(*window);
    answerPrompt(sync, QStringLiteral("wrong"));
    ASSERT_TRUE(waitFor([sync] { return sync->link() == SyncController::Link::Failed; }));
    EXPECT_TRUE(window->bannerText().contains(QStringLiteral("password")))
        << qPrintable(window->bannerText());
    EXPECT_TRUE(window->syncIndicator()->text().startsWith(QStringLiteral("Sync failed")));
    EXPECT_FALSE(sync->autoSyncDue()) << "a refused password is not tried again unasked";

    pressF5(*window);
    ASSERT_TRUE(waitFor([sync] { return sync->passwordPrompt() != nullptr; }));
    EXPECT_TRUE(sync->passwordPrompt()->labelText().contains(QStringLiteral("refused")));
    sync->passwordPrompt()->setTextValue(kPassword);
    sync->passwordPrompt()->accept();
    ASSERT_TRUE(waitFor([sync] { return sync->link() == SyncController::Link::Online; }))
        << qPrintable(sync->lastError());
}

TEST_F(SyncServerTest, SyncNowSendsReceivesAndAConflictIsSettledInTheConflictView)
{
    // Device A is this window; device B is another database file syncing through the engine,
    // as another laptop would.
    const QUuid shared = create(QStringLiteral("1 Window Street"), kMelton, QStringLiteral("Ann"));
    configureAs(QStringLiteral("officer_a"));
    std::unique_ptr<MainWindow> window = openWindow();
    SyncController *sync = window->syncController();
    EXPECT_TRUE(window->syncIndicator()->text().startsWith(QStringLiteral("1 to send")))
        << qPrintable(window->syncIndicator()->text());

    pressF5(*window);
    answerPrompt(sync, kPassword);
    ASSERT_TRUE(waitFor([sync] { return sync->isRunning(); }));
    ASSERT_TRUE(waitFor([sync] { return !sync->isRunning(); }));
    ASSERT_EQ(sync->link(), SyncController::Link::Online) << qPrintable(sync->lastError());
    EXPECT_EQ(outboxRows(), 0);
    EXPECT_TRUE(window->syncIndicator()->text().startsWith(
        QStringLiteral("Online \u00b7 0 to send \u00b7 synced ")))
        << qPrintable(window->syncIndicator()->text());

    Database other(QStringLiteral("ui-sync-device-b"));
    ASSERT_TRUE(other.open(m_dir.filePath(QStringLiteral("b.sqlite"))));
    const auto syncB = [&other] {
        SyncEngine engine(other, QStringLiteral("b"));
        engine.setPassword(kPassword);
        SyncSettings::Connection b;
        b.host = cluster().host();
        b.port = cluster().port();
        b.database = s_database;
        b.user = s_logins.value(QStringLiteral("officer_b"));
        b.sslMode = QStringLiteral("disable");
        return engine.run(b.uri());
    };
    HouseholdRepository atB(other, QStringLiteral("b"));
    bool synced = true;
    ASSERT_TRUE(waitFor([&] {
                    synced = syncB().ok();
                    return !synced || atB.find(shared);
                })
                && synced)
        << "B never received A's household";

    // B renames a household B made, and the resident A made; A renames the same resident.
    ASSERT_TRUE(atB.setFields(shared, {{HouseholdField::ResidentName, QStringLiteral("Ann B")}}));
    HouseholdRecord fromB;
    fromB.household.id = QUuid::createUuid();
    fromB.household.addressLine1 = QStringLiteral("2 Window Street");
    fromB.household.postcode = QStringLiteral("LE13 1AA");
    fromB.household.areaName = kMelton;
    fromB.resident.name = QStringLiteral("Bea");
    ASSERT_TRUE(atB.insert({fromB}));
    const SyncResult bSent = syncB();
    ASSERT_TRUE(bSent.ok()) << qPrintable(bSent.errorString());
    ASSERT_EQ(bSent.pushed, 2);
    HouseholdRepository atA = repository();
    ASSERT_TRUE(atA.setFields(shared, {{HouseholdField::ResidentName, QStringLiteral("Ann A")}}));
    window->reload();

    // A syncs from the window until B's household arrives; the register shows it, and the
    // server's name for Ann.
    const HouseholdTableModel *model = window->tableModel();
    ASSERT_TRUE(syncUntil(*window, [model, &fromB] {
        return model->rowOf(fromB.household.id) >= 0;
    })) << qPrintable(sync->lastError());
    EXPECT_EQ(model->household(model->rowOf(shared)).residentName, QStringLiteral("Ann B"));
    EXPECT_TRUE(window->syncIndicator()->text().contains(QStringLiteral("1 conflict")))
        << qPrintable(window->syncIndicator()->text());

    // The conflict view, opened from the status bar: use mine.
    QTest::mouseClick(window->syncIndicator(), Qt::LeftButton);
    auto *view = window->findChild<ConflictView *>();
    ASSERT_TRUE(view);
    ASSERT_EQ(view->conflictModel()->rowCount(), 1);
    EXPECT_EQ(view->conflictModel()->index(0, SyncConflictModel::YourValue).data().toString(),
              QStringLiteral("Ann A"));
    EXPECT_EQ(view->conflictModel()->index(0, SyncConflictModel::ServerValue).data().toString(),
              QStringLiteral("Ann B"));
    view->conflictModel()->setData(view->conflictModel()->index(0, SyncConflictModel::UseMine),
                                   Qt::Checked, Qt::CheckStateRole);
    QTest::mouseClick(view->applyButton(), Qt::LeftButton);
    EXPECT_EQ(view->errorText(), QString());
    EXPECT_EQ(model->household(model->rowOf(shared)).residentName, QStringLiteral("Ann A"));

    // The next sync sends it: the server now has A's value.
    ASSERT_TRUE(syncNow(*window)) << qPrintable(sync->lastError());
    synctest::PgSession central(cluster(), s_database, cluster().superuser(),
                                cluster().superuserPassword());
    ASSERT_TRUE(central.isOpen()) << qPrintable(central.openError());
    EXPECT_EQ(central
                  .value(QStringLiteral("SELECT name FROM resident WHERE household_id = ? "
                                        "AND is_primary"),
                         {shared.toString(QUuid::WithoutBraces)})
                  .toString(),
              QStringLiteral("Ann A"));
    EXPECT_FALSE(window->syncIndicator()->text().contains(QStringLiteral("conflict")));
}

TEST_F(SyncServerTest, TheFirstDownloadShowsItsProgressInTheStatusBar)
{
    // Another device puts 40 households on the server; a third sees them all before this
    // window's first sync, so that they are inside the watermark when it downloads.
    const auto engineFor = [](const Database &database, const QString &login) {
        SyncEngine engine(database, login);
        engine.setPassword(kPassword);
        return engine;
    };
    const auto uriFor = [this](const QString &login) {
        return connection(login).uri();
    };
    Database maker(QStringLiteral("ui-sync-maker"));
    ASSERT_TRUE(maker.open(m_dir.filePath(QStringLiteral("maker.sqlite"))));
    QList<HouseholdRecord> records;
    for (int i = 1; i <= 40; ++i) {
        HouseholdRecord record;
        record.household.id = QUuid::createUuid();
        record.household.addressLine1 = QStringLiteral("%1 Progress Road").arg(i);
        record.household.postcode = QStringLiteral("LE13 1AA");
        record.household.areaName = kMelton;
        records.append(record);
    }
    ASSERT_TRUE(HouseholdRepository(maker, QStringLiteral("maker")).insert(records));
    const SyncResult made
        = engineFor(maker, QStringLiteral("maker")).run(uriFor(QStringLiteral("officer_a")));
    ASSERT_TRUE(made.ok()) << qPrintable(made.errorString());
    Database watcher(QStringLiteral("ui-sync-watcher"));
    ASSERT_TRUE(watcher.open(m_dir.filePath(QStringLiteral("watcher.sqlite"))));
    HouseholdRepository watched(watcher, QStringLiteral("watcher"));
    bool watcherSynced = true;
    ASSERT_TRUE(waitFor([&] {
                    watcherSynced = engineFor(watcher, QStringLiteral("watcher"))
                                        .run(uriFor(QStringLiteral("officer_b")))
                                        .ok();
                    return !watcherSynced || watched.find(records.last().household.id);
                })
                && watcherSynced)
        << "the watcher never received the households";

    configureAs(QStringLiteral("officer_b"));
    std::unique_ptr<MainWindow> window = openWindow();
    SyncController *sync = window->syncController();
    QProgressBar *bar = window->syncProgressBar();
    qint64 lastTotal = 0;
    int largestBar = 0;
    bool shownWhileRunning = false;
    QObject::connect(sync, &SyncController::progress, window.get(), [&](qint64 done, qint64 total) {
        if (total > 0) { // 0: not known yet
            EXPECT_LE(done, total);
        }
        lastTotal = std::max(lastTotal, total);
        largestBar = std::max(largestBar, bar->maximum());
        shownWhileRunning = shownWhileRunning || bar->isVisible();
    });
    pressF5(*window);
    answerPrompt(sync, kPassword);
    ASSERT_TRUE(waitFor([sync] { return sync->isRunning(); }));
    ASSERT_TRUE(waitFor([sync] { return !sync->isRunning(); }));
    ASSERT_EQ(sync->link(), SyncController::Link::Online) << qPrintable(sync->lastError());

    EXPECT_GE(lastTotal, 40) << "the rows to come were counted";
    EXPECT_GE(largestBar, 40) << "and the bar's range followed";
    EXPECT_TRUE(shownWhileRunning);
    EXPECT_FALSE(bar->isVisible()) << "gone when done";
    EXPECT_GE(window->tableModel()->rowCount(), 40);
}

TEST_F(SyncServerTest, WhatIsBeingTypedInTheDetailsSurvivesAnAutomaticSync)
{
    const QUuid id = create(QStringLiteral("3 Window Street"), kMelton, QStringLiteral("Cy"));
    configureAs(QStringLiteral("officer_a"));
    std::unique_ptr<MainWindow> window = openWindow();
    SyncController *sync = window->syncController();
    // Known for this session (as after a first prompt): the automatic sync may run.
    sync->keychain().write(connection(QStringLiteral("officer_a")).keychainKey(), kPassword);
    window->selectHousehold(id);
    auto *line2
        = qobject_cast<QLineEdit *>(window->detailPanel()->editorFor(HouseholdField::AddressLine2));
    ASSERT_TRUE(line2);
    line2->setFocus();
    QTest::keyClicks(line2, QStringLiteral("Flat 2"));

    ASSERT_TRUE(sync->autoSyncDue());
    ASSERT_TRUE(waitFor([sync] { return sync->isRunning(); }));
    ASSERT_TRUE(waitFor([sync] { return !sync->isRunning(); }));
    ASSERT_EQ(sync->link(), SyncController::Link::Online) << qPrintable(sync->lastError());
    EXPECT_EQ(outboxRows(), 0) << "the household was sent";

    EXPECT_EQ(line2->text(), QStringLiteral("Flat 2")) << "the typing is still there";
    QTest::keyClick(line2, Qt::Key_Return);
    EXPECT_EQ(repository().find(id)->household.addressLine2, QStringLiteral("Flat 2"));
}

TEST_F(SyncServerTest, AChangeTheServerRefusesIsShownAndKept)
{
    const QUuid outside = create(QStringLiteral("8 Away Road"), kOadby, {});
    configureAs(QStringLiteral("officer_a"));
    std::unique_ptr<MainWindow> window = openWindow();
    SyncController *sync = window->syncController();
    pressF5(*window);
    answerPrompt(sync, kPassword);
    ASSERT_TRUE(waitFor([sync] { return sync->isRunning(); }));
    ASSERT_TRUE(waitFor([sync] { return !sync->isRunning(); }));

    EXPECT_EQ(sync->link(), SyncController::Link::Online) << qPrintable(sync->lastError());
    EXPECT_TRUE(window->bannerText().contains(QStringLiteral("refused 1 change")))
        << qPrintable(window->bannerText());
    EXPECT_TRUE(window->syncIndicator()->text().contains(QStringLiteral("1 refused")))
        << qPrintable(window->syncIndicator()->text());
    ConflictView *view = window->openConflictView();
    ASSERT_EQ(view->refusedModel()->rowCount(), 1);
    const RefusedChange &change = view->refusedModel()->change(0);
    EXPECT_EQ(change.entityId, outside);
    EXPECT_EQ(view->refusedModel()->index(0, SyncRefusedModel::Change).data().toString(),
              QStringLiteral("New household"));
    EXPECT_FALSE(change.reason.isEmpty());
    EXPECT_EQ(outboxRows(), 1) << "kept, not dropped";
}

} // namespace saferhomes::test
