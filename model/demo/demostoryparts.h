#pragma once

#include "demostories.h"
#include "demotables.h"

#include "service/consentservice.h"
#include "service/householdservice.h"
#include "service/surveyservice.h"
#include "service/visitservice.h"
#include "store/consentrepository.h"
#include "store/demorepository.h"
#include "store/householdrepository.h"
#include "store/surveyrepository.h"
#include "store/visitrepository.h"

#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QTime>

#include <algorithm>

// What the three parts of DemoStories (demostories.cpp, demodoorstep.cpp, demojobs.cpp) share.

namespace saferhomes {

/// The repositories and services as one person uses them: what they record is in that
/// person's name.
struct DemoStories::Doorstep {
    Doorstep(const Database &database, const QString &user)
        : households(database, user)
        , visits(database, user)
        , consents(database, user)
        , surveys(database, user)
        , visitService(households, visits)
        , consentService(households, consents)
        , surveyService(households, consents, surveys)
        , householdService(households)
    { }

    HouseholdRepository households;
    VisitRepository visits;
    ConsentRepository consents;
    SurveyRepository surveys;
    VisitService visitService;
    ConsentService consentService;
    SurveyService surveyService;
    HouseholdService householdService;
};

namespace demoparts {

/// The catalogue entry of \a code, which must be one.
inline const DemoCatalogueItem &catalogueItem(const QString &code)
{
    const int index = demoCatalogueIndex(code);
    Q_ASSERT(index >= 0); // the rules recommend only catalogue codes (a test checks it)
    return kDemoCatalogue[std::max(index, 0)];
}

inline QString hhmm(int minutes)
{
    return QTime(minutes / 60, minutes % 60).toString(u"HH:mm");
}

inline QString compactJson(const QJsonDocument &document)
{
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

/// The skills (DemoSkill flags) the items of a job need.
inline int skillsOf(const QList<DemoJobItem> &items)
{
    int needed = 0;
    for (const DemoJobItem &item : items)
        needed |= catalogueItem(item.code).skill;
    return needed;
}

} // namespace demoparts

} // namespace saferhomes
