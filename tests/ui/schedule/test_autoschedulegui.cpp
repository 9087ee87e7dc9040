#include "schedule/autoschedulecommand.h"
#include "schedule/autoscheduledialog.h"
#include "schedule/boardpage.h"
#include "schedule/boardtray.h"
#include "schedule/boardtraymodel.h"
#include "schedule/boardview.h"
#include "schedule/scheduletest.h"
#include "store/auditlog.h"
#include "store/fitterrepository.h"
#include "store/jobrepository.h"

#include <QCheckBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QImage>
#include <QProgressBar>
#include <QPushButton>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTreeWidget>
#include <QUndoStack>

namespace saferhomes::test {

namespace {

class AutoScheduleGuiTest : public ScheduleTest {
protected:
    AutoScheduleGuiTest() { m_fittersInMelton = true; }

    /// Every job's row (see row()), for "nothing changed" checks.
    QStringList allRows(int households) const
    {
        QStringList rows;
        for (int n = 1; n <= households; ++n)
            rows << row(n);
        return rows;
    }

    qint64 count(const QString &sql) const { return scalar(sql).toLongLong(); }
};

QString shotsFolder(QTemporaryDir &scratch)
{
    QString folder = qEnvironmentVariable("SAFERHOMES_SHOTS_DIR");
    if (folder.isEmpty())
        folder = scratch.path();
    QDir().mkpath(folder);
    return folder;
}

} // namespace

TEST_F(AutoScheduleGuiTest, PlansTheWeekAppliesItAsOneUndoStepAndUndoPutsEveryJobBack)
{
    // Three addresses a few kilometres apart and both fitters starting from Melton, so the
    // plan has travel to report.
    run(QStringLiteral("UPDATE household SET latitude = 52.766 + 0.02 * CAST(substr(id, -3) "
                       "AS INTEGER)"));
    std::unique_ptr<BoardPage> page = openBoard();
    const QStringList before = allRows(3);
    ASSERT_EQ(before.filter(QStringLiteral("|unscheduled|")).size(), 3);
    const qint64 sequencesBefore = count(QStringLiteral("SELECT sum(sequence) FROM job"));

    // The keyboard reaches it: Ctrl+Shift+A on the board.
    page->view()->setFocus();
    QTest::keyClick(page->view(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    settle();
    AutoScheduleDialog *dialog = page->autoScheduleDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_EQ(dialog->stage(), AutoScheduleDialog::Stage::Scope);
    const AutoScheduleRequest request = dialog->request();
    EXPECT_EQ(request.scope, AutoScheduleScope::Horizon);
    EXPECT_EQ(request.from, kMonday);
    EXPECT_EQ(request.days, 5);
    EXPECT_EQ(request.timeLimit, 5.0) << "the default search time";
    // The search time is chosen in the dialog, from the keyboard (Alt+S is its label's key).
    auto *timeLimit = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("autoScheduleTimeLimit"));
    ASSERT_NE(timeLimit, nullptr);
    QTest::keyClick(dialog, Qt::Key_S, Qt::AltModifier);
    ASSERT_TRUE(timeLimit->hasFocus());
    QTest::keyClick(timeLimit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(timeLimit, QStringLiteral("0.5"));
    EXPECT_EQ(dialog->request().timeLimit, 0.5);
    dialog->findChild<QPushButton *>(QStringLiteral("autoSchedulePlan"))->click();
    ASSERT_TRUE(waitFor([&] { return dialog->stage() == AutoScheduleDialog::Stage::Preview; }));
    // Planning alone changes nothing.
    EXPECT_EQ(allRows(3), before);

    EXPECT_EQ(dialog->plan().placed, 3);
    EXPECT_EQ(dialog->plan().moved, 0);
    EXPECT_TRUE(dialog->plan().unscheduled.isEmpty());
    EXPECT_TRUE(dialog->summaryText().startsWith(QStringLiteral("3 jobs placed, 0 moved, 0 left")))
        << qPrintable(dialog->summaryText());
    EXPECT_TRUE(dialog->summaryText().contains(QStringLiteral("Travel: 0.0 minutes before")))
        << qPrintable(dialog->summaryText());
    EXPECT_EQ(dialog->plan().travelMinutesBefore, 0.0); // nothing was booked
    EXPECT_GT(dialog->plan().travelMinutesAfter, 0.0);
    auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("autoScheduleChanges"));
    ASSERT_EQ(list->topLevelItemCount(), 3);
    QStringList jobsShown;
    for (int i = 0; i < 3; ++i) {
        jobsShown << list->topLevelItem(i)->text(0);
        EXPECT_EQ(list->topLevelItem(i)->text(1), QStringLiteral("Placed"));
    }
    jobsShown.sort();
    EXPECT_EQ(
        jobsShown,
        (QStringList {QStringLiteral("1 High St, LE13 1AB"), QStringLiteral("2 High St, LE13 1AB"),
                      QStringLiteral("3 High St, LE13 1AB")}));

    QTemporaryDir scratch;
    const QString file
        = QDir(shotsFolder(scratch)).filePath(QStringLiteral("autoschedule-preview.png"));
    settle();
    EXPECT_TRUE(dialog->grab().save(file));
    EXPECT_GT(distinctColours(QImage(file)), 8);

    dialog->findChild<QPushButton *>(QStringLiteral("autoScheduleApply"))->click();
    settle();
    ASSERT_EQ(page->undoStack()->count(), 1);
    EXPECT_EQ(page->undoStack()->index(), 1);

    // Every job is booked that week, within the 08:00-16:30 shift (London is UTC in
    // January), and the alarm job went to the only fitter with the skill.
    for (int n = 1; n <= 3; ++n) {
        const QStringList fields = row(n).split(u'|');
        ASSERT_EQ(fields.size(), 6) << qPrintable(row(n));
        EXPECT_EQ(fields[1], QStringLiteral("scheduled")) << qPrintable(row(n));
        const QDateTime start = QDateTime::fromString(fields[2], Qt::ISODate);
        const QDateTime end = QDateTime::fromString(fields[3], Qt::ISODate);
        ASSERT_TRUE(start.isValid()) << qPrintable(fields[2]);
        const QDateTime utcStart = start.toUTC();
        EXPECT_GE(utcStart.date(), kMonday);
        EXPECT_LE(utcStart.date(), kMonday.addDays(4));
        EXPECT_GE(utcStart.time(), QTime(8, 0));
        EXPECT_LE(end.toUTC().time(), QTime(16, 30));
        EXPECT_EQ(start.secsTo(end), 75 * 60);
        EXPECT_EQ(householdStatus(n), QStringLiteral("scheduled"));
    }
    EXPECT_TRUE(row(3).startsWith(QStringLiteral("Alice Archer|")));
    EXPECT_EQ(jobAudits(jobOf(1), QStringLiteral("booking")), 1);

    // One undo step puts every job back.
    page->undoStack()->undo();
    settle();
    EXPECT_EQ(allRows(3), before);
    for (int n = 1; n <= 3; ++n)
        EXPECT_EQ(householdStatus(n), QStringLiteral("accepted"));
    EXPECT_EQ(page->tray()->model()->rowCount(), 3);
    // Unbooking raised each booked job's sequence once (the iCalendar SEQUENCE).
    EXPECT_EQ(count(QStringLiteral("SELECT sum(sequence) FROM job")), sequencesBefore + 3);

    // And redo books them again.
    page->undoStack()->redo();
    settle();
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM job WHERE status = 'scheduled'")), 3);
    EXPECT_TRUE(page->bannerText().isEmpty()) << qPrintable(page->bannerText());
}

TEST_F(AutoScheduleGuiTest, ARunCancelledHalfWayChangesNothing)
{
    for (int n = 4; n <= 40; ++n)
        addPackage(n, "LOCK", 1 + n % 3);
    JobRepository jobs(m_database, QStringLiteral("tester"));
    ASSERT_TRUE(jobs.createForAgreedPackages({}));
    book(1, m_bob, QTime(9, 0));
    std::unique_ptr<BoardPage> page = openBoard();
    const QStringList before = allRows(40);
    const qint64 outboxBefore = count(QStringLiteral("SELECT count(*) FROM outbox"));

    page->findChild<QPushButton *>(QStringLiteral("boardAutoSchedule"))->click();
    settle();
    AutoScheduleDialog *dialog = page->autoScheduleDialog();
    ASSERT_NE(dialog, nullptr);
    dialog->setTimeLimit(60);
    dialog->findChild<QCheckBox *>(QStringLiteral("scopeReplan"))->setChecked(true);
    dialog->startPlanning();
    ASSERT_EQ(dialog->stage(), AutoScheduleDialog::Stage::Running);
    auto *progress = dialog->findChild<QProgressBar *>(QStringLiteral("autoScheduleProgress"));
    ASSERT_TRUE(waitFor([&] {
        return progress->value() > 0 || dialog->stage() != AutoScheduleDialog::Stage::Running;
    }));
    ASSERT_EQ(dialog->stage(), AutoScheduleDialog::Stage::Running);
    dialog->findChild<QPushButton *>(QStringLiteral("autoScheduleCancel"))->click();
    ASSERT_TRUE(waitFor([&] { return dialog->stage() != AutoScheduleDialog::Stage::Running; }));
    EXPECT_EQ(dialog->stage(), AutoScheduleDialog::Stage::Scope);
    EXPECT_EQ(dialog->noteText(), QStringLiteral("Cancelled: nothing was changed."));
    EXPECT_EQ(allRows(40), before);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox")), outboxBefore);
    EXPECT_EQ(page->undoStack()->count(), 0);
}

TEST_F(AutoScheduleGuiTest, OffersTheCursorsFitterDayAndTheTraysJob)
{
    std::unique_ptr<BoardPage> page = openBoard();
    page->tray()->selectJob(QUuid(jobOf(3)));
    page->view()->setCursorRow(0);
    AutoScheduleDialog *dialog = page->openAutoSchedule();
    ASSERT_NE(dialog, nullptr);
    dialog->setScope(AutoScheduleScope::FitJobIn);
    AutoScheduleRequest request = dialog->request();
    EXPECT_EQ(request.scope, AutoScheduleScope::FitJobIn);
    EXPECT_EQ(request.jobId, QUuid(jobOf(3)));
    dialog->setScope(AutoScheduleScope::FitterDay);
    request = dialog->request();
    EXPECT_EQ(request.scope, AutoScheduleScope::FitterDay);
    EXPECT_EQ(request.fitterId, page->view()->fitterAt(0));
    EXPECT_FALSE(request.fitterId.isNull());
    EXPECT_EQ(request.days, 1);

    // Fitting the alarm job in: only Alice can.
    dialog->setScope(AutoScheduleScope::FitJobIn);
    dialog->setTimeLimit(0.5);
    dialog->startPlanning();
    ASSERT_TRUE(waitFor([&] { return dialog->stage() == AutoScheduleDialog::Stage::Preview; }));
    ASSERT_EQ(dialog->plan().changes.size(), 1);
    EXPECT_EQ(dialog->plan().changes[0].fitterId, QUuid(m_alice));
    dialog->findChild<QPushButton *>(QStringLiteral("autoScheduleDiscard"))->click();
    settle();
    EXPECT_EQ(row(3).section(u'|', 1, 1), QStringLiteral("unscheduled"));
    EXPECT_EQ(page->undoStack()->count(), 0);
}

// A job no fitter has the skill for is left unscheduled with that reason; the scope and the
// preview are rendered to PNGs (kept in SAFERHOMES_SHOTS_DIR when set); Esc while planning
// cancels the run instead of closing the dialog.
TEST_F(AutoScheduleGuiTest, ShowsTheReasonAJobIsLeftUnscheduled)
{
    run(QStringLiteral("INSERT INTO equipment_type (code, name, unit_cost_pence, fit_minutes, "
                       "skill) VALUES ('GAS', 'Gas detector', 100, 30, 'electrical')"));
    addPackage(4, "GAS", 1);
    JobRepository jobs(m_database, QStringLiteral("tester"));
    ASSERT_TRUE(jobs.createForAgreedPackages({}));
    book(1, m_bob, QTime(9, 0));
    std::unique_ptr<BoardPage> page = openBoard();
    AutoScheduleDialog *dialog = page->openAutoSchedule();
    ASSERT_NE(dialog, nullptr);
    QTemporaryDir scratch;
    const QString folder = shotsFolder(scratch);
    settle();
    EXPECT_TRUE(
        dialog->grab().save(QDir(folder).filePath(QStringLiteral("autoschedule-scope.png"))));
    dialog->findChild<QCheckBox *>(QStringLiteral("scopeReplan"))->setChecked(true);

    dialog->setTimeLimit(60);
    dialog->startPlanning();
    QTest::keyClick(dialog, Qt::Key_Escape);
    ASSERT_TRUE(waitFor([&] { return dialog->stage() != AutoScheduleDialog::Stage::Running; }));
    EXPECT_EQ(dialog->stage(), AutoScheduleDialog::Stage::Scope);
    EXPECT_TRUE(dialog->isVisible());

    dialog->setTimeLimit(0.5);
    dialog->startPlanning();
    ASSERT_TRUE(waitFor([&] { return dialog->stage() == AutoScheduleDialog::Stage::Preview; }));
    ASSERT_EQ(dialog->plan().unscheduled.size(), 1);
    EXPECT_EQ(dialog->plan().unscheduled[0].jobId, QUuid(jobOf(4)));
    EXPECT_EQ(dialog->plan().unscheduled[0].reason, QStringLiteral("skill"));
    auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("autoScheduleChanges"));
    QTreeWidgetItem *last = list->topLevelItem(list->topLevelItemCount() - 1);
    ASSERT_NE(last, nullptr);
    EXPECT_EQ(last->text(0), QStringLiteral("4 High St, LE13 1AB"));
    EXPECT_EQ(last->text(1), QStringLiteral("Left unscheduled"));
    EXPECT_EQ(last->text(2), QStringLiteral("no fitter has the skill it needs"));
    settle();
    EXPECT_TRUE(
        dialog->grab().save(QDir(folder).filePath(QStringLiteral("autoschedule-reasons.png"))));
}

// A job changed between planning and Apply (here, booked by hand): nothing is applied, the
// board says why, and no undo step is left behind.
TEST_F(AutoScheduleGuiTest, APlanAppliedAfterAJobChangedAppliesNothing)
{
    std::unique_ptr<BoardPage> page = openBoard();
    AutoScheduleDialog *dialog = page->openAutoSchedule();
    ASSERT_NE(dialog, nullptr);
    dialog->setTimeLimit(0.5);
    dialog->startPlanning();
    QTemporaryDir scratch;
    const QString folder = shotsFolder(scratch);
    settle();
    EXPECT_TRUE(
        dialog->grab().save(QDir(folder).filePath(QStringLiteral("autoschedule-running.png"))));
    ASSERT_TRUE(waitFor([&] { return dialog->stage() == AutoScheduleDialog::Stage::Preview; }));
    ASSERT_EQ(dialog->plan().placed, 3);
    book(1, m_bob, QTime(14, 0));
    const QStringList before = allRows(3);
    dialog->findChild<QPushButton *>(QStringLiteral("autoScheduleApply"))->click();
    settle();
    EXPECT_EQ(allRows(3), before);
    EXPECT_TRUE(row(1).startsWith(QStringLiteral("Bob Baker|scheduled|")));
    EXPECT_EQ(page->undoStack()->count(), 0);
    EXPECT_TRUE(
        page->bannerText().contains(QStringLiteral("changed after the schedule was planned")))
        << qPrintable(page->bannerText());
}

TEST_F(AutoScheduleGuiTest, UndoingARunPutsATentativeBookingBackAsTentative)
{
    // Job 1 was pencilled in (tentative) with Bob on Monday at 09:00; a run moved it to Alice at
    // 13:00 and confirmed it. Undo must bring back the pencilled booking, not a confirmed one.
    book(1, m_bob, QTime(9, 0));
    run(QStringLiteral("UPDATE job SET status = 'tentative' WHERE id = '%1'").arg(jobOf(1)));
    ASSERT_TRUE(row(1).startsWith(QStringLiteral("Bob Baker|tentative|"))) << qPrintable(row(1));
    const QString before = row(1);
    JobRepository jobs(m_database, QStringLiteral("tester"));
    const Result<QList<Job>> jobsBefore = jobs.jobs(JobFilter {});
    ASSERT_TRUE(jobsBefore.ok()) << qPrintable(jobsBefore.errorString());
    const QTimeZone london("Europe/London");
    JobBooking move;
    move.jobId = QUuid(jobOf(1));
    move.fitterId = QUuid(m_alice);
    move.start = QDateTime(kMonday, QTime(13, 0), london);
    move.end = QDateTime(kMonday, QTime(14, 15), london);
    move.wasStatus = JobStatus::Tentative;
    move.wasFitterId = QUuid(m_bob);
    move.wasStart = QDateTime(kMonday, QTime(9, 0), london);
    QList<Status> answers;
    QUndoStack stack;
    stack.push(new AutoScheduleCommand(jobs, {move}, *jobsBefore, QStringLiteral("Auto-schedule"),
                                       [&](const Status &status) { answers.append(status); }));
    ASSERT_EQ(answers.size(), 1);
    ASSERT_TRUE(answers[0].ok()) << qPrintable(answers[0].errorString());
    EXPECT_TRUE(row(1).startsWith(QStringLiteral("Alice Archer|scheduled|"))) << qPrintable(row(1));

    stack.undo();
    ASSERT_EQ(answers.size(), 2);
    ASSERT_TRUE(answers[1].ok()) << qPrintable(answers[1].errorString());
    EXPECT_EQ(row(1), before);

    stack.redo();
    ASSERT_EQ(answers.size(), 3);
    ASSERT_TRUE(answers[2].ok()) << qPrintable(answers[2].errorString());
    EXPECT_TRUE(row(1).startsWith(QStringLiteral("Alice Archer|scheduled|"))) << qPrintable(row(1));
}

} // namespace saferhomes::test
