#include "doorstep/surveyreviewpage.h"

#include "common/touchbutton.h"
#include "common/touchstyle.h"

#include <QGridLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace saferhomes {

SurveyReviewPage::SurveyReviewPage(QWidget *parent)
    : QWidget(parent)
    , m_scroll(new QScrollArea(this))
{
    setObjectName(QStringLiteral("surveyReview"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);
}

QString SurveyReviewPage::describe(const SurveyQuestion &question, const QJsonValue &value)
{
    switch (question.type) {
    case SurveyQuestion::Type::Choice: return question.optionLabel(value.toString());
    case SurveyQuestion::Type::Integer:
        return value.isDouble() ? QString::number(value.toInteger()) : value.toString();
    case SurveyQuestion::Type::Text: return value.toString();
    case SurveyQuestion::Type::Photo: return tr("Photo attached");
    }
    return {};
}

void SurveyReviewPage::showAnswers(const SurveyDefinition &definition, const QJsonObject &answers,
                                   bool readOnly)
{
    m_answers.clear();
    m_changes.clear();
    m_changeOrder.clear();
    auto *content = new QWidget;
    auto *grid = new QGridLayout(content);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    const QJsonObject effective = definition.effectiveAnswers(answers);
    QHash<QString, SurveyIssue> issues;
    for (const SurveyIssue &issue : definition.validate(answers))
        issues.insert(issue.questionId, issue);

    int row = 0;
    for (const SurveySection &section : definition.sections()) {
        bool headed = false;
        for (const SurveyQuestion &question : section.questions) {
            if (!definition.isVisible(question.id, answers))
                continue;
            if (!headed) {
                auto *heading = new QLabel(section.title, content);
                TouchStyle::setText(heading, TouchStyle::Text::Subheading);
                heading->setContentsMargins(0, row == 0 ? 0 : 12, 0, 0);
                grid->addWidget(heading, row++, 0, 1, 3);
                headed = true;
            }
            auto *label = new QLabel(question.label, content);
            label->setWordWrap(true);
            QString text;
            auto *answer = new QLabel(content);
            answer->setObjectName(QStringLiteral("review_") + question.id);
            answer->setWordWrap(true);
            answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
            if (effective.contains(question.id)) {
                text = describe(question, effective.value(question.id));
                TouchStyle::setText(answer, TouchStyle::Text::Strong);
            } else if (issues.contains(question.id)) {
                text = issues.value(question.id).kind == SurveyIssue::Kind::Missing
                    ? tr("Not answered \u2014 required")
                    : tr("Check this answer: %1").arg(issues.value(question.id).message);
                QPalette palette = answer->palette();
                palette.setColor(QPalette::WindowText, TouchStyle::errorColor(palette));
                answer->setPalette(palette);
                TouchStyle::setText(answer, TouchStyle::Text::Strong);
            } else {
                text = tr("Not answered");
            }
            answer->setText(text);
            grid->addWidget(label, row, 0);
            grid->addWidget(answer, row, 1);
            m_answers.insert(question.id, answer);
            if (!readOnly) {
                auto *change = new TouchButton(tr("Change"), content);
                change->setObjectName(QStringLiteral("change_") + question.id);
                change->setAccessibleName(tr("Change: %1").arg(question.label));
                connect(change, &QPushButton::clicked, this,
                        [this, id = question.id] { emit changeRequested(id); });
                grid->addWidget(change, row, 2);
                m_changes.insert(question.id, change);
                m_changeOrder.append(change);
            }
            ++row;
        }
    }
    // Answers kept from another version of the survey are shown as they are, not lost.
    QStringList unknown;
    for (auto it = answers.constBegin(); it != answers.constEnd(); ++it) {
        if (!definition.question(it.key())) {
            const QByteArray json
                = QJsonDocument(QJsonArray {it.value()}).toJson(QJsonDocument::Compact);
            unknown.append(
                tr("%1 = %2").arg(it.key(), QString::fromUtf8(json.mid(1, json.size() - 2))));
        }
    }
    if (!unknown.isEmpty()) {
        auto *other
            = TouchStyle::helpLabel(tr("Answers this version of the survey does not ask: %1")
                                        .arg(unknown.join(QStringLiteral("; "))),
                                    content);
        grid->addWidget(other, row++, 0, 1, 3);
    }
    grid->setRowStretch(row, 1);
    m_scroll->setWidget(content); // deletes the previous content
}

TouchButton *SurveyReviewPage::changeButton(const QString &questionId) const
{
    return m_changes.value(questionId);
}

QString SurveyReviewPage::answerText(const QString &questionId) const
{
    const QLabel *label = m_answers.value(questionId);
    return label ? label->text() : QString();
}

} // namespace saferhomes
