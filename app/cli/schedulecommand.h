#pragma once

#include "commandoutput.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <cstdint>

namespace saferhomes {

class Database;

/// `schedule solve-vrptw FILE [--time-limit S] [--seed N] [--objective distance|vehicles]`
/// (DESIGN §4): solves a Solomon-format instance with the route optimiser and prints
/// {"distance", "vehicles", "routes"}. Needs no database.
class ScheduleCommand {
    Q_DECLARE_TR_FUNCTIONS(ScheduleCommand)

public:
    explicit ScheduleCommand(const CommandOutput &output)
        : m_output(output)
    { }

    /// Returns the contract's exit code: 0 a solution; 1 customers that no route can serve
    /// (or that the search could not place); 2 bad options or a file that cannot be read.
    int solveVrptw(const QString &path, const QHash<QString, QString> &options);

    /// `schedule auto --from YYYY-MM-DD --days N [--time-limit S] [--seed N] [--replan]`:
    /// plans the horizon and applies it in one transaction. Prints {"scheduled",
    /// "unscheduled": [{"job", "reason"}], "travel_minutes", "moved"}. 0 applied (jobs left
    /// out are listed, not a failure); 1 the plan could not be applied (a job changed
    /// meanwhile, a write refused); 2 bad options or a database that cannot be read.
    int autoSchedule(Database &database, const QHash<QString, QString> &options, bool replan);

    /// `schedule ical --fitter ID --date YYYY-MM-DD --out FILE`: the fitter's day as
    /// iCalendar. 0 written; 2 bad options, an unknown fitter or a file that cannot be written.
    int ical(Database &database, const QHash<QString, QString> &options);

    /// `schedule pin --job ID --to fitter|day|time|none`: pins a booked job to its fitter (any
    /// day or time), its day (any time that day) or its exact time, or unpins it (none); what
    /// the optimiser may still change of it (DESIGN §8). Prints {"job", "pin"}. 0 done (also
    /// when it was pinned so already); 1 refused (no such job, or a job that is not booked);
    /// 2 bad options or a database that cannot be read or written.
    int pin(Database &database, const QHash<QString, QString> &options);

private:
    /// Reads --time-limit into \a seconds and --seed into \a seed where they are given;
    /// returns the usage error, or an empty string.
    static QString readSearchOptions(const QHash<QString, QString> &options, double *seconds,
                                     std::uint64_t *seed);

    CommandOutput m_output;
};

} // namespace saferhomes
