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
};

} // namespace saferhomes
