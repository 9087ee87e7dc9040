#pragma once

#include <QString>

namespace saferhomes {

class Database;

/// Fills a database with deterministic, realistic demo data for Melton Town Centre and
/// Oadby and Wigston: areas, equipment, fitters, households across every funnel status with
/// visits, consents, surveys, recommendations, jobs and stock movements that agree with their
/// status.
class DemoData {
public:
    struct Options {
        int households = 300;
        quint32 seed = 1;
    };
    /// Writes the demo data, refusing a database that already has households; returns false
    /// and sets \a errorString on failure.
    ///
    /// The register (areas, catalogue, fitters, households, residents) is written in one
    /// transaction. Each household's story then goes through the doorstep services, as the
    /// screens use them, each call its own transaction; jobs and stock, which no service writes
    /// yet, and the story times come last. Should any of that fail, everything the fill wrote
    /// is removed again, except its audit events: the audit trail is append-only and keeps
    /// both the rows written and their removal.
    ///
    /// The same seed and count give the same household and resident rows (ids included)
    /// apart from their created/updated times. Visits, consents and surveys get ids from the
    /// services, which differ from fill to fill; their times are placed around today (the
    /// services stamp the current time, which the fill then moves into the story's past; the
    /// audit events keep the real time of writing).
    static bool fill(const Database &database, const Options &options, QString *errorString);
};

} // namespace saferhomes
