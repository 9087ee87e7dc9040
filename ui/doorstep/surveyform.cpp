#include "doorstep/surveyform.h"

#include "common/touchbutton.h"
#include "common/touchstyle.h"
#include "doorstep/surveyquestionwidget.h"
#include "doorstep/surveyreviewpage.h"
#include "service/consentservice.h"
#include "service/surveyservice.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QMimeDatabase>
#include <QProgressBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace saferhomes {

SurveyForm::SurveyForm(SurveyService &surveys, ConsentService &consents,
                       const SurveyDefinition &definition, QWidget *parent)
    : QWidget(parent)
    , m_surveys(surveys)
    , m_consents(consents)
    , m_definition(definition)
    , m_title(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_progressText(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_review(new SurveyReviewPage(this))
    , m_back(new TouchButton(tr("Back"), this))
    , m_next(new TouchButton(tr("Next"), this, TouchButton::Kind::Primary))
    , m_complete(new TouchButton(tr("Complete survey"), this, TouchButton::Kind::Primary))
{
    m_title->setObjectName(QStringLiteral("surveySection"));
    TouchStyle::setText(m_title, TouchStyle::Text::Heading);
    m_notice->setObjectName(QStringLiteral("surveyNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();
    m_progress->setObjectName(QStringLiteral("surveyProgress"));
    m_progress->setAccessibleName(tr("Survey progress"));
    m_progress->setTextVisible(false);
    m_progress->setFixedHeight(12);
    m_progressText->setObjectName(QStringLiteral("surveyProgressText"));
    auto *requiredKey = TouchStyle::helpLabel(tr("* required"), this);

    for (const SurveySection &section : m_definition.sections())
        m_pages->addWidget(createSection(section));
    m_pages->addWidget(m_review);
    connect(m_review, &SurveyReviewPage::changeRequested, this, &SurveyForm::goToQuestion);

    m_back->setObjectName(QStringLiteral("surveyBack"));
    m_back->setMinimumWidth(140);
    m_next->setObjectName(QStringLiteral("surveyNext"));
    m_next->setMinimumWidth(200);
    m_complete->setObjectName(QStringLiteral("surveyComplete"));
    m_complete->setMinimumWidth(200);
    connect(m_back, &QPushButton::clicked, this, &SurveyForm::back);
    connect(m_next, &QPushButton::clicked, this, &SurveyForm::next);
    connect(m_complete, &QPushButton::clicked, this, &SurveyForm::complete);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_progressText);
    progressRow->addWidget(requiredKey);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_back);
    footer->addStretch();
    footer->addWidget(m_next);
    footer->addWidget(m_complete);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_notice);
    layout->addLayout(progressRow);
    layout->addWidget(m_pages, 1);
    layout->addLayout(footer);
}

QWidget *SurveyForm::createSection(const SurveySection &section)
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    for (const SurveyQuestion &question : section.questions) {
        auto *widget = new SurveyQuestionWidget(question, content);
        layout->addWidget(widget);
        m_questions.insert(question.id, widget);
        connect(widget, &SurveyQuestionWidget::answerChanged, this, &SurveyForm::answer);
        connect(widget, &SurveyQuestionWidget::photoRequested, this, &SurveyForm::requestPhoto);
        connect(widget, &SurveyQuestionWidget::entered, this,
                [this](const QString &id) { m_currentQuestion = id; });
    }
    layout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("section_") + section.id);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    m_sectionPages.append(scroll);
    return scroll;
}

Status SurveyForm::open(const QUuid &householdId, const QUuid &visitId)
{
    flush();
    const SurveyService::Result result
        = m_surveys.startOrResume(householdId, m_definition.version(), visitId);
    if (!result.ok())
        return result.status;
    m_readOnly = false;
    load(result.survey);
    if (result.survey.definitionVersion != m_definition.version()) {
        m_notice->setText(tr("This draft was started with survey version %1; it is shown, and "
                             "will be completed, with version %2.")
                              .arg(result.survey.definitionVersion, m_definition.version()));
        m_notice->show();
    }
    resumeAt(result.survey.position);
    return {};
}

void SurveyForm::load(const SurveyRecord &survey)
{
    m_survey = survey;
    m_notice->hide();
    for (SurveyQuestionWidget *widget : std::as_const(m_questions)) {
        widget->setError({});
        widget->setAnswer(m_survey.answers.value(widget->questionId()));
        if (widget->question().type == SurveyQuestion::Type::Photo)
            showPhoto(widget->questionId());
    }
    refreshConsent();
    updateVisibility();
    updateProgress();
}

void SurveyForm::showCompleted(const SurveyRecord &survey)
{
    flush();
    m_readOnly = true;
    load(survey);
    m_notice->setText(
        tr("Completed %1 with survey version %2. A completed survey cannot be "
           "changed.")
            .arg(QLocale().toString(survey.completedAt.toLocalTime(), QLocale::ShortFormat),
                 survey.definitionVersion));
    m_notice->show();
    m_review->showAnswers(m_definition, m_survey.answers, true);
    m_pages->setCurrentWidget(m_review);
    updateChrome();
}

void SurveyForm::resumeAt(const QString &position)
{
    if (position == reviewPosition()) {
        showReview();
        return;
    }
    if (m_questions.contains(position)) {
        goToQuestion(position);
        return;
    }
    const QList<SurveySection> sections = m_definition.sections();
    for (int i = 0; i < sections.size(); ++i) {
        if (sections.at(i).id == position) {
            goToSection(i);
            return;
        }
    }
    goToSection(0);
}

void SurveyForm::refreshConsent()
{
    const Result<bool> consent = m_survey.householdId.isNull()
        ? Result<bool>(false)
        : m_consents.hasConsent(m_survey.householdId, ConsentPurpose::Photos);
    // A consent that cannot be read allows no photo, and says why rather than "no consent".
    const QString why = consent ? tr("Photos need the household\u2019s consent to photos.")
                                : tr("Photos cannot be taken now: %1").arg(consent.errorString());
    for (SurveyQuestionWidget *widget : std::as_const(m_questions))
        widget->setPhotoAllowed(consent.valueOr(false) && !m_readOnly, why);
    if (!consent)
        emit failed(why);
}

void SurveyForm::flush()
{
    for (SurveyQuestionWidget *widget : std::as_const(m_questions))
        widget->flush();
}

void SurveyForm::answer(const QString &questionId, const QJsonValue &value)
{
    if (m_readOnly || m_survey.id.isNull())
        return;
    m_currentQuestion = questionId;
    if (value.isNull() || value.isUndefined())
        m_survey.answers.remove(questionId);
    else
        m_survey.answers.insert(questionId, value);
    SurveyQuestionWidget *widget = m_questions.value(questionId);
    const SurveyService::Result saved
        = m_surveys.saveAnswer(m_survey.id, questionId, value, questionId);
    if (!saved.ok()) {
        // The answer stays on screen and in the form; the next change saves it again.
        widget->setError(saved.errorString());
        emit failed(saved.errorString());
    } else {
        QString message;
        for (const SurveyIssue &issue : m_definition.validate(m_survey.answers)) {
            if (issue.questionId == questionId && issue.kind == SurveyIssue::Kind::Invalid)
                message = issue.message;
        }
        widget->setError(message);
    }
    updateVisibility();
    updateProgress();
}

void SurveyForm::updateVisibility()
{
    for (SurveyQuestionWidget *widget : std::as_const(m_questions))
        widget->setVisible(m_definition.isVisible(widget->questionId(), m_survey.answers));
}

void SurveyForm::updateProgress()
{
    const SurveyProgress progress = m_definition.progress(m_survey.answers);
    m_progress->setRange(0, std::max(1, progress.required));
    m_progress->setValue(progress.required == 0 ? 1 : progress.answered);
    m_progressText->setText(
        tr("%1 of %n required answers", nullptr, progress.required).arg(progress.answered));
    m_progress->setAccessibleDescription(m_progressText->text());
}

QString SurveyForm::progressText() const
{
    return m_progressText->text();
}

QString SurveyForm::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

bool SurveyForm::isReviewing() const
{
    return m_pages->currentWidget() == m_review;
}

int SurveyForm::currentSection() const
{
    return isReviewing() ? -1 : m_pages->currentIndex();
}

QString SurveyForm::currentSectionId() const
{
    const int index = currentSection();
    return index < 0 ? reviewPosition() : m_definition.sections().at(index).id;
}

int SurveyForm::sectionOf(const QString &questionId) const
{
    const QList<SurveySection> sections = m_definition.sections();
    for (int i = 0; i < sections.size(); ++i) {
        for (const SurveyQuestion &question : sections.at(i).questions) {
            if (question.id == questionId)
                return i;
        }
    }
    return -1;
}

QString SurveyForm::firstVisibleQuestion(int index) const
{
    for (const SurveyQuestion &question : m_definition.sections().at(index).questions) {
        if (m_definition.isVisible(question.id, m_survey.answers))
            return question.id;
    }
    return {};
}

bool SurveyForm::hasVisibleQuestions(int index) const
{
    return !firstVisibleQuestion(index).isEmpty();
}

void SurveyForm::updateChrome()
{
    const int count = int(m_sectionPages.size());
    const int index = currentSection();
    if (isReviewing()) {
        m_title->setText(m_readOnly ? tr("Survey answers") : tr("Review the answers"));
    } else {
        m_title->setText(tr("%1 \u2014 section %2 of %3")
                             .arg(m_definition.sections().at(index).title)
                             .arg(index + 1)
                             .arg(count));
    }
    bool laterSection = false;
    for (int i = index + 1; index >= 0 && i < count && !laterSection; ++i)
        laterSection = hasVisibleQuestions(i);
    m_next->setText(laterSection ? tr("Next") : tr("Review answers"));
    m_back->setVisible(!m_readOnly && index != 0);
    m_next->setVisible(!m_readOnly && !isReviewing());
    m_complete->setVisible(!m_readOnly && isReviewing());
}

void SurveyForm::savePosition(const QString &position)
{
    if (m_readOnly || m_survey.id.isNull())
        return;
    if (const SurveyService::Result saved = m_surveys.savePosition(m_survey.id, position);
        !saved.ok()) {
        emit failed(saved.errorString());
    }
}

void SurveyForm::goToSection(int index)
{
    if (index < 0 || index >= m_sectionPages.size())
        return;
    m_pages->setCurrentIndex(index);
    m_sectionPages.at(index)->verticalScrollBar()->setValue(0);
    updateChrome();
    const QString first = firstVisibleQuestion(index);
    m_currentQuestion = first;
    savePosition(first.isEmpty() ? m_definition.sections().at(index).id : first);
    focusQuestion(first);
}

void SurveyForm::goToQuestion(const QString &questionId)
{
    const int index = sectionOf(questionId);
    if (index < 0)
        return;
    m_pages->setCurrentIndex(index);
    updateChrome();
    m_currentQuestion = questionId;
    savePosition(questionId);
    focusQuestion(questionId);
}

void SurveyForm::focusQuestion(const QString &questionId)
{
    SurveyQuestionWidget *widget = m_questions.value(questionId);
    if (!widget || !isVisible())
        return;
    if (QWidget *target = widget->focusTarget())
        target->setFocus(Qt::OtherFocusReason);
    // The question from its label down, not just the control with the focus.
    QScrollArea *scroll = m_sectionPages.at(sectionOf(questionId));
    scroll->widget()->layout()->activate();
    scroll->verticalScrollBar()->setValue(widget->mapTo(scroll->widget(), QPoint()).y() - 8);
}

void SurveyForm::showReview()
{
    flush();
    m_review->showAnswers(m_definition, m_survey.answers, m_readOnly);
    m_pages->setCurrentWidget(m_review);
    updateChrome();
    savePosition(reviewPosition());
    // The new Change buttons join the tab order before Back and Complete.
    QWidget *previous = nullptr;
    for (TouchButton *change : m_review->changeButtons()) {
        if (previous)
            setTabOrder(previous, change);
        previous = change;
    }
    if (previous)
        setTabOrder(previous, m_back);
    setTabOrder(m_back, m_complete);
    if (isVisible())
        m_complete->setFocus(Qt::OtherFocusReason);
}

bool SurveyForm::checkSection(int index)
{
    flush();
    QString first;
    const QList<SurveyIssue> issues = m_definition.validate(m_survey.answers);
    for (const SurveyQuestion &question : m_definition.sections().at(index).questions) {
        QString message;
        for (const SurveyIssue &issue : issues) {
            if (issue.questionId == question.id)
                message = issue.kind == SurveyIssue::Kind::Missing
                    ? tr("Answer this question to go on.")
                    : issue.message;
        }
        m_questions.value(question.id)->setError(message);
        if (!message.isEmpty() && first.isEmpty())
            first = question.id;
    }
    if (!first.isEmpty())
        focusQuestion(first);
    return first.isEmpty();
}

void SurveyForm::next()
{
    const int index = currentSection();
    if (index < 0 || !checkSection(index))
        return;
    for (int i = index + 1; i < m_sectionPages.size(); ++i) {
        if (hasVisibleQuestions(i)) {
            goToSection(i);
            return;
        }
    }
    showReview();
}

void SurveyForm::back()
{
    flush();
    const int index = isReviewing() ? int(m_sectionPages.size()) : currentSection();
    for (int i = index - 1; i >= 0; --i) {
        if (hasVisibleQuestions(i)) {
            goToSection(i);
            return;
        }
    }
}

void SurveyForm::complete()
{
    flush();
    // Answers this version does not know are kept, but do not stop completion.
    for (const SurveyIssue &issue : m_definition.validate(m_survey.answers)) {
        if (issue.kind == SurveyIssue::Kind::Unknown)
            continue;
        const int index = sectionOf(issue.questionId);
        goToSection(index);
        checkSection(index);
        emit failed(tr("Some answers are missing or need checking: \u201c%1\u201d.")
                        .arg(m_definition.question(issue.questionId)->label));
        return;
    }
    const SurveyService::Result result = m_surveys.complete(m_survey.id, m_definition.version());
    if (!result.ok()) {
        emit failed(result.errorString());
        return;
    }
    showCompleted(result.survey);
    emit completed(result.survey);
}

void SurveyForm::requestPhoto(const QString &questionId)
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a photo"), {}, tr("Photos (*.jpg *.jpeg *.png *.heic *.webp)"));
    if (!path.isEmpty())
        addPhotoFromFile(questionId, path);
}

bool SurveyForm::addPhotoFromFile(const QString &questionId, const QString &filePath)
{
    SurveyQuestionWidget *widget = m_questions.value(questionId);
    if (!widget || m_readOnly)
        return false;
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        widget->setError(tr("The photo cannot be read: %1").arg(file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (QImage::fromData(bytes).isNull()) {
        widget->setError(tr("%1 is not a picture that can be shown (JPEG or PNG).")
                             .arg(QFileInfo(filePath).fileName()));
        return false;
    }
    const QString mimeType = QMimeDatabase().mimeTypeForFileNameAndData(filePath, bytes).name();
    const ConsentService::Result result
        = m_consents.addPhoto(m_survey.householdId, bytes, mimeType);
    if (!result.ok()) {
        widget->setError(result.errorString());
        return false;
    }
    const QString id = result.attachment.id.toString(QUuid::WithoutBraces);
    widget->setAnswer(id);
    answer(questionId, id);
    showPhoto(questionId);
    return true;
}

void SurveyForm::showPhoto(const QString &questionId)
{
    SurveyQuestionWidget *widget = m_questions.value(questionId);
    const QUuid id = QUuid::fromString(m_survey.answers.value(questionId).toString());
    QImage image;
    if (!id.isNull()) {
        const Result<Attachment> photo = m_consents.attachment(id);
        if (photo)
            image = QImage::fromData(photo->bytes);
        else if (photo.error().kind != Error::Kind::NotFound)
            widget->setError(tr("The photo cannot be shown: %1").arg(photo.errorString()));
    }
    widget->setPhotoPreview(image);
}

} // namespace saferhomes
