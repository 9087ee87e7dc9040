#include "scheduleservice.h"

#include "domain/schemetime.h"
#include "schedule/stockcheck.h"
#include "schedule/travelmodel.h"
#include "store/fitterrepository.h"
#include "store/jobrepository.h"

#include <QPointF>
#include <QSet>

#include <algorithm>
#include <vector>

namespace saferhomes {

namespace {

/// Skill names as the checker's bits: the four of DESIGN §8 first, any other name after them.
class SkillBits {
public:
    SkillBits()
        : m_names(fitterSkillNames())
    { }

    std::uint64_t bit(const QString &name)
    {
        qsizetype index = m_names.indexOf(name);
        if (index < 0) {
            m_names.append(name);
            index = m_names.size() - 1;
        }
        return index < 64 ? std::uint64_t(1) << index : 0;
    }

    std::uint64_t bits(const QStringList &names)
    {
        std::uint64_t result = 0;
        for (const QString &name : names)
            result |= bit(name);
        return result;
    }

private:
    QStringList m_names;
};

/// Times of the schedule as the checker's minutes from a local midnight. A local time is
/// placed with its day's UTC offset at noon (a time zone lookup per time would be slow on a big
/// board); only times between midnight and 02:00 on the two Sundays the clocks change could be
/// an hour out, and no shift or window is there.
class Minutes {
public:
    explicit Minutes(const QDate &firstDay)
        : m_origin(QDateTime(firstDay, QTime(0, 0), london()).toSecsSinceEpoch())
    { }

    double at(const QDateTime &time) const
    {
        return double(time.toSecsSinceEpoch() - m_origin) / 60.0;
    }
    double at(const QDate &day, const QTime &time)
    {
        auto found = m_midnights.constFind(day);
        if (found == m_midnights.constEnd()) {
            const QDateTime noon(day, QTime(12, 0), london());
            found = m_midnights.insert(day, noon.toSecsSinceEpoch() - 12 * 3600);
        }
        return double(*found + time.msecsSinceStartOfDay() / 1000 - m_origin) / 60.0;
    }

private:
    qint64 m_origin;
    QHash<QDate, qint64> m_midnights;
};

/// The checker's problem for the booked jobs of a snapshot: its fitters, jobs and travel.
struct CheckProblem {
    std::vector<CheckedFitter> fitters;
    std::vector<CheckedJob> jobs;
    QList<const Job *> jobOf; ///< the snapshot's job of each checked job
    std::unique_ptr<TravelModel> travel;
    CheckedStock stock;
};

/// Builds the problem of the booked jobs, over the days they cover.
CheckProblem checkProblem(const ScheduleSnapshot &snapshot)
{
    CheckProblem problem;
    QList<const Job *> booked;
    QList<QDate> bookedDays; // each booked job's local day
    QDate first;
    QDate last;
    QHash<QUuid, int> fitterIndex;
    for (int f = 0; f < snapshot.fitters.size(); ++f)
        fitterIndex.insert(snapshot.fitters[f].id, f);
    for (const Job &job : snapshot.jobs) {
        if (!JobStatusNames::isBooked(job.status) || !job.start.isValid()
            || !fitterIndex.contains(job.fitterId))
            continue;
        booked.append(&job);
        const QDate day = job.start.toTimeZone(london()).date();
        bookedDays.append(day);
        first = first.isValid() ? std::min(first, day) : day;
        last = last.isValid() ? std::max(last, day) : day;
    }
    if (booked.isEmpty())
        return problem;
    last = last.addDays(1); // a job may run past midnight
    Minutes minutes(first);
    SkillBits skills;
    StockCheckInput stock(snapshot.stock);
    problem.stock.vans.resize(size_t(snapshot.fitters.size()));

    for (const Fitter &fitter : snapshot.fitters) {
        CheckedFitter checked;
        checked.skills = skills.bits(fitter.skills);
        problem.stock.vans[problem.fitters.size()] = stock.van(fitter.id);
        for (QDate day = first; day <= last; day = day.addDays(1)) {
            if (fitter.isAbsentOn(day)) {
                checked.absences.push_back(
                    {minutes.at(day, QTime(0, 0)), minutes.at(day.addDays(1), QTime(0, 0))});
            } else if (const std::optional<Shift> shift = fitter.shiftOn(day)) {
                checked.working.push_back(
                    {minutes.at(day, shift->start), minutes.at(day, shift->end)});
            }
        }
        problem.fitters.push_back(std::move(checked));
    }

    std::vector<QPointF> coordinates;
    std::vector<bool> located;
    for (qsizetype b = 0; b < booked.size(); ++b) {
        const Job *job = booked[b];
        CheckedJob checked;
        checked.fitter = fitterIndex.value(job->fitterId);
        checked.start = minutes.at(job->start);
        checked.end
            = job->end.isValid() ? minutes.at(job->end) : checked.start + job->durationMinutes;
        checked.location = int(coordinates.size());
        coordinates.emplace_back(job->latitude.value_or(0), job->longitude.value_or(0));
        located.push_back(job->latitude.has_value() && job->longitude.has_value());
        for (const JobItem &item : job->items)
            checked.requiredSkills |= skills.bit(snapshot.equipmentSkills.value(item.code));
        problem.stock.needed.push_back(stock.needed(*job));
        if (!job->availability.isEmpty()) {
            const QDate day = bookedDays[b];
            const auto open = job->availability.windowsOn(day);
            for (const auto &[from, to] : open)
                checked.windows.push_back({minutes.at(day, from), minutes.at(day, to)});
            // No window that day (a day to avoid): a window nothing can start in.
            if (checked.windows.empty())
                checked.windows.push_back({-1e12, -1e12});
        }
        problem.jobs.push_back(std::move(checked));
        problem.jobOf.append(job);
    }
    // A job without a position is reachable from anywhere at once: nothing is known.
    auto greatCircle = std::make_shared<GreatCircleTravelModel>(coordinates);
    const auto time = [greatCircle, located](int from, int to) {
        return located[size_t(from)] && located[size_t(to)] ? greatCircle->travelTime(from, to)
                                                            : 0.0;
    };
    const auto distance = [greatCircle, located](int from, int to) {
        return located[size_t(from)] && located[size_t(to)] ? greatCircle->distance(from, to) : 0.0;
    };
    problem.travel = std::make_unique<CallbackTravelModel>(int(coordinates.size()), distance, time);
    problem.stock.depot = stock.depot();
    return problem;
}

QStringList skillNames(const ScheduleSnapshot &snapshot, const Job &job)
{
    QSet<QString> names;
    for (const JobItem &item : job.items) {
        const QString skill = snapshot.equipmentSkills.value(item.code);
        if (!skill.isEmpty())
            names.insert(skill);
    }
    QStringList sorted(names.cbegin(), names.cend());
    sorted.sort();
    return sorted;
}

} // namespace

ScheduleService::ScheduleService(JobRepository &jobs, FitterRepository &fitters)
    : m_jobs(jobs)
    , m_fitters(fitters)
{ }

Result<ScheduleSnapshot> ScheduleService::snapshot() const
{
    ScheduleSnapshot snapshot;
    const Result<QList<Fitter>> fitters = m_fitters.all();
    if (!fitters)
        return fitters.error();
    for (const Fitter &fitter : *fitters) {
        if (fitter.active)
            snapshot.fitters.append(fitter);
    }
    const Result<QList<Job>> jobs = m_jobs.jobs({});
    if (!jobs)
        return jobs.error();
    for (const Job &job : *jobs) {
        if (JobStatusNames::isOpen(job.status))
            snapshot.jobs.append(job);
    }
    const Result<QHash<QString, QString>> skills = m_jobs.itemSkills();
    if (!skills)
        return skills.error();
    snapshot.equipmentSkills = *skills;
    Result<ScheduleStock> stock = m_jobs.scheduleStock();
    if (!stock)
        return stock.error();
    snapshot.stock = std::move(*stock);
    return snapshot;
}

Status ScheduleService::reread(ScheduleSnapshot &snapshot, const QUuid &jobId) const
{
    const Result<Job> job = m_jobs.job(jobId);
    if (!job && job.error().kind != Error::Kind::NotFound)
        return job.error();
    const auto found = std::find_if(snapshot.jobs.begin(), snapshot.jobs.end(),
                                    [&](const Job &j) { return j.id == jobId; });
    const bool open = job && JobStatusNames::isOpen(job->status);
    if (found != snapshot.jobs.end() && open)
        *found = *job;
    else if (found != snapshot.jobs.end())
        snapshot.jobs.erase(found);
    else if (open)
        snapshot.jobs.append(*job);
    // The edit may have reserved or released stock.
    Result<ScheduleStock> stock = m_jobs.scheduleStock();
    if (!stock)
        return stock.error();
    snapshot.stock = std::move(*stock);
    return {};
}

Status ScheduleService::book(const QUuid &jobId, const QUuid &fitterId, const QDateTime &start,
                             int minutes, PinKind pin, const QStringList &skillException)
{
    return m_jobs.bookJob(jobId, fitterId, start, minutes, pin, skillException);
}

Status ScheduleService::move(const QUuid &jobId, const QUuid &fitterId, const QDateTime &start,
                             const QStringList &skillException)
{
    return m_jobs.moveJob(jobId, fitterId, start, skillException);
}

Status ScheduleService::resize(const QUuid &jobId, int minutes)
{
    return m_jobs.resizeJob(jobId, minutes);
}

Status ScheduleService::setPin(const QUuid &jobId, PinKind pin)
{
    return m_jobs.setJobPin(jobId, pin);
}

Status ScheduleService::unschedule(const QUuid &jobId)
{
    return m_jobs.unscheduleJob(jobId);
}

QHash<QUuid, QList<JobRuleBreak>> ScheduleService::ruleBreaks(const ScheduleSnapshot &snapshot)
{
    const CheckProblem problem = checkProblem(snapshot);
    const std::vector<std::vector<RuleBreak>> breaks
        = checkSchedule(problem.fitters, problem.jobs, problem.travel.get(), &problem.stock);
    QHash<QUuid, QList<JobRuleBreak>> marks;
    for (size_t j = 0; j < breaks.size(); ++j) {
        if (breaks[j].empty())
            continue;
        QList<JobRuleBreak> &mark = marks[problem.jobOf[qsizetype(j)]->id];
        for (const RuleBreak &broken : breaks[j]) {
            mark.append(
                {broken.rule, broken.otherJob >= 0 ? problem.jobOf[broken.otherJob]->id : QUuid()});
        }
    }
    return marks;
}

QStringList ScheduleService::missingSkills(const ScheduleSnapshot &snapshot, const Job &job,
                                           const Fitter &fitter)
{
    // The job alone, booked on the fitter at a time nothing else can break: only the skill
    // rule can speak.
    ScheduleSnapshot alone;
    alone.equipmentSkills = snapshot.equipmentSkills;
    Fitter anyTime = fitter;
    anyTime.active = true;
    anyTime.absences.clear();
    anyTime.weekdayShifts.clear();
    for (int day = 1; day <= 7; ++day)
        anyTime.weekdayShifts.insert(day, Shift {QTime(0, 0), QTime(23, 59)});
    alone.fitters.append(anyTime);
    Job booked = job;
    booked.fitterId = fitter.id;
    booked.status = JobStatus::Scheduled;
    booked.availability = {};
    booked.start = QDateTime(QDate(2000, 1, 3), QTime(9, 0), london());
    booked.end = booked.start.addSecs(60);
    alone.jobs.append(booked);
    const QList<JobRuleBreak> breaks = ruleBreaks(alone).value(job.id);
    const bool missing = std::any_of(breaks.cbegin(), breaks.cend(), [](const JobRuleBreak &b) {
        return b.rule == ScheduleRule::MissingSkill;
    });
    if (!missing)
        return {};
    QStringList lacking;
    for (const QString &skill : skillNames(snapshot, job)) {
        if (!fitter.skills.contains(skill))
            lacking.append(skill);
    }
    return lacking;
}

QStringList ScheduleService::requiredSkills(const ScheduleSnapshot &snapshot, const Job &job)
{
    return skillNames(snapshot, job);
}

} // namespace saferhomes
