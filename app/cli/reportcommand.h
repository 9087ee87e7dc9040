#pragma once

#include "commandoutput.h"
#include "domain/financialperiod.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace saferhomes {

class Database;
struct Error;

/// `report quarterly --period 2024/25-Q3 [--format json|csv|xlsx|pdf] [--out FILE]` (DESIGN
/// §4, §9): the quarterly return, and its frozen copy (`--freeze`, `--frozen`,
/// `--variances`). A malformed period is exit 2, a quarter that has not started exit 1; a
/// file is written whole or not at all. The PDF draws with Qt Gui, so main() makes a
/// QGuiApplication when this command asks for it.
class ReportCommand {
    Q_DECLARE_TR_FUNCTIONS(ReportCommand)

public:
    explicit ReportCommand(const CommandOutput &output)
        : m_output(output)
    { }

    /// Reads and checks the command's options before any database is opened: Cli::Success,
    /// or the exit code after the message (a malformed period, a future quarter).
    int parse(const QHash<QString, QString> &options, const QStringList &flags);
    /// Runs the command parse() accepted.
    int quarterly(Database &database);

    /// Whether the command line \a argv (as main() has it) asks for the PDF of the return.
    static bool needsGui(int argc, char *argv[]);

private:
    int failed(const Error &error) const;
    /// Writes \a bytes to \a out (all or nothing), or to stdout when \a out is empty.
    int deliver(const QByteArray &bytes, const QString &out, const QString &period,
                const QString &format) const;

    CommandOutput m_output;
    FinancialPeriod m_period;
    QString m_format;
    QString m_out;
    bool m_freeze = false;
    bool m_frozen = false;
    bool m_variances = false;
};

} // namespace saferhomes
