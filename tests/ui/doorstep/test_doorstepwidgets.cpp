#include "common/signaturepad.h"
#include "common/touchbutton.h"
#include "demo/demodata.h"
#include "doorstep/consentpanel.h"
#include "doorstep/doorstepfinder.h"
#include "doorstep/doorsteptest.h"
#include "doorstep/packagepanel.h"
#include "doorstep/packagetablemodel.h"
#include "doorstep/roundlistmodel.h"
#include "doorstep/surveyform.h"
#include "doorstep/surveyquestionwidget.h"
#include "doorstep/surveyresources.h"
#include "doorstep/visitoutcomepanel.h"
#include "store/consentrepository.h"
#include "store/surveyrepository.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QLineEdit>
#include <QListView>
#include <QTableView>
#include <QTest>

namespace saferhomes::test {

namespace {

using Step = DoorstepPage::Step;

// DESIGN §11: doorstep targets are at least 48 px high.
constexpr int kTouchTargetPx = 48;

void expectBig(const QWidget *widget)
{
    ASSERT_NE(widget, nullptr);
    EXPECT_GE(widget->sizeHint().height(), kTouchTargetPx) << qPrintable(widget->objectName());
    EXPECT_GE(widget->height(), kTouchTargetPx) << qPrintable(widget->objectName());
}

} // namespace

TEST(DoorstepSignaturePad, DrawnWithTheMouseGivesANonEmptyPng)
{
    SignaturePad pad;
    pad.resize(400, 160);
    pad.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&pad, kPatienceMs));
    EXPECT_TRUE(pad.isEmpty());
    EXPECT_TRUE(pad.toPng().isEmpty());

    QTest::mousePress(&pad, Qt::LeftButton, {}, QPoint(40, 100));
    for (int x = 50; x <= 300; x += 25)
        QTest::mouseMove(&pad, QPoint(x, 100 - (x / 25 % 2) * 40));
    QTest::mouseRelease(&pad, Qt::LeftButton, {}, QPoint(320, 90));

    EXPECT_FALSE(pad.isEmpty());
    const QByteArray png = pad.toPng();
    ASSERT_TRUE(png.startsWith(QByteArray("\x89PNG\r\n\x1a\n", 8)));
    const QImage image = QImage::fromData(png, "PNG");
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(400, 160));
    int ink = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            ink += qGray(image.pixel(x, y)) < 100 ? 1 : 0;
    }
    EXPECT_GT(ink, 200);

    pad.clear();
    EXPECT_TRUE(pad.isEmpty());
    EXPECT_TRUE(pad.toPng().isEmpty());
}

TEST_F(DoorstepTest, TouchTargetsAreAtLeast48PixelsHigh)
{
    const QUuid id = idOf(QStringLiteral("2 Thorpe Road"));
    giveConsent(id, {ConsentPurpose::SurveyFitting});
    std::unique_ptr<MainWindow> window = openDoorstep(id);
    DoorstepPage *page = window->doorstepPage();
    for (const VisitOutcome outcome : DoorstepNames::visitOutcomes())
        expectBig(page->outcomePanel()->outcomeButton(outcome));
    expectBig(page->outcomePanel()->saveButton());
    for (const Step step :
         {Step::Outcome, Step::Consent, Step::Survey, Step::Package, Step::Visits})
        expectBig(page->stepButton(step));
    expectBig(page->roundButton());
    expectBig(page->finder()->findEdit());
    expectBig(page->finder()->areaBox());

    page->showStep(Step::Consent);
    for (const ConsentPurpose purpose : DoorstepNames::consentPurposes())
        expectBig(page->consentPanel()->purposeBox(purpose));
    expectBig(page->consentPanel()->methodButton(ConsentMethod::VerbalWitnessed));
    expectBig(page->consentPanel()->recordButton());

    startSurvey(*page);
    SurveyForm *form = page->surveyForm();
    expectBig(form->questionWidget(QStringLiteral("front_door.material"))
                  ->optionButton(QStringLiteral("timber")));
    expectBig(form->nextButton());
    expectBig(form->questionWidget(QStringLiteral("front_door.photo"))->photoButton());
}

TEST_F(DoorstepTest, MyRoundListsAnAreaInWalkingOrder)
{
    std::unique_ptr<MainWindow> window = openWindow();
    window->showDoorstep();
    DoorstepFinder *finder = window->doorstepPage()->finder();
    ModelTesterLog log;
    QAbstractItemModelTester tester(finder->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    finder->areaBox()->setCurrentIndex(
        finder->areaBox()->findText(QStringLiteral("Melton Town Centre")));
    emit finder->areaBox()->activated(finder->areaBox()->currentIndex());
    QStringList addresses;
    for (int row = 0; row < finder->model()->rowCount(); ++row)
        addresses.append(finder->model()->entry(row).household.addressLine1);
    // Declined is closed and left out; 2 before 12 on the same road.
    EXPECT_EQ(addresses,
              (QStringList {QStringLiteral("45 Burton Street"), QStringLiteral("2 Thorpe Road"),
                            QStringLiteral("12 Thorpe Road")}));
    EXPECT_TRUE(finder->summaryText().contains(QStringLiteral("3 households")))
        << qPrintable(finder->summaryText());
    EXPECT_TRUE(log.failures().isEmpty()) << qPrintable(log.failures().join(QLatin1Char('\n')));

    // Enter on the list opens the current household.
    finder->listView()->setFocus();
    finder->listView()->setCurrentIndex(finder->model()->index(1));
    press(Qt::Key_Return);
    EXPECT_EQ(window->doorstepPage()->householdId(), idOf(QStringLiteral("2 Thorpe Road")));
}

TEST_F(DoorstepTest, ThePackageIsEditedBeforeItIsAgreed)
{
    const QUuid id = idOf(QStringLiteral("2 Thorpe Road"));
    giveConsent(id, {ConsentPurpose::SurveyFitting});
    std::unique_ptr<MainWindow> window = openDoorstep(id);
    DoorstepPage *page = window->doorstepPage();
    startSurvey(*page);
    SurveyForm *form = page->surveyForm();
    const QList<std::pair<QString, QString>> answers {
        {QStringLiteral("front_door.material"), QStringLiteral("upvc")},
        {QStringLiteral("front_door.lock"), QStringLiteral("multipoint")},
        {QStringLiteral("front_door.cylinder"), QStringLiteral("ts007_1star")},
        {QStringLiteral("front_door.viewer"), QStringLiteral("no")},
        {QStringLiteral("front_door.chain"), QStringLiteral("no")},
        {QStringLiteral("letterbox.guard"), QStringLiteral("yes")},
        {QStringLiteral("rear_door.present"), QStringLiteral("no")},
        {QStringLiteral("windows.ground_floor_locks"), QStringLiteral("all")},
        {QStringLiteral("lighting.external"), QStringLiteral("none")},
        {QStringLiteral("garden.rear_gate_lock"), QStringLiteral("na")},
        {QStringLiteral("shed.present"), QStringLiteral("no")},
        {QStringLiteral("alarm.intruder"), QStringLiteral("none")},
        {QStringLiteral("property_marking.done"), QStringLiteral("yes")},
    };
    for (const auto &[question, value] : answers)
        form->questionWidget(question)->optionButton(value)->click();
    form->showReview();
    form->completeButton()->click();
    ASSERT_EQ(page->currentStep(), Step::Package) << qPrintable(page->bannerText());

    PackagePanel *package = page->packagePanel();
    ModelTesterLog log;
    QAbstractItemModelTester tester(package->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    QStringList codes;
    for (const PackageItem &item : package->model()->items())
        codes.append(item.code);
    EXPECT_EQ(codes,
              (QStringList {QStringLiteral("CYLINDER_TS007_3STAR"), QStringLiteral("DOOR_VIEWER"),
                            QStringLiteral("DOOR_CHAIN_TS003"), QStringLiteral("PIR_LIGHT"),
                            QStringLiteral("INTRUDER_ALARM")}));

    package->tableView()->setCurrentIndex(package->model()->index(3, 0)); // PIR_LIGHT
    package->moreButton()->click();
    package->tableView()->setCurrentIndex(package->model()->index(4, 0)); // INTRUDER_ALARM
    package->removeButton()->click();
    package->catalogueBox()->setCurrentIndex(
        package->catalogueBox()->findData(QStringLiteral("SHED_ALARM")));
    package->addButton()->click();
    package->agreeButton()->click();
    EXPECT_TRUE(package->errorText().isEmpty()) << qPrintable(package->errorText());
    EXPECT_TRUE(log.failures().isEmpty()) << qPrintable(log.failures().join(QLatin1Char('\n')));

    SurveyRepository surveys(m_database, QStringLiteral("tester"));
    QStringList agreed;
    for (const PackageItem &item : surveys.package(form->survey().id).valueOr({}))
        agreed.append(QStringLiteral("%1x%2").arg(item.code).arg(item.qty));
    EXPECT_EQ(agreed,
              (QStringList {QStringLiteral("CYLINDER_TS007_3STARx1"),
                            QStringLiteral("DOOR_VIEWERx1"), QStringLiteral("DOOR_CHAIN_TS003x1"),
                            QStringLiteral("PIR_LIGHTx2"), QStringLiteral("SHED_ALARMx1")}));
    EXPECT_EQ(repository().summary(id)->status, HouseholdStatus::Accepted);
    EXPECT_TRUE(
        page->headerText().contains(HouseholdStatusRules::label(HouseholdStatus::Accepted)));
}

TEST_F(DoorstepTest, TheSurveyNeedsConsentFirst)
{
    const QUuid id = idOf(QStringLiteral("2 Thorpe Road"));
    std::unique_ptr<MainWindow> window = openDoorstep(id);
    DoorstepPage *page = window->doorstepPage();
    page->stepButton(Step::Survey)->click();
    EXPECT_TRUE(page->noticeText(Step::Survey).contains(QStringLiteral("consent")));
    page->findChild<TouchButton *>(QStringLiteral("noticeAction_survey"))->click();
    EXPECT_EQ(page->currentStep(), Step::Consent);
    page->stepButton(Step::Package)->click();
    EXPECT_FALSE(page->noticeText(Step::Package).isEmpty());
    EXPECT_TRUE(
        SurveyRepository(m_database, QStringLiteral("tester")).surveys(id).value().isEmpty());
}

TEST_F(DoorstepTest, SignatureConsentAndRefusalThroughThePanel)
{
    const QUuid id = idOf(QStringLiteral("2 Thorpe Road"));
    std::unique_ptr<MainWindow> window = openDoorstep(id);
    DoorstepPage *page = window->doorstepPage();
    page->showStep(Step::Consent);
    ConsentPanel *consent = page->consentPanel();

    consent->purposeBox(ConsentPurpose::Evaluation)->click();
    consent->recordButton()->click();
    EXPECT_EQ(consent->errorAt(QStringLiteral("signature")),
              QStringLiteral("Signature consent needs a signature."));
    SignaturePad *pad = consent->signaturePad();
    QTest::mousePress(pad, Qt::LeftButton, {}, QPoint(30, 60));
    QTest::mouseMove(pad, QPoint(200, 90));
    QTest::mouseRelease(pad, Qt::LeftButton, {}, QPoint(260, 70));
    consent->recordButton()->click();
    EXPECT_TRUE(consent->errorAt(QStringLiteral("signature")).isEmpty());
    EXPECT_TRUE(consent->recordText(ConsentPurpose::Evaluation).contains(QStringLiteral("given")));

    consent->purposeBox(ConsentPurpose::PartnerSharing)->click();
    consent->methodButton(ConsentMethod::Refused)->click();
    consent->recordButton()->click();
    EXPECT_TRUE(
        consent->recordText(ConsentPurpose::PartnerSharing).contains(QStringLiteral("refused")));
    for (const Consent &c :
         ConsentRepository(m_database, QStringLiteral("tester")).consents(id).valueOr({})) {
        if (c.purpose == ConsentPurpose::Evaluation) {
            EXPECT_EQ(c.method, ConsentMethod::Signature);
            EXPECT_FALSE(c.signatureAttachmentId.isNull());
        } else {
            // A refusal keeps nobody's name, witness or signature.
            EXPECT_EQ(c.method, ConsentMethod::Refused);
            EXPECT_TRUE(c.residentId.isNull());
            EXPECT_TRUE(c.witness.isEmpty());
            EXPECT_TRUE(c.signatureAttachmentId.isNull());
        }
    }
}

TEST_F(DoorstepTest, AMalformedSurveyFileIsNamedWithItsJsonPath)
{
    const QString bad
        = writeFile(QStringLiteral("definition-bad.json"),
                    R"({"version": "9", "title": "T", "sections": [{"id": "s", "title": "S",
            "questions": [{"id": "q", "type": "choice", "label": "Q", "options": 3}]}]})");
    const auto badDefinition = SurveyResources::load(bad, RecommendationEngine::builtInRulesPath());
    ASSERT_FALSE(badDefinition);
    EXPECT_EQ(badDefinition.error().kind, Error::Kind::Invalid);
    QString error = badDefinition.errorString();
    EXPECT_TRUE(error.contains(QStringLiteral("definition-bad.json"))) << qPrintable(error);
    EXPECT_TRUE(error.contains(QStringLiteral("sections[0].questions[0].options")))
        << qPrintable(error);

    const QString rules = writeFile(QStringLiteral("rules-bad.json"),
                                    R"({"version": "1", "definitionVersion": "1", "rules": [{}]})");
    const auto badRules = SurveyResources::load(SurveyDefinition::builtInPath(), rules);
    ASSERT_FALSE(badRules);
    error = badRules.errorString();
    EXPECT_TRUE(error.contains(QStringLiteral("rules-bad.json"))) << qPrintable(error);
    EXPECT_TRUE(error.contains(QStringLiteral("rules[0]"))) << qPrintable(error);

    const auto builtIn = SurveyResources::loadBuiltIn();
    ASSERT_TRUE(builtIn) << qPrintable(builtIn.errorString());
    EXPECT_NE(*builtIn, nullptr);
}

} // namespace saferhomes::test

namespace saferhomes::test {

class DoorstepDemoTest : public UiTest { };

// Demo data holds households in every state, with drafts, completed surveys, packages and
// withdrawn consents: every one opens on every step without an error.
TEST_F(DoorstepDemoTest, EveryDemoHouseholdOpensOnEveryStep)
{
    const Status filled = DemoData::fill(m_database, {60, 7});
    ASSERT_TRUE(filled.ok()) << qPrintable(filled.errorString());
    MainWindow window(m_database, settings());
    window.resize(1280, 800);
    window.show();
    window.showDoorstep();
    DoorstepPage *page = window.doorstepPage();
    int surveys = 0;
    int packages = 0;
    for (const HouseholdSummary &household : repository().summaries().valueOr({})) {
        page->openHousehold(household.id);
        for (const Step step : {Step::Consent, Step::Survey, Step::Package, Step::Visits}) {
            page->stepButton(step)->click();
            EXPECT_TRUE(page->bannerText().isEmpty())
                << qPrintable(household.addressLine1) << ": " << qPrintable(page->bannerText());
        }
        surveys += page->surveyForm()->survey().id.isNull() ? 0 : 1;
        packages += page->packagePanel()->model()->rowCount() > 0 ? 1 : 0;
    }
    EXPECT_GT(surveys, 0);
    EXPECT_GT(packages, 0);
}

} // namespace saferhomes::test
