#include "returnarchive.h"

#include "reporting/quarterlyreturn.h"
#include "store/database.h"

namespace saferhomes {

ReturnArchive::ReturnArchive(const Database &database, QString userName)
    : m_database(database)
    , m_userName(std::move(userName))
{ }

Result<FrozenReturn> ReturnArchive::freeze(const FinancialPeriod &period, const QDateTime &now)
{
    if (const Status allowed = mayFreeze(period, now); !allowed)
        return allowed.error();
    const auto computed = QuarterlyReturn::compute(m_database, period, now);
    if (!computed)
        return computed.error();
    return freeze(*computed, now);
}

Result<FrozenReturn> ReturnArchive::freeze(const QuarterlyReturn &submitted, const QDateTime &now)
{
    if (const Status allowed = mayFreeze(submitted.period, now); !allowed)
        return allowed.error();
    return FrozenReturnRepository(m_database, m_userName)
        .freeze(submitted.period.name(), submitted.toJsonBytes());
}

Status ReturnArchive::mayFreeze(const FinancialPeriod &period, const QDateTime &now) const
{
    if (period.isInFuture(now))
        return Error::refused(
            tr("%1 has not started yet: there is nothing to freeze.").arg(period.name()));
    // Refused before any work: a frozen period is never replaced.
    const auto existing = FrozenReturnRepository(m_database, m_userName).find(period.name());
    if (existing)
        return Error::refused(tr("The return of %1 was frozen at %2; a submitted return is "
                                 "never replaced.")
                                  .arg(period.name(), existing->frozenAt.toString(Qt::ISODate)));
    if (existing.error().kind != Error::Kind::NotFound)
        return existing.error();
    return {};
}

Result<FrozenReturn> ReturnArchive::frozen(const FinancialPeriod &period) const
{
    return FrozenReturnRepository(m_database, m_userName).find(period.name());
}

Result<ReturnVariance> ReturnArchive::variances(const FinancialPeriod &period,
                                                const QDateTime &now) const
{
    const auto stored = frozen(period);
    if (!stored)
        return stored.error();
    const auto computed = QuarterlyReturn::compute(m_database, period, now);
    if (!computed)
        return computed.error();
    return ReturnVariance::compare(stored->document, *computed);
}

} // namespace saferhomes
