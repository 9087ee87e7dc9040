#include "demostories.h"

#include "demostoryparts.h"

#include "store/database.h"

#include "domain/job.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTime>

#include <algorithm>
#include <cmath>

namespace saferhomes {

namespace {

using demoparts::catalogueItem;
using demoparts::compactJson;
using demoparts::hhmm;

double roundTo6(double value)
{
    return std::round(value * 1e6) / 1e6;
}

} // namespace

std::pair<int, int> DemoStories::FitterState::shiftOn(const QDate &day) const
{
    for (const auto &[from, to] : absences) {
        if (day >= from && day <= to)
            return {-1, -1};
    }
    return week[size_t(day.dayOfWeek() - 1)];
}

/// Gives the first fitters weeks of their own, so the board has something to show: a short
/// Friday, a day off, a long Wednesday, training in the coming week, leave last month. The
/// usual shift stays on the other days.
void DemoStories::shapeWeek(FitterState &fitter, int index) const
{
    fitter.week.fill({fitter.shiftStart, fitter.shiftEnd});
    fitter.week[5] = fitter.week[6] = {-1, -1};
    const QDate nextMonday = m_today.addDays(8 - m_today.dayOfWeek());
    QString reason;
    switch (index) {
    case 1: fitter.week[4] = {fitter.shiftStart, 12 * 60 + 30}; break;
    case 2:
        fitter.week[0] = {-1, -1};
        fitter.week[5] = {9 * 60, 13 * 60};
        break;
    case 3:
        fitter.absences.append({nextMonday.addDays(3), nextMonday.addDays(4)});
        reason = QStringLiteral("training");
        break;
    case 4: fitter.week[2] = {7 * 60 + 30, 18 * 60}; break;
    case 5:
        fitter.absences.append({nextMonday.addDays(-35), nextMonday.addDays(-31)});
        reason = QStringLiteral("leave");
        break;
    default: break;
    }
    QJsonObject week;
    for (int day = 1; day <= 7; ++day) {
        const auto [from, to] = fitter.week[size_t(day - 1)];
        const bool usual = day <= 5 ? from == fitter.shiftStart && to == fitter.shiftEnd : from < 0;
        if (usual)
            continue;
        week.insert(QString::number(day),
                    from < 0 ? QJsonValue(QJsonValue::Null)
                             : QJsonValue(QJsonArray {hhmm(from), hhmm(to)}));
    }
    fitter.row.weeklyShifts = compactJson(QJsonDocument(week));
    QJsonArray absences;
    for (const auto &[from, to] : fitter.absences) {
        absences.append(QJsonObject {{QStringLiteral("from"), from.toString(Qt::ISODate)},
                                     {QStringLiteral("to"), to.toString(Qt::ISODate)},
                                     {QStringLiteral("reason"), reason}});
    }
    fitter.row.absences = compactJson(QJsonDocument(absences));
    fitter.row.van = QStringLiteral("Van %1").arg(index + 1);
}

int DemoStories::SurveyPlan::minutes() const
{
    int total = 15;
    for (const PackageItem &item : items) {
        if (item.agreed)
            total += catalogueItem(item.code).fitMinutes * item.qty;
    }
    return total;
}

int DemoStories::SurveyPlan::skills() const
{
    int needed = 0;
    for (const PackageItem &item : items) {
        if (item.agreed)
            needed |= catalogueItem(item.code).skill;
    }
    return needed;
}

DemoStories::DemoStories(const Database &database, DemoRepository &repository, int households,
                         quint32 seed)
    : m_database(database)
    , m_repository(repository)
    , m_households(households)
    , m_events(seed ^ 0x9e3779b9u)
    , m_terms(seed ^ 0x7f4a7c15u)
    , m_zone(QByteArrayLiteral("Europe/London"))
    , m_engine(RecommendationEngine::builtIn())
    , m_questions(m_engine.definition().questions())
{
    if (!m_zone.isValid())
        m_zone = QTimeZone::utc();
    m_now = QDateTime::currentDateTimeUtc();
    m_today = m_now.toTimeZone(m_zone).date();
}

DemoStories::~DemoStories() = default;

DemoStories::Doorstep &DemoStories::as(const QString &user)
{
    std::unique_ptr<Doorstep> &doorstep = m_doorsteps[user];
    if (!doorstep)
        doorstep = std::make_unique<Doorstep>(m_database, user);
    return *doorstep;
}

Error DemoStories::refused(const DemoHome &home, const QString &error)
{
    // Not Error::Refused: that is the register refusing the demo (it has households); a step
    // of a story refused is the fill failing.
    return Error::database(tr("household %1: %2").arg(home.uprn, error));
}

Status DemoStories::writeCatalogue()
{
    for (const DemoCatalogueItem &item : kDemoCatalogue) {
        const DemoEquipment row {QString::fromLatin1(item.code),
                                 QString::fromLatin1(item.name),
                                 QString::fromLatin1(item.standard),
                                 item.unitCostPence,
                                 item.fitMinutes,
                                 demoSkillNames(item.skill).constFirst()};
        if (Status added = m_repository.addEquipment(row); !added)
            return added;
    }
    return {};
}

Status DemoStories::writeFitters()
{
    const auto add = [&](const QString &name, const QString &login, int skills, int area,
                         int shiftStart, int shiftEnd) {
        const DemoAreaPlan &home = kDemoAreas[area < 0 ? 0 : area];
        FitterState fitter;
        fitter.row.id = m_events.uuid();
        fitter.row.name = name;
        fitter.row.skills = demoSkillNames(skills);
        fitter.row.startLatitude = roundTo6(home.depotLatitude + (m_events.unit() - 0.5) * 0.02);
        fitter.row.startLongitude = roundTo6(home.depotLongitude + (m_events.unit() - 0.5) * 0.03);
        fitter.row.shiftStart = QTime(shiftStart / 60, shiftStart % 60).toString(u"HH:mm");
        fitter.row.shiftEnd = QTime(shiftEnd / 60, shiftEnd % 60).toString(u"HH:mm");
        fitter.login = login;
        fitter.skills = skills;
        fitter.area = area;
        fitter.shiftStart = shiftStart;
        fitter.shiftEnd = shiftEnd;
        shapeWeek(fitter, int(m_fitters.size()));
        m_fitters.push_back(fitter);
        return m_repository.addFitter(fitter.row);
    };
    for (const DemoFitterSeed &seed : kDemoFitters) {
        if (Status added = add(QString::fromUtf8(seed.name), QString::fromLatin1(seed.login),
                               seed.skills, seed.area, seed.shiftStart, seed.shiftEnd);
            !added)
            return added;
    }
    // A bigger register needs more hands, or its jobs would be spread over years.
    const int wanted = (m_households + 999) / 1000;
    for (int i = int(std::size(kDemoFitters)); i < wanted; ++i) {
        const DemoNameGroup &group = kDemoNameGroups[0];
        // One draw per statement: the order of a call's arguments is up to the compiler.
        const QString first = QString::fromUtf8(m_events.pick(group.first));
        const QString name
            = first + QLatin1Char(' ') + QString::fromUtf8(m_events.pick(group.last));
        if (Status added = add(name, QStringLiteral("fitter%1").arg(i + 1),
                               SkillLocks | SkillAlarms | SkillElectrical | SkillGeneral,
                               i % kDemoAreaCount, 8 * 60, 16 * 60 + 30);
            !added)
            return added;
    }
    return {};
}

Status DemoStories::write(const std::vector<DemoHome> &homes)
{
    if (!m_engine.isValid())
        return m_engine.status().error();
    const int total = int(homes.size());
    int done = 0;
    for (const DemoHome &home : homes) {
        if (Status written = writeStory(home); !written)
            return written;
        if (m_progress && !m_progress(++done, total))
            return Error::cancelled(tr("the demo fill was stopped"));
    }
    // Jobs are booked once every package is agreed; the funnel then needs a job for
    // `scheduled` and a completed one for `installed`.
    markRuleBreaks();
    if (Status booked = writeJobs(); !booked)
        return booked;
    if (Status scheduled = moveStatuses(false); !scheduled)
        return scheduled;
    if (Status completed = completeJobs(); !completed)
        return completed;
    if (Status installed = moveStatuses(true); !installed)
        return installed;
    return writeStockAndTimes();
}

// ---- Pieces of a story --------------------------------------------------------------------

QDate DemoStories::pastDay(int minDaysAgo, int maxDaysAgo)
{
    QDate day = m_today.addDays(-m_events.between(minDaysAgo, maxDaysAgo));
    if (day.dayOfWeek() == Qt::Sunday)
        day = day.addDays(-1);
    return day;
}

/// \a minute after local midnight on \a day, in UTC. Converting through the time zone is
/// slow, so each day's offset is looked up once; visits and jobs happen in the daytime, after
/// any change of the clocks.
QDateTime DemoStories::at(const QDate &day, int minute)
{
    minute = std::clamp(minute, 0, 24 * 60 - 1);
    auto [it, inserted] = m_utcOffsets.try_emplace(day.toJulianDay(), 0);
    if (inserted)
        it->second = QDateTime(day, QTime(12, 0), m_zone).offsetFromUtc();
    return QDateTime(day, QTime(minute / 60, minute % 60), Qt::UTC).addSecs(-it->second);
}

QDateTime DemoStories::visitTime(const QDate &day)
{
    return at(day, m_events.between(9 * 12 + 6, 19 * 12) * 5); // 09:30 to 19:00
}

/// A time in the office hours of the next days (2 to \a maxDaysAhead) to come back.
QDateTime DemoStories::revisitTime(int maxDaysAhead)
{
    const QDate day = m_today.addDays(m_events.between(2, maxDaysAhead));
    return at(day, m_events.between(19, 37) * 30);
}

QString DemoStories::officer(int area)
{
    return QString::fromLatin1(m_events.pick(kDemoOfficers[area]));
}

} // namespace saferhomes
