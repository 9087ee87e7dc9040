#pragma once

// What the tests of a package agreed again on an officer's device share
// (test_officerpackagesync.cpp, test_officerpackagerace.cpp): the officer's and the office's
// devices, packages agreed and jobs booked on them, and a job's items and availability on both
// sides.

#include "jobsynctest.h"
#include "store/surveyrepository.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace saferhomes::synctest {

/// A job's live items on a device ("CODE xN", sorted).
inline QStringList localItems(const TestDevice &device, const QString &job)
{
    QStringList items;
    for (const QVariantList &row : device.rows(
             QStringLiteral("SELECT equipment_code || ' x' || qty FROM job_item WHERE job_id = ?"),
             {job}))
        items.append(row.first().toString());
    items.sort();
    return items;
}

/// The same on the server (deleted items left out).
inline QStringList centralItems(PgSession &session, const QString &job)
{
    QStringList items
        = session.column(QStringLiteral("SELECT equipment_code || ' x' || qty FROM job_item "
                                        "WHERE job_id = ? AND deleted_at IS NULL"),
                         {job});
    items.sort();
    return items;
}

inline QJsonObject object(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

/// A job's availability on a device, as JSON.
inline QJsonObject localAvailability(const TestDevice &device, const QString &job)
{
    const QList<QVariantList> rows
        = device.rows(QStringLiteral("SELECT availability FROM job WHERE id = ?"), {job});
    return rows.isEmpty() ? QJsonObject() : object(rows.first().first().toString());
}

inline QJsonObject centralAvailability(PgSession &session, const QString &job)
{
    return object(
        session.value(QStringLiteral("SELECT availability::text FROM job WHERE id = ?"), {job})
            .toString());
}

/// Weekday mornings, as the package step asks for them.
inline const QString kMornings
    = QStringLiteral(R"({"windows":[{"weekdays":[1,2,3,4,5],"from":"09:00","to":"12:00"}]})");
/// Afternoons, not Fridays.
inline const QString kAfternoons = QStringLiteral(
    R"({"windows":[{"weekdays":[1,2,3,4],"from":"13:00","to":"17:00"}],"avoid_weekdays":[5]})");

class OfficerPackageSyncTest : public JobSyncTest {
protected:
    static void SetUpTestSuite()
    {
        setUpSuite(QStringLiteral("officerpkg"),
                   {{QStringLiteral("officer"), {QStringLiteral("officer"), {kMelton}}},
                    {QStringLiteral("volunteer"), {QStringLiteral("volunteer"), {kMelton}}},
                    {QStringLiteral("fitter_b"), {QStringLiteral("fitter"), {}}}});
    }

    /// The device of the officer (or \a login), with the server's catalogue.
    std::unique_ptr<TestDevice> doorstep(const QString &name,
                                         const QString &login = QStringLiteral("officer"))
    {
        auto made = device(name, login);
        EXPECT_TRUE(synced(made->sync()));
        return made;
    }

    /// An accepted household with a completed survey on \a officer, its \a package agreed with
    /// \a availability and \a notes as the package step does: the job's id.
    QString agree(TestDevice &officer, const QString &line1, const QList<PackageItem> &package,
                  const QString &availability, const QString &notes, QString *survey)
    {
        *survey = completedSurvey(officer, line1, kMelton);
        EXPECT_TRUE(
            officer.exec(QStringLiteral("UPDATE household SET status = 'accepted' WHERE "
                                        "id = (SELECT household_id FROM survey WHERE id = ?)"),
                         {*survey}));
        return agreeAgain(officer, *survey, package, availability, notes);
    }

    /// Agrees \a package for \a survey on \a officer: the job's id.
    QString agreeAgain(TestDevice &officer, const QString &survey,
                       const QList<PackageItem> &package, const QString &availability,
                       const QString &notes)
    {
        SurveyRepository surveys(officer.database(), officer.login());
        const auto done2 = surveys.savePackage(QUuid(survey), package, {});
        EXPECT_TRUE(done2) << done2.errorString().toStdString();
        JobRepository jobs(officer.database(), officer.login());
        const Result<QUuid> job = jobs.packageAgreed(
            QUuid(survey), JobAvailability::fromJson(object(availability)), notes);
        EXPECT_TRUE(job) << job.errorString().toStdString();
        return job ? text(*job) : QString();
    }

    /// 6 window locks, 3 door viewers and 4 door chains delivered to the depot (delivery note
    /// \a note), recorded on \a coordinator.
    static void stockTheDepot(TestDevice &coordinator, const QString &note)
    {
        ASSERT_TRUE(StockLedger(coordinator.database(), coordinator.login())
                        .receive({{QStringLiteral("WINDOW_LOCK"), 6},
                                  {QStringLiteral("DOOR_VIEWER"), 3},
                                  {QStringLiteral("DOOR_CHAIN_TS003"), 4}},
                                 StockLocation::depot(), note));
    }

    /// Books \a job (the first package's, 65 minutes) on the fitter from 09:00 GMT on \a day,
    /// on \a coordinator once its items have arrived there, and syncs the booking.
    void bookAtNine(TestDevice &coordinator, const QString &job, QDate day)
    {
        ASSERT_TRUE(
            syncUntil(coordinator, [&] { return localItems(coordinator, job).size() == 2; }));
        ASSERT_TRUE(JobRepository(coordinator.database(), coordinator.login())
                        .bookJob(QUuid::fromString(job), QUuid::fromString(m_fitterId),
                                 QDateTime(day, QTime(9, 0), QTimeZone::utc()), 65));
        ASSERT_TRUE(synced(coordinator.sync()));
    }

    /// The first package agreed on \a officer for a household at \a line1, booked by
    /// \a coordinator from 09:00 to 10:05 on \a day (sequence 0 to 1), as \a officer's device
    /// has heard: the job's id (empty when that failed).
    QString bookedOnTheDoorstep(TestDevice &officer, TestDevice &coordinator, const QString &line1,
                                QDate day, QString *survey)
    {
        const QString job
            = agree(officer, line1, m_first, kMornings, QStringLiteral("Side gate"), survey);
        EXPECT_TRUE(synced(officer.sync()));
        bookAtNine(coordinator, job, day);
        const QString end = QDateTime(day, QTime(10, 5), QTimeZone::utc())
                                .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
        EXPECT_TRUE(syncUntil(officer, [&] { return localJob(officer, job).value(3) == end; }));
        return ::testing::Test::HasFailure() ? QString() : job;
    }

    /// A job in the tray as localJob() and centralJob() read it: \a minutes long, at
    /// \a sequence, with the access notes given with the second package.
    static QStringList trayJob(int minutes, int sequence)
    {
        return {QStringLiteral("unscheduled"),
                QString(),
                QString(),
                QString(),
                QString(),
                QString::number(minutes),
                QString::number(sequence),
                QString(),
                QStringLiteral("Key with the neighbour at number 3")};
    }

    /// A job of the second package booked on the fitter from \a start to \a end, as localJob()
    /// and centralJob() read it: 45 minutes long, rescheduled once (sequence 2).
    QStringList bookedSecondJob(const QString &start, const QString &end) const
    {
        return {QStringLiteral("scheduled"),
                m_fitterId,
                start,
                end,
                QString(),
                QStringLiteral("45"),
                QStringLiteral("2"),
                QString(),
                QStringLiteral("Key with the neighbour at number 3")};
    }

    /// An unscheduled job agreed again on \a login's device (the test below).
    void trayJobFollowsPackage(const QString &login);

    /// Two window locks and a door viewer, agreed; a mortice deadlock, not.
    const QList<PackageItem> m_first {
        {QStringLiteral("WINDOW_LOCK"), 2, QStringLiteral("ground floor"), true},
        {QStringLiteral("DOOR_VIEWER"), 1, QString(), true},
        {QStringLiteral("MORTICE_DEADLOCK_BS3621"), 1, QString(), false}};
    /// At the doorstep the householder changes their mind: one window lock and a door chain.
    const QList<PackageItem> m_second {
        {QStringLiteral("WINDOW_LOCK"), 1, QStringLiteral("back bedroom"), true},
        {QStringLiteral("DOOR_CHAIN_TS003"), 1, QString(), true},
        {QStringLiteral("DOOR_VIEWER"), 1, QString(), false}};
    /// The items of a job of the second package (localItems, centralItems).
    const QStringList m_secondItems {QStringLiteral("DOOR_CHAIN_TS003 x1"),
                                     QStringLiteral("WINDOW_LOCK x1")};
};

} // namespace saferhomes::synctest
