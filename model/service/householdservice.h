#pragma once

#include "domain/householdfield.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace saferhomes {

class HouseholdRepository;

/// Edits households by the rules: field validation, the status funnel, unique UPRNs.
class HouseholdService {
    Q_DECLARE_TR_FUNCTIONS(HouseholdService)

public:
    /// Edit follows the funnel; Correction (undoing an edit) may restore any earlier status,
    /// but never overwrites a value a sync brought since the edit (UndoGuard): it records a
    /// conflict and fails, naming the field.
    enum class Mode { Edit, Correction };

    struct Result {
        /// Why nothing was saved: Error::Invalid for a refused value, Error::Database or
        /// Error::Locked when the database could not be read or written (a failed read is
        /// never taken for "no such household").
        Status status;
        QString field; ///< the field the error is about, when there is one
        QStringList warnings;
        bool ok() const { return status.ok(); }
        QString errorString() const { return status.errorString(); }
    };

    explicit HouseholdService(HouseholdRepository &repository);

    /// Validates then saves \a assignments (field name → text) in one audited transaction;
    /// nothing is saved when any value is refused.
    Result setFields(const QUuid &id, const QList<std::pair<QString, QString>> &assignments,
                     Mode mode = Mode::Edit);

private:
    HouseholdRepository &m_repository;
};

} // namespace saferhomes
