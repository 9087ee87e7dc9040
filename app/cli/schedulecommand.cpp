#include "schedulecommand.h"

#include "cli.h"
#include "importexport/icalendarwriter.h"
#include "schedule/autoscheduler.h"
#include "schedule/routesolver.h"
#include "schedule/solomoninstance.h"
#include "store/database.h"
#include "store/fitterrepository.h"
#include "store/jobrepository.h"

#include <QJsonArray>
#include <QSaveFile>

#include <cmath>

namespace saferhomes {

namespace {

constexpr double kDefaultTimeLimit = 2.0;
constexpr double kLongestTimeLimit = 24 * 3600.0;

} // namespace

int ScheduleCommand::solveVrptw(const QString &path, const QHash<QString, QString> &options)
{
    RoutingOptions routing;
    routing.timeLimit = kDefaultTimeLimit;
    if (const QString problem = readSearchOptions(options, &routing.timeLimit, &routing.seed);
        !problem.isEmpty())
        return m_output.fail(Cli::UsageError, problem);
    const QString objective
        = options.value(QStringLiteral("--objective"), QStringLiteral("distance"));
    if (objective == u"vehicles")
        routing.objective = RoutingOptions::Objective::Vehicles;
    else if (objective != u"distance")
        return m_output.fail(Cli::UsageError, tr("--objective takes distance or vehicles"));

    const Result<SolomonInstance> instance = SolomonInstance::read(path);
    if (!instance)
        return m_output.fail(Cli::UsageError, instance.errorString());
    const RoutingProblem problem = instance->toProblem();
    auto customer = [&](int job) {
        return instance->customers[size_t(job)].number;
    };
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
        return m_output.fail(
            Cli::Rejected,
            tr("%n customer(s) cannot be served by any route: %1", nullptr, int(unservable.size()))
                .arg(text),
            json);
    }

    const Result<RoutingSolution> solved = RouteSolver::solve(problem, routing);
    if (!solved)
        return m_output.fail(Cli::UsageError, solved.errorString());
    const RoutingSolution &solution = *solved;
    if (!solution.unplaced.empty()) {
        const auto [json, text] = listed(solution.unplaced);
        return m_output.fail(Cli::Rejected,
                             tr("no solution with every customer was found within the time limit; "
                                "%n customer(s) left out: %1",
                                nullptr, int(solution.unplaced.size()))
                                 .arg(text),
                             json);
    }
    if (solution.stoppedByClock) {
        m_output.note(tr("the time limit ended the search before its usual amount of work "
                         "(a slow or busy machine); the same seed may then give another answer"));
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
    m_output.print({{QStringLiteral("distance"), solution.distance},
                    {QStringLiteral("vehicles"), solution.vehiclesUsed},
                    {QStringLiteral("routes"), routes}},
                   text);
    return Cli::Success;
}

} // namespace saferhomes

namespace saferhomes {

namespace {

constexpr double kAutoTimeLimit = 5.0;
constexpr int kLongestHorizonDays = 62;

CalendarEvent calendarEvent(const Job &job)
{
    CalendarEvent event;
    event.uid = job.id.toString(QUuid::WithoutBraces) + QStringLiteral("@saferhomes");
    // A cancellation must reach calendars as a newer version of the event than the booking.
    event.sequence = job.sequence + (job.status == JobStatus::Cancelled ? 1 : 0);
    event.start = job.start;
    event.end = job.end.isValid() ? job.end : job.start.addSecs(60LL * job.durationMinutes);
    event.summary = ScheduleCommand::tr("Installation: %1").arg(job.address);
    event.location
        = job.postcode.isEmpty() ? job.address : job.address + QStringLiteral(", ") + job.postcode;
    QStringList lines;
    for (const JobItem &item : job.items)
        lines.append(ScheduleCommand::tr("%1 x %2").arg(item.qty).arg(item.code));
    if (!job.accessNotes.isEmpty())
        lines.append(ScheduleCommand::tr("Access: %1").arg(job.accessNotes));
    event.description = lines.join(u'\n');
    event.status = job.status == JobStatus::Cancelled ? CalendarEvent::Status::Cancelled
        : job.status == JobStatus::Tentative          ? CalendarEvent::Status::Tentative
                                                      : CalendarEvent::Status::Confirmed;
    return event;
}

} // namespace

QString ScheduleCommand::readSearchOptions(const QHash<QString, QString> &options, double *seconds,
                                           std::uint64_t *seed)
{
    bool ok = true;
    if (options.contains(QStringLiteral("--time-limit"))) {
        *seconds = options.value(QStringLiteral("--time-limit")).toDouble(&ok);
        if (!ok || !(*seconds > 0) || *seconds > kLongestTimeLimit)
            return tr("--time-limit takes a number of seconds above 0 and up to %1")
                .arg(kLongestTimeLimit);
    }
    if (options.contains(QStringLiteral("--seed"))) {
        *seed = options.value(QStringLiteral("--seed")).toULongLong(&ok);
        if (!ok)
            return tr("--seed takes a whole number");
    }
    return {};
}

int ScheduleCommand::autoSchedule(Database &database, const QHash<QString, QString> &options,
                                  bool replan)
{
    AutoScheduleRequest request;
    request.scope = AutoScheduleScope::Horizon;
    request.replan = replan;
    request.timeLimit = kAutoTimeLimit;
    request.from = QDate::fromString(options.value(QStringLiteral("--from")), Qt::ISODate);
    if (!request.from.isValid())
        return m_output.fail(Cli::UsageError, tr("schedule auto needs --from YYYY-MM-DD"));
    bool ok = false;
    request.days = options.value(QStringLiteral("--days")).toInt(&ok);
    if (!ok || request.days < 1 || request.days > kLongestHorizonDays)
        return m_output.fail(
            Cli::UsageError,
            tr("schedule auto needs --days N, from 1 to %1").arg(kLongestHorizonDays));
    if (const QString problem = readSearchOptions(options, &request.timeLimit, &request.seed);
        !problem.isEmpty())
        return m_output.fail(Cli::UsageError, problem);

    JobRepository jobs(database, Database::localUserName());
    const Result<QList<Job>> allJobs = jobs.jobs({});
    if (!allJobs)
        return m_output.fail(Cli::UsageError, allJobs.errorString());
    const Result<QList<Fitter>> fitters
        = FitterRepository(database, Database::localUserName()).all();
    if (!fitters)
        return m_output.fail(Cli::UsageError, fitters.errorString());
    const Result<QHash<QString, QString>> skills = jobs.itemSkills();
    if (!skills)
        return m_output.fail(Cli::UsageError, skills.errorString());
    const Result<ScheduleStock> stock = jobs.scheduleStock();
    if (!stock)
        return m_output.fail(Cli::UsageError, stock.errorString());
    const Result<AutoSchedulePlan> plan
        = AutoScheduler::plan({*allJobs, *fitters, *skills, *stock}, request);
    if (!plan)
        return m_output.fail(Cli::UsageError, plan.errorString());
    if (!plan->changes.isEmpty()) {
        const Result<int> applied = jobs.applyBookings(plan->changes);
        if (!applied)
            return m_output.fail(Cli::Rejected, applied.errorString());
    }

    const double travel = std::round(plan->travelMinutesAfter * 10) / 10;
    QJsonArray unscheduled;
    QStringList lines;
    for (const JobLeftOut &job : plan->unscheduled) {
        const QString id = job.jobId.toString(QUuid::WithoutBraces);
        unscheduled.append(
            QJsonObject {{QStringLiteral("job"), id}, {QStringLiteral("reason"), job.reason}});
        lines.append(tr("  %1 left unscheduled: %2").arg(id, job.reason));
    }
    if (plan->stoppedByClock) {
        m_output.note(tr("the time limit ended the search before its usual amount of work "
                         "(a slow or busy machine)"));
    }
    lines.prepend(tr("%n job(s) scheduled", nullptr, plan->placed) + QStringLiteral(", ")
                  + tr("%n moved", nullptr, plan->moved) + QStringLiteral(", ")
                  + tr("%n left unscheduled", nullptr, int(plan->unscheduled.size()))
                  + QStringLiteral("; ")
                  + tr("travel %1 min (was %2 min)")
                        .arg(travel)
                        .arg(std::round(plan->travelMinutesBefore * 10) / 10));
    m_output.print({{QStringLiteral("scheduled"), plan->placed},
                    {QStringLiteral("unscheduled"), unscheduled},
                    {QStringLiteral("travel_minutes"), travel},
                    {QStringLiteral("moved"), plan->moved}},
                   lines.join(u'\n'));
    return Cli::Success;
}

int ScheduleCommand::pin(Database &database, const QHash<QString, QString> &options)
{
    const QUuid jobId = QUuid::fromString(options.value(QStringLiteral("--job")));
    if (jobId.isNull())
        return m_output.fail(Cli::UsageError, tr("schedule pin needs --job ID"));
    const std::optional<PinKind> pin
        = PinKindNames::fromName(options.value(QStringLiteral("--to")));
    if (!pin) {
        return m_output.fail(Cli::UsageError,
                             tr("schedule pin needs --to %1")
                                 .arg(QStringList {QStringLiteral("fitter"), QStringLiteral("day"),
                                                   QStringLiteral("time"), QStringLiteral("none")}
                                          .join(u'|')));
    }
    const Status pinned = JobRepository(database, Database::localUserName()).setJobPin(jobId, *pin);
    if (!pinned) {
        return m_output.fail(pinned.error().kind == Error::Kind::Database ? Cli::UsageError
                                                                          : Cli::Rejected,
                             pinned.errorString());
    }
    const QString id = jobId.toString(QUuid::WithoutBraces);
    m_output.print({{QStringLiteral("job"), id}, {QStringLiteral("pin"), PinKindNames::name(*pin)}},
                   *pin == PinKind::None
                       ? tr("job %1 unpinned").arg(id)
                       : tr("job %1 pinned to its %2").arg(id, PinKindNames::name(*pin)));
    return Cli::Success;
}

int ScheduleCommand::ical(Database &database, const QHash<QString, QString> &options)
{
    const QUuid fitterId = QUuid::fromString(options.value(QStringLiteral("--fitter")));
    if (fitterId.isNull())
        return m_output.fail(Cli::UsageError, tr("schedule ical needs --fitter ID"));
    const QDate day = QDate::fromString(options.value(QStringLiteral("--date")), Qt::ISODate);
    if (!day.isValid())
        return m_output.fail(Cli::UsageError, tr("schedule ical needs --date YYYY-MM-DD"));
    const QString path = options.value(QStringLiteral("--out"));
    if (path.isEmpty())
        return m_output.fail(Cli::UsageError, tr("schedule ical needs --out FILE"));
    const Result<Fitter> fitter
        = FitterRepository(database, Database::localUserName()).find(fitterId);
    if (!fitter)
        return m_output.fail(Cli::UsageError, fitter.errorString());
    JobFilter filter;
    filter.day = day;
    filter.fitterId = fitterId;
    const Result<QList<Job>> jobs = JobRepository(database, Database::localUserName()).jobs(filter);
    if (!jobs)
        return m_output.fail(Cli::UsageError, jobs.errorString());
    QList<CalendarEvent> events;
    for (const Job &job : *jobs) {
        if (job.start.isValid())
            events.append(calendarEvent(job));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(ICalendarWriter::write(events, QDateTime::currentDateTimeUtc())) < 0
        || !file.commit())
        return m_output.fail(Cli::UsageError, tr("%1: %2").arg(path, file.errorString()));
    m_output.print({{QStringLiteral("events"), int(events.size())}, {QStringLiteral("out"), path}},
                   tr("%n event(s) written to %1", nullptr, int(events.size())).arg(path));
    return Cli::Success;
}

} // namespace saferhomes
