#pragma once

#include "commandoutput.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QString>

namespace saferhomes {

class Database;
struct Fitter;

/// `fitters list` and `fitters add --name N --skills "locks;alarms" --shift 08:00-16:30
/// --start LAT,LON` (DESIGN §4).
class FittersCommand {
    Q_DECLARE_TR_FUNCTIONS(FittersCommand)

public:
    explicit FittersCommand(const CommandOutput &output)
        : m_output(output)
    { }

    int list(Database &database);
    int add(Database &database, const QHash<QString, QString> &options);

    /// The contract's JSON of one fitter.
    static QJsonObject toJson(const Fitter &fitter);

private:
    CommandOutput m_output;
};

} // namespace saferhomes
