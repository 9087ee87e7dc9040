#pragma once

#include "domain/householdstatus.h"

#include <QColor>
#include <QIcon>

namespace saferhomes {

/// Status colours from the Okabe–Ito colour-blind-safe palette; always shown with a label.
class StatusPalette {
public:
    static QColor color(HouseholdStatus status);
    /// A small rounded chip in the status colour with an outline that shows on light and
    /// dark backgrounds (sharp on HiDPI screens). Callers that paint often
    /// keep the icons: each call draws new pixmaps.
    static QIcon chip(HouseholdStatus status);
};

} // namespace saferhomes
