// The Stock mode (issue 13 item 4): a delivery of two lines received and a fitter's van loaded
// for the day with the keyboard only, the levels read back as literal figures, the item below
// its re-order level marked in words and colour, a refused transfer explained with the figures,
// the levels exported as CSV, and the mode reached from the main window with Ctrl+T.
#include "shell/mainwindow.h"
#include "stock/receivedialog.h"
#include "stock/stocklevelsmodel.h"
#include "stock/stockmovementdialog.h"
#include "stock/stockpage.h"
#include "store/equipmentrepository.h"
#include "store/fitterrepository.h"
#include "uitest.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace saferhomes;
using namespace saferhomes::test;
using namespace Qt::StringLiterals;

namespace {

class StockPageTest : public UiTest {
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        EquipmentRepository catalogue(m_database, u"tester"_s, {});
        ASSERT_TRUE(
            catalogue.add({u"ALARM"_s, u"Intruder alarm"_s, {}, 18900, 150, u"alarms"_s, {}, 0}));
        ASSERT_TRUE(catalogue.add({u"LOCK"_s, u"Mortice deadlock"_s, u"BS 3621"_s, 2850, 60,
                                   u"locks"_s, u"ERA-1"_s, 11}));
        Fitter fitter;
        fitter.name = u"Alice Ward"_s;
        const Result<Fitter> added = FitterRepository(m_database, u"tester"_s).add(fitter);
        ASSERT_TRUE(added) << qPrintable(added.errorString());
        m_van = added->id.toString(QUuid::WithoutBraces);
        run(u"INSERT INTO household (id, address_line1, postcode, status, created_at, "
            "updated_at) VALUES ('00000000-0000-4000-8000-000000000001', '3 Scalford Road', "
            "'LE13 1JY', 'scheduled', 'x', 'x')"_s);
        run(u"INSERT INTO job (id, household_id, fitter_id, status, scheduled_start, "
            "scheduled_end, created_at) VALUES ('00000000-0000-4000-8000-000000000501', "
            "'00000000-0000-4000-8000-000000000001', '%1', 'scheduled', "
            "'2026-12-09T09:00:00.000Z', '2026-12-09T12:00:00.000Z', 'x')"_s.arg(m_van));
        run(u"INSERT INTO job_item (id, job_id, equipment_code, qty) VALUES "
            "('00000000-0000-4000-8000-000000000601', '00000000-0000-4000-8000-000000000501', "
            "'LOCK', 2), ('00000000-0000-4000-8000-000000000602', "
            "'00000000-0000-4000-8000-000000000501', 'ALARM', 1)"_s);
    }

    void run(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(sql)) << qPrintable(query.lastError().text()) << "\n"
                                     << qPrintable(sql);
    }

    /// What the levels table shows, a row a line, cells joined by '|'.
    static QStringList shownLevels(const StockPage &page)
    {
        const QAbstractItemModel *model = page.levelsView()->model();
        QStringList rows;
        for (int row = 0; row < model->rowCount(); ++row) {
            QStringList cells;
            for (int column = 0; column < model->columnCount(); ++column)
                cells.append(model->index(row, column).data().toString());
            rows.append(cells.join(u'|'));
        }
        return rows;
    }

    static QStringList shownCells(const QTableWidget *table)
    {
        QStringList rows;
        for (int row = 0; row < table->rowCount(); ++row) {
            QStringList cells;
            for (int column = 0; column < table->columnCount(); ++column)
                cells.append(table->item(row, column)->text());
            rows.append(cells.join(u'|'));
        }
        return rows;
    }

    static void show(QWidget &window)
    {
        window.resize(1100, 640);
        window.show();
        window.activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(&window, kPatienceMs));
    }

    /// Alt+\a key where the focus is, as a person presses a mnemonic.
    static void alt(Qt::Key key)
    {
        QWidget *focus = QApplication::focusWidget();
        ASSERT_NE(focus, nullptr);
        QTest::keyClick(focus, key, Qt::AltModifier);
    }

    static void key(Qt::Key key, Qt::KeyboardModifiers modifiers = {})
    {
        QWidget *focus = QApplication::focusWidget();
        ASSERT_NE(focus, nullptr);
        QTest::keyClick(focus, key, modifiers);
    }

    static void type(const QString &text)
    {
        QWidget *focus = QApplication::focusWidget();
        ASSERT_NE(focus, nullptr);
        QTest::keyClicks(focus, text);
    }

    /// Presses Alt+\a mnemonic on \a page and returns the form it opens.
    template<typename Dialog> static Dialog *openWith(StockPage &page, Qt::Key mnemonic)
    {
        QSignalSpy opened(&page, &StockPage::dialogOpened);
        alt(mnemonic);
        EXPECT_TRUE(waitFor([&] { return !opened.isEmpty(); }));
        if (opened.isEmpty())
            return nullptr;
        auto *dialog = qobject_cast<Dialog *>(opened.at(0).at(0).value<QDialog *>());
        if (dialog) {
            EXPECT_TRUE(waitFor([&] { return QApplication::activeWindow() == dialog; }));
        }
        return dialog;
    }

    static void shoot(QWidget *widget, const QString &name)
    {
        settle();
        const QString shots = qEnvironmentVariable("SAFERHOMES_SHOTS_DIR");
        if (!shots.isEmpty()) {
            EXPECT_TRUE(widget->grab().save(QDir(shots).filePath(name)));
        }
    }

    QString m_van;
};

} // namespace

TEST_F(StockPageTest, ADeliveryIsReceivedAndAVanLoadedWithTheKeyboardOnly)
{
    StockPage page(m_database);
    show(page);
    // Nothing received yet: every item shows at the depot; the lock is below its level.
    EXPECT_EQ(shownLevels(page),
              (QStringList {u"Intruder alarm|Depot|0|0|0|"_s,
                            u"Mortice deadlock (BS 3621)|Depot|0|0|0|Below re-order level (11): "
                            "order more"_s}));
    page.levelsView()->setFocus();

    // Alt+R: a delivery of two lines, with its note, received with Enter.
    auto *receive = openWith<ReceiveDialog>(page, Qt::Key_R);
    ASSERT_NE(receive, nullptr);
    shoot(receive, u"stock-receive-empty.png"_s);
    key(Qt::Key_Tab); // to the delivery note
    type(u"DN-20418"_s);
    key(Qt::Key_Tab); // line 1: the alarm
    key(Qt::Key_Tab);
    type(u"2"_s);
    alt(Qt::Key_A); // another line, the focus on its item (a mnemonic clicks a moment later)
    ASSERT_TRUE(waitFor([&] { return receive->lineCount() == 2; }));
    key(Qt::Key_Down); // the lock
    key(Qt::Key_Tab);
    type(u"12"_s);
    shoot(receive, u"stock-receive.png"_s);
    QSignalSpy accepted(receive, &QDialog::accepted);
    key(Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return !accepted.isEmpty(); })) << qPrintable(receive->errorText());
    // The window manager gives the focus back to the page (offscreen, nothing does).
    page.activateWindow();
    ASSERT_TRUE(waitFor([&] { return QApplication::activeWindow() == &page; }));
    EXPECT_EQ(page.statusText(), u"Delivery received."_s);
    EXPECT_EQ(shownLevels(page),
              (QStringList {u"Intruder alarm|Depot|2|0|2|"_s,
                            u"Mortice deadlock (BS 3621)|Depot|12|0|12|OK (re-order below 11)"_s}));

    // The movements of the delivery, with its note.
    alt(Qt::Key_M);
    ASSERT_EQ(page.tabs()->currentIndex(), StockPage::MovementsTab);
    const QStringList movements = shownCells(page.movementsTable());
    ASSERT_EQ(movements.size(), 2);
    for (const QString &movement : movements) {
        EXPECT_TRUE(movement.contains(u"|Depot|Received|"_s)) << qPrintable(movement);
        EXPECT_TRUE(movement.contains(u"|DN-20418|"_s)) << qPrintable(movement);
    }

    // Alt+A: Alice's van for 9 December: what her job needs, all from the depot.
    alt(Qt::Key_A);
    ASSERT_EQ(page.tabs()->currentIndex(), StockPage::VanTab);
    alt(Qt::Key_Y);
    ASSERT_EQ(QApplication::focusWidget(), page.vanDayEdit());
    page.vanDayEdit()->setSelectedSection(QDateTimeEdit::YearSection);
    type(u"20261209"_s);
    ASSERT_EQ(page.vanDayEdit()->date(), QDate(2026, 12, 9));
    EXPECT_EQ(
        shownCells(page.vanTable()),
        (QStringList {u"Intruder alarm|1|0|1|2"_s, u"Mortice deadlock (BS 3621)|2|0|2|12"_s}));
    shoot(&page, u"stock-van.png"_s);
    alt(Qt::Key_N); // Transfer these into the van
    EXPECT_TRUE(waitFor([&] { return page.statusText().startsWith(u"Moved"_s); }))
        << qPrintable(page.statusText());
    EXPECT_EQ(page.statusText(), u"Moved 3 item(s) from the depot into Alice Ward\u2019s van."_s);
    EXPECT_EQ(
        shownCells(page.vanTable()),
        (QStringList {u"Intruder alarm|1|1|0|1"_s, u"Mortice deadlock (BS 3621)|2|2|0|10"_s}));
    EXPECT_FALSE(page.loadVanButton()->isEnabled());

    // The levels: the job's items reserved in the van, the depot's locks now below 11.
    alt(Qt::Key_L);
    ASSERT_EQ(page.tabs()->currentIndex(), StockPage::LevelsTab);
    EXPECT_EQ(
        shownLevels(page),
        (QStringList {u"Intruder alarm|Depot|1|0|1|"_s, u"Intruder alarm|Van: Alice Ward|1|1|0|"_s,
                      u"Mortice deadlock (BS 3621)|Depot|10|0|10|Below re-order level (11): "
                      "order more"_s,
                      u"Mortice deadlock (BS 3621)|Van: Alice Ward|2|2|0|"_s}));
    // The colour goes with the words, on the depot's lock only.
    const QAbstractItemModel *model = page.levelsView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        EXPECT_EQ(model->index(row, StockLevelsModel::Item).data(Qt::BackgroundRole).isValid(),
                  row == 2)
            << row;
    EXPECT_TRUE(shownTexts(&page).contains(u"1 item(s) below their re-order level: order more."_s));
    shoot(&page, u"stock-levels.png"_s);
}

TEST_F(StockPageTest, ARefusedTransferShowsTheFiguresAndKeepsTheForm)
{
    StockPage page(m_database);
    show(page);
    page.levelsView()->setFocus();
    auto *transfer = openWith<StockMovementDialog>(page, Qt::Key_T);
    ASSERT_NE(transfer, nullptr);
    key(Qt::Key_Down); // the lock
    key(Qt::Key_Tab); // from: the depot
    key(Qt::Key_Tab); // to: Alice's van
    key(Qt::Key_Tab);
    ASSERT_EQ(QApplication::focusWidget(), transfer->qtyBox());
    type(u"5"_s);
    key(Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return !transfer->errorText().isEmpty(); }));
    EXPECT_EQ(transfer->errorText(),
              u"Not saved: Transferring stock: the depot has 0 of LOCK available (0 on hand, 0 "
              "reserved for jobs): 5 cannot be taken"_s);
    EXPECT_TRUE(transfer->isVisible());
    EXPECT_EQ(transfer->figuresLabel()->text(), u"Depot has 0 on hand, 0 reserved, 0 available."_s);
    shoot(transfer, u"stock-transfer-refused.png"_s);
    transfer->reject();
}

TEST_F(StockPageTest, ExportsTheLevelsShownAsCsv)
{
    StockPage page(m_database);
    const QString path = m_dir.filePath(u"levels.csv"_s);
    ASSERT_TRUE(page.exportLevels(path)) << qPrintable(page.statusText());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(),
              "code,item,location,on_hand,reserved,available,reorder_level,below_reorder\r\n"
              "ALARM,Intruder alarm,Depot,0,0,0,0,no\r\n"
              "LOCK,Mortice deadlock (BS 3621),Depot,0,0,0,11,yes\r\n");
}

TEST_F(StockPageTest, TheMainWindowShowsStockWithCtrlT)
{
    auto window = std::make_unique<MainWindow>(m_database, settings());
    show(*window);
    window->tableView()->setFocus();
    QTest::keyClick(window->tableView(), Qt::Key_T, Qt::ControlModifier);
    ASSERT_TRUE(window->stockPage()->isVisible());
    EXPECT_EQ(window->windowTitle(), u"SaferHomes \u2014 Stock"_s);
    EXPECT_TRUE(shownTexts(window.get()).contains(u"Receive delivery\u2026"_s));
    shoot(window.get(), u"stock-mainwindow.png"_s);
}
