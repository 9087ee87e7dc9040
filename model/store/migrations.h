#pragma once

#include <QStringList>

namespace saferhomes {

/// The numbered migration scripts in resources, split into single statements.
class Migrations {
public:
    /// Script paths in order; script N (1-based) brings the schema to version N.
    static QStringList scripts(const QString &dialect);
    /// Splits a script into statements; trigger bodies (BEGIN ... END;) stay whole.
    static QStringList statements(const QString &script);
};

} // namespace saferhomes
