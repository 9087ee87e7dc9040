#pragma once

#include "commandoutput.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

namespace saferhomes {

class Database;

/// The headless command line (DESIGN §4): parses arguments, runs one command, prints JSON
/// or text, and returns the contract's exit code.
class Cli {
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    enum ExitCode { Success = 0, Rejected = 1, UsageError = 2, Unreachable = 3 };

    Cli();
    int run(const QStringList &arguments);

private:
    int runCommand(const QStringList &words);
    int init();
    int demo();
    int householdsImport(const QString &path);
    int householdsExport(const QString &path);
    int householdsCount();
    int householdsSet(const QStringList &assignments);
    int reportProgress();

    bool openDatabase(Database &database);
    static bool isDatabaseError(const Error &error);
    /// Reports a database that could not be read (its message names the file): exit 2,
    /// nothing on stdout.
    int databaseError(const Error &error);
    int usage(const QString &message);
    static QString helpText();
    void printResult(const QJsonObject &json, const QString &text);
    /// Where the commands write; --json as the command line says.
    CommandOutput output();

    QTextStream m_out;
    QTextStream m_err;
    QString m_dbPath;
    bool m_json = false;
    QHash<QString, QString> m_options;
    QStringList m_flags;
};

} // namespace saferhomes
