#include "common/stringtablemodel.h"
#include "dashboard/progresspanel.h"
#include "domain/householdfield.h"
#include "import/importwizard.h"
#include "register/householddetailpanel.h"
#include "register/householdfilterproxymodel.h"
#include "register/householdhistoryview.h"
#include "register/householdtablemodel.h"
#include "register/registerpage.h"
#include "shell/mainwindow.h"
#include "store/demotransfer.h"
#include "uitest.h"

#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

namespace saferhomes::test {

namespace {

class MainWindowTest : public UiTest {
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        insertSampleHouseholds();
    }

    /// Opens the window, shown and active so that shortcuts reach it.
    std::unique_ptr<MainWindow> openWindow()
    {
        auto window = std::make_unique<MainWindow>(m_database, settings());
        window->show();
        window->activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(window.get(), kPatienceMs));
        return window;
    }

    static QStringList visibleAddresses(const MainWindow &window)
    {
        QStringList addresses;
        const QAbstractItemModel *model = window.tableView()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (!window.tableView()->isRowHidden(row))
                addresses.append(model->index(row, HouseholdTableModel::Address).data().toString());
        }
        return addresses;
    }

    static void typeInto(QWidget *widget, const QString &text)
    {
        widget->setFocus();
        if (auto *edit = qobject_cast<QLineEdit *>(widget))
            edit->selectAll();
        QTest::keyClicks(widget, text);
        QTest::keyClick(widget, Qt::Key_Return);
    }

    /// Types into quick-find and waits for the answer, which comes from another thread.
    static void findAndWait(MainWindow &window, const QString &text)
    {
        QTest::keyClicks(window.quickFindEdit(), text);
        EXPECT_TRUE(waitFor([&window] { return !window.isQuickFindPending(); }));
    }

    static QLineEdit *lineEdit(const MainWindow &window, HouseholdField field)
    {
        return qobject_cast<QLineEdit *>(window.detailPanel()->editorFor(field));
    }
};

} // namespace

TEST_F(MainWindowTest, TypingInQuickFindFiltersTheTable)
{
    auto window = openWindow();
    EXPECT_EQ(visibleAddresses(*window).size(), 6);
    EXPECT_EQ(window->showingText(), QStringLiteral("showing 6 of 6"));

    QTest::keyClick(window->tableView(), Qt::Key_K, Qt::ControlModifier);
    EXPECT_TRUE(window->quickFindEdit()->hasFocus());

    findAndWait(*window, QStringLiteral("Thorpe"));
    EXPECT_EQ(visibleAddresses(*window),
              (QStringList {QStringLiteral("2 Thorpe Road"), QStringLiteral("12 Thorpe Road")}));
    EXPECT_EQ(window->showingText(), QStringLiteral("showing 2 of 6"));

    window->quickFindEdit()->clear();
    findAndWait(*window, QStringLiteral("12 Thorpe"));
    EXPECT_EQ(visibleAddresses(*window), QStringList {QStringLiteral("12 Thorpe Road")});
    // A single match is shown at once.
    EXPECT_EQ(window->detailPanel()->householdId(), idOf(QStringLiteral("12 Thorpe Road")));

    window->quickFindEdit()->clear();
    findAndWait(*window, QStringLiteral("LE13 1"));
    EXPECT_EQ(visibleAddresses(*window),
              (QStringList {QStringLiteral("2 Thorpe Road"), QStringLiteral("12 Thorpe Road"),
                            QStringLiteral("45 Burton Street")}));

    window->quickFindEdit()->clear();
    findAndWait(*window, QStringLiteral("patel"));
    EXPECT_EQ(visibleAddresses(*window), QStringList {QStringLiteral("7 Leicester Road")});

    window->quickFindEdit()->clear();
    EXPECT_EQ(visibleAddresses(*window).size(), 6);
}

TEST_F(MainWindowTest, StatusAndAreaFiltersNarrowTheTable)
{
    auto window = openWindow();
    QComboBox *area = window->areaFilterBox();
    area->setCurrentIndex(area->findText(QStringLiteral("Oadby and Wigston")));
    EXPECT_EQ(visibleAddresses(*window).size(), 2);
    QComboBox *status = window->statusFilterBox();
    status->setCurrentIndex(status->findData(QStringLiteral("installed")));
    EXPECT_EQ(visibleAddresses(*window), QStringList {QStringLiteral("7 Leicester Road")});
    area->setCurrentIndex(area->findText(QStringLiteral("No area")));
    EXPECT_TRUE(visibleAddresses(*window).isEmpty());
    EXPECT_EQ(window->showingText(), QStringLiteral("showing 0 of 6"));
}

TEST_F(MainWindowTest, ClickingARowShowsItsDetails)
{
    auto window = openWindow();
    QTableView *table = window->tableView();
    const int row = visibleAddresses(*window).indexOf(QStringLiteral("45 Burton Street"));
    ASSERT_GE(row, 0);
    const QRect rect = table->visualRect(table->model()->index(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    EXPECT_EQ(window->detailPanel()->householdId(), idOf(QStringLiteral("45 Burton Street")));
    EXPECT_EQ(lineEdit(*window, HouseholdField::ResidentName)->text(),
              QStringLiteral("Zo\u00eb \u00d3 S\u00failleabh\u00e1in"));
    EXPECT_EQ(window->detailPanel()->findChild<QLabel *>(QStringLiteral("householdStatus"))->text(),
              QStringLiteral("Accepted"));
}

TEST_F(MainWindowTest, EditingAFieldSavesItAndCtrlZRestoresIt)
{
    auto window = openWindow();
    const QUuid id = idOf(QStringLiteral("12 Thorpe Road"));
    window->selectHousehold(id);
    QLineEdit *postcode = lineEdit(*window, HouseholdField::Postcode);
    ASSERT_NE(postcode, nullptr);
    EXPECT_EQ(postcode->text(), QStringLiteral("LE13 1AB"));

    typeInto(postcode, QStringLiteral("le13 1ae"));
    EXPECT_EQ(repository().find(id)->household.postcode, QStringLiteral("LE13 1AE"));
    EXPECT_EQ(postcode->text(), QStringLiteral("LE13 1AE"));
    EXPECT_EQ(window->undoStack()->count(), 1);
    const int row = window->tableModel()->rowOf(id);
    EXPECT_EQ(window->tableModel()->index(row, HouseholdTableModel::Postcode).data().toString(),
              QStringLiteral("LE13 1AE"));

    // The field has nothing of its own to undo, so Ctrl+Z undoes the saved edit.
    QTest::keyClick(postcode, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(repository().find(id)->household.postcode, QStringLiteral("LE13 1AB"));
    EXPECT_EQ(postcode->text(), QStringLiteral("LE13 1AB"));
    EXPECT_EQ(window->tableModel()->index(row, HouseholdTableModel::Postcode).data().toString(),
              QStringLiteral("LE13 1AB"));
    EXPECT_EQ(auditCount(id, QStringLiteral("postcode")), 2);

    QTest::keyClick(postcode, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(repository().find(id)->household.postcode, QStringLiteral("LE13 1AE"));
    EXPECT_EQ(auditCount(id, QStringLiteral("postcode")), 3);

    // The History tab lists every change, newest first.
    auto *history = window->detailPanel()->findChild<HouseholdHistoryView *>();
    ASSERT_NE(history, nullptr);
    EXPECT_EQ(history->model()->rowCount(), 4); // created + three postcode changes
    EXPECT_EQ(history->model()->text(0, 2), QStringLiteral("Postcode"));
    EXPECT_EQ(history->model()->text(0, 4), QStringLiteral("LE13 1AE"));
}

TEST_F(MainWindowTest, AnInvalidPostcodeIsExplainedAtTheFieldAndNothingIsSaved)
{
    auto window = openWindow();
    const QUuid id = idOf(QStringLiteral("2 Thorpe Road"));
    window->selectHousehold(id);
    QLineEdit *postcode = lineEdit(*window, HouseholdField::Postcode);
    const int auditBefore = auditCount(id, QStringLiteral("postcode"));

    typeInto(postcode, QStringLiteral("NOT A POSTCODE"));
    const QString error = window->detailPanel()->errorAt(HouseholdField::Postcode);
    EXPECT_TRUE(error.contains(QStringLiteral("not a UK postcode"))) << qPrintable(error);
    auto *label = window->detailPanel()->findChild<QLabel *>(QStringLiteral("error_postcode"));
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->isVisible());
    EXPECT_EQ(postcode->text(), QStringLiteral("NOT A POSTCODE")); // the user's text stays
    EXPECT_EQ(repository().find(id)->household.postcode, QStringLiteral("LE13 1AB"));
    EXPECT_EQ(auditCount(id, QStringLiteral("postcode")), auditBefore);
    EXPECT_EQ(window->undoStack()->count(), 0);
    EXPECT_TRUE(window->bannerText().isEmpty());

    // Saving another field keeps the refused text and its message.
    typeInto(lineEdit(*window, HouseholdField::Town), QStringLiteral("Melton"));
    EXPECT_EQ(postcode->text(), QStringLiteral("NOT A POSTCODE"));
    EXPECT_FALSE(window->detailPanel()->errorAt(HouseholdField::Postcode).isEmpty());

    // Correcting it clears the message.
    typeInto(postcode, QStringLiteral("LE13 1AE"));
    EXPECT_TRUE(window->detailPanel()->errorAt(HouseholdField::Postcode).isEmpty());
    EXPECT_FALSE(label->isVisible());
    EXPECT_EQ(repository().find(id)->household.postcode, QStringLiteral("LE13 1AE"));
}

TEST_F(MainWindowTest, LatitudeAndLongitudeAreSavedTogether)
{
    auto window = openWindow();
    const QUuid id = idOf(QStringLiteral("3 Sandy Lane"));
    window->selectHousehold(id);
    typeInto(lineEdit(*window, HouseholdField::Latitude), QStringLiteral("52.766"));
    EXPECT_FALSE(window->detailPanel()->errorAt(HouseholdField::Latitude).isEmpty()
                 && window->detailPanel()->errorAt(HouseholdField::Longitude).isEmpty());
    EXPECT_FALSE(repository().find(id)->household.latitude.has_value());

    typeInto(lineEdit(*window, HouseholdField::Longitude), QStringLiteral("-0.887"));
    EXPECT_TRUE(window->detailPanel()->errorAt(HouseholdField::Latitude).isEmpty());
    EXPECT_TRUE(window->detailPanel()->errorAt(HouseholdField::Longitude).isEmpty());
    const Household saved = repository().find(id)->household;
    EXPECT_DOUBLE_EQ(saved.latitude.value_or(0), 52.766);
    EXPECT_DOUBLE_EQ(saved.longitude.value_or(0), -0.887);
    EXPECT_EQ(window->undoStack()->count(), 1);
    window->undoStack()->undo();
    EXPECT_FALSE(repository().find(id)->household.latitude.has_value());
}

TEST_F(MainWindowTest, TheStatusBoxOffersOnlyAllowedSuccessors)
{
    auto window = openWindow();
    const QUuid id = idOf(QStringLiteral("12 Thorpe Road"));
    window->selectHousehold(id);
    auto *status
        = qobject_cast<QComboBox *>(window->detailPanel()->editorFor(HouseholdField::Status));
    ASSERT_NE(status, nullptr);
    // The moves DESIGN §3 allows (the funnel's literal table in tests/unit), by contract name.
    const auto offered = [status] {
        QStringList names;
        for (int i = 1; i < status->count(); ++i)
            names.append(status->itemData(i).toString());
        return names;
    };
    const auto names = [](std::initializer_list<const char *> list) {
        QStringList result;
        for (const char *name : list)
            result.append(QString::fromLatin1(name));
        return result;
    };
    EXPECT_EQ(status->itemData(0).toString(), QStringLiteral("identified"));
    EXPECT_EQ(offered(),
              names({"contacted", "unreachable", "not_eligible", "moved_away", "declined"}));

    status->setFocus();
    QTest::keyClick(status, Qt::Key_Down); // the first successor: Contacted
    EXPECT_EQ(repository().find(id)->household.status, HouseholdStatus::Contacted);
    EXPECT_EQ(status->itemData(0).toString(), QStringLiteral("contacted"));
    EXPECT_EQ(offered(),
              names({"surveyed", "declined", "not_eligible", "unreachable", "moved_away"}));
    EXPECT_EQ(window->undoStack()->undoText(), QStringLiteral("Change status to Contacted"));

    window->undoStack()->undo();
    EXPECT_EQ(repository().find(id)->household.status, HouseholdStatus::Identified);
    EXPECT_EQ(status->itemData(0).toString(), QStringLiteral("identified"));

    // Accepted → Scheduled needs a job: refused, explained beside the box, nothing saved.
    const QUuid accepted = idOf(QStringLiteral("45 Burton Street"));
    window->selectHousehold(accepted);
    EXPECT_EQ(offered(), names({"scheduled", "declined", "moved_away"}));
    status->setFocus();
    QTest::keyClick(status, Qt::Key_Down);
    EXPECT_EQ(repository().find(accepted)->household.status, HouseholdStatus::Accepted);
    EXPECT_FALSE(window->detailPanel()->errorAt(HouseholdField::Status).isEmpty());
    EXPECT_EQ(status->currentData().toString(), QStringLiteral("accepted"));
}

TEST_F(MainWindowTest, AnEditedRowRefreshesAndProgressFollows)
{
    auto window = openWindow();
    const QUuid id = idOf(QStringLiteral("3 Sandy Lane"));
    window->selectHousehold(id);
    typeInto(lineEdit(*window, HouseholdField::AddressLine1), QStringLiteral("5 Sandy Lane"));
    const int row = window->tableModel()->rowOf(id);
    EXPECT_EQ(window->tableModel()->index(row, HouseholdTableModel::Address).data().toString(),
              QStringLiteral("5 Sandy Lane"));
    EXPECT_EQ(window->tableModel()->rowCount(), 6);

    ProgressPanel *progress = window->progressPanel();
    QProgressBar *oadby = progress->areaBar(QStringLiteral("Oadby and Wigston"));
    ASSERT_NE(oadby, nullptr);
    EXPECT_EQ(oadby->value(), 1);
    EXPECT_EQ(oadby->maximum(), 2);
    EXPECT_EQ(progress->takeUpText(), QStringLiteral("67%"));
}

TEST_F(MainWindowTest, ExportWritesEveryHousehold)
{
    auto window = openWindow();
    QSignalSpy finished(window.get(), &MainWindow::exportFinished);
    const QString path = m_dir.filePath(QStringLiteral("out.csv"));
    window->exportTo(path);
    ASSERT_TRUE(waitFor([&] { return finished.count() == 1; }));
    EXPECT_TRUE(finished.first().at(0).toBool()) << qPrintable(finished.first().at(1).toString());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll().count('\n'), 7);
}

TEST_F(MainWindowTest, SettingsRestoreGeometrySplitterAndColumns)
{
    QList<int> chosen;
    {
        auto window = openWindow();
        window->resize(1000, 700);
        window->splitter()->setSizes({640, 360});
        chosen = window->splitter()->sizes(); // fitted to the room beside the sidebar
        window->tableView()->horizontalHeader()->resizeSection(HouseholdTableModel::Postcode, 123);
        window->tableView()->sortByColumn(HouseholdTableModel::Postcode, Qt::DescendingOrder);
        window->close();
    }
    auto window = openWindow();
    EXPECT_EQ(window->size(), QSize(1000, 700));
    EXPECT_EQ(window->tableView()->horizontalHeader()->sectionSize(HouseholdTableModel::Postcode),
              123);
    EXPECT_EQ(window->tableModel()->sortColumn(), int(HouseholdTableModel::Postcode));
    EXPECT_EQ(window->tableModel()->sortOrder(), Qt::DescendingOrder);
    const QList<int> sizes = window->splitter()->sizes();
    ASSERT_EQ(sizes.size(), 2);
    EXPECT_NEAR(sizes[0], chosen.value(0), 8);
}

TEST_F(MainWindowTest, CtrlIOpensTheImportWizard)
{
    auto window = openWindow();
    QTest::keyClick(window->tableView(), Qt::Key_I, Qt::ControlModifier);
    auto *wizard = window->findChild<ImportWizard *>();
    ASSERT_NE(wizard, nullptr);
    EXPECT_TRUE(QTest::qWaitForWindowExposed(wizard, kPatienceMs));
    wizard->reject();
}

class EmptyMainWindowTest : public UiTest { };

TEST_F(EmptyMainWindowTest, AnEmptyDatabaseSaysWhatToDoNext)
{
    MainWindow window(m_database, settings());
    window.show();
    EXPECT_TRUE(window.isShowingEmptyState());
    auto *message = window.findChild<QLabel *>(QStringLiteral("emptyStateMessage"));
    ASSERT_NE(message, nullptr);
    EXPECT_TRUE(message->isVisible());
    EXPECT_TRUE(message->text().startsWith(QStringLiteral("No households yet")));
    EXPECT_TRUE(message->text().contains(QStringLiteral("Ctrl+I")));
}

TEST_F(EmptyMainWindowTest, LoadDemoDataFillsTheRegisterOffTheGuiThread)
{
    MainWindow window(m_database, settings());
    window.show();
    auto *demo = window.findChild<QPushButton *>(QStringLiteral("loadDemoData"));
    ASSERT_NE(demo, nullptr);
    auto *progress = window.findChild<QProgressBar *>(QStringLiteral("demoFillProgress"));
    ASSERT_NE(progress, nullptr);
    EXPECT_FALSE(progress->isVisible());
    QTest::mouseClick(demo, Qt::LeftButton);
    // The click returns at once: the window stays empty, showing the fill's progress.
    EXPECT_TRUE(window.isShowingEmptyState());
    EXPECT_TRUE(progress->isVisible());
    EXPECT_EQ(progress->maximum(), 300);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isShowingEmptyState(), 240'000);
    EXPECT_EQ(window.bannerText(), QString());
    EXPECT_EQ(repository().count().value(), 300);
    EXPECT_EQ(window.tableModel()->rowCount(), 300);
    const Result<bool> demoMarked = DemoTransfer::isDemo(m_database);
    ASSERT_TRUE(demoMarked.ok());
    EXPECT_TRUE(demoMarked.value());
}

TEST_F(EmptyMainWindowTest, StartWithAnEmptyRegisterStopsTheDemoAndKeepsNothing)
{
    MainWindow window(m_database, settings());
    window.show();
    window.registerPage()->startDemoFill();
    auto *empty = window.findChild<QPushButton *>(QStringLiteral("startEmptyRegister"));
    ASSERT_NE(empty, nullptr);
    EXPECT_TRUE(empty->isVisible());
    auto *progress = window.findChild<QProgressBar *>(QStringLiteral("demoFillProgress"));
    ASSERT_NE(progress, nullptr);
    // Stopped once some households' stories are written, so the stop lands mid-fill.
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() >= 5, 240'000);
    QTest::mouseClick(empty, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!empty->isVisible(), 240'000);
    EXPECT_TRUE(window.isShowingEmptyState());
    EXPECT_EQ(window.bannerText(), QString());
    EXPECT_EQ(repository().count().value(), 0);
    const Result<bool> offered = DemoTransfer::shouldOfferDemo(m_database);
    ASSERT_TRUE(offered.ok());
    EXPECT_FALSE(offered.value()) << "the choice is remembered";
    auto *demo = window.findChild<QPushButton *>(QStringLiteral("loadDemoData"));
    ASSERT_NE(demo, nullptr);
    EXPECT_TRUE(demo->isVisible()) << "the demo can still be loaded by hand";
}

} // namespace saferhomes::test
