#pragma once

#include "survey/surveydefinition.h"

#include <QFrame>
#include <QHash>
#include <QJsonValue>

class QLabel;
class QPlainTextEdit;
class QSpinBox;
class QTimer;

namespace saferhomes {

class TouchButton;

/// One survey question on the doorstep: its label (with a required mark), help text, a big
/// control for its type and the message about its answer. It reports every change of answer
/// at once (text after a short pause in typing), for the form to save.
class SurveyQuestionWidget : public QFrame {
    Q_OBJECT

public:
    explicit SurveyQuestionWidget(const SurveyQuestion &question, QWidget *parent = nullptr);

    const SurveyQuestion &question() const { return m_question; }
    QString questionId() const { return m_question.id; }

    /// Shows \a value (null or undefined: no answer) without reporting a change.
    void setAnswer(const QJsonValue &value);
    QJsonValue answer() const;
    /// Shows \a message under the control (empty hides it).
    void setError(const QString &message);
    QString error() const;
    /// Photo questions: whether a photo may be added now, and why not when it may not.
    void setPhotoAllowed(bool allowed, const QString &why);
    /// Photo questions: the attached photo, or a null image for none.
    void setPhotoPreview(const QImage &image);

    /// The control the keyboard focus goes to (the first option, or the editor).
    QWidget *focusTarget() const;
    TouchButton *optionButton(const QString &value) const { return m_options.value(value); }
    QSpinBox *spinBox() const { return m_spin; }
    QPlainTextEdit *textEdit() const { return m_text; }
    TouchButton *photoButton() const { return m_addPhoto; }
    QString photoNote() const;

    /// Reports text still waiting for the pause in typing.
    void flush();

signals:
    void answerChanged(const QString &questionId, const QJsonValue &value);
    void photoRequested(const QString &questionId);
    /// The keyboard focus entered this question.
    void entered(const QString &questionId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createChoice();
    void createInteger();
    void createText();
    void createPhoto();
    void chooseOption(const QString &value);
    void report(const QJsonValue &value);

    SurveyQuestion m_question;
    QString m_describe; ///< the controls' accessible description while there is no message
    bool m_loading = false;
    QString m_lastText;
    QHash<QString, TouchButton *> m_options;
    QList<TouchButton *> m_optionOrder;
    QSpinBox *m_spin = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QTimer *m_textTimer = nullptr;
    TouchButton *m_addPhoto = nullptr;
    TouchButton *m_removePhoto = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_photoNote = nullptr;
    QString m_photoId;
    QLabel *m_error;
};

} // namespace saferhomes
