#include "admincommand.h"

#include "cli.h"
#include "sync/centraladmin.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace saferhomes {

namespace {

int exitCode(const Status &status)
{
    if (status)
        return Cli::Success;
    switch (status.error().kind) {
    case Error::Kind::Invalid: return Cli::UsageError;
    case Error::Kind::Network: return Cli::Unreachable;
    default: return Cli::Rejected;
    }
}

QString serverDisplay(const QString &server)
{
    const Result<CentralConnection::Address> address = CentralConnection::parseUri(server);
    return address ? address->display() : server;
}

#ifdef Q_OS_UNIX
// Turns the terminal's echo off while it lives, so that a typed password is not shown.
class EchoOff {
public:
    EchoOff()
    {
        m_active = tcgetattr(STDIN_FILENO, &m_saved) == 0;
        if (m_active) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
    ~EchoOff()
    {
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    termios m_saved {};
    bool m_active = false;
};
#endif

} // namespace

int AdminCommand::initServer(const QString &server)
{
    const CentralAdmin::Report result = CentralAdmin().initServer(server);
    m_output.warn(result.warnings);
    if (!result.ok())
        return failure(exitCode(result.status), result.errorString());
    const QString text = result.applied == 0
        ? tr("The central database %1 is up to date (schema %2).")
              .arg(serverDisplay(server))
              .arg(result.schemaVersion)
        : tr("The central database %1 is at schema %2 (%n migration(s) applied).", nullptr,
             result.applied)
              .arg(serverDisplay(server))
              .arg(result.schemaVersion);
    m_output.print(
        {{QStringLiteral("server"), serverDisplay(server)},
         {QStringLiteral("schema_version"), result.schemaVersion},
         {QStringLiteral("applied"), result.applied},
         {QStringLiteral("created_roles"), QJsonArray::fromStringList(result.createdRoles)}},
        text);
    return Cli::Success;
}

int AdminCommand::addUser(const QString &server, const QString &name, const QString &role,
                          const QString &areas)
{
    const QStringList areaList = areas.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    // Check what needs no server before asking for a password.
    if (const Status checked = CentralAdmin::checkUser(name, role); !checked)
        return failure(Cli::Rejected, checked.errorString());
    const QString password = readPassword(name);
    if (password.isEmpty())
        return failure(Cli::UsageError, tr("no password on stdin for %1").arg(name));

    const CentralAdmin::Report result
        = CentralAdmin().addUser(server, name, role, areaList, password);
    m_output.warn(result.warnings);
    if (!result.ok())
        return failure(exitCode(result.status), result.errorString());
    QStringList assigned;
    for (const QString &area : areaList) {
        if (!area.trimmed().isEmpty() && !assigned.contains(area.trimmed()))
            assigned.append(area.trimmed());
    }
    m_output.print(
        {{QStringLiteral("server"), serverDisplay(server)},
         {QStringLiteral("user"), name},
         {QStringLiteral("role"), role},
         {QStringLiteral("group"), CentralAdmin::groupRole(role)},
         {QStringLiteral("areas"), QJsonArray::fromStringList(assigned)},
         {QStringLiteral("created_areas"), QJsonArray::fromStringList(result.createdAreas)}},
        assigned.isEmpty()
            ? tr("Added %1 (%2) to %3.").arg(name, role, serverDisplay(server))
            : tr("Added %1 (%2, areas: %3) to %4.")
                  .arg(name, role, assigned.join(QStringLiteral(", ")), serverDisplay(server)));
    return Cli::Success;
}

int AdminCommand::erase(const QString &server, const QString &householdId)
{
    const CentralAdmin::Report result = CentralAdmin().eraseHousehold(server, householdId);
    m_output.warn(result.warnings);
    if (!result.ok())
        return failure(exitCode(result.status), result.errorString());
    m_output.print(
        {{QStringLiteral("server"), serverDisplay(server)},
         {QStringLiteral("erased"), householdId}},
        tr("Household %1 is erased on %2; devices remove its personal data when they next "
           "sync.")
            .arg(householdId, serverDisplay(server)));
    return Cli::Success;
}

QString AdminCommand::readPassword(const QString &name)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray line;
#ifdef Q_OS_UNIX
    if (isatty(STDIN_FILENO)) {
        m_output.prompt(tr("Password for %1: ").arg(name));
        EchoOff echoOff;
        line = in.readLine();
        m_output.say(QString());
    } else {
        line = in.readLine();
    }
#else
    Q_UNUSED(name);
    line = in.readLine();
#endif
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

int AdminCommand::failure(int exitCode, const QString &message)
{
    if (exitCode != Cli::Unreachable)
        return m_output.fail(exitCode, message);
    return m_output.fail(exitCode, message, {},
                         {tr("Nothing was changed; try again when the server can be reached.")});
}

} // namespace saferhomes
