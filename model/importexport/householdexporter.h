#pragma once

#include "store/householdrepository.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace saferhomes {

/// Writes households to CSV with the import columns plus id and status, so that the file
/// imports back to the same households.
class HouseholdExporter {
    Q_DECLARE_TR_FUNCTIONS(HouseholdExporter)

public:
    explicit HouseholdExporter(const HouseholdRepository &repository);

    static QStringList columns();
    /// Writes every household to \a path atomically (the old file stays if anything fails).
    bool write(const QString &path, const HouseholdRepository::Progress &progress = {});
    int written() const { return m_written; }
    QString errorString() const { return m_error; }
    bool wasCancelled() const { return m_cancelled; }

private:
    const HouseholdRepository &m_repository;
    QString m_error;
    int m_written = 0;
    bool m_cancelled = false;
};

} // namespace saferhomes
