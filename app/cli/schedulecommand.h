#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QTextStream>

namespace saferhomes {

/// `schedule solve-vrptw FILE [--time-limit S] [--seed N] [--objective distance|vehicles]`
/// (DESIGN §4): solves a Solomon-format instance with the route optimiser and prints
/// {"distance", "vehicles", "routes"}. Needs no database.
class ScheduleCommand {
    Q_DECLARE_TR_FUNCTIONS(ScheduleCommand)

public:
    ScheduleCommand(QTextStream &out, QTextStream &err, bool json);

    /// Returns the contract's exit code: 0 a solution; 1 customers that no route can serve
    /// (or that the search could not place); 2 bad options or a file that cannot be read.
    int solveVrptw(const QString &path, const QHash<QString, QString> &options);

private:
    int fail(int exitCode, const QString &message, const QJsonObject &extra = {});

    QTextStream &m_out;
    QTextStream &m_err;
    bool m_json = false;
};

} // namespace saferhomes
