// packaging/central/README.md, the deployment notes of the central database, run as written:
// every ```sh block, in order, in one bash script, as the postgres OS user, against a cluster of
// its own (the notes restart the server and change pg_hba.conf, which the run's shared cluster
// must not see). Only the ```sh-settings block is replaced, by this cluster's values, and
// Debian's pg_ctlcluster by pg_ctl on this cluster's folder.

#include "pgcluster.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <pwd.h>
#include <unistd.h>

namespace saferhomes::synctest {

namespace {

/// The text of every block fenced by ```sh, in order.
QStringList shellBlocks(const QString &markdown)
{
    QStringList blocks;
    QString current;
    bool inside = false;
    for (const QString &line : markdown.split(QLatin1Char('\n'))) {
        if (!inside && line == u"```sh") {
            inside = true;
            current.clear();
        } else if (inside && line == u"```") {
            inside = false;
            blocks.append(current);
        } else if (inside) {
            current += line + QLatin1Char('\n');
        }
    }
    return blocks;
}

bool giveToPostgres(const QString &path)
{
    if (geteuid() != 0)
        return true;
    const passwd *user = getpwnam("postgres");
    return user && chown(QFile::encodeName(path).constData(), user->pw_uid, user->pw_gid) == 0;
}

QString quoted(const QString &value)
{
    QString text = value;
    text.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

/// The lines of \a output that start with \a prefix, without it.
QStringList linesAfter(const QString &output, const QString &prefix)
{
    QStringList found;
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        if (line.startsWith(prefix))
            found.append(line.mid(prefix.size()).trimmed());
    }
    return found;
}

} // namespace

TEST(CentralReadme, EveryCommandRunsAgainstARealServer)
{
    QFile readme(QStringLiteral(SAFERHOMES_CENTRAL_README));
    ASSERT_TRUE(readme.open(QIODevice::ReadOnly)) << SAFERHOMES_CENTRAL_README;
    const QStringList blocks = shellBlocks(QString::fromUtf8(readme.readAll()));
    ASSERT_GE(blocks.size(), 8) << "the README's ```sh blocks were not found";

    PgCluster server;
    QString error;
    ASSERT_TRUE(server.start(&error)) << error.toStdString();
    QTemporaryDir scratch(QDir::tempPath() + QStringLiteral("/saferhomes-readme-XXXXXX"));
    ASSERT_TRUE(scratch.isValid());
    ASSERT_TRUE(giveToPostgres(scratch.path()));
    const QString backupDir = scratch.filePath(QStringLiteral("backup"));

    QString script = QStringLiteral("set -euo pipefail\n");
    const QList<std::pair<QString, QString>> settings {
        {QStringLiteral("SERVER_NAME"), QStringLiteral("localhost")},
        {QStringLiteral("LISTEN_ADDRESSES"), server.host()},
        {QStringLiteral("DEVICE_NETWORK"), server.host() + QStringLiteral("/32")},
        {QStringLiteral("PGHOST"), server.socketDir()},
        {QStringLiteral("PGPORT"), QString::number(server.port())},
        {QStringLiteral("PGUSER"), server.superuser()},
        {QStringLiteral("PGDATA"), server.dataDir()},
        // initdb keeps postgresql.conf and pg_hba.conf in the data folder.
        {QStringLiteral("PGCONF"), server.dataDir()},
        {QStringLiteral("PGBIN"), server.binDir()},
        {QStringLiteral("ADMIN_DIR"), scratch.filePath(QStringLiteral("admin"))},
        {QStringLiteral("BACKUP_DIR"), backupDir},
        {QStringLiteral("DRILL_PORT"), QString::number(PgCluster::freePort())},
        {QStringLiteral("HOME"), scratch.path()},
        {QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8")},
        {QStringLiteral("PATH"),
         QFileInfo(QStringLiteral(SAFERHOMES_CLI)).absolutePath() + QLatin1Char(':')
             + server.binDir() + QStringLiteral(":/usr/sbin:/usr/bin:/sbin:/bin")},
        // The sanitizer build's leak report is not the notes' business.
        {QStringLiteral("ASAN_OPTIONS"), qEnvironmentVariable("ASAN_OPTIONS")},
    };
    for (const auto &[name, value] : settings)
        script += QStringLiteral("export %1=%2\n").arg(name, quoted(value));
    script += QStringLiteral("unset PGPASSWORD PGDATABASE\n"
                             "pg_ctlcluster() {\n"
                             "    \"$PGBIN/pg_ctl\" --pgdata=\"$PGDATA\" "
                             "--log=\"$PGDATA/../server.log\" --wait \"$3\"\n"
                             "}\n"
                             "cd \"$HOME\"\n");
    for (const QString &block : blocks)
        script += block;
    const QString scriptFile = scratch.filePath(QStringLiteral("readme.sh"));
    {
        QFile file(scriptFile);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(script.toUtf8());
    }
    ASSERT_TRUE(giveToPostgres(scriptFile));

    QProcess bash;
    bash.setProcessChannelMode(QProcess::MergedChannels);
    if (geteuid() == 0)
        bash.start(QStringLiteral("runuser"),
                   {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                    QStringLiteral("bash"), scriptFile});
    else
        bash.start(QStringLiteral("bash"), {scriptFile});
    const bool finished = bash.waitForFinished(240'000);
    if (!finished) {
        bash.kill();
        bash.waitForFinished();
    }
    const QString output = QString::fromUtf8(bash.readAll());

    // A drill server left running by a failure is stopped before the folder goes.
    const QString drill = backupDir + QStringLiteral("/drill");
    if (QFileInfo::exists(drill + QStringLiteral("/postmaster.pid"))) {
        QProcess stop;
        const QString pgCtl = server.binDir() + QStringLiteral("/pg_ctl");
        const QStringList arguments {QStringLiteral("--pgdata=") + drill,
                                     QStringLiteral("--mode=immediate"), QStringLiteral("stop")};
        if (geteuid() == 0)
            stop.start(QStringLiteral("runuser"),
                       QStringList {QStringLiteral("-u"), QStringLiteral("postgres"),
                                    QStringLiteral("--"), pgCtl}
                           + arguments);
        else
            stop.start(pgCtl, arguments);
        stop.waitForFinished(120'000);
    }
    EXPECT_TRUE(server.stop(&error)) << error.toStdString();

    ASSERT_TRUE(finished) << "the notes' commands did not finish\n" << output.toStdString();
    ASSERT_EQ(bash.exitStatus(), QProcess::NormalExit) << output.toStdString();
    ASSERT_EQ(bash.exitCode(), 0) << output.toStdString();

    // What the notes say their commands print.
    static const QRegularExpression tls(QStringLiteral("^tls\\|t\\|TLSv1\\.[23]$"),
                                        QRegularExpression::MultilineOption);
    EXPECT_TRUE(tls.match(output).hasMatch()) << output.toStdString();
    const QStringList live = linesAfter(output, QStringLiteral("live:"));
    const QStringList drilled = linesAfter(output, QStringLiteral("drill:"));
    ASSERT_EQ(live.size(), 2) << output.toStdString();
    EXPECT_EQ(drilled, live) << output.toStdString();
    // The first admin's login and the drill's own, in the two areas add-user created.
    EXPECT_TRUE(
        live.last().startsWith(QStringLiteral("logins: 2, areas: 2, households: 0, schema: ")))
        << output.toStdString();
    EXPECT_TRUE(output.contains(QStringLiteral("\nreplayed|1\n"))) << output.toStdString();
    static const QRegularExpression schema(QStringLiteral("^schema\\|[1-9][0-9]*\\|"),
                                           QRegularExpression::MultilineOption);
    EXPECT_TRUE(schema.match(output).hasMatch()) << output.toStdString();
}

} // namespace saferhomes::synctest
