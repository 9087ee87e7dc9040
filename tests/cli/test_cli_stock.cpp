// DESIGN.md §4: `stock levels [--location L]` prints {"stock": [{"code", "location", "on_hand",
// "reserved", "available"}]}; `stock receive`, `stock transfer`, `stock count` (and `stock
// return`, `stock write-off`) write ledger movements; a move that would take a location below
// zero, a bad quantity or an unknown code is refused (exit 1, the figures on stderr); a
// malformed command exits 2.

#include "clitestsupport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

namespace {

/// A database with two catalogue items (LOCK, ALARM) and one fitter, whose id is the van.
class CliStock : public CliTest {
protected:
    void SetUp() override
    {
        CliTest::SetUp();
        const CliResult init = cli({u"init"_s});
        ASSERT_EQ(init.exitCode, 0) << init;
        ASSERT_TRUE(query(dbPath(),
                          u"INSERT INTO equipment_type (code, name, unit_cost_pence, "
                          "fit_minutes, skill) VALUES ('LOCK', 'Lock', 100, 30, 'locks'), "
                          "('ALARM', 'Alarm', 2000, 60, 'alarms')"_s,
                          true));
        const CliResult added = cli({u"fitters"_s, u"add"_s, u"--name"_s, u"Alice"_s});
        ASSERT_EQ(added.exitCode, 0) << added;
        m_van
            = added.json().value(u"fitters"_s).toArray().at(0).toObject().value(u"id"_s).toString();
        ASSERT_FALSE(m_van.isEmpty()) << added;
    }

    static QJsonObject level(const QString &code, const QString &location, int onHand, int reserved)
    {
        return {{u"code"_s, code},
                {u"location"_s, location},
                {u"on_hand"_s, onHand},
                {u"reserved"_s, reserved},
                {u"available"_s, onHand - reserved}};
    }

    QJsonArray levels(const QStringList &extra = {}) const
    {
        const CliResult result = cli(QStringList {u"stock"_s, u"levels"_s} + extra);
        EXPECT_EQ(result.exitCode, 0) << result;
        const QJsonObject json = result.json();
        EXPECT_EQ(json.keys(), QStringList {u"stock"_s}) << result;
        return json.value(u"stock"_s).toArray();
    }

    int movements() const
    {
        const auto rows = query(dbPath(), u"SELECT count(*) FROM stock_movement"_s);
        return rows && !rows->isEmpty() ? rows->first().first().toInt() : -1;
    }

    QString m_van;
};

TEST_F(CliStock, ADeliveryAndATransferShowInTheLevels)
{
    EXPECT_EQ(levels(), QJsonArray());
    const CliResult received = cli({u"stock"_s, u"receive"_s, u"--code"_s, u"LOCK"_s, u"--qty"_s,
                                    u"10"_s, u"--note"_s, u"DN-4471"_s});
    ASSERT_EQ(received.exitCode, 0) << received;
    const CliResult moved = cli({u"stock"_s, u"transfer"_s, u"--code"_s, u"LOCK"_s, u"--qty"_s,
                                 u"4"_s, u"--from"_s, u"depot"_s, u"--to"_s, m_van});
    ASSERT_EQ(moved.exitCode, 0) << moved;
    EXPECT_EQ(levels(),
              QJsonArray({level(u"LOCK"_s, u"depot"_s, 6, 0), level(u"LOCK"_s, m_van, 4, 0)}));
    EXPECT_EQ(levels({u"--location"_s, m_van}), QJsonArray({level(u"LOCK"_s, m_van, 4, 0)}));
    EXPECT_EQ(levels({u"--location"_s, u"depot"_s}),
              QJsonArray({level(u"LOCK"_s, u"depot"_s, 6, 0)}));
    const auto note = query(dbPath(),
                            u"SELECT note FROM stock_movement WHERE reason = "
                            "'received'"_s);
    ASSERT_TRUE(note && note->size() == 1);
    EXPECT_EQ(note->first().first().toString(), u"DN-4471"_s);
}

TEST_F(CliStock, AMoveBelowZeroIsRefusedWithTheFigures)
{
    ASSERT_EQ(cli({u"stock"_s, u"receive"_s, u"--code"_s, u"LOCK"_s, u"--qty"_s, u"6"_s}).exitCode,
              0);
    const CliResult refused = cli({u"stock"_s, u"transfer"_s, u"--code"_s, u"LOCK"_s, u"--qty"_s,
                                   u"20"_s, u"--from"_s, u"depot"_s, u"--to"_s, m_van});
    EXPECT_EQ(refused.exitCode, 1) << refused;
    EXPECT_TRUE(refused.errText().contains(u"6 of LOCK available"_s)) << refused;
    EXPECT_TRUE(refused.errText().contains(u"20"_s)) << refused;
    const CliResult writeOff
        = cli({u"stock"_s, u"write-off"_s, u"--code"_s, u"LOCK"_s, u"--qty"_s, u"7"_s,
               u"--location"_s, u"depot"_s, u"--reason"_s, u"damaged"_s});
    EXPECT_EQ(writeOff.exitCode, 1) << writeOff;
    EXPECT_EQ(movements(), 1);
    EXPECT_EQ(levels(), QJsonArray({level(u"LOCK"_s, u"depot"_s, 6, 0)}));
}

TEST_F(CliStock, BadQuantitiesAndCodesAreRefusedAndMalformedCommandsAreUsageErrors)
{
    for (const QString &qty : {u"0"_s, u"-3"_s}) {
        const CliResult refused
            = cli({u"stock"_s, u"receive"_s, u"--code"_s, u"LOCK"_s, u"--qty"_s, qty});
        EXPECT_EQ(refused.exitCode, 1) << refused;
    }
    const CliResult unknown
        = cli({u"stock"_s, u"receive"_s, u"--code"_s, u"NOPE"_s, u"--qty"_s, u"1"_s});
    EXPECT_EQ(unknown.exitCode, 1) << unknown;
    EXPECT_TRUE(unknown.errText().contains(u"NOPE"_s)) << unknown;
    const CliResult nowhere = cli({u"stock"_s, u"receive"_s, u"--code"_s, u"LOCK"_s, u"--qty"_s,
                                   u"1"_s, u"--location"_s, u"garage"_s});
    EXPECT_EQ(nowhere.exitCode, 1) << nowhere;

    EXPECT_EQ(cli({u"stock"_s, u"receive"_s, u"--code"_s, u"LOCK"_s}).exitCode, 2);
    EXPECT_EQ(
        cli({u"stock"_s, u"receive"_s, u"--code"_s, u"LOCK"_s, u"--qty"_s, u"many"_s}).exitCode, 2);
    EXPECT_EQ(cli({u"stock"_s, u"transfer"_s, u"--code"_s, u"LOCK"_s, u"--qty"_s, u"1"_s}).exitCode,
              2);
    EXPECT_EQ(
        cli({u"stock"_s, u"count"_s, u"--code"_s, u"LOCK"_s, u"--location"_s, u"depot"_s}).exitCode,
        2);
    EXPECT_EQ(cli({u"stock"_s, u"write-off"_s, u"--code"_s, u"LOCK"_s, u"--qty"_s, u"1"_s,
                   u"--location"_s, u"depot"_s})
                  .exitCode,
              2);
    EXPECT_EQ(cli({u"stock"_s, u"juggle"_s}).exitCode, 2);
    EXPECT_EQ(movements(), 0);
}

TEST_F(CliStock, ACountAdjustsToWhatWasCountedAndTheSameCountAgainAppliesOnce)
{
    ASSERT_EQ(cli({u"stock"_s, u"receive"_s, u"--code"_s, u"ALARM"_s, u"--qty"_s, u"5"_s,
                   u"--location"_s, m_van})
                  .exitCode,
              0);
    const QStringList count {u"stock"_s,      u"count"_s,
                             u"--code"_s,     u"ALARM"_s,
                             u"--location"_s, m_van,
                             u"--counted"_s,  u"3"_s,
                             u"--id"_s,       u"5b0f3c9e-1d7a-4f0e-9c51-2f8a6b7d9e10"_s};
    const CliResult first = cli(count);
    ASSERT_EQ(first.exitCode, 0) << first;
    const CliResult again = cli(count);
    ASSERT_EQ(again.exitCode, 0) << again;
    EXPECT_EQ(levels(), QJsonArray({level(u"ALARM"_s, m_van, 3, 0)}));
    const auto row = query(dbPath(),
                           u"SELECT counted, expected, qty_change FROM stock_movement "
                           "WHERE reason = 'count_adjustment'"_s);
    ASSERT_TRUE(row && row->size() == 1);
    EXPECT_EQ(row->first(), QVariantList({3, 5, -2}));

    ASSERT_EQ(cli({u"stock"_s, u"write-off"_s, u"--code"_s, u"ALARM"_s, u"--qty"_s, u"1"_s,
                   u"--location"_s, m_van, u"--reason"_s, u"cracked case"_s})
                  .exitCode,
              0);
    ASSERT_EQ(cli({u"stock"_s, u"return"_s, u"--code"_s, u"ALARM"_s, u"--qty"_s, u"2"_s}).exitCode,
              0);
    EXPECT_EQ(levels(),
              QJsonArray({level(u"ALARM"_s, u"depot"_s, 2, 0), level(u"ALARM"_s, m_van, 2, 0)}));
}

} // namespace
