#pragma once

// What the sync tests against the central database share: a record id as the devices write it,
// a device opened on a suite's database, a household and a completed survey made on one, a sync
// (or syncing until a condition holds) as a gtest assertion that names what failed or was
// refused, and the reasons of refused changes as text.

#include "centraltest.h"
#include "testdevice.h"

#include <QTemporaryDir>
#include <QUuid>

#include <functional>
#include <memory>

namespace saferhomes::synctest {

inline QString text(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

/// The device \a name of \a login (a person of \a database, with \a password), its local file
/// in \a dir, opened (a test failure when it cannot be).
inline std::unique_ptr<TestDevice> openedDevice(const QTemporaryDir &dir, const QString &name,
                                                const QString &login, const QString &password,
                                                const QString &database)
{
    auto made = std::make_unique<TestDevice>(name, dir.filePath(name + QStringLiteral(".db")),
                                             login, password, cluster().uri(login, database));
    QString error;
    EXPECT_TRUE(made->open(&error)) << error.toStdString();
    return made;
}

/// A household at \a line1 (LE13 1AA) of \a area with its resident \a resident, made on
/// \a device (its create op waits in the outbox): the household's id.
inline QUuid madeHousehold(TestDevice &device, const QString &line1, const QString &area,
                           const QString &resident)
{
    HouseholdRecord record;
    record.household.id = QUuid::createUuid();
    record.household.addressLine1 = line1;
    record.household.postcode = QStringLiteral("LE13 1AA");
    record.household.areaName = area;
    record.resident.name = resident;
    HouseholdRepository households = device.households();
    const Status inserted = households.insert({record});
    EXPECT_TRUE(inserted) << inserted.errorString().toStdString();
    return record.household.id;
}

/// A household at \a line1 (LE13 1AA) of \a area, its resident Sam, and a survey of it
/// completed on 24 November 2026 (no package yet), made on \a device: the survey's id.
inline QString completedSurvey(TestDevice &device, const QString &line1, const QString &area)
{
    const QUuid household = madeHousehold(device, line1, area, QStringLiteral("Sam"));
    const QString survey = text(QUuid::createUuid());
    EXPECT_TRUE(device.exec(QStringLiteral("INSERT INTO survey (id, household_id, "
                                           "definition_version, started_at, by_user) VALUES "
                                           "(?, ?, '1', '2026-11-24T10:00:00.000Z', 'a')"),
                            {survey, text(household)}))
        << device.lastError().toStdString();
    EXPECT_TRUE(device.exec(QStringLiteral("UPDATE survey SET completed_at = "
                                           "'2026-11-24T10:40:00.000Z' WHERE id = ?"),
                            {survey}))
        << device.lastError().toStdString();
    return survey;
}

/// Success when \a result synced with nothing refused; else what failed or the first refusal.
inline ::testing::AssertionResult synced(const SyncResult &result)
{
    if (!result.ok())
        return ::testing::AssertionFailure() << result.errorString().toStdString();
    if (!result.rejected.isEmpty()) {
        return ::testing::AssertionFailure()
            << "refused: " << result.rejected.first().reason.toStdString();
    }
    return ::testing::AssertionSuccess();
}

/// The reasons of \a result's refused changes, one line each ("ENTITY ID: REASON").
inline QString reasons(const SyncResult &result)
{
    QStringList lines;
    for (const SyncRejection &rejection : result.rejected)
        lines.append(rejection.entity + QStringLiteral(" ") + rejection.entityId
                     + QStringLiteral(": ") + rejection.reason);
    return lines.join(u'\n');
}

/// Syncs \a device until \a done() holds (or a sync fails, or patience runs out): rows reach a
/// pull only once every older transaction of the shared cluster has ended.
inline ::testing::AssertionResult syncUntil(TestDevice &device, const std::function<bool()> &done)
{
    SyncResult last;
    const bool reached = eventually([&] {
        last = device.sync();
        return !last.ok() || !last.rejected.isEmpty() || done();
    });
    if (!synced(last))
        return synced(last);
    return reached ? ::testing::AssertionSuccess()
                   : ::testing::AssertionFailure() << "never got there";
}

} // namespace saferhomes::synctest
