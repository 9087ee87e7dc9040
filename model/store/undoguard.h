#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

namespace saferhomes {

/// The rule for undoing an edit after a sync (DESIGN §7): an undo restores a field only while
/// it still holds what this device's last edit of it wrote. A pull writes no audit event, so a
/// value that differs from the newest audited one came from someone else through the central
/// database; the undo leaves it alone and records a conflict, which the user sees and settles
/// in the conflict view ("use mine" restores the undone value as a new edit). Both calls run
/// inside the caller's transaction, the one that would write the field.
class UndoGuard {
    Q_DECLARE_TR_FUNCTIONS(UndoGuard)

public:
    UndoGuard(QSqlDatabase db, QString now);

    /// Whether \a field (by its import-file name) of household \a householdId, now \a current,
    /// was changed by a pull since this device last wrote it. A field this device never
    /// edited has nothing to undo and is not guarded.
    Result<bool> changedByPull(const QString &householdId, const QString &field,
                               const QString &current) const;

    /// Records that the undo wanted \a field to go back to \a wanted while the server's
    /// \a current was kept.
    Status recordConflict(const QString &householdId, const QString &field, const QString &wanted,
                          const QString &current) const;

private:
    QSqlDatabase m_db;
    QString m_now;
};

} // namespace saferhomes
