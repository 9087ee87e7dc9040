#include "dashboardfixture.h"

#include "reporting/dashboardtask.h"

#include <QCoreApplication>
#include <QSignalSpy>

namespace saferhomes::test {

namespace {

QCoreApplication &application()
{
    static int argc = 1;
    static char name[] = "saferhomes_reporting_tests";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    return app;
}

} // namespace

class DashboardTaskTest : public DashboardFixture {
protected:
    void SetUp() override
    {
        application();
        DashboardFixture::SetUp();
    }
};

TEST_F(DashboardTaskTest, ComputesOffTheCallersThreadAndDropsStaleAnswers)
{
    DashboardTask task(m_path);
    task.setNow(now());
    QSignalSpy computed(&task, &DashboardTask::computed);
    QSignalSpy failed(&task, &DashboardTask::failed);
    DashboardFilter beta = march();
    beta.areaId = QStringLiteral("a2");
    // Three filters in a row: only the last one's figures arrive.
    task.compute(march());
    task.compute(DashboardReport::defaultFilter(QDate(2026, 4, 15)));
    task.compute(beta);
    EXPECT_TRUE(task.isComputing());
    ASSERT_TRUE(computed.wait(10000));
    EXPECT_FALSE(task.isComputing());
    // Anything still queued would have arrived with the answer's event or just after it.
    QCoreApplication::processEvents();
    ASSERT_EQ(computed.size(), 1);
    EXPECT_TRUE(failed.isEmpty());
    const auto figures = computed.first().first().value<DashboardFigures>();
    EXPECT_EQ(figures.filter, beta);
    EXPECT_EQ(figures.households, 3);
    EXPECT_EQ(figures.secured, 1);
}

TEST_F(DashboardTaskTest, DeliversTheHouseholdsBehindAFigure)
{
    DashboardTask task(m_path);
    task.setNow(now());
    QSignalSpy drilled(&task, &DashboardTask::drilled);
    const FigureRef ref {FigureRef::Kind::Declines, QStringLiteral("Not interested")};
    task.drillDown(march(), ref);
    ASSERT_TRUE(drilled.wait(10000));
    EXPECT_EQ(drilled.first().first().value<FigureRef>(), ref);
    const auto rows = drilled.first().at(1).value<QList<DrillRow>>();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.first().postcode, QStringLiteral("LE2 4AB"));
}

TEST_F(DashboardTaskTest, AFailedReadIsReportedNotShownAsZeros)
{
    exec("DROP TABLE job_item");
    DashboardTask task(m_path);
    QSignalSpy computed(&task, &DashboardTask::computed);
    QSignalSpy failed(&task, &DashboardTask::failed);
    task.compute(march());
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_TRUE(computed.isEmpty());
    EXPECT_TRUE(failed.first().first().toString().contains(QStringLiteral("job_item")));
}

} // namespace saferhomes::test
