#pragma once

#include "commandoutput.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QString>

namespace saferhomes {

class Database;
struct Job;

/// `jobs list [--date YYYY-MM-DD] [--fitter ID] [--status S]` and
/// `jobs create --from-packages [--area A]` (DESIGN §4).
class JobsCommand {
    Q_DECLARE_TR_FUNCTIONS(JobsCommand)

public:
    explicit JobsCommand(const CommandOutput &output)
        : m_output(output)
    { }

    int list(Database &database, const QHash<QString, QString> &options);
    /// `jobs create --from-packages [--area A]`: {"created": N, "jobs": [ids]}.
    int createFromPackages(Database &database, const QString &area);
    /// `jobs complete --job ID --fitted "CODE=QTY;..." [--serials "CODE=S1,S2;..."]
    /// [--signed-off-by NAME]`: {"job", "completed": true, "applied": bool}.
    int complete(Database &database, const QHash<QString, QString> &options);
    /// `jobs no-access --job ID [--note T]`: {"job", "status": "no_access", "revisit"}.
    int noAccess(Database &database, const QHash<QString, QString> &options);

    /// The contract's JSON of one job; times ISO 8601 with the Europe/London offset.
    static QJsonObject toJson(const Job &job);

private:
    CommandOutput m_output;
};

} // namespace saferhomes
