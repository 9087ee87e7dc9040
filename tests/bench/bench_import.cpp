// Import of a 100k-row household file against `sqlite3 .import` of the same file into a
// plain table, both measured in this run. Prints the ratio; the target is at most 3x.

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
    std::vector<double> ours;
    std::vector<double> baselineCpu;
    std::vector<double> oursCpu;
    for (int run = 0; run < runs; ++run) {
        const QString plain = dir.filePath(QStringLiteral("plain%1.sqlite").arg(run));
        QElapsedTimer timer;
        timer.start();
        double cpu = cpuSeconds(RUSAGE_CHILDREN);
        QProcess sqlite;
        sqlite.start(
            QStringLiteral("sqlite3"),
            {plain, QStringLiteral(".mode csv"), QStringLiteral(".import %1 households").arg(csv)});
        if (!sqlite.waitForFinished(600000) || sqlite.exitCode() != 0) {
            std::fprintf(stderr, "sqlite3 .import failed: %s\n",
                         sqlite.readAllStandardError().constData());
            return 2;
        }
        baseline.push_back(timer.nsecsElapsed() / 1e9);
        baselineCpu.push_back(cpuSeconds(RUSAGE_CHILDREN) - cpu);

        const QString path = dir.filePath(QStringLiteral("ours%1.sqlite").arg(run));
        Database database(QStringLiteral("bench%1").arg(run));
        if (!database.open(path))
            return 2;
        HouseholdRepository repository(database, QStringLiteral("bench"));
        HouseholdImporter importer(repository);
        timer.restart();
        cpu = cpuSeconds(RUSAGE_SELF);
        const ImportResult result = importer.import(csv, false);
        ours.push_back(timer.nsecsElapsed() / 1e9);
        oursCpu.push_back(cpuSeconds(RUSAGE_SELF) - cpu);
        if (result.imported != rows) {
            std::fprintf(stderr, "imported %d of %d: %s\n", result.imported, rows,
                         qPrintable(result.status.errorString()));
            return 1;
        }
    }
    const double base = median(baseline);
    const double mine = median(ours);
    std::printf("sqlite3 .import (baseline): %.3f s\n", base);
    std::printf("saferhomes import:          %.3f s (parse, validate, households, residents, "
                "audit, quick-find index)\n",
                mine);
    std::printf("ratio: %.2fx (target <= 3x)\n", mine / base);
    std::printf("CPU time: sqlite3 %.3f s, saferhomes %.3f s, ratio %.2fx (medians; both of "
                "the import's threads: the file is read and checked while it is written)\n",
                median(baselineCpu), median(oursCpu), median(oursCpu) / median(baselineCpu));
    return 0;
}
