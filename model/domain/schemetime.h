#pragma once

#include <QTimeZone>

namespace saferhomes {

/// Europe/London: the zone the scheme's days and times are read in, whatever the device's zone
/// (its midnights bound the days of a schedule, a report and a financial period).
inline const QTimeZone &london()
{
    static const QTimeZone zone(QByteArrayLiteral("Europe/London"));
    return zone;
}

} // namespace saferhomes
