#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QTextStream>

namespace saferhomes {

class Database;

/// `jobs sheets --fitter ID --date YYYY-MM-DD --out FILE.pdf` (DESIGN §4): the fitter's day
/// as printable job sheets. It draws with Qt Gui, so main() makes a QGuiApplication (on the
/// offscreen platform unless one is set) for this command only.
class SheetsCommand {
    Q_DECLARE_TR_FUNCTIONS(SheetsCommand)

public:
    SheetsCommand(QTextStream &out, QTextStream &err, bool json);

    /// {"file", "fitter", "date", "jobs", "pages"}.
    int write(Database &database, const QHash<QString, QString> &options);

    /// Whether the command line \a argv (as main() has it) runs this command.
    static bool isRequested(int argc, char *argv[]);

private:
    int fail(int exitCode, const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
    bool m_json = false;
};

} // namespace saferhomes
