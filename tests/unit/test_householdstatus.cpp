#include "domain/householdstatus.h"

#include <gtest/gtest.h>

using namespace saferhomes;
using S = HouseholdStatus;

TEST(HouseholdStatus, NamesAreTheContractNames)
{
    EXPECT_EQ(HouseholdStatusRules::allNames(),
              QStringList({QStringLiteral("identified"), QStringLiteral("contacted"),
                           QStringLiteral("surveyed"), QStringLiteral("accepted"),
                           QStringLiteral("scheduled"), QStringLiteral("installed"),
                           QStringLiteral("followed_up"), QStringLiteral("declined"),
                           QStringLiteral("not_eligible"), QStringLiteral("unreachable"),
                           QStringLiteral("moved_away")}));
    for (S status : HouseholdStatusRules::all())
        EXPECT_EQ(HouseholdStatusRules::fromName(HouseholdStatusRules::name(status)), status);
    EXPECT_FALSE(HouseholdStatusRules::fromName(QStringLiteral("Installed")));
    EXPECT_FALSE(HouseholdStatusRules::fromName(QString()));
}

TEST(HouseholdStatus, FunnelGroupsMatchTheDesign)
{
    const QList<S> acceptedOrBeyond {S::Accepted, S::Scheduled, S::Installed, S::FollowedUp};
    for (S status : HouseholdStatusRules::all()) {
        EXPECT_EQ(HouseholdStatusRules::isAcceptedOrBeyond(status),
                  acceptedOrBeyond.contains(status));
        EXPECT_EQ(HouseholdStatusRules::isOffered(status),
                  acceptedOrBeyond.contains(status) || status == S::Declined);
        EXPECT_EQ(HouseholdStatusRules::isSecured(status),
                  status == S::Installed || status == S::FollowedUp);
    }
    EXPECT_TRUE(HouseholdStatusRules::isClosed(S::MovedAway));
    EXPECT_FALSE(HouseholdStatusRules::isClosed(S::Accepted));
}

TEST(HouseholdStatus, ForwardOneStepIsAllowed)
{
    const TransitionContext withJobs {true, true};
    const QList<S> funnel {S::Identified, S::Contacted, S::Surveyed,  S::Accepted,
                           S::Scheduled,  S::Installed, S::FollowedUp};
    for (int i = 0; i + 1 < funnel.size(); ++i) {
        EXPECT_FALSE(HouseholdStatusRules::checkTransition(funnel[i], funnel[i + 1], withJobs))
            << qPrintable(HouseholdStatusRules::name(funnel[i]));
    }
}

TEST(HouseholdStatus, SkippingStagesIsRefused)
{
    const TransitionContext withJobs {true, true};
    EXPECT_TRUE(HouseholdStatusRules::checkTransition(S::Identified, S::Accepted, withJobs));
    EXPECT_TRUE(HouseholdStatusRules::checkTransition(S::Contacted, S::Installed, withJobs));
    EXPECT_TRUE(HouseholdStatusRules::checkTransition(S::FollowedUp, S::Identified, withJobs));
    EXPECT_TRUE(HouseholdStatusRules::checkTransition(S::Installed, S::Declined, withJobs));
}

TEST(HouseholdStatus, ScheduledNeedsAJob)
{
    const auto refused = HouseholdStatusRules::checkTransition(S::Accepted, S::Scheduled, {});
    ASSERT_TRUE(refused);
    EXPECT_TRUE(refused->contains(QStringLiteral("job")));
    EXPECT_FALSE(HouseholdStatusRules::checkTransition(S::Accepted, S::Scheduled, {true, false}));
}

TEST(HouseholdStatus, InstalledNeedsACompletedJob)
{
    EXPECT_TRUE(HouseholdStatusRules::checkTransition(S::Scheduled, S::Installed, {true, false}));
    EXPECT_FALSE(HouseholdStatusRules::checkTransition(S::Scheduled, S::Installed, {false, true}));
}

TEST(HouseholdStatus, ClosedStatesCanReopen)
{
    EXPECT_FALSE(HouseholdStatusRules::checkTransition(S::Declined, S::Contacted, {}));
    EXPECT_FALSE(HouseholdStatusRules::checkTransition(S::MovedAway, S::Identified, {}));
    EXPECT_FALSE(HouseholdStatusRules::checkTransition(S::NotEligible, S::Identified, {}));
    EXPECT_TRUE(HouseholdStatusRules::checkTransition(S::Declined, S::Accepted, {}));
}

TEST(HouseholdStatus, StayingPutIsAlwaysAllowed)
{
    for (S status : HouseholdStatusRules::all())
        EXPECT_FALSE(HouseholdStatusRules::checkTransition(status, status, {}));
}

TEST(HouseholdStatus, SuccessorsAgreeWithCheckTransition)
{
    const TransitionContext withJobs {true, true};
    for (S from : HouseholdStatusRules::all()) {
        for (S to : HouseholdStatusRules::all()) {
            if (from == to)
                continue;
            EXPECT_EQ(HouseholdStatusRules::successors(from).contains(to),
                      !HouseholdStatusRules::checkTransition(from, to, withJobs).has_value());
        }
    }
}
