#pragma once

// What the files of DashboardStore share of their SQL.

namespace saferhomes::dashboardsql {

/// A fitted item's part of the spend (job_item i, equipment_type e): the one place it is written.
inline constexpr char kItemSpend[]
    = "i.fitted_qty * coalesce(i.unit_cost_pence, e.unit_cost_pence)";

} // namespace saferhomes::dashboardsql
