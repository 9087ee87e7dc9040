#pragma once

#include <QUuid>
#include <QtGlobal>

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <random>

namespace saferhomes {

/// Draws from std::mt19937 without the standard distributions, whose results differ between
/// standard libraries: a seed must give the same demo data on every platform.
class DemoRandom {
public:
    explicit DemoRandom(quint32 seed)
        : m_engine(seed)
    { }

    quint32 next() { return quint32(m_engine()); }
    /// 0 ≤ result < n
    int below(int n) { return int((quint64(next()) * quint64(std::max(n, 1))) >> 32); }
    int between(int low, int high) { return low + below(high - low + 1); }
    double unit() { return next() / 4294967296.0; }
    bool chance(double probability) { return unit() < probability; }
    /// An index chosen in proportion to \a weights.
    int weighted(std::initializer_list<int> weights)
    {
        int total = 0;
        for (int w : weights)
            total += w;
        int draw = below(total);
        int index = 0;
        for (int w : weights) {
            if (draw < w)
                return index;
            draw -= w;
            ++index;
        }
        return index - 1;
    }
    template<typename Container> decltype(auto) pick(const Container &items)
    {
        return items[size_t(below(int(std::size(items))))];
    }
    /// A version 7 UUID whose "time" is a counter from a fixed start and whose other bits
    /// come from the stream: ids repeat with the seed, and each fill's ids are in ascending
    /// order, so they append to the id indexes instead of landing all over them.
    QUuid uuid()
    {
        const quint64 clock = kUuidEpochMs + m_issued++;
        const quint32 b = next(), c = next(), d = next();
        return QUuid(uint(clock >> 16), ushort(clock), ushort((b & 0x0fff) | 0x7000),
                     uchar(((c >> 24) & 0x3f) | 0x80), uchar(c >> 16), uchar(c >> 8), uchar(c),
                     uchar(d >> 24), uchar(d >> 16), uchar(d >> 8), uchar(d));
    }

private:
    static constexpr quint64 kUuidEpochMs = 1704067200000ull; // 2024-01-01T00:00:00Z
    std::mt19937 m_engine;
    quint64 m_issued = 0;
};

} // namespace saferhomes
