#pragma once

#include "schedule/routingproblem.h"
#include "schedule/timewarpsegment.h"

#include <vector>

namespace saferhomes {

/// The optimiser's read-only view of a RoutingProblem: travel matrices, the jobs' data in flat
/// arrays, which vehicle may take which job, and each job's granular neighbourhood.
class SearchProblem {
public:
    /// \a neighbours: how many nearby jobs each job's moves look at.
    SearchProblem(const RoutingProblem &problem, int neighbours);

    int jobCount() const { return m_jobs; }
    int vehicleCount() const { return m_vehicles; }

    double distance(int fromLocation, int toLocation) const
    {
        return m_distance[size_t(fromLocation) * m_locations + toLocation];
    }
    double travelTime(int fromLocation, int toLocation) const
    {
        return m_time[size_t(fromLocation) * m_locations + toLocation];
    }

    int location(int job) const { return m_location[size_t(job)]; }
    double demand(int job) const { return m_demand[size_t(job)]; }
    int windowCount(int job) const { return int(m_windows[size_t(job)].size()); }
    /// Job \a job served in its window \a window.
    const TimeWarpSegment &segment(int job, int window) const
    {
        return m_windows[size_t(job)][size_t(window)];
    }

    int startLocation(int vehicle) const { return m_start[size_t(vehicle)]; }
    int endLocation(int vehicle) const { return m_end[size_t(vehicle)]; }
    const TimeWarpSegment &depotSegment(int vehicle) const { return m_depot[size_t(vehicle)]; }
    double capacity(int vehicle) const { return m_capacity[size_t(vehicle)]; }
    /// Vehicles with the same class are interchangeable.
    int vehicleClass(int vehicle) const { return m_class[size_t(vehicle)]; }

    bool everyVehicleTakesEveryJob() const { return m_allAllowed; }
    bool mayTake(int vehicle, int job) const
    {
        return m_allAllowed || m_allowed[size_t(job) * m_vehicles + vehicle];
    }

    const std::vector<int> &neighbours(int job) const { return m_neighbours[size_t(job)]; }

    /// Jobs no route can serve are left out of the search altogether.
    void exclude(int job) { m_excluded[size_t(job)] = 1; }
    bool excluded(int job) const { return m_excluded[size_t(job)] != 0; }

    /// Mean distance between a job and its nearest neighbours (a scale for the search).
    double typicalEdge() const { return m_typicalEdge; }

private:
    void buildNeighbours(int count);

    int m_jobs = 0;
    int m_vehicles = 0;
    size_t m_locations = 0;
    std::vector<double> m_distance;
    std::vector<double> m_time;
    std::vector<int> m_location;
    std::vector<double> m_demand;
    std::vector<std::vector<TimeWarpSegment>> m_windows;
    std::vector<int> m_start;
    std::vector<int> m_end;
    std::vector<TimeWarpSegment> m_depot;
    std::vector<double> m_capacity;
    std::vector<int> m_class;
    std::vector<char> m_allowed;
    bool m_allAllowed = true;
    std::vector<std::vector<int>> m_neighbours;
    std::vector<char> m_excluded;
    double m_typicalEdge = 1;
};

} // namespace saferhomes
