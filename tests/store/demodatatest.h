#pragma once

// The fixture of the demo data tests (test_demodata.cpp, test_demodatastories.cpp,
// test_demofill.cpp): demo databases, each a real SQLite file in one temporary folder.

#include "demo/demodata.h"
#include "store/database.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

namespace saferhomes::test {

/// Demo databases, each a real SQLite file in one temporary folder.
class DemoDataTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        ASSERT_TRUE(m_dir.isValid());
    }

    Database &open(const QString &name)
    {
        auto database = std::make_unique<Database>(QStringLiteral("demo-test-") + name);
        const auto opened = database->open(m_dir.filePath(name + QStringLiteral(".sqlite")));
        EXPECT_TRUE(opened) << qPrintable(opened.errorString());
        m_databases.push_back(std::move(database));
        return *m_databases.back();
    }

    Database &filled(const QString &name, int households, quint32 seed)
    {
        Database &database = open(name);
        const Status done = DemoData::fill(database, {households, seed});
        EXPECT_TRUE(done.ok()) << qPrintable(done.errorString());
        return database;
    }

    /// Every row of \a sql, each column as text.
    static QList<QStringList> rows(const Database &database, const QString &sql,
                                   const QVariantList &values = {})
    {
        QSqlQuery query(database.connection());
        EXPECT_TRUE(query.prepare(sql)) << qPrintable(query.lastError().text());
        for (const QVariant &value : values)
            query.addBindValue(value);
        EXPECT_TRUE(query.exec()) << qPrintable(query.lastError().text());
        QList<QStringList> result;
        while (query.next()) {
            QStringList row;
            for (int i = 0; i < query.record().count(); ++i)
                row.append(query.value(i).toString());
            result.append(row);
        }
        return result;
    }

    static int number(const Database &database, const QString &sql, const QVariantList &values = {})
    {
        const QList<QStringList> result = rows(database, sql, values);
        return result.isEmpty() ? -1 : result.first().first().toInt();
    }

    /// The files in the folder that begin with \a database's name, other than the database and
    /// its write-ahead log and shared-memory files: a fill leaves none behind.
    QStringList leftBeside(const Database &database) const
    {
        const QString name = QFileInfo(database.path()).fileName();
        QStringList left = QDir(m_dir.path()).entryList({name + QLatin1Char('*')}, QDir::Files);
        for (const char *own : {"", "-wal", "-shm"})
            left.removeAll(name + QLatin1String(own));
        return left;
    }

    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<Database>> m_databases;
};

} // namespace saferhomes::test
