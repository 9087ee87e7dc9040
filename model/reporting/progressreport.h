#pragma once

#include "store/householdrepository.h"

#include <QJsonObject>

namespace saferhomes {

/// The scheme's progress figures: funnel counts, take-up and homes secured against target.
struct ProgressReport {
    int households = 0;
    QHash<HouseholdStatus, int> byStatus;
    int offered = 0;
    int accepted = 0; ///< accepted or beyond
    double takeUpRate = 0;
    int secured = 0;
    int target = 0;
    QList<StatusCounts::AreaRow> byArea;

    static ProgressReport compute(const StatusCounts &counts);
    /// The command line's `report progress` document (DESIGN §4).
    QJsonObject toJson() const;
};

} // namespace saferhomes
