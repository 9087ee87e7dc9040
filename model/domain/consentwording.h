#pragma once

#include "domain/visit.h"

#include <QString>

namespace saferhomes {

/// The consent wording read to the householder, per purpose, and the version recorded with
/// every decision. A change to any text needs a new version.
class ConsentWording {
public:
    static QString version();
    static QString text(ConsentPurpose purpose);
};

} // namespace saferhomes
