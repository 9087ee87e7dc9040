#pragma once

#include <QString>

namespace saferhomes {

/// The parts of the app, as the sidebar and the menus offer them (DESIGN §11).
enum class Feature {
    Households,
    Doorstep,
    Schedule,
    FitterDay,
    Stock,
    Dashboard,
    Map,
    Budgets, ///< setting areas' budgets: managers and admins, as the central database allows
    Admin
};

/// What each role may use on this device: the same rules as the central database's policies,
/// applied to the screens (DESIGN §10, least privilege). The role is the one the central
/// database gave at the last sync, without its `sh_` prefix; a register that has never synced
/// has no role and belongs to whoever made it, so everything is open there.
class RoleAccess {
public:
    /// Whether \a role may use \a feature. A role this version does not know gets what a
    /// volunteer gets.
    static bool allows(const QString &role, Feature feature);
    /// Whether \a role may read residents' personal data (names, phone numbers, e-mail):
    /// managers see aggregates and addresses only.
    static bool seesResidents(const QString &role);
    /// The roles this version knows, in DESIGN §1's order.
    static bool isKnown(const QString &role);
};

} // namespace saferhomes
