#include "domain/consentwording.h"

#include <QSet>

#include <gtest/gtest.h>

namespace saferhomes {
namespace {

TEST(ConsentWordingTest, TheVersionRecordedWithEveryDecisionIs2024_1)
{
    EXPECT_EQ(ConsentWording::version(), QStringLiteral("2024.1"));
}

TEST(ConsentWordingTest, EachPurposeIsReadOutInItsOwnWords)
{
    EXPECT_EQ(ConsentWording::text(ConsentPurpose::SurveyFitting),
              QStringLiteral("I agree to a survey of the security of my home today and, if I "
                             "accept the equipment offered, to fitters visiting to fit it. My "
                             "answers are used for this scheme only."));
    EXPECT_EQ(ConsentWording::text(ConsentPurpose::PartnerSharing),
              QStringLiteral("I agree that my name, address and survey may be shared with the "
                             "scheme's partners (the police, the Police and Crime "
                             "Commissioner's office and the council) so that they can offer me "
                             "further help."));
    EXPECT_EQ(ConsentWording::text(ConsentPurpose::Photos),
              QStringLiteral("I agree to photos of the outside of my doors and windows being "
                             "taken to plan the fitting. Photos never show people or the house "
                             "number."));
    EXPECT_EQ(ConsentWording::text(ConsentPurpose::Evaluation),
              QStringLiteral("I agree to be contacted once after the fitting to say how safe I "
                             "feel, to help evaluate the scheme."));
}

} // namespace
} // namespace saferhomes
