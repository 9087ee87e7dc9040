#pragma once

#include "domain/visit.h"

#include <QHash>
#include <QUuid>
#include <QWidget>

#include <memory>
#include <optional>

class QDateTimeEdit;
class QLineEdit;
class QPlainTextEdit;

namespace Ui {
class VisitOutcomePanel;
}

namespace saferhomes {

class TouchButton;
class VisitService;

/// Records what happened at the door: six big outcome buttons (keys 1–6), the reason or
/// revisit time the outcome needs, notes, and Save. A refused visit keeps everything typed
/// and shows the reason at its field.
class VisitOutcomePanel : public QWidget {
    Q_OBJECT

public:
    explicit VisitOutcomePanel(VisitService &visits, QWidget *parent = nullptr);
    ~VisitOutcomePanel() override;

    /// Starts a new visit record for household \a id (an empty form).
    void setHousehold(const QUuid &id, const QString &address);
    /// Chooses \a outcome as a key press would, moving focus to what it needs next.
    void choose(VisitOutcome outcome);
    std::optional<VisitOutcome> selectedOutcome() const { return m_outcome; }
    /// Puts the keyboard focus on the first outcome button.
    void focusFirst();

    TouchButton *outcomeButton(VisitOutcome outcome) const { return m_buttons.value(outcome); }
    TouchButton *saveButton() const;
    QLineEdit *reasonEdit() const;
    QDateTimeEdit *revisitEdit() const;
    QPlainTextEdit *notesEdit() const;
    /// The message at `outcome`, `reason` or `revisit_at`; empty when none.
    QString errorAt(const QString &field) const;

signals:
    void visitRecorded(const Visit &visit);
    /// A refusal that belongs to no field, for the page's banner.
    void failed(const QString &message);

private:
    void save();
    void showFieldsFor(std::optional<VisitOutcome> outcome);
    void clearErrors();

    std::unique_ptr<Ui::VisitOutcomePanel> m_ui; ///< the form: visitoutcomepanel.ui
    VisitService &m_visits;
    QUuid m_householdId;
    std::optional<VisitOutcome> m_outcome;
    QHash<VisitOutcome, TouchButton *> m_buttons;
};

} // namespace saferhomes
