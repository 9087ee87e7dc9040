#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>

namespace saferhomes {

class Database;

/// Fills a database with deterministic, realistic demo data for Melton Town Centre and
/// Oadby and Wigston: areas, equipment, fitters, households across every funnel status with
/// visits, consents, surveys, recommendations, jobs and stock movements that agree with their
/// status.
class DemoData {
    Q_DECLARE_TR_FUNCTIONS(DemoData)

public:
    struct Options {
        Options(int households = 300, quint32 seed = 1)
            : households(households)
            , seed(seed)
        { }
        int households = 300;
        quint32 seed = 1;
        /// Called now and then with how many households' stories are written of how many.
        std::function<void(int done, int total)> progress;
        /// Set (from any thread) to stop the fill; it then fails with Error::Kind::Cancelled
        /// and the database is left as it was.
        const std::atomic_bool *cancel = nullptr;
    };

    /// Writes the demo data into \a database, refusing one that already has households, and
    /// marks it as a demo database, which is never sent to a central database.
    ///
    /// All of it arrives in one transaction: a fill stopped at any moment (an error, a
    /// cancel, the process killed) leaves the database as it was, or with the whole demo.
    /// The fill itself is written to a private temporary database first (in memory while it
    /// fits, no file of ours): the register (areas, catalogue, fitters, households,
    /// residents), then each household's story through the doorstep services, as the screens
    /// use them, then jobs, stock and the story times. That is then copied into \a database
    /// in one transaction (DemoTransfer).
    ///
    /// The same seed and count give the same household and resident rows (ids included)
    /// apart from their created/updated times. Visits, consents and surveys get ids from the
    /// services, which differ from fill to fill; their times are placed around today (the
    /// services stamp the current time, which the fill then moves into the story's past; the
    /// audit events keep the real time of writing).
    static Status fill(const Database &database, const Options &options);
};

} // namespace saferhomes
