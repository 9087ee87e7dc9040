#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QTextStream>

namespace saferhomes {

class Database;
struct Fitter;

/// `fitters list` and `fitters add --name N --skills "locks;alarms" --shift 08:00-16:30
/// --start LAT,LON` (DESIGN §4).
class FittersCommand {
    Q_DECLARE_TR_FUNCTIONS(FittersCommand)

public:
    FittersCommand(QTextStream &out, QTextStream &err, bool json);

    int list(Database &database);
    int add(Database &database, const QHash<QString, QString> &options);

    /// The contract's JSON of one fitter.
    static QJsonObject toJson(const Fitter &fitter);

private:
    int fail(int exitCode, const QString &message);
    void print(const QJsonObject &json, const QString &text);

    QTextStream &m_out;
    QTextStream &m_err;
    bool m_json = false;
};

} // namespace saferhomes
