#pragma once

#include "domain/householdstatus.h"
#include "domain/result.h"
#include "store/householdrepository.h"

#include "demorandom.h"
#include "demotables.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>
#include <unordered_map>
#include <vector>

namespace saferhomes {

class DemoRepository;
struct DemoNameGroup;

/// One household of a demo fill, with what its story needs to know.
struct DemoHome {
    QUuid id;
    QString uprn;
    QUuid residentId; ///< the primary resident
    QString residentName;
    int area = 0; ///< index into kDemoAreas
    bool repeatVictim = false;
    HouseholdStatus status = HouseholdStatus::Identified; ///< where its story must leave it
};

/// Makes up a fill's areas and households (addresses on real streets, coordinates,
/// residents, eligibility) and the status each is to reach, from the seed alone, and writes
/// them through DemoRepository, every household still `identified`.
class DemoHouseholds {
public:
    DemoHouseholds(DemoRepository &repository, int count, quint32 seed);

    /// Writes the two scheme areas, their targets grown to cover \a count households.
    Status writeAreas();
    /// Writes the households and residents (after writeAreas()).
    Status writeHouseholds();
    /// The households written, in the order they were written.
    const std::vector<DemoHome> &homes() const { return m_homes; }

private:
    void planPostcodes();
    QList<HouseholdStatus> statusesFor(int count);
    /// A household of \a area and, when it has one, a second resident in \a second.
    HouseholdRecord makeHousehold(int area, DemoHome *home, std::optional<Resident> *second);
    Resident makeResident(const DemoNameGroup &group, const QString &surname, int area);

    DemoRepository &m_repository;
    int m_count = 0;
    DemoRandom m_random;
    QList<QUuid> m_areaIds;
    int m_areaHouseholds[kDemoAreaCount] = {};
    QList<QStringList> m_postcodes[kDemoAreaCount]; ///< per street, one per run of numbers
    std::unordered_map<qint64, int> m_addressUse;
    quint64 m_uprn = 100030000000ull;
    std::vector<DemoHome> m_homes;
};

} // namespace saferhomes
