#include "synccommand.h"

#include "cli.h"
#include "store/database.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace saferhomes {

namespace {

QJsonObject toJson(const SyncRejection &rejection)
{
    return {{QStringLiteral("op"), rejection.opId},
            {QStringLiteral("entity"), rejection.entity},
            {QStringLiteral("id"), rejection.entityId},
            {QStringLiteral("kind"), rejection.kind},
            {QStringLiteral("reason"), rejection.reason}};
}

/// The server unreachable: retry later (3); a URI that cannot be used or a local database
/// that cannot be read or written: a usage or file error (2); refused by the server or
/// because the register holds demo data (1).
int exitCode(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Network: return Cli::Unreachable;
    case Error::Kind::Invalid:
    case Error::Kind::Database:
    case Error::Kind::Locked: return Cli::UsageError;
    case Error::Kind::NotFound:
    case Error::Kind::Refused:
    case Error::Kind::Cancelled: return Cli::Rejected;
    }
    return Cli::Rejected;
}

} // namespace

int SyncCommand::sync(const Database &database, const QString &server)
{
    SyncEngine engine(database, Database::localUserName());
    const SyncResult result = engine.run(server);
    QJsonArray rejected;
    for (const SyncRejection &rejection : result.rejected) {
        rejected.append(toJson(rejection));
        m_output.error(
            tr("the server refused to %1 %2 %3: %4")
                .arg(rejection.kind, rejection.entity, rejection.entityId, rejection.reason));
    }
    if (!result.ok()) {
        QStringList advice;
        if (result.unreachable()) {
            const Result<int> pending = engine.pendingCount();
            advice.append(pending ? tr("Nothing was lost: %n change(s) wait to be sent; try again "
                                       "when the server can be reached.",
                                       nullptr, *pending)
                                  : tr("saferhomes-cli: %1").arg(pending.errorString()));
        }
        return m_output.fail(exitCode(result.status.error()), result.errorString(),
                             {{QStringLiteral("pushed"), result.pushed},
                              {QStringLiteral("pulled"), result.pulled},
                              {QStringLiteral("conflicts"), result.conflicts},
                              {QStringLiteral("rejected"), rejected}},
                             advice);
    }
    m_output.print({{QStringLiteral("pushed"), result.pushed},
                    {QStringLiteral("pulled"), result.pulled},
                    {QStringLiteral("conflicts"), result.conflicts},
                    {QStringLiteral("rejected"), rejected}},
                   tr("Sent %1 change(s), received %2, %3 conflict(s), %4 refused.")
                       .arg(result.pushed)
                       .arg(result.pulled)
                       .arg(result.conflicts)
                       .arg(rejected.size()));
    return rejected.isEmpty() ? Cli::Success : Cli::Rejected;
}

int SyncCommand::conflicts(const Database &database)
{
    SyncEngine engine(database, Database::localUserName());
    const Result<QList<SyncConflict>> found = engine.conflicts();
    const Result<QList<SyncRejection>> refused
        = found ? engine.rejections() : Result<QList<SyncRejection>>(found.error());
    if (!refused) {
        // A damaged database is not "no conflicts".
        return m_output.failWithoutAnswer(Cli::UsageError, refused.errorString());
    }
    QJsonArray conflicts;
    QStringList lines;
    for (const SyncConflict &conflict : *found) {
        conflicts.append(QJsonObject {{QStringLiteral("entity"), conflict.entity},
                                      {QStringLiteral("id"), conflict.entityId},
                                      {QStringLiteral("field"), conflict.field},
                                      {QStringLiteral("local"), conflict.localValue},
                                      {QStringLiteral("server"), conflict.serverValue},
                                      {QStringLiteral("at"), conflict.at}});
        lines.append(tr("%1 %2 %3: here \u201c%4\u201d, server kept \u201c%5\u201d (%6)")
                         .arg(conflict.entity, conflict.entityId, conflict.field,
                              conflict.localValue, conflict.serverValue, conflict.at));
    }
    QJsonArray rejected;
    for (const SyncRejection &rejection : *refused) {
        rejected.append(toJson(rejection));
        lines.append(
            tr("refused: %1 %2 %3: %4")
                .arg(rejection.kind, rejection.entity, rejection.entityId, rejection.reason));
    }
    if (lines.isEmpty())
        lines.append(tr("No conflicts."));
    m_output.print(
        {{QStringLiteral("conflicts"), conflicts}, {QStringLiteral("rejected"), rejected}},
        lines.join(QLatin1Char('\n')));
    return Cli::Success;
}

} // namespace saferhomes
