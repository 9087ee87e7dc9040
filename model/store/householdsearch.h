#pragma once

#include <QString>

namespace saferhomes {

/// The quick-find index's text for households `h` with their primary residents `r`: address,
/// postcode (also without its space, so "LE131AB" finds "LE13 1AB") and the resident's name.
/// Selects (rid, text); append a WHERE clause. The one definition for every writer of
/// household_fts, so bulk and single updates index alike.
inline QString householdSearchTextSelect()
{
    return QStringLiteral(
        "SELECT h.rid, h.address_line1 || ' ' || h.address_line2 || ' ' || h.town || ' ' "
        "|| h.postcode || ' ' || replace(h.postcode, ' ', '') || ' ' || coalesce(r.name, '') "
        "FROM household h LEFT JOIN resident r ON r.household_id = h.id AND r.is_primary = 1 ");
}

} // namespace saferhomes
