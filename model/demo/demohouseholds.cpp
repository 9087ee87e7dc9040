#include "demohouseholds.h"

#include "store/demorepository.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace saferhomes {

namespace {

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

double roundTo6(double value)
{
    return std::round(value * 1e6) / 1e6;
}

} // namespace

DemoHouseholds::DemoHouseholds(DemoRepository &repository, int count, quint32 seed)
    : m_repository(repository)
    , m_count(count)
    , m_random(seed)
{ }

Status DemoHouseholds::writeAreas()
{
    // Households are shared out in proportion to the areas' base targets.
    int targets = 0;
    for (const DemoAreaPlan &plan : kDemoAreas)
        targets += plan.baseTarget;
    int left = m_count;
    for (int i = 0; i < kDemoAreaCount; ++i) {
        m_areaHouseholds[i] = i + 1 < kDemoAreaCount
            ? int(std::lround(double(m_count) * kDemoAreas[i].baseTarget / targets))
            : left;
        left -= m_areaHouseholds[i];
    }
    for (int i = 0; i < kDemoAreaCount; ++i) {
        Area area;
        area.id = m_random.uuid();
        area.name = QString::fromLatin1(kDemoAreas[i].name);
        // A bigger register means a bigger scheme: the target covers every home on it.
        area.targetHomes = std::max(kDemoAreas[i].baseTarget, (m_areaHouseholds[i] + 9) / 10 * 10);
        area.budgetPence = qint64(area.targetHomes) * 30000;
        const Result<QUuid> id = m_repository.addArea(area);
        if (!id)
            return id.error();
        m_areaIds.append(*id);
    }
    return {};
}

void DemoHouseholds::planPostcodes()
{
    // Postcodes belong to the streets, not to the seed: the same street keeps its postcodes.
    static const QString unitLetters = QStringLiteral("ABDEFGHJLNPQRSTUWXYZ");
    DemoRandom places(20240501u);
    QSet<QString> used;
    for (int a = 0; a < kDemoAreaCount; ++a) {
        for (const DemoStreet &street : kDemoAreas[a].streets) {
            QStringList units;
            const int count = std::max(2, street.lastNumber / 30);
            while (units.size() < count) {
                // One draw per statement: the compiler chooses the order of operands.
                const QChar first = unitLetters.at(places.below(20));
                const QChar second = unitLetters.at(places.below(20));
                const QString postcode = QString::fromLatin1(street.outward) + QLatin1Char(' ')
                    + QLatin1Char(street.sector) + first + second;
                if (!used.contains(postcode)) {
                    used.insert(postcode);
                    units.append(postcode);
                }
            }
            m_postcodes[a].append(units);
        }
    }
}

/// Exactly apportioned statuses in a random order, so every status appears once there are
/// eleven or more households.
QList<HouseholdStatus> DemoHouseholds::statusesFor(int count)
{
    // Per mille, in HouseholdStatus order: a scheme well under way.
    static constexpr int kShare[] = {200, 80, 70, 60, 60, 180, 120, 100, 40, 60, 30};
    const QList<HouseholdStatus> all = HouseholdStatusRules::all();
    QList<int> quota(all.size());
    QList<std::pair<int, int>> remainders; // (remainder, index)
    int assigned = 0;
    for (int i = 0; i < all.size(); ++i) {
        quota[i] = count * kShare[i] / 1000;
        if (count >= all.size())
            quota[i] = std::max(quota[i], 1);
        assigned += quota[i];
        remainders.append({count * kShare[i] % 1000, i});
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (int k = 0; assigned < count; k = (k + 1) % int(remainders.size()), ++assigned)
        ++quota[remainders[k].second];
    for (int i = 0; assigned > count; i = (i + 1) % int(all.size())) {
        if (quota[i] > 1 || (count < all.size() && quota[i] > 0)) {
            --quota[i];
            --assigned;
        }
    }
    QList<HouseholdStatus> statuses;
    statuses.reserve(count);
    for (int i = 0; i < all.size(); ++i)
        statuses.insert(statuses.size(), quota[i], all[i]);
    for (int i = int(statuses.size()) - 1; i > 0; --i) // Fisher–Yates
        std::swap(statuses[i], statuses[m_random.below(i + 1)]);
    return statuses;
}

Resident DemoHouseholds::makeResident(const DemoNameGroup &group, const QString &surname, int area)
{
    DemoRandom &r = m_random;
    Resident resident;
    resident.id = r.uuid();
    resident.name = text(r.pick(group.first)) + QLatin1Char(' ') + surname;
    const int phoneKind = r.weighted({62, 28, 10});
    if (phoneKind == 0)
        resident.phone = QStringLiteral("07700 900%1").arg(r.below(1000), 3, 10, QLatin1Char('0'));
    else if (phoneKind == 1)
        resident.phone = QString::fromLatin1(kDemoAreas[area].landlinePrefix)
            + QStringLiteral("%1").arg(r.below(1000), 3, 10, QLatin1Char('0'));
    if (r.chance(0.22)) {
        // An address on a domain set aside for examples, made of the name's plain letters.
        QString local;
        QString folded = resident.name.toLower();
        folded.replace(QChar(0x0142), QLatin1Char('l')); // ł has no decomposition
        for (const QChar c : folded.normalized(QString::NormalizationForm_D)) {
            if (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                local.append(c);
            else if (c == QLatin1Char(' ') && !local.endsWith(QLatin1Char('.')))
                local.append(QLatin1Char('.'));
        }
        const char *domains[] = {"example.com", "example.org", "example.net"};
        resident.email = local + QLatin1Char('@') + QString::fromLatin1(domains[r.below(3)]);
    }
    if (!resident.email.isEmpty() && r.chance(0.5))
        resident.preferredContact = QStringLiteral("email");
    else if (!resident.phone.isEmpty())
        resident.preferredContact = QStringLiteral("phone");
    else
        resident.preferredContact
            = r.chance(0.5) ? QStringLiteral("letter") : QStringLiteral("visit");
    if (group.languagePercent > 0 && r.below(100) < group.languagePercent)
        resident.language = QString::fromLatin1(group.language);
    if (r.chance(0.08))
        resident.accessNeeds = QString::fromLatin1(r.pick(kDemoAccessNeeds));
    return resident;
}

HouseholdRecord DemoHouseholds::makeHousehold(int area, DemoHome *home,
                                              std::optional<Resident> *second)
{
    DemoRandom &r = m_random;
    const DemoAreaPlan &plan = kDemoAreas[area];
    HouseholdRecord record;
    Household &h = record.household;
    h.id = r.uuid();
    h.areaId = m_areaIds[area];
    h.areaName = QString::fromLatin1(plan.name);
    m_uprn += quint64(r.between(1, 4));
    h.uprn = QString::number(m_uprn);

    // A street in proportion to its length, then a number not yet taken (else a flat).
    int total = 0;
    for (const DemoStreet &street : plan.streets)
        total += street.lastNumber;
    int draw = r.below(total);
    int streetIndex = 0;
    while (draw >= plan.streets[streetIndex].lastNumber)
        draw -= plan.streets[streetIndex++].lastNumber;
    const DemoStreet &street = plan.streets[streetIndex];
    int number = 0;
    int flat = 0;
    for (int attempt = 0; attempt < 8; ++attempt) {
        number = r.between(1, street.lastNumber);
        const qint64 key = (qint64(area) << 40) | (qint64(streetIndex) << 20) | number;
        int &use = m_addressUse[key];
        if (use == 0 || attempt == 7) {
            flat = use++;
            break;
        }
    }
    const QString line = QStringLiteral("%1 %2").arg(number).arg(text(street.name));
    h.addressLine1 = flat > 0 ? QStringLiteral("Flat %1, %2").arg(flat).arg(line) : line;
    h.addressLine2 = text(street.locality);
    h.town = text(street.town);
    const QStringList &units = m_postcodes[area][streetIndex];
    h.postcode = units[(number - 1) * int(units.size()) / street.lastNumber];

    // Odd numbers on one side, even on the other, a little jitter for each house.
    const double t = street.lastNumber > 1 ? double((number - 1) / 2 * 2) / street.lastNumber : 0.5;
    const double metresPerLat = 111320.0;
    const double metresPerLon = 111320.0 * std::cos(street.lat1 * M_PI / 180.0);
    const double dx = (street.lon2 - street.lon1) * metresPerLon;
    const double dy = (street.lat2 - street.lat1) * metresPerLat;
    const double length = std::max(std::hypot(dx, dy), 1.0);
    const double side = (number % 2 ? 12.0 : -12.0) + (r.unit() - 0.5) * 6.0;
    const double along = (r.unit() - 0.5) * 6.0;
    const double east = dx * t + (-dy / length) * side + (dx / length) * along;
    const double north = dy * t + (dx / length) * side + (dy / length) * along;
    h.latitude = roundTo6(street.lat1 + north / metresPerLat);
    h.longitude = roundTo6(street.lon1 + east / metresPerLon);

    // Why the household is on the list (one to three reasons), and how urgent it is.
    bool chosen[std::size(kDemoEligibility)] = {};
    for (int k = 1 + r.weighted({70, 25, 5}); k > 0; --k) {
        chosen[r.weighted({kDemoEligibility[0].weight, kDemoEligibility[1].weight,
                           kDemoEligibility[2].weight, kDemoEligibility[3].weight,
                           kDemoEligibility[4].weight})]
            = true;
    }
    for (size_t i = 0; i < std::size(kDemoEligibility); ++i) {
        if (chosen[i]) {
            h.eligibility.append(QString::fromLatin1(kDemoEligibility[i].word));
            h.priority
                = std::max(h.priority, std::min(9, kDemoEligibility[i].priority + r.below(2)));
        }
    }
    if (r.chance(0.18))
        h.notes = QString::fromLatin1(r.pick(kDemoHouseholdNotes));

    int weight = 0;
    for (const DemoNameGroup &group : kDemoNameGroups)
        weight += group.weight;
    int groupDraw = r.below(weight);
    int groupIndex = 0;
    while (groupDraw >= kDemoNameGroups[groupIndex].weight)
        groupDraw -= kDemoNameGroups[groupIndex++].weight;
    const DemoNameGroup &group = kDemoNameGroups[groupIndex];
    const QString surname = text(r.pick(group.last));
    record.resident = makeResident(group, surname, area);
    record.resident.householdId = h.id;
    if (r.chance(0.35)) {
        *second = makeResident(group, surname, area);
        (*second)->householdId = h.id;
    }

    home->id = h.id;
    home->uprn = h.uprn;
    home->residentId = record.resident.id;
    home->residentName = record.resident.name;
    home->area = area;
    home->repeatVictim = chosen[0];
    return record;
}

Status DemoHouseholds::writeHouseholds()
{
    planPostcodes();
    m_homes.reserve(size_t(m_count));
    for (int area = 0; area < kDemoAreaCount; ++area) {
        const QList<HouseholdStatus> statuses = statusesFor(m_areaHouseholds[area]);
        for (HouseholdStatus status : statuses) {
            DemoHome home;
            home.status = status;
            std::optional<Resident> second;
            // Written as `identified`: the stories move each one through the services.
            const HouseholdRecord record = makeHousehold(area, &home, &second);
            if (Status added = m_repository.addHousehold(record); !added)
                return added;
            if (second) {
                if (Status added = m_repository.addResident(*second); !added)
                    return added;
            }
            m_homes.push_back(home);
        }
    }
    return {};
}

} // namespace saferhomes
