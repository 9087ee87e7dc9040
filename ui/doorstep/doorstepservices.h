#pragma once

#include "service/consentservice.h"
#include "service/surveyservice.h"
#include "service/visitservice.h"
#include "store/consentrepository.h"
#include "store/jobrepository.h"
#include "store/surveyrepository.h"
#include "store/visitrepository.h"

namespace saferhomes {

class Database;
class HouseholdRepository;

/// The repositories and services one doorstep screen works with, made together so that
/// they share the user's name and the household repository.
class DoorstepServices {
public:
    DoorstepServices(const Database &database, HouseholdRepository &households);
    DoorstepServices(const DoorstepServices &) = delete;
    DoorstepServices &operator=(const DoorstepServices &) = delete;

    HouseholdRepository &households() { return m_households; }
    SurveyRepository &surveyStore() { return m_surveyStore; }
    VisitService &visits() { return m_visits; }
    ConsentService &consents() { return m_consents; }
    SurveyService &surveys() { return m_surveys; }

private:
    HouseholdRepository &m_households;
    VisitRepository m_visitStore;
    ConsentRepository m_consentStore;
    SurveyRepository m_surveyStore;
    JobRepository m_jobStore; ///< agreeing a package makes its unscheduled job
    VisitService m_visits;
    ConsentService m_consents;
    SurveyService m_surveys;
};

} // namespace saferhomes
