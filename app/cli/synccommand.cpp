#include "synccommand.h"

#include "cli.h"
#include "store/database.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace saferhomes {

SyncCommand::SyncCommand(QTextStream &out, QTextStream &err, bool json)
    : m_out(out)
    , m_err(err)
    , m_json(json)
{ }

void SyncCommand::print(const QJsonObject &json, const QString &text)
{
    if (m_json)
        m_out << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
    else
        m_out << text << '\n';
    m_out.flush();
}

int SyncCommand::sync(const Database &database, const QString &server)
{
    SyncEngine engine(database, Database::localUserName());
    const SyncResult result = engine.run(server);
    QJsonArray rejected;
    for (const SyncRejection &rejection : result.rejected) {
        rejected.append(QJsonObject {{QStringLiteral("op"), rejection.opId},
                                     {QStringLiteral("entity"), rejection.entity},
                                     {QStringLiteral("id"), rejection.entityId},
                                     {QStringLiteral("kind"), rejection.kind},
                                     {QStringLiteral("reason"), rejection.reason}});
        m_err << tr("saferhomes-cli: the server refused to %1 %2 %3: %4")
                     .arg(rejection.kind, rejection.entity, rejection.entityId, rejection.reason)
              << '\n';
    }
    if (!result.ok()) {
        m_err << tr("saferhomes-cli: %1").arg(result.error) << '\n';
        if (result.unreachable) {
            const Result<int> pending = engine.pendingCount();
            if (pending) {
                m_err << tr("Nothing was lost: %n change(s) wait to be sent; try again when the "
                            "server can be reached.",
                            nullptr, *pending)
                      << '\n';
            } else {
                m_err << tr("saferhomes-cli: %1").arg(pending.errorString()) << '\n';
            }
        }
        m_err.flush();
        if (m_json) {
            m_out << QJsonDocument(QJsonObject {{QStringLiteral("error"), result.error},
                                                {QStringLiteral("pushed"), result.pushed},
                                                {QStringLiteral("pulled"), result.pulled},
                                                {QStringLiteral("conflicts"), result.conflicts},
                                                {QStringLiteral("rejected"), rejected}})
                         .toJson(QJsonDocument::Compact)
                  << '\n';
            m_out.flush();
        }
        if (result.unreachable)
            return Cli::Unreachable;
        return result.badAddress ? Cli::UsageError : Cli::Rejected;
    }
    m_err.flush();
    print({{QStringLiteral("pushed"), result.pushed},
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
        m_err << tr("saferhomes-cli: %1").arg(refused.errorString()) << '\n';
        m_err.flush();
        return Cli::UsageError;
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
        rejected.append(QJsonObject {{QStringLiteral("op"), rejection.opId},
                                     {QStringLiteral("entity"), rejection.entity},
                                     {QStringLiteral("id"), rejection.entityId},
                                     {QStringLiteral("kind"), rejection.kind},
                                     {QStringLiteral("reason"), rejection.reason}});
        lines.append(
            tr("refused: %1 %2 %3: %4")
                .arg(rejection.kind, rejection.entity, rejection.entityId, rejection.reason));
    }
    if (lines.isEmpty())
        lines.append(tr("No conflicts."));
    print({{QStringLiteral("conflicts"), conflicts}, {QStringLiteral("rejected"), rejected}},
          lines.join(QLatin1Char('\n')));
    return Cli::Success;
}

} // namespace saferhomes
