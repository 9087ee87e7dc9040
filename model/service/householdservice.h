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
        QString error; ///< empty on success
        QString field; ///< the field the error is about, when there is one
        QStringList warnings;
        /// Invalid for a refused value; Database or Locked when the database could not be
        /// read (a failed read is never taken for "no such household").
        Error::Kind kind = Error::Kind::Invalid;
        bool ok() const { return error.isEmpty(); }
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
