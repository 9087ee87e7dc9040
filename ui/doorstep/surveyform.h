#pragma once

#include "domain/result.h"
#include "domain/visit.h"
#include "survey/surveydefinition.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QLabel;
class QProgressBar;
class QScrollArea;
class QStackedWidget;

namespace saferhomes {

class ConsentService;
class SurveyQuestionWidget;
class SurveyReviewPage;
class SurveyService;
class TouchButton;

/// The security survey rendered from its definition: one section per screen, skip logic
/// live, messages at the field, progress, Back/Next and a review page. Every answer is saved
/// the moment it is given, with where the officer is, so a draft resumes there.
class SurveyForm : public QWidget {
    Q_OBJECT

public:
    /// Where a draft is when it is on the review page.
    static QString reviewPosition() { return QStringLiteral("review"); }

    SurveyForm(SurveyService &surveys, ConsentService &consents, const SurveyDefinition &definition,
               QWidget *parent = nullptr);

    /// Opens household \a householdId's draft where it was left, or starts one on
    /// \a visitId. Fails as the service does: Error::Invalid when it refuses (no consent),
    /// Error::Database or Error::Locked when the database cannot be read or written.
    Status open(const QUuid &householdId, const QUuid &visitId = {});
    /// Shows a completed survey, read-only.
    void showCompleted(const SurveyRecord &survey);
    /// Reads the photo consent again (after a consent was given or withdrawn).
    void refreshConsent();
    /// Saves text still waiting for a pause in typing.
    void flush();

    /// Attaches the photo in \a filePath to photo question \a questionId through the consent
    /// rules; a refusal is shown at the question. Returns whether it was attached.
    bool addPhotoFromFile(const QString &questionId, const QString &filePath);

    void goToSection(int index);
    void goToQuestion(const QString &questionId);
    void showReview();

    const SurveyRecord &survey() const { return m_survey; }
    QJsonObject answers() const { return m_survey.answers; }
    bool isReadOnly() const { return m_readOnly; }
    bool isReviewing() const;
    int currentSection() const;
    QString currentSectionId() const;
    /// The question last answered or entered.
    QString currentQuestionId() const { return m_currentQuestion; }
    SurveyQuestionWidget *questionWidget(const QString &id) const { return m_questions.value(id); }
    SurveyReviewPage *reviewPage() const { return m_review; }
    TouchButton *backButton() const { return m_back; }
    TouchButton *nextButton() const { return m_next; }
    TouchButton *completeButton() const { return m_complete; }
    QProgressBar *progressBar() const { return m_progress; }
    QString progressText() const;
    QString noticeText() const;

signals:
    void completed(const SurveyRecord &survey);
    /// A refusal that belongs to no question, for the page's banner.
    void failed(const QString &message);

private:
    QWidget *createSection(const SurveySection &section);
    void load(const SurveyRecord &survey);
    void answer(const QString &questionId, const QJsonValue &value);
    void requestPhoto(const QString &questionId);
    void showPhoto(const QString &questionId);
    void next();
    void back();
    void complete();
    bool checkSection(int index);
    int sectionOf(const QString &questionId) const;
    bool hasVisibleQuestions(int index) const;
    QString firstVisibleQuestion(int index) const;
    void resumeAt(const QString &position);
    void updateVisibility();
    void updateProgress();
    void updateChrome();
    void focusQuestion(const QString &questionId);
    void savePosition(const QString &position);

    SurveyService &m_surveys;
    ConsentService &m_consents;
    const SurveyDefinition &m_definition;
    SurveyRecord m_survey;
    bool m_readOnly = false;
    QString m_currentQuestion;
    QHash<QString, SurveyQuestionWidget *> m_questions;
    QList<QScrollArea *> m_sectionPages;

    QLabel *m_title;
    QLabel *m_notice;
    QProgressBar *m_progress;
    QLabel *m_progressText;
    QStackedWidget *m_pages;
    SurveyReviewPage *m_review;
    TouchButton *m_back;
    TouchButton *m_next;
    TouchButton *m_complete;
};

} // namespace saferhomes
