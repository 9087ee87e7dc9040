#include "icalendarwriter.h"

#include "domain/schemetime.h"

namespace saferhomes {

namespace {

constexpr qsizetype kLineOctets = 75;

const char kLondonTimeZone[] = "BEGIN:VTIMEZONE\r\n"
                               "TZID:Europe/London\r\n"
                               "BEGIN:DAYLIGHT\r\n"
                               "TZOFFSETFROM:+0000\r\n"
                               "TZOFFSETTO:+0100\r\n"
                               "TZNAME:BST\r\n"
                               "DTSTART:19700329T010000\r\n"
                               "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
                               "END:DAYLIGHT\r\n"
                               "BEGIN:STANDARD\r\n"
                               "TZOFFSETFROM:+0100\r\n"
                               "TZOFFSETTO:+0000\r\n"
                               "TZNAME:GMT\r\n"
                               "DTSTART:19701025T020000\r\n"
                               "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
                               "END:STANDARD\r\n"
                               "END:VTIMEZONE\r\n";

QByteArray localTime(const QDateTime &at)
{
    return at.toTimeZone(london()).toString(QStringLiteral("yyyyMMdd'T'HHmmss")).toLatin1();
}

QByteArray utcTime(const QDateTime &at)
{
    return at.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray statusName(CalendarEvent::Status status)
{
    switch (status) {
    case CalendarEvent::Status::Confirmed: return "CONFIRMED";
    case CalendarEvent::Status::Tentative: return "TENTATIVE";
    case CalendarEvent::Status::Cancelled: return "CANCELLED";
    }
    return "CONFIRMED";
}

} // namespace

QString ICalendarWriter::escapeText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' || c == u';' || c == u',') {
            out += u'\\';
            out += c;
        } else if (c == u'\r') {
            out += QLatin1String("\\n");
            if (i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
        } else if (c == u'\n') {
            out += QLatin1String("\\n");
        } else {
            out += c;
        }
    }
    return out;
}

QByteArray ICalendarWriter::foldLine(const QByteArray &line)
{
    QByteArray out;
    qsizetype at = 0;
    bool first = true;
    do {
        // A continuation line's leading space counts towards its 75 octets.
        const qsizetype room = first ? kLineOctets : kLineOctets - 1;
        qsizetype end = std::min(at + room, line.size());
        // Never split a UTF-8 sequence: back up to the first byte of the character.
        while (end < line.size() && end > at + 1 && (uchar(line.at(end)) & 0xC0) == 0x80)
            --end;
        if (!first)
            out += ' ';
        out += line.mid(at, end - at);
        out += "\r\n";
        at = end;
        first = false;
    } while (at < line.size());
    return out;
}

QByteArray ICalendarWriter::write(const QList<CalendarEvent> &events, const QDateTime &stamp)
{
    QByteArray out;
    const auto add = [&out](const QByteArray &line) {
        out += foldLine(line);
    };
    const auto text = [](const QString &value) {
        return escapeText(value).toUtf8();
    };
    add("BEGIN:VCALENDAR");
    add("VERSION:2.0");
    add("PRODID:-//SaferHomes//Fitter's day//EN");
    add("CALSCALE:GREGORIAN");
    add("METHOD:PUBLISH");
    out += kLondonTimeZone;
    for (const CalendarEvent &event : events) {
        add("BEGIN:VEVENT");
        add("UID:" + text(event.uid));
        add("DTSTAMP:" + utcTime(stamp));
        add("SEQUENCE:" + QByteArray::number(event.sequence));
        add("DTSTART;TZID=Europe/London:" + localTime(event.start));
        add("DTEND;TZID=Europe/London:" + localTime(event.end));
        add("SUMMARY:" + text(event.summary));
        if (!event.location.isEmpty())
            add("LOCATION:" + text(event.location));
        if (!event.description.isEmpty())
            add("DESCRIPTION:" + text(event.description));
        add("STATUS:" + statusName(event.status));
        add("END:VEVENT");
    }
    add("END:VCALENDAR");
    return out;
}

} // namespace saferhomes
