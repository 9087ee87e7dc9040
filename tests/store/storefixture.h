#pragma once

#include "store/database.h"
#include "store/equipmentrepository.h"
#include "store/householdrepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>

#include <gtest/gtest.h>

#include <memory>

namespace saferhomes::test {

/// A fresh local database file in a temporary folder for each test.
class StoreFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        ASSERT_TRUE(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("test.sqlite"));
        const auto opened = m_database.open(m_path);
        ASSERT_TRUE(opened) << qPrintable(opened.errorString());
        m_repository = std::make_unique<HouseholdRepository>(m_database, QStringLiteral("tester"));
    }

    static HouseholdRecord household(const QString &line1, const QString &postcode,
                                     const QString &resident = {}, const QString &area = {})
    {
        HouseholdRecord record;
        record.household.addressLine1 = line1;
        record.household.postcode = postcode;
        record.household.areaName = area;
        record.resident.name = resident;
        return record;
    }

    /// A door chain for the equipment catalogue, every field filled in.
    static EquipmentType doorChain()
    {
        return {QStringLiteral("DOOR_CHAIN_TS003"),
                QStringLiteral("Door chain"),
                QStringLiteral("TS 003"),
                900,
                15,
                QStringLiteral("locks"),
                QStringLiteral("ERA-1234"),
                10};
    }

    /// Runs \a sql, a statement of the test's own making, on the test's database.
    void run(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(sql)) << qPrintable(query.lastError().text()) << "\n"
                                     << qPrintable(sql);
    }

    /// Gives household \a id values of the test's own in the summary's columns that an insert
    /// leaves empty or sets to now; expectGivenColumns() checks them.
    void giveSummaryColumns(const QUuid &id)
    {
        run(QStringLiteral("UPDATE household SET uprn = '100030512345', address_line2 = 'Flat 2', "
                           "town = 'Melton Mowbray', status = 'contacted', priority = 3, "
                           "updated_at = '2026-11-24T10:00:00.000Z' WHERE id = '%1'")
                .arg(id.toString(QUuid::WithoutBraces)));
    }

    /// Whether \a row carries what giveSummaryColumns() gave (a test failure where not).
    static void expectGivenColumns(const HouseholdSummary &row)
    {
        EXPECT_EQ(row.uprn, QStringLiteral("100030512345"));
        EXPECT_EQ(row.addressLine2, QStringLiteral("Flat 2"));
        EXPECT_EQ(row.town, QStringLiteral("Melton Mowbray"));
        EXPECT_EQ(row.status, HouseholdStatus::Contacted);
        EXPECT_EQ(row.priority, 3);
        EXPECT_EQ(row.updatedAt, QDateTime(QDate(2026, 11, 24), QTime(10, 0), QTimeZone::utc()));
    }

    QTemporaryDir m_dir;
    QString m_path;
    Database m_database {QStringLiteral("store-test")};
    std::unique_ptr<HouseholdRepository> m_repository;
};

} // namespace saferhomes::test
