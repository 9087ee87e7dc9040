#pragma once

#include "domain/financialperiod.h"
#include "domain/result.h"
#include "reporting/returnvariance.h"
#include "store/frozenreturnrepository.h"

#include <QCoreApplication>
#include <QDateTime>

namespace saferhomes {

class Database;
class QuarterlyReturn;

/// Freezing a submitted quarterly return and comparing later data with it (issue 14 item 2):
/// the frozen copy is the JSON document byte for byte, stored with its SHA-256.
class ReturnArchive {
    Q_DECLARE_TR_FUNCTIONS(ReturnArchive)

public:
    ReturnArchive(const Database &database, QString userName);

    /// Computes the return of \a period as of \a now and freezes its JSON document.
    /// Error::Refused when the period is already frozen or still in the future.
    Result<FrozenReturn> freeze(const FinancialPeriod &period,
                                const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// Freezes \a submitted (as computed and shown) as the return of its period: its JSON
    /// document, byte for byte. Refused as freeze() is.
    Result<FrozenReturn> freeze(const QuarterlyReturn &submitted,
                                const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// The frozen copy, exactly as submitted; refused when its hash no longer matches.
    Result<FrozenReturn> frozen(const FinancialPeriod &period) const;
    /// The frozen copy against the return computed now.
    Result<ReturnVariance> variances(const FinancialPeriod &period,
                                     const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

private:
    /// Refused when \a period is in the future or already frozen (or its copy unreadable).
    Status mayFreeze(const FinancialPeriod &period, const QDateTime &now) const;

    const Database &m_database;
    QString m_userName;
};

} // namespace saferhomes
