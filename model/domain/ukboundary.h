#pragma once

namespace saferhomes {

/// Whether a WGS84 position lies in the United Kingdom: coarse outlines of Great Britain, its
/// islands and Northern Ireland (a few km out to sea; the Irish border to within ~5 km), enough
/// to catch swapped, mistyped or foreign coordinates in an import file.
class UkBoundary {
public:
    static bool contains(double latitude, double longitude);
};

} // namespace saferhomes
