#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QString>

struct pj_ctx;
struct PJconsts;

namespace saferhomes {

/// Converts British National Grid (EPSG:27700) eastings/northings to WGS84 with PROJ.
/// Not thread-safe: make one per thread.
class GridConverter {
    Q_DECLARE_TR_FUNCTIONS(GridConverter)

public:
    struct LatLon {
        double latitude = 0;
        double longitude = 0;
    };

    GridConverter();
    ~GridConverter();
    GridConverter(const GridConverter &) = delete;
    GridConverter &operator=(const GridConverter &) = delete;

    /// Whether the conversion could be set up: Error::Database, with PROJ's reason, when PROJ
    /// or its database of coordinate systems (proj.db) cannot be used.
    Status status() const;

    /// WGS84 latitude/longitude of a grid reference in metres. Error::Invalid when the point
    /// is off the grid (0–700 km east, 0–1300 km north); status()'s error when the conversion
    /// could not be set up (so a broken installation is never taken for a bad reference).
    Result<LatLon> toWgs84(double easting, double northing) const;

private:
    pj_ctx *m_context = nullptr;
    PJconsts *m_transform = nullptr;
    QString m_setupError;
};

} // namespace saferhomes
