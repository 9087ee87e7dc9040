#include "ukboundary.h"

#include <array>
#include <cmath>
#include <span>
#include <vector>

namespace saferhomes {

namespace {

struct Point {
    double latitude;
    double longitude;
};

#include "ukoutline.inc"

// The rings' edges sorted into bands of latitude, so that a test crosses a few edges of its
// own band instead of all ~900.
class Outline {
public:
    Outline()
    {
        for (const std::span<const Point> ring : kRings) {
            for (size_t i = 0; i < ring.size(); ++i) {
                const Point &a = ring[i];
                const Point &b = ring[(i + 1) % ring.size()];
                const int first = band(std::min(a.latitude, b.latitude));
                const int last = band(std::max(a.latitude, b.latitude));
                for (int j = std::max(first, 0); j <= std::min(last, kBands - 1); ++j)
                    m_bands[size_t(j)].push_back({a, b});
            }
        }
    }

    // Even-odd rule over all rings (they do not overlap): a ray running east from the point
    // crosses the outline an odd number of times when the point is inside.
    bool contains(double latitude, double longitude) const
    {
        if (!(latitude >= kSouth && latitude < kNorth) || !std::isfinite(longitude))
            return false;
        bool inside = false;
        for (const auto &[a, b] : m_bands[size_t(band(latitude))]) {
            if ((a.latitude > latitude) == (b.latitude > latitude))
                continue;
            const double crossing = a.longitude
                + (latitude - a.latitude) * (b.longitude - a.longitude) / (b.latitude - a.latitude);
            if (crossing > longitude)
                inside = !inside;
        }
        return inside;
    }

private:
    static constexpr double kSouth = 49.0;
    static constexpr double kNorth = 62.0;
    static constexpr double kBandHeight = 0.05;
    static constexpr int kBands = int((kNorth - kSouth) / kBandHeight) + 1;

    static int band(double latitude) { return int(std::floor((latitude - kSouth) / kBandHeight)); }

    std::array<std::vector<std::pair<Point, Point>>, kBands> m_bands;
};

} // namespace

bool UkBoundary::contains(double latitude, double longitude)
{
    static const Outline outline;
    return outline.contains(latitude, longitude);
}

} // namespace saferhomes
