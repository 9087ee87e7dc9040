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
    /// Writes the demo data in one transaction; returns false and sets \a errorString on
    /// failure, leaving the database unchanged. A database that already has households is
    /// refused. The same seed and count give the same household rows (ids included) apart
    /// from their created/updated times; visit, survey and job dates are placed around today.
    static bool fill(const Database &database, const Options &options, QString *errorString);
};

} // namespace saferhomes
