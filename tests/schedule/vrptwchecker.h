#pragma once

// An independent check of a VRPTW solution against a Solomon-format file, written from the
// format's conventions (../shared/data/solomon/README.md) and sharing no code with the solver:
// its own parser, its own distances, its own schedule.

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace vrptwcheck {

struct Customer {
    double x = 0, y = 0, demand = 0, ready = 0, due = 0, service = 0;
};

struct Instance {
    int vehicles = 0;
    double capacity = 0;
    std::map<int, Customer> customers; ///< by number; 0 is the depot
    bool ok = false;
};

/// Reads the rows that have seven numbers after the line that has two (vehicles, capacity).
inline Instance parse(const std::string &text)
{
    Instance instance;
    std::istringstream lines(text);
    std::string line;
    bool fleetRead = false;
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::vector<double> values;
        double value = 0;
        while (fields >> value)
            values.push_back(value);
        if (!fields.eof())
            continue; // a line with words
        if (!fleetRead && values.size() == 2) {
            instance.vehicles = int(values[0]);
            instance.capacity = values[1];
            fleetRead = true;
        } else if (fleetRead && values.size() == 7) {
            instance.customers[int(values[0])]
                = {values[1], values[2], values[3], values[4], values[5], values[6]};
        }
    }
    instance.ok = fleetRead && instance.customers.count(0) == 1;
    return instance;
}

inline Instance read(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return parse(text.str());
}

struct Verdict {
    bool feasible = false;
    std::string problem; ///< why not, when not
    double distance = 0;
    int vehicles = 0;
};

inline double distanceBetween(const Customer &a, const Customer &b)
{
    return std::sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));
}

/// Every customer exactly once, loads within capacity, every service starting inside its
/// window (waiting allowed), every route back at the depot by its due date, no more routes
/// than vehicles.
inline Verdict check(const Instance &instance, const std::vector<std::vector<int>> &routes)
{
    Verdict verdict;
    auto fail = [&verdict](const std::string &why) {
        verdict.feasible = false;
        verdict.problem = why;
        return verdict;
    };
    if (!instance.ok)
        return fail("the instance could not be read");
    const Customer &depot = instance.customers.at(0);
    std::map<int, int> visits;
    for (const std::vector<int> &route : routes) {
        if (route.empty())
            return fail("an empty route");
        ++verdict.vehicles;
        double load = 0;
        double time = depot.ready;
        const Customer *at = &depot;
        for (int number : route) {
            const auto found = instance.customers.find(number);
            if (number == 0 || found == instance.customers.end())
                return fail("unknown customer " + std::to_string(number));
            ++visits[number];
            const Customer &next = found->second;
            load += next.demand;
            const double travel = distanceBetween(*at, next);
            verdict.distance += travel;
            time = std::max(time + travel, next.ready);
            if (time > next.due + 1e-6)
                return fail("customer " + std::to_string(number) + " served after its due date");
            time += next.service;
            at = &next;
        }
        const double back = distanceBetween(*at, depot);
        verdict.distance += back;
        if (time + back > depot.due + 1e-6)
            return fail("a route returns after the depot closes");
        if (load > instance.capacity + 1e-6)
            return fail("a route carries more than the capacity");
    }
    if (verdict.vehicles > instance.vehicles)
        return fail("more routes than vehicles");
    for (const auto &[number, customer] : instance.customers) {
        if (number != 0 && visits[number] != 1)
            return fail("customer " + std::to_string(number) + " visited "
                        + std::to_string(visits[number]) + " times");
    }
    verdict.feasible = true;
    return verdict;
}

} // namespace vrptwcheck
