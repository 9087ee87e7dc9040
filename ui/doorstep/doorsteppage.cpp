#include "doorstep/doorsteppage.h"

#include "common/messagebanner.h"
#include "common/statuspalette.h"
#include "common/touchbutton.h"
#include "common/touchstyle.h"
#include "common/visittimelineview.h"
#include "doorstep/consentpanel.h"
#include "doorstep/doorstepfinder.h"
#include "doorstep/doorstepservices.h"
#include "doorstep/packagepanel.h"
#include "doorstep/surveyform.h"
#include "doorstep/visitoutcomepanel.h"
#include "store/database.h"
#include "store/householdrepository.h"
#include "survey/recommendationengine.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

enum Screen { FinderScreen, HouseholdScreen };

const QList<DoorstepPage::Step> kSteps {DoorstepPage::Step::Outcome, DoorstepPage::Step::Consent,
                                        DoorstepPage::Step::Survey, DoorstepPage::Step::Package,
                                        DoorstepPage::Step::Visits};

QString stepLabel(DoorstepPage::Step step)
{
    switch (step) {
    case DoorstepPage::Step::Outcome: return DoorstepPage::tr("Outcome");
    case DoorstepPage::Step::Consent: return DoorstepPage::tr("Consent");
    case DoorstepPage::Step::Survey: return DoorstepPage::tr("Survey");
    case DoorstepPage::Step::Package: return DoorstepPage::tr("Package");
    case DoorstepPage::Step::Visits: return DoorstepPage::tr("Visits");
    }
    return {};
}

} // namespace

DoorstepPage::DoorstepPage(const Database &database, HouseholdRepository &households,
                           const RecommendationEngine &engine, Settings &settings, QWidget *parent)
    : QWidget(parent)
    , m_services(std::make_unique<DoorstepServices>(database, households))
    , m_engine(engine)
    , m_banner(new MessageBanner(this))
    , m_screens(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("doorstepPage"));
    setStyleSheet(TouchStyle::styleSheet());
    m_finder
        = new DoorstepFinder(database.path(), households, m_services->visits(), settings, this);

    m_screens->insertWidget(FinderScreen, m_finder);
    m_screens->insertWidget(HouseholdScreen, createHouseholdScreen());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_screens, 1);

    connect(m_finder, &DoorstepFinder::householdChosen, this, &DoorstepPage::openHousehold);
    connect(m_finder, &DoorstepFinder::failed, this, &DoorstepPage::showError);
    if (const Status loaded = m_engine.status(); !loaded)
        showError(tr("The survey cannot be used: %1").arg(loaded.errorString()));
}

DoorstepPage::~DoorstepPage()
{
    // Text still waiting for a pause in typing is saved while the services are alive; then
    // the screens that use them go first, as children would outlive m_services.
    m_survey->flush();
    delete m_screens;
}

QWidget *DoorstepPage::createHeader()
{
    auto *header = new QWidget(this);
    m_roundButton = new TouchButton(tr("\u25c0 My round"), header);
    m_roundButton->setObjectName(QStringLiteral("backToRound"));
    m_roundButton->setAccessibleName(tr("Back to my round"));
    m_roundButton->setAccessibleDescription(tr("Escape"));
    connect(m_roundButton, &QPushButton::clicked, this, &DoorstepPage::showFinder);

    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("doorstepTitle"));
    TouchStyle::setText(m_title, TouchStyle::Text::Subheading);
    m_subtitle = new QLabel(header);
    m_subtitle->setObjectName(QStringLiteral("doorstepSubtitle"));
    m_statusChip = new QLabel(header);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(m_title);
    auto *subtitleRow = new QHBoxLayout;
    subtitleRow->setSpacing(6);
    subtitleRow->addWidget(m_statusChip);
    subtitleRow->addWidget(m_subtitle, 1);
    titles->addLayout(subtitleRow);

    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(8, 6, 8, 6);
    row->addWidget(m_roundButton);
    row->addSpacing(8);
    row->addLayout(titles, 1);
    for (const Step step : kSteps) {
        auto *button = new TouchButton(stepLabel(step), header, TouchButton::Kind::Choice);
        button->setObjectName(QStringLiteral("step_") + stepLabel(step).toLower());
        button->setAccessibleName(tr("%1 step").arg(stepLabel(step)));
        button->setMinimumWidth(110);
        row->addWidget(button);
        m_stepButtons.insert(step, button);
        connect(button, &QPushButton::clicked, this, [this, step] {
            if (step == Step::Survey)
                openSurvey(false);
            else if (step == Step::Package)
                openPackage();
            else
                showStep(step);
        });
    }
    return header;
}

QWidget *DoorstepPage::createHouseholdScreen()
{
    auto *screen = new QWidget(this);
    QWidget *header = createHeader();
    m_stepPages = new QStackedWidget(screen);

    m_outcome = new VisitOutcomePanel(m_services->visits(), screen);
    m_consent = new ConsentPanel(m_services->consents(), m_services->households(), screen);
    m_survey = new SurveyForm(m_services->surveys(), m_services->consents(), m_engine.definition(),
                              screen);
    m_package
        = new PackagePanel(m_services->surveys(), m_services->surveyStore(), m_engine, screen);
    m_timeline = new VisitTimelineView(m_services->visits(), screen);
    m_stepPages->addWidget(m_outcome);
    m_stepPages->addWidget(m_consent);
    m_stepPages->addWidget(wrapWithNotice(Step::Survey, m_survey));
    m_stepPages->addWidget(wrapWithNotice(Step::Package, m_package));
    m_stepPages->addWidget(m_timeline);

    connect(m_outcome, &VisitOutcomePanel::visitRecorded, this, &DoorstepPage::onVisitRecorded);
    connect(m_outcome, &VisitOutcomePanel::failed, this, &DoorstepPage::showError);
    connect(m_consent, &ConsentPanel::consentRecorded, this, &DoorstepPage::onConsentRecorded);
    connect(m_consent, &ConsentPanel::consentWithdrawn, this, [this] {
        m_survey->refreshConsent();
        emit householdChanged(m_householdId);
    });
    connect(m_consent, &ConsentPanel::failed, this, &DoorstepPage::showError);
    connect(m_survey, &SurveyForm::completed, this, &DoorstepPage::onSurveyCompleted);
    connect(m_survey, &SurveyForm::failed, this, &DoorstepPage::showError);
    connect(m_package, &PackagePanel::packageAgreed, this, &DoorstepPage::onPackageAgreed);
    connect(m_package, &PackagePanel::failed, this, &DoorstepPage::showError);
    connect(m_timeline, &VisitTimelineView::failed, this, &DoorstepPage::showError);

    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), screen);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &DoorstepPage::showFinder);

    auto *layout = new QVBoxLayout(screen);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(header);
    auto *body = new QVBoxLayout;
    body->setContentsMargins(12, 4, 12, 8);
    body->addWidget(m_stepPages, 1);
    layout->addLayout(body, 1);
    return screen;
}

QWidget *DoorstepPage::wrapWithNotice(Step step, QWidget *content)
{
    Notice notice;
    notice.stack = new QStackedWidget(this);
    notice.page = new QWidget(notice.stack);
    notice.text = new QLabel(notice.page);
    notice.text->setObjectName(QStringLiteral("notice_") + stepLabel(step).toLower());
    notice.text->setWordWrap(true);
    notice.text->setAlignment(Qt::AlignCenter);
    TouchStyle::setText(notice.text, TouchStyle::Text::Notice);
    notice.action = new TouchButton({}, notice.page, TouchButton::Kind::Primary);
    notice.action->setObjectName(QStringLiteral("noticeAction_") + stepLabel(step).toLower());
    connect(notice.action, &QPushButton::clicked, this, [this, step] { runNotice(step); });
    auto *layout = new QVBoxLayout(notice.page);
    layout->addStretch();
    layout->addWidget(notice.text);
    layout->addSpacing(16);
    layout->addWidget(notice.action, 0, Qt::AlignCenter);
    layout->addStretch(2);
    notice.stack->addWidget(content);
    notice.stack->addWidget(notice.page);
    m_notices.insert(step, notice);
    return notice.stack;
}

void DoorstepPage::showNotice(Step step, const QString &text, NoticeAction action)
{
    Notice &notice = m_notices[step];
    notice.what = action;
    notice.text->setText(text);
    notice.action->setVisible(action != NoticeAction::None);
    notice.action->setText(action == NoticeAction::GoToConsent       ? tr("Go to consent")
                               : action == NoticeAction::StartSurvey ? tr("Start the survey")
                                                                     : tr("Go to the survey"));
    notice.stack->setCurrentWidget(notice.page);
    showStep(step);
    if (notice.action->isVisible())
        notice.action->setFocus(Qt::OtherFocusReason);
}

void DoorstepPage::runNotice(Step step)
{
    switch (m_notices.value(step).what) {
    case NoticeAction::GoToConsent:
        showStep(Step::Consent);
        m_consent->focusFirst();
        break;
    case NoticeAction::StartSurvey: openSurvey(true); break;
    case NoticeAction::GoToSurvey: openSurvey(false); break;
    case NoticeAction::None: break;
    }
}

QString DoorstepPage::noticeText(Step step) const
{
    const Notice notice = m_notices.value(step);
    return notice.stack && notice.stack->currentWidget() == notice.page ? notice.text->text()
                                                                        : QString();
}

void DoorstepPage::reload()
{
    // Reading a 100k-household round costs half a second: only for a page being looked at.
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    m_finder->reload();
    if (!m_householdId.isNull())
        refreshHeader();
}

void DoorstepPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void DoorstepPage::focusFind()
{
    showFinder();
    m_finder->focusFind();
}

void DoorstepPage::showFinder()
{
    m_survey->flush();
    m_screens->setCurrentIndex(FinderScreen);
    m_finder->listView()->setFocus(Qt::OtherFocusReason);
}

bool DoorstepPage::isShowingFinder() const
{
    return m_screens->currentIndex() == FinderScreen;
}

void DoorstepPage::openHousehold(const QUuid &id)
{
    const auto household = m_services->households().summary(id);
    if (!household) {
        showError(household.error().kind == Error::Kind::NotFound
                      ? tr("That household is no longer on this device.")
                      : household.errorString());
        return;
    }
    m_survey->flush();
    m_banner->hide();
    m_householdId = id;
    m_visitId = QUuid();
    m_address = household->addressLine1;
    refreshHeader();
    m_outcome->setHousehold(id, m_address);
    m_consent->setHousehold(id);
    m_timeline->showHousehold(id);
    m_screens->setCurrentIndex(HouseholdScreen);
    showStep(Step::Outcome);
    m_outcome->focusFirst();
}

void DoorstepPage::refreshHeader()
{
    const auto household = m_services->households().summary(m_householdId);
    if (!household)
        return;
    m_title->setText(household->addressLine2.isEmpty()
                         ? household->addressLine1
                         : tr("%1, %2").arg(household->addressLine1, household->addressLine2));
    QStringList parts {household->postcode, household->areaName,
                       HouseholdStatusRules::label(household->status)};
    parts.removeAll(QString());
    m_subtitle->setText(parts.join(QStringLiteral(" \u00b7 ")));
    m_statusChip->setPixmap(StatusPalette::chip(household->status).pixmap(QSize(16, 16)));
}

QString DoorstepPage::headerText() const
{
    return m_title->text() + QLatin1Char('\n') + m_subtitle->text();
}

void DoorstepPage::showStep(Step step)
{
    if (m_step == Step::Survey && step != Step::Survey)
        m_survey->flush();
    m_step = step;
    m_stepPages->setCurrentIndex(int(kSteps.indexOf(step)));
    for (auto it = m_stepButtons.cbegin(); it != m_stepButtons.cend(); ++it)
        it.value()->setChecked(it.key() == step);
    if (step == Step::Visits)
        m_timeline->showHousehold(m_householdId);
}

void DoorstepPage::openSurvey(bool start)
{
    SurveyService &surveys = m_services->surveys();
    const Result<bool> consent
        = m_services->consents().hasConsent(m_householdId, ConsentPurpose::SurveyFitting);
    const Result<std::optional<SurveyRecord>> draft = surveys.resumeDraft(m_householdId);
    const Result<std::optional<SurveyRecord>> latest = surveys.latestCompleted(m_householdId);
    for (const QString &error :
         {consent.errorString(), draft.errorString(), latest.errorString()}) {
        if (!error.isEmpty()) {
            showError(tr("The survey cannot be opened: %1").arg(error));
            return;
        }
    }
    const bool hasDraft = draft->has_value();
    const std::optional<SurveyRecord> &completed = *latest;
    Notice &notice = m_notices[Step::Survey];
    if (hasDraft || (start && *consent)) {
        notice.stack->setCurrentIndex(0);
        showStep(Step::Survey);
        const Status opened = m_survey->open(m_householdId, m_visitId);
        // A refusal (no consent) is dealt with at the consent step; a database that cannot
        // be read or written is not, and goes to the banner.
        if (!opened && opened.error().kind == Error::Kind::Invalid)
            showNotice(Step::Survey, opened.errorString(), NoticeAction::GoToConsent);
        else if (!opened)
            showError(tr("The survey cannot be opened: %1").arg(opened.errorString()));
    } else if (completed) {
        notice.stack->setCurrentIndex(0);
        showStep(Step::Survey);
        m_survey->showCompleted(*completed);
    } else if (*consent) {
        showNotice(Step::Survey,
                   tr("No survey yet. It takes about ten minutes; every answer is saved as it "
                      "is given."),
                   NoticeAction::StartSurvey);
    } else {
        showNotice(Step::Survey,
                   tr("The survey needs the household\u2019s consent to the survey and fitting."),
                   NoticeAction::GoToConsent);
    }
}

void DoorstepPage::openPackage()
{
    const Result<std::optional<SurveyRecord>> latest
        = m_services->surveys().latestCompleted(m_householdId);
    if (!latest) {
        showError(tr("The package cannot be opened: %1").arg(latest.errorString()));
        return;
    }
    if (const std::optional<SurveyRecord> &survey = *latest) {
        m_notices[Step::Package].stack->setCurrentIndex(0);
        m_package->showSurvey(*survey);
        showStep(Step::Package);
        m_package->focusFirst();
        return;
    }
    showNotice(Step::Package, tr("The package comes from a completed survey."),
               NoticeAction::GoToSurvey);
}

void DoorstepPage::onVisitRecorded(const Visit &visit)
{
    m_banner->hide(); // what it said has been dealt with
    emit householdChanged(m_householdId);
    refreshHeader();
    m_timeline->showHousehold(m_householdId);
    if (visit.outcome == VisitOutcome::Accepted) {
        m_visitId = visit.id;
        const Result<bool> consent
            = m_services->consents().hasConsent(m_householdId, ConsentPurpose::SurveyFitting);
        if (!consent) {
            showError(tr("The consent cannot be read: %1").arg(consent.errorString()));
            return;
        }
        if (*consent) {
            openSurvey(true);
        } else {
            showStep(Step::Consent);
            m_consent->focusFirst();
        }
        return;
    }
    m_finder->showMessage(
        tr("Saved: %1 \u2014 %2.").arg(m_address, DoorstepNames::label(visit.outcome)));
    m_finder->reloadPast(m_householdId);
    showFinder();
}

void DoorstepPage::onConsentRecorded(const QList<Consent> &consents)
{
    m_banner->hide(); // what it said has been dealt with
    emit householdChanged(m_householdId);
    m_survey->refreshConsent();
    const bool surveyAgreed = std::any_of(consents.cbegin(), consents.cend(), [](const Consent &c) {
        return c.purpose == ConsentPurpose::SurveyFitting && c.isActive();
    });
    if (surveyAgreed)
        openSurvey(true);
}

void DoorstepPage::onSurveyCompleted(const SurveyRecord &survey)
{
    m_banner->hide(); // what it said has been dealt with
    emit householdChanged(m_householdId);
    refreshHeader();
    m_notices[Step::Package].stack->setCurrentIndex(0);
    m_package->showSurvey(survey);
    showStep(Step::Package);
    m_package->focusFirst();
}

void DoorstepPage::onPackageAgreed(const QUuid &householdId)
{
    m_banner->hide(); // what it said has been dealt with
    emit householdChanged(householdId);
    refreshHeader();
    m_finder->reload();
}

void DoorstepPage::showError(const QString &message)
{
    m_banner->showMessage(message);
}

QString DoorstepPage::bannerText() const
{
    return m_banner->message();
}

void DoorstepPage::hideEvent(QHideEvent *event)
{
    m_survey->flush();
    QWidget::hideEvent(event);
}

} // namespace saferhomes
