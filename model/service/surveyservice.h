#pragma once

#include "domain/job.h"
#include "domain/result.h"
#include "domain/visit.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace saferhomes {

class ConsentRepository;
class HouseholdRepository;
class JobRepository;
class SurveyRepository;

/// Runs the security survey by the rules: one open draft per household, every answer saved
/// as it is given, completion and the agreed package moving the household along the funnel.
/// Every write needs the household's consent to the survey and fitting.
class SurveyService {
    Q_DECLARE_TR_FUNCTIONS(SurveyService)

public:
    struct Result {
        /// Why nothing was saved: Error::Invalid for a refused change (the message says why),
        /// Error::NotFound for no such survey or household, Error::Database or Error::Locked
        /// when the database could not be read or written.
        Status status;
        QString field; ///< the argument the error is about, if any
        SurveyRecord survey; ///< the survey after the change (not filled by saveAnswer)
        bool ok() const { return status.ok(); }
        QString errorString() const { return status.errorString(); }
    };

    SurveyService(HouseholdRepository &households, ConsentRepository &consents,
                  SurveyRepository &surveys);
    /// With \a jobs, agreeing a package also makes (or updates) its unscheduled job.
    SurveyService(HouseholdRepository &households, ConsentRepository &consents,
                  SurveyRepository &surveys, JobRepository *jobs);

    /// The household's open draft with its answers and position, or a new draft taken with
    /// \a definitionVersion on \a visitId (may be null). A resumed draft keeps its version.
    Result startOrResume(const QUuid &householdId, const QString &definitionVersion,
                         const QUuid &visitId = {});
    // The reads below fail when the database cannot answer: "none" is never the answer to
    // a failed read.

    /// The household's open draft (answers and position), if there is one.
    saferhomes::Result<std::optional<SurveyRecord>> resumeDraft(const QUuid &householdId) const;

    /// Saves one answer (a null or undefined \a value clears it) and where the officer is
    /// now, at once, in its own audited transaction: once this returns it survives a crash.
    Result saveAnswer(const QUuid &surveyId, const QString &questionId, const QJsonValue &value,
                      const QString &position);
    /// Saves where the officer is in the draft (navigation only).
    Result savePosition(const QUuid &surveyId, const QString &position);

    /// Completes the draft as taken with \a definitionVersion (the version it keeps from now
    /// on) and moves the household to `surveyed` (from `identified` through `contacted`).
    Result complete(const QUuid &surveyId, const QString &definitionVersion);

    /// Stores the package agreed for a completed survey (replacing any earlier agreement;
    /// items keep their agreed flag, at least one must be agreed) and moves the household to
    /// `accepted`, in one audited transaction; then, with a JobRepository, the package's
    /// unscheduled job takes the items (a job that fails to be made is reported as the error,
    /// the agreement stays, and `jobs create --from-packages` makes it later).
    Result agreePackage(const QUuid &surveyId, const QList<PackageItem> &items);
    /// As agreePackage(), and the job takes the householder's \a availability and \a
    /// accessNotes, asked for at the same time (DESIGN §8).
    Result agreePackage(const QUuid &surveyId, const QList<PackageItem> &items,
                        const JobAvailability &availability, const QString &accessNotes);
    /// The package of a survey, in the order it was agreed.
    saferhomes::Result<QList<PackageItem>> package(const QUuid &surveyId) const;

    /// One survey; Error::NotFound when there is none with \a surveyId.
    saferhomes::Result<SurveyRecord> survey(const QUuid &surveyId) const;
    /// A household's surveys, newest first.
    saferhomes::Result<QList<SurveyRecord>> surveys(const QUuid &householdId) const;
    /// The household's most recently completed survey (the one its package comes from),
    /// if any; an open draft never counts.
    saferhomes::Result<std::optional<SurveyRecord>> latestCompleted(const QUuid &householdId) const;

private:
    struct VisitTerms {
        JobAvailability availability;
        QString accessNotes;
    };
    Result agree(const QUuid &surveyId, const QList<PackageItem> &items,
                 const std::optional<VisitTerms> &terms);
    std::optional<Result> checkConsent(const QUuid &householdId) const;
    std::optional<Result> checkDraft(const saferhomes::Result<SurveyRecord> &survey) const;

    HouseholdRepository &m_households;
    ConsentRepository &m_consents;
    SurveyRepository &m_surveys;
    JobRepository *m_jobs = nullptr;

public:
    /// The job of a survey's package, whose availability and access notes the package step
    /// shows again (JobRepository::packageJob()); none when it has no job, or when this
    /// service was made without a JobRepository.
    saferhomes::Result<std::optional<Job>> packageJob(const QUuid &surveyId) const;
};

} // namespace saferhomes
