// File › Quarterly return… and Admin › Budgets… on the hand-made register of
// handmadereturn.h, driven as a user would (offscreen): the figures, the budget flag, exports
// in every format, freezing and the variances that follow, an altered frozen copy.
#include "admin/budgetsdialog.h"
#include "dashboard/quarterlyreturndialog.h"
#include "handmadereturn.h"
#include "reportingfixture.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace saferhomes;
using namespace saferhomes::test;
using namespace Qt::StringLiterals;

namespace {

class QuarterlyReturnDialogTest : public ReportingFixture {
protected:
    void SetUp() override
    {
        ReportingFixture::SetUp();
        ASSERT_EQ(HandMadeReturn::fill(m_database.connection()), QString());
    }

    /// Opens the dialog on 2024/25-Q3 and waits until its figures are shown.
    std::unique_ptr<QuarterlyReturnDialog> openOnQ3()
    {
        auto dialog = std::make_unique<QuarterlyReturnDialog>(m_database);
        dialog->show();
        showQ3(*dialog);
        return dialog;
    }

    void showQ3(QuarterlyReturnDialog &dialog)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 30000);
        QSignalSpy loaded(&dialog, &QuarterlyReturnDialog::loaded);
        dialog.showPeriod(FinancialPeriod::quarter(2024, 3));
        ASSERT_TRUE(loaded.count() > 0 || loaded.wait(30000));
        ASSERT_TRUE(loaded.last().at(0).toBool()) << dialog.statusLabel()->text().toStdString();
    }

    static QString cell(const QuarterlyReturnDialog &dialog, const QString &key, int column)
    {
        for (int row = 0; row < dialog.table()->rowCount(); ++row) {
            if (dialog.table()->item(row, 0)->text() == key) {
                const QTableWidgetItem *item = dialog.table()->item(row, column);
                return item ? item->text() : QString();
            }
        }
        return u"(no row)"_s;
    }

    void shoot(QWidget &widget, const QString &name)
    {
        // SAFERHOMES_SHOTS=DIR keeps a picture of the window for a person to look at.
        const QString dir = qEnvironmentVariable("SAFERHOMES_SHOTS");
        if (!dir.isEmpty())
            widget.grab().save(dir + u'/' + name + u".png"_s);
    }
};

} // namespace

TEST_F(QuarterlyReturnDialogTest, ShowsEveryFigureAndTheBudgetFlag)
{
    auto dialog = openOnQ3();
    EXPECT_EQ(dialog->periodBox()->currentText(), u"2024/25-Q3"_s);
    EXPECT_EQ(dialog->table()->rowCount(), 11);
    EXPECT_EQ(cell(*dialog, u"households_visited"_s, 2), u"4"_s);
    EXPECT_EQ(cell(*dialog, u"homes_secured_to_date"_s, 2), u"5"_s);
    EXPECT_EQ(cell(*dialog, u"spend_pence"_s, 2), u"7000"_s);
    EXPECT_EQ(cell(*dialog, u"spend_pence"_s, 3), u"3"_s);
    EXPECT_EQ(cell(*dialog, u"target_homes"_s, 2), u"150"_s);
    EXPECT_TRUE(dialog->table()->isColumnHidden(4));
    EXPECT_TRUE(dialog->budgetLabel()->text().contains(u"forecast \u00a3219.00"_s))
        << dialog->budgetLabel()->text().toStdString();
    EXPECT_TRUE(dialog->budgetLabel()->text().contains(u"<b>"_s)); // flagged
    EXPECT_TRUE(dialog->frozenLabel()->text().contains(u"Not frozen"_s));
    EXPECT_FALSE(dialog->progressBar()->isVisible());
    shoot(*dialog, u"quarterly-return"_s);
}

TEST_F(QuarterlyReturnDialogTest, ExportsEachFormatAndRefusesAnUnwritablePath)
{
    auto dialog = openOnQ3();
    for (const QString &format : {u"json"_s, u"csv"_s, u"xlsx"_s, u"pdf"_s}) {
        const QString path = m_dir.filePath(u"return."_s + format);
        QSignalSpy exported(dialog.get(), &QuarterlyReturnDialog::exported);
        dialog->exportTo(format, path);
        EXPECT_TRUE(dialog->progressBar()->isVisible() || exported.count() > 0);
        ASSERT_TRUE(exported.count() > 0 || exported.wait(60000));
        EXPECT_TRUE(exported.last().at(0).toBool())
            << exported.last().at(1).toString().toStdString();
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
        const QByteArray bytes = file.readAll();
        EXPECT_GT(bytes.size(), 100);
        if (format == u"csv") {
            EXPECT_TRUE(bytes.contains("spend_pence,Spend (pence),7000,"));
        }
        if (format == u"pdf") {
            EXPECT_TRUE(bytes.startsWith("%PDF"));
        }
        if (format == u"xlsx") {
            EXPECT_TRUE(bytes.startsWith("PK"));
        }
    }
    const QString bad = m_dir.filePath(u"no/such/folder/return.pdf"_s);
    QSignalSpy exported(dialog.get(), &QuarterlyReturnDialog::exported);
    dialog->exportTo(u"pdf"_s, bad);
    ASSERT_TRUE(exported.count() > 0 || exported.wait(60000));
    EXPECT_FALSE(exported.last().at(0).toBool());
    EXPECT_TRUE(dialog->statusLabel()->text().contains(u"nothing was written"_s));
    EXPECT_FALSE(QFile::exists(bad));
}

TEST_F(QuarterlyReturnDialogTest, FreezeThenEditShowsChangesThenAlteredIsAWarning)
{
    auto dialog = openOnQ3();
    QSignalSpy loaded(dialog.get(), &QuarterlyReturnDialog::loaded);
    dialog->freeze(false);
    ASSERT_TRUE(loaded.count() > 0 || loaded.wait(30000));
    EXPECT_TRUE(dialog->frozenLabel()->text().startsWith(u"Frozen as submitted"_s))
        << dialog->frozenLabel()->text().toStdString();
    EXPECT_FALSE(dialog->freezeButton()->isEnabled());
    EXPECT_FALSE(dialog->table()->isColumnHidden(5));
    EXPECT_EQ(cell(*dialog, u"spend_pence"_s, 5), u"unchanged"_s);
    // The frozen document is the one shown: its bytes carry the figures the dialog showed.
    EXPECT_EQ(scalar(u"SELECT count(*) FROM frozen_return WHERE period = '2024/25-Q3'"_s).toInt(),
              1);

    exec(u"UPDATE job SET completed_at = '2025-01-02T10:00:00.000Z' WHERE id = ?"_s,
         {HandMadeReturn::id("j5")});
    showQ3(*dialog);
    EXPECT_EQ(cell(*dialog, u"spend_pence"_s, 2), u"6000"_s);
    EXPECT_EQ(cell(*dialog, u"spend_pence"_s, 4), u"7000"_s);
    EXPECT_EQ(cell(*dialog, u"spend_pence"_s, 5), u"-1000 (0 added, 1 removed)"_s);
    EXPECT_EQ(cell(*dialog, u"households_visited"_s, 5), u"unchanged"_s);
    shoot(*dialog, u"quarterly-return-variances"_s);

    exec(u"DROP TRIGGER frozen_return_unchanged"_s);
    exec(u"UPDATE frozen_return SET document = CAST(replace(CAST(document AS TEXT), '7000', "
         "'7100') AS BLOB)"_s);
    showQ3(*dialog);
    EXPECT_TRUE(dialog->frozenLabel()->text().contains(u"altered"_s));
    EXPECT_TRUE(dialog->table()->isColumnHidden(4));
    EXPECT_FALSE(dialog->freezeButton()->isEnabled());
}

TEST_F(QuarterlyReturnDialogTest, ThePeriodIsChosenWithTheKeyboard)
{
    QuarterlyReturnDialog dialog(m_database);
    QSignalSpy loaded(&dialog, &QuarterlyReturnDialog::loaded);
    dialog.show();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
    const QString before = dialog.periodBox()->currentText();
    dialog.periodBox()->setFocus();
    QTest::keyClick(dialog.periodBox(), Qt::Key_Down);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 30000);
    EXPECT_NE(dialog.periodBox()->currentText(), before);
    EXPECT_TRUE(loaded.last().at(0).toBool());
}

TEST_F(QuarterlyReturnDialogTest, BudgetsAreEditedPerAreaAndYear)
{
    BudgetsDialog dialog(m_database);
    dialog.show();
    dialog.showYear(2024);
    ASSERT_EQ(dialog.table()->rowCount(), 2);
    EXPECT_EQ(dialog.table()->item(0, 0)->text(), u"Melton Town Centre"_s);
    // 1 April 2024 to 31 March 2025 is over: Melton spent 4500 + 1000 + 6500 + 12500 pence.
    EXPECT_EQ(dialog.table()->item(0, 3)->text(), u"\u00a3245.00"_s);
    EXPECT_EQ(dialog.table()->item(0, 5)->text(), u"forecast below the allocation"_s);
    EXPECT_EQ(dialog.table()->item(1, 5)->text(), u"no budget set"_s);
    auto *capital = qobject_cast<QDoubleSpinBox *>(dialog.table()->cellWidget(1, 1));
    ASSERT_NE(capital, nullptr);
    EXPECT_EQ(capital->value(), 0.0);
    EXPECT_FALSE(dialog.saveButton()->isEnabled());
    capital->setFocus();
    capital->selectAll();
    QTest::keyClicks(capital, u"123.45"_s);
    EXPECT_TRUE(dialog.saveButton()->isEnabled());
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    EXPECT_EQ(dialog.statusLabel()->text(), u"Saved."_s);
    EXPECT_EQ(scalar(u"SELECT capital_pence FROM area_budget WHERE area_id = '"_s
                     + HandMadeReturn::id("a2") + u"' AND financial_year = 2024"_s)
                  .toLongLong(),
              12345);
    EXPECT_EQ(scalar(u"SELECT count(*) FROM area_budget"_s).toInt(), 2); // Melton untouched
    shoot(dialog, u"budgets"_s);
}
