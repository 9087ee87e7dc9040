// A package agreed again at the door after its job was booked (issue 12): the booked job keeps
// its fitter and start and takes the new items, length, availability and access notes; the
// package step says so, and the schedule board marks the rule the new availability breaks.

#include "common/touchbutton.h"
#include "doorstep/availabilityeditor.h"
#include "doorstep/doorsteptest.h"
#include "doorstep/packagepanel.h"
#include "doorstep/packagetablemodel.h"
#include "service/scheduleservice.h"
#include "store/fitterrepository.h"
#include "store/jobrepository.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QListWidget>
#include <QTableView>
#include <QTimeEdit>
#include <QTimeZone>

namespace saferhomes::test {

TEST_F(DoorstepTest, APackageAgreedAgainAfterBookingChangesTheBookedJob)
{
    const QUuid id = idOf(QStringLiteral("2 Thorpe Road"));
    giveConsent(id, {ConsentPurpose::SurveyFitting});
    std::unique_ptr<MainWindow> window = openDoorstep(id);
    completeSurvey(*window->doorstepPage());
    PackagePanel *package = window->doorstepPage()->packagePanel();
    // Weekday mornings.
    AvailabilityEditor *availability = package->availabilityEditor();
    for (int day = 1; day <= 5; ++day)
        availability->windowDay(day)->setChecked(true);
    availability->fromEdit()->setTime(QTime(9, 0));
    availability->toEdit()->setTime(QTime(12, 0));
    availability->addWindowButton()->click();
    package->agreeButton()->click();
    ASSERT_TRUE(package->errorText().isEmpty()) << qPrintable(package->errorText());
    EXPECT_TRUE(package->statusText().contains(QStringLiteral("waits to be scheduled")))
        << qPrintable(package->statusText());
    window.reset();

    // Booked on Alice on Tuesday 8 December 2026 at 09:30 for the job's length.
    FitterRepository fitters(m_database, QStringLiteral("tester"));
    Fitter alice;
    alice.name = QStringLiteral("Alice Archer");
    alice.skills = fitterSkillNames();
    const Result<Fitter> added = fitters.add(alice);
    ASSERT_TRUE(added) << qPrintable(added.errorString());
    JobRepository jobs(m_database, QStringLiteral("tester"));
    const Result<QList<Job>> all = jobs.jobs({});
    ASSERT_TRUE(all) << qPrintable(all.errorString());
    ASSERT_EQ(all->size(), 1);
    const Job before = all->first();
    const int itemsBefore = int(before.items.size());
    ASSERT_GE(itemsBefore, 2);
    const QDateTime start(QDate(2026, 12, 8), QTime(9, 30), QTimeZone("Europe/London"));
    ASSERT_TRUE(jobs.bookJob(before.id, added->id, start, before.durationMinutes));

    // At the door again: one item fewer, and the householder is in on Mondays only now.
    window = openDoorstep(id);
    window->doorstepPage()->stepButton(DoorstepPage::Step::Package)->click();
    package = window->doorstepPage()->packagePanel();
    ASSERT_TRUE(package->errorText().isEmpty()) << qPrintable(package->errorText());
    package->tableView()->setCurrentIndex(package->model()->index(0, 0));
    package->removeButton()->click();
    availability = package->availabilityEditor();
    availability->windowList()->setCurrentRow(0);
    availability->removeWindowButton()->click();
    availability->windowDay(1)->setChecked(true);
    availability->fromEdit()->setTime(QTime(13, 0));
    availability->toEdit()->setTime(QTime(15, 0));
    availability->addWindowButton()->click();
    availability->accessNotesEdit()->setText(QStringLiteral("Ring twice"));
    package->agreeButton()->click();
    ASSERT_TRUE(package->errorText().isEmpty()) << qPrintable(package->errorText());
    EXPECT_TRUE(package->statusText().contains(QStringLiteral("The booked job takes the new")))
        << qPrintable(package->statusText());

    const Result<Job> after = jobs.job(before.id);
    ASSERT_TRUE(after) << qPrintable(after.errorString());
    EXPECT_EQ(after->status, JobStatus::Scheduled);
    EXPECT_EQ(after->fitterId, added->id);
    EXPECT_EQ(after->start, start);
    EXPECT_EQ(after->items.size(), itemsBefore - 1);
    EXPECT_LT(after->durationMinutes, before.durationMinutes);
    EXPECT_EQ(after->start.secsTo(after->end), 60LL * after->durationMinutes);
    EXPECT_EQ(after->sequence, before.sequence + 2); // booked, then its end moved
    EXPECT_EQ(after->accessNotes, QStringLiteral("Ring twice"));
    ASSERT_EQ(after->availability.windows.size(), 1);
    EXPECT_EQ(after->availability.windows.first().weekdays, QList<int> {1});

    // The board's mark: a Tuesday visit for a householder in on Mondays.
    ScheduleService service(jobs, fitters);
    const Result<ScheduleSnapshot> snapshot = service.snapshot();
    ASSERT_TRUE(snapshot) << qPrintable(snapshot.errorString());
    QStringList rules;
    for (const JobRuleBreak &broken : ScheduleService::ruleBreaks(*snapshot).value(before.id))
        rules.append(scheduleRuleName(broken.rule));
    EXPECT_EQ(rules, QStringList {QStringLiteral("window_missed")});
}

} // namespace saferhomes::test
