#pragma once

#include "domain/job.h"
#include "domain/result.h"
#include "repository.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

#include <functional>
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

    // The schedule board's edits (DESIGN §8). Each is one transaction with its audit events;
    // the job's triggers queue it for sync. A booking moves the household to `scheduled`, the
    // last one taken away moves it back to `accepted`. Every reschedule raises the sequence.

    /// Books an unscheduled job on \a fitterId from \a start (any time zone) for \a minutes.
    /// \a missingSkills, when given, are the skills the fitter lacks, booked anyway as an
    /// exception the coordinator confirmed: audited as `skill_exception` with the booking.
    Status bookJob(const QUuid &jobId, const QUuid &fitterId, const QDateTime &start, int minutes,
                   bool pinned = false, const QStringList &missingSkills = {});
    /// Moves a booked job to \a fitterId at \a start, keeping its length (\a missingSkills:
    /// as for bookJob).
    Status moveJob(const QUuid &jobId, const QUuid &fitterId, const QDateTime &start,
                   const QStringList &missingSkills = {});
    /// Makes a booked job last \a minutes (its duration), keeping its start.
    Status resizeJob(const QUuid &jobId, int minutes);
    /// Pins a booked job where it is (the optimiser leaves it alone) or unpins it.
    Status setJobPinned(const QUuid &jobId, bool pinned);
    /// Takes a booked job off its fitter's time, back to the tray (unpinned).
    Status unscheduleJob(const QUuid &jobId);
    /// One job with its items (NotFound when there is none), e.g. after an edit.
    Result<Job> job(const QUuid &jobId) const;
    /// Each equipment code's skill (locks, alarms, electrical, general).
    Result<QHash<QString, QString>> equipmentSkills() const;

private:
    struct Placement;
    /// What a board edit makes of a job's placement (the tray: no fitter), or why it refuses.
    using PlacementChange = std::function<Result<Placement>(const Placement &now, JobStatus)>;
    /// Applies \a change to the job's placement in one audited transaction (\a action names
    /// the edit in errors).
    Status changePlacement(const QUuid &jobId, const QString &action, const PlacementChange &change,
                           const QStringList &missingSkills = {});

    Result<QList<QUuid>> create(const QString &area, const QString &surveyId);
};

} // namespace saferhomes
