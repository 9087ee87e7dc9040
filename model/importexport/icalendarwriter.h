#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace saferhomes {

/// One event of a calendar: a job on a fitter's day.
struct CalendarEvent {
    enum class Status { Confirmed, Tentative, Cancelled };
    QString uid; ///< stable for the job across exports, so calendars update the event
    int sequence = 0; ///< raised on every reschedule
    QDateTime start;
    QDateTime end;
    QString summary;
    QString location;
    QString description;
    Status status = Status::Confirmed;
};

/// Writes iCalendar (RFC 5545): a VCALENDAR with the Europe/London VTIMEZONE and one VEVENT
/// per event, times local to Europe/London, text escaped, lines folded at 75 octets without
/// splitting a UTF-8 character, CRLF line ends. Pure: the caller passes the time stamp.
class ICalendarWriter {
public:
    static QByteArray write(const QList<CalendarEvent> &events, const QDateTime &stamp);

    /// TEXT value escaping: backslash, semicolon, comma, and newlines as \n.
    static QString escapeText(const QString &text);
    /// One content line (UTF-8, no line end) folded into lines of at most 75 octets, each
    /// continuation starting with a space, every line ended by CRLF.
    static QByteArray foldLine(const QByteArray &line);
};

} // namespace saferhomes
