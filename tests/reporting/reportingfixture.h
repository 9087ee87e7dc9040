#pragma once

#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVariantList>

#include <gtest/gtest.h>

namespace saferhomes::test {

/// A fresh local database in a temporary folder, filled by hand with plain SQL so that the
/// expectations of a test can be counted from its own rows.
class ReportingFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        ASSERT_TRUE(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("return.sqlite"));
        const auto opened = m_database.open(m_path);
        ASSERT_TRUE(opened) << qPrintable(opened.errorString());
    }

    /// Runs \a sql with \a values bound in order; fails the test when it fails.
    void exec(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.prepare(sql)) << qPrintable(query.lastError().text());
        for (const QVariant &value : values)
            query.addBindValue(value);
        ASSERT_TRUE(query.exec()) << qPrintable(sql + QStringLiteral(": ")
                                                + query.lastError().text());
    }

    QVariant scalar(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

    /// An area with a fixed id: "a1", "a2" stand for UUIDs made from them.
    static QString id(const char *name)
    {
        // Stable made-up UUID text per short name, so tests read "h1" and the store gets a UUID.
        const QByteArray bytes = QByteArray(name).leftJustified(12, '0').toHex().left(12);
        return QStringLiteral("00000000-0000-4000-8000-") + QString::fromLatin1(bytes);
    }

    void addArea(const char *name, const QString &areaName, int target)
    {
        exec(QStringLiteral("INSERT INTO area (id, name, target_homes, created_at) "
                            "VALUES (?, ?, ?, '2024-01-01T00:00:00.000Z')"),
             {id(name), areaName, target});
    }

    QTemporaryDir m_dir;
    QString m_path;
    Database m_database {QStringLiteral("reporting-test")};
};

} // namespace saferhomes::test
