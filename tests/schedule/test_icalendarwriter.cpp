// The iCalendar writer (RFC 5545): escaping of TEXT values, folding at 75 octets without
// splitting UTF-8 characters, CRLF line ends, the Europe/London time zone. The byte counts
// below are worked out by hand from the UTF-8 encodings.

#include "importexport/icalendarwriter.h"

#include <QTimeZone>

#include <gtest/gtest.h>

using namespace saferhomes;

namespace {

QList<QByteArray> physicalLines(const QByteArray &folded)
{
    EXPECT_TRUE(folded.endsWith("\r\n"));
    QList<QByteArray> lines = folded.split('\n');
    lines.removeLast(); // after the last CRLF
    for (QByteArray &line : lines) {
        EXPECT_TRUE(line.endsWith('\r')) << line.constData();
        line.chop(1);
    }
    return lines;
}

QByteArray unfold(const QList<QByteArray> &lines)
{
    QByteArray out = lines.value(0);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        EXPECT_TRUE(lines[i].startsWith(' '));
        out += lines[i].mid(1);
    }
    return out;
}

} // namespace

TEST(ICalendarWriter, EscapesTextSpecials)
{
    EXPECT_EQ(ICalendarWriter::escapeText(QStringLiteral("a,b;c\\d")),
              QStringLiteral("a\\,b\\;c\\\\d"));
    EXPECT_EQ(ICalendarWriter::escapeText(QStringLiteral("one\ntwo\r\nthree\rfour")),
              QStringLiteral("one\\ntwo\\nthree\\nfour"));
    EXPECT_EQ(ICalendarWriter::escapeText(QStringLiteral("plain: text")),
              QStringLiteral("plain: text"));
}

TEST(ICalendarWriter, ShortLinesAreLeftWhole)
{
    EXPECT_EQ(ICalendarWriter::foldLine("SUMMARY:x"), QByteArray("SUMMARY:x\r\n"));
    const QByteArray exactly75(75, 'a');
    EXPECT_EQ(ICalendarWriter::foldLine(exactly75), exactly75 + "\r\n");
}

TEST(ICalendarWriter, FoldsAt75OctetsWithALeadingSpace)
{
    const QByteArray line(200, 'x');
    const QList<QByteArray> lines = physicalLines(ICalendarWriter::foldLine(line));
    // 75, then 1 + 74 each: 75 + 74 + 51 = 200.
    ASSERT_EQ(lines.size(), 3);
    EXPECT_EQ(lines[0].size(), 75);
    EXPECT_EQ(lines[1].size(), 75);
    EXPECT_EQ(lines[2].size(), 1 + 51);
    EXPECT_EQ(unfold(lines), line);
}

TEST(ICalendarWriter, NeverSplitsAMultibyteCharacter)
{
    // 73 ASCII octets, then "é" (2 octets: would end at 75) and "€" (3 octets: would cross).
    const QByteArray prefix(73, 'a');
    const QByteArray line = prefix + QStringLiteral("é€€€").toUtf8();
    const QList<QByteArray> lines = physicalLines(ICalendarWriter::foldLine(line));
    ASSERT_EQ(lines.size(), 2);
    EXPECT_EQ(lines[0], prefix + "\xC3\xA9"); // 75 octets, é whole
    EXPECT_EQ(lines[1], QByteArray(" ") + QStringLiteral("€€€").toUtf8());
    EXPECT_EQ(unfold(lines), line);

    // 74 ASCII octets: "€" does not fit in the one octet left, so the first line is 74.
    const QByteArray longer = QByteArray(74, 'b') + QStringLiteral("€").toUtf8();
    const QList<QByteArray> split = physicalLines(ICalendarWriter::foldLine(longer));
    ASSERT_EQ(split.size(), 2);
    EXPECT_EQ(split[0].size(), 74);
    EXPECT_EQ(split[1], QByteArray(" \xE2\x82\xAC"));

    // A long run of four-octet characters: every line at most 75 octets, each valid UTF-8.
    QString emoji;
    for (int i = 0; i < 60; ++i)
        emoji += QStringLiteral("🔒");
    const QList<QByteArray> many = physicalLines(ICalendarWriter::foldLine(emoji.toUtf8()));
    for (const QByteArray &piece : many) {
        EXPECT_LE(piece.size(), 75);
        const QByteArray body = piece.startsWith(' ') ? piece.mid(1) : piece;
        EXPECT_EQ(QString::fromUtf8(body).toUtf8(), body);
        EXPECT_EQ(body.size() % 4, 0);
    }
    EXPECT_EQ(unfold(many), emoji.toUtf8());
}

TEST(ICalendarWriter, WritesEventsInLondonTimeWithCrlf)
{
    const QTimeZone london("Europe/London");
    CalendarEvent winter;
    winter.uid = QStringLiteral("job-1@saferhomes");
    winter.sequence = 2;
    winter.start = QDateTime(QDate(2026, 12, 7), QTime(9, 30), london);
    winter.end = QDateTime(QDate(2026, 12, 7), QTime(10, 15), london);
    winter.summary = QStringLiteral("Installation: 1 High St, Melton; back door");
    winter.status = CalendarEvent::Status::Cancelled;
    CalendarEvent summer = winter;
    summer.uid = QStringLiteral("job-2@saferhomes");
    summer.start = QDateTime(QDate(2026, 7, 1), QTime(8, 0), QTimeZone::utc()); // 09:00 BST
    summer.end = summer.start.addSecs(3600);
    summer.status = CalendarEvent::Status::Confirmed;
    const QByteArray out = ICalendarWriter::write(
        {winter, summer}, QDateTime(QDate(2026, 12, 6), QTime(20, 0), QTimeZone::utc()));

    EXPECT_EQ(out.count("\r\n"), out.count('\n'));
    EXPECT_TRUE(out.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    EXPECT_TRUE(out.endsWith("END:VCALENDAR\r\n"));
    EXPECT_TRUE(out.contains("TZID:Europe/London\r\n"));
    EXPECT_TRUE(out.contains("UID:job-1@saferhomes\r\nDTSTAMP:20261206T200000Z\r\nSEQUENCE:2\r\n"
                             "DTSTART;TZID=Europe/London:20261207T093000\r\n"
                             "DTEND;TZID=Europe/London:20261207T101500\r\n"
                             "SUMMARY:Installation: 1 High St\\, Melton\\; back door\r\n"
                             "STATUS:CANCELLED\r\n"));
    EXPECT_TRUE(out.contains("DTSTART;TZID=Europe/London:20260701T090000\r\n"));
    EXPECT_EQ(out.count("BEGIN:VEVENT"), 2);
}
