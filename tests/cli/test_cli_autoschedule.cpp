// DESIGN.md §4: `schedule auto --from YYYY-MM-DD --days N [--time-limit S] [--replan]` places
// open jobs on fitters' shifts and prints {"scheduled", "unscheduled": [{"job", "reason"}],
// "travel_minutes", "moved"}; jobs already scheduled stay unless --replan. `schedule ical
// --fitter ID --date YYYY-MM-DD --out FILE` writes the fitter's day as RFC 5545, read back
// here by an independent parser (Debian's python3-icalendar).

#include "clitestsupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

namespace {

QString uuid(int n)
{
    return u"00000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QLatin1Char('0'));
}

QDateTime london(int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 12, 7), QTime(hour, minute), QTimeZone("Europe/London"));
}

class CliAutoSchedule : public CliTest {
protected:
    void SetUp() override
    {
        CliTest::SetUp();
        ASSERT_EQ(cli({u"init"_s}).exitCode, 0);
        for (const auto &[name, skills] :
             {std::pair {u"Ann"_s, u"locks"_s}, std::pair {u"Bob"_s, u"locks;alarms"_s}}) {
            const CliResult added
                = cli({u"fitters"_s, u"add"_s, u"--name"_s, name, u"--skills"_s, skills,
                       u"--shift"_s, u"08:00-16:30"_s, u"--start"_s, u"52.766,-0.886"_s});
            ASSERT_EQ(added.exitCode, 0) << added;
        }
        const CliResult listed = cli({u"fitters"_s, u"list"_s});
        for (const QJsonValue &f : listed.json().value(u"fitters"_s).toArray()) {
            const QJsonObject fitter = f.toObject();
            m_fitters.insert(fitter.value(u"name"_s).toString(), fitter.value(u"id"_s).toString());
        }
        ASSERT_EQ(m_fitters.size(), 2);
        sql(u"INSERT INTO area (id, name, created_at) VALUES ('a1', 'Melton', 'x')"_s);
        sql(u"INSERT OR REPLACE INTO equipment_type (code, name, unit_cost_pence, fit_minutes, "
            "skill) VALUES ('TLOCK', 'Lock', 100, 30, 'locks'), "
            "('TALARM', 'Alarm', 100, 60, 'alarms')"_s);
    }

    void sql(const QString &statement) { ASSERT_TRUE(query(dbPath(), statement, true)); }

    /// Household and job n: status, item, minutes, availability JSON, booking (fitter name,
    /// UTC start and end), pinned.
    void addJob(int n, const QString &status, const QString &code, int minutes,
                const QString &availability = u"{}"_s, const QString &fitter = {},
                const QString &start = {}, const QString &end = {}, bool pinned = false,
                const QString &accessNotes = {})
    {
        sql(u"INSERT INTO household (id, address_line1, postcode, area_id, status, latitude, "
            "longitude, created_at, updated_at) VALUES ('%1', '%2 Sherrard Street, Melton', "
            "'LE13 1XJ', 'a1', 'accepted', %3, %4, 'x', 'x')"_s.arg(uuid(n + 1000))
                .arg(n)
                .arg(52.766 + 0.003 * n)
                .arg(-0.886 - 0.002 * n));
        const auto quoted = [](const QString &value) {
            return value.isEmpty() ? u"NULL"_s : u"'"_s + value + u"'"_s;
        };
        sql(u"INSERT INTO job (id, household_id, status, created_at, duration_minutes, "
            "availability, fitter_id, scheduled_start, scheduled_end, pinned, access_notes) "
            "VALUES ('%1', '%2', '%3', 'x', %4, '%5', %6, %7, %8, %9, '%10')"_s
                .arg(uuid(n), uuid(n + 1000), status)
                .arg(minutes)
                .arg(availability, quoted(m_fitters.value(fitter)), quoted(start), quoted(end))
                .arg(pinned ? 1 : 0)
                .arg(accessNotes));
        sql(u"INSERT INTO job_item (id, job_id, equipment_code, qty) VALUES ('%1', '%2', '%3', 1)"_s
                .arg(uuid(n + 2000), uuid(n), code));
    }

    QJsonObject jobOf(int n)
    {
        const CliResult listed = cli({u"jobs"_s, u"list"_s});
        for (const QJsonValue &job : listed.json().value(u"jobs"_s).toArray()) {
            if (job.toObject().value(u"id"_s).toString() == uuid(n))
                return job.toObject();
        }
        ADD_FAILURE() << "no job " << n;
        return {};
    }

    static QDateTime timeOf(const QJsonObject &job, const QString &key)
    {
        return QDateTime::fromString(job.value(key).toString(), Qt::ISODate);
    }

    QVariant scalar(const QString &statement)
    {
        const auto rows = query(dbPath(), statement);
        return rows && !rows->isEmpty() ? rows->constFirst().value(0) : QVariant();
    }

    QHash<QString, QString> m_fitters;
};

/// The events of \a path as python3-icalendar reads them.
QJsonArray parseWithIcalendar(const QString &path)
{
    const QString script = uR"(
import icalendar, json, sys
calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
zones = [str(z['TZID']) for z in calendar.walk('VTIMEZONE')]
events = []
for e in calendar.walk('VEVENT'):
    start = e.decoded('DTSTART')
    events.append({'uid': str(e['UID']), 'sequence': int(e['SEQUENCE']),
                   'status': str(e['STATUS']), 'start': start.isoformat(),
                   'tzid': e['DTSTART'].params.get('TZID'), 'summary': str(e['SUMMARY']),
                   'description': str(e.get('DESCRIPTION', '')), 'zones': zones})
print(json.dumps(events))
)"_s;
    QProcess python;
    python.start(u"/usr/bin/python3"_s, {u"-c"_s, script, path});
    EXPECT_TRUE(python.waitForFinished(30000));
    EXPECT_EQ(python.exitCode(), 0) << python.readAllStandardError().constData();
    return QJsonDocument::fromJson(python.readAllStandardOutput()).array();
}

QJsonObject eventOf(const QJsonArray &events, int job)
{
    for (const QJsonValue &event : events) {
        if (event.toObject().value(u"uid"_s).toString() == uuid(job) + u"@saferhomes"_s)
            return event.toObject();
    }
    ADD_FAILURE() << "no event for job " << job;
    return {};
}

} // namespace

TEST_F(CliAutoSchedule, PlacesOpenJobsKeepsBookingsAndSaysWhyNot)
{
    addJob(1, u"unscheduled"_s, u"TLOCK"_s, 45);
    addJob(2, u"unscheduled"_s, u"TALARM"_s, 75,
           uR"({"windows": [{"weekdays": [1], "from": "13:00", "to": "15:00"}]})"_s);
    addJob(3, u"unscheduled"_s, u"TLOCK"_s, 30, uR"({"avoid_weekdays": [1, 2, 3, 4, 5]})"_s);
    addJob(4, u"scheduled"_s, u"TLOCK"_s, 60, u"{}"_s, u"Ann"_s, u"2026-12-07T09:00:00.000Z"_s,
           u"2026-12-07T10:00:00.000Z"_s);
    const QVariant outboxBefore = scalar(u"SELECT count(*) FROM outbox"_s);

    const CliResult result = cli({u"schedule"_s, u"auto"_s, u"--from"_s, u"2026-12-07"_s,
                                  u"--days"_s, u"1"_s, u"--time-limit"_s, u"1"_s});
    ASSERT_EQ(result.exitCode, 0) << result;
    const QJsonObject json = result.json();
    EXPECT_EQ(json.keys(),
              QStringList({u"moved"_s, u"scheduled"_s, u"travel_minutes"_s, u"unscheduled"_s}));
    EXPECT_EQ(json.value(u"scheduled"_s).toInt(), 2) << result;
    EXPECT_EQ(json.value(u"moved"_s).toInt(), 0) << result;
    EXPECT_GT(json.value(u"travel_minutes"_s).toDouble(), 0.0) << result;
    EXPECT_EQ(json.value(u"unscheduled"_s).toArray(),
              QJsonArray({QJsonObject {{u"job"_s, uuid(3)}, {u"reason"_s, u"window"_s}}}));

    const QJsonObject alarm = jobOf(2);
    EXPECT_EQ(alarm.value(u"fitter_id"_s).toString(), m_fitters.value(u"Bob"_s));
    EXPECT_EQ(alarm.value(u"status"_s).toString(), u"scheduled"_s);
    EXPECT_GE(timeOf(alarm, u"start"_s), london(13));
    EXPECT_LE(timeOf(alarm, u"start"_s), london(15));
    EXPECT_EQ(timeOf(alarm, u"start"_s).secsTo(timeOf(alarm, u"end"_s)), 75 * 60);
    const QJsonObject kept = jobOf(4);
    EXPECT_EQ(timeOf(kept, u"start"_s), london(9));
    EXPECT_EQ(kept.value(u"fitter_id"_s).toString(), m_fitters.value(u"Ann"_s));
    const QJsonObject lock = jobOf(1);
    EXPECT_EQ(lock.value(u"status"_s).toString(), u"scheduled"_s);
    EXPECT_GE(timeOf(lock, u"start"_s), london(8));
    EXPECT_LE(timeOf(lock, u"end"_s), london(16, 30));
    if (lock.value(u"fitter_id"_s) == kept.value(u"fitter_id"_s)) {
        EXPECT_TRUE(timeOf(lock, u"end"_s) <= london(9) || timeOf(lock, u"start"_s) >= london(10))
            << "over the booking kept at 09:00";
    }
    EXPECT_EQ(jobOf(3).value(u"status"_s).toString(), u"unscheduled"_s);
    EXPECT_EQ(scalar(u"SELECT status FROM household WHERE id = '%1'"_s.arg(uuid(1002))).toString(),
              u"scheduled"_s);
    EXPECT_GE(scalar(u"SELECT count(*) FROM outbox"_s).toInt(), outboxBefore.toInt() + 2);
    EXPECT_EQ(scalar(u"SELECT count(*) FROM audit_event WHERE entity = 'job' AND "
                     "field = 'booking'"_s)
                  .toInt(),
              2);
}

TEST_F(CliAutoSchedule, ReplanMovesBookedJobsButNotPinnedOnes)
{
    // Booked at 08:30 though the householder is in from 11:00 to 12:00 only.
    addJob(5, u"scheduled"_s, u"TLOCK"_s, 60,
           uR"({"windows": [{"weekdays": [], "from": "11:00", "to": "12:00"}]})"_s, u"Ann"_s,
           u"2026-12-07T08:30:00.000Z"_s, u"2026-12-07T09:30:00.000Z"_s);
    addJob(6, u"scheduled"_s, u"TLOCK"_s, 60, u"{}"_s, u"Ann"_s, u"2026-12-07T14:00:00.000Z"_s,
           u"2026-12-07T15:00:00.000Z"_s, true);
    const QStringList run {u"schedule"_s, u"auto"_s, u"--from"_s,       u"2026-12-07"_s,
                           u"--days"_s,   u"1"_s,    u"--time-limit"_s, u"1"_s};

    const CliResult kept = cli(run);
    ASSERT_EQ(kept.exitCode, 0) << kept;
    EXPECT_EQ(kept.json().value(u"moved"_s).toInt(), 0);
    EXPECT_EQ(timeOf(jobOf(5), u"start"_s), london(8, 30));

    const CliResult moved = cli(run + QStringList {u"--replan"_s});
    ASSERT_EQ(moved.exitCode, 0) << moved;
    EXPECT_EQ(moved.json().value(u"moved"_s).toInt(), 1) << moved;
    EXPECT_EQ(moved.json().value(u"scheduled"_s).toInt(), 0) << moved;
    EXPECT_GE(timeOf(jobOf(5), u"start"_s), london(11));
    EXPECT_LE(timeOf(jobOf(5), u"start"_s), london(12));
    EXPECT_EQ(timeOf(jobOf(6), u"start"_s), london(14));

    // The reschedule raised the event's SEQUENCE; the pinned job's is as it was.
    const QString ics = path(u"ann.ics"_s);
    const CliResult exported
        = cli({u"schedule"_s, u"ical"_s, u"--fitter"_s, m_fitters.value(u"Ann"_s), u"--date"_s,
               u"2026-12-07"_s, u"--out"_s, ics});
    ASSERT_EQ(exported.exitCode, 0) << exported;
    const QJsonArray events = parseWithIcalendar(ics);
    ASSERT_EQ(events.size(), 2);
    EXPECT_EQ(eventOf(events, 5).value(u"sequence"_s).toInt(), 1);
    EXPECT_EQ(eventOf(events, 6).value(u"sequence"_s).toInt(), 0);
}

TEST_F(CliAutoSchedule, IcalIsTheFittersDayAsRfc5545)
{
    // Access notes long enough to fold, with characters of two and three octets, and
    // every character TEXT must escape.
    const QString notes = u"Key safe by the côté door; code 1234, ask for Zoë\\Åsa. "
                          "Dog friendly — knock twice. €5 parking at the back, gate on left"_s;
    addJob(7, u"scheduled"_s, u"TALARM"_s, 75, u"{}"_s, u"Bob"_s, u"2026-12-07T13:00:00.000Z"_s,
           u"2026-12-07T14:15:00.000Z"_s, false, notes);
    addJob(8, u"cancelled"_s, u"TLOCK"_s, 30, u"{}"_s, u"Bob"_s, u"2026-12-07T15:00:00.000Z"_s,
           u"2026-12-07T15:30:00.000Z"_s);
    addJob(9, u"scheduled"_s, u"TLOCK"_s, 30, u"{}"_s, u"Ann"_s, u"2026-12-07T10:00:00.000Z"_s,
           u"2026-12-07T10:30:00.000Z"_s); // another fitter's
    addJob(10, u"scheduled"_s, u"TLOCK"_s, 30, u"{}"_s, u"Bob"_s, u"2026-12-08T10:00:00.000Z"_s,
           u"2026-12-08T10:30:00.000Z"_s); // another day

    const QString ics = path(u"bob.ics"_s);
    const QStringList args {
        u"schedule"_s, u"ical"_s,       u"--fitter"_s, m_fitters.value(u"Bob"_s),
        u"--date"_s,   u"2026-12-07"_s, u"--out"_s,    ics};
    const CliResult result = cli(args);
    ASSERT_EQ(result.exitCode, 0) << result;

    const QByteArray bytes = readFile(ics);
    EXPECT_EQ(bytes.count("\r\n"), bytes.count('\n'));
    EXPECT_TRUE(bytes.endsWith("\r\n"));
    for (const QByteArray &line : bytes.split('\n'))
        EXPECT_LE(line.size(), 76) << line.constData(); // 75 octets and the CR
    EXPECT_TRUE(bytes.contains("\r\n ")); // the notes were folded

    const QJsonArray events = parseWithIcalendar(ics);
    ASSERT_EQ(events.size(), 2);
    const QJsonObject booked = eventOf(events, 7);
    EXPECT_EQ(booked.value(u"status"_s).toString(), u"CONFIRMED"_s);
    EXPECT_EQ(booked.value(u"tzid"_s).toString(), u"Europe/London"_s);
    EXPECT_EQ(booked.value(u"zones"_s).toArray(), QJsonArray({u"Europe/London"_s}));
    EXPECT_EQ(QDateTime::fromString(booked.value(u"start"_s).toString(), Qt::ISODate), london(13));
    EXPECT_TRUE(booked.value(u"description"_s).toString().contains(notes))
        << qPrintable(booked.value(u"description"_s).toString());
    EXPECT_TRUE(booked.value(u"summary"_s).toString().contains(u"7 Sherrard Street, Melton"_s));
    const QJsonObject cancelled = eventOf(events, 8);
    EXPECT_EQ(cancelled.value(u"status"_s).toString(), u"CANCELLED"_s);
    EXPECT_GE(cancelled.value(u"sequence"_s).toInt(), 1);

    // Exported again: the same UIDs, so calendars update rather than duplicate.
    ASSERT_EQ(cli(args).exitCode, 0);
    const QJsonArray again = parseWithIcalendar(ics);
    EXPECT_EQ(eventOf(again, 7).value(u"sequence"_s), booked.value(u"sequence"_s));
    EXPECT_EQ(eventOf(again, 8).value(u"uid"_s), cancelled.value(u"uid"_s));
}

TEST_F(CliAutoSchedule, BadOptionsAreUsageErrors)
{
    const QList<QStringList> runs {
        {u"schedule"_s, u"auto"_s, u"--days"_s, u"1"_s},
        {u"schedule"_s, u"auto"_s, u"--from"_s, u"2026-13-01"_s, u"--days"_s, u"1"_s},
        {u"schedule"_s, u"auto"_s, u"--from"_s, u"2026-12-07"_s, u"--days"_s, u"0"_s},
        {u"schedule"_s, u"auto"_s, u"--from"_s, u"2026-12-07"_s, u"--days"_s, u"1"_s,
         u"--time-limit"_s, u"-1"_s},
        {u"schedule"_s, u"ical"_s, u"--fitter"_s, m_fitters.value(u"Ann"_s), u"--date"_s,
         u"2026-12-07"_s},
        {u"schedule"_s, u"ical"_s, u"--fitter"_s, uuid(77), u"--date"_s, u"2026-12-07"_s,
         u"--out"_s, path(u"x.ics"_s)},
        {u"schedule"_s, u"ical"_s, u"--fitter"_s, m_fitters.value(u"Ann"_s), u"--date"_s,
         u"2026-12-07"_s, u"--out"_s, path(u"no/such/folder/x.ics"_s)},
    };
    for (const QStringList &run : runs) {
        const CliResult result = cli(run);
        EXPECT_EQ(result.exitCode, 2) << result;
        EXPECT_TRUE(result.json().contains(u"error"_s)) << result;
    }
    EXPECT_FALSE(QFile::exists(path(u"x.ics"_s)));
}
