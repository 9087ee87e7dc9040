#include "common/touchbutton.h"
#include "schedule/boardpage.h"
#include "schedule/boardtray.h"
#include "schedule/boardtrayfilter.h"
#include "schedule/boardtraymodel.h"
#include "schedule/boardview.h"
#include "schedule/scheduletest.h"
#include "shell/mainwindow.h"
#include "shell/sidebar.h"
#include "store/auditlog.h"
#include "store/fitterrepository.h"
#include "store/jobrepository.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QImage>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <QUndoStack>

namespace saferhomes::test {

namespace {

class BoardTest : public ScheduleTest {
protected:
    /// Drags the tray's job of \a household onto \a point of the board, as Qt delivers a drop.
    void dropFromTray(BoardPage &page, int household, const QPoint &point)
    {
        BoardTray *tray = page.tray();
        const int sourceRow = tray->model()->rowOf(QUuid(jobOf(household)));
        ASSERT_GE(sourceRow, 0);
        std::unique_ptr<QMimeData> mime(tray->model()->mimeData({tray->model()->index(sourceRow)}));
        ASSERT_TRUE(mime);
        BoardView *view = page.view();
        QDragEnterEvent enter(point, Qt::MoveAction, mime.get(), Qt::LeftButton, {});
        QApplication::sendEvent(view, &enter);
        ASSERT_TRUE(enter.isAccepted());
        QDragMoveEvent move(point, Qt::MoveAction, mime.get(), Qt::LeftButton, {});
        QApplication::sendEvent(view, &move);
        ASSERT_TRUE(move.isAccepted());
        QDropEvent drop(QPointF(point), Qt::MoveAction, mime.get(), Qt::LeftButton, {});
        QApplication::sendEvent(view, &drop);
        EXPECT_TRUE(drop.isAccepted());
        settle();
    }
};

} // namespace

TEST_F(BoardTest, DragFromTrayOntoAFitterWritesTheBookingAndUndoTakesItBack)
{
    ModelTesterLog log;
    std::unique_ptr<BoardPage> page = openBoard();
    QAbstractItemModelTester trayTester(page->tray()->filter(),
                                        QAbstractItemModelTester::FailureReportingMode::Warning);
    ASSERT_EQ(page->tray()->model()->rowCount(), 3);
    const qint64 opsBefore = scalar(QStringLiteral("SELECT count(*) FROM outbox")).toLongLong();

    // Alice's Tuesday: nothing booked, so the job starts when her shift does.
    dropFromTray(*page, 1, page->view()->pointAt(0, kMonday.addDays(1)));
    EXPECT_EQ(row(1),
              QStringLiteral("Alice Archer|scheduled|2027-01-12T08:00:00.000Z|"
                             "2027-01-12T09:15:00.000Z|75|0"));
    EXPECT_EQ(householdStatus(1), QStringLiteral("scheduled"));
    EXPECT_EQ(jobAudits(jobOf(1), QStringLiteral("fitter_id")), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'job' AND "
                                    "kind = 'update' AND entity_id = '%1'")
                         .arg(jobOf(1)))
                  .toInt(),
              1);
    EXPECT_GT(scalar(QStringLiteral("SELECT count(*) FROM outbox")).toLongLong(), opsBefore);
    EXPECT_EQ(page->tray()->model()->rowCount(), 2);
    EXPECT_FALSE(page->view()->jobRect(QUuid(jobOf(1))).isEmpty());

    // A second drop the same day goes after the first job.
    dropFromTray(*page, 2, page->view()->pointAt(0, kMonday.addDays(1)));
    EXPECT_EQ(row(2),
              QStringLiteral("Alice Archer|scheduled|2027-01-12T09:15:00.000Z|"
                             "2027-01-12T10:30:00.000Z|75|0"));

    page->view()->setFocus();
    QTest::keyClick(page->view(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(row(2), QStringLiteral("-|unscheduled|-|-|75|0"));
    QTest::keyClick(page->view(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(row(1), QStringLiteral("-|unscheduled|-|-|75|0"));
    EXPECT_EQ(householdStatus(1), QStringLiteral("accepted"));
    EXPECT_EQ(page->tray()->model()->rowCount(), 3);
    EXPECT_TRUE(page->view()->jobRect(QUuid(jobOf(1))).isEmpty());

    QTest::keyClick(page->view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(row(1),
              QStringLiteral("Alice Archer|scheduled|2027-01-12T08:00:00.000Z|"
                             "2027-01-12T09:15:00.000Z|75|0"));
}

TEST_F(BoardTest, KeyboardAloneBooksMovesResizesPinsAndUnschedules)
{
    std::unique_ptr<BoardPage> page = openBoard();
    BoardView *view = page->view();
    QListView *list = page->tray()->listView();

    // 1 High St (locks, which both fitters have), found in the tray with the arrow keys and
    // booked at the cursor: Alice, Monday, from her shift's start.
    list->setFocus();
    const QUuid first(jobOf(1));
    for (int i = 0; i < 3 && page->tray()->currentJob() != first; ++i)
        QTest::keyClick(list, Qt::Key_Down);
    ASSERT_EQ(page->tray()->currentJob(), first);
    QTest::keyClick(list, Qt::Key_Return);
    const int household = 1;
    EXPECT_EQ(row(household),
              QStringLiteral("Alice Archer|scheduled|2027-01-11T08:00:00.000Z|"
                             "2027-01-11T09:15:00.000Z|75|0"));
    ASSERT_EQ(view->selectedJob(), first);

    view->setFocus();
    QTest::keyClick(view, Qt::Key_Right, Qt::ControlModifier); // a day later
    EXPECT_EQ(row(household),
              QStringLiteral("Alice Archer|scheduled|2027-01-12T08:00:00.000Z|"
                             "2027-01-12T09:15:00.000Z|75|0"));
    QTest::keyClick(view, Qt::Key_Down, Qt::ControlModifier); // the next fitter
    EXPECT_EQ(row(household),
              QStringLiteral("Bob Baker|scheduled|2027-01-12T08:00:00.000Z|"
                             "2027-01-12T09:15:00.000Z|75|0"));
    QTest::keyClick(view, Qt::Key_D); // the day by hour: Ctrl+Right is 15 minutes
    EXPECT_EQ(view->mode(), BoardView::Mode::Day);
    QTest::keyClick(view, Qt::Key_Right, Qt::ControlModifier);
    EXPECT_EQ(row(household),
              QStringLiteral("Bob Baker|scheduled|2027-01-12T08:15:00.000Z|"
                             "2027-01-12T09:30:00.000Z|75|0"));
    QTest::keyClick(view, Qt::Key_Right, Qt::ShiftModifier); // 15 minutes longer
    EXPECT_EQ(row(household),
              QStringLiteral("Bob Baker|scheduled|2027-01-12T08:15:00.000Z|"
                             "2027-01-12T09:45:00.000Z|90|0"));
    QTest::keyClick(view, Qt::Key_P);
    EXPECT_EQ(row(household),
              QStringLiteral("Bob Baker|scheduled|2027-01-12T08:15:00.000Z|"
                             "2027-01-12T09:45:00.000Z|90|1"));
    QTest::keyClick(view, Qt::Key_Delete);
    EXPECT_EQ(row(household), QStringLiteral("-|unscheduled|-|-|90|0"));
    EXPECT_EQ(page->undoStack()->count(), 7);

    // Undo walks every step back, to the tray.
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(row(household),
              QStringLiteral("Bob Baker|scheduled|2027-01-12T08:15:00.000Z|"
                             "2027-01-12T09:45:00.000Z|90|1"));
    for (int i = 0; i < 6; ++i)
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(row(household), QStringLiteral("-|unscheduled|-|-|75|0"));
    EXPECT_EQ(householdStatus(household), QStringLiteral("accepted"));
}

TEST_F(BoardTest, ADoubleBookingCarriesAMarkUntilItIsMovedAway)
{
    book(1, m_alice, QTime(9, 0));
    book(2, m_alice, QTime(9, 30)); // overlaps 09:30–10:15
    std::unique_ptr<BoardPage> page = openBoard();
    BoardView *view = page->view();
    const QUuid one(jobOf(1));
    const QUuid two(jobOf(2));
    EXPECT_EQ(view->markTexts(one), QStringList {QStringLiteral("Double booking")});
    EXPECT_EQ(view->markTexts(two), QStringList {QStringLiteral("Double booking")});
    view->selectJob(two);
    EXPECT_TRUE(
        page->detailsText().contains(QStringLiteral("Breaks: Double booking (with 1 High St)")))
        << qPrintable(page->detailsText());

    // Moved to 10:15 (five quarter hours later) in the day view, it clashes no more.
    view->setMode(BoardView::Mode::Day);
    view->setFocus();
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(view, Qt::Key_Right, Qt::ControlModifier);
    EXPECT_EQ(row(2),
              QStringLiteral("Alice Archer|scheduled|2027-01-11T10:15:00.000Z|"
                             "2027-01-11T11:30:00.000Z|75|0"));
    EXPECT_TRUE(view->markTexts(one).isEmpty());
    EXPECT_TRUE(view->markTexts(two).isEmpty());

    // Dragged back onto 09:30 with the mouse, the mark is back.
    const QRect box = view->jobRect(two);
    ASSERT_FALSE(box.isEmpty());
    const QPoint grab = box.center();
    const QPoint target = grab
        + QPoint(view->pointAt(0, kMonday, QTime(9, 30)).x()
                     - view->pointAt(0, kMonday, QTime(10, 15)).x(),
                 0);
    QTest::mousePress(view, Qt::LeftButton, {}, grab);
    QTest::mouseMove(view, grab + QPoint(-20, 0));
    QTest::mouseMove(view, target);
    QTest::mouseRelease(view, Qt::LeftButton, {}, target);
    EXPECT_EQ(row(2),
              QStringLiteral("Alice Archer|scheduled|2027-01-11T09:30:00.000Z|"
                             "2027-01-11T10:45:00.000Z|75|0"));
    EXPECT_EQ(view->markTexts(two), QStringList {QStringLiteral("Double booking")});
}

TEST_F(BoardTest, AFitterWithoutTheSkillTakesTheJobOnlyAsAConfirmedException)
{
    std::unique_ptr<BoardPage> page = openBoard();
    const QUuid alarm(jobOf(3));

    // Declined: nothing changes.
    dropFromTray(*page, 3, page->view()->pointAt(1, kMonday));
    ASSERT_TRUE(waitFor([&] { return page->skillExceptionBox() != nullptr; }));
    EXPECT_TRUE(page->skillExceptionBox()->text().contains(QStringLiteral("alarms")));
    EXPECT_EQ(row(3), QStringLiteral("-|unscheduled|-|-|75|0"));
    page->skillExceptionBox()->button(QMessageBox::Cancel)->click();
    ASSERT_TRUE(waitFor([&] { return page->skillExceptionBox() == nullptr; }));
    EXPECT_EQ(row(3), QStringLiteral("-|unscheduled|-|-|75|0"));
    EXPECT_EQ(page->undoStack()->count(), 0);

    // Confirmed: booked, audited as an exception, and marked.
    dropFromTray(*page, 3, page->view()->pointAt(1, kMonday));
    ASSERT_TRUE(waitFor([&] { return page->skillExceptionBox() != nullptr; }));
    auto *confirm
        = page->skillExceptionBox()->findChild<QPushButton *>(QStringLiteral("confirmException"));
    ASSERT_TRUE(confirm);
    confirm->click();
    ASSERT_TRUE(waitFor([&] { return page->skillExceptionBox() == nullptr; }));
    EXPECT_EQ(row(3),
              QStringLiteral("Bob Baker|scheduled|2027-01-11T08:00:00.000Z|"
                             "2027-01-11T09:15:00.000Z|75|0"));
    EXPECT_EQ(jobAudits(jobOf(3), QStringLiteral("skill_exception")), 1);
    EXPECT_EQ(page->view()->markTexts(alarm), QStringList {QStringLiteral("Missing skill")});

    // A job Bob can do goes to him without a question.
    dropFromTray(*page, 1, page->view()->pointAt(1, kMonday.addDays(2)));
    EXPECT_EQ(page->skillExceptionBox(), nullptr);
    EXPECT_EQ(row(1),
              QStringLiteral("Bob Baker|scheduled|2027-01-13T08:00:00.000Z|"
                             "2027-01-13T09:15:00.000Z|75|0"));
}

// Renders the board's week and day views to PNGs (kept in SAFERHOMES_SHOTS_DIR when set).
TEST_F(BoardTest, RendersTheWeekAndTheDay)
{
    book(1, m_alice, QTime(9, 0));
    book(2, m_alice, QTime(9, 30));
    book(3, m_bob, QTime(13, 0));
    addPackage(4, "LOCK", 1);
    JobRepository jobs(m_database, QStringLiteral("tester"));
    ASSERT_TRUE(jobs.createForAgreedPackages({})); // left in the tray
    std::unique_ptr<BoardPage> page = openBoard();
    QTemporaryDir scratch;
    QString folder = qEnvironmentVariable("SAFERHOMES_SHOTS_DIR");
    if (folder.isEmpty())
        folder = scratch.path();
    ASSERT_TRUE(QDir().mkpath(folder));
    const auto shoot = [&](const QString &name) {
        settle();
        const QString file = QDir(folder).filePath(name + QStringLiteral(".png"));
        EXPECT_TRUE(page->grab().save(file));
        EXPECT_EQ(QImage(file).size(), page->size() * page->devicePixelRatio());
    };
    page->view()->selectJob(QUuid(jobOf(2)));
    shoot(QStringLiteral("board-week"));
    page->view()->setMode(BoardView::Mode::Day);
    shoot(QStringLiteral("board-day"));
}

TEST_F(BoardTest, TheMainWindowOpensTheBoardFromTheSidebarAndWithCtrlB)
{
    book(1, m_alice, QTime(9, 0));
    auto window = std::make_unique<MainWindow>(m_database, settings());
    window->show();
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get(), kPatienceMs));
    EXPECT_FALSE(window->boardPage()->isVisible());
    QTest::keyClick(window.get(), Qt::Key_B, Qt::ControlModifier);
    ASSERT_TRUE(window->boardPage()->isVisible());
    EXPECT_EQ(window->sidebar()->currentIndex(), 2);
    EXPECT_EQ(window->boardPage()->tray()->model()->rowCount(), 2);

    QTest::mouseClick(window->sidebar()->button(0), Qt::LeftButton);
    EXPECT_FALSE(window->boardPage()->isVisible());
    QTest::mouseClick(window->sidebar()->button(2), Qt::LeftButton);
    EXPECT_TRUE(window->boardPage()->isVisible());
    EXPECT_EQ(window->windowTitle(), QStringLiteral("SaferHomes \u2014 Schedule"));
}

TEST_F(BoardTest, TheMouseResizesAJobByItsRightEdgeInTheDayView)
{
    book(1, m_alice, QTime(9, 0));
    std::unique_ptr<BoardPage> page = openBoard();
    BoardView *view = page->view();
    view->setMode(BoardView::Mode::Day);
    settle();
    const QRect box = view->jobRect(QUuid(jobOf(1)));
    ASSERT_FALSE(box.isEmpty());
    const QPoint edge(box.right() - 2, box.center().y());
    const QPoint target(view->pointAt(0, kMonday, QTime(10, 45)).x(), edge.y());
    QTest::mousePress(view, Qt::LeftButton, {}, edge);
    QTest::mouseMove(view, target);
    QTest::mouseRelease(view, Qt::LeftButton, {}, target);
    EXPECT_EQ(row(1),
              QStringLiteral("Alice Archer|scheduled|2027-01-11T09:00:00.000Z|"
                             "2027-01-11T10:45:00.000Z|105|0"));
    page->undoStack()->undo();
    EXPECT_EQ(row(1),
              QStringLiteral("Alice Archer|scheduled|2027-01-11T09:00:00.000Z|"
                             "2027-01-11T10:15:00.000Z|75|0"));
}

} // namespace saferhomes::test
