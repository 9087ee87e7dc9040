#pragma once

#include "survey/surveydefinition.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QLabel;
class QScrollArea;

namespace saferhomes {

class TouchButton;

/// Every answer of a survey on one page, section by section, each with a Change button that
/// jumps back to it; read-only for a completed survey.
class SurveyReviewPage : public QWidget {
    Q_OBJECT

public:
    explicit SurveyReviewPage(QWidget *parent = nullptr);

    /// Lists the visible questions of \a definition with their \a answers (and answers the
    /// definition does not know, as they are).
    void showAnswers(const SurveyDefinition &definition, const QJsonObject &answers, bool readOnly);
    /// The Change buttons in reading order (none when read-only).
    QList<TouchButton *> changeButtons() const { return m_changeOrder; }
    TouchButton *changeButton(const QString &questionId) const;
    /// The answer shown for \a questionId ("" when it is not listed).
    QString answerText(const QString &questionId) const;
    QStringList listedQuestions() const { return m_answers.keys(); }

signals:
    void changeRequested(const QString &questionId);

private:
    static QString describe(const SurveyQuestion &question, const QJsonValue &value);

    QScrollArea *m_scroll;
    QHash<QString, QLabel *> m_answers;
    QHash<QString, TouchButton *> m_changes;
    QList<TouchButton *> m_changeOrder;
};

} // namespace saferhomes
