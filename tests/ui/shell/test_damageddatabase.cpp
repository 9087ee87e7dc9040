// Issue 9, item 1, in the app: a database that cannot be read is said so in the window's
// banner, never shown as an empty register.

#include "dashboard/progresspanel.h"
#include "register/householdtablemodel.h"
#include "shell/databaseproblemwindow.h"
#include "shell/mainwindow.h"
#include "uitest.h"

#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace saferhomes::test {

namespace {

using DamagedDatabaseTest = UiTest;

} // namespace

TEST_F(DamagedDatabaseTest, AMissingHouseholdTableIsShownInTheBannerNotAsAnEmptyRegister)
{
    insertSampleHouseholds();
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
        ASSERT_TRUE(query.exec(QStringLiteral("DROP TABLE household")))
            << qPrintable(query.lastError().text());
    }
    MainWindow window(m_database, settings());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));

    const QString banner = window.bannerText();
    EXPECT_TRUE(banner.contains(m_path)) << qPrintable(banner);
    EXPECT_TRUE(banner.contains(QStringLiteral("cannot read households"))) << qPrintable(banner);
    EXPECT_TRUE(banner.contains(QStringLiteral("no such table: household"))) << qPrintable(banner);
    // Not the new-register page that offers demo data or an import, and no figures.
    EXPECT_FALSE(window.isShowingEmptyState());
    EXPECT_EQ(window.tableModel()->rowCount(), 0);
    EXPECT_FALSE(window.progressPanel()->isVisible());
}

TEST_F(DamagedDatabaseTest, ADatabaseThatCannotBeOpenedIsShownInTheBanner)
{
    insertSampleHouseholds();
    m_database.close();
    QFile file(m_path);
    ASSERT_TRUE(file.resize(file.size() / 2));

    Database database(QStringLiteral("damaged"));
    const Status opened = database.open(m_path);
    ASSERT_FALSE(opened);
    DatabaseProblemWindow window(m_path, opened.errorString());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    EXPECT_TRUE(window.bannerText().startsWith(m_path)) << qPrintable(window.bannerText());
    EXPECT_TRUE(window.bannerText().contains(QStringLiteral("damaged")))
        << qPrintable(window.bannerText());

    // Trying again asks for another open; a second failure replaces the message.
    auto *tryAgain = window.findChild<QPushButton *>(QStringLiteral("tryAgainButton"));
    ASSERT_NE(tryAgain, nullptr);
    QSignalSpy asked(&window, &DatabaseProblemWindow::tryAgainRequested);
    QTest::mouseClick(tryAgain, Qt::LeftButton);
    EXPECT_EQ(asked.count(), 1);
    window.showError(QStringLiteral("still damaged"));
    EXPECT_EQ(window.bannerText(), QStringLiteral("still damaged"));
}

} // namespace saferhomes::test
