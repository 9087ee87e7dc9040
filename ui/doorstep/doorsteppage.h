#pragma once

#include "domain/visit.h"

#include <QHash>
#include <QUuid>
#include <QWidget>

#include <memory>

class QLabel;
class QStackedWidget;

namespace saferhomes {

class ConsentPanel;
class Database;
class DoorstepFinder;
class DoorstepServices;
class HouseholdRepository;
class MessageBanner;
class PackagePanel;
class RecommendationEngine;
class Settings;
class SurveyForm;
class TouchButton;
class VisitOutcomePanel;
class VisitTimelineView;

/// Doorstep mode for officers and volunteers on a tablet: find the household, record what
/// happened at the door, take consent, run the survey and agree the package, one big-target
/// screen at a time, with the keyboard as well as the finger.
class DoorstepPage : public QWidget {
    Q_OBJECT

public:
    enum class Step { Outcome, Consent, Survey, Package, Visits };

    /// \a engine (with its survey definition) and \a settings must outlive the page.
    DoorstepPage(const Database &database, HouseholdRepository &households,
                 const RecommendationEngine &engine, Settings &settings, QWidget *parent = nullptr);
    ~DoorstepPage() override;

    /// Reads areas and the round again (after an import or sync).
    void reload();
    void focusFind();
    void showFinder();
    /// Opens household \a id on the outcome step.
    void openHousehold(const QUuid &id);
    void showStep(Step step);

    bool isShowingFinder() const;
    Step currentStep() const { return m_step; }
    QUuid householdId() const { return m_householdId; }
    QString bannerText() const;
    QString headerText() const;
    /// What the survey or package step says instead of its form ("" when the form shows).
    QString noticeText(Step step) const;

    DoorstepFinder *finder() const { return m_finder; }
    VisitOutcomePanel *outcomePanel() const { return m_outcome; }
    ConsentPanel *consentPanel() const { return m_consent; }
    SurveyForm *surveyForm() const { return m_survey; }
    PackagePanel *packagePanel() const { return m_package; }
    VisitTimelineView *timeline() const { return m_timeline; }
    TouchButton *stepButton(Step step) const { return m_stepButtons.value(step); }
    TouchButton *roundButton() const { return m_roundButton; }

signals:
    /// A household's status, visits, consent or survey changed (refresh the register).
    void householdChanged(const QUuid &id);

protected:
    void hideEvent(QHideEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    bool m_stale = true; ///< reload() was asked for while hidden
    enum class NoticeAction { None, GoToConsent, StartSurvey, GoToSurvey };
    struct Notice {
        QStackedWidget *stack = nullptr; ///< the step's form, or this notice
        QWidget *page = nullptr;
        QLabel *text = nullptr;
        TouchButton *action = nullptr;
        NoticeAction what = NoticeAction::None;
    };

    QWidget *createHouseholdScreen();
    QWidget *createHeader();
    QWidget *wrapWithNotice(Step step, QWidget *content);
    void showNotice(Step step, const QString &text, NoticeAction action);
    void runNotice(Step step);
    void refreshHeader();
    void openSurvey(bool start);
    void openPackage();
    void onVisitRecorded(const Visit &visit);
    void onConsentRecorded(const QList<Consent> &consents);
    void onSurveyCompleted(const SurveyRecord &survey);
    void onPackageAgreed(const QUuid &householdId);
    void showError(const QString &message);

    std::unique_ptr<DoorstepServices> m_services;
    const RecommendationEngine &m_engine;
    QUuid m_householdId;
    QUuid m_visitId; ///< the visit of this call at the door, for the survey it starts
    QString m_address;
    Step m_step = Step::Outcome;

    MessageBanner *m_banner;
    QStackedWidget *m_screens;
    DoorstepFinder *m_finder;
    TouchButton *m_roundButton = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_statusChip = nullptr;
    QHash<Step, TouchButton *> m_stepButtons;
    QStackedWidget *m_stepPages = nullptr;
    QHash<Step, Notice> m_notices;
    VisitOutcomePanel *m_outcome = nullptr;
    ConsentPanel *m_consent = nullptr;
    SurveyForm *m_survey = nullptr;
    PackagePanel *m_package = nullptr;
    VisitTimelineView *m_timeline = nullptr;
};

} // namespace saferhomes
