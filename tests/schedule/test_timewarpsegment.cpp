// TimeWarpSegment (Vidal et al. 2013) against a visit-by-visit simulation: the concatenated
// segment's time warp is the least warp of any start time, and its duration the least duration
// among the starts with that warp; concatenation is associative.

#include "schedule/timewarpsegment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <random>
#include <vector>

using saferhomes::TimeWarpSegment;

namespace {

struct Visit {
    double open, close, service;
};

struct Simulated {
    double warp = 0;
    double duration = 0;
};

/// Starts the first service at \a start (inside its window), waits when early, warps back to
/// the close when late; duration counts service, travel and waiting.
Simulated simulate(const std::vector<Visit> &visits, const std::vector<double> &travel,
                   double start)
{
    Simulated out;
    double time = start;
    for (size_t i = 0; i < visits.size(); ++i) {
        if (i > 0) {
            time += travel[i - 1];
            out.duration += travel[i - 1];
        }
        if (time < visits[i].open) {
            out.duration += visits[i].open - time;
            time = visits[i].open;
        }
        if (time > visits[i].close) {
            out.warp += time - visits[i].close;
            time = visits[i].close;
        }
        time += visits[i].service;
        out.duration += visits[i].service;
    }
    return out;
}

TimeWarpSegment fold(const std::vector<Visit> &visits, const std::vector<double> &travel,
                     size_t from, size_t to)
{
    TimeWarpSegment out = TimeWarpSegment::visit(visits[from].service, visits[from].open,
                                                 visits[from].close);
    for (size_t i = from + 1; i <= to; ++i)
        out = TimeWarpSegment::merge(
            out, TimeWarpSegment::visit(visits[i].service, visits[i].open, visits[i].close),
            travel[i - 1]);
    return out;
}

} // namespace

TEST(TimeWarpSegment, MatchesASimulationOfEveryStartTime)
{
    std::mt19937 random(7);
    std::uniform_int_distribution<int> travelTime(0, 30), service(0, 10), open(0, 200),
        width(0, 80), length(1, 7);
    for (int trial = 0; trial < 400; ++trial) {
        std::vector<Visit> visits;
        std::vector<double> travel;
        const int n = length(random);
        for (int i = 0; i < n; ++i) {
            const double o = open(random);
            visits.push_back({o, o + width(random), double(service(random))});
            travel.push_back(travelTime(random));
        }
        const TimeWarpSegment segment = fold(visits, travel, 0, size_t(n - 1));

        // Integer data: every breakpoint is a whole number, so whole start times suffice.
        double leastWarp = std::numeric_limits<double>::infinity();
        double leastDuration = std::numeric_limits<double>::infinity();
        for (double start = visits[0].open; start <= visits[0].close; start += 1) {
            const Simulated s = simulate(visits, travel, start);
            if (s.warp < leastWarp - 1e-9) {
                leastWarp = s.warp;
                leastDuration = s.duration;
            } else if (s.warp < leastWarp + 1e-9) {
                leastDuration = std::min(leastDuration, s.duration);
            }
        }
        ASSERT_NEAR(segment.timeWarp, leastWarp, 1e-9) << "trial " << trial;
        ASSERT_NEAR(segment.duration, leastDuration, 1e-9) << "trial " << trial;
        ASSERT_LE(segment.earliest, segment.latest + 1e-9) << "trial " << trial;
    }
}

TEST(TimeWarpSegment, ConcatenationIsAssociative)
{
    std::mt19937 random(11);
    std::uniform_int_distribution<int> travelTime(0, 30), service(0, 10), open(0, 200),
        width(0, 80);
    for (int trial = 0; trial < 300; ++trial) {
        std::vector<Visit> visits;
        std::vector<double> travel;
        for (int i = 0; i < 8; ++i) {
            const double o = open(random);
            visits.push_back({o, o + width(random), double(service(random))});
            travel.push_back(travelTime(random));
        }
        const TimeWarpSegment whole = fold(visits, travel, 0, 7);
        for (size_t cut = 0; cut < 7; ++cut) {
            const TimeWarpSegment joined = TimeWarpSegment::merge(
                fold(visits, travel, 0, cut), fold(visits, travel, cut + 1, 7), travel[cut]);
            EXPECT_NEAR(joined.duration, whole.duration, 1e-9);
            EXPECT_NEAR(joined.timeWarp, whole.timeWarp, 1e-9);
            EXPECT_NEAR(joined.earliest, whole.earliest, 1e-9);
            EXPECT_NEAR(joined.latest, whole.latest, 1e-9);
        }
    }
}

TEST(TimeWarpSegment, HandMadeCases)
{
    // Arrive at 10 for a window [20, 30]: wait 10, no warp.
    TimeWarpSegment s = TimeWarpSegment::merge(TimeWarpSegment::visit(5, 0, 0),
                                               TimeWarpSegment::visit(3, 20, 30), 5);
    EXPECT_DOUBLE_EQ(s.timeWarp, 0);
    EXPECT_DOUBLE_EQ(s.duration, 5 + 5 + 10 + 3);
    // Arrive at 40 for a window [20, 30]: 10 late.
    s = TimeWarpSegment::merge(TimeWarpSegment::visit(5, 0, 0), TimeWarpSegment::visit(3, 20, 30),
                               35);
    EXPECT_DOUBLE_EQ(s.timeWarp, 10);
    EXPECT_DOUBLE_EQ(s.duration, 5 + 35 + 3);
}
