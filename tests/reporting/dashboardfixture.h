#pragma once

#include "dashboardseed.h"
#include "reporting/dashboardreport.h"
#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace saferhomes::test {

/// A small hand-made register (see seed()) whose figures were worked out by hand.
class DashboardFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        ASSERT_TRUE(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("dashboard.sqlite"));
        const auto opened = m_database.open(m_path);
        ASSERT_TRUE(opened) << qPrintable(opened.errorString());
        seed();
    }

    void exec(const char *sql)
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(QString::fromUtf8(sql)))
            << sql << ": " << qPrintable(query.lastError().text());
    }

    void seed()
    {
        for (const QString &sql : dashboardSeed()) {
            QSqlQuery query(m_database.connection());
            ASSERT_TRUE(query.exec(sql))
                << qPrintable(sql) << ": " << qPrintable(query.lastError().text());
        }
    }

    static DashboardFilter march()
    {
        DashboardFilter filter;
        filter.from = QDate(2026, 3, 1);
        filter.to = QDate(2026, 3, 31);
        filter.periodLabel = QStringLiteral("March 2026");
        filter.schemeEnd = QDate(2027, 3, 31);
        return filter;
    }

    static QDateTime now() { return QDateTime(QDate(2026, 4, 15), QTime(12, 0), Qt::UTC); }

    DashboardFigures figures(const DashboardFilter &filter)
    {
        const Result<DashboardFigures> result
            = DashboardReport::compute(DashboardStore(m_database), filter, now());
        EXPECT_TRUE(result.ok()) << qPrintable(result.errorString());
        return result.ok() ? *result : DashboardFigures();
    }

    /// The households behind \a ref, as their postcodes (one per household here) sorted.
    QStringList drill(const DashboardFilter &filter, FigureRef::Kind kind, const QString &key = {},
                      qint64 *amount = nullptr)
    {
        const Result<QList<DrillRow>> rows
            = DashboardReport::drillDown(DashboardStore(m_database), filter, {kind, key}, now());
        EXPECT_TRUE(rows.ok()) << qPrintable(rows.errorString());
        QStringList ids;
        qint64 total = 0;
        for (const DrillRow &row : rows.valueOr({})) {
            ids << row.postcode;
            total += row.amount;
        }
        if (amount)
            *amount = total;
        ids.sort();
        return ids;
    }

    QTemporaryDir m_dir;
    QString m_path;
    Database m_database {QStringLiteral("dashboard-test")};
};

} // namespace saferhomes::test
