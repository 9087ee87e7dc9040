#pragma once

#include "domain/visit.h"

#include <QHash>
#include <QUuid>
#include <QWidget>

#include <optional>

class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QWidget;

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

    /// Starts a new visit record for household \a id (an empty form).
    void setHousehold(const QUuid &id, const QString &address);
    /// Chooses \a outcome as a key press would, moving focus to what it needs next.
    void choose(VisitOutcome outcome);
    std::optional<VisitOutcome> selectedOutcome() const { return m_outcome; }
    /// Puts the keyboard focus on the first outcome button.
    void focusFirst();

    TouchButton *outcomeButton(VisitOutcome outcome) const { return m_buttons.value(outcome); }
    TouchButton *saveButton() const { return m_save; }
    QLineEdit *reasonEdit() const { return m_reason; }
    QDateTimeEdit *revisitEdit() const { return m_revisit; }
    QPlainTextEdit *notesEdit() const { return m_notes; }
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

    VisitService &m_visits;
    QUuid m_householdId;
    std::optional<VisitOutcome> m_outcome;
    QHash<VisitOutcome, TouchButton *> m_buttons;
    QLabel *m_title;
    QLabel *m_outcomeError;
    QWidget *m_reasonRow;
    QLineEdit *m_reason;
    QLabel *m_reasonError;
    QWidget *m_revisitRow;
    QDateTimeEdit *m_revisit;
    QLabel *m_revisitError;
    QPlainTextEdit *m_notes;
    TouchButton *m_save;
};

} // namespace saferhomes
