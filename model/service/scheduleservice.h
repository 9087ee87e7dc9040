#pragma once

#include "domain/fitter.h"
#include "domain/job.h"
#include "domain/result.h"
#include "domain/stock.h"
#include "schedule/feasibilitychecker.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QUuid>

namespace saferhomes {

class FitterRepository;
class JobRepository;

/// A rule a booked job breaks, as the board marks it: the rule, and the job it clashes with
/// or travels from when there is one.
struct JobRuleBreak {
    ScheduleRule rule;
    QUuid otherJob;
    bool operator==(const JobRuleBreak &) const = default;
};

/// What the schedule board knows of the schedule: fitters, jobs and which skill each item
/// needs, read together.
struct ScheduleSnapshot {
    QList<Fitter> fitters;
    QList<Job> jobs; ///< open jobs: unscheduled, tentative, scheduled
    QHash<QString, QString> equipmentSkills; ///< equipment code → skill
    ScheduleStock stock; ///< available stock and the jobs' reservations ("stock short")
};

/// The coordinator's edits of the schedule (DESIGN §8) and the rule marks of the board.
///
/// Marks come from the optimiser's feasibility checker (checkSchedule): jobs and fitters are
/// turned into its minutes, skills and windows here, so the board and the optimiser never
/// disagree about a rule.
class ScheduleService {
    Q_DECLARE_TR_FUNCTIONS(ScheduleService)

public:
    ScheduleService(JobRepository &jobs, FitterRepository &fitters);

    /// Active fitters, open jobs and the catalogue's skills.
    Result<ScheduleSnapshot> snapshot() const;

    /// Reads \a jobId again into \a snapshot after an edit (dropped when no longer open), and
    /// the stock figures (the edit may have reserved or released some), so that a change costs
    /// one job's read rather than the whole schedule's.
    Status reread(ScheduleSnapshot &snapshot, const QUuid &jobId) const;

    Status book(const QUuid &jobId, const QUuid &fitterId, const QDateTime &start, int minutes,
                PinKind pin = PinKind::None, const QStringList &skillException = {});
    Status move(const QUuid &jobId, const QUuid &fitterId, const QDateTime &start,
                const QStringList &skillException = {});
    Status resize(const QUuid &jobId, int minutes);
    /// Pins a booked job to its fitter, day or exact time, or unpins it (PinKind::None).
    Status setPin(const QUuid &jobId, PinKind pin);
    Status unschedule(const QUuid &jobId);

    /// The rules each booked job of \a snapshot breaks, by job id; a job that breaks none is
    /// not in the answer.
    static QHash<QUuid, QList<JobRuleBreak>> ruleBreaks(const ScheduleSnapshot &snapshot);
    /// The skills \a job needs that \a fitter lacks, by name (empty when the checker finds no
    /// missing skill there).
    static QStringList missingSkills(const ScheduleSnapshot &snapshot, const Job &job,
                                     const Fitter &fitter);
    /// The skills \a job's items need, by name, sorted.
    static QStringList requiredSkills(const ScheduleSnapshot &snapshot, const Job &job);

private:
    JobRepository &m_jobs;
    FitterRepository &m_fitters;
};

} // namespace saferhomes
