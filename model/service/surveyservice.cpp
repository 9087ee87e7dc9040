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

SurveyService::Result refuse(const QString &field, const QString &message)
{
    return SurveyService::Result {Error::invalid(message), field, {}};
}

/// The database could not answer or take the change (or there is no such thing).
SurveyService::Result failed(const Error &error)
{
    return SurveyService::Result {error, {}, {}};
}

/// A household that could not be read: "no such household" only when it is not there.
SurveyService::Result householdFailure(const Error &error)
{
    if (error.kind == Error::Kind::NotFound)
        return failed(Error::notFound(SurveyService::tr("There is no such household.")));
    return failed(error);
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
    const saferhomes::Result<std::optional<Consent>> consent
        = m_consents.latest(householdId, ConsentPurpose::SurveyFitting);
    if (!consent)
        return failed(consent.error());
    if (*consent && (*consent)->isActive())
        return std::nullopt;
    return refuse(QStringLiteral("consent"),
                  tr("The household has not consented to the survey and fitting, or has "
                     "withdrawn its consent."));
}

std::optional<SurveyService::Result>
SurveyService::checkDraft(const saferhomes::Result<SurveyRecord> &survey) const
{
    if (!survey && survey.error().kind == Error::Kind::NotFound)
        return failed(Error::notFound(tr("There is no such survey.")));
    if (!survey)
        return failed(survey.error());
    if (!survey->isDraft())
        return refuse({}, tr("The survey is complete and can no longer be changed."));
    return checkConsent(survey->householdId);
}

SurveyService::Result SurveyService::startOrResume(const QUuid &householdId,
                                                   const QString &definitionVersion,
                                                   const QUuid &visitId)
{
    if (const auto household = m_households.summary(householdId); !household)
        return householdFailure(household.error());
    const QString version = definitionVersion.trimmed();
    if (version.isEmpty())
        return refuse(QStringLiteral("definition_version"), tr("The survey has no version."));
    if (const auto refused = checkConsent(householdId))
        return *refused;
    const auto draft = m_surveys.openDraft(householdId, version, visitId);
    if (!draft)
        return failed(draft.error().within(tr("The survey was not started")));
    return Result {{}, {}, *draft};
}

saferhomes::Result<std::optional<SurveyRecord>>
SurveyService::resumeDraft(const QUuid &householdId) const
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
        return failed(saved.error().within(tr("The answer was not saved")));
    return {};
}

SurveyService::Result SurveyService::savePosition(const QUuid &surveyId, const QString &position)
{
    if (const Status saved = m_surveys.savePosition(surveyId, position); !saved)
        return failed(saved.error().within(tr("The position was not saved")));
    return {};
}

SurveyService::Result SurveyService::complete(const QUuid &surveyId,
                                              const QString &definitionVersion)
{
    const saferhomes::Result<SurveyRecord> survey = m_surveys.find(surveyId);
    if (const auto refused = checkDraft(survey))
        return *refused;
    const QString version = definitionVersion.trimmed();
    if (version.isEmpty())
        return refuse(QStringLiteral("definition_version"), tr("The survey has no version."));
    const auto household = m_households.summary(survey->householdId);
    if (!household)
        return householdFailure(household.error());

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
        return failed(context.error());
    HouseholdStatus from = move.from;
    for (const HouseholdStatus to : std::as_const(move.steps)) {
        if (const auto why = HouseholdStatusRules::checkTransition(from, to, *context))
            return refuse({}, tr("The survey was not completed: %1.").arg(*why));
        from = to;
    }

    if (const auto completed = m_surveys.complete(surveyId, version, move); !completed)
        return failed(completed.error().within(tr("The survey was not completed")));
    // Completed and committed: a failure to read it back must not pass for an empty survey.
    const saferhomes::Result<SurveyRecord> done = m_surveys.find(surveyId);
    if (!done)
        return failed(done.error().within(tr("The survey was completed, but cannot be read")));
    return Result {{}, {}, *done};
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
    const saferhomes::Result<SurveyRecord> survey = m_surveys.find(surveyId);
    if (!survey && survey.error().kind == Error::Kind::NotFound)
        return failed(Error::notFound(tr("There is no such survey.")));
    if (!survey)
        return failed(survey.error());
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
    const saferhomes::Result<QStringList> unknown = m_surveys.unknownEquipment(codes);
    if (!unknown)
        return failed(unknown.error());
    if (!unknown->isEmpty()) {
        return refuse(
            QStringLiteral("items"),
            tr("Not in the equipment catalogue: %1").arg(unknown->join(QLatin1String(", "))));
    }
    if (const auto refused = checkConsent(survey->householdId))
        return *refused;
    const auto household = m_households.summary(survey->householdId);
    if (!household)
        return householdFailure(household.error());

    StatusMove move {household->status, {}};
    if (!HouseholdStatusRules::isAcceptedOrBeyond(household->status)) {
        const auto context = m_households.transitionContext(survey->householdId);
        if (!context)
            return failed(context.error());
        if (const auto why = HouseholdStatusRules::checkTransition(
                household->status, HouseholdStatus::Accepted, *context)) {
            return refuse({}, tr("The package was not agreed: %1.").arg(*why));
        }
        move.steps = {HouseholdStatus::Accepted};
    }
    if (const Status saved = m_surveys.savePackage(surveyId, items, move); !saved)
        return failed(saved.error().within(tr("The package was not agreed")));
    if (m_jobs) {
        const auto job = terms
            ? m_jobs->packageAgreed(surveyId, terms->availability, terms->accessNotes)
            : m_jobs->packageAgreed(surveyId);
        if (!job)
            return failed(
                job.error().within(tr("The package was agreed, but its job was not made")));
    }
    return Result {{}, {}, *survey};
}

saferhomes::Result<QList<PackageItem>> SurveyService::package(const QUuid &surveyId) const
{
    return m_surveys.package(surveyId);
}

saferhomes::Result<SurveyRecord> SurveyService::survey(const QUuid &surveyId) const
{
    return m_surveys.find(surveyId);
}

saferhomes::Result<QList<SurveyRecord>> SurveyService::surveys(const QUuid &householdId) const
{
    return m_surveys.surveys(householdId);
}

saferhomes::Result<std::optional<SurveyRecord>>
SurveyService::latestCompleted(const QUuid &householdId) const
{
    const saferhomes::Result<QList<SurveyRecord>> all = m_surveys.surveys(householdId);
    if (!all)
        return all.error();
    std::optional<SurveyRecord> latest;
    for (const SurveyRecord &survey : *all) {
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
