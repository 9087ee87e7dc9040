#include "clitestsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

using namespace Qt::StringLiterals;

void PrintTo(const QJsonValue &value, std::ostream *stream)
{
    QJsonArray wrapper {value};
    const QByteArray text = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
    *stream << text.mid(1, text.size() - 2).toStdString(); // without the [ ]
}

void PrintTo(const QJsonObject &object, std::ostream *stream)
{
    *stream << QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

namespace saferhomes::clitest {

namespace {

QString cliPath()
{
    // An override lets the same tests run against another build of the command line.
    const QString override = qEnvironmentVariable("SAFERHOMES_CLI_UNDER_TEST");
    return override.isEmpty() ? QStringLiteral(SAFERHOMES_CLI) : override;
}

constexpr int kTimeoutMs = 120'000;

} // namespace

std::optional<QJsonObject> CliResult::jsonOrNull() const
{
    QJsonParseError error;
    // fromJson refuses trailing text, so this also checks stdout holds one document only.
    const QJsonDocument document = QJsonDocument::fromJson(out.trimmed(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

QJsonObject CliResult::json() const
{
    const std::optional<QJsonObject> object = jsonOrNull();
    if (!object) {
        ADD_FAILURE() << "stdout is not exactly one JSON object\n" << *this;
        return {};
    }
    return *object;
}

std::ostream &operator<<(std::ostream &stream, const CliResult &result)
{
    stream << "$ saferhomes-cli " << result.arguments.join(u' ').toStdString() << "\nexit "
           << result.exitCode << (result.crashed ? " (crashed)" : "")
           << (result.timedOut ? " (timed out)" : "") << "\n--- stdout\n"
           << result.out.toStdString() << "\n--- stderr\n"
           << result.err.toStdString() << "\n---\n";
    return stream;
}

QString CsvTable::value(int row, const QString &name) const
{
    const int index = column(name);
    if (row < 0 || row >= rows.size() || index < 0 || index >= rows[row].size()) {
        ADD_FAILURE() << "no cell " << name.toStdString() << " in row " << row;
        return {};
    }
    return rows[row][index];
}

int CsvTable::find(const QString &name, const QString &value) const
{
    const int index = column(name);
    if (index < 0)
        return -1;
    for (int row = 0; row < rows.size(); ++row) {
        if (index < rows[row].size() && rows[row][index] == value)
            return row;
    }
    return -1;
}

CsvTable CsvTable::without(const QString &name) const
{
    CsvTable result = *this;
    const int index = column(name);
    if (index < 0)
        return result;
    result.header.removeAt(index);
    for (QStringList &row : result.rows) {
        if (index < row.size())
            row.removeAt(index);
    }
    return result;
}

CsvTable parseCsv(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            fieldStarted = false;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            record.append(field);
            field.clear();
            fieldStarted = false;
            records.append(record);
            record.clear();
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !record.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    CsvTable table;
    if (!records.isEmpty())
        table.header = records.takeFirst();
    table.rows = records;
    return table;
}

CliResult runCli(const QStringList &arguments, const QString &home)
{
    CliResult result;
    result.arguments = arguments;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Nothing may reach the real profile of whoever runs the tests.
    environment.insert(u"HOME"_s, home);
    environment.insert(u"XDG_DATA_HOME"_s, home + u"/xdg-data"_s);
    environment.insert(u"XDG_CONFIG_HOME"_s, home + u"/xdg-config"_s);
    environment.insert(u"XDG_CACHE_HOME"_s, home + u"/xdg-cache"_s);
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(home);
    process.start(cliPath(), arguments);
    if (!process.waitForStarted(kTimeoutMs)) {
        ADD_FAILURE() << "cannot start " << cliPath().toStdString() << ": "
                      << process.errorString().toStdString();
        return result;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(kTimeoutMs)) {
        result.timedOut = true;
        process.kill();
        process.waitForFinished();
    }
    result.crashed = process.exitStatus() == QProcess::CrashExit;
    result.exitCode = result.crashed ? -1 : process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void CliTest::SetUp()
{
    ASSERT_TRUE(m_dir.isValid());
}

CliResult CliTest::cliOn(const QString &db, const QStringList &arguments) const
{
    return runCli(QStringList {u"--db"_s, db, u"--json"_s} + arguments, dir());
}

CliResult CliTest::cliText(const QStringList &arguments) const
{
    return runCli(QStringList {u"--db"_s, dbPath()} + arguments, dir());
}

QString CliTest::writeFile(const QString &name, const QByteArray &bytes) const
{
    const QString filePath = path(name);
    QFile file(filePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        ADD_FAILURE() << "cannot write " << filePath.toStdString();
    return filePath;
}

QByteArray CliTest::readFile(const QString &filePath)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot read " << filePath.toStdString();
        return {};
    }
    return file.readAll();
}

QString CliTest::dataFile(const QString &name)
{
    return QStringLiteral(SAFERHOMES_TEST_DATA_DIR "/cli/") + name;
}

int CliTest::count(const QString &db) const
{
    const CliResult result = cliOn(db, {u"households"_s, u"count"_s});
    EXPECT_EQ(result.exitCode, 0) << result;
    const QJsonObject json = result.json();
    EXPECT_EQ(json.keys(), QStringList {u"households"_s}) << result;
    if (!json.value(u"households"_s).isDouble())
        return -1;
    return json.value(u"households"_s).toInt();
}

void CliTest::importOk(const QString &db, const QString &file) const
{
    const CliResult result = cliOn(db, {u"households"_s, u"import"_s, file});
    EXPECT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json().value(u"rejected"_s).toArray().size(), 0) << result;
}

QByteArray CliTest::exportBytes(const QString &db, const QString &fileName) const
{
    const QString file = path(fileName);
    const CliResult result = cliOn(db, {u"households"_s, u"export"_s, file});
    EXPECT_EQ(result.exitCode, 0) << result;
    return readFile(file);
}

CsvTable CliTest::exportTable(const QString &db) const
{
    const QString database = db.isEmpty() ? dbPath() : db;
    const QString name
        = u"export-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces) + u".csv"_s;
    return parseCsv(exportBytes(database, name));
}

QJsonObject CliTest::progress(const QString &db) const
{
    const CliResult result = cliOn(db.isEmpty() ? dbPath() : db, {u"report"_s, u"progress"_s});
    EXPECT_EQ(result.exitCode, 0) << result;
    return result.json();
}

std::optional<QList<QVariantList>> CliTest::query(const QString &db, const QString &sql, bool write)
{
    const QString connection = u"clitest-"_s + QUuid::createUuid().toString();
    std::optional<QList<QVariantList>> rows;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        database.setDatabaseName(db);
        if (!write)
            database.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (database.open()) {
            QSqlQuery q(database);
            if (q.exec(sql)) {
                rows.emplace();
                while (q.next()) {
                    QVariantList row;
                    for (int i = 0; i < q.record().count(); ++i)
                        row.append(q.value(i));
                    rows->append(row);
                }
            } else {
                ADD_FAILURE() << sql.toStdString() << ": " << q.lastError().text().toStdString();
            }
        } else {
            ADD_FAILURE() << "cannot open " << db.toStdString() << ": "
                          << database.lastError().text().toStdString();
        }
        database.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return rows;
}

QByteArray csvLines(const QStringList &lines, const QByteArray &lineEnd)
{
    QByteArray bytes;
    for (const QString &line : lines)
        bytes += line.toUtf8() + lineEnd;
    return bytes;
}

} // namespace saferhomes::clitest
