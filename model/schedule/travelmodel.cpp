#include "travelmodel.h"

#include <cmath>
#include <numbers>

namespace saferhomes {

EuclideanTravelModel::EuclideanTravelModel(std::vector<QPointF> points)
    : m_points(std::move(points))
{ }

double EuclideanTravelModel::distance(int from, int to) const
{
    const QPointF d = m_points[size_t(from)] - m_points[size_t(to)];
    return std::sqrt(d.x() * d.x() + d.y() * d.y());
}

MatrixTravelModel::MatrixTravelModel(int count, std::vector<double> distances,
                                     std::vector<double> times)
    : m_count(count)
    , m_distances(std::move(distances))
    , m_times(std::move(times))
{
    Q_ASSERT(m_distances.size() == size_t(count) * size_t(count));
    Q_ASSERT(m_times.size() == size_t(count) * size_t(count));
}

CallbackTravelModel::CallbackTravelModel(int count, Function distance, Function travelTime)
    : m_count(count)
    , m_distance(std::move(distance))
    , m_travelTime(std::move(travelTime))
{ }

GreatCircleTravelModel::GreatCircleTravelModel(std::vector<QPointF> coordinates,
                                               Settings settings)
    : m_coordinates(std::move(coordinates))
    , m_settings(settings)
{ }

double GreatCircleTravelModel::distance(int from, int to) const
{
    constexpr double kEarthRadiusKm = 6371.0088;
    constexpr double kRadians = std::numbers::pi / 180.0;
    const QPointF &a = m_coordinates[size_t(from)];
    const QPointF &b = m_coordinates[size_t(to)];
    const double lat1 = a.x() * kRadians;
    const double lat2 = b.x() * kRadians;
    const double dLat = lat2 - lat1;
    const double dLon = (b.y() - a.y()) * kRadians;
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2)
        + std::cos(lat1) * std::cos(lat2) * std::sin(dLon / 2) * std::sin(dLon / 2);
    const double greatCircle = 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
    return greatCircle * m_settings.roadFactor;
}

double GreatCircleTravelModel::travelTime(int from, int to) const
{
    return distance(from, to) / m_settings.speedKmh * 60.0;
}

} // namespace saferhomes
