#pragma once

#include "domain/householdfield.h"

#include <QCoreApplication>
#include <QString>

namespace saferhomes {

/// The translated names people see for household fields ("Address line 1", "Postcode").
class HouseholdFieldLabels {
    Q_DECLARE_TR_FUNCTIONS(HouseholdFieldLabels)

public:
    static QString label(HouseholdField field);
    /// The label for a field named as in the import file; the name itself when unknown.
    static QString label(const QString &fieldName);
};

} // namespace saferhomes
