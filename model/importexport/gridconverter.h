#pragma once

#include <QString>

#include <optional>

struct pj_ctx;
struct PJconsts;

namespace saferhomes {

/// Converts British National Grid (EPSG:27700) eastings/northings to WGS84 with PROJ.
/// Not thread-safe: make one per thread.
class GridConverter {
public:
    struct LatLon {
        double latitude = 0;
        double longitude = 0;
    };

    GridConverter();
    ~GridConverter();
    GridConverter(const GridConverter &) = delete;
    GridConverter &operator=(const GridConverter &) = delete;

    bool isValid() const { return m_transform != nullptr; }
    QString errorString() const { return m_error; }

    /// WGS84 latitude/longitude of a grid reference in metres, or nothing when the point is
    /// off the grid (0–700 km east, 0–1300 km north).
    std::optional<LatLon> toWgs84(double easting, double northing) const;

private:
    pj_ctx *m_context = nullptr;
    PJconsts *m_transform = nullptr;
    QString m_error;
};

} // namespace saferhomes
