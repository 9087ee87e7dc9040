#pragma once

#include "commandoutput.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace saferhomes {

class Database;

/// `jobs sheets --fitter ID --date YYYY-MM-DD --out FILE.pdf` (DESIGN §4): the fitter's day
/// as printable job sheets. It draws with Qt Gui, so main() makes a QGuiApplication (on the
/// offscreen platform unless one is set) for this command only.
class SheetsCommand {
    Q_DECLARE_TR_FUNCTIONS(SheetsCommand)

public:
    explicit SheetsCommand(const CommandOutput &output)
        : m_output(output)
    { }

    /// {"file", "fitter", "date", "jobs", "pages"}.
    int write(Database &database, const QHash<QString, QString> &options);

    /// Whether the command line \a argv (as main() has it) runs this command.
    static bool isRequested(int argc, char *argv[]);

private:
    CommandOutput m_output;
};

} // namespace saferhomes
