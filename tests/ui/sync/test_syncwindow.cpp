// The sync GUI without a server: the connection dialog and its settings, the password prompt
// and where the password goes (never to the settings), "Sync now" off the GUI thread against a
// server that is not there, the automatic sync switch, and the status bar indicator.

#include "common/messagebanner.h"
#include "sync/conflictview.h"
#include "sync/connectiondialog.h"
#include "sync/syncconflictmodel.h"
#include "sync/synccontroller.h"
#include "sync/synckeychain.h"
#include "sync/syncrefusedmodel.h"
#include "sync/syncstatusindicator.h"
#include "sync/synctest.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTimer>

#include <optional>

namespace saferhomes::test {

namespace {

using SyncWindowTest = SyncUiTest;

/// The Sync menu's action whose text (without '&') starts with \a text.
QAction *syncMenuAction(const MainWindow &window, const QString &text)
{
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->text().remove(u'&') != u"Sync" || !menu->menu())
            continue;
        for (QAction *action : menu->menu()->actions()) {
            if (action->text().remove(u'&').startsWith(text))
                return action;
        }
    }
    return nullptr;
}

void replaceText(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

} // namespace

TEST_F(SyncWindowTest, TheConnectionDialogRemembersEverythingButThePassword)
{
    std::unique_ptr<MainWindow> window = openWindow();
    QAction *open = syncMenuAction(*window, QStringLiteral("Connection"));
    ASSERT_TRUE(open);
    open->trigger();
    auto *dialog = window->findChild<ConnectionDialog *>();
    ASSERT_TRUE(dialog);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog, kPatienceMs));
    EXPECT_EQ(dialog->tlsModeBox()->currentData().toString(), QStringLiteral("verify-full"))
        << "certificates verified unless the user says otherwise";
    EXPECT_EQ(dialog->portBox()->value(), 5432);
    EXPECT_FALSE(dialog->okButton()->isEnabled()) << "no host or user yet";
    EXPECT_TRUE(dialog->autoSyncBox()->isChecked()) << "automatic sync is on by default";

    replaceText(dialog->hostEdit(), QStringLiteral("db.saferhomes.example.org"));
    dialog->portBox()->setValue(6543);
    replaceText(dialog->databaseEdit(), QStringLiteral("scheme"));
    replaceText(dialog->userEdit(), QStringLiteral("officer_a"));
    replaceText(dialog->passwordEdit(), QStringLiteral("s3cret-Pa55"));
    EXPECT_EQ(dialog->passwordEdit()->echoMode(), QLineEdit::Password);
    EXPECT_TRUE(dialog->warningText().isEmpty()) << qPrintable(dialog->warningText());
    // A remote server without certificate checks is warned about, at the field.
    dialog->tlsModeBox()->setCurrentIndex(
        dialog->tlsModeBox()->findData(QStringLiteral("require")));
    EXPECT_TRUE(dialog->warningText().contains(QStringLiteral("not both checked")))
        << qPrintable(dialog->warningText());
    EXPECT_FALSE(dialog->caFileEdit()->isEnabled()) << "no CA file without verification";
    dialog->tlsModeBox()->setCurrentIndex(
        dialog->tlsModeBox()->findData(QStringLiteral("verify-ca")));
    ASSERT_TRUE(dialog->caFileEdit()->isEnabled());
    replaceText(dialog->caFileEdit(), QStringLiteral("/etc/saferhomes/central-ca.crt"));
    dialog->intervalBox()->setValue(15);
    ASSERT_TRUE(dialog->okButton()->isEnabled());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    ASSERT_TRUE(
        waitFor([window = window.get()] { return !window->findChild<ConnectionDialog *>(); }));

    const SyncSettings saved(settingsPath());
    const SyncSettings::Connection connection = saved.connection();
    EXPECT_EQ(connection.host, QStringLiteral("db.saferhomes.example.org"));
    EXPECT_EQ(connection.port, 6543);
    EXPECT_EQ(connection.database, QStringLiteral("scheme"));
    EXPECT_EQ(connection.user, QStringLiteral("officer_a"));
    EXPECT_EQ(connection.sslMode, QStringLiteral("verify-ca"));
    EXPECT_EQ(connection.caFile, QStringLiteral("/etc/saferhomes/central-ca.crt"));
    EXPECT_EQ(saved.intervalMinutes(), 15);
    EXPECT_EQ(connection.uri(),
              QStringLiteral("postgresql://officer_a@db.saferhomes.example.org:6543/scheme?"
                             "sslmode=verify-ca&sslrootcert=%2Fetc%2Fsaferhomes%2Fcentral-ca.crt&"
                             "channel_binding=require"));
    // The password: kept for the session (no keychain here), never in the settings file.
    EXPECT_EQ(window->syncController()->keychain().sessionPassword(connection.keychainKey()),
              QStringLiteral("s3cret-Pa55"));
    window->saveSettings();
    QFile file(settingsPath());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    EXPECT_TRUE(contents.contains("db.saferhomes.example.org"));
    EXPECT_FALSE(contents.contains("s3cret")) << contents.constData();
    // Now configured, automatic sync is on.
    EXPECT_TRUE(window->autoSyncAction()->isChecked());
    EXPECT_TRUE(window->syncController()->autoSyncTimer()->isActive());
    EXPECT_EQ(window->syncController()->autoSyncTimer()->interval(), 15 * 60'000);

    // Opened again: everything back but the password.
    dialog = window->openConnectionDialog();
    EXPECT_EQ(dialog->hostEdit()->text(), QStringLiteral("db.saferhomes.example.org"));
    EXPECT_EQ(dialog->tlsModeBox()->currentData().toString(), QStringLiteral("verify-ca"));
    EXPECT_EQ(dialog->intervalBox()->value(), 15);
    EXPECT_TRUE(dialog->passwordEdit()->text().isEmpty());
    dialog->reject();
}

TEST_F(SyncWindowTest, TestConnectionSaysTheServerCannotBeReachedWithoutBlockingTheWindow)
{
    ConnectionDialog dialog(SyncSettings::Connection {}, true, 10);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog, kPatienceMs));
    EXPECT_FALSE(dialog.testButton()->isEnabled());
    replaceText(dialog.hostEdit(), QStringLiteral("127.0.0.1"));
    dialog.portBox()->setValue(closedPort());
    replaceText(dialog.userEdit(), QStringLiteral("officer_a"));
    replaceText(dialog.passwordEdit(), QStringLiteral("whatever"));
    dialog.tlsModeBox()->setCurrentIndex(dialog.tlsModeBox()->findData(QStringLiteral("disable")));
    EXPECT_TRUE(dialog.warningText().isEmpty()) << "a loopback server needs no TLS warning";

    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    EXPECT_TRUE(dialog.isTesting());
    EXPECT_FALSE(dialog.testButton()->isEnabled()) << "one test at a time";
    EXPECT_TRUE(dialog.resultText().contains(QStringLiteral("Connecting")));
    ASSERT_TRUE(waitFor([&dialog] { return !dialog.isTesting(); }));

    const SyncConnectionTest::Result result = dialog.lastTestResult();
    EXPECT_EQ(result.outcome, SyncConnectionTest::Outcome::Unreachable)
        << qPrintable(result.detail);
    EXPECT_TRUE(dialog.resultText().contains(QStringLiteral("cannot be reached")))
        << qPrintable(dialog.resultText());
    EXPECT_TRUE(dialog.testButton()->isEnabled());

    // A CA file name libpq's options cannot carry is a bad address, said before connecting.
    dialog.tlsModeBox()->setCurrentIndex(
        dialog.tlsModeBox()->findData(QStringLiteral("verify-full")));
    replaceText(dialog.caFileEdit(), QStringLiteral("/tmp/a;b.crt"));
    EXPECT_FALSE(dialog.warningText().isEmpty());
    dialog.testConnection();
    ASSERT_TRUE(waitFor([&dialog] { return !dialog.isTesting(); }));
    EXPECT_EQ(dialog.lastTestResult().outcome, SyncConnectionTest::Outcome::BadAddress);
}

TEST_F(SyncWindowTest, TheStatusBarShowsWhatWaitsAndOpensTheConflictView)
{
    const QUuid thorpe = idOf(QStringLiteral("12 Thorpe Road"));
    addConflict(thorpe, QStringLiteral("notes"), QStringLiteral("Mine"), QStringLiteral("Theirs"));
    addConflict(thorpe, QStringLiteral("town"), QStringLiteral("Melton"), QStringLiteral("Oadby"));
    refuseOldestChange(QStringLiteral("outside your areas"));
    const int pending
        = value(QStringLiteral("SELECT count(*) FROM outbox WHERE rejected_at IS NULL")).toInt();
    ASSERT_GT(pending, 0);

    std::unique_ptr<MainWindow> window = openWindow();
    SyncStatusIndicator *indicator = window->syncIndicator();
    ASSERT_TRUE(indicator->isVisible());
    const QString text = indicator->text();
    EXPECT_TRUE(text.startsWith(QStringLiteral("Not connected"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("%1 to send").arg(pending))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("never synced"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("2 conflicts"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("1 refused"))) << qPrintable(text);

    // An edit waits to be sent: the count follows.
    ASSERT_TRUE(repository().setFields(idOf(QStringLiteral("2 Thorpe Road")),
                                       {{HouseholdField::Notes, QStringLiteral("Ring twice")}}));
    window->reload();
    EXPECT_TRUE(indicator->text().contains(QStringLiteral("%1 to send").arg(pending + 1)))
        << qPrintable(indicator->text());

    QTest::mouseClick(indicator, Qt::LeftButton);
    auto *view = window->findChild<ConflictView *>();
    ASSERT_TRUE(view);
    EXPECT_TRUE(view->isVisible());
    EXPECT_EQ(view->conflictModel()->rowCount(), 2);
    EXPECT_EQ(view->refusedModel()->rowCount(), 1);
}

TEST_F(SyncWindowTest, SyncNowWithoutAConnectionOffersTheConnectionDialog)
{
    std::unique_ptr<MainWindow> window = openWindow();
    EXPECT_FALSE(window->syncController()->autoSyncTimer()->isActive()) << "nothing to sync with";
    QTest::keyClick(window.get(), Qt::Key_F5);
    auto *dialog = window->findChild<ConnectionDialog *>();
    ASSERT_TRUE(dialog);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_FALSE(window->syncController()->isRunning());
}

TEST_F(SyncWindowTest, SyncNowAsksForThePasswordSyncsOffTheGuiThreadAndLosesNothingOffline)
{
    configure(QStringLiteral("127.0.0.1"), closedPort(), QStringLiteral("officer_a"));
    const int outboxBefore = outboxRows();
    std::unique_ptr<MainWindow> window = openWindow();
    SyncController *sync = window->syncController();
    EXPECT_TRUE(window->syncIndicator()->text().startsWith(QStringLiteral("6 to send")))
        << qPrintable(window->syncIndicator()->text());

    QTest::keyClick(window.get(), Qt::Key_F5);
    // No keychain here: the password is asked for, hidden as it is typed.
    ASSERT_TRUE(waitFor([sync] { return sync->passwordPrompt() != nullptr; }));
    QInputDialog *prompt = sync->passwordPrompt();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(prompt, kPatienceMs));
    EXPECT_EQ(prompt->textEchoMode(), QLineEdit::Password);
    EXPECT_TRUE(prompt->labelText().contains(QStringLiteral("officer_a@127.0.0.1")));
    auto *edit = prompt->findChild<QLineEdit *>();
    ASSERT_TRUE(edit);
    QTest::keyClicks(edit, QStringLiteral("pr0mpted-pw"));
    QTest::keyClick(edit, Qt::Key_Return);

    ASSERT_TRUE(waitFor(
        [sync] { return sync->isRunning() || sync->link() == SyncController::Link::Offline; }));
    if (sync->isRunning()) {
        EXPECT_TRUE(window->syncProgressBar()->isVisible());
        EXPECT_TRUE(window->syncIndicator()->text().startsWith(QStringLiteral("Syncing")));
        EXPECT_FALSE(sync->syncNow()) << "never two syncs at once";
    }
    ASSERT_TRUE(waitFor([sync] { return !sync->isRunning(); }));

    EXPECT_EQ(sync->link(), SyncController::Link::Offline);
    EXPECT_TRUE(window->syncIndicator()->text().startsWith(QStringLiteral("Offline")))
        << qPrintable(window->syncIndicator()->text());
    EXPECT_FALSE(window->syncProgressBar()->isVisible());
    EXPECT_TRUE(window->bannerText().contains(QStringLiteral("cannot reach")))
        << qPrintable(window->bannerText());
    EXPECT_EQ(outboxRows(), outboxBefore) << "nothing lost";
    QFile file(settingsPath());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_FALSE(file.readAll().contains("pr0mpted")) << "the password never goes to settings";

    // Kept for the session: the next "Sync now" goes straight ahead.
    EXPECT_TRUE(sync->syncNow());
    ASSERT_TRUE(waitFor(
        [sync] { return sync->isRunning() || sync->link() == SyncController::Link::Offline; }));
    EXPECT_EQ(sync->passwordPrompt(), nullptr);
    ASSERT_TRUE(waitFor([sync] { return !sync->isRunning(); }));
}

TEST_F(SyncWindowTest, WithoutAKeychainThePasswordIsKeptForThisSessionOnly)
{
    if (mayHaveRealKeychain())
        GTEST_SKIP() << "a D-Bus session may hold a real keychain: not touched by tests";
    const QString key = QStringLiteral("officer_a@127.0.0.1:5432/saferhomes");
    const auto read = [&key](SyncKeychain &keychain) {
        std::optional<SyncKeychain::Found> found;
        keychain.read(key, [&found](SyncKeychain::Found what, const QString &) { found = what; });
        EXPECT_TRUE(waitFor([&found] { return found.has_value(); }));
        return found.value_or(SyncKeychain::Found::Password);
    };
    SyncKeychain keychain(QStringLiteral("SaferHomes test"));
    EXPECT_EQ(read(keychain), SyncKeychain::Found::Unavailable) << "no secret service here";
    EXPECT_TRUE(keychain.isUnavailable());
    keychain.write(key, QStringLiteral("session-only"));
    EXPECT_EQ(keychain.sessionPassword(key), QStringLiteral("session-only"));
    std::optional<QString> password;
    keychain.read(key, [&password](SyncKeychain::Found, const QString &text) { password = text; });
    ASSERT_TRUE(waitFor([&password] { return password.has_value(); }));
    EXPECT_EQ(*password, QStringLiteral("session-only"));

    // Another session (a new keychain object) does not find it anywhere.
    SyncKeychain next(QStringLiteral("SaferHomes test"));
    EXPECT_EQ(read(next), SyncKeychain::Found::Unavailable);
    keychain.forget(key);
    EXPECT_TRUE(keychain.sessionPassword(key).isEmpty());
}

TEST_F(SyncWindowTest, AutomaticSyncIsOnWhenConfiguredAndTheMenuTurnsItOff)
{
    configure(QStringLiteral("127.0.0.1"), closedPort(), QStringLiteral("officer_a"));
    std::unique_ptr<MainWindow> window = openWindow();
    SyncController *sync = window->syncController();
    QAction *automatic = window->autoSyncAction();
    EXPECT_TRUE(automatic->isChecked());
    EXPECT_TRUE(sync->autoSyncTimer()->isActive());

    automatic->trigger();
    EXPECT_FALSE(automatic->isChecked());
    EXPECT_FALSE(sync->autoSyncTimer()->isActive());
    EXPECT_FALSE(SyncSettings(settingsPath()).autoSync()) << "remembered";
    automatic->trigger();
    EXPECT_TRUE(sync->autoSyncTimer()->isActive());
    EXPECT_EQ(sync->autoSyncTimer()->interval(), 10 * 60'000) << "every 10 minutes by default";

    // When the timer fires without a known password it never pops up a prompt.
    EXPECT_TRUE(sync->autoSyncDue());
    ASSERT_TRUE(waitFor([sync] { return !sync->lastError().isEmpty(); }));
    EXPECT_EQ(sync->passwordPrompt(), nullptr);
    EXPECT_FALSE(sync->isRunning());
    EXPECT_TRUE(sync->lastError().contains(QStringLiteral("Sync now")));
}

} // namespace saferhomes::test
