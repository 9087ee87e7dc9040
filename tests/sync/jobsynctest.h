#pragma once

// What the sync tests of jobs and stock share (test_jobsync.cpp, test_stocksync2.cpp): devices of
// a coordinator and a fitter on one central database, jobs made and booked on them, and both
// sides' jobs and stock levels as text.

#include "centraltest.h"
#include "store/jobrepository.h"
#include "store/stockledger.h"
#include "syncassert.h"
#include "testdevice.h"

#include <QTemporaryDir>
#include <QTimeZone>

namespace saferhomes::synctest {

inline const QString kPassword = QStringLiteral("job-sync-password");
inline const QString kMelton = QStringLiteral("Melton Town Centre");

/// A job's columns as text, the same on a device and on the server.
inline const QString kJobColumns
    = QStringLiteral("SELECT status, coalesce(fitter_id, ''), coalesce(scheduled_start, ''), "
                     "coalesce(scheduled_end, ''), signed_off_by, duration_minutes, sequence, "
                     "coalesce(revisit_of, ''), access_notes FROM job WHERE id = ?");
inline const QString kCentralJobColumns = QStringLiteral(
    "SELECT status, coalesce(fitter_id::text, ''), "
    "coalesce(to_char(scheduled_start AT TIME ZONE 'UTC', "
    "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), ''), "
    "coalesce(to_char(scheduled_end AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), ''), "
    "signed_off_by, duration_minutes, sequence, coalesce(revisit_of::text, ''), access_notes "
    "FROM job WHERE id = ?");

inline QStringList localJob(const TestDevice &device, const QString &id)
{
    const QList<QVariantList> rows = device.rows(kJobColumns, {id});
    if (rows.isEmpty())
        return {};
    QStringList values;
    for (const QVariant &value : rows.first())
        values.append(value.toString());
    return values;
}

inline QStringList centralJob(PgSession &session, const QString &id)
{
    const std::optional<QList<QVariantList>> rows = session.rows(kCentralJobColumns, {id});
    if (!rows || rows->isEmpty())
        return {};
    QStringList values;
    for (const QVariant &value : rows->first())
        values.append(value.toString());
    return values;
}

/// A device's stock levels as text ("CODE@location on_hand/reserved"), as the ledger shows them.
inline QStringList localLevels(const TestDevice &device)
{
    const Result<QList<StockLevel>> levels
        = StockLedger(device.database(), device.login()).levels();
    EXPECT_TRUE(levels) << levels.errorString().toStdString();
    QStringList text;
    for (const StockLevel &level : levels.valueOr({}))
        text.append(QStringLiteral("%1@%2 %3/%4")
                        .arg(level.code, level.location)
                        .arg(level.onHand)
                        .arg(level.reserved));
    text.sort();
    return text;
}

/// The server's ledger summed the same way.
inline QStringList centralLevels(PgSession &session)
{
    const std::optional<QList<QVariantList>> rows = session.rows(
        QStringLiteral("SELECT equipment_code || '@' || location || ' ' || sum(qty_change) || "
                       "'/' || sum(reserved_change) FROM stock_movement "
                       "GROUP BY equipment_code, location"),
        {});
    QStringList text;
    for (const QVariantList &row : rows.value_or(QList<QVariantList> {}))
        text.append(row.first().toString());
    text.sort();
    return text;
}

/// What a job holds reserved on the server, per item and location ("CODE@location qty").
inline QStringList centralHeld(PgSession &session, const QString &job)
{
    QStringList held = session.column(
        QStringLiteral("SELECT equipment_code || '@' || location || ' ' || sum(reserved_change) "
                       "FROM stock_movement WHERE job_id = ? GROUP BY equipment_code, location "
                       "HAVING sum(reserved_change) <> 0"),
        {job});
    held.sort();
    return held;
}

/// The same on a device.
inline QStringList localHeld(const TestDevice &device, const QString &job)
{
    const Result<QList<StockReservation>> held
        = StockLedger(device.database(), device.login()).reservations(QUuid::fromString(job));
    EXPECT_TRUE(held) << held.errorString().toStdString();
    QStringList text;
    for (const StockReservation &r : held.valueOr({}))
        text.append(QStringLiteral("%1@%2 %3").arg(r.code, r.location).arg(r.qty));
    text.sort();
    return text;
}

class JobSyncTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { setUpSuite(QStringLiteral("jobsync"), {}); }

    /// A database of its own for the suite (named after \a prefix), with two coordinators of
    /// Melton (coordinator, coordinator_b), a fitter (fitter) and \a others.
    static void setUpSuite(const QString &prefix, const QList<Person> &others)
    {
        QList<Person> people {
            {QStringLiteral("coordinator"), {QStringLiteral("coordinator"), {kMelton}}},
            {QStringLiteral("coordinator_b"), {QStringLiteral("coordinator"), {kMelton}}},
            {QStringLiteral("fitter"), {QStringLiteral("fitter"), {}}},
        };
        people.append(others);
        s_database = databaseWithPeople(prefix, people, kPassword, &s_logins);
    }

    void SetUp() override
    {
        ASSERT_FALSE(s_database.isEmpty()) << "set-up failed";
        ASSERT_TRUE(m_dir.isValid());
        m_central = superuserSession(s_database);
        m_fitterId = m_central
                         ->value(QStringLiteral("SELECT f.id FROM fitter f JOIN app_user u "
                                                "ON u.id = f.user_id WHERE u.login = ?"),
                                 {s_logins.value(QStringLiteral("fitter"))})
                         .toString();
        ASSERT_FALSE(m_fitterId.isEmpty());
    }

    std::unique_ptr<TestDevice> device(const QString &name, const QString &login)
    {
        return openedDevice(m_dir, name, s_logins.value(login), kPassword, s_database);
    }

    /// A coordinator's device with the catalogue and the fitter pulled.
    std::unique_ptr<TestDevice> office(const QString &name, const QString &login)
    {
        auto made = device(name, login);
        EXPECT_TRUE(syncUntil(*made, [&] {
            return made->value(QStringLiteral("SELECT count(*) FROM fitter WHERE id = '%1'")
                                   .arg(m_fitterId))
                       .toInt()
                == 1;
        }));
        return made;
    }

    /// An accepted household with an unscheduled job of two window locks (2 x 20 min) and a
    /// door viewer (15 min) plus the 15 minutes' set-up, made on \a office; returns the job id.
    QString makeJob(TestDevice &office, const QString &line1)
    {
        const QUuid household = madeHousehold(office, line1, kMelton, QStringLiteral("Pat"));
        const Status accepted = office.households().setFields(
            household, {{HouseholdField::Status, QStringLiteral("accepted")}});
        EXPECT_TRUE(accepted) << accepted.errorString().toStdString();
        const QString job = text(QUuid::createUuid());
        EXPECT_TRUE(office.exec(
            QStringLiteral("INSERT INTO job (id, household_id, status, created_at, "
                           "duration_minutes, availability, access_notes) VALUES (?, ?, "
                           "'unscheduled', '2026-12-01T09:00:00.000Z', 70, ?, 'Side gate')"),
            {job, text(household),
             QStringLiteral(
                 R"({"windows":[{"weekdays":[1,2,3,4,5],"from":"09:00","to":"12:00"}]})")}))
            << office.lastError().toStdString();
        for (const auto &[code, qty] :
             {std::pair {QStringLiteral("WINDOW_LOCK"), 2}, {QStringLiteral("DOOR_VIEWER"), 1}}) {
            EXPECT_TRUE(office.exec(QStringLiteral("INSERT INTO job_item (id, job_id, "
                                                   "equipment_code, qty) VALUES (?, ?, ?, ?)"),
                                    {text(QUuid::createUuid()), job, code, qty}))
                << office.lastError().toStdString();
        }
        return job;
    }

    /// Books \a job on the fitter as the board does: fitter, times, status, a new sequence.
    bool schedule(TestDevice &office, const QString &job, const QString &start, const QString &end)
    {
        const bool ok = office.exec(
            QStringLiteral("UPDATE job SET fitter_id = ?, status = 'scheduled', "
                           "scheduled_start = ?, scheduled_end = ?, sequence = sequence + 1 "
                           "WHERE id = ?"),
            {m_fitterId, start, end, job});
        EXPECT_TRUE(ok) << office.lastError().toStdString();
        return ok;
    }

    /// A delivery of \a lines straight into the fitter's van, recorded on \a van (their
    /// device): what a completion fits comes from the van's stock.
    void loadVan(TestDevice &van, const QList<StockLine> &lines)
    {
        const Result<QList<QUuid>> received
            = StockLedger(van.database(), van.login()).receive(lines, m_fitterId);
        ASSERT_TRUE(received) << received.errorString().toStdString();
    }

    static inline QString s_database;
    static inline QHash<QString, QString> s_logins;
    QTemporaryDir m_dir;
    std::unique_ptr<PgSession> m_central;
    QString m_fitterId;
};

} // namespace saferhomes::synctest
