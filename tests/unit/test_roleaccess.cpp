// Which screens each role is offered (DESIGN §1, §10, §11), as a literal table.

#include "domain/roleaccess.h"

#include <gtest/gtest.h>

#include <QStringList>

namespace saferhomes {

TEST(RoleAccess, EachRoleIsOfferedTheFeaturesItUses)
{
    using enum Feature;
    const QList<Feature> features {Households, Doorstep, Schedule, FitterDay, Stock,
                                   Dashboard,  Map,      Budgets,  Admin};
    // Columns in the order of `features`; 1 = offered.
    const QList<std::pair<QString, QList<int>>> table {
        {QStringLiteral(""), {1, 1, 1, 1, 1, 1, 1, 1, 1}}, // never synced: the owner's register
        {QStringLiteral("volunteer"), {1, 1, 0, 0, 0, 0, 1, 0, 0}},
        {QStringLiteral("officer"), {1, 1, 0, 0, 0, 1, 1, 0, 0}},
        {QStringLiteral("fitter"), {1, 0, 0, 1, 1, 0, 1, 0, 0}},
        {QStringLiteral("coordinator"), {1, 1, 1, 1, 1, 1, 1, 0, 0}},
        {QStringLiteral("manager"), {1, 0, 0, 0, 1, 1, 1, 1, 0}},
        {QStringLiteral("admin"), {1, 1, 1, 1, 1, 1, 1, 1, 1}},
        {QStringLiteral("auditor"), {1, 1, 0, 0, 0, 0, 1, 0, 0}}, // unknown: a volunteer's share
    };
    for (const auto &[role, offered] : table) {
        for (int f = 0; f < features.size(); ++f) {
            EXPECT_EQ(RoleAccess::allows(role, features[f]), offered[f] == 1)
                << "role '" << role.toStdString() << "', feature " << f;
        }
    }
    // Volunteers never see the dashboard; managers never see residents.
    EXPECT_FALSE(RoleAccess::allows(QStringLiteral("volunteer"), Dashboard));
    EXPECT_FALSE(RoleAccess::seesResidents(QStringLiteral("manager")));
    EXPECT_TRUE(RoleAccess::seesResidents(QStringLiteral("officer")));
    EXPECT_TRUE(RoleAccess::seesResidents(QString()));
}

} // namespace saferhomes
