#include "doorstep/visitoutcomepanel.h"

#include "common/touchbutton.h"
#include "common/touchstyle.h"
#include "service/visitservice.h"

#include <QDateTimeEdit>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QVBoxLayout>

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
    , m_visits(visits)
    , m_title(new QLabel(tr("What happened at the door?"), this))
    , m_outcomeError(TouchStyle::errorLabel(this, QStringLiteral("error_outcome")))
    , m_reasonRow(new QWidget(this))
    , m_reason(new QLineEdit(m_reasonRow))
    , m_reasonError(TouchStyle::errorLabel(m_reasonRow, QStringLiteral("error_reason")))
    , m_revisitRow(new QWidget(this))
    , m_revisit(new QDateTimeEdit(m_revisitRow))
    , m_revisitError(TouchStyle::errorLabel(m_revisitRow, QStringLiteral("error_revisit_at")))
    , m_notes(new QPlainTextEdit(this))
    , m_save(new TouchButton(tr("Save visit"), this, TouchButton::Kind::Primary))
{
    TouchStyle::setText(m_title, TouchStyle::Text::Heading);
    auto *keys
        = TouchStyle::helpLabel(tr("Tap the outcome, or press its number key (1\u20136)."), this);

    auto *grid = new QGridLayout;
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
        grid->addWidget(button, i / 3, i % 3);
        m_buttons.insert(outcome, button);
        connect(button, &QPushButton::clicked, this, [this, outcome] { choose(outcome); });
        // The key works anywhere on this screen except in a text field, which takes digits.
        auto *shortcut = new QShortcut(QKeySequence(Qt::Key_1 + i), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, outcome] { choose(outcome); });
    }

    auto *reasonLabel = new QLabel(tr("Why did they decline? (required)"), m_reasonRow);
    reasonLabel->setBuddy(m_reason);
    m_reason->setObjectName(QStringLiteral("declineReason"));
    m_reason->setAccessibleName(tr("Reason for declining"));
    m_reason->setPlaceholderText(tr("e.g. already has good locks; landlord will not allow it"));
    auto *reasonLayout = new QVBoxLayout(m_reasonRow);
    reasonLayout->setContentsMargins(0, 0, 0, 0);
    reasonLayout->addWidget(reasonLabel);
    reasonLayout->addWidget(m_reason);
    reasonLayout->addWidget(m_reasonError);

    auto *revisitLabel
        = new QLabel(tr("When should we come back? (must be in the future)"), m_revisitRow);
    revisitLabel->setBuddy(m_revisit);
    m_revisit->setObjectName(QStringLiteral("revisitAt"));
    m_revisit->setAccessibleName(tr("Revisit date and time"));
    m_revisit->setCalendarPopup(true);
    m_revisit->setDisplayFormat(QStringLiteral("ddd d MMM yyyy  HH:mm"));
    m_revisit->setMinimumWidth(280);
    auto *revisitLayout = new QVBoxLayout(m_revisitRow);
    revisitLayout->setContentsMargins(0, 0, 0, 0);
    revisitLayout->addWidget(revisitLabel);
    revisitLayout->addWidget(m_revisit, 0, Qt::AlignLeft);
    revisitLayout->addWidget(m_revisitError);

    auto *notesLabel = new QLabel(tr("&Notes (optional)"), this);
    notesLabel->setBuddy(m_notes);
    m_notes->setObjectName(QStringLiteral("visitNotes"));
    m_notes->setAccessibleName(tr("Visit notes"));
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(m_notes->fontMetrics().lineSpacing() * 3 + 16);

    m_save->setObjectName(QStringLiteral("saveVisit"));
    m_save->setMinimumWidth(200);
    connect(m_save, &QPushButton::clicked, this, &VisitOutcomePanel::save);
    connect(m_reason, &QLineEdit::returnPressed, this, &VisitOutcomePanel::save);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(keys);
    layout->addLayout(grid);
    layout->addWidget(m_outcomeError);
    layout->addWidget(m_reasonRow);
    layout->addWidget(m_revisitRow);
    layout->addWidget(notesLabel);
    layout->addWidget(m_notes);
    layout->addWidget(m_save, 0, Qt::AlignLeft);
    layout->addStretch();

    // Outcomes in reading order, then what the outcome needs, notes, and Save.
    QWidget *previous = nullptr;
    for (const VisitOutcome outcome : outcomes) {
        if (previous)
            setTabOrder(previous, m_buttons.value(outcome));
        previous = m_buttons.value(outcome);
    }
    setTabOrder(previous, m_reason);
    setTabOrder(m_reason, m_revisit);
    setTabOrder(m_revisit, m_notes);
    setTabOrder(m_notes, m_save);
    showFieldsFor(std::nullopt);
}

void VisitOutcomePanel::setHousehold(const QUuid &id, const QString &address)
{
    m_householdId = id;
    m_title->setText(tr("What happened at %1?").arg(address));
    m_outcome.reset();
    for (TouchButton *button : std::as_const(m_buttons))
        button->setChecked(false);
    m_reason->clear();
    m_revisit->setDateTime(defaultRevisit());
    m_notes->clear();
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
    TouchStyle::setError(m_outcomeError, {});
    showFieldsFor(outcome);
    // Straight on to what the outcome needs, or to Save when it needs nothing more.
    if (outcome == VisitOutcome::Declined)
        m_reason->setFocus(Qt::OtherFocusReason);
    else if (outcome == VisitOutcome::RevisitRequested)
        m_revisit->setFocus(Qt::OtherFocusReason);
    else
        m_save->setFocus(Qt::OtherFocusReason);
}

void VisitOutcomePanel::showFieldsFor(std::optional<VisitOutcome> outcome)
{
    m_reasonRow->setVisible(outcome == VisitOutcome::Declined);
    m_revisitRow->setVisible(outcome == VisitOutcome::RevisitRequested);
}

void VisitOutcomePanel::clearErrors()
{
    TouchStyle::setError(m_outcomeError, {});
    TouchStyle::setError(m_reasonError, {});
    TouchStyle::setError(m_revisitError, {});
}

QString VisitOutcomePanel::errorAt(const QString &field) const
{
    const QLabel *label = field == QLatin1String("reason") ? m_reasonError
        : field == QLatin1String("revisit_at")             ? m_revisitError
                                                           : m_outcomeError;
    return label->isHidden() ? QString() : label->text();
}

void VisitOutcomePanel::save()
{
    clearErrors();
    if (!m_outcome) {
        TouchStyle::setError(m_outcomeError,
                             tr("Choose what happened at the door (keys 1\u20136)."));
        focusFirst();
        return;
    }
    const bool declined = *m_outcome == VisitOutcome::Declined;
    const bool revisit = *m_outcome == VisitOutcome::RevisitRequested;
    const VisitService::Result result = m_visits.recordVisit(
        m_householdId, *m_outcome, declined ? m_reason->text() : QString(),
        revisit ? m_revisit->dateTime() : QDateTime(), m_notes->toPlainText());
    if (result.ok()) {
        emit visitRecorded(result.visit);
        return;
    }
    // Nothing typed is cleared: the officer corrects the field and saves again.
    if (result.field == QLatin1String("reason")) {
        TouchStyle::setError(m_reasonError, result.error);
        m_reason->setFocus(Qt::OtherFocusReason);
    } else if (result.field == QLatin1String("revisit_at")) {
        TouchStyle::setError(m_revisitError, result.error);
        m_revisit->setFocus(Qt::OtherFocusReason);
    } else if (result.field == QLatin1String("outcome")) {
        TouchStyle::setError(m_outcomeError, result.error);
    } else {
        emit failed(result.error);
    }
}

} // namespace saferhomes
