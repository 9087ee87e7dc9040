#pragma once

#include "domain/job.h"
#include "domain/jobbooking.h"
#include "domain/result.h"
#include "domain/stock.h"
#include "repository.h"

#include <QByteArray>
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

/// The catalogue's name and standard of an equipment code, as sheets and the fitter show it.
struct EquipmentLabel {
    QString name;
    QString standard;
};

/// The householder's contact as this device holds it: the primary resident's. Empty when the
/// device holds none (the central database sends residents only to roles that may read them).
struct JobContact {
    QString name;
    QString phone;
    QString email;
    QString accessNeeds;
    bool isEmpty() const { return name.isEmpty() && phone.isEmpty() && email.isEmpty(); }
};

/// A photo or signature taken with a completed visit (the bytes as the camera or pad gave
/// them; the UI has checked that they can be read).
struct JobPicture {
    QString mimeType;
    QByteArray bytes;
};

/// A visit the fitter records on the fitter's day: what was fitted of each item code, why a
/// quantity differs from the planned one (required for each difference), serial numbers,
/// photos and the householder's signature.
struct JobCompletion {
    QHash<QString, int> fitted;
    QHash<QString, QString> serials;
    QHash<QString, QString> differenceReasons;
    QList<JobPicture> photos;
    std::optional<JobPicture> signature;
    QString signedOffBy;
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
    /// and their duration, or, when it has none, its booked job does (keeping its fitter and
    /// start: its end follows the new duration, a changed end raises the sequence, and its
    /// stock reservations follow the new items), or a job is made when it has neither (as
    /// createForAgreedPackages). Returns the job's id (null when the household is not
    /// accepted or scheduled).
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

    /// The equipment catalogue: code → name and standard.
    Result<QHash<QString, EquipmentLabel>> equipmentLabels() const;
    /// The primary resident's contact of \a householdId (empty when this device holds none).
    Result<JobContact> contact(const QUuid &householdId) const;
    /// The item codes of \a job whose fitted quantity in \a completion differs from the
    /// planned one without a reason given.
    static QStringList missingReasons(const Job &job, const JobCompletion &completion);
    /// Records a visit as complete() does, with each difference's reason, the photos and the
    /// signature (attachments of the household, linked to the job), in one transaction. A
    /// difference without a reason is refused (Error::invalid) and nothing is written.
    Result<bool> complete(const QUuid &jobId, const JobCompletion &completion);
    /// The reasons recorded for the items of \a jobId whose fitted quantity differed: code →
    /// reason.
    Result<QHash<QString, QString>> differenceReasons(const QUuid &jobId) const;
    /// How many photos and signatures are linked to \a jobId, by kind ("photo", "signature").
    Result<QHash<QString, int>> pictureCounts(const QUuid &jobId) const;
    /// The skill each catalogue item needs to fit (equipment code → skill name).
    Result<QHash<QString, QString>> itemSkills() const;
    /// Applies a scheduling run's bookings in one audited transaction (each change queued
    /// for sync by the job triggers): a booked job becomes `scheduled` at its fitter and
    /// time, a null fitter takes it back to `unscheduled`; moving or unbooking a job that was
    /// booked raises its sequence (the iCalendar SEQUENCE). Households move as their jobs
    /// do. When any job is no longer as the change was made against (edited meanwhile, here
    /// or by a sync), nothing is applied: Error::refused naming it. Returns the jobs changed.
    Result<int> applyBookings(const QList<JobBooking> &changes);

    // The schedule board's edits (DESIGN §8). Each is one transaction with its audit events;
    // the job's triggers queue it for sync. A booking moves the household to `scheduled`, the
    // last one taken away moves it back to `accepted`. Every reschedule raises the sequence.

    /// Books an unscheduled job on \a fitterId from \a start (any time zone) for \a minutes.
    /// \a missingSkills, when given, are the skills the fitter lacks, booked anyway as an
    /// exception the coordinator confirmed: audited as `skill_exception` with the booking.
    Status bookJob(const QUuid &jobId, const QUuid &fitterId, const QDateTime &start, int minutes,
                   PinKind pin = PinKind::None, const QStringList &missingSkills = {});
    /// Moves a booked job to \a fitterId at \a start, keeping its length (\a missingSkills:
    /// as for bookJob).
    Status moveJob(const QUuid &jobId, const QUuid &fitterId, const QDateTime &start,
                   const QStringList &missingSkills = {});
    /// Makes a booked job last \a minutes (its duration), keeping its start.
    Status resizeJob(const QUuid &jobId, int minutes);
    /// Pins a booked job to its fitter, its fitter's day or its exact time (what the optimiser
    /// may still change of it: PinKind), or unpins it (PinKind::None). Not a reschedule.
    Status setJobPin(const QUuid &jobId, PinKind pin);
    /// As setJobPin(): a pin to the exact time, or none.
    Status setJobPinned(const QUuid &jobId, bool pinned);
    /// Takes a booked job off its fitter's time, back to the tray (unpinned).
    Status unscheduleJob(const QUuid &jobId);
    /// One job with its items (NotFound when there is none), e.g. after an edit.
    Result<Job> job(const QUuid &jobId) const;
    /// What the schedule's "stock short" rule needs of the stock ledger (StockLedger).
    Result<ScheduleStock> scheduleStock() const;

private:
    Result<bool> record(const QUuid &jobId, const JobCompletion &completion, bool needReasons);
    /// The householder's answers given with an agreed package.
    struct VisitTerms {
        JobAvailability availability;
        QString accessNotes;
    };
    Result<QUuid> agreed(const QUuid &surveyId, const std::optional<VisitTerms> &terms);
    Result<QList<QUuid>> create(const QString &area, const QString &surveyId,
                                const std::optional<VisitTerms> &terms = std::nullopt);
    struct Placement;
    /// What a board edit makes of a job's placement (the tray: no fitter), or why it refuses.
    using PlacementChange = std::function<Result<Placement>(const Placement &now, JobStatus)>;
    /// Applies \a change to the job's placement in one audited transaction (\a action names
    /// the edit in errors).
    Status changePlacement(const QUuid &jobId, const QString &action, const PlacementChange &change,
                           const QStringList &missingSkills = {});

public:
    /// The jobs of \a householdId with their items, newest first (by creation), whatever
    /// their status: the household page's history of jobs.
    Result<QList<Job>> householdJobs(const QUuid &householdId) const;
    /// The catalogue's unit cost of each equipment code, in pence.
    Result<QHash<QString, int>> unitCosts() const;
    /// The job of \a surveyId's package, with its items, or none when the package has no job:
    /// the unscheduled one that agreeing the package again updates (the oldest, as
    /// packageAgreed() picks it), else the latest booked one, else the latest of any status.
    Result<std::optional<Job>> packageJob(const QUuid &surveyId) const;
};

} // namespace saferhomes
