// The sidebar and the menus offer a signed-in role only what it uses (DESIGN §11): the role is
// the one the central database gave at the last sync, kept in the sync state.

#include "common/touchbutton.h"
#include "schedule/fitterdaypage.h"
#include "shell/mainwindow.h"
#include "shell/sidebar.h"
#include "store/fitterrepository.h"
#include "sync/syncledger.h"
#include "uitest.h"

#include <QAction>
#include <QComboBox>
#include <QMenuBar>
#include <QTest>

namespace saferhomes::test {

namespace {

class RolesTest : public UiTest {
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        insertSampleHouseholds();
    }

    void signIn(const QString &role, const QUuid &fitter = {})
    {
        const Status stored = SyncLedger(m_database.connectionName())
                                  .setSignedInUser({QStringLiteral("someone"), role, fitter});
        ASSERT_TRUE(stored.ok()) << qPrintable(stored.errorString());
    }

    std::unique_ptr<MainWindow> openWindow()
    {
        auto window = std::make_unique<MainWindow>(m_database, settings());
        window->show();
        window->activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(window.get(), kPatienceMs));
        return window;
    }

    /// The visible entries of the sidebar, by object name.
    static QStringList modes(const MainWindow &window)
    {
        QStringList shown;
        for (int i = 0; window.sidebar()->button(i); ++i) {
            if (window.sidebar()->isEntryVisible(i))
                shown << window.sidebar()->button(i)->objectName();
        }
        return shown;
    }

    /// Whether the menu bar shows the menu called \a title (with its '&').
    static bool menuShown(const MainWindow &window, const QString &title)
    {
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->text() == title)
                return menu->isVisible();
        }
        return false;
    }

    /// The View menu's visible commands, without their '&'.
    static QStringList viewCommands(const MainWindow &window)
    {
        QStringList shown;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->text() != QStringLiteral("&View"))
                continue;
            for (QAction *action : menu->menu()->actions()) {
                if (action->isVisible() && !action->isSeparator())
                    shown << action->text().remove(u'&');
            }
        }
        return shown;
    }
};

} // namespace

TEST_F(RolesTest, ARegisterThatHasNeverSyncedOffersEverything)
{
    const auto window = openWindow();
    EXPECT_TRUE(window->signedInUser().role.isEmpty());
    EXPECT_EQ(modes(*window),
              (QStringList {QStringLiteral("modeHouseholds"), QStringLiteral("modeDoorstep"),
                            QStringLiteral("modeSchedule"), QStringLiteral("modeMap"),
                            QStringLiteral("modeStock"), QStringLiteral("modeDashboard")}));
    EXPECT_TRUE(viewCommands(*window).contains(QStringLiteral("Schedule board")));
}

TEST_F(RolesTest, AVolunteerSeesTheRegisterAndTheDoorstepOnly)
{
    signIn(QStringLiteral("volunteer"));
    const auto window = openWindow();
    EXPECT_EQ(modes(*window),
              (QStringList {QStringLiteral("modeHouseholds"), QStringLiteral("modeDoorstep"),
                            QStringLiteral("modeMap")}));
    const QStringList commands = viewCommands(*window);
    EXPECT_FALSE(commands.contains(QStringLiteral("Schedule board")))
        << qPrintable(commands.join(u','));
    EXPECT_FALSE(commands.contains(QStringLiteral("Fitter's day")));
    EXPECT_FALSE(commands.contains(QStringLiteral("Stock")));
    EXPECT_FALSE(commands.contains(QStringLiteral("Equipment catalogue\u2026")));
    EXPECT_TRUE(commands.contains(QStringLiteral("Doorstep mode")));
    // The board's shortcut does nothing for them.
    QTest::keyClick(window.get(), Qt::Key_B, Qt::ControlModifier);
    EXPECT_EQ(window->sidebar()->currentIndex(), 0);
}

TEST_F(RolesTest, AManagerHasNoDoorstepAndNoBoard)
{
    signIn(QStringLiteral("manager"));
    const auto window = openWindow();
    EXPECT_EQ(modes(*window),
              (QStringList {QStringLiteral("modeHouseholds"), QStringLiteral("modeMap"),
                            QStringLiteral("modeStock"), QStringLiteral("modeDashboard")}));
    EXPECT_FALSE(window->offers(Feature::Doorstep));
    QTest::keyClick(window.get(), Qt::Key_D, Qt::ControlModifier);
    EXPECT_FALSE(window->isDoorstepShown());
}

TEST_F(RolesTest, AManagerSetsTheBudgetsACoordinatorDoesNot)
{
    // The central database lets managers and admins write budgets, coordinators only read them.
    signIn(QStringLiteral("coordinator"));
    {
        const auto window = openWindow();
        EXPECT_FALSE(menuShown(*window, QStringLiteral("&Admin")));
        EXPECT_FALSE(window->offers(Feature::Budgets));
    }
    signIn(QStringLiteral("manager"));
    const auto window = openWindow();
    EXPECT_TRUE(menuShown(*window, QStringLiteral("&Admin")));
    EXPECT_TRUE(window->offers(Feature::Budgets));
    EXPECT_FALSE(window->offers(Feature::Admin));
}

TEST_F(RolesTest, AFittersDeviceOpensTheFittersDayOnTheirOwnDay)
{
    FitterRepository fitters(m_database, QStringLiteral("tester"));
    Fitter alice;
    alice.name = QStringLiteral("Alice Archer");
    alice.skills = {QStringLiteral("locks")};
    Fitter bob = alice;
    bob.name = QStringLiteral("Bob Baker");
    ASSERT_TRUE(fitters.add(alice).ok());
    const Result<Fitter> added = fitters.add(bob);
    ASSERT_TRUE(added.ok()) << qPrintable(added.errorString());
    const QUuid bobId = added->id;
    signIn(QStringLiteral("fitter"), bobId);

    const auto window = openWindow();
    EXPECT_EQ(window->signedInUser().fitterId, bobId);
    EXPECT_EQ(modes(*window),
              (QStringList {QStringLiteral("modeHouseholds"), QStringLiteral("modeMap"),
                            QStringLiteral("modeStock")}));
    EXPECT_TRUE(viewCommands(*window).contains(QStringLiteral("Fitter's day")));
    FitterDayPage *day = window->openFitterDay();
    ASSERT_NE(day, nullptr);
    settle();
    EXPECT_EQ(day->fitterId(), bobId);
    EXPECT_EQ(day->fitterBox()->currentText(), QStringLiteral("Bob Baker"));
    day->close();
}

} // namespace saferhomes::test
