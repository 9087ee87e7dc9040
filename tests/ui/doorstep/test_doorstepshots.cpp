#include "common/signaturepad.h"
#include "common/touchbutton.h"
#include "doorstep/consentpanel.h"
#include "doorstep/doorsteptest.h"
#include "doorstep/surveyform.h"
#include "doorstep/surveyquestionwidget.h"
#include "doorstep/visitoutcomepanel.h"

#include <QCheckBox>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QPixmap>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace saferhomes::test {

// Walks doorstep mode at tablet size (1280 × 800) through every screen, rendering each to a
// PNG that must read back at the window's size, be drawn (not a blank or half-painted window)
// and show what that screen is for: the texts each screen must show, and some that belong to
// other screens and must not be in sight. The pictures are kept for a person to look at when
// SAFERHOMES_SHOTS_DIR names a folder; otherwise they go to a temporary one.
TEST_F(DoorstepTest, RendersTabletScreenshots)
{
    QTemporaryDir scratch;
    QString folder = qEnvironmentVariable("SAFERHOMES_SHOTS_DIR");
    if (folder.isEmpty())
        folder = scratch.path();
    ASSERT_TRUE(QDir().mkpath(folder));
    const auto shoot = [&folder](QWidget *window, const QString &name, const QStringList &shows,
                                 const QStringList &hides = {}) {
        settle();
        const QString file = QDir(folder).filePath(name + QStringLiteral(".png"));
        EXPECT_TRUE(window->grab().save(file));
        const QImage image(file);
        EXPECT_EQ(image.size(), window->size() * window->devicePixelRatio()) << qPrintable(name);
        EXPECT_GE(distinctColours(image), 32) << qPrintable(name) << " looks blank";
        const QStringList shown = shownTexts(window);
        for (const QString &text : shows)
            EXPECT_TRUE(shown.contains(text))
                << qPrintable(name) << " does not show " << qPrintable(text);
        for (const QString &text : hides)
            EXPECT_FALSE(shown.contains(text)) << qPrintable(name) << " shows " << qPrintable(text);
    };
    const QUuid id = idOf(QStringLiteral("12 Thorpe Road"));
    std::unique_ptr<MainWindow> window = openWindow();
    window->showDoorstep();
    DoorstepPage *page = window->doorstepPage();
    shoot(window.get(), QStringLiteral("0-round"),
          {QStringLiteral("My round — Melton Town Centre: 3 households"),
           QStringLiteral("12 Thorpe Road LE13 1AB · Identified"),
           QStringLiteral("45 Burton Street LE13 1AE · Accepted")},
          {QStringLiteral("Save visit"), QStringLiteral("Households by status")});

    page->openHousehold(id);
    press(Qt::Key_2);
    type(QStringLiteral("Landlord will not allow changes"));
    shoot(window.get(), QStringLiteral("1-outcome"),
          {QStringLiteral("What happened at 12 Thorpe Road?"),
           QStringLiteral("Why did they decline? (required)"),
           QStringLiteral("Landlord will not allow changes"), QStringLiteral("2 Declined"),
           QStringLiteral("Save visit")},
          {QStringLiteral("12 Thorpe Road LE13 1AB · Identified")});
    page->outcomePanel()->reasonEdit()->clear();
    QTest::mouseClick(page->outcomePanel()->outcomeButton(VisitOutcome::Accepted), Qt::LeftButton);
    QTest::mouseClick(page->outcomePanel()->saveButton(), Qt::LeftButton);

    ConsentPanel *consent = page->consentPanel();
    consent->purposeBox(ConsentPurpose::SurveyFitting)->click();
    consent->purposeBox(ConsentPurpose::Photos)->click();
    SignaturePad *pad = consent->signaturePad();
    QTest::mousePress(pad, Qt::LeftButton, {}, QPoint(40, 110));
    for (int x = 40; x <= 320; x += 10)
        QTest::mouseMove(pad, QPoint(x, 100 - int(30 * std::sin(x / 18.0))));
    QTest::mouseRelease(pad, Qt::LeftButton, {}, QPoint(330, 95));
    shoot(window.get(), QStringLiteral("2-consent"),
          {QStringLiteral("What does the householder agree to?"),
           QStringLiteral("Margaret Atkinson"), QStringLiteral("Record consent"),
           QStringLiteral("Survey and fitting: not asked yet")},
          {QStringLiteral("Save visit")});
    consent->recordButton()->click();

    SurveyForm *form = page->surveyForm();
    form->questionWidget(QStringLiteral("front_door.material"))
        ->optionButton(QStringLiteral("timber"))
        ->click();
    form->questionWidget(QStringLiteral("front_door.lock"))
        ->optionButton(QStringLiteral("nightlatch_only"))
        ->click();
    form->nextButton()->click(); // shows the messages at the unanswered fields
    shoot(window.get(), QStringLiteral("3-survey-section"),
          {QStringLiteral("Front door — section 1 of 6"),
           QStringLiteral("2 of 13 required answers"),
           QStringLiteral("Answer this question to go on.")},
          {QStringLiteral("Record consent")});

    const QList<std::pair<QString, QString>> answers {
        {QStringLiteral("front_door.cylinder"), QStringLiteral("standard")},
        {QStringLiteral("front_door.viewer"), QStringLiteral("no")},
        {QStringLiteral("front_door.chain"), QStringLiteral("yes")},
        {QStringLiteral("letterbox.guard"), QStringLiteral("no")},
        {QStringLiteral("rear_door.present"), QStringLiteral("yes")},
        {QStringLiteral("rear_door.material"), QStringLiteral("timber")},
        {QStringLiteral("rear_door.lock"), QStringLiteral("mortice_non_bs")},
        {QStringLiteral("rear_door.cylinder"), QStringLiteral("na")},
        {QStringLiteral("windows.ground_floor_locks"), QStringLiteral("none")},
        {QStringLiteral("lighting.external"), QStringLiteral("manual")},
        {QStringLiteral("garden.rear_gate_lock"), QStringLiteral("no")},
        {QStringLiteral("shed.present"), QStringLiteral("yes")},
        {QStringLiteral("shed.secured"), QStringLiteral("no")},
        {QStringLiteral("alarm.intruder"), QStringLiteral("dummy")},
        {QStringLiteral("property_marking.done"), QStringLiteral("no")},
    };
    for (const auto &[question, value] : answers)
        form->questionWidget(question)->optionButton(value)->click();
    form->goToQuestion(QStringLiteral("windows.unlocked_count"));
    // The box selects its text once its own focus handling is done (a queued call): a digit
    // typed before that would be added to "Not answered" instead of replacing it.
    auto *count = qobject_cast<QSpinBox *>(
        form->questionWidget(QStringLiteral("windows.unlocked_count"))->focusTarget());
    ASSERT_NE(count, nullptr);
    ASSERT_TRUE(waitFor([count] {
        const QLineEdit *edit = count->findChild<QLineEdit *>();
        return count->hasFocus() && edit && edit->selectedText() == edit->text();
    })) << "the number box never got the focus with its text selected";
    type(QStringLiteral("3"));
    EXPECT_EQ(count->value(), 3);
    shoot(window.get(), QStringLiteral("4-survey-windows"),
          {QStringLiteral("Windows — section 3 of 6"), QStringLiteral("18 of 18 required answers"),
           QStringLiteral("How many of those windows have no lock? *"), QStringLiteral("3")},
          {QStringLiteral("Answer this question to go on.")});
    form->goToSection(1);
    shoot(window.get(), QStringLiteral("4-survey-back-door"),
          {QStringLiteral("Back door — section 2 of 6"),
           QStringLiteral("What is the back door made of? *")},
          {QStringLiteral("Windows — section 3 of 6")});
    form->showReview();
    shoot(window.get(), QStringLiteral("5-review"),
          {QStringLiteral("Review the answers"), QStringLiteral("Nightlatch only (Yale type)"),
           QStringLiteral("Standard cylinder, no kitemark"), QStringLiteral("Complete survey")},
          {QStringLiteral("Next")});
    form->completeButton()->click();
    shoot(window.get(), QStringLiteral("6-package"),
          {QStringLiteral("Recommended package"), QStringLiteral("MORTICE_DEADLOCK_BS3621"),
           QStringLiteral("WINDOW_LOCK"), QStringLiteral("3 ground-floor window(s) have no lock."),
           QStringLiteral("Agree package"),
           QStringLiteral("LE13 1AB · Melton Town Centre · Surveyed")},
          {QStringLiteral("Complete survey")});
    page->stepButton(DoorstepPage::Step::Visits)->click();
    shoot(window.get(), QStringLiteral("7-visits"), {QStringLiteral("Agreed to a survey")},
          {QStringLiteral("Agree package")});
    window->showDoorstep(false);
    window->selectHousehold(id);
    shoot(window.get(), QStringLiteral("8-register"),
          {QStringLiteral("Households by status"), QStringLiteral("Margaret Atkinson"),
           QStringLiteral("67%"), QStringLiteral("Take-up")},
          {QStringLiteral("Agree package"), QStringLiteral("◀ My round")});
}

} // namespace saferhomes::test
