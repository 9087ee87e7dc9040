// Stock levels over a large ledger (issue 13, DESIGN §8): 200 items x 30 locations (the depot
// and 29 vans) over 1,000,000 movements, read by StockLedger::levels() from the summary the
// triggers keep, against a baseline measured in the same run: the same figures answered by a
// plain SUM over the ledger (StockLedger::levelsFromLedger()). Target: levels under 100 ms.
// Also the cost the summary adds to writing: 10,000 movements inserted with and without it.
// Prints the medians and the ratio; exits 1 when the target is missed or the two answers
// differ.

#include "store/database.h"
#include "store/stockledger.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace saferhomes;

namespace {

constexpr int kItems = 200;
constexpr int kLocations = 30;
constexpr int kMovements = 1000000;

bool run(const Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    if (query.exec(sql))
        return true;
    std::fprintf(stderr, "%s\n%s\n", qPrintable(query.lastError().text()), qPrintable(sql));
    return false;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

/// The median of \a rounds timings of \a work, in milliseconds.
double timed(int rounds, const std::function<bool()> &work)
{
    std::vector<double> times;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer timer;
        timer.start();
        if (!work())
            return -1;
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

/// \a count movements spread over the items and locations, as a sync would write them (no
/// outbox ops), ids from \a first on.
QString movements(int first, int count)
{
    // Built by replace(), not arg(): printf's "%012d" would be taken for a placeholder.
    return QStringLiteral(
               "WITH RECURSIVE n(i) AS (SELECT FIRST UNION ALL SELECT i + 1 FROM n WHERE i < LAST) "
               "INSERT INTO stock_movement (id, equipment_code, qty_change, reason, at, "
               "by_user, location) SELECT printf('00000000-0000-4000-8000-%012d', i), "
               "'ITEM' || (1 + i % ITEMS), CASE WHEN i % 3 = 0 THEN -1 ELSE 2 END, 'received', "
               "'2026-12-06T10:00:00.000Z', 'bench', CASE WHEN (i / ITEMS) % PLACES = 0 THEN "
               "'depot' ELSE printf('00000000-0000-4000-9000-%012d', (i / ITEMS) % PLACES) END "
               "FROM n")
        .replace(QStringLiteral("FIRST"), QString::number(first))
        .replace(QStringLiteral("LAST"), QString::number(first + count - 1))
        .replace(QStringLiteral("ITEMS"), QString::number(kItems))
        .replace(QStringLiteral("PLACES"), QString::number(kLocations));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    Database database(QStringLiteral("bench-stock"));
    const Status opened = dir.isValid()
        ? database.open(dir.filePath(QStringLiteral("stock.sqlite")))
        : Status(Error::database(QStringLiteral("no temporary folder")));
    if (!opened) {
        std::fprintf(stderr, "cannot open the database: %s\n", qPrintable(opened.errorString()));
        return 2;
    }
    QElapsedTimer fill;
    fill.start();
    if (!run(database,
             QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                            "WHERE i < %1) INSERT INTO equipment_type (code, name, "
                            "unit_cost_pence, fit_minutes, skill) SELECT 'ITEM' || i, 'Item' "
                            "|| i, 100, 10, 'general' FROM n")
                 .arg(kItems))
        || !run(database, QStringLiteral("UPDATE sync_flag SET applying = 1"))
        || !run(database, QStringLiteral("BEGIN")) || !run(database, movements(0, kMovements))
        || !run(database, QStringLiteral("COMMIT")))
        return 2;
    std::printf("ledger: %d movements over %d items x %d locations (written in %.1f s)\n",
                kMovements, kItems, kLocations, double(fill.elapsed()) / 1000.0);

    const StockLedger ledger(database, QStringLiteral("bench"));
    QList<StockLevel> fromSummary;
    QList<StockLevel> fromLedger;
    const double summary = timed(11, [&] {
        const Result<QList<StockLevel>> levels = ledger.levels();
        if (levels)
            fromSummary = *levels;
        return levels.ok();
    });
    const double sum = timed(3, [&] {
        const Result<QList<StockLevel>> levels = ledger.levelsFromLedger();
        if (levels)
            fromLedger = *levels;
        return levels.ok();
    });
    if (summary < 0 || sum < 0)
        return 2;
    const bool same = fromSummary == fromLedger && fromSummary.size() == kItems * kLocations;
    std::printf("levels (summary):        %8.2f ms  (%lld rows)\n", summary,
                static_cast<long long>(fromSummary.size()));
    std::printf("baseline (SUM over all): %8.2f ms\n", sum);
    std::printf("ratio baseline/levels:   %8.1fx   target: levels < 100 ms: %s; same answer: "
                "%s\n",
                sum / std::max(summary, 1e-3), summary < 100 ? "met" : "MISSED",
                same ? "yes" : "NO");

    // What the summary costs a write: 10,000 more movements with the trigger, then without.
    constexpr int kWrites = 10000;
    const double withTrigger = timed(1, [&] {
        return run(database, QStringLiteral("BEGIN"))
            && run(database, movements(kMovements, kWrites))
            && run(database, QStringLiteral("COMMIT"));
    });
    const bool dropped = run(database, QStringLiteral("DROP TRIGGER stock_movement_level"));
    const double withoutTrigger = dropped
        ? timed(1,
                [&] {
                    return run(database, QStringLiteral("BEGIN"))
                        && run(database, movements(kMovements + kWrites, kWrites))
                        && run(database, QStringLiteral("COMMIT"));
                })
        : -1;
    std::printf("write %d movements:      %8.2f ms with the summary, %8.2f ms without "
                "(%.2fx)\n",
                kWrites, withTrigger, withoutTrigger, withTrigger / std::max(withoutTrigger, 1e-3));
    return summary < 100 && same ? 0 : 1;
}
