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

private:
    Result<QList<QUuid>> create(const QString &area, const QString &surveyId);
};

} // namespace saferhomes
