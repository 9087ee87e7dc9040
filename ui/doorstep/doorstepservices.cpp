#include "doorstep/doorstepservices.h"

#include "store/database.h"

namespace saferhomes {

DoorstepServices::DoorstepServices(const Database &database, HouseholdRepository &households)
    : m_households(households)
    , m_visitStore(database, Database::localUserName())
    , m_consentStore(database, Database::localUserName())
    , m_surveyStore(database, Database::localUserName())
    , m_jobStore(database, Database::localUserName())
    , m_visits(households, m_visitStore)
    , m_consents(households, m_consentStore)
    , m_surveys(households, m_consentStore, m_surveyStore, &m_jobStore)
{ }

} // namespace saferhomes
