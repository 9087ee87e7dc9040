// DemoStories, part three: the fitters' jobs, booked, completed and moved along the funnel,
// and the stock they used.

#include "demostories.h"

#include "demostoryparts.h"

#include "domain/job.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace saferhomes {

using demoparts::catalogueItem;
using demoparts::compactJson;
using demoparts::skillsOf;

// ---- Jobs ---------------------------------------------------------------------------------

DemoStories::DayPlan &DemoStories::dayPlan(const QDate &day)
{
    const auto [it, inserted] = m_days.try_emplace(day.toJulianDay());
    DayPlan &plan = it->second;
    if (inserted) {
        plan.nextFree.reserve(m_fitters.size());
        plan.shiftEnd.reserve(m_fitters.size());
        for (const FitterState &fitter : m_fitters) {
            // A day off or away: no room at all.
            const auto [from, to] = fitter.shiftOn(day);
            plan.nextFree.push_back(std::max(from, 0));
            plan.shiftEnd.push_back(std::max(to, 0));
            for (int area = 0; area < kDemoAreaCount; ++area) {
                if (fitter.area < 0 || fitter.area == area) {
                    plan.longestGap[area] = std::max(plan.longestGap[area],
                                                     plan.shiftEnd.back() - plan.nextFree.back());
                }
            }
        }
    }
    return plan;
}

/// The first working day from \a from, going in \a direction, on which a fitter of the area
/// with the skills has room for the job; fitters take turns so the work is shared out.
std::optional<DemoStories::Booking> DemoStories::book(int area, int skills, int minutes, QDate from,
                                                      int direction)
{
    const int fitters = int(m_fitters.size());
    for (int step = 0; step < 3660; ++step) {
        const QDate day = from.addDays(qint64(direction) * step);
        if (day.dayOfWeek() > Qt::Friday)
            continue;
        DayPlan &plan = dayPlan(day);
        if (plan.longestGap[area] < minutes)
            continue;
        for (int k = 0; k < fitters; ++k) {
            const int f = (m_rotation + k) % fitters;
            const FitterState &fitter = m_fitters[size_t(f)];
            if ((fitter.area >= 0 && fitter.area != area) || (fitter.skills & skills) != skills)
                continue;
            const int start = plan.nextFree[size_t(f)];
            if (start + minutes > plan.shiftEnd[size_t(f)])
                continue;
            plan.nextFree[size_t(f)] = start + minutes + m_events.between(15, 35); // travel
            m_rotation = (f + 1) % fitters;
            std::fill(std::begin(plan.longestGap), std::end(plan.longestGap), 0);
            for (size_t i = 0; i < m_fitters.size(); ++i) {
                const int gap = plan.shiftEnd[i] - plan.nextFree[i];
                for (int a = 0; a < kDemoAreaCount; ++a) {
                    if (m_fitters[i].area < 0 || m_fitters[i].area == a)
                        plan.longestGap[a] = std::max(plan.longestGap[a], gap);
                }
            }
            return Booking {f, day, start};
        }
    }
    return std::nullopt;
}

/// A job as it is to end up, written by writeJobs() and completeJobs().
void DemoStories::planJob(const DemoHome &home, const QUuid &surveyId, const SurveyPlan &survey,
                          const Booking &booking, const QString &status, const QDateTime &createdAt)
{
    DemoRandom &r = m_events;
    const FitterState &fitter = m_fitters[size_t(booking.fitter)];
    const bool completed = status == u"completed";
    PlannedJob planned;
    planned.home = &home;
    planned.fitter = booking.fitter;
    DemoJob &job = planned.job;
    job.id = r.uuid();
    job.householdId = home.id;
    job.surveyId = surveyId;
    job.fitterId = fitter.row.id;
    job.status = status;
    job.scheduledStart = at(booking.day, booking.startMinute);
    job.scheduledEnd = at(booking.day, booking.startMinute + survey.minutes());
    job.createdAt = createdAt;
    job.durationMinutes = survey.minutes();
    job.sequence = 1;
    chooseTerms(job, booking.startMinute);
    if (completed) {
        job.completedAt = job.scheduledEnd.addSecs(60 * r.between(-10, 20));
        job.signedOffBy = home.residentName;
    } else if (status == u"no_access") {
        job.notes = QStringLiteral("No answer at the booked time; card left");
    }
    for (const PackageItem &item : survey.items) {
        if (!item.agreed)
            continue;
        const DemoCatalogueItem &equipment = catalogueItem(item.code);
        DemoJobItem row {r.uuid(), job.id, item.code, item.qty, {}, completed};
        if (completed && *equipment.serialPrefix) {
            row.serial = QStringLiteral("%1-%2")
                             .arg(QString::fromLatin1(equipment.serialPrefix))
                             .arg(r.below(100000000), 8, 10, QLatin1Char('0'));
        }
        planned.items.append(row);
    }
    m_jobs.push_back(std::move(planned));
}

/// The job an agreed package makes, waiting in the coordinator's tray.
void DemoStories::planTrayJob(const DemoHome &home, const QUuid &surveyId, const SurveyPlan &survey,
                              const QDateTime &createdAt)
{
    PlannedJob planned;
    planned.home = &home;
    DemoJob &job = planned.job;
    job.id = m_terms.uuid();
    job.householdId = home.id;
    job.surveyId = surveyId;
    job.status = QStringLiteral("unscheduled");
    job.createdAt = createdAt;
    job.durationMinutes = survey.minutes();
    chooseTerms(job, -1);
    for (const PackageItem &item : survey.items) {
        if (item.agreed)
            planned.items.append(DemoJobItem {m_terms.uuid(), job.id, item.code, item.qty, {}});
    }
    m_jobs.push_back(std::move(planned));
}

/// What the householder said about being in, and how to get in: any time, mornings or
/// afternoons (the one that holds a booking starting at \a startMinute, -1 for none), perhaps
/// a weekday to avoid (never the booked one).
void DemoStories::chooseTerms(DemoJob &job, int startMinute)
{
    DemoRandom &r = m_terms;
    static const char *const notes[] = {
        "",
        "",
        "Side gate is unlocked",
        "Ring twice, hard of hearing",
        "Dog in the back garden",
        "Key safe by the back door (code with the coordinator)",
        "Park on the drive",
        "Carer there on weekday mornings",
    };
    JobAvailability availability;
    const int pattern = r.below(4);
    const bool morning = startMinute < 0 ? r.chance(0.5) : startMinute < 12 * 60;
    if (pattern == 1 || pattern == 2) {
        // Wide enough for every shift's first and last start (7:30 to 18:00).
        availability.windows.append(
            morning ? AvailabilityWindow {{1, 2, 3, 4, 5}, QTime(7, 30), QTime(12, 0)}
                    : AvailabilityWindow {{1, 2, 3, 4, 5}, QTime(12, 0), QTime(18, 0)});
    }
    if (pattern >= 2) {
        const int booked = job.scheduledStart.isValid()
            ? job.scheduledStart.toTimeZone(m_zone).date().dayOfWeek()
            : 0;
        int avoid = 1 + r.below(5);
        if (avoid == booked)
            avoid = avoid % 5 + 1;
        availability.avoidWeekdays.append(avoid);
    }
    job.availability = compactJson(QJsonDocument(availability.toJson()));
    job.accessNotes = QString::fromUtf8(r.pick(notes));
}

/// A few rule breaks in the coming week for the board to mark: one fitter booked twice at
/// once (a job moved onto the end of another fitter's last job that day) and one job booked
/// outside the householder's window.
void DemoStories::markRuleBreaks()
{
    const QDate monday = m_today.addDays(8 - m_today.dayOfWeek());
    const auto dayOf = [&](const PlannedJob &planned) {
        return planned.job.scheduledStart.toTimeZone(m_zone).date();
    };
    std::vector<size_t> week;
    for (size_t i = 0; i < m_jobs.size(); ++i) {
        const QDate day = m_jobs[i].job.status == u"scheduled" ? dayOf(m_jobs[i]) : QDate();
        if (day.isValid() && day >= monday && day < monday.addDays(5))
            week.push_back(i);
    }
    const auto lastOfDay = [&](size_t i) {
        const PlannedJob &first = m_jobs[i];
        return std::none_of(week.cbegin(), week.cend(), [&](size_t k) {
            const PlannedJob &other = m_jobs[k];
            return other.fitter == first.fitter && dayOf(other) == dayOf(first)
                && other.job.scheduledStart > first.job.scheduledStart;
        });
    };
    size_t moved = m_jobs.size();
    for (size_t a = 0; a < week.size() && moved == m_jobs.size(); ++a) {
        PlannedJob &first = m_jobs[week[a]];
        if (!lastOfDay(week[a]))
            continue;
        const FitterState &fitter = m_fitters[size_t(first.fitter)];
        for (size_t b = 0; b < week.size(); ++b) {
            PlannedJob &second = m_jobs[week[b]];
            const QDateTime start = first.job.scheduledStart.addSecs(30 * 60);
            const QDateTime end = start.addSecs(60 * second.job.durationMinutes);
            const int endMinute = end.toTimeZone(m_zone).time().msecsSinceStartOfDay() / 60000;
            if (second.fitter == first.fitter || (skillsOf(second.items) & ~fitter.skills) != 0
                || end.toTimeZone(m_zone).date() != dayOf(first)
                || endMinute > fitter.shiftOn(dayOf(first)).second)
                continue;
            second.fitter = first.fitter;
            second.job.fitterId = fitter.row.id;
            second.job.scheduledStart = start;
            second.job.scheduledEnd = end;
            second.job.sequence += 1;
            second.job.availability = QStringLiteral("{}");
            second.job.notes
                = QStringLiteral("Squeezed in by phone; check with %1").arg(fitter.row.name);
            moved = week[b];
            break;
        }
    }
    for (size_t i : week) {
        PlannedJob &planned = m_jobs[i];
        if (i == moved || std::any_of(week.cbegin(), week.cend(), [&](size_t k) {
                return m_jobs[k].fitter == planned.fitter && k != i
                    && m_jobs[k].job.scheduledStart < planned.job.scheduledEnd
                    && planned.job.scheduledStart < m_jobs[k].job.scheduledEnd;
            }))
            continue;
        const int start
            = planned.job.scheduledStart.toTimeZone(m_zone).time().msecsSinceStartOfDay() / 60000;
        JobAvailability availability;
        availability.windows.append(
            start < 13 * 60 ? AvailabilityWindow {{1, 2, 3, 4, 5}, QTime(13, 30), QTime(17, 30)}
                            : AvailabilityWindow {{1, 2, 3, 4, 5}, QTime(8, 0), QTime(11, 0)});
        planned.job.availability = compactJson(QJsonDocument(availability.toJson()));
        planned.job.accessNotes = start < 13 * 60
            ? QStringLiteral("Only in after the school run (from 1:30 pm)")
            : QStringLiteral("Only in until 11 am (works afternoons)");
        break;
    }
}

/// Books every job, as the coordinator does before the fitter goes: the ones that will be
/// completed are `scheduled` for now.
Status DemoStories::writeJobs()
{
    if (Status begun = m_repository.begin(); !begun)
        return begun;
    for (const PlannedJob &planned : m_jobs) {
        DemoJob job = planned.job;
        if (job.status == u"completed") {
            job.status = QStringLiteral("scheduled");
            job.completedAt = {};
            job.signedOffBy.clear();
        }
        Status added = m_repository.addJob(job);
        for (DemoJobItem item : planned.items) {
            item.fitted = false;
            item.serial.clear();
            if (added)
                added = m_repository.addJobItem(item);
        }
        if (!added) {
            m_repository.rollback();
            return added;
        }
    }
    return m_repository.commit();
}

Status DemoStories::completeJobs()
{
    if (Status begun = m_repository.begin(); !begun)
        return begun;
    for (const PlannedJob &planned : m_jobs) {
        if (planned.job.status != u"completed")
            continue;
        if (Status completed = m_repository.completeJob(planned.job, planned.items); !completed) {
            m_repository.rollback();
            return completed;
        }
    }
    return m_repository.commit();
}

/// Moves each household with a booked job on: to `scheduled` (by the coordinator), or, once
/// the jobs are \a completed, to `installed` (by the fitter) and `followed_up` (by an
/// officer).
Status DemoStories::moveStatuses(bool completed)
{
    if (Status begun = m_repository.begin(); !begun)
        return begun;
    Status moved = moveStatusSteps(completed);
    if (!moved) {
        m_repository.rollback();
        return moved;
    }
    return m_repository.commit();
}

/// The funnel's steps that booking (\a completed false: to `scheduled`) or completing the
/// jobs (to `installed`, and then `followed_up`) takes the households through, each in the
/// name of who takes it, in one transaction.
Status DemoStories::moveStatusSteps(bool completed)
{
    using S = HouseholdStatus;
    for (const PlannedJob &planned : m_jobs) {
        const DemoHome &home = *planned.home;
        if (planned.job.status == u"no_access" || planned.job.status == u"unscheduled")
            continue;
        if (!completed) {
            if (Status moved = m_repository.moveStatus(home.id, S::Accepted, S::Scheduled,
                                                       QString::fromLatin1(kDemoCoordinator));
                !moved)
                return refused(home, moved.errorString());
            continue;
        }
        if (planned.job.status != u"completed")
            continue;
        if (Status moved = m_repository.moveStatus(home.id, S::Scheduled, S::Installed,
                                                   m_fitters[size_t(planned.fitter)].login);
            !moved)
            return refused(home, moved.errorString());
        if (home.status == S::FollowedUp) {
            if (Status moved
                = m_repository.moveStatus(home.id, S::Installed, S::FollowedUp, officer(home.area));
                !moved)
                return refused(home, moved.errorString());
        }
    }
    return {};
}

/// The stock ledger and the times of the stories, in one transaction.
Status DemoStories::writeStockAndTimes()
{
    if (Status begun = m_repository.begin(); !begun)
        return begun;
    Status written = writeStock();
    for (auto it = m_backdates.cbegin(); written && it != m_backdates.cend(); ++it)
        written = m_repository.backdate(it->which, it->id, it->at);
    if (!written) {
        m_repository.rollback();
        return written;
    }
    return m_repository.commit();
}

/// Two deliveries, the first covering everything fitted so far and the second what is booked
/// plus a margin, so stock never goes below zero; then what each completed job fitted.
Status DemoStories::writeStock()
{
    int fitted[kDemoCatalogueSize] = {};
    int booked[kDemoCatalogueSize] = {};
    QDate firstFitted;
    for (const PlannedJob &planned : m_jobs) {
        const bool completed = planned.job.status == u"completed";
        if (!completed && planned.job.status != u"scheduled")
            continue;
        int *counts = completed ? fitted : booked;
        for (const DemoJobItem &item : planned.items) {
            const int index = demoCatalogueIndex(item.code);
            if (index >= 0)
                counts[index] += item.qty;
        }
        const QDate day = planned.job.scheduledStart.toTimeZone(m_zone).date();
        if (completed && (!firstFitted.isValid() || day < firstFitted))
            firstFitted = day;
    }
    QDate first = firstFitted.isValid() ? firstFitted.addDays(-14) : m_today.addDays(-60);
    QDate second = std::max(m_today.addDays(-10), first.addDays(1));
    for (QDate *day : {&first, &second}) {
        while (day->dayOfWeek() > Qt::Friday)
            *day = day->addDays(-1);
    }
    const int note = m_events.between(1000, 8999);
    const QString coordinator = QString::fromLatin1(kDemoCoordinator);
    const auto delivery = [&](const QString &code, int qty, const QDateTime &when, int number) {
        return m_repository.addStockMovement({m_events.uuid(),
                                              code,
                                              qty,
                                              QStringLiteral("received"),
                                              {},
                                              when,
                                              coordinator,
                                              QStringLiteral("Delivery note DN-%1").arg(number)});
    };
    const auto roundUp = [](int qty) {
        return (qty + 9) / 10 * 10;
    };
    for (int i = 0; i < kDemoCatalogueSize; ++i) {
        const QString code = QString::fromLatin1(kDemoCatalogue[i].code);
        const int initial = roundUp(fitted[i]);
        const int topUp = roundUp(booked[i] + std::max(5, (fitted[i] + booked[i]) / 5));
        if (initial > 0) {
            if (Status received = delivery(code, initial, at(first, 600), note); !received)
                return received;
        }
        if (Status received = delivery(code, topUp, at(second, 630), note + 1); !received)
            return received;
    }
    for (const PlannedJob &planned : m_jobs) {
        if (planned.job.status != u"completed")
            continue;
        for (const DemoJobItem &item : planned.items) {
            if (Status used
                = m_repository.addStockMovement({m_events.uuid(),
                                                 item.code,
                                                 -item.qty,
                                                 QStringLiteral("fitted"),
                                                 planned.job.id,
                                                 planned.job.completedAt,
                                                 m_fitters[size_t(planned.fitter)].login,
                                                 {}});
                !used)
                return used;
        }
    }
    return {};
}

} // namespace saferhomes
