// Renders the sync screens at 1280 × 800 for a person to look at: the window's status bar,
// the connection dialog after a failed test, the first download's progress bar, and the
// conflict view. Kept in SAFERHOMES_SHOTS_DIR when set, a temporary folder otherwise.

#include "sync/conflictview.h"
#include "sync/connectiondialog.h"
#include "sync/syncconflictmodel.h"
#include "sync/synccontroller.h"
#include "sync/synctest.h"

#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace saferhomes::test {

namespace {

using SyncShotsTest = SyncUiTest;

/// The window with \a dialog (if any) drawn over its middle, as the screen shows them.
QImage screen(QWidget *window, QWidget *dialog)
{
    settle();
    QImage image = window->grab().toImage();
    if (dialog) {
        const QImage top = dialog->grab().toImage();
        QPainter painter(&image);
        const QPoint at((window->width() - dialog->width()) / 2,
                        (window->height() - dialog->height()) / 2);
        painter.fillRect(QRect(QPoint(0, 0), window->size()), QColor(0, 0, 0, 60));
        painter.drawImage(at, top);
    }
    return image;
}

} // namespace

TEST_F(SyncShotsTest, RendersTheSyncScreens)
{
    QTemporaryDir scratch;
    QString folder = qEnvironmentVariable("SAFERHOMES_SHOTS_DIR");
    if (folder.isEmpty())
        folder = scratch.path();
    ASSERT_TRUE(QDir().mkpath(folder));
    const auto save = [&folder](const QImage &image, const QString &name,
                                const QList<const QWidget *> &windows, const QStringList &shows) {
        const QString file = QDir(folder).filePath(name + QStringLiteral(".png"));
        EXPECT_TRUE(image.save(file));
        EXPECT_EQ(QImage(file).size(), image.size()) << qPrintable(name);
        EXPECT_GE(distinctColours(image), 32) << qPrintable(name) << " looks blank";
        QStringList shown;
        for (const QWidget *window : windows)
            shown += shownTexts(window);
        if (qEnvironmentVariableIsSet("SAFERHOMES_DUMP_TEXTS"))
            qInfo().noquote() << name << shown.join(QStringLiteral(" | "));
        for (const QString &text : shows)
            EXPECT_TRUE(shown.contains(text))
                << qPrintable(name) << " does not show " << qPrintable(text);
    };

    const QUuid thorpe = idOf(QStringLiteral("12 Thorpe Road"));
    const QUuid burton = idOf(QStringLiteral("45 Burton Street"));
    settleOutbox(thorpe, QStringLiteral("Side gate is padlocked"));
    addConflict(thorpe, QStringLiteral("notes"),
                QStringLiteral("Side gate padlocked; dog in the back garden"),
                QStringLiteral("Side gate is padlocked"));
    addConflict(thorpe, QStringLiteral("status"), QStringLiteral("surveyed"),
                QStringLiteral("contacted"));
    addConflict(burton, QStringLiteral("phone"), QStringLiteral("07700 900123"), QString());
    HouseholdRepository repo = repository();
    ASSERT_TRUE(repo.setFields(idOf(QStringLiteral("7 Leicester Road")),
                               {{HouseholdField::Priority, QStringLiteral("2")}}));
    refuseOldestChange(
        QStringLiteral("household 7 Leicester Road is outside the areas of officer_a"));
    ASSERT_TRUE(repo.setFields(thorpe, {{HouseholdField::Priority, QStringLiteral("1")}}));
    configure(QStringLiteral("central.saferhomes.example.org"), 5432, QStringLiteral("officer_a"),
              QStringLiteral("verify-full"));

    std::unique_ptr<MainWindow> window = openWindow();
    ASSERT_EQ(window->size(), QSize(1280, 800));
    save(screen(window.get(), nullptr), QStringLiteral("sync-0-status-bar"), {window.get()},
         {QStringLiteral("1 to send · never synced · 3 conflicts · 1 refused"),
          QStringLiteral("12 Thorpe Road")});

    ConnectionDialog *dialog = window->openConnectionDialog();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog, kPatienceMs));
    dialog->hostEdit()->setText(QStringLiteral("127.0.0.1"));
    dialog->portBox()->setValue(closedPort());
    dialog->tlsModeBox()->setCurrentIndex(
        dialog->tlsModeBox()->findData(QStringLiteral("require")));
    dialog->passwordEdit()->setText(QStringLiteral("password"));
    dialog->testConnection();
    ASSERT_TRUE(waitFor([dialog] { return !dialog->isTesting(); }));
    dialog->hostEdit()->setText(QStringLiteral("central.saferhomes.example.org"));
    save(screen(window.get(), dialog), QStringLiteral("sync-1-connection-dialog"), {dialog},
         {QStringLiteral("central.saferhomes.example.org"), QStringLiteral("officer_a"),
          QStringLiteral("Encrypt, do not verify (require)"), QStringLiteral("Test connection")});
    const QStringList dialogTexts = shownTexts(dialog);
    EXPECT_TRUE(std::any_of(dialogTexts.begin(), dialogTexts.end(), [](const QString &text) {
        return text.startsWith(QStringLiteral("The server cannot be reached."));
    })) << "the dialog does not say why the test failed";
    dialog->reject();

    // The progress bar as the first download shows it (the signals a sync sends).
    emit window->syncController()->started();
    emit window->syncController()->progress(41'250, 100'000);
    save(screen(window.get(), nullptr), QStringLiteral("sync-2-first-download"), {window.get()},
         {QStringLiteral("41,250 / 100,000")});

    ConflictView *view = window->openConflictView();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(view, kPatienceMs));
    view->conflictModel()->setChoice(0, ConflictResolver::Choice::UseMine);
    view->conflictModel()->setChoice(1, ConflictResolver::Choice::KeepServer);
    view->refusedTable()->selectRow(0);
    save(screen(window.get(), view), QStringLiteral("sync-3-conflict-view"), {view},
         {QStringLiteral("Side gate padlocked; dog in the back garden"),
          QStringLiteral("07700 900123"), QStringLiteral("Refused changes"),
          QStringLiteral("Priority: “0” → “2”"),
          QStringLiteral("household 7 Leicester Road is outside the areas of officer_a")});
}

} // namespace saferhomes::test
