#pragma once

// What the files of BoardView share: the board's geometry, the snap step and the time zone the
// board shows times in.

#include <QDateTime>
#include <QTime>
#include <QTimeZone>

#include <algorithm>

namespace saferhomes::board {

inline constexpr int kHeader = 40;
inline constexpr int kNames = 170;
inline constexpr int kWeekLine = 22;
inline constexpr int kDayRow = 56;
inline constexpr int kDayFrom = 7 * 60; ///< the day view starts at 07:00...
inline constexpr int kDayTo = 19 * 60; ///< ...and ends at 19:00
inline constexpr int kStep = 15; ///< minutes a keyboard move or a drop snaps to
inline constexpr int kEdge = 6; ///< pixels of a job's right edge that resize it

inline const QTimeZone &london()
{
    static const QTimeZone zone("Europe/London");
    return zone;
}

inline QDateTime local(const QDateTime &time)
{
    return time.toTimeZone(london());
}

inline int minuteOfDay(const QTime &time)
{
    return time.hour() * 60 + time.minute();
}

/// \a minutes of the day rounded to the nearest step, kept within the day.
inline QTime snapped(int minutes)
{
    const int clamped = std::clamp(minutes, 0, 24 * 60 - kStep);
    const int rounded = (clamped + kStep / 2) / kStep * kStep;
    return QTime(0, 0).addSecs(std::min(rounded, 24 * 60 - kStep) * 60);
}

} // namespace saferhomes::board
