#pragma once

#include "domain/job.h"
#include "domain/result.h"
#include "repository.h"

#include <QCoreApplication>

#include <optional>

namespace saferhomes {

/// Which jobs to read: every condition given must hold.
struct JobFilter {
    std::optional<QDate> day; ///< booked to start on this local (Europe/London) day
    QUuid fitterId;
    std::optional<JobStatus> status;
};

/// Reads jobs (DESIGN §8) with their items and what lists need of their households.
class JobRepository : public Repository {
    Q_DECLARE_TR_FUNCTIONS(JobRepository)

public:
    JobRepository(const Database &database, QString userName);

    /// The jobs that match \a filter, by start (unbooked last), then creation.
    Result<QList<Job>> jobs(const JobFilter &filter) const;

    /// Makes one unscheduled job for each agreed package (the agreed items of a completed,
    /// not superseded survey of an accepted or scheduled household) that has no job yet; a
    /// cancelled or no-access job does not count (the new job then revisits the last
    /// no-access one). Only households of \a area when it is not empty. Duration: the items'
    /// fit minutes times their quantities plus kJobSetUpMinutes. One audited transaction;
    /// returns the new jobs' ids.
    Result<QList<QUuid>> createForAgreedPackages(const QString &area);

    /// After a survey's package is agreed (again): its unscheduled job takes the agreed items
    /// and their duration, or a job is made when it has none (as createForAgreedPackages).
    /// Returns the job's id (null when the household is not accepted or scheduled).
    Result<QUuid> packageAgreed(const QUuid &surveyId);
    /// As packageAgreed(), and the job takes the householder's \a availability and \a
    /// accessNotes (asked for when the package is agreed), in the same transaction.
    Result<QUuid> packageAgreed(const QUuid &surveyId, const JobAvailability &availability,
                                const QString &accessNotes);

    /// Records a completed visit: what was fitted of each item (code → quantity; items not
    /// named: none), serial numbers (code → "S1,S2"), who signed it off. The household moves
    /// to `installed` when this was its last open job. Only a booked job can be completed; a
    /// completion recorded again is applied once (returns false then, true when applied).
    Result<bool> complete(const QUuid &jobId, const QHash<QString, int> &fitted,
                          const QHash<QString, QString> &serials, const QString &signedOffBy);
    /// Records that nobody let the fitter in: the job becomes `no_access` (with \a note) and
    /// an unscheduled revisit job with the same items, duration and availability takes its
    /// place in the tray; the household goes back to `accepted` when nothing else is booked.
    /// Returns the revisit job's id.
    Result<QUuid> noAccess(const QUuid &jobId, const QString &note);

private:
    /// The householder's answers given with an agreed package.
    struct VisitTerms {
        JobAvailability availability;
        QString accessNotes;
    };
    Result<QUuid> agreed(const QUuid &surveyId, const std::optional<VisitTerms> &terms);
    Result<QList<QUuid>> create(const QString &area, const QString &surveyId,
                                const std::optional<VisitTerms> &terms = std::nullopt);
};

} // namespace saferhomes
