// Judging a schedule: rule breaks through the feasibility checker, travel, and leaving out the
// bookings of a plan that would add a rule break.

#include "autoschedulecheck.h"

#include "schedule/feasibilitychecker.h"
#include "schedule/stockcheck.h"

#include <QDateTime>

#include <algorithm>
#include <map>
#include <vector>

namespace saferhomes::autoschedule {

std::uint64_t jobSkills(const Job &job, const QHash<QString, QString> &itemSkills)
{
    QStringList skills;
    for (const JobItem &item : job.items)
        skills.append(itemSkills.value(item.code));
    return AutoScheduler::skillBits(skills);
}

QHash<QUuid, int> fitterIndex(const QList<Fitter> &fitters)
{
    QHash<QUuid, int> index;
    for (int f = 0; f < int(fitters.size()); ++f)
        index.insert(fitters[f].id, f);
    return index;
}

ScheduleCheck checkJobs(const AutoScheduleInput &input, const Frame &frame, const Places &places)
{
    std::vector<CheckedFitter> fitters;
    StockCheckInput stock(input.stock);
    CheckedStock checkedStock;
    for (const Fitter &fitter : input.fitters) {
        CheckedFitter checked;
        checked.skills = AutoScheduler::skillBits(fitter.skills);
        checkedStock.vans.push_back(stock.van(fitter.id));
        for (int d = 0; d < frame.days(); ++d) {
            const QDate day = frame.day(d);
            if (fitter.isAbsentOn(day)) {
                checked.absences.push_back(
                    {frame.minutes(day, QTime(0, 0)), frame.minutes(day.addDays(1), QTime(0, 0))});
            } else if (const std::optional<Shift> shift = fitter.shiftOn(day)) {
                checked.working.push_back(
                    {frame.minutes(day, shift->start), frame.minutes(day, shift->end)});
            }
        }
        fitters.push_back(std::move(checked));
    }
    const QHash<QUuid, int> fitterOf = fitterIndex(input.fitters);
    ScheduleCheck check;
    std::vector<CheckedJob> jobs;
    for (int j = 0; j < int(input.jobs.size()); ++j) {
        const Job &job = input.jobs[j];
        if (!isBookedIn(job, frame) || !fitterOf.contains(job.fitterId))
            continue;
        CheckedJob checked;
        checked.fitter = fitterOf.value(job.fitterId);
        checked.start = frame.minutes(job.start);
        checked.end = frame.minutes(job.end);
        checked.location = places.ofJob(j);
        checked.requiredSkills = jobSkills(job, input.itemSkills);
        checkedStock.needed.push_back(stock.needed(job));
        if (!job.availability.isEmpty()) {
            const QDate day = job.start.toTimeZone(london()).date();
            for (const auto &[from, to] : job.availability.windowsOn(day))
                checked.windows.push_back({frame.minutes(day, from), frame.minutes(day, to)});
            // A day the householder asked to avoid: no start is inside a window.
            if (checked.windows.empty())
                checked.windows.push_back({-1.0, -1.0});
        }
        jobs.push_back(std::move(checked));
        check.jobIds.append(job.id);
    }
    const CallbackTravelModel travel(
        places.count(), [&](int a, int b) { return places.kilometres(a, b); },
        [&](int a, int b) { return places.minutes(a, b); });
    checkedStock.depot = stock.depot();
    check.breaks = checkSchedule(fitters, jobs, &travel, &checkedStock);
    return check;
}

/// Minutes driven by the fitters in \a fitters over the horizon: from the start location
/// through the day's booked jobs in time order and back.
double travelMinutes(const AutoScheduleInput &input, const QList<int> &fitters, const Frame &frame,
                     const Places &places)
{
    std::map<std::pair<int, int>, std::vector<std::pair<QDateTime, int>>> days;
    const QHash<QUuid, int> fitterOf = fitterIndex(input.fitters);
    for (int j = 0; j < int(input.jobs.size()); ++j) {
        const Job &job = input.jobs[j];
        const int fitter = fitterOf.value(job.fitterId, -1);
        if (isBookedIn(job, frame) && fitters.contains(fitter))
            days[{fitter, frame.dayIndex(job.start)}].push_back({job.start, j});
    }
    double total = 0;
    for (auto &[key, visits] : days) {
        std::sort(visits.begin(), visits.end());
        int at = places.ofFitter(key.first);
        for (const auto &visit : visits) {
            total += places.minutes(at, places.ofJob(visit.second));
            at = places.ofJob(visit.second);
        }
        total += places.minutes(at, places.ofFitter(key.first));
    }
    return total;
}

/// Never adds a rule break: a booking of \a plan (one of \a changed) that the checker marks is
/// left out instead (no_room), until none is; a fixed booking the optimiser could not keep
/// may still hold the time it was given.
void leaveOutWhatBreaksRules(AutoSchedulePlan &plan, QSet<QUuid> &changed,
                             const QSet<QUuid> &pinned, const AutoScheduleInput &input,
                             const Frame &frame, const Places &places)
{
    for (;;) {
        const AutoScheduleInput after {AutoScheduler::applied(input.jobs, plan), input.fitters,
                                       input.itemSkills, input.stock};
        const ScheduleCheck check = checkJobs(after, frame, places);
        QSet<QUuid> drop;
        QSet<QUuid> onlyStock; // left out for want of stock alone: the reason is "stock"
        for (size_t k = 0; k < check.breaks.size(); ++k) {
            const QUuid job = check.jobIds[qsizetype(k)];
            if (changed.contains(job) && !check.breaks[k].empty()
                && std::all_of(
                    check.breaks[k].cbegin(), check.breaks[k].cend(),
                    [](const RuleBreak &b) { return b.rule == ScheduleRule::StockShort; }))
                onlyStock.insert(job);
            for (const RuleBreak &rule : check.breaks[k]) {
                if (changed.contains(check.jobIds[qsizetype(k)]))
                    drop.insert(check.jobIds[qsizetype(k)]);
                if (rule.otherJob >= 0 && changed.contains(check.jobIds[rule.otherJob]))
                    drop.insert(check.jobIds[rule.otherJob]);
            }
        }
        if (drop.isEmpty())
            break;
        for (qsizetype c = plan.changes.size() - 1; c >= 0; --c) {
            JobBooking &change = plan.changes[c];
            if (!drop.contains(change.jobId))
                continue;
            if (pinned.contains(change.jobId)) {
                // A pin to a fitter or day never sends its job to the tray: it stays booked
                // where it was.
                changed.remove(change.jobId);
                plan.changes.removeAt(c);
                continue;
            }
            plan.unscheduled.append({change.jobId,
                                     onlyStock.contains(change.jobId) ? QStringLiteral("stock")
                                                                      : QStringLiteral("no_room")});
            changed.remove(change.jobId);
            if (JobStatusNames::isBooked(change.wasStatus)) {
                change.fitterId = {};
                change.start = change.end = {};
            } else {
                plan.changes.removeAt(c);
            }
        }
    }
}

} // namespace saferhomes::autoschedule
