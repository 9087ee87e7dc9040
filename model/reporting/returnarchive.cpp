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
    if (period.isInFuture(now))
        return Error::refused(
            tr("%1 has not started yet: there is nothing to freeze.").arg(period.name()));
    FrozenReturnRepository repository(m_database, m_userName);
    // Refuse before computing: a frozen period is never replaced.
    const auto existing = repository.find(period.name());
    if (existing)
        return Error::refused(tr("The return of %1 was frozen at %2; a submitted return is "
                                 "never replaced.")
                                  .arg(period.name(), existing->frozenAt.toString(Qt::ISODate)));
    if (existing.error().kind != Error::Kind::NotFound)
        return existing.error();
    const auto computed = QuarterlyReturn::compute(m_database, period, now);
    if (!computed)
        return computed.error();
    return repository.freeze(period.name(), computed->toJsonBytes());
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
