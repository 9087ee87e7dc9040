#include "doorstep/visitoutcomepanel.h"

#include "common/touchbutton.h"
#include "common/touchstyle.h"
#include "service/visitservice.h"
#include "ui_visitoutcomepanel.h"

#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QShortcut>

namespace saferhomes {

namespace {

QDateTime defaultRevisit()
{
    // Tomorrow at ten: a time most householders are in, easy to change.
    return QDateTime(QDate::currentDate().addDays(1), QTime(10, 0));
}

} // namespace

VisitOutcomePanel::VisitOutcomePanel(VisitService &visits, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::VisitOutcomePanel>())
    , m_visits(visits)
{
    m_ui->setupUi(this);
    TouchStyle::setText(m_ui->outcomeTitle, TouchStyle::Text::Heading);
    for (QLabel *error : {m_ui->error_outcome, m_ui->error_reason, m_ui->error_revisit_at})
        TouchStyle::setUpErrorLabel(error);
    m_ui->visitNotes->setFixedHeight(m_ui->visitNotes->fontMetrics().lineSpacing() * 3 + 16);

    // One button per outcome of the model, numbered for its key.
    const QList<VisitOutcome> outcomes = DoorstepNames::visitOutcomes();
    for (int i = 0; i < outcomes.size(); ++i) {
        const VisitOutcome outcome = outcomes.at(i);
        const QString label = DoorstepNames::label(outcome);
        auto *button
            = new TouchButton(tr("%1   %2").arg(i + 1).arg(label), this, TouchButton::Kind::Choice);
        button->setObjectName(QStringLiteral("outcome_") + DoorstepNames::name(outcome));
        button->setAccessibleName(label);
        button->setAccessibleDescription(tr("Key %1").arg(i + 1));
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        button->setMinimumHeight(64);
        m_ui->outcomes->addWidget(button, i / 3, i % 3);
        m_buttons.insert(outcome, button);
        connect(button, &QPushButton::clicked, this, [this, outcome] { choose(outcome); });
        // The key works anywhere on this screen except in a text field, which takes digits.
        auto *shortcut = new QShortcut(QKeySequence(Qt::Key_1 + i), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, outcome] { choose(outcome); });
    }
    connect(m_ui->saveVisit, &QPushButton::clicked, this, &VisitOutcomePanel::save);
    connect(m_ui->declineReason, &QLineEdit::returnPressed, this, &VisitOutcomePanel::save);

    // Outcomes in reading order, then what the outcome needs, notes, and Save.
    QWidget *previous = nullptr;
    for (const VisitOutcome outcome : outcomes) {
        if (previous)
            setTabOrder(previous, m_buttons.value(outcome));
        previous = m_buttons.value(outcome);
    }
    setTabOrder(previous, m_ui->declineReason);
    setTabOrder(m_ui->declineReason, m_ui->revisitAt);
    setTabOrder(m_ui->revisitAt, m_ui->visitNotes);
    setTabOrder(m_ui->visitNotes, m_ui->saveVisit);
    showFieldsFor(std::nullopt);
}

VisitOutcomePanel::~VisitOutcomePanel() = default;

TouchButton *VisitOutcomePanel::saveButton() const
{
    return m_ui->saveVisit;
}

QLineEdit *VisitOutcomePanel::reasonEdit() const
{
    return m_ui->declineReason;
}

QDateTimeEdit *VisitOutcomePanel::revisitEdit() const
{
    return m_ui->revisitAt;
}

QPlainTextEdit *VisitOutcomePanel::notesEdit() const
{
    return m_ui->visitNotes;
}

void VisitOutcomePanel::setHousehold(const QUuid &id, const QString &address)
{
    m_householdId = id;
    m_ui->outcomeTitle->setText(tr("What happened at %1?").arg(address));
    m_outcome.reset();
    for (TouchButton *button : std::as_const(m_buttons))
        button->setChecked(false);
    m_ui->declineReason->clear();
    m_ui->revisitAt->setDateTime(defaultRevisit());
    m_ui->visitNotes->clear();
    clearErrors();
    showFieldsFor(std::nullopt);
}

void VisitOutcomePanel::focusFirst()
{
    m_buttons.value(m_outcome.value_or(VisitOutcome::NoAnswer))->setFocus(Qt::OtherFocusReason);
}

void VisitOutcomePanel::choose(VisitOutcome outcome)
{
    m_outcome = outcome;
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it)
        it.value()->setChecked(it.key() == outcome);
    TouchStyle::setError(m_ui->error_outcome, {});
    showFieldsFor(outcome);
    // Straight on to what the outcome needs, or to Save when it needs nothing more.
    if (outcome == VisitOutcome::Declined)
        m_ui->declineReason->setFocus(Qt::OtherFocusReason);
    else if (outcome == VisitOutcome::RevisitRequested)
        m_ui->revisitAt->setFocus(Qt::OtherFocusReason);
    else
        m_ui->saveVisit->setFocus(Qt::OtherFocusReason);
}

void VisitOutcomePanel::showFieldsFor(std::optional<VisitOutcome> outcome)
{
    m_ui->reasonRow->setVisible(outcome == VisitOutcome::Declined);
    m_ui->revisitRow->setVisible(outcome == VisitOutcome::RevisitRequested);
}

void VisitOutcomePanel::clearErrors()
{
    TouchStyle::setError(m_ui->error_outcome, {});
    TouchStyle::setError(m_ui->error_reason, {});
    TouchStyle::setError(m_ui->error_revisit_at, {});
}

QString VisitOutcomePanel::errorAt(const QString &field) const
{
    const QLabel *label = field == QLatin1String("reason") ? m_ui->error_reason
        : field == QLatin1String("revisit_at")             ? m_ui->error_revisit_at
                                                           : m_ui->error_outcome;
    return label->isHidden() ? QString() : label->text();
}

void VisitOutcomePanel::save()
{
    clearErrors();
    if (!m_outcome) {
        TouchStyle::setError(m_ui->error_outcome,
                             tr("Choose what happened at the door (keys 1\u20136)."));
        focusFirst();
        return;
    }
    const bool declined = *m_outcome == VisitOutcome::Declined;
    const bool revisit = *m_outcome == VisitOutcome::RevisitRequested;
    const VisitService::Result result = m_visits.recordVisit(
        m_householdId, *m_outcome, declined ? m_ui->declineReason->text() : QString(),
        revisit ? m_ui->revisitAt->dateTime() : QDateTime(), m_ui->visitNotes->toPlainText());
    if (result.ok()) {
        emit visitRecorded(result.visit);
        return;
    }
    // Nothing typed is cleared: the officer corrects the field and saves again.
    if (result.field == QLatin1String("reason")) {
        TouchStyle::setError(m_ui->error_reason, result.errorString());
        m_ui->declineReason->setFocus(Qt::OtherFocusReason);
    } else if (result.field == QLatin1String("revisit_at")) {
        TouchStyle::setError(m_ui->error_revisit_at, result.errorString());
        m_ui->revisitAt->setFocus(Qt::OtherFocusReason);
    } else if (result.field == QLatin1String("outcome")) {
        TouchStyle::setError(m_ui->error_outcome, result.errorString());
    } else {
        emit failed(result.errorString());
    }
}

} // namespace saferhomes
