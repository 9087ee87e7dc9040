#pragma once

#include <QPointF>

#include <functional>
#include <vector>

namespace saferhomes {

/// Distance and travel time between numbered locations (DESIGN §8): the optimiser asks only
/// this interface, so a straight-line estimate can be replaced by a real road matrix.
///
/// Distance is what the optimiser minimises (kilometres, or plain units for the benchmark);
/// travel time is what the time windows are checked with, in the problem's time unit.
class TravelModel {
public:
    virtual ~TravelModel() = default;
    virtual int locationCount() const = 0;
    virtual double distance(int from, int to) const = 0;
    virtual double travelTime(int from, int to) const = 0;
};

/// Points in the plane, Euclidean distance in double precision, travel time equal to distance:
/// the Solomon benchmark's convention.
class EuclideanTravelModel : public TravelModel {
public:
    explicit EuclideanTravelModel(std::vector<QPointF> points);
    int locationCount() const override { return int(m_points.size()); }
    double distance(int from, int to) const override;
    double travelTime(int from, int to) const override { return distance(from, to); }

private:
    std::vector<QPointF> m_points;
};

/// Square matrices given in full (row = from), e.g. from a routing service.
class MatrixTravelModel : public TravelModel {
public:
    /// \a distances and \a times hold count x count values, row by row.
    MatrixTravelModel(int count, std::vector<double> distances, std::vector<double> times);
    int locationCount() const override { return m_count; }
    double distance(int from, int to) const override { return m_distances[index(from, to)]; }
    double travelTime(int from, int to) const override { return m_times[index(from, to)]; }

private:
    qsizetype index(int from, int to) const { return qsizetype(from) * m_count + to; }
    int m_count = 0;
    std::vector<double> m_distances;
    std::vector<double> m_times;
};

/// Anything that can answer the two questions, e.g. a cache in front of a road service.
class CallbackTravelModel : public TravelModel {
public:
    using Function = std::function<double(int from, int to)>;
    CallbackTravelModel(int count, Function distance, Function travelTime);
    int locationCount() const override { return m_count; }
    double distance(int from, int to) const override { return m_distance(from, to); }
    double travelTime(int from, int to) const override { return m_travelTime(from, to); }

private:
    int m_count = 0;
    Function m_distance;
    Function m_travelTime;
};

/// DESIGN §8's offline estimate: great-circle distance times a road factor, driven at an urban
/// speed. Distance in kilometres, travel time in minutes.
class GreatCircleTravelModel : public TravelModel {
public:
    struct Settings {
        double roadFactor = 1.3;
        double speedKmh = 25.0;
    };
    /// \a coordinates as (latitude, longitude) in degrees, WGS84.
    GreatCircleTravelModel(std::vector<QPointF> coordinates, Settings settings);
    explicit GreatCircleTravelModel(std::vector<QPointF> coordinates)
        : GreatCircleTravelModel(std::move(coordinates), Settings {})
    { }
    int locationCount() const override { return int(m_coordinates.size()); }
    double distance(int from, int to) const override;
    double travelTime(int from, int to) const override;

private:
    std::vector<QPointF> m_coordinates;
    Settings m_settings;
};

} // namespace saferhomes
