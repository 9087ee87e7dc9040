// View › Fitters…: a fitter added through the form from the keyboard, then edited (a day off,
// an absence), each time read back from the fitter table with literal values; a shift that
// ends before it starts is refused at the field and stores nothing.
#include "admin/fittereditor.h"
#include "admin/fittersdialog.h"
#include "shell/mainwindow.h"
#include "store/auditlog.h"
#include "store/fitterrepository.h"
#include "uitest.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTest>
#include <QTimeEdit>

using namespace saferhomes;
using namespace saferhomes::test;
using namespace Qt::StringLiterals;

namespace {

class FitterAdminTest : public UiTest {
protected:
    /// The one row of the fitter table, its columns joined by '|'.
    QStringList rows()
    {
        QSqlQuery query(m_database.connection());
        EXPECT_TRUE(query.exec(
            u"SELECT name, skills, start_latitude, start_longitude, shift_start, shift_end, "
            "active, weekly_shifts, absences, van FROM fitter ORDER BY name"_s))
            << qPrintable(query.lastError().text());
        QStringList result;
        while (query.next()) {
            QStringList columns;
            for (int i = 0; i < 10; ++i)
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

    /// Opens the form from the keyboard: Space on the dialog's \a button.
    FitterEditor *openForm(FittersDialog &dialog, QPushButton *button)
    {
        QSignalSpy opened(&dialog, &FittersDialog::editorOpened);
        button->setFocus();
        QTest::keyClick(button, Qt::Key_Space);
        EXPECT_EQ(opened.size(), 1);
        if (opened.size() != 1)
            return nullptr;
        auto *editor = qobject_cast<FitterEditor *>(opened.at(0).at(0).value<QDialog *>());
        if (editor) {
            EXPECT_TRUE(QTest::qWaitForWindowActive(editor, kPatienceMs));
        }
        return editor;
    }

    static void type(QWidget *widget, const QString &text)
    {
        widget->setFocus();
        QTest::keyClick(widget, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(widget, text);
    }

    /// Types the hours and the minutes, each over its selected section.
    static void typeTime(QTimeEdit *edit, const QString &hhmm)
    {
        edit->setFocus();
        edit->setSelectedSection(QDateTimeEdit::HourSection);
        QTest::keyClicks(edit, hhmm.left(2));
        edit->setSelectedSection(QDateTimeEdit::MinuteSection);
        QTest::keyClicks(edit, hhmm.mid(2));
    }

    static void saveWithEnter(FitterEditor *editor)
    {
        editor->vanEdit()->setFocus();
        QTest::keyClick(editor->vanEdit(), Qt::Key_Return);
    }

    void shoot(QWidget *widget, const QString &name)
    {
        settle();
        const QString shots = qEnvironmentVariable("SAFERHOMES_SHOTS_DIR");
        if (!shots.isEmpty()) {
            EXPECT_TRUE(widget->grab().save(QDir(shots).filePath(name)));
        }
    }
};

} // namespace

TEST_F(FitterAdminTest, AddsAndEditsAFitterFromTheKeyboard)
{
    FittersDialog dialog(m_database);
    show(dialog);
    EXPECT_EQ(dialog.table()->rowCount(), 0);

    FitterEditor *editor = openForm(dialog, dialog.addButton());
    ASSERT_NE(editor, nullptr);
    type(editor->nameEdit(), u"Mo Rahman"_s);
    editor->skillBox(u"locks"_s)->setFocus();
    QTest::keyClick(editor->skillBox(u"locks"_s), Qt::Key_Space);
    editor->skillBox(u"electrical"_s)->setFocus();
    QTest::keyClick(editor->skillBox(u"electrical"_s), Qt::Key_Space);
    typeTime(editor->shiftStartEdit(), u"0730"_s);
    typeTime(editor->shiftEndEdit(), u"1545"_s);
    type(editor->latitudeEdit(), u"52.6369"_s);
    type(editor->longitudeEdit(), u"-1.1398"_s);
    type(editor->vanEdit(), u"VN21 ABC"_s);
    shoot(editor, u"fittereditor-add.png"_s);
    QSignalSpy accepted(editor, &QDialog::accepted);
    saveWithEnter(editor);
    ASSERT_EQ(accepted.size(), 1) << qPrintable(shownTexts(editor).join(u" / "_s));

    EXPECT_EQ(rows(),
              QStringList {u"Mo Rahman|locks;electrical|52.6369|-1.1398|07:30|15:45|1|{}|[]|"
                           "VN21 ABC"_s});
    ASSERT_EQ(dialog.table()->rowCount(), 1);
    EXPECT_EQ(dialog.table()->item(0, 0)->text(), u"Mo Rahman"_s);
    EXPECT_EQ(dialog.table()->item(0, 1)->text(), u"locks, electrical"_s);
    EXPECT_EQ(dialog.table()->item(0, 2)->text(), u"07:30\u201315:45"_s);
    EXPECT_EQ(dialog.table()->item(0, 3)->text(), u"VN21 ABC"_s);
    EXPECT_EQ(dialog.table()->item(0, 4)->text(), u"yes"_s);

    // Edit: Wednesday off, Saturday 09:00-13:00, a week's leave, no longer active.
    editor = openForm(dialog, dialog.editButton());
    ASSERT_NE(editor, nullptr);
    EXPECT_EQ(editor->nameEdit()->text(), u"Mo Rahman"_s);
    editor->dayChoice(3)->setFocus();
    QTest::keyClick(editor->dayChoice(3), Qt::Key_Down);
    editor->dayChoice(6)->setFocus();
    QTest::keyClick(editor->dayChoice(6), Qt::Key_Down);
    QTest::keyClick(editor->dayChoice(6), Qt::Key_Down);
    typeTime(editor->dayStartEdit(6), u"0900"_s);
    typeTime(editor->dayEndEdit(6), u"1300"_s);
    type(editor->absencesEdit(), u"2026-12-24 2026-12-31 Christmas leave"_s);
    editor->activeBox()->setFocus();
    QTest::keyClick(editor->activeBox(), Qt::Key_Space);
    shoot(editor, u"fittereditor-edit.png"_s);
    QSignalSpy editAccepted(editor, &QDialog::accepted);
    saveWithEnter(editor);
    ASSERT_EQ(editAccepted.size(), 1) << qPrintable(shownTexts(editor).join(u" / "_s));

    EXPECT_EQ(rows(),
              QStringList {u"Mo Rahman|locks;electrical|52.6369|-1.1398|07:30|15:45|0|"
                           "{\"3\":null,\"6\":[\"09:00\",\"13:00\"]}|"
                           "[{\"from\":\"2026-12-24\",\"reason\":\"Christmas leave\","
                           "\"to\":\"2026-12-31\"}]|VN21 ABC"_s});
    EXPECT_EQ(dialog.table()->item(0, 4)->text(), u"no"_s);
    shoot(&dialog, u"fittersdialog.png"_s);

    QSqlQuery id(m_database.connection());
    ASSERT_TRUE(id.exec(u"SELECT id FROM fitter"_s) && id.next());
    QStringList audited;
    for (const AuditEvent &event :
         AuditLog::history(m_database.connectionName(), u"fitter"_s, id.value(0).toString())) {
        audited.append(event.field + u':' + event.newValue.toString());
    }
    EXPECT_EQ(audited, (QStringList {u"created:Mo Rahman"_s, u"updated:Mo Rahman"_s}));
}

TEST_F(FitterAdminTest, UpdatingAFitterThatIsNotStoredIsNotFound)
{
    Fitter ghost;
    ghost.id = QUuid(u"00000000-0000-4000-8000-000000000899"_s);
    ghost.name = u"Nobody"_s;
    const Result<Fitter> updated = FitterRepository(m_database, u"tester"_s).update(ghost);
    ASSERT_FALSE(updated.ok());
    EXPECT_EQ(updated.error().kind, Error::Kind::NotFound);
    EXPECT_EQ(rows(), QStringList {});
}

TEST_F(FitterAdminTest, TheViewMenuOpensTheFitters)
{
    QSqlQuery insert(m_database.connection());
    ASSERT_TRUE(insert.exec(u"INSERT INTO fitter (id, name) VALUES "
                            "('00000000-0000-4000-8000-000000000801', 'Mo Rahman')"_s));
    MainWindow window(m_database, settings());
    show(window);
    QAction *fitters = nullptr;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->text() == u"&View"_s) {
            for (QAction *action : menu->menu()->actions()) {
                if (action->text() == u"F&itters\u2026"_s)
                    fitters = action;
            }
        }
    }
    ASSERT_NE(fitters, nullptr);
    fitters->trigger();
    FittersDialog *dialog = nullptr;
    ASSERT_TRUE(waitFor([&] {
        dialog = window.findChild<FittersDialog *>();
        return dialog && dialog->isVisible();
    }));
    ASSERT_EQ(dialog->table()->rowCount(), 1);
    EXPECT_EQ(dialog->table()->item(0, 0)->text(), u"Mo Rahman"_s);
    dialog->reject();
}

TEST_F(FitterAdminTest, AShiftEndingBeforeItStartsIsRefusedAtTheField)
{
    FittersDialog dialog(m_database);
    show(dialog);
    FitterEditor *editor = openForm(dialog, dialog.addButton());
    ASSERT_NE(editor, nullptr);
    type(editor->nameEdit(), u"Dave Hollis"_s);
    typeTime(editor->shiftStartEdit(), u"1600"_s);
    typeTime(editor->shiftEndEdit(), u"0800"_s);
    type(editor->latitudeEdit(), u"12.5"_s);
    type(editor->longitudeEdit(), u"-1.1"_s);
    saveWithEnter(editor);
    settle();

    EXPECT_TRUE(editor->isVisible());
    EXPECT_TRUE(editor->shiftError()->isVisible());
    EXPECT_EQ(editor->shiftError()->text(), u"The shift must end after it starts"_s);
    EXPECT_EQ(editor->locationError()->text(), u"latitude 12.5 is outside the UK"_s);
    EXPECT_FALSE(editor->nameError()->isVisible());
    // Nothing typed is lost, nothing is stored.
    EXPECT_EQ(editor->nameEdit()->text(), u"Dave Hollis"_s);
    EXPECT_EQ(editor->shiftStartEdit()->time(), QTime(16, 0));
    EXPECT_EQ(editor->shiftEndEdit()->time(), QTime(8, 0));
    EXPECT_EQ(editor->latitudeEdit()->text(), u"12.5"_s);
    EXPECT_EQ(rows(), QStringList {});
    shoot(editor, u"fittereditor-refused.png"_s);
}
