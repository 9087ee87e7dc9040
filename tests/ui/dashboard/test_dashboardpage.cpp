// The dashboard page on the hand-made register of tests/reporting/dashboardseed.h: the filter
// and the drill-downs driven with the keyboard, exports, a failed read, and renders in light
// and dark palettes for a person to look at (kept in SAFERHOMES_SHOTS_DIR when set).

#include "../../reporting/dashboardseed.h"
#include "uitest.h"

#include "dashboard/chartcard.h"
#include "dashboard/dashboardfilterbar.h"
#include "dashboard/dashboardpage.h"
#include "dashboard/dashboardtile.h"
#include "dashboard/drilldowndialog.h"
#include "dashboard/drilltablemodel.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QToolButton>

namespace saferhomes::test {

namespace {

QString uuidOf(int household)
{
    return QStringLiteral("00000000-0000-4000-8000-00000000000%1").arg(household);
}

/// The text pdftotext finds in \a path.
QString pdfText(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class DashboardPageTest : public UiTest {
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        for (const QString &sql : dashboardSeed(true)) {
            QSqlQuery query(m_database.connection());
            ASSERT_TRUE(query.exec(sql)) << qPrintable(query.lastError().text());
        }
        m_settings = settings();
    }

    /// A page whose today is 15 April 2026, shown, with its first figures on screen.
    std::unique_ptr<DashboardPage> showPage()
    {
        auto page = std::make_unique<DashboardPage>(m_database, *m_settings);
        page->setToday(QDate(2026, 4, 15), QDateTime(QDate(2026, 4, 15), QTime(12, 0), Qt::UTC));
        page->resize(1400, 1100);
        QSignalSpy shown(page.get(), &DashboardPage::figuresShown);
        page->show();
        EXPECT_TRUE(waitFor([&] { return !shown.isEmpty(); })) << qPrintable(page->bannerText());
        return page;
    }

    /// Presses \a key on \a widget and waits for the figures of the changed filter.
    static bool keyAndWait(DashboardPage &page, QWidget *widget, Qt::Key key)
    {
        QSignalSpy shown(&page, &DashboardPage::figuresShown);
        widget->setFocus();
        QTest::keyClick(widget, key);
        return waitFor([&] { return !shown.isEmpty(); });
    }

    std::unique_ptr<Settings> m_settings;
};

TEST_F(DashboardPageTest, AFilterChosenWithTheKeyboardDrivesEveryFigure)
{
    auto page = showPage();
    // The last 18 months to 15 April 2026: every completion counts.
    EXPECT_EQ(page->tile(QStringLiteral("securedTile"))->valueText(), QStringLiteral("3"));
    EXPECT_EQ(page->tile(QStringLiteral("outstandingTile"))->valueText(), QStringLiteral("1"));

    // Area: All areas -> Alpha.
    QComboBox *area = page->filterBar()->areaBox();
    ASSERT_EQ(area->itemText(1), QStringLiteral("Alpha"));
    ASSERT_TRUE(keyAndWait(*page, area, Qt::Key_Down));
    EXPECT_EQ(page->figures()->filter.areaId, uuidOf(0).left(34) + QStringLiteral("a1"));
    EXPECT_EQ(page->tile(QStringLiteral("securedTile"))->valueText(), QStringLiteral("2"));
    EXPECT_EQ(page->tile(QStringLiteral("outstandingTile"))->valueText(), QStringLiteral("0"));
    const ChartCard *areas = page->card(QStringLiteral("areaChart"));
    EXPECT_EQ(areas->data().categories, QStringList {QStringLiteral("Alpha")});

    // Period: Last 18 months -> This financial year (2026/27): j2b, 00:30 on 1 April in
    // London.
    QComboBox *period = page->filterBar()->periodBox();
    ASSERT_TRUE(keyAndWait(*page, period, Qt::Key_Up));
    EXPECT_EQ(page->figures()->filter.from, QDate(2026, 4, 1));
    EXPECT_EQ(page->figures()->filter.to, QDate(2027, 3, 31));
    EXPECT_EQ(page->figures()->filter.periodLabel, QStringLiteral("2026/27"));
    EXPECT_EQ(page->tile(QStringLiteral("spendTile"))->valueText(), QStringLiteral("\u00a3100"));
    EXPECT_EQ(page->card(QStringLiteral("itemsChart"))->data().categories,
              QStringList {QStringLiteral("Alarm")});
}

TEST_F(DashboardPageTest, ATileOpensItsHouseholdsWithTheKeyboardAndTheyExport)
{
    auto page = showPage();
    DashboardTile *secured = page->tile(QStringLiteral("securedTile"));
    QSignalSpy drilled(page.get(), &DashboardPage::drillDownShown);
    secured->setFocus();
    QTest::keyClick(secured, Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return !drilled.isEmpty(); }));
    DrillDownDialog *dialog = page->drillDownDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    ASSERT_EQ(dialog->model()->rowCount(), 3);
    QStringList postcodes;
    for (const DrillRow &row : dialog->model()->rows())
        postcodes << row.postcode;
    postcodes.sort();
    EXPECT_EQ(postcodes,
              (QStringList {QStringLiteral("LE13 0AA"), QStringLiteral("LE13 0AB"),
                            QStringLiteral("LE2 4AC")}));

    // Enter on a row opens that household.
    QSignalSpy opened(page.get(), &DashboardPage::householdActivated);
    QTableView *table = dialog->tableView();
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Down);
    QTest::keyClick(table, Qt::Key_Return);
    ASSERT_EQ(opened.size(), 1);
    const QUuid id = opened.first().first().toUuid();
    const QModelIndex current = table->currentIndex();
    EXPECT_EQ(id, current.data(DrillTableModel::IdRole).toUuid());
    EXPECT_FALSE(id.isNull());

    const QString csv = m_dir.filePath(QStringLiteral("secured.csv"));
    ASSERT_TRUE(dialog->exportCsv(csv));
    QFile file(csv);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    ASSERT_EQ(lines.size(), 5); // header, three rows, the empty line after the last CRLF
    EXPECT_EQ(lines[0], QByteArray("UPRN,Address,Postcode,Area,Status\r"));
    EXPECT_TRUE(lines[1].startsWith("1,\"1 High St, Melton\",LE13 0AA,Alpha,Installed"))
        << lines[1].constData();
    EXPECT_FALSE(dialog->exportCsv(m_dir.filePath(QStringLiteral("missing/folder/x.csv"))));
}

TEST_F(DashboardPageTest, AChartsTableIsItsTextAlternativeAndOpensACell)
{
    auto page = showPage();
    ChartCard *items = page->card(QStringLiteral("itemsChart"));
    QToolButton *toggle = items->tableButton();
    EXPECT_FALSE(toggle->accessibleName().isEmpty());
    toggle->setFocus();
    QTest::keyClick(toggle, Qt::Key_Space);
    EXPECT_TRUE(items->isTableShown());
    QTableView *table = items->tableView();
    EXPECT_EQ(table->accessibleName(), QStringLiteral("Table: Items fitted, by type"));
    // Drawn bottom up, so the table lists the least first: Alarm 2 (j1, j2b), Lock 3.
    ASSERT_EQ(table->model()->rowCount(), 2);
    EXPECT_EQ(table->model()->index(1, 0).data().toString(), QStringLiteral("Lock"));
    EXPECT_EQ(table->model()->index(1, 1).data().toString(), QStringLiteral("3"));
    EXPECT_EQ(table->model()->index(1, 1).data(Qt::AccessibleTextRole).toString(),
              QStringLiteral("Lock, Fitted: 3"));

    QSignalSpy drilled(page.get(), &DashboardPage::drillDownShown);
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 1));
    QTest::keyClick(table, Qt::Key_Down);
    QTest::keyClick(table, Qt::Key_Enter);
    ASSERT_TRUE(waitFor([&] { return !drilled.isEmpty(); }));
    const QList<DrillRow> &rows = page->drillDownDialog()->model()->rows();
    qint64 fitted = 0;
    for (const DrillRow &row : rows)
        fitted += row.amount;
    EXPECT_EQ(fitted, 3); // the figure: j1's two and j2's one
    EXPECT_EQ(rows.size(), 2);
}

TEST_F(DashboardPageTest, ChartsAndTheWholeDashboardExport)
{
    auto page = showPage();
    ChartCard *trend = page->card(QStringLiteral("trendChart"));
    const QString png = m_dir.filePath(QStringLiteral("trend.png"));
    ASSERT_TRUE(trend->exportPng(png));
    const QImage image(png);
    EXPECT_EQ(image.size(), QSize(1920, 1200));
    EXPECT_GE(distinctColours(image), 16);

    const QString pdf = m_dir.filePath(QStringLiteral("trend.pdf"));
    ASSERT_TRUE(trend->exportPdf(pdf));
    EXPECT_TRUE(pdfText(pdf).contains(trend->title())) << qPrintable(pdfText(pdf));

    const QString all = m_dir.filePath(QStringLiteral("dashboard.pdf"));
    ASSERT_TRUE(page->exportPdf(all));
    const QString text = pdfText(all);
    for (const QString &expected :
         {QStringLiteral("SaferHomes dashboard"), QStringLiteral("Homes secured"),
          QStringLiteral("Funnel: households at or beyond each stage"),
          QStringLiteral("Declines, by reason"), QStringLiteral("Fitting visits, no outcome")})
        EXPECT_TRUE(text.contains(expected)) << qPrintable(expected);
    EXPECT_FALSE(page->exportPdf(m_dir.filePath(QStringLiteral("missing/folder/x.pdf"))));
    if (const QString keep = qEnvironmentVariable("SAFERHOMES_SHOTS_DIR"); !keep.isEmpty()) {
        for (const QString &file : {png, pdf, all})
            QFile::copy(file, QDir(keep).filePath(QFileInfo(file).fileName()));
    }
    EXPECT_FALSE(trend->exportPng(m_dir.filePath(QStringLiteral("missing/folder/x.png"))));
}

TEST_F(DashboardPageTest, AFailedReadShowsAnErrorNeverZeros)
{
    QSqlQuery(m_database.connection()).exec(QStringLiteral("DROP TABLE job_item"));
    auto page = std::make_unique<DashboardPage>(m_database, *m_settings);
    page->show();
    ASSERT_TRUE(waitFor([&] { return !page->bannerText().isEmpty(); }));
    EXPECT_TRUE(page->bannerText().contains(QStringLiteral("job_item")));
    EXPECT_EQ(page->tile(QStringLiteral("securedTile"))->valueText(), QStringLiteral("\u2014"));
    EXPECT_FALSE(page->tile(QStringLiteral("securedTile"))->isEnabled());
    EXPECT_FALSE(page->figures().has_value());
}

TEST_F(DashboardPageTest, RendersInLightAndDarkPalettes)
{
    QTemporaryDir scratch;
    QString folder = qEnvironmentVariable("SAFERHOMES_SHOTS_DIR");
    if (folder.isEmpty())
        folder = scratch.path();
    ASSERT_TRUE(QDir().mkpath(folder));
    const QPalette light = QApplication::palette();
    QPalette dark = light;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
    dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        dark.setColor(role, QColor(0xee, 0xee, 0xee));
    for (const auto &[name, palette] : {std::pair {QStringLiteral("dashboard-light"), light},
                                        std::pair {QStringLiteral("dashboard-dark"), dark}}) {
        QApplication::setPalette(palette);
        auto page = showPage();
        settle();
        const QImage image = page->grab().toImage();
        const QString file = QDir(folder).filePath(name + QStringLiteral(".png"));
        EXPECT_TRUE(image.save(file));
        EXPECT_GE(distinctColours(image), 32) << qPrintable(name) << " looks blank";
        const QColor corner = image.pixelColor(4, image.height() / 2);
        EXPECT_EQ(corner.lightness() < 128, name.endsWith(QStringLiteral("dark")))
            << qPrintable(name);
    }
    QApplication::setPalette(light);
}

} // namespace saferhomes::test
