#include "common/householdfieldlabels.h"

namespace saferhomes {

QString HouseholdFieldLabels::label(HouseholdField field)
{
    switch (field) {
    case HouseholdField::Uprn: return tr("UPRN");
    case HouseholdField::AddressLine1: return tr("Address line 1");
    case HouseholdField::AddressLine2: return tr("Address line 2");
    case HouseholdField::Town: return tr("Town");
    case HouseholdField::Postcode: return tr("Postcode");
    case HouseholdField::Area: return tr("Area");
    case HouseholdField::Latitude: return tr("Latitude");
    case HouseholdField::Longitude: return tr("Longitude");
    case HouseholdField::Eligibility: return tr("Eligibility");
    case HouseholdField::Status: return tr("Status");
    case HouseholdField::Priority: return tr("Priority");
    case HouseholdField::Notes: return tr("Notes");
    case HouseholdField::ResidentName: return tr("Resident name");
    case HouseholdField::Phone: return tr("Phone");
    case HouseholdField::Email: return tr("Email");
    }
    return {};
}

QString HouseholdFieldLabels::label(const QString &fieldName)
{
    if (const auto field = HouseholdFields::fromName(fieldName))
        return label(*field);
    return fieldName;
}

} // namespace saferhomes
