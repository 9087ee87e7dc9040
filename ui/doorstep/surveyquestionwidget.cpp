#include "doorstep/surveyquestionwidget.h"

#include "common/touchbutton.h"
#include "common/touchstyle.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace saferhomes {

namespace {

constexpr int kTextPauseMs = 600;
constexpr int kPreviewSize = 120;

} // namespace

SurveyQuestionWidget::SurveyQuestionWidget(const SurveyQuestion &question, QWidget *parent)
    : QFrame(parent)
    , m_question(question)
    , m_error(TouchStyle::errorLabel(this, QStringLiteral("error_") + question.id))
{
    setObjectName(QStringLiteral("question_") + question.id);
    auto *label
        = new QLabel(question.required ? tr("%1 *").arg(question.label) : question.label, this);
    label->setObjectName(QStringLiteral("label_") + question.id);
    label->setWordWrap(true);
    TouchStyle::setText(label, TouchStyle::Text::Subheading);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 8);
    layout->addWidget(label);
    if (!question.help.isEmpty())
        layout->addWidget(TouchStyle::helpLabel(question.help, this));
    // Above the options, where it is seen when the question is scrolled into view.
    layout->addWidget(m_error);

    switch (question.type) {
    case SurveyQuestion::Type::Choice: createChoice(); break;
    case SurveyQuestion::Type::Integer: createInteger(); break;
    case SurveyQuestion::Type::Text: createText(); break;
    case SurveyQuestion::Type::Photo: createPhoto(); break;
    }

    m_describe = question.required ? tr("Required.") : tr("Optional.");
    for (QWidget *control : findChildren<QWidget *>()) {
        if (control->focusPolicy() & Qt::TabFocus) {
            control->installEventFilter(this);
            if (control->accessibleDescription().isEmpty())
                control->setAccessibleDescription(m_describe);
        }
    }
}

void SurveyQuestionWidget::createChoice()
{
    auto *grid = new QGridLayout;
    const qsizetype count = m_question.options.size();
    const int columns = count <= 3 ? int(count) : 2;
    for (qsizetype i = 0; i < count; ++i) {
        const SurveyOption &option = m_question.options.at(i);
        auto *button = new TouchButton(option.label, this, TouchButton::Kind::Choice);
        button->setObjectName(QStringLiteral("option_%1_%2").arg(m_question.id, option.value));
        button->setAccessibleName(tr("%1: %2").arg(m_question.label, option.label));
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        grid->addWidget(button, int(i) / columns, int(i) % columns);
        m_options.insert(option.value, button);
        m_optionOrder.append(button);
        connect(button, &QPushButton::clicked, this,
                [this, value = option.value] { chooseOption(value); });
    }
    static_cast<QVBoxLayout *>(layout())->addLayout(grid);
}

void SurveyQuestionWidget::createInteger()
{
    m_spin = new QSpinBox(this);
    m_spin->setObjectName(QStringLiteral("spin_") + m_question.id);
    m_spin->setAccessibleName(m_question.label);
    // One below the minimum stands for "not answered", shown as words.
    const int minimum = int(m_question.minimum.value_or(0));
    m_spin->setRange(minimum - 1, int(m_question.maximum.value_or(9999)));
    m_spin->setSpecialValueText(tr("Not answered"));
    m_spin->setValue(m_spin->minimum());
    m_spin->setMinimumWidth(200);
    m_spin->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(m_spin, &QSpinBox::valueChanged, this, [this](int value) {
        if (!m_loading)
            report(value == m_spin->minimum() ? QJsonValue() : QJsonValue(value));
    });
    // The box's own arrows are too small for a finger; the keyboard has Up and Down.
    auto *fewer = new TouchButton(tr("\u2212"), this);
    fewer->setObjectName(QStringLiteral("fewer_") + m_question.id);
    fewer->setAccessibleName(tr("One fewer"));
    fewer->setFocusPolicy(Qt::NoFocus);
    connect(fewer, &QPushButton::clicked, m_spin, &QSpinBox::stepDown);
    auto *more = new TouchButton(tr("+"), this);
    more->setObjectName(QStringLiteral("more_") + m_question.id);
    more->setAccessibleName(tr("One more"));
    more->setFocusPolicy(Qt::NoFocus);
    connect(more, &QPushButton::clicked, m_spin, &QSpinBox::stepUp);
    auto *row = new QHBoxLayout;
    row->addWidget(fewer);
    row->addWidget(m_spin);
    row->addWidget(more);
    row->addStretch();
    static_cast<QVBoxLayout *>(layout())->addLayout(row);
}

void SurveyQuestionWidget::createText()
{
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("text_") + m_question.id);
    m_text->setAccessibleName(m_question.label);
    m_text->setTabChangesFocus(true);
    m_text->setFixedHeight(m_text->fontMetrics().lineSpacing() * 4 + 16);
    m_textTimer = new QTimer(this);
    m_textTimer->setSingleShot(true);
    m_textTimer->setInterval(kTextPauseMs);
    connect(m_textTimer, &QTimer::timeout, this, &SurveyQuestionWidget::flush);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            m_textTimer->start();
    });
    layout()->addWidget(m_text);
}

void SurveyQuestionWidget::createPhoto()
{
    m_addPhoto = new TouchButton(tr("Add photo\u2026"), this);
    m_addPhoto->setObjectName(QStringLiteral("addPhoto_") + m_question.id);
    m_addPhoto->setAccessibleName(tr("Add photo: %1").arg(m_question.label));
    m_removePhoto = new TouchButton(tr("Remove photo"), this);
    m_removePhoto->setObjectName(QStringLiteral("removePhoto_") + m_question.id);
    m_removePhoto->hide();
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("preview_") + m_question.id);
    m_preview->hide();
    m_photoNote = TouchStyle::helpLabel({}, this);
    m_photoNote->setObjectName(QStringLiteral("photoNote_") + m_question.id);
    m_photoNote->hide();
    connect(m_addPhoto, &QPushButton::clicked, this,
            [this] { emit photoRequested(m_question.id); });
    connect(m_removePhoto, &QPushButton::clicked, this, [this] {
        setAnswer(QJsonValue());
        report(QJsonValue());
    });
    auto *row = new QHBoxLayout;
    row->addWidget(m_addPhoto);
    row->addWidget(m_removePhoto);
    row->addWidget(m_preview);
    row->addStretch();
    static_cast<QVBoxLayout *>(layout())->addLayout(row);
    layout()->addWidget(m_photoNote);
}

void SurveyQuestionWidget::setAnswer(const QJsonValue &value)
{
    m_loading = true;
    switch (m_question.type) {
    case SurveyQuestion::Type::Choice: {
        const QString chosen = value.toString();
        for (auto it = m_options.cbegin(); it != m_options.cend(); ++it)
            it.value()->setChecked(it.key() == chosen);
        break;
    }
    case SurveyQuestion::Type::Integer:
        if (value.isDouble())
            m_spin->setValue(value.toInt());
        else if (value.isString() && !value.toString().trimmed().isEmpty())
            m_spin->setValue(value.toString().toInt());
        else
            m_spin->setValue(m_spin->minimum());
        break;
    case SurveyQuestion::Type::Text:
        m_lastText = value.toString();
        if (m_text->toPlainText() != m_lastText)
            m_text->setPlainText(m_lastText);
        break;
    case SurveyQuestion::Type::Photo:
        m_photoId = value.toString();
        m_removePhoto->setVisible(!m_photoId.isEmpty());
        if (m_photoId.isEmpty())
            setPhotoPreview({});
        break;
    }
    m_loading = false;
}

QJsonValue SurveyQuestionWidget::answer() const
{
    switch (m_question.type) {
    case SurveyQuestion::Type::Choice:
        for (auto it = m_options.cbegin(); it != m_options.cend(); ++it) {
            if (it.value()->isChecked())
                return it.key();
        }
        return {};
    case SurveyQuestion::Type::Integer:
        return m_spin->value() == m_spin->minimum() ? QJsonValue() : QJsonValue(m_spin->value());
    case SurveyQuestion::Type::Text: {
        const QString text = m_text->toPlainText();
        return text.trimmed().isEmpty() ? QJsonValue() : QJsonValue(text);
    }
    case SurveyQuestion::Type::Photo:
        return m_photoId.isEmpty() ? QJsonValue() : QJsonValue(m_photoId);
    }
    return {};
}

void SurveyQuestionWidget::chooseOption(const QString &value)
{
    // The buttons are exclusive by hand: each stays a tab stop of its own, and tapping the
    // chosen one again keeps it chosen.
    for (auto it = m_options.cbegin(); it != m_options.cend(); ++it)
        it.value()->setChecked(it.key() == value);
    report(value);
}

void SurveyQuestionWidget::report(const QJsonValue &value)
{
    emit answerChanged(m_question.id, value);
}

void SurveyQuestionWidget::flush()
{
    if (!m_text)
        return;
    m_textTimer->stop();
    const QString text = m_text->toPlainText();
    if (text == m_lastText)
        return;
    m_lastText = text;
    report(text.trimmed().isEmpty() ? QJsonValue() : QJsonValue(text));
}

void SurveyQuestionWidget::setError(const QString &message)
{
    TouchStyle::setError(m_error, message);
    if (QWidget *target = focusTarget())
        target->setAccessibleDescription(message.isEmpty() ? m_describe : message);
}

QString SurveyQuestionWidget::error() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SurveyQuestionWidget::setPhotoAllowed(bool allowed, const QString &why)
{
    if (!m_addPhoto)
        return;
    m_addPhoto->setEnabled(allowed);
    m_photoNote->setText(allowed ? QString() : why);
    m_photoNote->setVisible(!allowed && !why.isEmpty());
}

QString SurveyQuestionWidget::photoNote() const
{
    return m_photoNote && !m_photoNote->isHidden() ? m_photoNote->text() : QString();
}

void SurveyQuestionWidget::setPhotoPreview(const QImage &image)
{
    if (!m_preview)
        return;
    if (image.isNull()) {
        m_preview->clear();
        m_preview->hide();
        return;
    }
    m_preview->setPixmap(QPixmap::fromImage(
        image.scaled(kPreviewSize, kPreviewSize, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    m_preview->setAccessibleName(tr("Photo attached"));
    m_preview->show();
}

QWidget *SurveyQuestionWidget::focusTarget() const
{
    if (!m_optionOrder.isEmpty()) {
        for (TouchButton *button : m_optionOrder) {
            if (button->isChecked())
                return button;
        }
        return m_optionOrder.constFirst();
    }
    if (m_spin)
        return m_spin;
    if (m_text)
        return m_text;
    return m_addPhoto;
}

bool SurveyQuestionWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn) {
        emit entered(m_question.id);
        // A number typed into the box replaces what is there ("Not answered" included),
        // however the box got the focus; after the box's own focus handling.
        if (watched == m_spin)
            QTimer::singleShot(0, m_spin, &QSpinBox::selectAll);
    } else if (watched == m_text && event->type() == QEvent::FocusOut)
        flush();
    return QFrame::eventFilter(watched, event);
}

} // namespace saferhomes
