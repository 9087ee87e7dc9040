#include "uuidgenerator.h"

#include <QDateTime>

namespace saferhomes {

UuidGenerator::UuidGenerator()
    : m_random(QRandomGenerator::securelySeeded())
{ }

QUuid UuidGenerator::next()
{
    // 48 bits of Unix milliseconds, then a 12-bit counter that keeps ids made in the same
    // millisecond in order (RFC 9562 method 1), then 62 random bits.
    quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    if (ms <= m_lastMs) {
        ms = m_lastMs;
        if (++m_counter > 0x0fff) {
            ++ms;
            m_counter = quint16(m_random.bounded(0x0800));
        }
    } else {
        m_counter = quint16(m_random.bounded(0x0800));
    }
    m_lastMs = ms;
    const quint64 random = m_random.generate64();
    const uint time_high = uint(ms >> 16);
    const ushort time_low = ushort(ms & 0xffff);
    const ushort version_counter = ushort(0x7000 | m_counter);
    const uchar variant = uchar(0x80 | ((random >> 56) & 0x3f));
    return QUuid(time_high, time_low, version_counter, variant, uchar(random >> 48),
                 uchar(random >> 40), uchar(random >> 32), uchar(random >> 24), uchar(random >> 16),
                 uchar(random >> 8), uchar(random));
}

} // namespace saferhomes
