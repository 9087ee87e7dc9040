#pragma once

#include "store/database.h"
#include "store/fitterrepository.h"
#include "store/stockledger.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace saferhomes::test {

inline QString uuid(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

/// A fresh local database with a catalogue of two items (LOCK, ALARM), two fitters (Alice,
/// Bob: their vans) and a ledger for the user "keeper".
class StockFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        ASSERT_TRUE(m_dir.isValid());
        const auto opened = m_database.open(m_dir.filePath(QStringLiteral("stock.sqlite")));
        ASSERT_TRUE(opened) << qPrintable(opened.errorString());
        // The catalogue as a sync brings it (the applying flag: no ops of its own).
        run(QStringLiteral("UPDATE sync_flag SET applying = 1"));
        run(QStringLiteral("INSERT INTO equipment_type (code, name, unit_cost_pence, "
                           "fit_minutes, skill) VALUES ('LOCK', 'Lock', 100, 30, 'locks'), "
                           "('ALARM', 'Alarm', 2000, 60, 'alarms')"));
        run(QStringLiteral("UPDATE sync_flag SET applying = 0"));
        FitterRepository fitters(m_database, QStringLiteral("keeper"));
        for (const char *name : {"Alice", "Bob"}) {
            Fitter fitter;
            fitter.name = QString::fromLatin1(name);
            const Result<Fitter> added = fitters.add(fitter);
            ASSERT_TRUE(added) << qPrintable(added.errorString());
            m_vans.append(StockLocation::van(added->id));
        }
        m_ledger = std::make_unique<StockLedger>(m_database, QStringLiteral("keeper"));
    }

    void run(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        ASSERT_TRUE(query.exec(sql))
            << qPrintable(query.lastError().text()) << " in " << qPrintable(sql);
    }

    QString scalar(const QString &sql) const
    {
        QSqlQuery query(m_database.connection());
        if (!query.exec(sql) || !query.next())
            return QStringLiteral("<no answer: %1>").arg(query.lastError().text());
        return query.value(0).toString();
    }

    int count(const QString &sql) const { return scalar(sql).toInt(); }

    StockLevel level(const QString &code, const QString &location) const
    {
        const Result<StockLevel> level = m_ledger->level(code, location);
        EXPECT_TRUE(level) << qPrintable(level.errorString());
        return level.valueOr({});
    }

    static StockLevel expected(const QString &code, const QString &location, int onHand,
                               int reserved)
    {
        return {code, location, onHand, reserved};
    }

    QTemporaryDir m_dir;
    Database m_database {QStringLiteral("stock-test")};
    std::unique_ptr<StockLedger> m_ledger;
    QStringList m_vans;
    const QString depot = StockLocation::depot();
};

} // namespace saferhomes::test

namespace saferhomes {

/// How GoogleTest prints a level in a failure.
inline void PrintTo(const StockLevel &level, std::ostream *out)
{
    *out << level.code.toStdString() << "@" << level.location.toStdString() << " on hand "
         << level.onHand << ", reserved " << level.reserved;
}

} // namespace saferhomes
