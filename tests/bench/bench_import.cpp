// Import of a 100k-row household file against `sqlite3 .import` of the same file into a
// plain table, both measured in this run and timed alike, as the user waits for them: each is a
// process timed from its start to its exit (`saferhomes-cli households import` into an existing
// database, so its open, write-ahead-log checkpoint and close are inside the clock, as sqlite3's
// are). Prints the ratio; the target is at most 3x. Then the same import in this process, split
// into the import and the close (the final checkpoint of the write-ahead log), to say what the
// checkpoint costs.

#include "importexport/csvwriter.h"
#include "importexport/householdimporter.h"
#include "store/database.h"
#include "store/householdrepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <optional>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace saferhomes;

namespace {

QByteArray makeFile(int rows)
{
    const QStringList streets {QStringLiteral("Thorpe End"),        QStringLiteral("Burton Road"),
                               QStringLiteral("Nottingham Street"), QStringLiteral("Dalby Road"),
                               QStringLiteral("Leicester Road"),    QStringLiteral("Welford Road")};
    const QStringList names {QStringLiteral("Margaret Smith"), QStringLiteral("Zoë Ó Súilleabháin"),
                             QStringLiteral("Tom O'Brien"), QStringLiteral("Priya Patel"),
                             QStringLiteral("Ann \"Nan\" Jones")};
    std::mt19937 random(42);
    QByteArray out = CsvWriter::formatRecord(
        {QStringLiteral("uprn"), QStringLiteral("address_line1"), QStringLiteral("address_line2"),
         QStringLiteral("town"), QStringLiteral("postcode"), QStringLiteral("area"),
         QStringLiteral("latitude"), QStringLiteral("longitude"), QStringLiteral("eligibility"),
         QStringLiteral("resident_name"), QStringLiteral("phone"), QStringLiteral("notes")});
    for (int i = 0; i < rows; ++i) {
        const bool melton = i % 2 == 0;
        out += CsvWriter::formatRecord(
            {QString::number(100000000000LL + i),
             QStringLiteral("%1 %2").arg(i % 300 + 1).arg(streets[random() % streets.size()]),
             i % 7 == 0 ? QStringLiteral("Flat %1").arg(i % 9 + 1) : QString(),
             melton ? QStringLiteral("Melton Mowbray") : QStringLiteral("Wigston"),
             melton ? QStringLiteral("LE13 %1AB").arg(i % 10)
                    : QStringLiteral("LE18 %1DR").arg(i % 10),
             melton ? QStringLiteral("Melton Town Centre") : QStringLiteral("Oadby and Wigston"),
             QString::number(52.5 + (random() % 30000) / 100000.0, 'f', 5),
             QString::number(-1.1 + (random() % 30000) / 100000.0, 'f', 5),
             i % 3 == 0 ? QStringLiteral("repeat_victim;vulnerable") : QStringLiteral("hotspot"),
             names[random() % names.size()], QStringLiteral("0116 496 %1").arg(i % 10000),
             i % 11 == 0 ? QStringLiteral("Back door, see \"notes\",\nring twice") : QString()});
    }
    return out;
}

/// CPU seconds (user and system) used so far by this process or by its waited-for children:
/// less disturbed than wall time by other work on a busy machine.
double cpuSeconds(int who)
{
    rusage usage {};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// Runs \a program with \a arguments to its exit: wall seconds, or nothing (with the reason on
/// stderr) when it failed.
std::optional<double> timedRun(const QString &program, const QStringList &arguments)
{
    QElapsedTimer timer;
    timer.start();
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        std::fprintf(stderr, "%s failed (exit %d): %s\n", qPrintable(program), process.exitCode(),
                     process.readAllStandardError().constData());
        return std::nullopt;
    }
    return timer.nsecsElapsed() / 1e9;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const int runs = 3;
    const QString cli = QStringLiteral(SAFERHOMES_CLI);
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("households.csv"));
    {
        QFile file(csv);
        if (!file.open(QIODevice::WriteOnly) || file.write(makeFile(rows)) < 0)
            return 2;
    }
    std::printf("import of %d households (%lld bytes), median of %d runs\n", rows,
                static_cast<long long>(QFile(csv).size()), runs);

    std::vector<double> baseline;
    std::vector<double> command;
    std::vector<double> inProcess;
    std::vector<double> closing;
    std::vector<double> baselineCpu;
    std::vector<double> commandCpu;
    for (int run = 0; run < runs; ++run) {
        // The baseline: sqlite3 from its start to its exit.
        const QString plain = dir.filePath(QStringLiteral("plain%1.sqlite").arg(run));
        double cpu = cpuSeconds(RUSAGE_CHILDREN);
        const std::optional<double> base = timedRun(
            QStringLiteral("sqlite3"),
            {plain, QStringLiteral(".mode csv"), QStringLiteral(".import %1 households").arg(csv)});
        if (!base)
            return 2;
        baseline.push_back(*base);
        baselineCpu.push_back(cpuSeconds(RUSAGE_CHILDREN) - cpu);

        // Ours as the user runs it: the command into an existing (empty) register.
        const QString target = dir.filePath(QStringLiteral("command%1.sqlite").arg(run));
        if (!timedRun(cli, {QStringLiteral("--db"), target, QStringLiteral("init")}))
            return 2;
        cpu = cpuSeconds(RUSAGE_CHILDREN);
        const std::optional<double> mine
            = timedRun(cli,
                       {QStringLiteral("--db"), target, QStringLiteral("households"),
                        QStringLiteral("import"), csv});
        if (!mine)
            return 1;
        command.push_back(*mine);
        commandCpu.push_back(cpuSeconds(RUSAGE_CHILDREN) - cpu);
        {
            Database check(QStringLiteral("check%1").arg(run));
            if (!check.open(target))
                return 2;
            const Result<int> count = HouseholdRepository(check, QStringLiteral("bench")).count();
            if (!count || count.value() != rows) {
                std::fprintf(stderr, "the command imported %d of %d households: %s\n",
                             count ? count.value() : -1, rows, qPrintable(count.errorString()));
                return 1;
            }
        }

        // The same import in this process, its close (the last checkpoint) timed apart.
        const QString path = dir.filePath(QStringLiteral("ours%1.sqlite").arg(run));
        Database database(QStringLiteral("bench%1").arg(run));
        if (!database.open(path))
            return 2;
        {
            HouseholdRepository repository(database, QStringLiteral("bench"));
            HouseholdImporter importer(repository);
            QElapsedTimer timer;
            timer.start();
            const ImportResult result = importer.import(csv, false);
            inProcess.push_back(timer.nsecsElapsed() / 1e9);
            if (result.imported != rows) {
                std::fprintf(stderr, "imported %d of %d: %s\n", result.imported, rows,
                             qPrintable(result.status.errorString()));
                return 1;
            }
        }
        const qint64 wal = QFile(path + QStringLiteral("-wal")).size();
        QElapsedTimer timer;
        timer.start();
        database.close();
        closing.push_back(timer.nsecsElapsed() / 1e9);
        if (run == 0)
            std::printf("write-ahead log before the close: %.1f MB\n", wal / 1e6);
    }
    const double base = median(baseline);
    const double mine = median(command);
    std::printf("sqlite3 .import, start to exit (baseline): %.3f s\n", base);
    std::printf("saferhomes-cli households import, start to exit: %.3f s (open, parse, validate, "
                "households, residents, audit, quick-find index, checkpoint, close)\n",
                mine);
    std::printf("ratio: %.2fx (target <= 3x)\n", mine / base);
    std::printf("CPU time: sqlite3 %.3f s, saferhomes-cli %.3f s, ratio %.2fx (medians)\n",
                median(baselineCpu), median(commandCpu), median(commandCpu) / median(baselineCpu));
    std::printf("in this process: import %.3f s, then close (checkpoint of the write-ahead log) "
                "%.3f s\n",
                median(inProcess), median(closing));
    return 0;
}
