// A read-only database (DESIGN.md §4: a file error, exit 2) is named, and left exactly as it was.

#include "clitestsupport.h"

#include <QFile>
#include <QProcess>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace saferhomes::clitest;

using CliReadOnly = CliTest;

TEST_F(CliReadOnly, AReadOnlyDatabaseIsNamedAndLeftAlone)
{
    ASSERT_EQ(cli({u"init"_s}).exitCode, 0);
    const QString csv = writeFile(u"a.csv"_s, "address_line1,postcode\n1 A Road,LE13 1AB\n");
    importOk(dbPath(), csv);
    const QByteArray before = readFile(dbPath());

    const auto readable = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
    const auto listable = readable | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    ASSERT_TRUE(QFile::setPermissions(dbPath(), readable));
    ASSERT_TRUE(QFile::setPermissions(csv, readable));
    QString program = QStringLiteral(SAFERHOMES_CLI);
    QStringList arguments {u"--db"_s, dbPath(), u"households"_s, u"import"_s, csv};
    if (geteuid() == 0) {
        // Root may write anything: run the command as an ordinary user instead.
        const QString copy = path(u"saferhomes-cli"_s);
        ASSERT_TRUE(QFile::copy(program, copy));
        ASSERT_TRUE(QFile::setPermissions(copy, listable));
        arguments.prepend(copy);
        arguments = QStringList {u"-u"_s, u"nobody"_s, u"--"_s} + arguments;
        program = u"runuser"_s;
    }
    ASSERT_TRUE(QFile::setPermissions(dir(), listable));

    QProcess process;
    process.setWorkingDirectory(dir());
    process.start(program, arguments);
    ASSERT_TRUE(process.waitForFinished(60000));
    const QString errors = QString::fromUtf8(process.readAllStandardError());
    EXPECT_EQ(process.exitCode(), 2) << qPrintable(errors);
    EXPECT_TRUE(errors.contains(u"read-only"_s)) << qPrintable(errors);
    EXPECT_TRUE(errors.contains(dbPath())) << qPrintable(errors);

    ASSERT_TRUE(QFile::setPermissions(dir(), listable | QFile::WriteOwner));
    ASSERT_TRUE(QFile::setPermissions(dbPath(), readable | QFile::WriteOwner));
    EXPECT_EQ(readFile(dbPath()), before);
    EXPECT_EQ(count(), 1);
}
