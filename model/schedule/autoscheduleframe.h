#pragma once

// The time of an auto-scheduling run, in the unit the route optimiser works in (minutes).

#include "domain/job.h"

#include <QDate>
#include <QDateTime>
#include <QTime>
#include <QTimeZone>

#include <cmath>

namespace saferhomes::autoschedule {

inline const QTimeZone &london()
{
    static const QTimeZone zone("Europe/London");
    return zone;
}

/// Minutes from local midnight of the first day of the horizon: the problem's time unit.
/// Built from local times, so a day that changes the clocks has its 23 or 25 hours.
class Frame {
public:
    Frame(const QDate &from, int days)
        : m_origin(from, QTime(0, 0), london())
        , m_end(from.addDays(days), QTime(0, 0), london())
        , m_from(from)
        , m_days(days)
    { }
    double minutes(const QDateTime &at) const { return double(m_origin.secsTo(at)) / 60.0; }
    double minutes(const QDate &day, const QTime &time) const
    {
        return minutes(QDateTime(day, time, london()));
    }
    QDateTime at(double minutes) const
    {
        return m_origin.addSecs(qint64(std::llround(minutes * 60.0))).toTimeZone(london());
    }
    bool contains(const QDateTime &at) const
    {
        return at.isValid() && at >= m_origin && at < m_end;
    }
    int dayIndex(const QDateTime &at) const
    {
        return int(m_from.daysTo(at.toTimeZone(london()).date()));
    }
    QDate day(int index) const { return m_from.addDays(index); }
    int days() const { return m_days; }

private:
    QDateTime m_origin;
    QDateTime m_end;
    QDate m_from;
    int m_days;
};

/// Whether \a job is booked on a fitter at a time within \a frame.
inline bool isBookedIn(const Job &job, const Frame &frame)
{
    return JobStatusNames::isBooked(job.status) && !job.fitterId.isNull()
        && frame.contains(job.start) && job.end.isValid();
}

} // namespace saferhomes::autoschedule
