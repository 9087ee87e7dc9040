#pragma once

#include "commandoutput.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QString>

namespace saferhomes {

class Database;
struct StockLevel;

/// `stock levels [--location L]`, `stock receive --code C --qty N [--location L] [--note REF]`,
/// `stock transfer --code C --qty N --from L --to L`, `stock count --code C --location L
/// --counted N`, `stock return --code C --qty N [--location L]` and `stock write-off --code C
/// --qty N --location L --reason R` (DESIGN §4). A location is `depot` or a fitter's id (their
/// van). A movement the ledger refuses (below zero, unknown code, bad quantity) exits 1 with the
/// figures on stderr; a malformed command exits 2.
class StockCommand {
    Q_DECLARE_TR_FUNCTIONS(StockCommand)

public:
    explicit StockCommand(const CommandOutput &output)
        : m_output(output)
    { }

    /// Runs `stock SUB` with \a options.
    int run(Database &database, const QString &sub, const QHash<QString, QString> &options);

    /// The contract's JSON of one level.
    static QJsonObject toJson(const StockLevel &level);
    /// The subcommands run() knows.
    static QStringList subcommands();

private:
    int levels(Database &database, const QHash<QString, QString> &options);
    int move(Database &database, const QString &sub, const QHash<QString, QString> &options);

    CommandOutput m_output;
};

} // namespace saferhomes
