#pragma once

#include "domain/result.h"
#include "schedule/routingproblem.h"

#include <QString>

#include <vector>

namespace saferhomes {

/// A vehicle routing problem with time windows in Solomon's text format (also used by Gehring
/// and Homberger's larger instances): a name; the vehicle count and capacity; then one row per
/// customer (number, x, y, demand, ready time, due date, service time), the depot first.
struct SolomonInstance {
    struct Customer {
        int number = 0;
        double x = 0;
        double y = 0;
        double demand = 0;
        double ready = 0;
        double due = 0;
        double service = 0;
    };

    QString name;
    int vehicles = 0;
    double capacity = 0;
    Customer depot;
    std::vector<Customer> customers; ///< in file order, the depot not included

    /// Reads \a path; a file that does not follow the format fails with a message that names
    /// the line.
    static Result<SolomonInstance> read(const QString &path);
    static Result<SolomonInstance> parse(const QByteArray &text, const QString &fileName);

    /// The benchmark's conventions as a RoutingProblem: location 0 is the depot, location i
    /// customer i - 1 (job i - 1); Euclidean distance in double precision, travel time equal
    /// to distance; every vehicle leaves the depot at its ready time and is back by its due date.
    RoutingProblem toProblem() const;
};

} // namespace saferhomes
