#pragma once

// End-to-end helpers: run the real saferhomes-cli in a child process against a throwaway
// database and read what it printed and wrote. Written from DESIGN.md §3–§5, not from the
// implementation, so that the tests check the contract.

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>

#include <gtest/gtest.h>

#include <optional>
#include <ostream>

// Readable GoogleTest output for JSON values and objects.
void PrintTo(const QJsonValue &value, std::ostream *stream);
void PrintTo(const QJsonObject &object, std::ostream *stream);

namespace saferhomes::clitest {

/// What one run of the command line did.
struct CliResult {
    QStringList arguments;
    int exitCode = -1;
    bool crashed = false;
    bool timedOut = false;
    QByteArray out;
    QByteArray err;

    QString errText() const { return QString::fromUtf8(err); }
    /// stdout as exactly one JSON object, or nullopt when it is anything else.
    std::optional<QJsonObject> jsonOrNull() const;
    /// stdout as exactly one JSON object; records a test failure when it is not.
    QJsonObject json() const;
};

std::ostream &operator<<(std::ostream &stream, const CliResult &result);

/// A parsed CSV file (RFC 4180), read by the test's own small parser.
struct CsvTable {
    QStringList header;
    QList<QStringList> rows;

    int column(const QString &name) const { return int(header.indexOf(name)); }
    QString value(int row, const QString &name) const;
    /// The first row whose \a column equals \a value, or -1.
    int find(const QString &column, const QString &value) const;
    /// The table without \a column (for comparing files that differ only in ids).
    CsvTable without(const QString &column) const;
    bool operator==(const CsvTable &other) const = default;
};

CsvTable parseCsv(const QByteArray &data);

/// Runs the command line with exactly \a arguments (nothing added).
CliResult runCli(const QStringList &arguments, const QString &home);

/// One database file in a fresh temporary folder per test.
class CliTest : public ::testing::Test {
protected:
    void SetUp() override;

    QString dir() const { return m_dir.path(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    /// The test's database (several can be used: pass another name to dbPath()).
    QString dbPath(const QString &name = QStringLiteral("test.sqlite")) const { return path(name); }

    /// `saferhomes-cli --db DB --json ARGS...`
    CliResult cli(const QStringList &arguments) const { return cliOn(dbPath(), arguments); }
    CliResult cliOn(const QString &db, const QStringList &arguments) const;
    /// Without --json (for human output).
    CliResult cliText(const QStringList &arguments) const;

    QString writeFile(const QString &name, const QByteArray &bytes) const;
    static QByteArray readFile(const QString &path);
    static QString dataFile(const QString &name);

    /// `households count` on \a db; -1 (and a failure) if it does not answer.
    int count(const QString &db) const;
    int count() const { return count(dbPath()); }
    /// Runs `households import` and expects success.
    void importOk(const QString &db, const QString &file) const;
    /// `households export` into a file next to \a db; returns its bytes.
    QByteArray exportBytes(const QString &db, const QString &fileName) const;
    CsvTable exportTable(const QString &db = {}) const;
    QJsonObject progress(const QString &db = {}) const;

    /// Runs \a sql on \a db in the test process (QSQLITE, read-only unless \a write) and
    /// returns every row; nullopt when the database cannot be opened or the statement fails.
    static std::optional<QList<QVariantList>> query(const QString &db, const QString &sql,
                                                    bool write = false);

private:
    QTemporaryDir m_dir;
};

/// Joins \a lines (written as given: quote cells yourself) with \a lineEnd, ending the
/// last line too.
QByteArray csvLines(const QStringList &lines, const QByteArray &lineEnd = "\n");

} // namespace saferhomes::clitest
