#include "domain/consentwording.h"

#include <QCoreApplication>

namespace saferhomes {

QString ConsentWording::version()
{
    return QStringLiteral("2024.1");
}

QString ConsentWording::text(ConsentPurpose purpose)
{
    switch (purpose) {
    case ConsentPurpose::SurveyFitting:
        return QCoreApplication::translate(
            "ConsentWording",
            "I agree to a survey of the security of my home today and, if I accept the "
            "equipment offered, to fitters visiting to fit it. My answers are used for this "
            "scheme only.");
    case ConsentPurpose::PartnerSharing:
        return QCoreApplication::translate(
            "ConsentWording",
            "I agree that my name, address and survey may be shared with the scheme's partners "
            "(the police, the Police and Crime Commissioner's office and the council) so that "
            "they can offer me further help.");
    case ConsentPurpose::Photos:
        return QCoreApplication::translate(
            "ConsentWording",
            "I agree to photos of the outside of my doors and windows being taken to plan the "
            "fitting. Photos never show people or the house number.");
    case ConsentPurpose::Evaluation:
        return QCoreApplication::translate(
            "ConsentWording",
            "I agree to be contacted once after the fitting to say how safe I feel, to help "
            "evaluate the scheme.");
    }
    return {};
}

} // namespace saferhomes
