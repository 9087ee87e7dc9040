#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace saferhomes {

/// Where every command writes (DESIGN §4): its answer on stdout (one compact JSON document with
/// --json, text without it) and its messages on stderr. Copies write to the same streams.
class CommandOutput {
    Q_DECLARE_TR_FUNCTIONS(CommandOutput)

public:
    CommandOutput(QTextStream &out, QTextStream &err, bool json);

    bool json() const { return m_json; }

    /// The answer: \a json with --json, else \a text and a line break.
    void print(const QJsonObject &json, const QString &text) const;

    /// Returns \a exitCode after "saferhomes-cli: \a message" and the lines of \a advice on
    /// stderr and, with --json, \a extra with "error": \a message on stdout.
    int fail(int exitCode, const QString &message, const QJsonObject &extra = {},
             const QStringList &advice = {}) const;
    /// As fail() with nothing on stdout, even with --json: for a database that could not be
    /// read, where any document could be taken for an answer.
    int failWithoutAnswer(int exitCode, const QString &message) const;

    /// "saferhomes-cli: \a message" on stderr, for a problem that does not end the command.
    void error(const QString &message) const;
    /// "warning: ..." on stderr, a line each.
    void warn(const QString &warning) const;
    void warn(const QStringList &warnings) const;
    /// "note: \a message" on stderr.
    void note(const QString &message) const;
    /// \a line as it is on stderr (a prompt's line break, a hint after an error).
    void say(const QString &line) const;
    /// \a lines as they are on stderr, a problem per line.
    void say(const QStringList &lines) const;
    /// \a text on stderr without a line break: a prompt for what is typed next.
    void prompt(const QString &text) const;

private:
    QTextStream &m_out;
    QTextStream &m_err;
    bool m_json = false;
};

} // namespace saferhomes
