// DemoStories, part two: each household's story through the doorstep services.

#include "demostories.h"

#include "demohistory.h"
#include "demosignature.h"
#include "demostoryparts.h"
#include "demosurveyanswers.h"

#include <QCoreApplication>

#include <algorithm>

namespace saferhomes {

Status DemoStories::visit(const DemoHome &home, const QString &by, VisitOutcome outcome,
                          const QDateTime &when, const QString &reason, const QDateTime &revisitAt,
                          const QString &notes, QUuid *visitId)
{
    const VisitService::Result result
        = as(by).visitService.recordVisit(home.id, outcome, reason, revisitAt, notes);
    if (!result.ok())
        return refused(home, result.errorString());
    m_backdates.push_back({DemoTimestamp::VisitAt, result.visit.id, when});
    if (visitId)
        *visitId = result.visit.id;
    return {};
}

/// \a count unanswered knocks, a few days apart, the last some days before \a before.
Status DemoStories::addNoAnswers(const DemoHome &home, QDate before, int count)
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
        if (Status visited = visit(home, by, VisitOutcome::NoAnswer, visitTime(knock), {}, {},
                                   QStringLiteral("Calling card left"));
            !visited)
            return visited;
    }
    return {};
}

Status DemoStories::addConsents(const DemoHome &home, const QDateTime &when, const QString &by,
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
        return refused(home, result.errorString());
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
            return refused(home, withdrawal.errorString());
        m_backdates.push_back(
            {DemoTimestamp::ConsentWithdrawnAt, withdrawal.consents.constFirst().id, withdrawn});
    }
    return {};
}

/// A refusal, which the service records without personal details (DESIGN §6).
Status DemoStories::addRefusal(const DemoHome &home, const QDateTime &when, const QString &by)
{
    ConsentService::Request request;
    request.purposes = {ConsentPurpose::SurveyFitting};
    request.wordingVersion = QString::fromLatin1(kDemoWordingVersion);
    request.method = ConsentMethod::Refused;
    const ConsentService::Result result = as(by).consentService.record(home.id, request);
    if (!result.ok())
        return refused(home, result.errorString());
    for (const Consent &consent : result.consents)
        m_backdates.push_back({DemoTimestamp::ConsentGivenAt, consent.id, when});
    return {};
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
Status DemoStories::addSurvey(const DemoHome &home, const SurveyPlan &survey, const QUuid &visitId,
                              const QDateTime &when, const QString &by, bool agree, QUuid *surveyId)
{
    SurveyService &service = as(by).surveyService;
    const QString version = m_engine.definition().version();
    const SurveyService::Result draft = service.startOrResume(home.id, version, visitId);
    if (!draft.ok())
        return refused(home, draft.errorString());
    const QUuid id = draft.survey.id;
    // The answers of the definition's own questions, on the draft just started after the
    // service checked the consent: saved together, audited one by one as the form saves them.
    QList<std::pair<QString, QJsonValue>> answers;
    QString position;
    for (const SurveyQuestion &question : std::as_const(m_questions)) {
        const QJsonValue value = survey.answers.value(question.id);
        if (value.isUndefined())
            continue;
        answers.append({question.id, value});
        position = question.sectionId;
    }
    if (Status saved
        = answers.isEmpty() ? Status() : as(by).surveys.saveAnswers(id, answers, position);
        !saved)
        return refused(home, saved.errorString());
    const SurveyService::Result completed = service.complete(id, version);
    if (!completed.ok())
        return refused(home, completed.errorString());
    m_backdates.push_back({DemoTimestamp::SurveyStartedAt, id, when});
    const QDateTime completedAt = when.addSecs(60 * m_events.between(20, 45));
    m_backdates.push_back({DemoTimestamp::SurveyCompletedAt, id, completedAt});
    if (agree) {
        const SurveyService::Result agreed = service.agreePackage(id, survey.items);
        if (!agreed.ok())
            return refused(home, agreed.errorString());
        // Agreed at the door, a few minutes after the survey.
        m_backdates.push_back({DemoTimestamp::PackageAgreedAt, id, completedAt.addSecs(300)});
    }
    if (surveyId)
        *surveyId = id;
    return {};
}

Status DemoStories::setStatus(const DemoHome &home, HouseholdStatus status, const QString &by)
{
    const HouseholdService::Result result = as(by).householdService.setFields(
        home.id, {{QStringLiteral("status"), HouseholdStatusRules::name(status)}});
    if (!result.ok())
        return refused(home, result.errorString());
    return {};
}

// ---- Stories: what happened at each household, agreeing with its status ------------------

Status DemoStories::writeStory(const DemoHome &home)
{
    using S = HouseholdStatus;
    switch (home.status) {
    case S::Identified:
        if (!m_events.chance(0.15))
            return {};
        return addNoAnswers(home, m_today, 1);
    case S::Unreachable:
        if (Status knocked = addNoAnswers(home, pastDay(7, 200).addDays(1), 3); !knocked)
            return knocked;
        return setStatus(home, S::Unreachable, officer(home.area));
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
    return {};
}

/// Someone came to the door but asked us to come back.
Status DemoStories::writeContactedStory(const DemoHome &home)
{
    const QDate day = pastDay(1, 25);
    if (m_events.chance(0.4)) {
        if (Status knocked = addNoAnswers(home, day, 1); !knocked)
            return knocked;
    }
    const QString by = officer(home.area);
    const QDateTime when = visitTime(day);
    const QDateTime revisit = revisitTime(21);
    return visit(home, by, VisitOutcome::RevisitRequested, when, {}, revisit,
                 QString::fromLatin1(m_events.pick(kDemoRevisitNotes)));
}

/// Surveyed, but the package is not agreed yet: the officer comes back for the answer.
Status DemoStories::writeSurveyedStory(const DemoHome &home)
{
    const QDate day = pastDay(1, 20);
    if (m_events.chance(0.3)) {
        if (Status knocked = addNoAnswers(home, day, 1); !knocked)
            return knocked;
    }
    const QString by = officer(home.area);
    const QDateTime when = visitTime(day);
    const QDateTime revisit = revisitTime(14);
    QUuid visitId;
    if (Status visited
        = visit(home, by, VisitOutcome::RevisitRequested, when, {}, revisit,
                QStringLiteral("Survey done; wants to talk the package over with the family"),
                &visitId);
        !visited)
        return visited;
    if (Status consented = addConsents(home, when.addSecs(180), by, false, false); !consented)
        return consented;
    return addSurvey(home, planSurvey(home, false), visitId, when.addSecs(300), by, false, nullptr);
}

/// Accepted and beyond. Completed work is booked first and the visit placed before it;
/// otherwise the visit comes first and any job is booked after today.
Status DemoStories::writeAcceptedStory(const DemoHome &home)
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
    if (status != S::Accepted && !job) {
        return Error::database(
            tr("no fitter has room for a job of %n minutes", nullptr, survey.minutes()));
    }

    const QString by = officer(home.area);
    const QDateTime when = visitTime(visitDay);
    QUuid visitId;
    QUuid surveyId;
    if (Status visited = visit(home, by, VisitOutcome::Accepted, when, {}, {}, {}, &visitId);
        !visited)
        return visited;
    if (Status consented = addConsents(home, when.addSecs(180), by, true, status == S::FollowedUp);
        !consented)
        return consented;
    if (Status surveyed = addSurvey(home, survey, visitId, when.addSecs(300), by, true, &surveyId);
        !surveyed)
        return surveyed;
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
    return {};
}

/// Declined at the door, or after hearing what the survey recommends.
Status DemoStories::writeDeclinedStory(const DemoHome &home)
{
    const QDate day = pastDay(2, 300);
    const bool surveyed = m_events.chance(0.35);
    QDate surveyDay = day.addDays(-m_events.between(3, 10));
    if (surveyDay.dayOfWeek() == Qt::Sunday)
        surveyDay = surveyDay.addDays(-1);
    if (m_events.chance(0.3)) {
        if (Status knocked = addNoAnswers(home, surveyed ? surveyDay : day, 1); !knocked)
            return knocked;
    }
    const QString by = officer(home.area);
    if (surveyed) {
        const QDateTime when = visitTime(surveyDay);
        QUuid visitId;
        if (Status visited = visit(home, by, VisitOutcome::Accepted, when, {}, {}, {}, &visitId);
            !visited)
            return visited;
        if (Status consented = addConsents(home, when.addSecs(180), by, false, false); !consented)
            return consented;
        if (Status taken = addSurvey(home, planSurvey(home, false), visitId, when.addSecs(300), by,
                                     false, nullptr);
            !taken)
            return taken;
    }
    const QDateTime when = visitTime(day);
    if (Status declined = visit(home, by, VisitOutcome::Declined, when,
                                QString::fromLatin1(m_events.pick(kDemoDeclineReasons)));
        !declined)
        return declined;
    if (surveyed)
        return {};
    return addRefusal(home, when.addSecs(120), by);
}

Status DemoStories::writeClosedStory(const DemoHome &home, VisitOutcome outcome)
{
    const QDate day = pastDay(2, 300);
    if (m_events.chance(0.25)) {
        if (Status knocked = addNoAnswers(home, day, 1); !knocked)
            return knocked;
    }
    const QString by = officer(home.area);
    const QDateTime when = visitTime(day);
    if (outcome == VisitOutcome::NotEligible) {
        return visit(home, by, outcome, when,
                     QString::fromLatin1(m_events.pick(kDemoIneligibleReasons)));
    }
    return visit(home, by, outcome, when, {}, {},
                 QStringLiteral("New occupier says the previous household has moved away"));
}

} // namespace saferhomes
