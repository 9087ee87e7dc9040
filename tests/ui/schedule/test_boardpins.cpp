// Pins on the schedule board (DESIGN §8, issue 12): a booked job pinned to its fitter, its day
// or its exact time and unpinned, with the keyboard and from the job's menu, each one undo step;
// the card shows which pin (a lettered badge), and so do its tooltip and the board's accessible
// description.

#include "schedule/boardpage.h"
#include "schedule/boardview.h"
#include "schedule/scheduletest.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QDir>
#include <QImage>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

namespace saferhomes::test {

namespace {

class BoardPinsTest : public ScheduleTest {
protected:
    /// pin_kind|pinned of a household's job, as stored.
    QString pin(int household) const
    {
        return scalar(QStringLiteral("SELECT pin_kind || '|' || pinned FROM job "
                                     "WHERE household_id = '%1'")
                          .arg(uuid(household)))
            .toString();
    }
};

} // namespace

TEST_F(BoardPinsTest, TheKeyboardPinsToFitterDayOrTimeAndUnpinsEachOneUndoStep)
{
    book(1, m_alice, QTime(9, 0));
    std::unique_ptr<BoardPage> page = openBoard();
    BoardView *view = page->view();
    const QUuid job(jobOf(1));
    view->selectJob(job);
    view->setFocus();
    EXPECT_EQ(pin(1), QStringLiteral("none|0"));

    QTest::keyClick(view, Qt::Key_F, Qt::ShiftModifier);
    EXPECT_EQ(pin(1), QStringLiteral("fitter|0"));
    EXPECT_TRUE(view->jobDescription(job).contains(
        QStringLiteral("Pinned to Alice Archer (any day or time)")))
        << qPrintable(view->jobDescription(job));
    EXPECT_EQ(view->accessibleDescription(), view->jobDescription(job));

    QTest::keyClick(view, Qt::Key_D, Qt::ShiftModifier);
    EXPECT_EQ(pin(1), QStringLiteral("day|0"));
    EXPECT_EQ(view->mode(), BoardView::Mode::Week); // Shift+D pins; D alone shows the day
    EXPECT_TRUE(view->accessibleDescription().contains(
        QStringLiteral("Pinned to Alice Archer on Mon 11 Jan (any time that day)")))
        << qPrintable(view->accessibleDescription());

    QTest::keyClick(view, Qt::Key_T, Qt::ShiftModifier);
    EXPECT_EQ(pin(1), QStringLiteral("time|1"));
    EXPECT_TRUE(view->accessibleDescription().contains(
        QStringLiteral("Pinned to Alice Archer at Mon 11 Jan 09:00 (exactly)")))
        << qPrintable(view->accessibleDescription());
    EXPECT_TRUE(page->detailsText().contains(QStringLiteral(", pinned to Alice Archer at")))
        << qPrintable(page->detailsText());

    QTest::keyClick(view, Qt::Key_U);
    EXPECT_EQ(pin(1), QStringLiteral("none|0"));
    EXPECT_FALSE(view->accessibleDescription().contains(QStringLiteral("Pinned")));
    QTest::keyClick(view, Qt::Key_P); // an exact-time pin...
    EXPECT_EQ(pin(1), QStringLiteral("time|1"));
    QTest::keyClick(view, Qt::Key_D, Qt::ShiftModifier); // ...turned into a day pin...
    EXPECT_EQ(pin(1), QStringLiteral("day|0"));
    QTest::keyClick(view, Qt::Key_D, Qt::ShiftModifier); // ...and the same again takes it off
    EXPECT_EQ(pin(1), QStringLiteral("none|0"));
    // The booking itself never moved.
    EXPECT_EQ(row(1),
              QStringLiteral("Alice Archer|scheduled|2027-01-11T09:00:00.000Z|"
                             "2027-01-11T10:15:00.000Z|75|0"));

    // Seven pin changes, seven undo steps: undone one by one, back to no pin.
    EXPECT_EQ(page->undoStack()->count(), 7);
    const QStringList before {QStringLiteral("day|0"),  QStringLiteral("time|1"),
                              QStringLiteral("none|0"), QStringLiteral("time|1"),
                              QStringLiteral("day|0"),  QStringLiteral("fitter|0"),
                              QStringLiteral("none|0")};
    for (const QString &expected : before) {
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        EXPECT_EQ(pin(1), expected);
    }
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(pin(1), QStringLiteral("fitter|0"));
    // Each change, undo and redo audited: seven, seven back, one again.
    EXPECT_EQ(jobAudits(jobOf(1), QStringLiteral("pin_kind")), 15);
}

TEST_F(BoardPinsTest, TheJobsMenuPinsToTheDayAndShowsThePin)
{
    book(1, m_alice, QTime(9, 0));
    std::unique_ptr<BoardPage> page = openBoard();
    BoardView *view = page->view();
    const QUuid job(jobOf(1));
    const QRect box = view->jobRect(job);
    ASSERT_FALSE(box.isEmpty());

    QStringList offered;
    QTimer::singleShot(0, view, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu) {
            ADD_FAILURE() << "no menu";
            return;
        }
        for (const QAction *action : menu->actions()) {
            if (!action->isSeparator())
                offered.append(action->text().section(u'\t', 0, 0));
        }
        if (auto *day = menu->findChild<QAction *>(QStringLiteral("pin_day")))
            day->trigger();
        menu->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, box.center(),
                            view->mapToGlobal(box.center()));
    QApplication::sendEvent(view, &event);
    settle();
    EXPECT_EQ(offered,
              (QStringList {QStringLiteral("Pin to this fitter (any day or time)"),
                            QStringLiteral("Pin to this day (any time that day)"),
                            QStringLiteral("Pin to this exact time"), QStringLiteral("Unpin"),
                            QStringLiteral("Unschedule")}));
    EXPECT_EQ(pin(1), QStringLiteral("day|0"));
    EXPECT_EQ(page->undoStack()->count(), 1);
    page->undoStack()->undo();
    EXPECT_EQ(pin(1), QStringLiteral("none|0"));
}

TEST_F(BoardPinsTest, RendersEachPinOnItsCard)
{
    book(1, m_alice, QTime(9, 0));
    book(2, m_alice, QTime(11, 0));
    book(3, m_alice, QTime(13, 0));
    JobRepository jobs(m_database, QStringLiteral("tester"));
    ASSERT_TRUE(jobs.setJobPin(QUuid(jobOf(1)), PinKind::Fitter));
    ASSERT_TRUE(jobs.setJobPin(QUuid(jobOf(2)), PinKind::Day));
    ASSERT_TRUE(jobs.setJobPin(QUuid(jobOf(3)), PinKind::Time));
    std::unique_ptr<BoardPage> page = openBoard();
    BoardView *view = page->view();
    EXPECT_EQ(BoardView::pinBadge(PinKind::Fitter), QStringLiteral("F"));
    EXPECT_EQ(BoardView::pinBadge(PinKind::Day), QStringLiteral("D"));
    EXPECT_EQ(BoardView::pinBadge(PinKind::Time), QStringLiteral("T"));
    EXPECT_EQ(BoardView::pinBadge(PinKind::None), QString());

    QTemporaryDir scratch;
    QString folder = qEnvironmentVariable("SAFERHOMES_SHOTS_DIR");
    if (folder.isEmpty())
        folder = scratch.path();
    ASSERT_TRUE(QDir().mkpath(folder));
    const auto shoot = [&](const QString &name) {
        settle();
        const QString file = QDir(folder).filePath(name + QStringLiteral(".png"));
        EXPECT_TRUE(page->grab().save(file));
        const QImage image(file);
        EXPECT_EQ(image.size(), page->size() * page->devicePixelRatio());
        // Each card carries its dark blue badge (#00497A) near its left edge.
        for (int household : {1, 2, 3}) {
            const QRect box = view->jobRect(QUuid(jobOf(household)));
            ASSERT_FALSE(box.isEmpty());
            const QPoint origin = view->mapTo(page.get(), box.topLeft());
            int badge = 0;
            for (int x = 0; x < std::min(40, box.width()); ++x) {
                for (int y = 0; y < box.height(); ++y) {
                    const QPoint at = (origin + QPoint(x, y)) * page->devicePixelRatio();
                    badge += image.pixelColor(at) == QColor(0x00, 0x49, 0x7A) ? 1 : 0;
                }
            }
            EXPECT_GT(badge, 20) << "household " << household;
        }
    };
    view->selectJob(QUuid(jobOf(2)));
    shoot(QStringLiteral("board-pins-week"));
    view->setMode(BoardView::Mode::Day);
    shoot(QStringLiteral("board-pins-day"));
}

} // namespace saferhomes::test
