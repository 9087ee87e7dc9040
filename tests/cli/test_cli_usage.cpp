// DESIGN.md §4: global options and exit code 2 for usage errors.

#include "clitestsupport.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

using CliUsage = CliTest;

TEST_F(CliUsage, HelpExitsZeroWithUsageText)
{
    const CliResult result = runCli({u"--help"_s}, dir());
    EXPECT_EQ(result.exitCode, 0) << result;
    const QString help = QString::fromUtf8(result.out + result.err);
    EXPECT_TRUE(help.contains(u"usage"_s, Qt::CaseInsensitive)) << result;
    for (const QString &word :
         {u"init"_s, u"demo"_s, u"households"_s, u"import"_s, u"export"_s, u"count"_s, u"set"_s,
          u"report"_s, u"progress"_s, u"--db"_s, u"--json"_s}) {
        EXPECT_TRUE(help.contains(word)) << word.toStdString() << " missing from help\n" << result;
    }
}

TEST_F(CliUsage, HelpWithACommandStillExitsZero)
{
    const CliResult result = cliText({u"households"_s, u"import"_s, u"--help"_s});
    EXPECT_EQ(result.exitCode, 0) << result;
    EXPECT_FALSE(QFileInfo::exists(dbPath())) << "--help must not touch the database";
}

TEST_F(CliUsage, VersionPrintsTheProgramAndTheProjectVersion)
{
    // SAFERHOMES_PROJECT_VERSION is CMake's project(VERSION), the one version of the program.
    const CliResult result = runCli({u"--version"_s}, dir());
    EXPECT_EQ(result.exitCode, 0) << result;
    EXPECT_EQ(QString::fromUtf8(result.out), u"saferhomes-cli " SAFERHOMES_PROJECT_VERSION "\n"_s)
        << result;
    EXPECT_TRUE(result.err.isEmpty()) << result;
}

TEST_F(CliUsage, UnknownCommandExitsTwo)
{
    const CliResult result = cli({u"frobnicate"_s});
    EXPECT_EQ(result.exitCode, 2) << result;
    EXPECT_FALSE(result.err.trimmed().isEmpty()) << "usage errors are explained on stderr\n"
                                                 << result;
}

TEST_F(CliUsage, UnknownSubcommandExitsTwo)
{
    for (const QStringList &arguments :
         {QStringList {u"households"_s, u"frobnicate"_s}, QStringList {u"households"_s},
          QStringList {u"report"_s, u"frobnicate"_s}, QStringList {u"init"_s, u"extra"_s}}) {
        const CliResult result = cli(arguments);
        EXPECT_EQ(result.exitCode, 2) << result;
        EXPECT_FALSE(result.err.trimmed().isEmpty()) << result;
    }
}

TEST_F(CliUsage, NoCommandExitsTwo)
{
    const CliResult result = runCli({u"--db"_s, dbPath()}, dir());
    EXPECT_EQ(result.exitCode, 2) << result;
}

TEST_F(CliUsage, UnknownOptionExitsTwo)
{
    const CliResult result = cli({u"households"_s, u"count"_s, u"--frobnicate"_s});
    EXPECT_EQ(result.exitCode, 2) << result;
}

TEST_F(CliUsage, DbWithoutValueExitsTwo)
{
    const CliResult result = runCli({u"households"_s, u"count"_s, u"--db"_s}, dir());
    EXPECT_EQ(result.exitCode, 2) << result;
}

TEST_F(CliUsage, ImportWithoutFileExitsTwo)
{
    const CliResult result = cli({u"households"_s, u"import"_s});
    EXPECT_EQ(result.exitCode, 2) << result;
}

TEST_F(CliUsage, DemoWithBadNumberExitsTwo)
{
    const CliResult result = cli({u"demo"_s, u"--households"_s, u"many"_s});
    EXPECT_EQ(result.exitCode, 2) << result;
}
