#pragma once

#include "service/householdservice.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QUuid>

#include <utility>

class QUndoStack;

namespace saferhomes {

class HouseholdRepository;

/// Saves household edits through HouseholdService, records each saved edit as an undoable
/// command, and announces which household changed.
class HouseholdEditor : public QObject {
    Q_OBJECT

public:
    /// Field name (as in the import file) → text.
    using Assignments = QList<std::pair<QString, QString>>;

    explicit HouseholdEditor(HouseholdRepository &repository, QObject *parent = nullptr);

    QUndoStack *undoStack() const { return m_undoStack; }

    /// Validates and saves \a assignments as one edit; when something changed, pushes a
    /// command that can undo it. A refused edit saves nothing and pushes nothing.
    HouseholdService::Result edit(const QUuid &id, const Assignments &assignments);

    /// Writes values again for undo or redo. Returns false and emits editFailed() when the
    /// store refuses them.
    bool apply(const QUuid &id, const Assignments &values, HouseholdService::Mode mode);

signals:
    void householdChanged(const QUuid &id);
    void editFailed(const QString &message);
    void warning(const QString &message);

private:
    HouseholdRepository &m_repository;
    HouseholdService m_service;
    QUndoStack *m_undoStack;
};

} // namespace saferhomes
