// DESIGN.md §3 (migrations, newer database refused) and §4 (`init`, `households count`, `--db`).

#include "clitestsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

using CliInit = CliTest;
using CliNewerDatabase = CliTest;

TEST_F(CliInit, CreatesTheDatabase)
{
    ASSERT_FALSE(QFileInfo::exists(dbPath()));
    const CliResult result = cli({u"init"_s});
    EXPECT_EQ(result.exitCode, 0) << result;
    EXPECT_TRUE(result.jsonOrNull().has_value()) << "--json prints one JSON document\n" << result;
    EXPECT_TRUE(QFileInfo(dbPath()).isFile());
    EXPECT_GT(QFileInfo(dbPath()).size(), 0);
    // A migrated database has a schema version.
    const auto version = query(dbPath(), u"PRAGMA user_version"_s);
    ASSERT_TRUE(version && !version->isEmpty());
    EXPECT_GT(version->first().first().toInt(), 0);
}

TEST_F(CliInit, RunningTwiceIsFine)
{
    ASSERT_EQ(cli({u"init"_s}).exitCode, 0);
    const auto before = query(dbPath(), u"PRAGMA user_version"_s);
    const CliResult again = cli({u"init"_s});
    EXPECT_EQ(again.exitCode, 0) << again;
    EXPECT_EQ(query(dbPath(), u"PRAGMA user_version"_s), before);
    EXPECT_EQ(count(), 0);
}

TEST_F(CliInit, CountOfANewDatabaseIsZero)
{
    ASSERT_EQ(cli({u"init"_s}).exitCode, 0);
    const CliResult result = cli({u"households"_s, u"count"_s});
    EXPECT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(result.json(), QJsonObject({{u"households"_s, 0}})) << result;
    EXPECT_TRUE(result.err.trimmed().isEmpty()) << result;
}

TEST_F(CliInit, CountWithoutJsonPrintsTheNumber)
{
    ASSERT_EQ(cli({u"init"_s}).exitCode, 0);
    const CliResult result = cliText({u"households"_s, u"count"_s});
    EXPECT_EQ(result.exitCode, 0) << result;
    EXPECT_TRUE(QString::fromUtf8(result.out).contains(u'0')) << result;
}

TEST_F(CliInit, DatabaseThatIsAFolderIsAFileError)
{
    ASSERT_TRUE(QDir(dir()).mkdir(u"folder.sqlite"_s));
    const CliResult result = cliOn(path(u"folder.sqlite"_s), {u"init"_s});
    EXPECT_EQ(result.exitCode, 2) << result;
    EXPECT_FALSE(result.err.trimmed().isEmpty()) << result;
}

TEST_F(CliInit, NotADatabaseIsAFileError)
{
    const QString notDb = writeFile(u"notes.sqlite"_s,
                                    QByteArray("This is a text file, not SQLite.\n").repeated(50));
    const QByteArray before = readFile(notDb);
    const CliResult result = cliOn(notDb, {u"households"_s, u"count"_s});
    EXPECT_EQ(result.exitCode, 2) << result;
    EXPECT_FALSE(result.err.trimmed().isEmpty()) << result;
    EXPECT_EQ(readFile(notDb), before) << "a file that is not a database must be left alone";
}

TEST_F(CliNewerDatabase, IsRefusedAndLeftUntouched)
{
    ASSERT_EQ(cli({u"init"_s}).exitCode, 0);
    ASSERT_TRUE(query(dbPath(), u"PRAGMA user_version = 999"_s, true));
    const auto version = query(dbPath(), u"PRAGMA user_version"_s);
    ASSERT_TRUE(version && !version->isEmpty());
    ASSERT_EQ(version->first().first().toInt(), 999);
    const QByteArray hash
        = QCryptographicHash::hash(readFile(dbPath()), QCryptographicHash::Sha256);
    const QString csv = writeFile(u"one.csv"_s, "address_line1,postcode\n1 High Street,LE13 1AB\n");

    const QList<QStringList> commands {
        {u"init"_s},
        {u"households"_s, u"count"_s},
        {u"households"_s, u"import"_s, csv},
        {u"households"_s, u"export"_s, path(u"out.csv"_s)},
        {u"households"_s, u"set"_s, u"--uprn"_s, u"1"_s, u"notes=x"_s},
        {u"report"_s, u"progress"_s},
    };
    for (const QStringList &command : commands) {
        const CliResult result = cli(command);
        EXPECT_EQ(result.exitCode, 2) << result;
        EXPECT_TRUE(result.errText().contains(u"newer"_s, Qt::CaseInsensitive))
            << "the message should say the database is from a newer version\n"
            << result;
        const auto after = query(dbPath(), u"PRAGMA user_version"_s);
        ASSERT_TRUE(after && !after->isEmpty());
        EXPECT_EQ(after->first().first().toInt(), 999) << result;
        EXPECT_EQ(QCryptographicHash::hash(readFile(dbPath()), QCryptographicHash::Sha256), hash)
            << "the database file changed\n"
            << result;
    }
    EXPECT_FALSE(QFileInfo::exists(path(u"out.csv"_s)));
}
