#pragma once

// Jobs and fitters in memory for the auto-scheduler's tests and benchmark, and an independent
// check of what a plan books (shift, window, overlap, skills), written from DESIGN §8 rather
// than from the adaptor.

#include "domain/fitter.h"
#include "domain/job.h"
#include "schedule/autoscheduler.h"

#include <QTimeZone>

#include <cmath>
#include <ostream>

/// Readable GoogleTest output for lists of problems.
inline void PrintTo(const QStringList &list, std::ostream *stream)
{
    *stream << '[' << qPrintable(list.join(QStringLiteral("; "))) << ']';
}

namespace saferhomes::autoscheduletest {

inline QUuid id(int n)
{
    return QUuid(QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0')));
}

inline QDateTime local(const QDate &day, int hour, int minute = 0)
{
    return QDateTime(day, QTime(hour, minute), QTimeZone("Europe/London"));
}

/// Melton Mowbray, where the test's fitters start; jobs are a few kilometres around it.
constexpr double kLatitude = 52.766;
constexpr double kLongitude = -0.886;

inline Fitter fitter(int n, const QStringList &skills, double dLat = 0, double dLon = 0)
{
    Fitter f;
    f.id = id(n);
    f.name = QStringLiteral("Fitter %1").arg(n);
    f.skills = skills;
    f.latitude = kLatitude + dLat;
    f.longitude = kLongitude + dLon;
    f.usualShift = {QTime(8, 0), QTime(16, 30)};
    return f;
}

/// An unscheduled job at an offset (degrees) from Melton with items of these codes.
inline Job job(int n, double dLat, double dLon, int minutes, const QStringList &codes = {})
{
    Job j;
    j.id = id(n);
    j.householdId = id(n + 10000);
    j.status = JobStatus::Unscheduled;
    j.durationMinutes = minutes;
    j.latitude = kLatitude + dLat;
    j.longitude = kLongitude + dLon;
    j.address = QStringLiteral("%1 High Street").arg(n);
    for (const QString &code : codes)
        j.items.append({id(n + 20000), code, 1, 0, {}});
    return j;
}

inline Job booked(Job j, const Fitter &f, const QDateTime &start, bool pinned = false)
{
    j.status = JobStatus::Scheduled;
    j.fitterId = f.id;
    j.start = start;
    j.end = start.addSecs(60LL * j.durationMinutes);
    j.pin = pinned ? PinKind::Time : PinKind::None;
    return j;
}

/// As booked(), with a pin to the fitter, the day or the exact time.
inline Job booked(Job j, const Fitter &f, const QDateTime &start, PinKind pin)
{
    j = booked(std::move(j), f, start);
    j.pin = pin;
    return j;
}

inline QHash<QString, QString> itemSkills()
{
    return {{QStringLiteral("LOCK"), QStringLiteral("locks")},
            {QStringLiteral("ALARM"), QStringLiteral("alarms")},
            {QStringLiteral("LIGHT"), QStringLiteral("electrical")}};
}

inline const Job *find(const QList<Job> &jobs, const QUuid &jobId)
{
    for (const Job &j : jobs) {
        if (j.id == jobId)
            return &j;
    }
    return nullptr;
}

/// What is wrong with the bookings of \a jobs by the rules as DESIGN §8 states them (no
/// travel): each booked job inside its fitter's shift of its day, starting in one of the
/// householder's windows, done by a fitter with every skill its items need, and no two jobs
/// of a fitter overlapping. Empty when nothing is.
inline QStringList bookingProblems(const QList<Job> &jobs, const QList<Fitter> &fitters,
                                   const QHash<QString, QString> &skills)
{
    QStringList problems;
    const QTimeZone london("Europe/London");
    for (const Job &j : jobs) {
        if (j.status != JobStatus::Scheduled && j.status != JobStatus::Tentative)
            continue;
        const QString name = j.id.toString(QUuid::WithoutBraces);
        const Fitter *f = nullptr;
        for (const Fitter &candidate : fitters) {
            if (candidate.id == j.fitterId)
                f = &candidate;
        }
        if (!f) {
            problems.append(name + QStringLiteral(": unknown fitter"));
            continue;
        }
        const QDateTime start = j.start.toTimeZone(london);
        const QDateTime end = j.end.toTimeZone(london);
        const std::optional<Shift> shift = f->shiftOn(start.date());
        if (!shift || start.date() != end.date() || start.time() < shift->start
            || end.time() > shift->end)
            problems.append(name + QStringLiteral(": outside the shift"));
        if (!j.availability.isEmpty() && !j.availability.allows(start))
            problems.append(name + QStringLiteral(": window missed"));
        for (const JobItem &item : j.items) {
            if (!f->skills.contains(skills.value(item.code)))
                problems.append(name + QStringLiteral(": missing skill"));
        }
        for (const Job &other : jobs) {
            if (other.id != j.id && other.fitterId == j.fitterId
                && (other.status == JobStatus::Scheduled || other.status == JobStatus::Tentative)
                && other.start < j.end && j.start < other.end)
                problems.append(name + QStringLiteral(": double booked"));
        }
    }
    return problems;
}

} // namespace saferhomes::autoscheduletest
