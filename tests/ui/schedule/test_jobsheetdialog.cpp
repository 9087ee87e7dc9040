// File › Print job sheets…: the dialog lists the fitters, counts the chosen day's jobs and
// saves the sheets as a PDF (read back with poppler-utils' pdfinfo); the main window opens it
// and the fitter's day from the keyboard.
#include "schedule/fitterdaypage.h"
#include "schedule/jobsheetdialog.h"
#include "shell/mainwindow.h"
#include "uitest.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace saferhomes;
using namespace saferhomes::test;
using namespace Qt::StringLiterals;

namespace {

class JobSheetDialogTest : public UiTest {
protected:
    void run(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(sql)) << qPrintable(query.lastError().text());
    }
};

} // namespace

TEST_F(JobSheetDialogTest, SavesTheChosenFittersDayAsAPdf)
{
    run(u"INSERT INTO fitter (id, name) VALUES ('00000000-0000-4000-8000-000000000801', "
        "'Mo Rahman'), ('00000000-0000-4000-8000-000000000802', 'Dave Hollis')"_s);
    run(u"INSERT INTO household (id, address_line1, postcode, status, created_at, updated_at) "
        "VALUES ('00000000-0000-4000-8000-000000000001', '3 Scalford Road', 'LE13 1JY', "
        "'scheduled', 'x', 'x')"_s);
    run(u"INSERT INTO job (id, household_id, fitter_id, status, scheduled_start, scheduled_end, "
        "created_at) VALUES ('00000000-0000-4000-8000-000000000501', "
        "'00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000801', "
        "'scheduled', '2026-12-09T09:00:00.000Z', '2026-12-09T10:00:00.000Z', 'x')"_s);

    JobSheetDialog dialog(m_database);
    dialog.show();
    settle();
    ASSERT_EQ(dialog.fitterBox()->count(), 2); // by name
    EXPECT_EQ(dialog.fitterBox()->itemText(0), u"Dave Hollis"_s);
    dialog.fitterBox()->setCurrentIndex(1);
    dialog.dateEdit()->setDate(QDate(2026, 12, 9));
    settle();
    EXPECT_EQ(dialog.findChild<QLabel *>(u"summaryLabel"_s)->text(),
              u"1 job(s) booked on this day."_s);
    const QString shots = qEnvironmentVariable("SAFERHOMES_SHOTS_DIR");
    if (!shots.isEmpty()) {
        EXPECT_TRUE(dialog.grab().save(QDir(shots).filePath(u"jobsheetdialog.png"_s)));
    }

    const QString pdf = QDir(m_dir.path()).filePath(u"sheets.pdf"_s);
    const Status saved = dialog.saveTo(pdf);
    ASSERT_TRUE(saved) << qPrintable(saved.errorString());
    EXPECT_TRUE(dialog.statusLabel()->text().startsWith(u"Saved "_s));
    QProcess info;
    info.start(u"pdfinfo"_s, {pdf});
    ASSERT_TRUE(info.waitForFinished(60000)) << "pdfinfo (poppler-utils) did not run";
    const QRegularExpressionMatch pages
        = QRegularExpression(u"^Pages:\\s+(\\d+)$"_s, QRegularExpression::MultilineOption)
              .match(QString::fromUtf8(info.readAllStandardOutput()));
    ASSERT_TRUE(pages.hasMatch());
    EXPECT_EQ(pages.captured(1).toInt(), 2); // the summary and the one job

    // A file that cannot be written is said at the dialog, not lost.
    const Status refused = dialog.saveTo(QDir(m_dir.path()).filePath(u"no/such/x.pdf"_s));
    EXPECT_FALSE(refused);
    EXPECT_TRUE(dialog.statusLabel()->text().startsWith(u"The job sheets were not saved"_s));
}

TEST_F(JobSheetDialogTest, TheMainWindowOpensItAndTheFittersDayFromTheKeyboard)
{
    run(u"INSERT INTO fitter (id, name) VALUES ('00000000-0000-4000-8000-000000000801', "
        "'Mo Rahman')"_s);
    MainWindow window(m_database, settings());
    window.show();
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window, kPatienceMs));
    QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier); // File › Print job sheets…
    JobSheetDialog *dialog = nullptr;
    ASSERT_TRUE(waitFor([&] {
        dialog = window.findChild<JobSheetDialog *>();
        return dialog && dialog->isVisible();
    }));
    EXPECT_EQ(dialog->fitterBox()->currentText(), u"Mo Rahman"_s);
    dialog->reject();

    QTest::keyClick(&window, Qt::Key_J, Qt::ControlModifier); // View › Fitter's day
    FitterDayPage *day = nullptr;
    ASSERT_TRUE(waitFor([&] {
        day = window.findChild<FitterDayPage *>();
        return day && day->isVisible();
    }));
    EXPECT_EQ(day->fitterBox()->currentText(), u"Mo Rahman"_s);
    EXPECT_EQ(day->date(), QDate::currentDate());
    day->close();
}
