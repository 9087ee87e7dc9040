#include "cli.h"

#include "admincommand.h"
#include "commandoutput.h"
#include "demo/demodata.h"
#include "fitterscommand.h"
#include "importexport/householdexporter.h"
#include "importexport/householdimporter.h"
#include "jobscommand.h"
#include "mapcommand.h"
#include "reportcommand.h"
#include "reporting/progressreport.h"
#include "schedulecommand.h"
#include "service/householdservice.h"
#include "sheetscommand.h"
#include "stockcommand.h"
#include "store/connectionname.h"
#include "store/database.h"
#include "store/householdrepository.h"
#include "surveycommand.h"
#include "synccommand.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace saferhomes {

namespace {

const QStringList kValueOptions {
    QStringLiteral("--db"),        QStringLiteral("--households"),    QStringLiteral("--seed"),
    QStringLiteral("--uprn"),      QStringLiteral("--answers"),       QStringLiteral("--server"),
    QStringLiteral("--name"),      QStringLiteral("--role"),          QStringLiteral("--areas"),
    QStringLiteral("--household"), QStringLiteral("--time-limit"),    QStringLiteral("--objective"),
    QStringLiteral("--skills"),    QStringLiteral("--shift"),         QStringLiteral("--start"),
    QStringLiteral("--date"),      QStringLiteral("--fitter"),        QStringLiteral("--status"),
    QStringLiteral("--area"),      QStringLiteral("--job"),           QStringLiteral("--fitted"),
    QStringLiteral("--serials"),   QStringLiteral("--signed-off-by"), QStringLiteral("--note"),
    QStringLiteral("--from"),      QStringLiteral("--days"),          QStringLiteral("--out"),
    QStringLiteral("--code"),      QStringLiteral("--qty"),           QStringLiteral("--location"),
    QStringLiteral("--to"),        QStringLiteral("--counted"),       QStringLiteral("--reason"),
    QStringLiteral("--id"),        QStringLiteral("--period"),        QStringLiteral("--format"),
    QStringLiteral("--size"),      QStringLiteral("--mbtiles")};
const QStringList kFlags {QStringLiteral("--json"),         QStringLiteral("--dry-run"),
                          QStringLiteral("--skip-invalid"), QStringLiteral("--help"),
                          QStringLiteral("--version"),      QStringLiteral("--from-packages"),
                          QStringLiteral("--replan"),       QStringLiteral("--freeze"),
                          QStringLiteral("--frozen"),       QStringLiteral("--variances")};

} // namespace

QString Cli::helpText()
{
    return tr("Usage: saferhomes-cli [--db PATH] [--json] COMMAND\n"
              "\n"
              "Commands:\n"
              "  init                                  create or migrate the local database\n"
              "  demo [--households N] [--seed S]      fill an empty database with demo data\n"
              "  households import FILE [--dry-run] [--skip-invalid]\n"
              "                                        import eligible households from CSV\n"
              "  households export FILE                write every household to CSV\n"
              "  households count                      count households\n"
              "  households set --uprn U FIELD=VALUE...\n"
              "                                        edit a household (audited)\n"
              "  report progress                       funnel, take-up and secured vs target\n"
              "  report quarterly --period 2024/25-Q3 [--format json|csv|xlsx|pdf] [--out FILE]\n"
              "                                        the quarterly return (UK financial "
              "quarter;\n"
              "                                        exit 2 for a malformed period, 1 for a "
              "quarter\n"
              "                                        not yet started); xlsx and pdf need "
              "--out\n"
              "  report quarterly --period P --freeze | --frozen | --variances\n"
              "                                        freeze the submitted return (JSON and "
              "SHA-256),\n"
              "                                        print it as frozen, or compare today's "
              "figures\n"
              "  survey recommend --answers FILE       the recommended package for survey answers\n"
              "  admin init-server --server URI        create or update the central database\n"
              "  admin add-user --server URI --name NAME --role ROLE [--areas \"A;B\"]\n"
              "                                        add a login (password: first line of "
              "stdin)\n"
              "  admin erase --server URI --household ID\n"
              "                                        GDPR erasure of a household's personal "
              "data\n"
              "  sync --server URI                     send local changes, then receive others'\n"
              "  sync conflicts                        changes the server kept its own value "
              "for\n"
              "  fitters list                          the fitters, their skills and usual shift\n"
              "  fitters add --name N --skills \"locks;alarms\" --shift 08:00-16:30 "
              "--start LAT,LON\n"
              "                                        add a fitter (Monday to Friday)\n"
              "  jobs create --from-packages [--area A]\n"
              "                                        an unscheduled job per agreed package "
              "without one\n"
              "  jobs complete --job ID --fitted \"CODE=QTY;...\" [--serials \"CODE=S1,S2;...\"] "
              "[--signed-off-by NAME]\n"
              "                                        record a completed visit\n"
              "  jobs no-access --job ID [--note T]    nobody in: the job goes back to the tray\n"
              "  jobs list [--date YYYY-MM-DD] [--fitter ID] [--status S]\n"
              "                                        jobs with their items and times\n"
              "  jobs sheets --fitter ID --date YYYY-MM-DD --out FILE.pdf\n"
              "                                        the day's job sheets: route, then a "
              "page per job\n"
              "  stock levels [--location L]           on hand, reserved and available by item "
              "and location\n"
              "  stock receive --code C --qty N [--location L] [--note REF]\n"
              "                                        a delivery (L: depot or a fitter's id, "
              "their van)\n"
              "  stock transfer --code C --qty N --from L --to L\n"
              "                                        move stock between the depot and vans\n"
              "  stock count --code C --location L --counted N [--id UUID]\n"
              "                                        a count (the same --id again: applied "
              "once)\n"
              "  stock return --code C --qty N [--location L] [--note T]\n"
              "  stock write-off --code C --qty N --location L --reason R\n"
              "  map render --out FILE.png --size WxH [--mbtiles FILE] "
              "[--area A | --fitter ID --date YYYY-MM-DD]\n"
              "                                        the map as the Map mode draws it\n"
              "  schedule solve-vrptw FILE [--time-limit S] [--seed N] "
              "[--objective distance|vehicles]\n"
              "                                        solve a Solomon-format routing instance\n"
              "  schedule auto --from YYYY-MM-DD --days N [--time-limit S] [--replan]\n"
              "                                        place open jobs on fitters' shifts\n"
              "  schedule ical --fitter ID --date YYYY-MM-DD --out FILE\n"
              "                                        a fitter's day as an iCalendar file\n"
              "  schedule pin --job ID --to fitter|day|time|none\n"
              "                                        pin a booked job to its fitter, day or "
              "exact time, or unpin it\n"
              "\n"
              "Options:\n"
              "  --db PATH     the local database (default: this profile's own)\n"
              "  --server URI  the central database, postgresql://user@host:port/db?sslmode=...\n"
              "                (the password comes from PGPASSWORD, never the command line)\n"
              "  --json        print one JSON document on stdout\n"
              "  --help        show this help\n"
              "  --version     show the version\n"
              "\n"
              "Exit codes: 0 success; 1 rejected (invalid rows, refused changes); "
              "2 usage or file error;\n"
              "3 central database unreachable.\n");
}

namespace {

QJsonArray problemsJson(const QList<ImportProblem> &problems)
{
    QJsonArray array;
    for (const ImportProblem &problem : problems) {
        array.append(QJsonObject {{QStringLiteral("line"), problem.line},
                                  {QStringLiteral("column"), problem.column},
                                  {QStringLiteral("reason"), problem.reason}});
    }
    return array;
}

} // namespace

Cli::Cli()
    : m_out(stdout)
    , m_err(stderr)
{ }

int Cli::run(const QStringList &arguments)
{
    QStringList words;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (kValueOptions.contains(argument)) {
            if (i + 1 >= arguments.size())
                return usage(tr("%1 needs a value").arg(argument));
            m_options.insert(argument, arguments[++i]);
        } else if (argument.startsWith(u"--") && argument.contains(QLatin1Char('='))
                   && kValueOptions.contains(argument.section(QLatin1Char('='), 0, 0))) {
            m_options.insert(argument.section(QLatin1Char('='), 0, 0),
                             argument.section(QLatin1Char('='), 1));
        } else if (kFlags.contains(argument)) {
            m_flags.append(argument);
        } else if (argument.startsWith(u"--")) {
            return usage(tr("unknown option %1").arg(argument));
        } else {
            words.append(argument);
        }
    }
    m_json = m_flags.contains(QStringLiteral("--json"));
    if (m_flags.contains(QStringLiteral("--help"))) {
        m_out << helpText();
        return Success;
    }
    if (m_flags.contains(QStringLiteral("--version"))) {
        // The executable's name, not applicationName() (which names the data folder it shares
        // with the GUI): `saferhomes-cli 0.1.0`, the form help2man and packagers read.
        m_out << "saferhomes-cli " << QCoreApplication::applicationVersion() << '\n';
        return Success;
    }
    m_dbPath = m_options.value(QStringLiteral("--db"), Database::defaultPath());
    if (words.isEmpty())
        return usage(tr("no command given"));
    return runCommand(words);
}

int Cli::runCommand(const QStringList &words)
{
    const QString command = words.value(0);
    const QString sub = words.value(1);
    const CommandOutput output = this->output();
    if (command == u"init" && words.size() == 1)
        return init();
    if (command == u"demo" && words.size() == 1)
        return demo();
    if (command == u"households") {
        if (sub == u"import" && words.size() == 3)
            return householdsImport(words[2]);
        if (sub == u"export" && words.size() == 3)
            return householdsExport(words[2]);
        if (sub == u"count" && words.size() == 2)
            return householdsCount();
        if (sub == u"set" && words.size() >= 3)
            return householdsSet(words.mid(2));
    }
    if (command == u"report" && sub == u"progress" && words.size() == 2)
        return reportProgress();
    if (command == u"report" && sub == u"quarterly" && words.size() == 2) {
        ReportCommand report(output);
        if (const int refused = report.parse(m_options, m_flags); refused != Success)
            return refused;
        Database database(ConnectionName::main());
        if (!openDatabase(database))
            return UsageError;
        return report.quarterly(database);
    }
    if (command == u"survey" && sub == u"recommend" && words.size() == 2) {
        if (!m_options.contains(QStringLiteral("--answers")))
            return usage(tr("survey recommend needs --answers FILE"));
        return SurveyCommand(output).recommend(m_options.value(QStringLiteral("--answers")));
    }
    if (command == u"admin" && words.size() == 2
        && (sub == u"init-server" || sub == u"add-user" || sub == u"erase")) {
        const QString server = m_options.value(QStringLiteral("--server"));
        if (server.isEmpty())
            return usage(tr("admin %1 needs --server URI").arg(sub));
        AdminCommand admin(output);
        if (sub == u"init-server")
            return admin.initServer(server);
        if (sub == u"erase") {
            if (!m_options.contains(QStringLiteral("--household")))
                return usage(tr("admin erase needs --household ID"));
            return admin.erase(server, m_options.value(QStringLiteral("--household")));
        }
        if (!m_options.contains(QStringLiteral("--name"))
            || !m_options.contains(QStringLiteral("--role")))
            return usage(tr("admin add-user needs --name NAME and --role ROLE"));
        return admin.addUser(server, m_options.value(QStringLiteral("--name")),
                             m_options.value(QStringLiteral("--role")),
                             m_options.value(QStringLiteral("--areas")));
    }
    if (command == u"sync" && (words.size() == 1 || (sub == u"conflicts" && words.size() == 2))) {
        const QString server = m_options.value(QStringLiteral("--server"));
        if (words.size() == 1 && server.isEmpty())
            return usage(tr("sync needs --server URI"));
        Database database(ConnectionName::main());
        if (!openDatabase(database))
            return UsageError;
        SyncCommand sync(output);
        return words.size() == 1 ? sync.sync(database, server) : sync.conflicts(database);
    }
    if (command == u"fitters" && (sub == u"list" || sub == u"add") && words.size() == 2) {
        Database database(ConnectionName::main());
        if (!openDatabase(database))
            return UsageError;
        FittersCommand fitters(output);
        return sub == u"list" ? fitters.list(database) : fitters.add(database, m_options);
    }
    if (command == u"jobs" && sub == u"list" && words.size() == 2) {
        Database database(ConnectionName::main());
        if (!openDatabase(database))
            return UsageError;
        return JobsCommand(output).list(database, m_options);
    }
    if (command == u"jobs" && (sub == u"complete" || sub == u"no-access") && words.size() == 2) {
        Database database(ConnectionName::main());
        if (!openDatabase(database))
            return UsageError;
        JobsCommand jobs(output);
        return sub == u"complete" ? jobs.complete(database, m_options)
                                  : jobs.noAccess(database, m_options);
    }
    if (command == u"stock" && StockCommand::subcommands().contains(sub) && words.size() == 2) {
        Database database(ConnectionName::main());
        if (!openDatabase(database))
            return UsageError;
        return StockCommand(output).run(database, sub, m_options);
    }
    if (command == u"jobs" && sub == u"sheets" && words.size() == 2) {
        Database database(ConnectionName::main());
        if (!openDatabase(database))
            return UsageError;
        return SheetsCommand(output).write(database, m_options);
    }
    if (command == u"jobs" && sub == u"create" && words.size() == 2) {
        if (!m_flags.contains(QStringLiteral("--from-packages")))
            return usage(tr("jobs create needs --from-packages"));
        Database database(ConnectionName::main());
        if (!openDatabase(database))
            return UsageError;
        return JobsCommand(output).createFromPackages(database,
                                                      m_options.value(QStringLiteral("--area")));
    }
    if (command == u"map" && sub == u"render" && words.size() == 2) {
        Database database(ConnectionName::main());
        if (!openDatabase(database))
            return UsageError;
        return MapCommand(output).render(database, m_options);
    }
    if (command == u"schedule" && sub == u"solve-vrptw" && words.size() == 3)
        return ScheduleCommand(output).solveVrptw(words[2], m_options);
    if (command == u"schedule" && (sub == u"auto" || sub == u"ical" || sub == u"pin")
        && words.size() == 2) {
        Database database(ConnectionName::main());
        if (!openDatabase(database))
            return UsageError;
        ScheduleCommand schedule(output);
        if (sub == u"pin")
            return schedule.pin(database, m_options);
        return sub == u"auto" ? schedule.autoSchedule(database, m_options,
                                                      m_flags.contains(QStringLiteral("--replan")))
                              : schedule.ical(database, m_options);
    }
    return usage(tr("unknown command \u201c%1\u201d").arg(words.join(QLatin1Char(' '))));
}

int Cli::usage(const QString &message)
{
    // Nothing on stdout, even with --json: the command did not run.
    output().error(message);
    output().say(tr("Run \u201csaferhomes-cli --help\u201d for the commands."));
    return UsageError;
}

CommandOutput Cli::output()
{
    return CommandOutput(m_out, m_err, m_json);
}

void Cli::printResult(const QJsonObject &json, const QString &text)
{
    if (m_json)
        m_out << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
    else if (!text.isEmpty())
        m_out << text << '\n';
    m_out.flush();
}

bool Cli::openDatabase(Database &database)
{
    // The message names the file and says what is wrong with it: damaged, in use by another
    // program, from a newer version, or a failed migration.
    const Status opened = database.open(m_dbPath);
    if (opened)
        return true;
    output().error(opened.errorString());
    return false;
}

bool Cli::isDatabaseError(const Error &error)
{
    return error.kind == Error::Kind::Database || error.kind == Error::Kind::Locked;
}

int Cli::databaseError(const Error &error)
{
    // Only a message: nothing on stdout that could be taken for an answer. The message names
    // the database file and what could not be read.
    const QString message = error.message.contains(m_dbPath)
        ? error.message
        : tr("%1: %2").arg(QDir::toNativeSeparators(m_dbPath), error.message);
    return output().failWithoutAnswer(UsageError, message);
}

int Cli::init()
{
    Database database(ConnectionName::main());
    if (!openDatabase(database))
        return UsageError;
    printResult({{QStringLiteral("database"), database.path()},
                 {QStringLiteral("schema_version"), Database::latestSchemaVersion()}},
                tr("Database %1 is ready (schema %2).")
                    .arg(database.path())
                    .arg(Database::latestSchemaVersion()));
    return Success;
}

int Cli::demo()
{
    DemoData::Options options;
    bool ok = true;
    if (m_options.contains(QStringLiteral("--households"))) {
        options.households = m_options.value(QStringLiteral("--households")).toInt(&ok);
        if (!ok || options.households < 0 || options.households > 10'000'000)
            return usage(tr("--households takes a whole number from 0 to 10000000"));
    }
    if (m_options.contains(QStringLiteral("--seed"))) {
        options.seed = m_options.value(QStringLiteral("--seed")).toUInt(&ok);
        if (!ok)
            return usage(tr("--seed takes a whole number"));
    }
    Database database(ConnectionName::main());
    if (!openDatabase(database))
        return UsageError;
    if (const Status filled = DemoData::fill(database, options); !filled) {
        output().error(tr("demo data was not written: %1").arg(filled.errorString()));
        return filled.error().kind == Error::Kind::Refused ? Rejected : UsageError;
    }
    printResult(
        {{QStringLiteral("households"), options.households},
         {QStringLiteral("seed"), qint64(options.seed)}},
        tr("Wrote demo data: %1 households (seed %2).").arg(options.households).arg(options.seed));
    return Success;
}

int Cli::householdsImport(const QString &path)
{
    Database database(ConnectionName::main());
    if (!openDatabase(database))
        return UsageError;
    HouseholdRepository repository(database, Database::localUserName());
    HouseholdImporter importer(repository);
    const bool dryRun = m_flags.contains(QStringLiteral("--dry-run"));
    const bool skipInvalid = m_flags.contains(QStringLiteral("--skip-invalid"));

    ImportResult result;
    if (dryRun) {
        const ImportPlan plan = importer.prepare(path);
        result.rejected = plan.problems;
        result.warnings = plan.warnings;
        result.status = plan.status;
        if (plan.status && (plan.problems.isEmpty() || skipInvalid))
            result.imported = int(plan.records.size());
    } else {
        result = importer.import(path, skipInvalid);
    }
    if (!result.status && isDatabaseError(result.status.error())) {
        // The register could not be read to check the file against: no answer at all.
        return databaseError(result.status.error());
    }

    output().warn(result.warnings);
    QStringList problems;
    for (const ImportProblem &problem : std::as_const(result.rejected)) {
        problems.append(
            tr("%1 line %2%3: %4")
                .arg(path)
                .arg(problem.line)
                .arg(problem.column.isEmpty() ? QString() : tr(", column %1").arg(problem.column),
                     problem.reason));
    }
    output().say(problems);
    QJsonObject json {{QStringLiteral("imported"), result.imported},
                      {QStringLiteral("rejected"), problemsJson(result.rejected)}};
    if (dryRun)
        json.insert(QStringLiteral("dry_run"), true);
    if (!result.status) {
        // A file that cannot be read as a household list is a file error; a database that
        // refused the write is a rejection.
        return output().fail(result.status.error().kind == Error::Kind::Refused ? Rejected
                                                                                : UsageError,
                             result.status.errorString(), json);
    }
    const bool refused = !result.rejected.isEmpty() && !skipInvalid;
    printResult(json,
                refused ? tr("Nothing imported: %n record(s) have problems.", nullptr,
                             int(result.rejected.size()))
                        : (dryRun ? tr("Dry run: %n household(s) would be imported.", nullptr,
                                       result.imported)
                                  : tr("Imported %n household(s).", nullptr, result.imported)));
    return refused ? Rejected : Success;
}

int Cli::householdsExport(const QString &path)
{
    Database database(ConnectionName::main());
    if (!openDatabase(database))
        return UsageError;
    HouseholdRepository repository(database, Database::localUserName());
    const Result<int> written = HouseholdExporter(repository).write(path);
    if (!written) {
        output().error(written.errorString());
        return UsageError;
    }
    printResult({{QStringLiteral("exported"), *written}, {QStringLiteral("file"), path}},
                tr("Exported %n household(s) to %1.", nullptr, *written).arg(path));
    return Success;
}

int Cli::householdsCount()
{
    Database database(ConnectionName::main());
    if (!openDatabase(database))
        return UsageError;
    const Result<int> count = HouseholdRepository(database, Database::localUserName()).count();
    if (!count)
        return databaseError(count.error());
    printResult({{QStringLiteral("households"), *count}}, QString::number(*count));
    return Success;
}

int Cli::householdsSet(const QStringList &assignments)
{
    const QString uprn = m_options.value(QStringLiteral("--uprn"));
    if (uprn.isEmpty())
        return usage(tr("households set needs --uprn U"));
    QList<std::pair<QString, QString>> changes;
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return usage(tr("\u201c%1\u201d is not FIELD=VALUE").arg(assignment));
        changes.append({assignment.left(equals), assignment.mid(equals + 1)});
    }
    Database database(ConnectionName::main());
    if (!openDatabase(database))
        return UsageError;
    HouseholdRepository repository(database, Database::localUserName());
    const Result<QUuid> id = repository.findByUprn(uprn);
    if (!id && id.error().kind != Error::Kind::NotFound)
        return databaseError(id.error());
    if (!id) {
        return output().fail(Rejected, tr("no household has UPRN %1").arg(uprn),
                             {{QStringLiteral("updated"), 0}});
    }
    HouseholdService service(repository);
    const HouseholdService::Result result = service.setFields(*id, changes);
    output().warn(result.warnings);
    if (!result.ok() && isDatabaseError(result.status.error()))
        return databaseError(result.status.error());
    if (!result.ok()) {
        const QString error = result.errorString();
        const QString message
            = result.field.isEmpty() ? error : tr("%1: %2").arg(result.field, error);
        // The message names the field; the JSON has it apart.
        output().error(message);
        printResult({{QStringLiteral("updated"), 0},
                     {QStringLiteral("field"), result.field},
                     {QStringLiteral("error"), error}},
                    {});
        return Rejected;
    }
    printResult({{QStringLiteral("updated"), 1},
                 {QStringLiteral("id"), id->toString(QUuid::WithoutBraces)}},
                tr("Updated household %1.").arg(uprn));
    return Success;
}

int Cli::reportProgress()
{
    Database database(ConnectionName::main());
    if (!openDatabase(database))
        return UsageError;
    const HouseholdRepository repository(database, Database::localUserName());
    const Result<StatusCounts> counts = repository.statusCounts();
    if (!counts)
        return databaseError(counts.error());
    const ProgressReport report = ProgressReport::compute(*counts);
    QString text = tr("Households: %1\nOffered: %2, accepted: %3, take-up: %4%\n"
                      "Secured: %5 of target %6")
                       .arg(report.households)
                       .arg(report.offered)
                       .arg(report.accepted)
                       .arg(report.takeUpRate * 100, 0, 'f', 1)
                       .arg(report.secured)
                       .arg(report.target);
    printResult(report.toJson(), text);
    return Success;
}

} // namespace saferhomes
