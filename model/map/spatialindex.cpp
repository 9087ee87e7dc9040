#include "map/spatialindex.h"

#include <algorithm>
#include <cmath>

namespace saferhomes {

SpatialIndex::SpatialIndex(QList<QPointF> points, int perCell)
    : m_points(std::move(points))
{
    if (m_points.isEmpty())
        return;
    double left = m_points[0].x(), right = left, top = m_points[0].y(), bottom = top;
    for (const QPointF &p : std::as_const(m_points)) {
        left = std::min(left, p.x());
        right = std::max(right, p.x());
        top = std::min(top, p.y());
        bottom = std::max(bottom, p.y());
    }
    m_bounds = QRectF(QPointF(left, top), QPointF(right, bottom));
    const double cells = std::max(1.0, double(m_points.size()) / std::max(perCell, 1));
    const double aspect = m_bounds.height() > 0 && m_bounds.width() > 0
        ? m_bounds.width() / m_bounds.height()
        : 1.0;
    m_columns = std::clamp(int(std::ceil(std::sqrt(cells * aspect))), 1, 4096);
    m_rows = std::clamp(int(std::ceil(cells / m_columns)), 1, 4096);
    if (m_bounds.width() <= 0)
        m_columns = 1;
    if (m_bounds.height() <= 0)
        m_rows = 1;

    // Counting sort of the points by cell.
    std::vector<int> cellOf(m_points.size());
    m_cellStart.assign(size_t(m_columns) * m_rows + 1, 0);
    for (int i = 0; i < m_points.size(); ++i) {
        cellOf[i] = row(m_points[i].y()) * m_columns + column(m_points[i].x());
        ++m_cellStart[cellOf[i] + 1];
    }
    for (size_t c = 1; c < m_cellStart.size(); ++c)
        m_cellStart[c] += m_cellStart[c - 1];
    m_items.resize(m_points.size());
    std::vector<int> next(m_cellStart.begin(), m_cellStart.end() - 1);
    for (int i = 0; i < m_points.size(); ++i)
        m_items[next[cellOf[i]]++] = i;
}

int SpatialIndex::column(double x) const
{
    if (m_bounds.width() <= 0)
        return 0;
    return std::clamp(int((x - m_bounds.left()) / m_bounds.width() * m_columns), 0, m_columns - 1);
}

int SpatialIndex::row(double y) const
{
    if (m_bounds.height() <= 0)
        return 0;
    return std::clamp(int((y - m_bounds.top()) / m_bounds.height() * m_rows), 0, m_rows - 1);
}

QList<int> SpatialIndex::inRect(const QRectF &world) const
{
    QList<int> found;
    if (m_points.isEmpty() || world.right() < m_bounds.left() || world.left() > m_bounds.right()
        || world.bottom() < m_bounds.top() || world.top() > m_bounds.bottom())
        return found;
    const int c0 = column(world.left()), c1 = column(world.right());
    const int r0 = row(world.top()), r1 = row(world.bottom());
    for (int r = r0; r <= r1; ++r) {
        for (int c = c0; c <= c1; ++c) {
            const int cell = r * m_columns + c;
            for (int k = m_cellStart[cell]; k < m_cellStart[cell + 1]; ++k) {
                const QPointF &p = m_points[m_items[k]];
                if (p.x() >= world.left() && p.x() <= world.right() && p.y() >= world.top()
                    && p.y() <= world.bottom())
                    found.append(m_items[k]);
            }
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

int SpatialIndex::nearest(const QPointF &at, double radius) const
{
    int best = -1;
    double bestDistance = radius * radius;
    const QRectF window(at.x() - radius, at.y() - radius, 2 * radius, 2 * radius);
    if (m_points.isEmpty() || window.right() < m_bounds.left() || window.left() > m_bounds.right()
        || window.bottom() < m_bounds.top() || window.top() > m_bounds.bottom())
        return best;
    const int c0 = column(window.left()), c1 = column(window.right());
    const int r0 = row(window.top()), r1 = row(window.bottom());
    for (int r = r0; r <= r1; ++r) {
        for (int c = c0; c <= c1; ++c) {
            const int cell = r * m_columns + c;
            for (int k = m_cellStart[cell]; k < m_cellStart[cell + 1]; ++k) {
                const int i = m_items[k];
                const double dx = m_points[i].x() - at.x();
                const double dy = m_points[i].y() - at.y();
                const double d = dx * dx + dy * dy;
                if (d < bestDistance || (d == bestDistance && (best < 0 || i < best))) {
                    bestDistance = d;
                    best = i;
                }
            }
        }
    }
    return best;
}

} // namespace saferhomes
