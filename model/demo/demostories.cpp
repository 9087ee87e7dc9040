#include "demostories.h"

#include "demohistory.h"
#include "demosignature.h"
#include "demosurveyanswers.h"

#include "service/consentservice.h"
#include "service/householdservice.h"
#include "service/surveyservice.h"
#include "service/visitservice.h"
#include "store/consentrepository.h"
#include "store/database.h"
#include "store/householdrepository.h"
#include "store/surveyrepository.h"
#include "store/visitrepository.h"

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

double roundTo6(double value)
{
    return std::round(value * 1e6) / 1e6;
}

const DemoCatalogueItem &catalogueItem(const QString &code)
{
    const int index = demoCatalogueIndex(code);
    Q_ASSERT(index >= 0); // the rules recommend only catalogue codes (a test checks it)
    return kDemoCatalogue[std::max(index, 0)];
}

QString hhmm(int minutes)
{
    return QTime(minutes / 60, minutes % 60).toString(u"HH:mm");
}

QString compactJson(const QJsonDocument &document)
{
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

/// The skills (DemoSkill flags) the items of a job need.
int skillsOf(const QList<DemoJobItem> &items)
{
    int needed = 0;
    for (const DemoJobItem &item : items)
        needed |= catalogueItem(item.code).skill;
    return needed;
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

bool DemoStories::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool DemoStories::refused(const DemoHome &home, const QString &error)
{
    return fail(tr("household %1: %2").arg(home.uprn, error));
}

bool DemoStories::writeCatalogue()
{
    for (const DemoCatalogueItem &item : kDemoCatalogue) {
        const DemoEquipment row {QString::fromLatin1(item.code),
                                 QString::fromLatin1(item.name),
                                 QString::fromLatin1(item.standard),
                                 item.unitCostPence,
                                 item.fitMinutes,
                                 demoSkillNames(item.skill).constFirst()};
        if (!m_repository.addEquipment(row))
            return fail(m_repository.errorString());
    }
    return true;
}

bool DemoStories::writeFitters()
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
        return m_repository.addFitter(fitter.row) || fail(m_repository.errorString());
    };
    for (const DemoFitterSeed &seed : kDemoFitters) {
        if (!add(QString::fromUtf8(seed.name), QString::fromLatin1(seed.login), seed.skills,
                 seed.area, seed.shiftStart, seed.shiftEnd))
            return false;
    }
    // A bigger register needs more hands, or its jobs would be spread over years.
    const int wanted = (m_households + 999) / 1000;
    for (int i = int(std::size(kDemoFitters)); i < wanted; ++i) {
        const DemoNameGroup &group = kDemoNameGroups[0];
        // One draw per statement: the order of a call's arguments is up to the compiler.
        const QString first = QString::fromUtf8(m_events.pick(group.first));
        const QString name
            = first + QLatin1Char(' ') + QString::fromUtf8(m_events.pick(group.last));
        if (!add(name, QStringLiteral("fitter%1").arg(i + 1),
                 SkillLocks | SkillAlarms | SkillElectrical | SkillGeneral, i % kDemoAreaCount,
                 8 * 60, 16 * 60 + 30))
            return false;
    }
    return true;
}

bool DemoStories::write(const std::vector<DemoHome> &homes)
{
    if (!m_engine.isValid())
        return fail(m_engine.errorString());
    m_cancelled = false;
    const int total = int(homes.size());
    int done = 0;
    for (const DemoHome &home : homes) {
        if (!writeStory(home))
            return false;
        if (m_progress && !m_progress(++done, total)) {
            m_cancelled = true;
            return fail(tr("the demo fill was stopped"));
        }
    }
    // Jobs are booked once every package is agreed; the funnel then needs a job for
    // `scheduled` and a completed one for `installed`.
    markRuleBreaks();
    return writeJobs() && moveStatuses(false) && completeJobs() && moveStatuses(true)
        && writeStockAndTimes();
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

bool DemoStories::visit(const DemoHome &home, const QString &by, VisitOutcome outcome,
                        const QDateTime &when, const QString &reason, const QDateTime &revisitAt,
                        const QString &notes, QUuid *visitId)
{
    const VisitService::Result result
        = as(by).visitService.recordVisit(home.id, outcome, reason, revisitAt, notes);
    if (!result.ok())
        return refused(home, result.error);
    m_backdates.push_back({DemoTimestamp::VisitAt, result.visit.id, when});
    if (visitId)
        *visitId = result.visit.id;
    return true;
}

/// \a count unanswered knocks, a few days apart, the last some days before \a before.
bool DemoStories::addNoAnswers(const DemoHome &home, QDate before, int count)
{
    QList<QDate> days;
    QDate day = before;
    for (int k = 0; k < count; ++k) {
        day = day.addDays(-m_events.between(3, 12));
        if (day.dayOfWeek() == Qt::Sunday)
            day = day.addDays(-1);
        days.prepend(day);
    }
    for (const QDate &knock : std::as_const(days)) {
        const QString by = officer(home.area);
        if (!visit(home, by, VisitOutcome::NoAnswer, visitTime(knock), {}, {},
                   QStringLiteral("Calling card left")))
            return false;
    }
    return true;
}

bool DemoStories::addConsents(const DemoHome &home, const QDateTime &when, const QString &by,
                              bool fitting, bool evaluation)
{
    DemoRandom &r = m_events;
    ConsentService::Request request;
    request.purposes = {ConsentPurpose::SurveyFitting};
    request.wordingVersion = QString::fromLatin1(kDemoWordingVersion);
    request.residentId = home.residentId;
    if (r.chance(0.6)) {
        request.method = ConsentMethod::Signature;
        request.signaturePng = DemoSignature::png(r);
    } else {
        request.method = ConsentMethod::VerbalWitnessed;
        do {
            request.witness = officer(home.area);
        } while (request.witness == by);
    }
    if (fitting && r.chance(0.6))
        request.purposes.append(ConsentPurpose::Photos);
    if (fitting && r.chance(0.4))
        request.purposes.append(ConsentPurpose::PartnerSharing);
    if (evaluation || (fitting && r.chance(0.7)))
        request.purposes.append(ConsentPurpose::Evaluation);

    Doorstep &doorstep = as(by);
    const ConsentService::Result result = doorstep.consentService.record(home.id, request);
    if (!result.ok())
        return refused(home, result.error);
    for (const Consent &consent : result.consents)
        m_backdates.push_back({DemoTimestamp::ConsentGivenAt, consent.id, when});
    if (!result.attachment.id.isNull())
        m_backdates.push_back({DemoTimestamp::AttachmentCreatedAt, result.attachment.id, when});
    // Now and then a householder thinks better of the photos.
    const QDateTime withdrawn = when.addDays(r.between(5, 60));
    if (request.purposes.contains(ConsentPurpose::Photos) && r.chance(0.05) && withdrawn < m_now) {
        const ConsentService::Result withdrawal
            = doorstep.consentService.withdraw(home.id, ConsentPurpose::Photos);
        if (!withdrawal.ok())
            return refused(home, withdrawal.error);
        m_backdates.push_back(
            {DemoTimestamp::ConsentWithdrawnAt, withdrawal.consents.constFirst().id, withdrawn});
    }
    return true;
}

/// A refusal, which the service records without personal details (DESIGN §6).
bool DemoStories::addRefusal(const DemoHome &home, const QDateTime &when, const QString &by)
{
    ConsentService::Request request;
    request.purposes = {ConsentPurpose::SurveyFitting};
    request.wordingVersion = QString::fromLatin1(kDemoWordingVersion);
    request.method = ConsentMethod::Refused;
    const ConsentService::Result result = as(by).consentService.record(home.id, request);
    if (!result.ok())
        return refused(home, result.error);
    for (const Consent &consent : result.consents)
        m_backdates.push_back({DemoTimestamp::ConsentGivenAt, consent.id, when});
    return true;
}

/// Answers that make the rules recommend something, and the package the householder agrees
/// to (when \a agree): now and then without the alarm or the marking kit, and never more
/// than a day's work.
DemoStories::SurveyPlan DemoStories::planSurvey(const DemoHome &home, bool agree)
{
    DemoRandom &r = m_events;
    SurveyPlan survey;
    QList<Recommendation> recommended;
    for (int attempt = 0; attempt < 5 && recommended.isEmpty(); ++attempt) {
        survey.answers = DemoSurveyAnswers::draw(r, home.repeatVictim);
        recommended = m_engine.recommend(survey.answers);
    }
    if (recommended.isEmpty()) {
        survey.answers.insert(QStringLiteral("property_marking.done"), QStringLiteral("no"));
        recommended = m_engine.recommend(survey.answers);
    }
    for (const Recommendation &item : std::as_const(recommended)) {
        const double declineChance = item.code == u"INTRUDER_ALARM" ? 0.15
            : item.code == u"PROPERTY_MARKING_KIT"                  ? 0.1
                                                                    : 0.02;
        survey.items.append({item.code, item.qty, item.reason, agree && !r.chance(declineChance)});
    }
    if (agree
        && std::none_of(survey.items.cbegin(), survey.items.cend(),
                        [](const PackageItem &item) { return item.agreed; }))
        survey.items.first().agreed = true;
    // One visit's work: a householder with a long list takes the alarm or light another time.
    for (const char *optional : {"INTRUDER_ALARM", "PIR_LIGHT"}) {
        if (survey.minutes() <= 420)
            break;
        for (PackageItem &item : survey.items) {
            if (item.code == QLatin1String(optional))
                item.agreed = false;
        }
    }
    return survey;
}

/// Takes the survey as the officer does: a draft on the visit, each answer saved as it is
/// given, in the order the questions are asked, then completed; and, when \a agree, the
/// package agreed.
bool DemoStories::addSurvey(const DemoHome &home, const SurveyPlan &survey, const QUuid &visitId,
                            const QDateTime &when, const QString &by, bool agree, QUuid *surveyId)
{
    SurveyService &service = as(by).surveyService;
    const QString version = m_engine.definition().version();
    const SurveyService::Result draft = service.startOrResume(home.id, version, visitId);
    if (!draft.ok())
        return refused(home, draft.error);
    const QUuid id = draft.survey.id;
    for (const SurveyQuestion &question : std::as_const(m_questions)) {
        const QJsonValue value = survey.answers.value(question.id);
        if (value.isUndefined())
            continue;
        const SurveyService::Result saved
            = service.saveAnswer(id, question.id, value, question.sectionId);
        if (!saved.ok())
            return refused(home, saved.error);
    }
    const SurveyService::Result completed = service.complete(id, version);
    if (!completed.ok())
        return refused(home, completed.error);
    m_backdates.push_back({DemoTimestamp::SurveyStartedAt, id, when});
    const QDateTime completedAt = when.addSecs(60 * m_events.between(20, 45));
    m_backdates.push_back({DemoTimestamp::SurveyCompletedAt, id, completedAt});
    if (agree) {
        const SurveyService::Result agreed = service.agreePackage(id, survey.items);
        if (!agreed.ok())
            return refused(home, agreed.error);
        // Agreed at the door, a few minutes after the survey.
        m_backdates.push_back({DemoTimestamp::PackageAgreedAt, id, completedAt.addSecs(300)});
    }
    if (surveyId)
        *surveyId = id;
    return true;
}

bool DemoStories::setStatus(const DemoHome &home, HouseholdStatus status, const QString &by)
{
    const HouseholdService::Result result = as(by).householdService.setFields(
        home.id, {{QStringLiteral("status"), HouseholdStatusRules::name(status)}});
    return result.ok() || refused(home, result.error);
}

// ---- Stories: what happened at each household, agreeing with its status ------------------

bool DemoStories::writeStory(const DemoHome &home)
{
    using S = HouseholdStatus;
    switch (home.status) {
    case S::Identified: return !m_events.chance(0.15) || addNoAnswers(home, m_today, 1);
    case S::Unreachable:
        return addNoAnswers(home, pastDay(7, 200).addDays(1), 3)
            && setStatus(home, S::Unreachable, officer(home.area));
    case S::Contacted: return writeContactedStory(home);
    case S::Surveyed: return writeSurveyedStory(home);
    case S::Accepted:
    case S::Scheduled:
    case S::Installed:
    case S::FollowedUp: return writeAcceptedStory(home);
    case S::Declined: return writeDeclinedStory(home);
    case S::NotEligible: return writeClosedStory(home, VisitOutcome::NotEligible);
    case S::MovedAway: return writeClosedStory(home, VisitOutcome::MovedAway);
    }
    return true;
}

/// Someone came to the door but asked us to come back.
bool DemoStories::writeContactedStory(const DemoHome &home)
{
    const QDate day = pastDay(1, 25);
    if (m_events.chance(0.4) && !addNoAnswers(home, day, 1))
        return false;
    const QString by = officer(home.area);
    const QDateTime when = visitTime(day);
    const QDateTime revisit = revisitTime(21);
    return visit(home, by, VisitOutcome::RevisitRequested, when, {}, revisit,
                 QString::fromLatin1(m_events.pick(kDemoRevisitNotes)));
}

/// Surveyed, but the package is not agreed yet: the officer comes back for the answer.
bool DemoStories::writeSurveyedStory(const DemoHome &home)
{
    const QDate day = pastDay(1, 20);
    if (m_events.chance(0.3) && !addNoAnswers(home, day, 1))
        return false;
    const QString by = officer(home.area);
    const QDateTime when = visitTime(day);
    const QDateTime revisit = revisitTime(14);
    QUuid visitId;
    return visit(home, by, VisitOutcome::RevisitRequested, when, {}, revisit,
                 QStringLiteral("Survey done; wants to talk the package over with the family"),
                 &visitId)
        && addConsents(home, when.addSecs(180), by, false, false)
        && addSurvey(home, planSurvey(home, false), visitId, when.addSecs(300), by, false, nullptr);
}

/// Accepted and beyond. Completed work is booked first and the visit placed before it;
/// otherwise the visit comes first and any job is booked after today.
bool DemoStories::writeAcceptedStory(const DemoHome &home)
{
    using S = HouseholdStatus;
    DemoRandom &r = m_events;
    const S status = home.status;
    const SurveyPlan survey = planSurvey(home, true);
    std::optional<Booking> job;
    std::optional<Booking> noAccess;
    QDate visitDay;
    if (status == S::Accepted) {
        visitDay = pastDay(1, 30);
    } else if (status == S::Scheduled) {
        visitDay = pastDay(5, 40);
        job = book(home.area, survey.skills(), survey.minutes(), m_today.addDays(1 + r.below(20)),
                   1);
    } else {
        const DemoHistory::Window window
            = status == S::Installed ? DemoHistory::kInstalled : DemoHistory::kFollowedUp;
        const QDate completion = pastDay(window.nearest, window.furthest);
        job = book(home.area, survey.skills(), survey.minutes(), completion, -1);
        if (job && r.chance(0.06)) {
            noAccess = book(home.area, survey.skills(), survey.minutes(),
                            job->day.addDays(-r.between(5, 12)), -1);
        }
        const QDate first = noAccess ? noAccess->day : job ? job->day : completion;
        visitDay = first.addDays(-r.between(10, 45));
        if (visitDay.dayOfWeek() == Qt::Sunday)
            visitDay = visitDay.addDays(-1);
    }
    if (status != S::Accepted && !job)
        return fail(tr("no fitter has room for a job of %n minutes", nullptr, survey.minutes()));

    const QString by = officer(home.area);
    const QDateTime when = visitTime(visitDay);
    QUuid visitId;
    QUuid surveyId;
    if (!visit(home, by, VisitOutcome::Accepted, when, {}, {}, {}, &visitId)
        || !addConsents(home, when.addSecs(180), by, true, status == S::FollowedUp)
        || !addSurvey(home, survey, visitId, when.addSecs(300), by, true, &surveyId))
        return false;
    const QDate bookedOn = visitDay.addDays(r.between(1, 3));
    const QDateTime createdAt = at(bookedOn, r.between(17, 33) * 30);
    if (status == S::Accepted)
        planTrayJob(home, surveyId, survey, when.addSecs(600));
    if (noAccess)
        planJob(home, surveyId, survey, *noAccess, QStringLiteral("no_access"), createdAt);
    if (job) {
        planJob(home, surveyId, survey, *job,
                status == S::Scheduled ? QStringLiteral("scheduled") : QStringLiteral("completed"),
                createdAt);
    }
    return true;
}

/// Declined at the door, or after hearing what the survey recommends.
bool DemoStories::writeDeclinedStory(const DemoHome &home)
{
    const QDate day = pastDay(2, 300);
    const bool surveyed = m_events.chance(0.35);
    QDate surveyDay = day.addDays(-m_events.between(3, 10));
    if (surveyDay.dayOfWeek() == Qt::Sunday)
        surveyDay = surveyDay.addDays(-1);
    if (m_events.chance(0.3) && !addNoAnswers(home, surveyed ? surveyDay : day, 1))
        return false;
    const QString by = officer(home.area);
    if (surveyed) {
        const QDateTime when = visitTime(surveyDay);
        QUuid visitId;
        if (!visit(home, by, VisitOutcome::Accepted, when, {}, {}, {}, &visitId)
            || !addConsents(home, when.addSecs(180), by, false, false)
            || !addSurvey(home, planSurvey(home, false), visitId, when.addSecs(300), by, false,
                          nullptr))
            return false;
    }
    const QDateTime when = visitTime(day);
    if (!visit(home, by, VisitOutcome::Declined, when,
               QString::fromLatin1(m_events.pick(kDemoDeclineReasons))))
        return false;
    return surveyed || addRefusal(home, when.addSecs(120), by);
}

bool DemoStories::writeClosedStory(const DemoHome &home, VisitOutcome outcome)
{
    const QDate day = pastDay(2, 300);
    if (m_events.chance(0.25) && !addNoAnswers(home, day, 1))
        return false;
    const QString by = officer(home.area);
    const QDateTime when = visitTime(day);
    if (outcome == VisitOutcome::NotEligible) {
        return visit(home, by, outcome, when,
                     QString::fromLatin1(m_events.pick(kDemoIneligibleReasons)));
    }
    return visit(home, by, outcome, when, {}, {},
                 QStringLiteral("New occupier says the previous household has moved away"));
}

// ---- Jobs ---------------------------------------------------------------------------------

DemoStories::DayPlan &DemoStories::dayPlan(const QDate &day)
{
    const auto [it, inserted] = m_days.try_emplace(day.toJulianDay());
    DayPlan &plan = it->second;
    if (inserted) {
        plan.nextFree.reserve(m_fitters.size());
        plan.shiftEnd.reserve(m_fitters.size());
        for (const FitterState &fitter : m_fitters) {
            // A day off or away: no room at all.
            const auto [from, to] = fitter.shiftOn(day);
            plan.nextFree.push_back(std::max(from, 0));
            plan.shiftEnd.push_back(std::max(to, 0));
            for (int area = 0; area < kDemoAreaCount; ++area) {
                if (fitter.area < 0 || fitter.area == area) {
                    plan.longestGap[area] = std::max(plan.longestGap[area],
                                                     plan.shiftEnd.back() - plan.nextFree.back());
                }
            }
        }
    }
    return plan;
}

/// The first working day from \a from, going in \a direction, on which a fitter of the area
/// with the skills has room for the job; fitters take turns so the work is shared out.
std::optional<DemoStories::Booking> DemoStories::book(int area, int skills, int minutes, QDate from,
                                                      int direction)
{
    const int fitters = int(m_fitters.size());
    for (int step = 0; step < 3660; ++step) {
        const QDate day = from.addDays(qint64(direction) * step);
        if (day.dayOfWeek() > Qt::Friday)
            continue;
        DayPlan &plan = dayPlan(day);
        if (plan.longestGap[area] < minutes)
            continue;
        for (int k = 0; k < fitters; ++k) {
            const int f = (m_rotation + k) % fitters;
            const FitterState &fitter = m_fitters[size_t(f)];
            if ((fitter.area >= 0 && fitter.area != area) || (fitter.skills & skills) != skills)
                continue;
            const int start = plan.nextFree[size_t(f)];
            if (start + minutes > plan.shiftEnd[size_t(f)])
                continue;
            plan.nextFree[size_t(f)] = start + minutes + m_events.between(15, 35); // travel
            m_rotation = (f + 1) % fitters;
            std::fill(std::begin(plan.longestGap), std::end(plan.longestGap), 0);
            for (size_t i = 0; i < m_fitters.size(); ++i) {
                const int gap = plan.shiftEnd[i] - plan.nextFree[i];
                for (int a = 0; a < kDemoAreaCount; ++a) {
                    if (m_fitters[i].area < 0 || m_fitters[i].area == a)
                        plan.longestGap[a] = std::max(plan.longestGap[a], gap);
                }
            }
            return Booking {f, day, start};
        }
    }
    return std::nullopt;
}

/// A job as it is to end up, written by writeJobs() and completeJobs().
void DemoStories::planJob(const DemoHome &home, const QUuid &surveyId, const SurveyPlan &survey,
                          const Booking &booking, const QString &status, const QDateTime &createdAt)
{
    DemoRandom &r = m_events;
    const FitterState &fitter = m_fitters[size_t(booking.fitter)];
    const bool completed = status == u"completed";
    PlannedJob planned;
    planned.home = &home;
    planned.fitter = booking.fitter;
    DemoJob &job = planned.job;
    job.id = r.uuid();
    job.householdId = home.id;
    job.surveyId = surveyId;
    job.fitterId = fitter.row.id;
    job.status = status;
    job.scheduledStart = at(booking.day, booking.startMinute);
    job.scheduledEnd = at(booking.day, booking.startMinute + survey.minutes());
    job.createdAt = createdAt;
    job.durationMinutes = survey.minutes();
    job.sequence = 1;
    chooseTerms(job, booking.startMinute);
    if (completed) {
        job.completedAt = job.scheduledEnd.addSecs(60 * r.between(-10, 20));
        job.signedOffBy = home.residentName;
    } else if (status == u"no_access") {
        job.notes = QStringLiteral("No answer at the booked time; card left");
    }
    for (const PackageItem &item : survey.items) {
        if (!item.agreed)
            continue;
        const DemoCatalogueItem &equipment = catalogueItem(item.code);
        DemoJobItem row {r.uuid(), job.id, item.code, item.qty, {}, completed};
        if (completed && *equipment.serialPrefix) {
            row.serial = QStringLiteral("%1-%2")
                             .arg(QString::fromLatin1(equipment.serialPrefix))
                             .arg(r.below(100000000), 8, 10, QLatin1Char('0'));
        }
        planned.items.append(row);
    }
    m_jobs.push_back(std::move(planned));
}

/// The job an agreed package makes, waiting in the coordinator's tray.
void DemoStories::planTrayJob(const DemoHome &home, const QUuid &surveyId, const SurveyPlan &survey,
                              const QDateTime &createdAt)
{
    PlannedJob planned;
    planned.home = &home;
    DemoJob &job = planned.job;
    job.id = m_terms.uuid();
    job.householdId = home.id;
    job.surveyId = surveyId;
    job.status = QStringLiteral("unscheduled");
    job.createdAt = createdAt;
    job.durationMinutes = survey.minutes();
    chooseTerms(job, -1);
    for (const PackageItem &item : survey.items) {
        if (item.agreed)
            planned.items.append(DemoJobItem {m_terms.uuid(), job.id, item.code, item.qty, {}});
    }
    m_jobs.push_back(std::move(planned));
}

/// What the householder said about being in, and how to get in: any time, mornings or
/// afternoons (the one that holds a booking starting at \a startMinute, -1 for none), perhaps
/// a weekday to avoid (never the booked one).
void DemoStories::chooseTerms(DemoJob &job, int startMinute)
{
    DemoRandom &r = m_terms;
    static const char *const notes[] = {
        "",
        "",
        "Side gate is unlocked",
        "Ring twice, hard of hearing",
        "Dog in the back garden",
        "Key safe by the back door (code with the coordinator)",
        "Park on the drive",
        "Carer there on weekday mornings",
    };
    JobAvailability availability;
    const int pattern = r.below(4);
    const bool morning = startMinute < 0 ? r.chance(0.5) : startMinute < 12 * 60;
    if (pattern == 1 || pattern == 2) {
        // Wide enough for every shift's first and last start (7:30 to 18:00).
        availability.windows.append(
            morning ? AvailabilityWindow {{1, 2, 3, 4, 5}, QTime(7, 30), QTime(12, 0)}
                    : AvailabilityWindow {{1, 2, 3, 4, 5}, QTime(12, 0), QTime(18, 0)});
    }
    if (pattern >= 2) {
        const int booked = job.scheduledStart.isValid()
            ? job.scheduledStart.toTimeZone(m_zone).date().dayOfWeek()
            : 0;
        int avoid = 1 + r.below(5);
        if (avoid == booked)
            avoid = avoid % 5 + 1;
        availability.avoidWeekdays.append(avoid);
    }
    job.availability = compactJson(QJsonDocument(availability.toJson()));
    job.accessNotes = QString::fromUtf8(r.pick(notes));
}

/// A few rule breaks in the coming week for the board to mark: one fitter booked twice at
/// once (a job moved onto the end of another fitter's last job that day) and one job booked
/// outside the householder's window.
void DemoStories::markRuleBreaks()
{
    const QDate monday = m_today.addDays(8 - m_today.dayOfWeek());
    const auto dayOf = [&](const PlannedJob &planned) {
        return planned.job.scheduledStart.toTimeZone(m_zone).date();
    };
    std::vector<size_t> week;
    for (size_t i = 0; i < m_jobs.size(); ++i) {
        const QDate day = m_jobs[i].job.status == u"scheduled" ? dayOf(m_jobs[i]) : QDate();
        if (day.isValid() && day >= monday && day < monday.addDays(5))
            week.push_back(i);
    }
    const auto lastOfDay = [&](size_t i) {
        const PlannedJob &first = m_jobs[i];
        return std::none_of(week.cbegin(), week.cend(), [&](size_t k) {
            const PlannedJob &other = m_jobs[k];
            return other.fitter == first.fitter && dayOf(other) == dayOf(first)
                && other.job.scheduledStart > first.job.scheduledStart;
        });
    };
    size_t moved = m_jobs.size();
    for (size_t a = 0; a < week.size() && moved == m_jobs.size(); ++a) {
        PlannedJob &first = m_jobs[week[a]];
        if (!lastOfDay(week[a]))
            continue;
        const FitterState &fitter = m_fitters[size_t(first.fitter)];
        for (size_t b = 0; b < week.size(); ++b) {
            PlannedJob &second = m_jobs[week[b]];
            const QDateTime start = first.job.scheduledStart.addSecs(30 * 60);
            const QDateTime end = start.addSecs(60 * second.job.durationMinutes);
            const int endMinute = end.toTimeZone(m_zone).time().msecsSinceStartOfDay() / 60000;
            if (second.fitter == first.fitter || (skillsOf(second.items) & ~fitter.skills) != 0
                || end.toTimeZone(m_zone).date() != dayOf(first)
                || endMinute > fitter.shiftOn(dayOf(first)).second)
                continue;
            second.fitter = first.fitter;
            second.job.fitterId = fitter.row.id;
            second.job.scheduledStart = start;
            second.job.scheduledEnd = end;
            second.job.sequence += 1;
            second.job.availability = QStringLiteral("{}");
            second.job.notes
                = QStringLiteral("Squeezed in by phone; check with %1").arg(fitter.row.name);
            moved = week[b];
            break;
        }
    }
    for (size_t i : week) {
        PlannedJob &planned = m_jobs[i];
        if (i == moved || std::any_of(week.cbegin(), week.cend(), [&](size_t k) {
                return m_jobs[k].fitter == planned.fitter && k != i
                    && m_jobs[k].job.scheduledStart < planned.job.scheduledEnd
                    && planned.job.scheduledStart < m_jobs[k].job.scheduledEnd;
            }))
            continue;
        const int start
            = planned.job.scheduledStart.toTimeZone(m_zone).time().msecsSinceStartOfDay() / 60000;
        JobAvailability availability;
        availability.windows.append(
            start < 13 * 60 ? AvailabilityWindow {{1, 2, 3, 4, 5}, QTime(13, 30), QTime(17, 30)}
                            : AvailabilityWindow {{1, 2, 3, 4, 5}, QTime(8, 0), QTime(11, 0)});
        planned.job.availability = compactJson(QJsonDocument(availability.toJson()));
        planned.job.accessNotes = start < 13 * 60
            ? QStringLiteral("Only in after the school run (from 1:30 pm)")
            : QStringLiteral("Only in until 11 am (works afternoons)");
        break;
    }
}

/// Books every job, as the coordinator does before the fitter goes: the ones that will be
/// completed are `scheduled` for now.
bool DemoStories::writeJobs()
{
    if (!m_repository.begin())
        return fail(m_repository.errorString());
    for (const PlannedJob &planned : m_jobs) {
        DemoJob job = planned.job;
        if (job.status == u"completed") {
            job.status = QStringLiteral("scheduled");
            job.completedAt = {};
            job.signedOffBy.clear();
        }
        bool ok = m_repository.addJob(job);
        for (DemoJobItem item : planned.items) {
            item.fitted = false;
            item.serial.clear();
            ok = ok && m_repository.addJobItem(item);
        }
        if (!ok) {
            const QString message = m_repository.errorString();
            m_repository.rollback();
            return fail(message);
        }
    }
    return m_repository.commit() || fail(m_repository.errorString());
}

bool DemoStories::completeJobs()
{
    if (!m_repository.begin())
        return fail(m_repository.errorString());
    for (const PlannedJob &planned : m_jobs) {
        if (planned.job.status == u"completed"
            && !m_repository.completeJob(planned.job, planned.items)) {
            const QString message = m_repository.errorString();
            m_repository.rollback();
            return fail(message);
        }
    }
    return m_repository.commit() || fail(m_repository.errorString());
}

/// Moves each household with a booked job on: to `scheduled` (by the coordinator), or, once
/// the jobs are \a completed, to `installed` (by the fitter) and `followed_up` (by an
/// officer).
bool DemoStories::moveStatuses(bool completed)
{
    using S = HouseholdStatus;
    for (const PlannedJob &planned : m_jobs) {
        const DemoHome &home = *planned.home;
        if (planned.job.status == u"no_access" || planned.job.status == u"unscheduled")
            continue;
        if (!completed) {
            if (!setStatus(home, S::Scheduled, QString::fromLatin1(kDemoCoordinator)))
                return false;
            continue;
        }
        if (planned.job.status != u"completed")
            continue;
        if (!setStatus(home, S::Installed, m_fitters[size_t(planned.fitter)].login))
            return false;
        if (home.status == S::FollowedUp && !setStatus(home, S::FollowedUp, officer(home.area)))
            return false;
    }
    return true;
}

/// The stock ledger and the times of the stories, in one transaction.
bool DemoStories::writeStockAndTimes()
{
    if (!m_repository.begin())
        return fail(m_repository.errorString());
    bool ok = writeStock();
    for (auto it = m_backdates.cbegin(); ok && it != m_backdates.cend(); ++it)
        ok = m_repository.backdate(it->which, it->id, it->at);
    if (!ok) {
        const QString message = m_repository.errorString();
        m_repository.rollback();
        return fail(message);
    }
    return m_repository.commit() || fail(m_repository.errorString());
}

/// Two deliveries, the first covering everything fitted so far and the second what is booked
/// plus a margin, so stock never goes below zero; then what each completed job fitted.
bool DemoStories::writeStock()
{
    int fitted[kDemoCatalogueSize] = {};
    int booked[kDemoCatalogueSize] = {};
    QDate firstFitted;
    for (const PlannedJob &planned : m_jobs) {
        const bool completed = planned.job.status == u"completed";
        if (!completed && planned.job.status != u"scheduled")
            continue;
        int *counts = completed ? fitted : booked;
        for (const DemoJobItem &item : planned.items) {
            const int index = demoCatalogueIndex(item.code);
            if (index >= 0)
                counts[index] += item.qty;
        }
        const QDate day = planned.job.scheduledStart.toTimeZone(m_zone).date();
        if (completed && (!firstFitted.isValid() || day < firstFitted))
            firstFitted = day;
    }
    QDate first = firstFitted.isValid() ? firstFitted.addDays(-14) : m_today.addDays(-60);
    QDate second = std::max(m_today.addDays(-10), first.addDays(1));
    for (QDate *day : {&first, &second}) {
        while (day->dayOfWeek() > Qt::Friday)
            *day = day->addDays(-1);
    }
    const int note = m_events.between(1000, 8999);
    const QString coordinator = QString::fromLatin1(kDemoCoordinator);
    const auto delivery = [&](const QString &code, int qty, const QDateTime &when, int number) {
        return m_repository.addStockMovement({m_events.uuid(),
                                              code,
                                              qty,
                                              QStringLiteral("received"),
                                              {},
                                              when,
                                              coordinator,
                                              QStringLiteral("Delivery note DN-%1").arg(number)});
    };
    const auto roundUp = [](int qty) {
        return (qty + 9) / 10 * 10;
    };
    for (int i = 0; i < kDemoCatalogueSize; ++i) {
        const QString code = QString::fromLatin1(kDemoCatalogue[i].code);
        const int initial = roundUp(fitted[i]);
        const int topUp = roundUp(booked[i] + std::max(5, (fitted[i] + booked[i]) / 5));
        if ((initial > 0 && !delivery(code, initial, at(first, 600), note))
            || !delivery(code, topUp, at(second, 630), note + 1))
            return false;
    }
    for (const PlannedJob &planned : m_jobs) {
        if (planned.job.status != u"completed")
            continue;
        for (const DemoJobItem &item : planned.items) {
            if (!m_repository.addStockMovement({m_events.uuid(),
                                                item.code,
                                                -item.qty,
                                                QStringLiteral("fitted"),
                                                planned.job.id,
                                                planned.job.completedAt,
                                                m_fitters[size_t(planned.fitter)].login,
                                                {}}))
                return false;
        }
    }
    return true;
}

} // namespace saferhomes
