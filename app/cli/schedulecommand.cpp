#include "schedulecommand.h"

#include "cli.h"
#include "schedule/routesolver.h"
#include "schedule/solomoninstance.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace saferhomes {

namespace {

constexpr double kDefaultTimeLimit = 2.0;
constexpr double kLongestTimeLimit = 24 * 3600.0;

} // namespace

ScheduleCommand::ScheduleCommand(QTextStream &out, QTextStream &err, bool json)
    : m_out(out)
    , m_err(err)
    , m_json(json)
{ }

int ScheduleCommand::fail(int exitCode, const QString &message, const QJsonObject &extra)
{
    m_err << tr("saferhomes-cli: %1").arg(message) << '\n';
    m_err.flush();
    if (m_json) {
        QJsonObject json = extra;
        json.insert(QStringLiteral("error"), message);
        m_out << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
        m_out.flush();
    }
    return exitCode;
}

int ScheduleCommand::solveVrptw(const QString &path, const QHash<QString, QString> &options)
{
    RoutingOptions routing;
    routing.timeLimit = kDefaultTimeLimit;
    bool ok = true;
    if (options.contains(QStringLiteral("--time-limit"))) {
        routing.timeLimit = options.value(QStringLiteral("--time-limit")).toDouble(&ok);
        if (!ok || !(routing.timeLimit > 0) || routing.timeLimit > kLongestTimeLimit)
            return fail(Cli::UsageError,
                        tr("--time-limit takes a number of seconds above 0 and up to %1")
                            .arg(kLongestTimeLimit));
    }
    if (options.contains(QStringLiteral("--seed"))) {
        routing.seed = options.value(QStringLiteral("--seed")).toULongLong(&ok);
        if (!ok)
            return fail(Cli::UsageError, tr("--seed takes a whole number"));
    }
    const QString objective = options.value(QStringLiteral("--objective"), QStringLiteral("distance"));
    if (objective == u"vehicles")
        routing.objective = RoutingOptions::Objective::Vehicles;
    else if (objective != u"distance")
        return fail(Cli::UsageError, tr("--objective takes distance or vehicles"));

    const Result<SolomonInstance> instance = SolomonInstance::read(path);
    if (!instance)
        return fail(Cli::UsageError, instance.errorString());
    const RoutingProblem problem = instance->toProblem();
    auto customer = [&](int job) { return instance->customers[size_t(job)].number; };
    auto listed = [&](const std::vector<UnplacedJob> &jobs) {
        QJsonArray array;
        QStringList text;
        for (const UnplacedJob &job : jobs) {
            array.append(QJsonObject {{QStringLiteral("customer"), customer(job.job)},
                                      {QStringLiteral("reason"), unplacedReasonName(job.reason)}});
            text.append(tr("%1 (%2)").arg(customer(job.job)).arg(unplacedReasonName(job.reason)));
        }
        return std::pair {QJsonObject {{QStringLiteral("unservable"), array}},
                          text.join(QLatin1String(", "))};
    };
    const std::vector<UnplacedJob> unservable = problem.jobsNoRouteCanServe();
    if (!unservable.empty()) {
        const auto [json, text] = listed(unservable);
        return fail(Cli::Rejected,
                    tr("%n customer(s) cannot be served by any route: %1", nullptr,
                       int(unservable.size()))
                        .arg(text),
                    json);
    }

    const Result<RoutingSolution> solved = RouteSolver::solve(problem, routing);
    if (!solved)
        return fail(Cli::UsageError, solved.errorString());
    const RoutingSolution &solution = *solved;
    if (!solution.unplaced.empty()) {
        const auto [json, text] = listed(solution.unplaced);
        return fail(Cli::Rejected,
                    tr("no solution with every customer was found within the time limit; "
                       "%n customer(s) left out: %1",
                       nullptr, int(solution.unplaced.size()))
                        .arg(text),
                    json);
    }
    if (solution.stoppedByClock) {
        m_err << tr("note: the time limit ended the search before its usual amount of work "
                    "(a slow or busy machine); the same seed may then give another answer")
              << '\n';
        m_err.flush();
    }

    QJsonArray routes;
    QString text = tr("%1: %n vehicle(s), distance %2", nullptr, solution.vehiclesUsed)
                       .arg(instance->name)
                       .arg(solution.distance, 0, 'f', 2);
    for (const PlannedRoute &route : solution.routes) {
        QJsonArray numbers;
        QStringList words;
        for (int job : route.jobs) {
            numbers.append(customer(job));
            words.append(QString::number(customer(job)));
        }
        routes.append(numbers);
        text += u'\n' + words.join(u' ');
    }
    if (m_json) {
        const QJsonObject json {{QStringLiteral("distance"), solution.distance},
                                {QStringLiteral("vehicles"), solution.vehiclesUsed},
                                {QStringLiteral("routes"), routes}};
        m_out << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
    } else {
        m_out << text << '\n';
    }
    m_out.flush();
    return Cli::Success;
}

} // namespace saferhomes
