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
    m_err << tr("saferhomes-cli: %1").arg(message) << '\n';
    for (const QString &line : advice)
        m_err << line << '\n';
    // stderr before stdout, so that a caller reading both in one stream sees the message first.
    m_err.flush();
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
    m_err << tr("saferhomes-cli: %1").arg(message) << '\n';
    m_err.flush();
}

void CommandOutput::warn(const QString &warning) const
{
    warn(QStringList {warning});
}

void CommandOutput::warn(const QStringList &warnings) const
{
    for (const QString &warning : warnings)
        m_err << tr("warning: %1").arg(warning) << '\n';
    m_err.flush();
}

void CommandOutput::note(const QString &message) const
{
    m_err << tr("note: %1").arg(message) << '\n';
    m_err.flush();
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
