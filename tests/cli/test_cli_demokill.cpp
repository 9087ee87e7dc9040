// DESIGN.md §3/§4 and issue 9: the demo fill arrives in one transaction, so killing
// `saferhomes-cli demo` at any moment leaves a database with nothing or with the whole demo.

#include "clitestsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

namespace {

const QStringList kTables {u"household"_s,      u"resident"_s,       u"area"_s,    u"fitter"_s,
                           u"equipment_type"_s, u"visit"_s,          u"consent"_s, u"attachment"_s,
                           u"survey"_s,         u"recommendation"_s, u"job"_s,     u"job_item"_s,
                           u"stock_movement"_s, u"audit_event"_s};

} // namespace

class CliDemoKill : public CliTest {
protected:
    /// Row counts of every table the demo writes, read by the test itself (not the CLI).
    static QList<qint64> tableCounts(const QString &db)
    {
        QList<qint64> counts;
        // Killed before its migrations committed, the database has no tables at all yet.
        const auto made
            = query(db, u"SELECT count(*) FROM sqlite_master WHERE name = 'household'"_s, true);
        if (!made || made->isEmpty() || made->first().first().toInt() == 0)
            return QList<qint64>(kTables.size(), -1);
        for (const QString &table : kTables) {
            const auto rows = query(db, u"SELECT count(*) FROM "_s + table, true);
            counts << (rows && !rows->isEmpty() ? rows->first().first().toLongLong() : -1);
        }
        return counts;
    }
};

TEST_F(CliDemoKill, AKillAtAnyMomentLeavesNothingOrTheWholeDemo)
{
    const QStringList demo {u"demo"_s, u"--households"_s, u"30"_s, u"--seed"_s, u"5"_s};

    // An uninterrupted fill: what "the whole demo" is, and how long it takes here.
    const QString reference = dbPath(u"reference.sqlite"_s);
    QElapsedTimer timer;
    timer.start();
    const CliResult whole = cliOn(reference, demo);
    const qint64 fullMs = timer.elapsed();
    ASSERT_EQ(whole.exitCode, 0) << whole;
    const QList<qint64> full = tableCounts(reference);
    ASSERT_EQ(full.first(), 30);
    const QList<qint64> nothing(kTables.size(), 0);

    QRandomGenerator random(20261206);
    int leftNothing = 0;
    int leftWhole = 0;
    QString emptied;
    const int runs = 10;
    for (int run = 0; run < runs; ++run) {
        const QString db = dbPath(u"killed-%1.sqlite"_s.arg(run));
        // Moments spread over the whole run, a few of them after its end.
        const qint64 delayMs = random.bounded(qint64(fullMs * 11 / 10) + 1);
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, dir());
        environment.insert(u"XDG_DATA_HOME"_s, dir() + u"/xdg-data"_s);
        environment.insert(u"XDG_CONFIG_HOME"_s, dir() + u"/xdg-config"_s);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SAFERHOMES_CLI), QStringList {u"--db"_s, db} + demo);
        ASSERT_TRUE(process.waitForStarted(30'000)) << qPrintable(process.errorString());
        // The moment of the kill is the point of the test, not a wait for a condition.
        if (!process.waitForFinished(int(delayMs))) {
            process.kill();
            ASSERT_TRUE(process.waitForFinished(60'000));
        }

        const QList<qint64> counts = tableCounts(db);
        if (counts == nothing || counts.first() == -1) {
            // Killed before the database was even made, or before the one transaction.
            ++leftNothing;
            if (counts.first() == 0)
                emptied = db;
        } else {
            EXPECT_EQ(counts, full) << "run " << run << " killed after " << delayMs << " ms";
            ++leftWhole;
        }
    }
    std::printf("demo of 30 households: %lld ms; %d kills left nothing, %d the whole demo\n",
                static_cast<long long>(fullMs), leftNothing, leftWhole);
    EXPECT_EQ(leftNothing + leftWhole, runs);

    // A database a kill left empty takes the demo afterwards (the scratch file left behind is
    // started afresh).
    if (!emptied.isEmpty()) {
        const CliResult again = cliOn(emptied, demo);
        ASSERT_EQ(again.exitCode, 0) << again;
        EXPECT_EQ(tableCounts(emptied), full);
    }
}
