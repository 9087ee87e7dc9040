#include "roleaccess.h"

#include <QStringList>

namespace saferhomes {

namespace {

using enum Feature;

/// Per role, the features it uses: a volunteer knocks on doors, an officer also reads the
/// figures, a fitter works through their day and their van, a coordinator runs the schedule and
/// the stock, a manager reads the figures and the map and sets the budgets, an admin has
/// everything.
bool allowsKnown(const QString &role, Feature feature)
{
    if (role == u"volunteer")
        return feature == Households || feature == Doorstep || feature == Map;
    if (role == u"officer")
        return feature == Households || feature == Doorstep || feature == Dashboard
            || feature == Map;
    if (role == u"fitter")
        return feature == Households || feature == FitterDay || feature == Stock || feature == Map;
    if (role == u"coordinator")
        return feature != Admin && feature != Budgets;
    if (role == u"manager")
        return feature == Households || feature == Stock || feature == Dashboard || feature == Map
            || feature == Budgets;
    return true; // admin
}

} // namespace

bool RoleAccess::isKnown(const QString &role)
{
    static const QStringList known {QStringLiteral("volunteer"), QStringLiteral("officer"),
                                    QStringLiteral("fitter"),    QStringLiteral("coordinator"),
                                    QStringLiteral("manager"),   QStringLiteral("admin")};
    return known.contains(role);
}

bool RoleAccess::allows(const QString &role, Feature feature)
{
    if (role.isEmpty())
        return true;
    return allowsKnown(isKnown(role) ? role : QStringLiteral("volunteer"), feature);
}

bool RoleAccess::seesResidents(const QString &role)
{
    return role != u"manager";
}

} // namespace saferhomes
