#include "commandoutput.h"

#include <QJsonDocument>

namespace saferhomes {

CommandOutput::CommandOutput(QTextStream &out, QTextStream &err, bool json)
    : m_out(out)
    , m_err(err)
    , m_json(json)
{ }

void CommandOutput::print(const QJsonObject &json, const QString &text) const
{
    if (m_json)
        m_out << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
    else
        m_out << text << '\n';
    m_out.flush();
}

int CommandOutput::fail(int exitCode, const QString &message, const QJsonObject &extra,
                        const QStringList &advice) const
{
    // stderr first, so that a caller reading both in one stream sees the message first.
    say(QStringList {tr("saferhomes-cli: %1").arg(message)} + advice);
    if (m_json) {
        QJsonObject json = extra;
        json.insert(QStringLiteral("error"), message);
        m_out << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
        m_out.flush();
    }
    return exitCode;
}

int CommandOutput::failWithoutAnswer(int exitCode, const QString &message) const
{
    error(message);
    return exitCode;
}

void CommandOutput::error(const QString &message) const
{
    say(tr("saferhomes-cli: %1").arg(message));
}

void CommandOutput::warn(const QString &warning) const
{
    say(tr("warning: %1").arg(warning));
}

void CommandOutput::warn(const QStringList &warnings) const
{
    QStringList lines;
    for (const QString &warning : warnings)
        lines.append(tr("warning: %1").arg(warning));
    say(lines);
}

void CommandOutput::note(const QString &message) const
{
    say(tr("note: %1").arg(message));
}

void CommandOutput::say(const QString &line) const
{
    say(QStringList {line});
}

void CommandOutput::say(const QStringList &lines) const
{
    for (const QString &line : lines)
        m_err << line << '\n';
    m_err.flush();
}

void CommandOutput::prompt(const QString &text) const
{
    m_err << text;
    m_err.flush();
}

} // namespace saferhomes
