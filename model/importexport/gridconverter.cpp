#include "gridconverter.h"

#include <proj.h>

#include <cmath>

namespace saferhomes {

GridConverter::GridConverter()
    : m_context(proj_context_create())
{
    // Without the OSTN15 grid (not packaged by Debian), PROJ would fall back to a "ballpark"
    // conversion that ignores the datum shift (~100 m off); refuse that so it takes the
    // published OSGB36→WGS84 Helmert transformation (a few metres).
    PJ *source = proj_create(m_context, "EPSG:27700");
    PJ *target = proj_create(m_context, "EPSG:4326");
    const char *const options[] = {"ALLOW_BALLPARK=NO", nullptr};
    PJ *transform = source && target
        ? proj_create_crs_to_crs_from_pj(m_context, source, target, nullptr, options)
        : nullptr;
    proj_destroy(source);
    proj_destroy(target);
    if (!transform) {
        m_setupError = QString::fromUtf8(
            proj_context_errno_string(m_context, proj_context_errno(m_context)));
        return;
    }
    // EPSG:4326 is latitude-first; normalise so x is longitude and y latitude.
    m_transform = proj_normalize_for_visualization(m_context, transform);
    proj_destroy(transform);
    if (!m_transform) {
        m_setupError = QString::fromUtf8(
            proj_context_errno_string(m_context, proj_context_errno(m_context)));
    }
}

GridConverter::~GridConverter()
{
    if (m_transform)
        proj_destroy(m_transform);
    proj_context_destroy(m_context);
}

Status GridConverter::status() const
{
    if (m_transform)
        return {};
    return Error::database(
        tr("cannot convert British National Grid references (PROJ): %1").arg(m_setupError));
}

Result<GridConverter::LatLon> GridConverter::toWgs84(double easting, double northing) const
{
    if (!m_transform)
        return status().error();
    const auto offGrid = [&] {
        return Error::invalid(
            tr("%1, %2 is not on the British National Grid")
                .arg(QString::number(easting, 'f', 0), QString::number(northing, 'f', 0)));
    };
    if (!std::isfinite(easting) || !std::isfinite(northing) || easting < 0 || easting > 700000
        || northing < 0 || northing > 1300000) {
        return offGrid();
    }
    const PJ_COORD result = proj_trans(m_transform, PJ_FWD, proj_coord(easting, northing, 0, 0));
    if (!std::isfinite(result.xy.x) || !std::isfinite(result.xy.y))
        return offGrid();
    return LatLon {result.xy.y, result.xy.x};
}

} // namespace saferhomes
