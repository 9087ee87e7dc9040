#pragma once

// The schedule board's tests share one small world: two fitters and three households whose
// agreed packages are unscheduled jobs, on a SQLite file of their own (UiTest).

#include "schedule/boardpage.h"
#include "schedule/boardview.h"
#include "store/auditlog.h"
#include "store/fitterrepository.h"
#include "store/jobrepository.h"
#include "uitest.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <memory>

namespace saferhomes::test {

inline QString uuid(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

// A January week (London time is UTC then, so stored times read as local ones).
inline const QDate kMonday(2027, 1, 11);

/// Two fitters (Alice: locks and alarms; Bob: locks only, both 08:00–16:30) and three
/// households with agreed packages, each made into an unscheduled job: 1 High St (2 LOCK:
/// 15 + 2 x 30 = 75 min), 2 High St (the same), 3 High St (1 ALARM: 15 + 60 = 75 min).
class ScheduleTest : public UiTest {
protected:
    /// Whether both fitters start from Melton, where the households are (the optimiser then
    /// has travel to plan); the board's own tests leave them without a start.
    bool m_fittersInMelton = false;

    void SetUp() override
    {
        UiTest::SetUp();
        if (HasFatalFailure())
            return;
        run(QStringLiteral("INSERT INTO area (id, name, created_at) VALUES ('%1', 'Melton', 'x')")
                .arg(uuid(900)));
        run(QStringLiteral(
            "INSERT INTO equipment_type (code, name, unit_cost_pence, fit_minutes, skill) "
            "VALUES ('LOCK', 'Lock', 100, 30, 'locks'), ('ALARM', 'Alarm', 100, 60, 'alarms')"));
        addPackage(1, "LOCK", 2);
        addPackage(2, "LOCK", 2);
        addPackage(3, "ALARM", 1);
        JobRepository jobs(m_database, QStringLiteral("tester"));
        const Result<QList<QUuid>> created = jobs.createForAgreedPackages({});
        ASSERT_TRUE(created) << qPrintable(created.errorString());
        ASSERT_EQ(created->size(), 3);
        FitterRepository fitters(m_database, QStringLiteral("tester"));
        Fitter alice;
        alice.name = QStringLiteral("Alice Archer");
        alice.skills = {QStringLiteral("locks"), QStringLiteral("alarms")};
        Fitter bob;
        bob.name = QStringLiteral("Bob Baker");
        bob.skills = {QStringLiteral("locks")};
        if (m_fittersInMelton) {
            alice.latitude = bob.latitude = 52.766;
            alice.longitude = bob.longitude = -0.886;
        }
        ASSERT_TRUE(fitters.add(alice));
        ASSERT_TRUE(fitters.add(bob));
        m_alice = scalar(QStringLiteral("SELECT id FROM fitter WHERE name = 'Alice Archer'"))
                      .toString();
        m_bob = scalar(QStringLiteral("SELECT id FROM fitter WHERE name = 'Bob Baker'")).toString();
    }

    void run(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(sql)) << qPrintable(query.lastError().text()) << "\n"
                                     << qPrintable(sql);
    }

    QVariant scalar(const QString &sql) const
    {
        QSqlQuery query(m_database.connection());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

    void addPackage(int n, const char *code, int qty)
    {
        run(QStringLiteral("INSERT INTO household (id, address_line1, postcode, area_id, status, "
                           "created_at, updated_at, latitude, longitude) VALUES ('%1', "
                           "'%2 High St', 'LE13 1AB', '%3', 'accepted', 'x', 'x', 52.766, "
                           "-0.886)")
                .arg(uuid(n))
                .arg(n)
                .arg(uuid(900)));
        run(QStringLiteral("INSERT INTO survey (id, household_id, definition_version, started_at, "
                           "completed_at, by_user) VALUES ('%1', '%2', '1', 'x', '2026-11-01', "
                           "'o')")
                .arg(uuid(n + 100), uuid(n)));
        run(QStringLiteral("INSERT INTO recommendation (id, survey_id, equipment_code, qty, "
                           "agreed) VALUES ('%1', '%2', '%3', %4, 1)")
                .arg(uuid(n + 200), uuid(n + 100), QString::fromLatin1(code))
                .arg(qty));
    }

    QString jobOf(int household) const
    {
        return scalar(QStringLiteral("SELECT id FROM job WHERE household_id = '%1'")
                          .arg(uuid(household)))
            .toString();
    }

    /// fitter name|status|start|end|duration|pinned of a household's job.
    QString row(int household) const
    {
        return scalar(QStringLiteral("SELECT coalesce(f.name, '-') || '|' || j.status || '|' || "
                                     "coalesce(j.scheduled_start, '-') || '|' || "
                                     "coalesce(j.scheduled_end, '-') || '|' || "
                                     "j.duration_minutes || '|' || j.pinned FROM job j "
                                     "LEFT JOIN fitter f ON f.id = j.fitter_id "
                                     "WHERE j.household_id = '%1'")
                          .arg(uuid(household)))
            .toString();
    }

    int jobAudits(const QString &jobId, const QString &field) const
    {
        int count = 0;
        const QList<AuditEvent> events
            = AuditLog::history(m_database.connectionName(), QStringLiteral("job"), jobId);
        for (const AuditEvent &event : events)
            count += event.field == field ? 1 : 0;
        return count;
    }

    QString householdStatus(int household) const
    {
        return scalar(QStringLiteral("SELECT status FROM household WHERE id = '%1'")
                          .arg(uuid(household)))
            .toString();
    }

    void book(int household, const QString &fitter, const QTime &at)
    {
        JobRepository jobs(m_database, QStringLiteral("tester"));
        ASSERT_TRUE(jobs.bookJob(QUuid(jobOf(household)), QUuid(fitter),
                                 QDateTime(kMonday, at, QTimeZone("Europe/London")), 75));
    }

    std::unique_ptr<BoardPage> openBoard()
    {
        auto page = std::make_unique<BoardPage>(m_database);
        page->resize(1280, 720);
        page->view()->setWeek(kMonday);
        page->show();
        settle();
        return page;
    }

    QString m_alice;
    QString m_bob;
};

} // namespace saferhomes::test
