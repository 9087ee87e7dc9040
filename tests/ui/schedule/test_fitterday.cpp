// The fitter's day (DESIGN §8): a job recorded with the keyboard alone, differences that need
// a reason, an unreadable photo, no access; each checked in the database.
#include "common/signaturepad.h"
#include "common/touchbutton.h"
#include "schedule/fitterdayform.h"
#include "schedule/fitterdaypage.h"
#include "uitest.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace saferhomes;
using namespace saferhomes::test;
using namespace Qt::StringLiterals;

namespace {

const QString kFitter = u"00000000-0000-4000-8000-000000000801"_s;
const QString kFirstJob = u"00000000-0000-4000-8000-000000000501"_s;
const QString kSecondJob = u"00000000-0000-4000-8000-000000000502"_s;
const QString kFirstHousehold = u"00000000-0000-4000-8000-000000000001"_s;
const QString kSecondHousehold = u"00000000-0000-4000-8000-000000000002"_s;

class FitterDayTest : public UiTest {
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        run(u"INSERT INTO area (id, name, created_at) VALUES "
            "('00000000-0000-4000-8000-000000000901', 'Melton Town Centre', 'x')"_s);
        run(u"INSERT INTO equipment_type (code, name, standard, unit_cost_pence, fit_minutes, "
            "skill) VALUES ('LOCK', 'Five-lever mortice deadlock', 'BS 3621:2007', 3000, 30, "
            "'locks'), ('ALARM', 'Wireless intruder alarm', 'BS EN 50131', 9000, 60, "
            "'alarms')"_s);
        run(u"INSERT INTO fitter (id, name, skills) VALUES ('%1', 'Mo Rahman', 'locks;alarms')"_s
                .arg(kFitter));
        // Two households, each with its one job of Wednesday 9 December 2026 (GMT).
        const QList<std::tuple<QString, QString, QString, QString, QString>> jobs {
            {kFirstHousehold, kFirstJob, u"3 Scalford Road"_s, u"2026-12-09T09:00:00.000Z"_s,
             u"2026-12-09T10:45:00.000Z"_s},
            {kSecondHousehold, kSecondJob, u"12 Thorpe Road"_s, u"2026-12-09T11:15:00.000Z"_s,
             u"2026-12-09T12:00:00.000Z"_s}};
        for (const auto &[household, job, address, start, end] : jobs) {
            run(u"INSERT INTO household (id, address_line1, postcode, area_id, status, "
                "created_at, updated_at) VALUES ('%1', '%2', 'LE13 1AB', "
                "'00000000-0000-4000-8000-000000000901', 'scheduled', 'x', 'x')"_s.arg(household,
                                                                                       address));
            run(u"INSERT INTO job (id, household_id, fitter_id, status, scheduled_start, "
                "scheduled_end, created_at, duration_minutes, access_notes) VALUES ('%1', '%2', "
                "'%3', 'scheduled', '%4', '%5', 'x', 60, 'Side gate; ring twice')"_s.arg(
                    job, household, kFitter, start, end));
        }
        run(u"INSERT INTO job_item (id, job_id, equipment_code, qty) VALUES "
            "('00000000-0000-4000-8000-000000000601', '%1', 'LOCK', 2), "
            "('00000000-0000-4000-8000-000000000602', '%1', 'ALARM', 1), "
            "('00000000-0000-4000-8000-000000000603', '%2', 'LOCK', 1)"_s.arg(kFirstJob,
                                                                              kSecondJob));
        run(u"INSERT INTO resident (id, household_id, name, phone, is_primary, created_at) "
            "VALUES ('00000000-0000-4000-8000-000000000701', '%1', 'Ann Smith', "
            "'01632 960001', 1, 'x')"_s.arg(kFirstHousehold));
        // The van holds what the day needs: a completion takes what it fits from it.
        run(u"INSERT INTO stock_movement (id, equipment_code, qty_change, reason, at, by_user, "
            "location) VALUES ('00000000-0000-4000-8000-000000000951', 'LOCK', 10, 'received', "
            "'x', 'keeper', '%1'), ('00000000-0000-4000-8000-000000000952', 'ALARM', 5, "
            "'received', 'x', 'keeper', '%1')"_s.arg(kFitter));

        m_page = std::make_unique<FitterDayPage>(m_database);
        m_page->setDate(QDate(2026, 12, 9));
        m_page->resize(1000, 900);
        m_page->show();
        QApplication::setActiveWindow(m_page.get());
        ASSERT_TRUE(waitFor([this] { return m_page->isActiveWindow(); }));
        settle();
    }

    void run(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(sql)) << qPrintable(query.lastError().text()) << "\n"
                                     << qPrintable(sql);
    }

    QString scalar(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        if (!query.exec(sql) || !query.next())
            return u"(no answer)"_s;
        return query.value(0).toString();
    }

    /// Presses \a key on whatever has the keyboard focus, as a user would.
    void press(Qt::Key key)
    {
        QWidget *focus = QApplication::focusWidget();
        ASSERT_NE(focus, nullptr);
        QTest::keyClick(focus, key);
        settle();
    }

    void type(const QString &text)
    {
        QWidget *focus = QApplication::focusWidget();
        ASSERT_NE(focus, nullptr);
        QTest::keyClicks(focus, text);
        settle();
    }

    std::unique_ptr<FitterDayPage> m_page;
};

} // namespace

TEST_F(FitterDayTest, ShowsTheDayInRouteOrderWithWhatTheFitterNeeds)
{
    ASSERT_EQ(m_page->fitterBox()->currentText(), u"Mo Rahman"_s);
    ASSERT_EQ(m_page->jobList()->count(), 2);
    EXPECT_TRUE(m_page->jobList()->item(0)->text().contains(u"09:00\u201310:45"_s));
    EXPECT_TRUE(m_page->jobList()->item(0)->text().contains(u"3 Scalford Road"_s));
    EXPECT_TRUE(m_page->jobList()->item(1)->text().contains(u"12 Thorpe Road"_s));
    const QString detail = m_page->detailLabel()->text();
    EXPECT_TRUE(detail.contains(u"Side gate; ring twice"_s)) << qPrintable(detail);
    EXPECT_TRUE(detail.contains(u"Ann Smith"_s)) << qPrintable(detail);
    EXPECT_TRUE(detail.contains(u"Ann Smith \u00b7 01632 960001"_s)) << qPrintable(detail);
    const QString shots = qEnvironmentVariable("SAFERHOMES_SHOTS_DIR");
    if (!shots.isEmpty()) {
        EXPECT_TRUE(m_page->grab().save(QDir(shots).filePath(u"fitterday.png"_s)));
    }
    m_page->setShowContact(false);
    EXPECT_FALSE(m_page->detailLabel()->text().contains(u"Ann Smith"_s));
    // Touch targets as in doorstep mode.
    FitterDayForm *form = m_page->form();
    for (QWidget *widget :
         {static_cast<QWidget *>(form->fittedBox(0)), static_cast<QWidget *>(form->serialEdit(0)),
          static_cast<QWidget *>(form->signedOffByEdit()),
          static_cast<QWidget *>(form->completeButton()),
          static_cast<QWidget *>(form->noAccessButton()),
          static_cast<QWidget *>(m_page->fitterBox())}) {
        EXPECT_GE(widget->height(), 48) << qPrintable(widget->objectName());
    }
}

TEST_F(FitterDayTest, CompletesAJobWithTheKeyboardOnly)
{
    FitterDayForm *form = m_page->form();
    m_page->jobList()->setFocus(); // where the keyboard starts: the day's list
    settle();
    press(Qt::Key_Down); // the day's jobs are picked with the arrow keys
    ASSERT_EQ(m_page->jobList()->currentRow(), 1);
    press(Qt::Key_Up);
    ASSERT_EQ(m_page->jobList()->currentRow(), 0);
    press(Qt::Key_Tab);
    ASSERT_EQ(QApplication::focusWidget(), form->fittedBox(0));
    // One lock of the two planned: the difference needs a reason. Try without one first.
    press(Qt::Key_Backspace);
    type(u"1"_s);
    EXPECT_EQ(form->fittedBox(0)->value(), 1);
    press(Qt::Key_Tab);
    ASSERT_EQ(QApplication::focusWidget(), form->reasonEdit(0));
    press(Qt::Key_Tab);
    ASSERT_EQ(QApplication::focusWidget(), form->serialEdit(0));
    type(u"L-1001"_s);
    press(Qt::Key_Tab); // the alarm, as planned: its reason stays shut and is skipped
    ASSERT_EQ(QApplication::focusWidget(), form->fittedBox(1));
    press(Qt::Key_Tab);
    ASSERT_EQ(QApplication::focusWidget(), form->serialEdit(1));
    type(u"A-77"_s);
    press(Qt::Key_Tab);
    press(Qt::Key_Tab); // past "Add photo"
    ASSERT_EQ(QApplication::focusWidget(), form->signedOffByEdit());
    type(u"Ann Smith"_s);
    press(Qt::Key_Tab);
    ASSERT_EQ(QApplication::focusWidget(), form->completeButton());
    press(Qt::Key_Space);
    // Refused at the field, which takes the keyboard: nothing written.
    EXPECT_TRUE(form->findChild<QLabel *>(u"itemError0"_s)->isVisible());
    EXPECT_EQ(scalar(u"SELECT status FROM job WHERE id = '%1'"_s.arg(kFirstJob)), u"scheduled"_s);
    ASSERT_EQ(QApplication::focusWidget(), form->reasonEdit(0));
    const QString shots = qEnvironmentVariable("SAFERHOMES_SHOTS_DIR");
    if (!shots.isEmpty()) {
        EXPECT_TRUE(m_page->grab().save(QDir(shots).filePath(u"fitterday-reason.png"_s)));
    }
    type(u"Back door frame rotten"_s);
    for (int i = 0; i < 5; ++i) // serials, alarm, its serials, Add photo, the name
        press(Qt::Key_Tab);
    ASSERT_EQ(QApplication::focusWidget(), form->signedOffByEdit());
    press(Qt::Key_Tab);
    ASSERT_EQ(QApplication::focusWidget(), form->completeButton());
    press(Qt::Key_Return);

    EXPECT_EQ(
        scalar(u"SELECT status || '/' || signed_off_by FROM job WHERE id = '%1'"_s.arg(kFirstJob)),
        u"completed/Ann Smith"_s);
    EXPECT_EQ(scalar(u"SELECT fitted_qty || '/' || serial || '/' || difference_reason FROM "
                     "job_item WHERE id = '00000000-0000-4000-8000-000000000601'"_s),
              u"1/L-1001/Back door frame rotten"_s);
    EXPECT_EQ(scalar(u"SELECT fitted_qty || '/' || serial || '/' || difference_reason FROM "
                     "job_item WHERE id = '00000000-0000-4000-8000-000000000602'"_s),
              u"1/A-77/"_s);
    // Its only job is done: the household is installed. The other one is still scheduled.
    EXPECT_EQ(scalar(u"SELECT status FROM household WHERE id = '%1'"_s.arg(kFirstHousehold)),
              u"installed"_s);
    EXPECT_EQ(scalar(u"SELECT status FROM household WHERE id = '%1'"_s.arg(kSecondHousehold)),
              u"scheduled"_s);
    EXPECT_TRUE(m_page->statusLabel()->text().contains(u"completed"_s));
    EXPECT_TRUE(m_page->jobList()->item(0)->text().contains(u"done"_s));
    EXPECT_EQ(m_page->jobList()->currentRow(), 1); // on to the next job still to do
    EXPECT_TRUE(form->isVisible());
    press(Qt::Key_Up); // back to the one just done: what was recorded, no form
    ASSERT_EQ(m_page->jobList()->currentRow(), 0);
    EXPECT_FALSE(form->isVisible());
    EXPECT_TRUE(m_page->detailLabel()->text().contains(
        u"Fitted 1 of 2: Five-lever mortice deadlock (serials L-1001): Back door frame "
        "rotten"_s))
        << qPrintable(m_page->detailLabel()->text());
    if (!shots.isEmpty()) {
        EXPECT_TRUE(m_page->grab().save(QDir(shots).filePath(u"fitterday-done.png"_s)));
    }
}

TEST_F(FitterDayTest, AnUnreadablePhotoIsNamedAtItsFieldAndLosesNothingElse)
{
    FitterDayForm *form = m_page->form();
    form->serialEdit(0)->setText(u"L-1"_s);
    form->signedOffByEdit()->setText(u"Ann Smith"_s);
    const QString broken = writeFile(u"door.jpg"_s, QByteArray("\xff\xd8\xff not a jpeg"));
    EXPECT_FALSE(form->addPhoto(broken));
    EXPECT_TRUE(form->photoError()->isVisible());
    EXPECT_TRUE(form->photoError()->text().contains(u"door.jpg"_s));
    EXPECT_EQ(form->photoCount(), 0);
    EXPECT_EQ(form->serialEdit(0)->text(), u"L-1"_s);
    EXPECT_EQ(form->signedOffByEdit()->text(), u"Ann Smith"_s);

    // A real photo is kept, with the job, when it is completed.
    QImage image(40, 30, QImage::Format_RGB32);
    image.fill(Qt::darkGreen);
    const QString good = QDir(m_dir.path()).filePath(u"frame.png"_s);
    ASSERT_TRUE(image.save(good));
    EXPECT_TRUE(form->addPhoto(good));
    EXPECT_FALSE(form->photoError()->isVisible());
    // The householder signs on the pad.
    SignaturePad *pad = form->signaturePad();
    const QPoint from(pad->width() / 4, pad->height() / 2);
    QTest::mousePress(pad, Qt::LeftButton, {}, from);
    for (int step = 1; step <= 8; ++step)
        QTest::mouseMove(pad, from + QPoint(step * pad->width() / 16, (step % 2) * 12));
    QTest::mouseRelease(pad, Qt::LeftButton, {}, from + QPoint(pad->width() / 2, 0));
    ASSERT_FALSE(pad->isEmpty());
    form->completeButton()->click();
    EXPECT_EQ(scalar(u"SELECT status FROM job WHERE id = '%1'"_s.arg(kFirstJob)), u"completed"_s);
    EXPECT_EQ(scalar(u"SELECT count(*) || '/' || min(mime_type) || '/' || min(household_id) FROM "
                     "attachment WHERE job_id = '%1' AND kind = 'photo'"_s.arg(kFirstJob)),
              u"1/image/png/"_s + kFirstHousehold);
    EXPECT_EQ(scalar(u"SELECT count(*) || '/' || min(mime_type) FROM attachment WHERE job_id = "
                     "'%1' AND kind = 'signature' AND length(bytes) > 0"_s.arg(kFirstJob)),
              u"1/image/png"_s);
}

TEST_F(FitterDayTest, NoAccessNeedsAReasonAndReturnsTheJobToTheTray)
{
    FitterDayForm *form = m_page->form();
    m_page->jobList()->setCurrentRow(1);
    settle();
    // The second job's one item, shown in rows made while the page is on screen.
    ASSERT_NE(form->fittedBox(0), nullptr);
    EXPECT_TRUE(form->fittedBox(0)->isVisible());
    EXPECT_EQ(form->fittedBox(1), nullptr);
    form->noAccessButton()->click();
    EXPECT_TRUE(form->formError()->isVisible());
    EXPECT_EQ(scalar(u"SELECT status FROM job WHERE id = '%1'"_s.arg(kSecondJob)), u"scheduled"_s);
    form->noAccessEdit()->setFocus();
    type(u"Nobody in, card left"_s);
    press(Qt::Key_Tab);
    ASSERT_EQ(QApplication::focusWidget(), form->noAccessButton());
    press(Qt::Key_Space);
    EXPECT_EQ(scalar(u"SELECT status FROM job WHERE id = '%1'"_s.arg(kSecondJob)), u"no_access"_s);
    EXPECT_EQ(scalar(u"SELECT status FROM job WHERE revisit_of = '%1'"_s.arg(kSecondJob)),
              u"unscheduled"_s);
    EXPECT_EQ(scalar(u"SELECT status FROM household WHERE id = '%1'"_s.arg(kSecondHousehold)),
              u"accepted"_s);
}

TEST_F(FitterDayTest, AVanThatCannotCoverWhatWasFittedRefusesAtTheItemWithTheFigures)
{
    // The van's locks were all written off: the second job's lock cannot come from it.
    run(u"INSERT INTO stock_movement (id, equipment_code, qty_change, reason, at, by_user, "
        "location, note) VALUES ('00000000-0000-4000-8000-000000000953', 'LOCK', -10, "
        "'written_off', 'x', 'keeper', '%1', 'Stolen from the van')"_s.arg(kFitter));
    FitterDayForm *form = m_page->form();
    m_page->jobList()->setCurrentRow(1);
    settle();
    form->signedOffByEdit()->setText(u"Raj Patel"_s);
    form->completeButton()->click();
    settle();
    const QLabel *error = form->findChild<QLabel *>(u"itemError0"_s);
    ASSERT_NE(error, nullptr);
    EXPECT_TRUE(error->isVisible());
    EXPECT_EQ(error->text(),
              u"LOCK: 1 fitted, 0 of them reserved for this job; Mo Rahman's van has 0 more "
              "available (0 on hand, 0 reserved for jobs), so 1 cannot be taken from it."_s);
    EXPECT_EQ(QApplication::focusWidget(), form->fittedBox(0));
    EXPECT_TRUE(form->formError()->text().contains(u"The van cannot cover what was fitted"_s))
        << qPrintable(form->formError()->text());
    EXPECT_EQ(scalar(u"SELECT status FROM job WHERE id = '%1'"_s.arg(kSecondJob)), u"scheduled"_s);
    const QString shots = qEnvironmentVariable("SAFERHOMES_SHOTS_DIR");
    if (!shots.isEmpty()) {
        EXPECT_TRUE(m_page->grab().save(QDir(shots).filePath(u"fitterday-van-short.png"_s)));
    }
}
