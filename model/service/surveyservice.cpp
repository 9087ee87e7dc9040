#include "surveyservice.h"

#include "store/consentrepository.h"
#include "store/householdrepository.h"
#include "store/jobrepository.h"
#include "store/surveyrepository.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace saferhomes {

namespace {

SurveyService::Result refuse(const QString &field, const QString &error)
{
    return SurveyService::Result {error, field, {}};
}

bool isQuestionId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"));
    return pattern.match(id).hasMatch();
}

} // namespace

SurveyService::SurveyService(HouseholdRepository &households, ConsentRepository &consents,
                             SurveyRepository &surveys)
    : m_households(households)
    , m_consents(consents)
    , m_surveys(surveys)
{ }

SurveyService::SurveyService(HouseholdRepository &households, ConsentRepository &consents,
                             SurveyRepository &surveys, JobRepository *jobs)
    : SurveyService(households, consents, surveys)
{
    m_jobs = jobs;
}

std::optional<SurveyService::Result> SurveyService::checkConsent(const QUuid &householdId) const
{
    const std::optional<Consent> consent
        = m_consents.latest(householdId, ConsentPurpose::SurveyFitting);
    if (consent && consent->isActive())
        return std::nullopt;
    return refuse(QStringLiteral("consent"),
                  tr("The household has not consented to the survey and fitting, or has "
                     "withdrawn its consent."));
}

std::optional<SurveyService::Result>
SurveyService::checkDraft(const std::optional<SurveyRecord> &survey) const
{
    if (!survey)
        return refuse({}, tr("There is no such survey."));
    if (!survey->isDraft())
        return refuse({}, tr("The survey is complete and can no longer be changed."));
    return checkConsent(survey->householdId);
}

SurveyService::Result SurveyService::startOrResume(const QUuid &householdId,
                                                   const QString &definitionVersion,
                                                   const QUuid &visitId)
{
    if (const auto household = m_households.summary(householdId); !household) {
        return refuse({},
                      household.error().kind == Error::Kind::NotFound
                          ? tr("There is no such household.")
                          : household.errorString());
    }
    const QString version = definitionVersion.trimmed();
    if (version.isEmpty())
        return refuse(QStringLiteral("definition_version"), tr("The survey has no version."));
    if (const auto refused = checkConsent(householdId))
        return *refused;
    const auto draft = m_surveys.openDraft(householdId, version, visitId);
    if (!draft)
        return refuse({}, tr("The survey was not started: %1").arg(draft.errorString()));
    return Result {{}, {}, *draft};
}

std::optional<SurveyRecord> SurveyService::resumeDraft(const QUuid &householdId) const
{
    return m_surveys.draft(householdId);
}

SurveyService::Result SurveyService::saveAnswer(const QUuid &surveyId, const QString &questionId,
                                                const QJsonValue &value, const QString &position)
{
    if (!isQuestionId(questionId)) {
        return refuse(QStringLiteral("question"),
                      tr("\u201c%1\u201d is not a question id").arg(questionId));
    }
    if (const auto refused = checkDraft(m_surveys.find(surveyId)))
        return *refused;
    if (const Status saved = m_surveys.saveAnswer(surveyId, questionId, value, position); !saved)
        return refuse({}, tr("The answer was not saved: %1").arg(saved.errorString()));
    return {};
}

SurveyService::Result SurveyService::savePosition(const QUuid &surveyId, const QString &position)
{
    if (const Status saved = m_surveys.savePosition(surveyId, position); !saved)
        return refuse({}, tr("The position was not saved: %1").arg(saved.errorString()));
    return {};
}

SurveyService::Result SurveyService::complete(const QUuid &surveyId,
                                              const QString &definitionVersion)
{
    const std::optional<SurveyRecord> survey = m_surveys.find(surveyId);
    if (const auto refused = checkDraft(survey))
        return *refused;
    const QString version = definitionVersion.trimmed();
    if (version.isEmpty())
        return refuse(QStringLiteral("definition_version"), tr("The survey has no version."));
    const auto household = m_households.summary(survey->householdId);
    if (!household) {
        return refuse({},
                      household.error().kind == Error::Kind::NotFound
                          ? tr("There is no such household.")
                          : household.errorString());
    }

    // Surveying is contact: a household still `identified` goes through `contacted`, so the
    // funnel's one-step rules (and the audit trail) see both moves.
    StatusMove move {household->status, {}};
    if (household->status == HouseholdStatus::Identified)
        move.steps = {HouseholdStatus::Contacted, HouseholdStatus::Surveyed};
    else if (household->status != HouseholdStatus::Surveyed
             && !HouseholdStatusRules::isAcceptedOrBeyond(household->status))
        move.steps = {HouseholdStatus::Surveyed};
    const auto context = m_households.transitionContext(survey->householdId);
    if (!context)
        return refuse({}, context.errorString());
    HouseholdStatus from = move.from;
    for (const HouseholdStatus to : std::as_const(move.steps)) {
        if (const auto why = HouseholdStatusRules::checkTransition(from, to, *context))
            return refuse({}, tr("The survey was not completed: %1.").arg(*why));
        from = to;
    }

    if (const auto completed = m_surveys.complete(surveyId, version, move); !completed)
        return refuse({}, tr("The survey was not completed: %1").arg(completed.errorString()));
    return Result {{}, {}, m_surveys.find(surveyId).value_or(SurveyRecord {})};
}

SurveyService::Result SurveyService::agreePackage(const QUuid &surveyId,
                                                  const QList<PackageItem> &items)
{
    return agree(surveyId, items, std::nullopt);
}

SurveyService::Result SurveyService::agreePackage(const QUuid &surveyId,
                                                  const QList<PackageItem> &items,
                                                  const JobAvailability &availability,
                                                  const QString &accessNotes)
{
    return agree(surveyId, items, VisitTerms {availability, accessNotes.trimmed()});
}

SurveyService::Result SurveyService::agree(const QUuid &surveyId, const QList<PackageItem> &items,
                                           const std::optional<VisitTerms> &terms)
{
    const std::optional<SurveyRecord> survey = m_surveys.find(surveyId);
    if (!survey)
        return refuse({}, tr("There is no such survey."));
    if (survey->isDraft())
        return refuse({}, tr("Complete the survey before agreeing a package."));
    if (std::none_of(items.cbegin(), items.cend(), [](const PackageItem &i) { return i.agreed; }))
        return refuse(QStringLiteral("items"), tr("Agree at least one item."));
    QStringList codes;
    for (const PackageItem &item : items) {
        if (item.code.trimmed().isEmpty())
            return refuse(QStringLiteral("items"), tr("An item has no equipment code."));
        if (item.qty < 1) {
            return refuse(QStringLiteral("items"),
                          tr("%1: the quantity must be at least 1").arg(item.code));
        }
        codes.append(item.code);
    }
    if (const QStringList unknown = m_surveys.unknownEquipment(codes); !unknown.isEmpty()) {
        return refuse(
            QStringLiteral("items"),
            tr("Not in the equipment catalogue: %1").arg(unknown.join(QLatin1String(", "))));
    }
    if (const auto refused = checkConsent(survey->householdId))
        return *refused;
    const auto household = m_households.summary(survey->householdId);
    if (!household) {
        return refuse({},
                      household.error().kind == Error::Kind::NotFound
                          ? tr("There is no such household.")
                          : household.errorString());
    }

    StatusMove move {household->status, {}};
    if (!HouseholdStatusRules::isAcceptedOrBeyond(household->status)) {
        const auto context = m_households.transitionContext(survey->householdId);
        if (!context)
            return refuse({}, context.errorString());
        if (const auto why = HouseholdStatusRules::checkTransition(
                household->status, HouseholdStatus::Accepted, *context)) {
            return refuse({}, tr("The package was not agreed: %1.").arg(*why));
        }
        move.steps = {HouseholdStatus::Accepted};
    }
    if (const Status saved = m_surveys.savePackage(surveyId, items, move); !saved)
        return refuse({}, tr("The package was not agreed: %1").arg(saved.errorString()));
    if (m_jobs) {
        const auto job = terms
            ? m_jobs->packageAgreed(surveyId, terms->availability, terms->accessNotes)
            : m_jobs->packageAgreed(surveyId);
        if (!job) {
            return refuse(
                {},
                tr("The package was agreed, but its job was not made: %1").arg(job.errorString()));
        }
    }
    return Result {{}, {}, *survey};
}

QList<PackageItem> SurveyService::package(const QUuid &surveyId) const
{
    return m_surveys.package(surveyId);
}

std::optional<SurveyRecord> SurveyService::survey(const QUuid &surveyId) const
{
    return m_surveys.find(surveyId);
}

QList<SurveyRecord> SurveyService::surveys(const QUuid &householdId) const
{
    return m_surveys.surveys(householdId);
}

std::optional<SurveyRecord> SurveyService::latestCompleted(const QUuid &householdId) const
{
    std::optional<SurveyRecord> latest;
    for (const SurveyRecord &survey : m_surveys.surveys(householdId)) {
        if (!survey.isDraft() && (!latest || survey.completedAt > latest->completedAt))
            latest = survey;
    }
    return latest;
}

} // namespace saferhomes

namespace saferhomes {

saferhomes::Result<std::optional<Job>> SurveyService::packageJob(const QUuid &surveyId) const
{
    if (!m_jobs)
        return std::optional<Job>();
    return m_jobs->packageJob(surveyId);
}

} // namespace saferhomes
