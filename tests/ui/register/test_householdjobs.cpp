// The household page's Jobs tab (issue 12 item 7): the household's jobs newest first with
// their outcomes, and the agreed package with names, standards and costs from the catalogue.
#include "common/stringtablemodel.h"
#include "register/householddetailpanel.h"
#include "register/householdeditor.h"
#include "register/householdjobsview.h"
#include "uitest.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>

using namespace saferhomes;
using namespace saferhomes::test;
using namespace Qt::StringLiterals;

namespace {

const QString kHousehold = u"00000000-0000-4000-8000-000000000001"_s;
const QString kFitter = u"00000000-0000-4000-8000-000000000801"_s;
const QString kCompleted = u"00000000-0000-4000-8000-000000000501"_s;
const QString kNoAccess = u"00000000-0000-4000-8000-000000000502"_s;

class HouseholdJobsTest : public UiTest {
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        run(u"INSERT INTO equipment_type (code, name, standard, unit_cost_pence, fit_minutes, "
            "skill) VALUES ('LOCK', 'Five-lever mortice deadlock', 'BS 3621:2007', 3000, 30, "
            "'locks'), ('ALARM', 'Wireless intruder alarm', 'BS EN 50131', 9000, 60, "
            "'alarms')"_s);
        run(u"INSERT INTO fitter (id, name, skills) VALUES ('%1', 'Mo Rahman', 'locks;alarms')"_s
                .arg(kFitter));
        run(u"INSERT INTO household (id, address_line1, postcode, status, created_at, "
            "updated_at) VALUES ('%1', '3 Scalford Road', 'LE13 1AB', 'installed', 'x', 'x')"_s.arg(
                kHousehold));
        // The first visit found nobody in (Tuesday 1 December, GMT); the revisit on Wednesday
        // 9 December (GMT) was completed with one lock fewer than planned.
        run(u"INSERT INTO job (id, household_id, fitter_id, status, scheduled_start, "
            "scheduled_end, created_at, duration_minutes, notes) VALUES "
            "('%1', '%3', '%4', 'no_access', '2026-12-01T10:00:00.000Z', "
            "'2026-12-01T11:45:00.000Z', '2026-11-20T09:00:00.000Z', 105, 'Nobody in; card left'), "
            "('%2', '%3', '%4', 'completed', '2026-12-09T14:00:00.000Z', "
            "'2026-12-09T15:45:00.000Z', '2026-12-01T12:00:00.000Z', 105, '')"_s.arg(
                kNoAccess, kCompleted, kHousehold, kFitter));
        run(u"UPDATE job SET completed_at = '2026-12-09T15:30:00.000Z', "
            "signed_off_by = 'Ann Smith' WHERE id = '%1'"_s.arg(kCompleted));
        run(u"INSERT INTO job_item (id, job_id, equipment_code, qty, fitted_qty) VALUES "
            "('00000000-0000-4000-8000-000000000601', '%1', 'LOCK', 2, 0), "
            "('00000000-0000-4000-8000-000000000602', '%1', 'ALARM', 1, 0), "
            "('00000000-0000-4000-8000-000000000603', '%2', 'LOCK', 2, 1), "
            "('00000000-0000-4000-8000-000000000604', '%2', 'ALARM', 1, 1)"_s.arg(kNoAccess,
                                                                                  kCompleted));
    }

    void run(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(sql)) << qPrintable(query.lastError().text()) << "\n"
                                     << qPrintable(sql);
    }
};

} // namespace

TEST_F(HouseholdJobsTest, ShowsEachJobWithItsOutcomeAndThePackageWithItsCost)
{
    HouseholdRepository households = repository();
    HouseholdEditor editor(households);
    HouseholdDetailPanel panel(m_database, households, editor);
    panel.resize(1000, 700);
    panel.showHousehold(QUuid(kHousehold));
    QTabWidget *tabs = panel.tabs();
    tabs->setCurrentWidget(panel.jobsView());
    EXPECT_EQ(tabs->tabText(tabs->currentIndex()), u"&Jobs"_s);
    panel.show();
    settle();

    HouseholdJobsView *view = panel.jobsView();
    EXPECT_EQ(view->message(), QString());
    const StringTableModel *jobs = view->jobsModel();
    ASSERT_EQ(jobs->rowCount(), 2);
    // Newest first: the completed revisit, then the visit that found nobody in.
    EXPECT_EQ(jobs->text(0, 0), u"Completed"_s);
    EXPECT_EQ(jobs->text(0, 1), u"Mo Rahman"_s);
    EXPECT_EQ(jobs->text(0, 2), u"Wed 9 Dec 2026 14:00\u201315:45"_s);
    EXPECT_EQ(jobs->text(0, 4),
              u"Five-lever mortice deadlock: 2 planned, 1 fitted\n"
              "Wireless intruder alarm: 1 planned, 1 fitted"_s);
    EXPECT_EQ(jobs->text(0, 3), u"Completed 9 Dec 2026 15:30, signed off by Ann Smith"_s);
    EXPECT_EQ(jobs->text(1, 0), u"No access"_s);
    EXPECT_EQ(jobs->text(1, 2), u"Tue 1 Dec 2026 10:00\u201311:45"_s);
    EXPECT_EQ(jobs->text(1, 4),
              u"Five-lever mortice deadlock: 2 planned\nWireless intruder alarm: 1 planned"_s);
    EXPECT_EQ(jobs->text(1, 3), u"No access: Nobody in; card left"_s);

    const StringTableModel *package = view->packageModel();
    ASSERT_EQ(package->rowCount(), 2);
    EXPECT_EQ(package->text(0, 0), u"Five-lever mortice deadlock"_s);
    EXPECT_EQ(package->text(0, 1), u"BS 3621:2007"_s);
    EXPECT_EQ(package->text(0, 3), u"2"_s);
    EXPECT_EQ(package->text(0, 5), u"\u00a360.00"_s);
    EXPECT_EQ(package->text(1, 0), u"Wireless intruder alarm"_s);
    EXPECT_EQ(package->text(1, 1), u"BS EN 50131"_s);
    EXPECT_EQ(package->text(1, 5), u"\u00a390.00"_s);
    // 2 x £30.00 + 1 x £90.00.
    EXPECT_EQ(view->totalText(), u"Total: \u00a3150.00"_s);
    EXPECT_TRUE(shownTexts(&panel).contains(u"Total: \u00a3150.00"_s));

    const QString shots = qEnvironmentVariable("SAFERHOMES_SHOTS_DIR");
    if (!shots.isEmpty()) {
        EXPECT_TRUE(panel.grab().save(QDir(shots).filePath(u"householdjobs.png"_s)));
    }
}

TEST_F(HouseholdJobsTest, AFailedReadShowsAMessageNotAnEmptyList)
{
    run(u"DROP TABLE job_item"_s);
    HouseholdJobsView view(m_database);
    view.showHousehold(QUuid(kHousehold));
    EXPECT_TRUE(view.message().startsWith(u"The jobs could not be read"_s))
        << qPrintable(view.message());
    EXPECT_EQ(view.jobsModel()->rowCount(), 0);
    EXPECT_EQ(view.totalText(), QString());
}

TEST_F(HouseholdJobsTest, AHouseholdWithoutJobsSaysSo)
{
    run(u"DELETE FROM job_item"_s);
    run(u"DELETE FROM job"_s);
    HouseholdJobsView view(m_database);
    view.showHousehold(QUuid(kHousehold));
    EXPECT_TRUE(view.message().startsWith(u"No jobs yet"_s)) << qPrintable(view.message());
}
