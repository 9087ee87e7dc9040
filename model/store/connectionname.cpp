#include "store/connectionname.h"

#include <QtGlobal>

#include <atomic>

namespace saferhomes {

QString ConnectionName::main()
{
    return QStringLiteral("saferhomes");
}

QString ConnectionName::unique(QStringView purpose)
{
    Q_ASSERT(!purpose.isEmpty());
    // One counter for every purpose: two purposes can never make the same name, even when
    // one is a prefix of the other.
    static std::atomic<quint64> next {0};
    return purpose.toString() + QLatin1Char('-')
        + QString::number(next.fetch_add(1, std::memory_order_relaxed));
}

} // namespace saferhomes
