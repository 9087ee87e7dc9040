// View › Equipment catalogue…: an item typed in from the keyboard and saved, read back from the
// equipment_type table with literal values; a change undone and redone with Ctrl+Z / Ctrl+Y; a
// cost that is not an amount refused at its field; an item the survey rules use not deleted.
#include "admin/cataloguedialog.h"
#include "uitest.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

using namespace saferhomes;
using namespace saferhomes::test;
using namespace Qt::StringLiterals;

namespace {

class CatalogueAdminTest : public UiTest {
protected:
    /// Every row of equipment_type, its columns joined by '|'.
    QStringList rows()
    {
        QSqlQuery query(m_database.connection());
        EXPECT_TRUE(query.exec(u"SELECT code, name, standard, unit_cost_pence, fit_minutes, "
                               "skill, supplier_code, reorder_level FROM equipment_type "
                               "ORDER BY code"_s))
            << qPrintable(query.lastError().text());
        QStringList result;
        while (query.next()) {
            QStringList columns;
            for (int i = 0; i < 8; ++i)
                columns.append(query.value(i).toString());
            result.append(columns.join(u'|'));
        }
        return result;
    }

    static void show(QWidget &window)
    {
        window.show();
        window.activateWindow();
        EXPECT_TRUE(QTest::qWaitForWindowActive(&window, kPatienceMs));
    }

    static void type(QWidget *widget, const QString &text)
    {
        widget->setFocus();
        QTest::keyClick(widget, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(widget, text);
    }

    /// Alt+\a key where the focus is, as a person presses \a button's mnemonic; waits for
    /// the click (a mnemonic animates the button before it clicks).
    static void alt(Qt::Key key, QAbstractButton *button)
    {
        QWidget *focus = QApplication::focusWidget();
        ASSERT_NE(focus, nullptr);
        QSignalSpy clicked(button, &QAbstractButton::clicked);
        QTest::keyClick(focus, key, Qt::AltModifier);
        EXPECT_TRUE(waitFor([&] { return !clicked.isEmpty(); })) << qPrintable(button->text());
    }

    static void shoot(QWidget *widget, const QString &name)
    {
        settle();
        const QString shots = qEnvironmentVariable("SAFERHOMES_SHOTS_DIR");
        if (!shots.isEmpty()) {
            EXPECT_TRUE(widget->grab().save(QDir(shots).filePath(name)));
        }
    }
};

} // namespace

TEST_F(CatalogueAdminTest, AddsChangesUndoesAndRedoesFromTheKeyboard)
{
    CatalogueDialog dialog(m_database, {});
    show(dialog);
    EXPECT_EQ(dialog.table()->rowCount(), 0);
    EXPECT_TRUE(shownTexts(&dialog).contains(u"No equipment yet: type one in below and Save."_s));

    alt(Qt::Key_W, dialog.newButton()); // New
    type(dialog.codeEdit(), u"DOOR_CHAIN_TS003"_s);
    type(dialog.nameEdit(), u"Door chain"_s);
    type(dialog.standardBox(), u"TS 003"_s);
    type(dialog.costEdit(), u"9.50"_s);
    type(dialog.minutesBox(), u"15"_s);
    dialog.skillBox()->setFocus();
    QTest::keyClick(dialog.skillBox(), Qt::Key_Home); // locks
    type(dialog.supplierEdit(), u"ERA-1234"_s);
    type(dialog.reorderBox(), u"10"_s);
    alt(Qt::Key_S, dialog.saveButton()); // Save
    EXPECT_EQ(rows(),
              QStringList {u"DOOR_CHAIN_TS003|Door chain|TS 003|950|15|locks|ERA-1234|10"_s})
        << qPrintable(dialog.statusLabel()->text());
    EXPECT_EQ(dialog.table()->rowCount(), 1);

    // A change, undone and redone.
    type(dialog.costEdit(), u"\u00a310.25"_s);
    type(dialog.reorderBox(), u"25"_s);
    alt(Qt::Key_S, dialog.saveButton());
    EXPECT_EQ(rows(),
              QStringList {u"DOOR_CHAIN_TS003|Door chain|TS 003|1025|15|locks|ERA-1234|25"_s});
    shoot(&dialog, u"catalogue.png"_s);
    QTest::keyClick(dialog.table(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(rows(),
              QStringList {u"DOOR_CHAIN_TS003|Door chain|TS 003|950|15|locks|ERA-1234|10"_s});
    EXPECT_EQ(dialog.costEdit()->text(), u"9.50"_s);
    QTest::keyClick(dialog.table(), Qt::Key_Y, Qt::ControlModifier);
    EXPECT_EQ(rows(),
              QStringList {u"DOOR_CHAIN_TS003|Door chain|TS 003|1025|15|locks|ERA-1234|25"_s});
    // Undoing the add takes the item away again.
    dialog.undoStack()->undo();
    dialog.undoStack()->undo();
    EXPECT_TRUE(rows().isEmpty());
}

TEST_F(CatalogueAdminTest, RefusesAWrongCostAtItsFieldAndKeepsARuleCode)
{
    CatalogueDialog dialog(m_database, {u"DOOR_VIEWER"_s});
    show(dialog);
    type(dialog.codeEdit(), u"DOOR_VIEWER"_s);
    type(dialog.nameEdit(), u"Door viewer"_s);
    type(dialog.costEdit(), u"six pounds"_s);
    alt(Qt::Key_S, dialog.saveButton());
    EXPECT_EQ(dialog.fieldError(EquipmentField::UnitCost),
              u"Write the cost in pounds and pence, e.g. 28.50."_s);
    EXPECT_TRUE(dialog.fieldError(EquipmentField::Name).isEmpty());
    EXPECT_TRUE(rows().isEmpty());
    shoot(&dialog, u"catalogue-refused.png"_s);

    type(dialog.costEdit(), u"6.50"_s);
    alt(Qt::Key_S, dialog.saveButton());
    ASSERT_EQ(rows().size(), 1) << qPrintable(dialog.statusLabel()->text());
    EXPECT_TRUE(dialog.fieldError(EquipmentField::UnitCost).isEmpty());

    alt(Qt::Key_D, dialog.deleteButton()); // Delete
    EXPECT_EQ(rows().size(), 1);
    EXPECT_EQ(dialog.statusLabel()->text(),
              u"Door viewer cannot be deleted: it is used by the survey\u2019s recommendation "
              "rules."_s);
}

TEST_F(CatalogueAdminTest, ListsTheChangesTheCentralDatabaseRefused)
{
    CatalogueDialog dialog(m_database, EquipmentRepository::ruleCodesBuiltIn());
    show(dialog);
    EXPECT_FALSE(dialog.refusedLabel()->isVisible());
    // A change made here, which the sync queued; the server refused it (not a coordinator's).
    dialog.startNew();
    type(dialog.codeEdit(), u"KEY_SAFE"_s);
    type(dialog.nameEdit(), u"Key safe"_s);
    type(dialog.costEdit(), u"45"_s);
    ASSERT_TRUE(dialog.save()) << qPrintable(dialog.statusLabel()->text());
    QSqlQuery query(m_database.connection());
    ASSERT_TRUE(query.exec(u"UPDATE outbox SET rejected_at = '2026-12-07T10:00:00.000Z', "
                           "rejected_reason = 'permission denied for table equipment_type' "
                           "WHERE entity = 'equipment_type' AND entity_id = 'KEY_SAFE'"_s))
        << qPrintable(query.lastError().text());
    ASSERT_EQ(query.numRowsAffected(), 1);
    dialog.reload();
    settle();
    EXPECT_TRUE(dialog.refusedLabel()->isVisible());
    EXPECT_EQ(dialog.refusedLabel()->text(),
              u"The central database refused these catalogue changes; the other devices do not "
              "have them:\nKEY_SAFE (create): permission denied for table equipment_type"_s);
    shoot(&dialog, u"catalogue-refused.png"_s);
}
