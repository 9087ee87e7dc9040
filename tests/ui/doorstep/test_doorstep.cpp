#include "common/messagebanner.h"
#include "common/signaturepad.h"
#include "common/stringtablemodel.h"
#include "common/touchbutton.h"
#include "common/visittimelineview.h"
#include "doorstep/consentpanel.h"
#include "doorstep/doorstepfinder.h"
#include "doorstep/doorsteptest.h"
#include "doorstep/packagepanel.h"
#include "doorstep/packagetablemodel.h"
#include "doorstep/roundlistmodel.h"
#include "doorstep/surveyform.h"
#include "doorstep/surveyquestionwidget.h"
#include "doorstep/surveyreviewpage.h"
#include "doorstep/visitoutcomepanel.h"
#include "register/householddetailpanel.h"
#include "register/householdtablemodel.h"
#include "store/auditlog.h"
#include "store/consentrepository.h"
#include "store/surveyrepository.h"
#include "store/visitrepository.h"
#include "survey/surveydefinition.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace saferhomes::test {

namespace {

using Step = DoorstepPage::Step;

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QStringList auditFields(const Database &database, const QString &entity, const QUuid &id)
{
    QStringList fields;
    for (const AuditEvent &event :
         AuditLog::history(database.connectionName(), entity, idText(id))) {
        fields.append(event.field + QLatin1Char('=') + event.newValue.toString());
    }
    return fields;
}

/// The answers the keyboard test gives, in the order the survey asks them.
const QList<std::pair<QString, QJsonValue>> kAnswers {
    {QStringLiteral("front_door.material"), QStringLiteral("timber")},
    {QStringLiteral("front_door.lock"), QStringLiteral("nightlatch_only")},
    {QStringLiteral("front_door.cylinder"), QStringLiteral("standard")},
    {QStringLiteral("front_door.viewer"), QStringLiteral("no")},
    {QStringLiteral("front_door.chain"), QStringLiteral("yes")},
    {QStringLiteral("letterbox.guard"), QStringLiteral("no")},
    {QStringLiteral("rear_door.present"), QStringLiteral("no")},
    {QStringLiteral("windows.ground_floor_locks"), QStringLiteral("some")},
    {QStringLiteral("windows.unlocked_count"), 2},
    {QStringLiteral("lighting.external"), QStringLiteral("pir")},
    {QStringLiteral("garden.rear_gate_lock"), QStringLiteral("yes")},
    {QStringLiteral("shed.present"), QStringLiteral("no")},
    {QStringLiteral("alarm.intruder"), QStringLiteral("monitored")},
    {QStringLiteral("property_marking.done"), QStringLiteral("yes")},
    {QStringLiteral("occupant.previous_burglary"), QStringLiteral("none")},
    {QStringLiteral("notes.general"), QStringLiteral("Dog in the back garden")},
};

/// Answers the question in focus order with the keyboard: Tab to the option, Space; or Tab
/// to the field and type.
void answerByKeyboard(SurveyForm &form, const QString &id, const QJsonValue &value)
{
    SurveyQuestionWidget *question = form.questionWidget(id);
    ASSERT_NE(question, nullptr) << qPrintable(id);
    switch (question->question().type) {
    case SurveyQuestion::Type::Choice:
        ASSERT_TRUE(tabTo(question->optionButton(value.toString()))) << qPrintable(id);
        press(Qt::Key_Space);
        break;
    case SurveyQuestion::Type::Integer:
        ASSERT_TRUE(tabTo(question->spinBox())) << qPrintable(id);
        type(QString::number(value.toInt()));
        break;
    case SurveyQuestion::Type::Text:
        ASSERT_TRUE(tabTo(question->textEdit())) << qPrintable(id);
        type(value.toString());
        break;
    case SurveyQuestion::Type::Photo: FAIL() << "photos are not taken by keyboard"; break;
    }
}

} // namespace

TEST_F(DoorstepTest, CompletesAWholeVisitWithTheKeyboardOnly)
{
    const QUuid id = idOf(QStringLiteral("12 Thorpe Road"));
    std::unique_ptr<MainWindow> window = openWindow();
    DoorstepPage *page = window->doorstepPage();

    // Find the household: Ctrl+D, type into the focused find box, Enter on the only match.
    QTest::keyClick(window->tableView(), Qt::Key_D, Qt::ControlModifier);
    ASSERT_TRUE(window->isDoorstepShown());
    ASSERT_EQ(focused(), page->finder()->findEdit());
    type(QStringLiteral("12 Thorpe"));
    ASSERT_TRUE(waitFor([page] { return !page->finder()->isSearchPending(); }));
    ASSERT_EQ(page->finder()->model()->rowCount(), 1);
    press(Qt::Key_Return);
    ASSERT_FALSE(page->isShowingFinder());
    ASSERT_EQ(page->householdId(), id);

    // Outcome: key 3 chooses "accepted" and moves to Save; Space saves.
    press(Qt::Key_3);
    EXPECT_EQ(page->outcomePanel()->selectedOutcome(), VisitOutcome::Accepted);
    ASSERT_EQ(focused(), page->outcomePanel()->saveButton());
    press(Qt::Key_Space);
    ASSERT_EQ(page->currentStep(), Step::Consent) << qPrintable(page->bannerText());

    // Consent: survey and fitting, and photos; verbal with a named witness.
    ConsentPanel *consent = page->consentPanel();
    ASSERT_EQ(focused(), consent->purposeBox(ConsentPurpose::SurveyFitting));
    press(Qt::Key_Space);
    ASSERT_TRUE(tabTo(consent->purposeBox(ConsentPurpose::Photos)));
    press(Qt::Key_Space);
    ASSERT_TRUE(tabTo(consent->methodButton(ConsentMethod::VerbalWitnessed)));
    press(Qt::Key_Space);
    ASSERT_EQ(focused(), consent->witnessEdit());
    type(QStringLiteral("PCSO Sam Clarke"));
    ASSERT_TRUE(tabTo(consent->recordButton()));
    press(Qt::Key_Space);
    ASSERT_EQ(page->currentStep(), Step::Survey) << qPrintable(consent->errorAt({}));

    // Survey: every section, Next after each, to the review page; then complete.
    SurveyForm *form = page->surveyForm();
    ASSERT_FALSE(form->survey().id.isNull()) << qPrintable(page->noticeText(Step::Survey));
    QString section = form->currentSectionId();
    for (const auto &[question, value] : kAnswers) {
        const QString sectionOfQuestion = form->questionWidget(question)->question().sectionId;
        if (sectionOfQuestion != section) {
            ASSERT_TRUE(tabTo(form->nextButton())) << qPrintable(section);
            press(Qt::Key_Space);
            ASSERT_EQ(form->currentSectionId(), sectionOfQuestion)
                << qPrintable(form->questionWidget(question)->error());
            section = sectionOfQuestion;
        }
        answerByKeyboard(*form, question, value);
    }
    ASSERT_TRUE(tabTo(form->nextButton()));
    press(Qt::Key_Space);
    ASSERT_TRUE(form->isReviewing());
    EXPECT_EQ(form->reviewPage()->answerText(QStringLiteral("front_door.lock")),
              QStringLiteral("Nightlatch only (Yale type)"));
    EXPECT_EQ(form->progressText(), QStringLiteral("14 of 14 required answers"));
    ASSERT_EQ(focused(), form->completeButton());
    press(Qt::Key_Space);
    ASSERT_EQ(page->currentStep(), Step::Package) << qPrintable(page->bannerText());

    // Package: as recommended, agreed with Space on "Agree package".
    PackagePanel *package = page->packagePanel();
    ASSERT_TRUE(tabTo(package->agreeButton()));
    press(Qt::Key_Space);
    EXPECT_TRUE(package->errorText().isEmpty()) << qPrintable(package->errorText());

    // The database, through the repositories.
    const QList<Visit> visits
        = VisitRepository(m_database, QStringLiteral("tester")).visits(id).value();
    ASSERT_EQ(visits.size(), 1);
    EXPECT_EQ(visits.first().outcome, VisitOutcome::Accepted);

    const QList<Consent> consents
        = ConsentRepository(m_database, QStringLiteral("tester")).consents(id).value();
    ASSERT_EQ(consents.size(), 2);
    QList<ConsentPurpose> purposes;
    for (const Consent &c : consents) {
        purposes.append(c.purpose);
        EXPECT_EQ(c.method, ConsentMethod::VerbalWitnessed);
        EXPECT_EQ(c.witness, QStringLiteral("PCSO Sam Clarke"));
        EXPECT_EQ(c.wordingVersion, QStringLiteral("2024.1"));
        EXPECT_TRUE(c.isActive());
    }
    EXPECT_TRUE(purposes.contains(ConsentPurpose::SurveyFitting));
    EXPECT_TRUE(purposes.contains(ConsentPurpose::Photos));

    SurveyRepository surveys(m_database, QStringLiteral("tester"));
    const QList<SurveyRecord> records = surveys.surveys(id).value();
    ASSERT_EQ(records.size(), 1);
    const SurveyRecord &survey = records.first();
    EXPECT_FALSE(survey.isDraft());
    EXPECT_EQ(survey.definitionVersion, QStringLiteral("1"));
    EXPECT_EQ(survey.visitId, visits.first().id);
    for (const auto &[question, value] : kAnswers) {
        EXPECT_EQ(survey.answers.value(question).toVariant(), value.toVariant())
            << qPrintable(question);
    }
    EXPECT_EQ(survey.answers.size(), kAnswers.size());

    QStringList items;
    for (const PackageItem &item : surveys.package(survey.id).valueOr({}))
        items.append(QStringLiteral("%1x%2").arg(item.code).arg(item.qty));
    EXPECT_EQ(
        items,
        (QStringList {QStringLiteral("MORTICE_DEADLOCK_BS3621x1"),
                      QStringLiteral("CYLINDER_TS007_3STARx1"), QStringLiteral("DOOR_VIEWERx1"),
                      QStringLiteral("WINDOW_LOCKx2"), QStringLiteral("LETTERBOX_GUARDx1")}));

    EXPECT_EQ(repository().summary(id)->status, HouseholdStatus::Accepted);
    EXPECT_EQ(
        auditFields(m_database, QStringLiteral("household"), id).filter(QStringLiteral("status=")),
        (QStringList {QStringLiteral("status=contacted"), QStringLiteral("status=surveyed"),
                      QStringLiteral("status=accepted")}));
    EXPECT_EQ(auditFields(m_database, QStringLiteral("visit"), visits.first().id),
              QStringList {QStringLiteral("created=accepted")});
    for (const Consent &c : consents)
        EXPECT_EQ(auditFields(m_database, QStringLiteral("consent"), c.id).size(), 1);
    const QStringList surveyAudit = auditFields(m_database, QStringLiteral("survey"), survey.id);
    EXPECT_TRUE(surveyAudit.contains(QStringLiteral("answers.front_door.material=\"timber\"")))
        << qPrintable(surveyAudit.join(QLatin1Char('\n')));
    EXPECT_EQ(surveyAudit.filter(QStringLiteral("completed_at=")).size(), 1);
    EXPECT_EQ(surveyAudit.filter(QStringLiteral("package=")).size(), 1);

    // The register row and the detail panel's visits follow.
    const int row = window->tableModel()->rowOf(id);
    EXPECT_EQ(window->tableModel()->household(row).status, HouseholdStatus::Accepted);

    // The completed survey still displays, read-only.
    page->stepButton(Step::Survey)->click();
    EXPECT_TRUE(form->isReadOnly());
    EXPECT_TRUE(form->isReviewing());
    EXPECT_TRUE(form->reviewPage()->changeButtons().isEmpty());
    EXPECT_EQ(form->reviewPage()->answerText(QStringLiteral("windows.unlocked_count")),
              QStringLiteral("2"));
    EXPECT_TRUE(form->noticeText().contains(QStringLiteral("version 1")))
        << qPrintable(form->noticeText());
}

TEST_F(DoorstepTest, SkipLogicHidesAndShowsTheRearDoorQuestions)
{
    const QUuid id = idOf(QStringLiteral("2 Thorpe Road"));
    giveConsent(id, {ConsentPurpose::SurveyFitting});
    std::unique_ptr<MainWindow> window = openDoorstep(id);
    SurveyForm *form = window->doorstepPage()->surveyForm();
    startSurvey(*window->doorstepPage());
    form->goToSection(1);
    ASSERT_EQ(form->currentSectionId(), QStringLiteral("rear_door"));

    const QStringList rear {QStringLiteral("rear_door.material"), QStringLiteral("rear_door.lock"),
                            QStringLiteral("rear_door.cylinder"),
                            QStringLiteral("rear_door.photo")};
    for (const QString &question : rear)
        EXPECT_FALSE(form->questionWidget(question)->isVisible()) << qPrintable(question);

    SurveyQuestionWidget *present = form->questionWidget(QStringLiteral("rear_door.present"));
    QTest::mouseClick(present->optionButton(QStringLiteral("yes")), Qt::LeftButton);
    for (const QString &question : rear)
        EXPECT_TRUE(form->questionWidget(question)->isVisible()) << qPrintable(question);
    EXPECT_EQ(form->progressText(), QStringLiteral("1 of 16 required answers"));

    QTest::mouseClick(present->optionButton(QStringLiteral("no")), Qt::LeftButton);
    for (const QString &question : rear)
        EXPECT_FALSE(form->questionWidget(question)->isVisible()) << qPrintable(question);
    EXPECT_EQ(form->progressText(), QStringLiteral("1 of 13 required answers"));
}

TEST_F(DoorstepTest, AMissingRequiredAnswerBlocksNextWithAMessageAtTheField)
{
    const QUuid id = idOf(QStringLiteral("2 Thorpe Road"));
    giveConsent(id, {ConsentPurpose::SurveyFitting});
    std::unique_ptr<MainWindow> window = openDoorstep(id);
    SurveyForm *form = window->doorstepPage()->surveyForm();
    startSurvey(*window->doorstepPage());
    ASSERT_EQ(form->currentSectionId(), QStringLiteral("front_door"));

    QTest::mouseClick(form->questionWidget(QStringLiteral("front_door.material"))
                          ->optionButton(QStringLiteral("upvc")),
                      Qt::LeftButton);
    QTest::mouseClick(form->nextButton(), Qt::LeftButton);

    EXPECT_EQ(form->currentSectionId(), QStringLiteral("front_door"));
    SurveyQuestionWidget *lock = form->questionWidget(QStringLiteral("front_door.lock"));
    EXPECT_EQ(lock->error(), QStringLiteral("Answer this question to go on."));
    EXPECT_TRUE(form->questionWidget(QStringLiteral("front_door.material"))->error().isEmpty());
    EXPECT_TRUE(form->questionWidget(QStringLiteral("front_door.photo"))->error().isEmpty());
    EXPECT_EQ(focused(), lock->focusTarget());

    // Answering clears the message at that field.
    QTest::mouseClick(lock->optionButton(QStringLiteral("multipoint")), Qt::LeftButton);
    EXPECT_TRUE(lock->error().isEmpty());
}

TEST_F(DoorstepTest, AutosavedAnswersResumeAtTheSameQuestionInANewWindow)
{
    const QUuid id = idOf(QStringLiteral("2 Thorpe Road"));
    giveConsent(id, {ConsentPurpose::SurveyFitting});
    {
        std::unique_ptr<MainWindow> window = openDoorstep(id);
        SurveyForm *form = window->doorstepPage()->surveyForm();
        startSurvey(*window->doorstepPage());
        for (const auto &[question, value] : kAnswers.mid(0, 6)) {
            QTest::mouseClick(form->questionWidget(question)->optionButton(value.toString()),
                              Qt::LeftButton);
        }
        QTest::mouseClick(form->nextButton(), Qt::LeftButton);
        ASSERT_EQ(form->currentSectionId(), QStringLiteral("rear_door"));
        SurveyQuestionWidget *present = form->questionWidget(QStringLiteral("rear_door.present"));
        QTest::mouseClick(present->optionButton(QStringLiteral("yes")), Qt::LeftButton);
        QTest::mouseClick(form->questionWidget(QStringLiteral("rear_door.material"))
                              ->optionButton(QStringLiteral("composite")),
                          Qt::LeftButton);
        // No save button and no closing: the window simply goes.
    }
    const std::optional<SurveyRecord> draft
        = SurveyRepository(m_database, QStringLiteral("tester")).draft(id).value();
    ASSERT_TRUE(draft.has_value());
    EXPECT_EQ(draft->position, QStringLiteral("rear_door.material"));
    EXPECT_EQ(draft->answers.size(), 8);

    std::unique_ptr<MainWindow> window = openDoorstep(id);
    DoorstepPage *page = window->doorstepPage();
    page->stepButton(Step::Survey)->click();
    SurveyForm *form = page->surveyForm();
    EXPECT_EQ(form->survey().id, draft->id);
    EXPECT_EQ(form->currentSectionId(), QStringLiteral("rear_door"));
    EXPECT_EQ(form->currentQuestionId(), QStringLiteral("rear_door.material"));
    SurveyQuestionWidget *material = form->questionWidget(QStringLiteral("rear_door.material"));
    EXPECT_TRUE(material->isVisible());
    EXPECT_TRUE(material->optionButton(QStringLiteral("composite"))->isChecked());
    EXPECT_EQ(focused(), material->optionButton(QStringLiteral("composite")));
    EXPECT_TRUE(form->questionWidget(QStringLiteral("front_door.lock"))
                    ->optionButton(QStringLiteral("nightlatch_only"))
                    ->isChecked());
    EXPECT_EQ(form->progressText(), QStringLiteral("8 of 16 required answers"));
}

TEST_F(DoorstepTest, TypedNotesAreSavedWhenTheWindowGoesMidSentence)
{
    const QUuid id = idOf(QStringLiteral("2 Thorpe Road"));
    giveConsent(id, {ConsentPurpose::SurveyFitting});
    {
        std::unique_ptr<MainWindow> window = openDoorstep(id);
        SurveyForm *form = window->doorstepPage()->surveyForm();
        startSurvey(*window->doorstepPage());
        form->goToQuestion(QStringLiteral("notes.general"));
        ASSERT_EQ(focused(), form->questionWidget(QStringLiteral("notes.general"))->textEdit());
        type(QStringLiteral("Ring twice"));
    }
    const std::optional<SurveyRecord> draft
        = SurveyRepository(m_database, QStringLiteral("tester")).draft(id).value();
    ASSERT_TRUE(draft.has_value());
    EXPECT_EQ(draft->answers.value(QStringLiteral("notes.general")).toString(),
              QStringLiteral("Ring twice"));
}

TEST_F(DoorstepTest, WithdrawingPhotoConsentDisablesAddingPhotos)
{
    const QUuid id = idOf(QStringLiteral("2 Thorpe Road"));
    giveConsent(id, {ConsentPurpose::SurveyFitting, ConsentPurpose::Photos});
    std::unique_ptr<MainWindow> window = openDoorstep(id);
    DoorstepPage *page = window->doorstepPage();
    SurveyForm *form = page->surveyForm();
    startSurvey(*page);
    SurveyQuestionWidget *photo = form->questionWidget(QStringLiteral("front_door.photo"));
    EXPECT_TRUE(photo->photoButton()->isEnabled());
    EXPECT_TRUE(photo->photoNote().isEmpty());
    ASSERT_TRUE(form->addPhotoFromFile(photo->questionId(), writePng(QStringLiteral("door.png"))))
        << qPrintable(photo->error());
    EXPECT_FALSE(form->answers().value(photo->questionId()).toString().isEmpty());

    page->stepButton(Step::Consent)->click();
    TouchButton *withdraw = page->consentPanel()->withdrawButton(ConsentPurpose::Photos);
    ASSERT_TRUE(withdraw->isVisible());
    QTest::mouseClick(withdraw, Qt::LeftButton); // asks to confirm
    EXPECT_TRUE(
        page->consentPanel()->recordText(ConsentPurpose::Photos).contains(QStringLiteral("given")));
    QTest::mouseClick(withdraw, Qt::LeftButton);
    EXPECT_TRUE(page->consentPanel()
                    ->recordText(ConsentPurpose::Photos)
                    .contains(QStringLiteral("withdrawn")))
        << qPrintable(page->consentPanel()->recordText(ConsentPurpose::Photos));
    EXPECT_FALSE(withdraw->isVisible());

    page->stepButton(Step::Survey)->click();
    EXPECT_FALSE(photo->photoButton()->isEnabled());
    EXPECT_FALSE(photo->photoNote().isEmpty());
    // Should a photo still reach the service, its refusal is shown at the question.
    EXPECT_FALSE(form->addPhotoFromFile(photo->questionId(), writePng(QStringLiteral("2.png"))));
    EXPECT_TRUE(photo->error().contains(QStringLiteral("not consented to photos")))
        << qPrintable(photo->error());
}

TEST_F(DoorstepTest, AnUnreadablePhotoIsExplainedAtTheQuestion)
{
    const QUuid id = idOf(QStringLiteral("2 Thorpe Road"));
    giveConsent(id, {ConsentPurpose::SurveyFitting, ConsentPurpose::Photos});
    std::unique_ptr<MainWindow> window = openDoorstep(id);
    DoorstepPage *page = window->doorstepPage();
    SurveyForm *form = page->surveyForm();
    startSurvey(*page);
    SurveyQuestionWidget *photo = form->questionWidget(QStringLiteral("front_door.photo"));

    EXPECT_FALSE(form->addPhotoFromFile(photo->questionId(), QStringLiteral("/no/such/door.jpg")));
    EXPECT_TRUE(photo->error().contains(QStringLiteral("cannot be read")))
        << qPrintable(photo->error());

    QTemporaryDir dir;
    const QString fake = dir.filePath(QStringLiteral("door.png"));
    QFile file(fake);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("this is not a picture");
    file.close();
    EXPECT_FALSE(form->addPhotoFromFile(photo->questionId(), fake));
    EXPECT_TRUE(photo->error().contains(QStringLiteral("not a picture")))
        << qPrintable(photo->error());
    EXPECT_TRUE(form->answers().value(photo->questionId()).toString().isEmpty());
}

TEST_F(DoorstepTest, VisitErrorsStayAtTheirFieldsAndNothingTypedIsLost)
{
    const QUuid id = idOf(QStringLiteral("12 Thorpe Road"));
    std::unique_ptr<MainWindow> window = openDoorstep(id);
    VisitOutcomePanel *outcome = window->doorstepPage()->outcomePanel();

    press(Qt::Key_2); // declined
    ASSERT_EQ(focused(), outcome->reasonEdit());
    outcome->notesEdit()->setFocus();
    type(QStringLiteral("Spoke to the son"));
    QTest::mouseClick(outcome->saveButton(), Qt::LeftButton);
    EXPECT_EQ(outcome->errorAt(QStringLiteral("reason")),
              QStringLiteral("Say why the household declined."));
    EXPECT_EQ(focused(), outcome->reasonEdit());
    EXPECT_EQ(outcome->notesEdit()->toPlainText(), QStringLiteral("Spoke to the son"));

    press(Qt::Key_5); // typed into the reason box, not an outcome
    EXPECT_EQ(outcome->selectedOutcome(), VisitOutcome::Declined);
    outcome->reasonEdit()->clear();

    QTest::mouseClick(outcome->outcomeButton(VisitOutcome::RevisitRequested), Qt::LeftButton);
    outcome->revisitEdit()->setDateTime(QDateTime::currentDateTime().addDays(-1));
    QTest::mouseClick(outcome->saveButton(), Qt::LeftButton);
    EXPECT_EQ(outcome->errorAt(QStringLiteral("revisit_at")),
              QStringLiteral("The revisit must be in the future."));
    EXPECT_TRUE(VisitRepository(m_database, QStringLiteral("tester")).visits(id).value().isEmpty());
    EXPECT_EQ(outcome->notesEdit()->toPlainText(), QStringLiteral("Spoke to the son"));

    outcome->revisitEdit()->setDateTime(QDateTime::currentDateTime().addDays(2));
    QTest::mouseClick(outcome->saveButton(), Qt::LeftButton);
    ASSERT_TRUE(window->doorstepPage()->isShowingFinder());
    EXPECT_TRUE(
        window->doorstepPage()->finder()->message().contains(QStringLiteral("12 Thorpe Road")));
    const QList<Visit> visits
        = VisitRepository(m_database, QStringLiteral("tester")).visits(id).value();
    ASSERT_EQ(visits.size(), 1);
    EXPECT_EQ(visits.first().notes, QStringLiteral("Spoke to the son"));

    // The visit is on the household's timeline, here and in the register's detail panel.
    window->doorstepPage()->openHousehold(id);
    window->doorstepPage()->stepButton(Step::Visits)->click();
    EXPECT_EQ(window->doorstepPage()->timeline()->model()->rowCount(), 1);
    window->selectHousehold(id);
    auto *visitsTab = window->detailPanel()->findChild<VisitTimelineView *>();
    ASSERT_NE(visitsTab, nullptr);
    EXPECT_EQ(visitsTab->model()->text(0, 1), DoorstepNames::label(VisitOutcome::RevisitRequested));
}

TEST_F(DoorstepTest, ARoundThatCannotBeReadIsExplainedInTheBannerNotShownEmpty)
{
    std::unique_ptr<MainWindow> window = openWindow();
    window->showDoorstep();
    DoorstepPage *page = window->doorstepPage();
    ASSERT_TRUE(page->isShowingFinder());
    ASSERT_GT(page->finder()->model()->rowCount(), 0);
    ASSERT_TRUE(page->bannerText().isEmpty()) << qPrintable(page->bannerText());

    // The visits table is gone (with foreign keys off: other tables point at it).
    QSqlQuery query(m_database.connection());
    ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
    ASSERT_TRUE(query.exec(QStringLiteral("DROP TABLE visit")));
    page->reload();

    EXPECT_EQ(page->finder()->model()->rowCount(), 0) << "no stale round either";
    const QString banner = page->bannerText();
    EXPECT_TRUE(banner.startsWith(QStringLiteral("The round cannot be shown: ")))
        << qPrintable(banner);
    EXPECT_TRUE(banner.contains(QDir::toNativeSeparators(m_path))) << qPrintable(banner);
    EXPECT_TRUE(banner.contains(QStringLiteral("cannot read the round: no such table: visit")))
        << qPrintable(banner);
    EXPECT_EQ(page->finder()->summaryText(),
              QStringLiteral("My round \u2014 Melton Town Centre: cannot be read"));
    const auto *shown = page->findChild<MessageBanner *>();
    ASSERT_NE(shown, nullptr);
    EXPECT_TRUE(shown->isVisible());
    const QString folder = qEnvironmentVariable("SAFERHOMES_SHOTS_DIR");
    if (!folder.isEmpty()) {
        EXPECT_TRUE(
            window->grab().save(QDir(folder).filePath(QStringLiteral("round-unreadable.png"))));
    }
}

TEST_F(DoorstepTest, VisitsAndASurveyThatCannotBeReadAreExplainedInTheBanner)
{
    const QUuid id = idOf(QStringLiteral("2 Thorpe Road"));
    giveConsent(id, {ConsentPurpose::SurveyFitting});
    std::unique_ptr<MainWindow> window = openDoorstep(id);
    DoorstepPage *page = window->doorstepPage();
    ASSERT_TRUE(page->bannerText().isEmpty()) << qPrintable(page->bannerText());

    QSqlQuery query(m_database.connection());
    ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
    ASSERT_TRUE(query.exec(QStringLiteral("DROP TABLE visit")));
    ASSERT_TRUE(query.exec(QStringLiteral("DROP TABLE survey")));

    // The timeline says why it is empty, in place and in the banner: never "no visits".
    page->stepButton(Step::Visits)->click();
    const QString visits = page->timeline()->emptyText();
    EXPECT_TRUE(visits.startsWith(QStringLiteral("The visits cannot be shown: ")))
        << qPrintable(visits);
    EXPECT_TRUE(visits.contains(QStringLiteral("no such table: visit"))) << qPrintable(visits);
    EXPECT_EQ(page->bannerText(), visits);
    const QString folder = qEnvironmentVariable("SAFERHOMES_SHOTS_DIR");
    if (!folder.isEmpty()) {
        EXPECT_TRUE(
            window->grab().save(QDir(folder).filePath(QStringLiteral("visits-unreadable.png"))));
    }

    // The survey step is not offered as "no survey yet" nor sent to the consent step.
    page->stepButton(Step::Survey)->click();
    const QString banner = page->bannerText();
    EXPECT_TRUE(banner.startsWith(QStringLiteral("The survey cannot be opened: ")))
        << qPrintable(banner);
    EXPECT_TRUE(banner.contains(QDir::toNativeSeparators(m_path))) << qPrintable(banner);
    EXPECT_TRUE(banner.contains(QStringLiteral("no such table: survey"))) << qPrintable(banner);
    EXPECT_FALSE(page->noticeText(Step::Survey).contains(QStringLiteral("No survey yet")))
        << qPrintable(page->noticeText(Step::Survey));
}

} // namespace saferhomes::test
