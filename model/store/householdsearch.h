#pragma once

#include <QString>

namespace saferhomes {

/// The quick-find index's text for households `h` with their primary residents `r`: address,
/// postcode and the resident's name. Selects (rid, text); append a WHERE clause. The one
/// definition for every writer of household_fts, so bulk and single updates index alike
/// (0006_quick_find_sizes.sql rebuilt the index with it; a change to it needs such a rebuild
/// too). The bulk insert puts the same text together in C++ (HouseholdRows::append(); a test
/// holds the two equal): the index is contentless, so an entry can only be taken out again
/// with the very text it was made from.
///
/// A postcode typed without its space ("LE131AB") is found by the query instead
/// (HouseholdRepository::quickFind() splits it): indexing a spaceless copy too made every
/// postcode a term of its own, thousands of them under "l", which a one-letter prefix query
/// then had to merge.
inline QString householdSearchTextSelect()
{
    return QStringLiteral(
        "SELECT h.rid, h.address_line1 || ' ' || h.address_line2 || ' ' || h.town || ' ' "
        "|| h.postcode || ' ' || coalesce(r.name, '') "
        "FROM household h LEFT JOIN resident r ON r.household_id = h.id AND r.is_primary = 1 ");
}

} // namespace saferhomes
