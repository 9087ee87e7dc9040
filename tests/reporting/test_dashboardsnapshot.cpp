// The dashboard's figures made from the facts held in memory (DashboardSnapshot) against the
// same figures read with SQL (DashboardReport over DashboardStore), on the hand-made register
// (with literal expectations) and on the demo database, under several filters.

#include "dashboardfixture.h"

#include "demo/demodata.h"
#include "reporting/dashboardsnapshot.h"
#include "reporting/dashboardtask.h"

#include <QCoreApplication>
#include <QSignalSpy>

namespace saferhomes::test {

namespace {

using K = FigureRef::Kind;

QString refText(const FigureRef &ref)
{
    return QString::number(int(ref.kind)) + QLatin1Char('/') + ref.key;
}

QStringList bars(const char *name, const QList<DashboardBar> &list)
{
    QStringList lines;
    for (const DashboardBar &bar : list) {
        lines << QStringLiteral("%1 %2=%3 %4")
                     .arg(QLatin1String(name), bar.label)
                     .arg(bar.value)
                     .arg(refText(bar.ref));
    }
    return lines;
}

/// Every number of \a f, a line each, so that two sets of figures compare line by line.
QStringList dump(const DashboardFigures &f)
{
    QStringList lines {
        QStringLiteral("households %1 secured %2 in period %3 target %4")
            .arg(f.households)
            .arg(f.secured)
            .arg(f.securedInPeriod)
            .arg(f.target),
        QStringLiteral("offered %1 accepted %2 take-up %3")
            .arg(f.offered)
            .arg(f.acceptedOrBeyond)
            .arg(f.takeUpRate, 0, 'g', 17),
        QStringLiteral("spend %1 budget %2 outstanding %3")
            .arg(f.spendPence)
            .arg(f.budgetPence)
            .arg(f.outstanding),
        QStringLiteral("quality %1 %2 %3 %4")
            .arg(f.noCoordinates)
            .arg(f.noUprn)
            .arg(f.completedWithoutItems)
            .arg(f.visitsWithoutOutcome),
    };
    lines << bars("funnel", f.funnel) << bars("items", f.itemsFitted)
          << bars("declines", f.declines) << bars("days", f.surveyToInstall.buckets);
    for (const DashboardArea &area : f.areas) {
        lines << QStringLiteral("area %1 %2 %3/%4")
                     .arg(area.id, area.name)
                     .arg(area.secured)
                     .arg(area.target);
    }
    for (const DashboardWeek &week : f.weeks) {
        lines << QStringLiteral("week %1 %2 %3 %4")
                     .arg(week.monday.toString(Qt::ISODate))
                     .arg(week.secured)
                     .arg(week.cumulative)
                     .arg(week.path, 0, 'g', 17);
    }
    for (const DashboardMonth &month : f.months) {
        lines << QStringLiteral("month %1 %2 %3")
                     .arg(month.first.toString(Qt::ISODate))
                     .arg(month.spendPence)
                     .arg(month.budgetPence);
    }
    const DashboardDays &d = f.surveyToInstall;
    lines << QStringLiteral("days %1: %2 %3 %4 %5 %6")
                 .arg(d.count)
                 .arg(d.minimum)
                 .arg(d.lowerQuartile)
                 .arg(d.median)
                 .arg(d.upperQuartile)
                 .arg(d.maximum);
    return lines;
}

} // namespace

class DashboardSnapshotTest : public DashboardFixture {
protected:
    DashboardFigures fromSnapshot(const DashboardFilter &filter, const QDateTime &at)
    {
        const DashboardStore store(m_database);
        const Result<DashboardSnapshot> snapshot = DashboardSnapshot::load(store);
        EXPECT_TRUE(snapshot.ok()) << qPrintable(snapshot.errorString());
        if (!snapshot)
            return {};
        const Result<DashboardFigures> result = DashboardReport::compute(*snapshot, filter, at);
        EXPECT_TRUE(result.ok()) << qPrintable(result.errorString());
        return result.valueOr({});
    }

    /// The snapshot's figures equal SQL's under every filter of \a filters.
    void expectSameFigures(const QList<DashboardFilter> &filters, const QDateTime &at)
    {
        const DashboardStore store(m_database);
        const Result<DashboardSnapshot> snapshot = DashboardSnapshot::load(store);
        ASSERT_TRUE(snapshot.ok()) << qPrintable(snapshot.errorString());
        for (const DashboardFilter &filter : filters) {
            const Result<DashboardFigures> sql = DashboardReport::compute(store, filter, at);
            const Result<DashboardFigures> memory = DashboardReport::compute(*snapshot, filter, at);
            ASSERT_TRUE(sql.ok()) << qPrintable(sql.errorString());
            ASSERT_TRUE(memory.ok()) << qPrintable(memory.errorString());
            const QString label = QStringLiteral("%1..%2 area '%3' status %4 fitter '%5'")
                                      .arg(filter.from.toString(Qt::ISODate),
                                           filter.to.toString(Qt::ISODate), filter.areaId)
                                      .arg(filter.status ? int(*filter.status) : -1)
                                      .arg(filter.fitterId);
            EXPECT_EQ(dump(*memory), dump(*sql)) << qPrintable(label);
            EXPECT_GT(sql->households + sql->secured, -1);
        }
    }

    /// Ids of the table's rows (areas, fitters), in id order.
    QStringList ids(const char *table)
    {
        QStringList list;
        QSqlQuery query(m_database.connection());
        EXPECT_TRUE(
            query.exec(QStringLiteral("SELECT id FROM %1 ORDER BY id").arg(QLatin1String(table))));
        while (query.next())
            list << query.value(0).toString();
        return list;
    }
};

TEST_F(DashboardSnapshotTest, TheHandMadeMarchFromMemory)
{
    // The literals of DashboardFixture.TilesOfMarch and ChartsOfMarch, from the snapshot.
    const DashboardFigures f = fromSnapshot(march(), now());
    EXPECT_EQ(f.households, 8);
    EXPECT_EQ(f.offered, 7);
    EXPECT_EQ(f.acceptedOrBeyond, 5);
    EXPECT_EQ(f.secured, 3);
    EXPECT_EQ(f.securedInPeriod, 2);
    EXPECT_EQ(f.target, 15);
    EXPECT_EQ(f.spendPence, 20000);
    EXPECT_EQ(f.budgetPence, 180000 * 31 / 365);
    EXPECT_EQ(f.outstanding, 1);
    EXPECT_EQ(f.noCoordinates, 1);
    EXPECT_EQ(f.noUprn, 1);
    EXPECT_EQ(f.completedWithoutItems, 1);
    EXPECT_EQ(f.visitsWithoutOutcome, 1);
    EXPECT_EQ(bars("items", f.itemsFitted),
              (QStringList {QStringLiteral("items Lock=2 7/LOCK"),
                            QStringLiteral("items Alarm=1 7/ALARM")}));
    EXPECT_EQ(bars("declines", f.declines),
              QStringList {QStringLiteral("declines Not interested=1 10/Not interested")});
    EXPECT_EQ(f.surveyToInstall.count, 2);
    EXPECT_EQ(f.surveyToInstall.minimum, 18);
    EXPECT_EQ(f.surveyToInstall.maximum, 28);
    ASSERT_EQ(f.weeks.size(), 18);
    EXPECT_EQ(f.weeks.last().cumulative, 3);

    // Fitter f1 only: h1 (j1 in March), h2 (j2b, 1 April in London) and h3 (scheduled, its
    // time passed on 10 March); j2 of h2 was f2's.
    DashboardFilter one = march();
    one.fitterId = QStringLiteral("f1");
    const DashboardFigures f1 = fromSnapshot(one, now());
    EXPECT_EQ(f1.households, 3);
    EXPECT_EQ(f1.secured, 1);
    EXPECT_EQ(f1.spendPence, 20000);
    EXPECT_EQ(f1.outstanding, 1);
    EXPECT_EQ(f1.visitsWithoutOutcome, 1);
    EXPECT_EQ(f1.completedWithoutItems, 0);

    // Only declined households in Beta: h4, refused in March.
    DashboardFilter declined = march();
    declined.areaId = QStringLiteral("a2");
    declined.status = HouseholdStatus::Declined;
    const DashboardFigures d = fromSnapshot(declined, now());
    EXPECT_EQ(d.households, 1);
    EXPECT_EQ(d.secured, 0);
    EXPECT_EQ(bars("declines", d.declines),
              QStringList {QStringLiteral("declines Not interested=1 10/Not interested")});

    // An area or a fitter nobody has: nothing.
    DashboardFilter nobody = march();
    nobody.fitterId = QStringLiteral("f9");
    EXPECT_EQ(fromSnapshot(nobody, now()).households, 0);
}

TEST_F(DashboardSnapshotTest, TheHandMadeRegisterAsSqlCountsIt)
{
    QList<DashboardFilter> filters;
    for (const DashboardFilter &period :
         {march(), DashboardReport::defaultFilter(QDate(2026, 4, 15))}) {
        filters << period;
        for (const char *area : {"a1", "a2", "a9"}) {
            DashboardFilter filter = period;
            filter.areaId = QString::fromLatin1(area);
            filters << filter;
        }
        for (const char *fitter : {"f1", "f2"}) {
            DashboardFilter filter = period;
            filter.fitterId = QString::fromLatin1(fitter);
            filters << filter;
        }
        for (HouseholdStatus status : {HouseholdStatus::Installed, HouseholdStatus::Declined}) {
            DashboardFilter filter = period;
            filter.status = status;
            filters << filter;
        }
    }
    DashboardFilter april = march();
    april.from = QDate(2026, 4, 1);
    april.to = QDate(2026, 4, 30);
    filters << april;
    expectSameFigures(filters, now());
}

TEST_F(DashboardSnapshotTest, TheDemoDatabaseAsSqlCountsIt)
{
    // Into a register of its own: the demo refuses one that has households.
    Database demo(QStringLiteral("dashboard-demo"));
    ASSERT_TRUE(demo.open(m_dir.filePath(QStringLiteral("demo.sqlite"))));
    const Status filled = DemoData::fill(demo, {150, 3});
    ASSERT_TRUE(filled.ok()) << qPrintable(filled.errorString());
    m_database.close();
    ASSERT_TRUE(m_database.open(m_dir.filePath(QStringLiteral("demo.sqlite"))));

    const QDate today = QDate::currentDate();
    const QDateTime at = QDateTime::currentDateTimeUtc();
    const DashboardFilter base = DashboardReport::defaultFilter(today);
    QList<DashboardFilter> filters {base};
    const QStringList areas = ids("area");
    const QStringList fitters = ids("fitter");
    ASSERT_FALSE(areas.isEmpty());
    ASSERT_FALSE(fitters.isEmpty());
    for (const QString &area : areas) {
        DashboardFilter filter = base;
        filter.areaId = area;
        filters << filter;
    }
    for (const QString &fitter : fitters.mid(0, 3)) {
        DashboardFilter filter = base;
        filter.fitterId = fitter;
        filters << filter;
    }
    for (HouseholdStatus status :
         {HouseholdStatus::Installed, HouseholdStatus::Scheduled, HouseholdStatus::Declined}) {
        DashboardFilter filter = base;
        filter.status = status;
        filters << filter;
    }
    DashboardFilter combined = base;
    combined.areaId = areas.first();
    combined.fitterId = fitters.first();
    combined.status = HouseholdStatus::Installed;
    filters << combined;
    // A week, a month, a quarter and a year back from today.
    for (int days : {6, 30, 91, 365}) {
        DashboardFilter filter = base;
        filter.from = today.addDays(-days);
        filters << filter;
    }
    expectSameFigures(filters, at);
    // The demo has work of every kind, so the comparison above compared something.
    const DashboardFigures f = fromSnapshot(base, at);
    EXPECT_EQ(f.households, 150);
    EXPECT_GT(f.secured, 0);
    EXPECT_GT(f.spendPence, 0);
    EXPECT_FALSE(f.itemsFitted.isEmpty());
    EXPECT_FALSE(f.declines.isEmpty());
    EXPECT_GT(f.outstanding, 0);
}

TEST_F(DashboardSnapshotTest, TheHouseholdsBehindTheTimeFiguresFromMemoryAreSqlsToo)
{
    const DashboardStore store(m_database);
    const Result<DashboardSnapshot> snapshot = DashboardSnapshot::load(store);
    ASSERT_TRUE(snapshot.ok()) << qPrintable(snapshot.errorString());
    const auto rows
        = [&](const DashboardFilter &filter, const FigureRef &ref, const DashboardSnapshot *from) {
              const auto drilled = DashboardReport::drillDown(store, filter, ref, now(), from);
              EXPECT_TRUE(drilled.ok()) << qPrintable(drilled.errorString());
              QStringList lines;
              for (const DrillRow &row : drilled.valueOr({}))
                  lines << row.postcode + QLatin1Char('=') + QString::number(row.amount);
              return lines;
          };
    DashboardFilter f1 = march();
    f1.fitterId = QStringLiteral("f1");
    for (const DashboardFilter &filter : {march(), f1}) {
        for (const FigureRef &ref :
             {FigureRef {K::Secured, {}}, FigureRef {K::AreaSecured, QStringLiteral("a1")},
              FigureRef {K::TrendWeek, QStringLiteral("2026-02-23")}, FigureRef {K::Spend, {}},
              FigureRef {K::SpendMonth, QStringLiteral("2026-03-01")},
              FigureRef {K::SurveyToInstall, QStringLiteral("1")}}) {
            EXPECT_EQ(rows(filter, ref, &*snapshot), rows(filter, ref, nullptr))
                << int(ref.kind) << " " << qPrintable(filter.fitterId);
        }
    }
    // Counted by hand: March's spend is h1's j1 (2 x 5000 + 10000); h6's j6 fitted nothing.
    EXPECT_EQ(rows(march(), {K::Spend, {}}, &*snapshot),
              (QStringList {QStringLiteral("LE13 0AA=20000"), QStringLiteral("LE2 4AC=0")}));
    EXPECT_EQ(rows(march(), {K::SurveyToInstall, QStringLiteral("1")}, &*snapshot),
              (QStringList {QStringLiteral("LE13 0AA=18"), QStringLiteral("LE2 4AC=28")}));
}

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

TEST_F(DashboardSnapshotTest, AWriteByAnotherConnectionIsCountedOnTheNextFilterChange)
{
    application();
    DashboardTask task(m_path);
    task.setNow(now());
    QSignalSpy computed(&task, &DashboardTask::computed);
    task.compute(march());
    ASSERT_TRUE(computed.wait(10000));
    EXPECT_EQ(computed.takeFirst().first().value<DashboardFigures>().households, 8);

    // Another connection (this test's) adds a household; a filter change, not a refresh,
    // still counts it: the snapshot's data_version no longer matches.
    exec("INSERT INTO household (id, address_line1, postcode, area_id, status, created_at, "
         "updated_at) VALUES ('h10', '10 New Rd', 'LE13 0AF', 'a1', 'identified', 'x', 'x')");
    DashboardFilter alpha = march();
    alpha.areaId = QStringLiteral("a1");
    task.compute(alpha, false);
    ASSERT_TRUE(computed.wait(10000));
    EXPECT_EQ(computed.takeFirst().first().value<DashboardFigures>().households, 6);
    task.compute(march(), false);
    ASSERT_TRUE(computed.wait(10000));
    EXPECT_EQ(computed.takeFirst().first().value<DashboardFigures>().households, 9);
}

} // namespace saferhomes::test
