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
    /// Writes every household to \a path atomically (the old file stays if anything fails) and
    /// returns how many it wrote. Error::Cancelled when \a progress said stop; the register's
    /// error when it cannot be read; Error::Database naming \a path when the file cannot be
    /// written.
    Result<int> write(const QString &path, const HouseholdRepository::Progress &progress = {});

private:
    const HouseholdRepository &m_repository;
};

} // namespace saferhomes
