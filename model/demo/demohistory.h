#pragma once

namespace saferhomes {

/// How far back the demo's completed work reaches: 18 months, so that the dashboard's weekly
/// trend, spend by month and the quarterly returns of past quarters have history to show.
/// Homes installed recently are not yet followed up; those followed up were fitted earlier.
struct DemoHistory {
    /// Days before today a job was completed, from the nearest to the furthest.
    struct Window {
        int nearest;
        int furthest;
    };
    static constexpr Window kInstalled {2, 180};
    static constexpr Window kFollowedUp {45, 548};
};

} // namespace saferhomes
