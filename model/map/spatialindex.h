#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>

#include <vector>

namespace saferhomes {

/// A uniform grid over a fixed set of world points (TileMath coordinates) for hit testing
/// and window queries: points are sorted by cell once, so a query reads only the cells it
/// overlaps.
class SpatialIndex {
public:
    SpatialIndex() = default;
    /// Indexes \a points, about \a perCell points to a cell on average.
    explicit SpatialIndex(QList<QPointF> points, int perCell = 4);

    qsizetype size() const { return m_points.size(); }
    const QPointF &point(int index) const { return m_points[index]; }

    /// The indices of the points inside \a world (edges included), in ascending order.
    QList<int> inRect(const QRectF &world) const;
    /// The point nearest to \a at no further than \a radius (world units), the lowest index
    /// among equally near ones; -1 when there is none.
    int nearest(const QPointF &at, double radius) const;

private:
    int column(double x) const;
    int row(double y) const;

    QList<QPointF> m_points;
    QRectF m_bounds;
    int m_columns = 0;
    int m_rows = 0;
    std::vector<int> m_cellStart; ///< m_items[m_cellStart[c] .. m_cellStart[c + 1]) is cell c
    std::vector<int> m_items;
};

} // namespace saferhomes
