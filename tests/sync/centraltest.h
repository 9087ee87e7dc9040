#pragma once

// Shared helpers of the central database tests: fresh databases and superuser sessions on the
// run's cluster, and the fixture of a suite with one user.

#include "pgcluster.h"
#include "pgsession.h"
#include "sync/centraladmin.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <ostream>
#include <thread>
#include <utility>

// Readable GoogleTest output for QString.
inline void PrintTo(const QString &text, std::ostream *stream)
{
    *stream << '"' << text.toStdString() << '"';
}

namespace saferhomes::synctest {

/// How long a test waits for something that must happen. Generous, because the suite runs under
/// the sanitizers on a machine other processes keep busy; a wait lasts only as long as its
/// condition takes, so a passing test never pays for it.
inline constexpr std::chrono::milliseconds kPatience = std::chrono::minutes(2);

/// Tries \a done until it returns true (then true) or \a patience has passed (then false).
/// For what only the server can tell and cannot signal, such as rows reaching a pull once every
/// older transaction of the shared cluster has ended (DESIGN §7): between two tries the thread
/// gives the server a moment (a few milliseconds, not a fixed pause for the event).
inline bool eventually(const std::function<bool()> &done,
                       std::chrono::milliseconds patience = kPatience)
{
    const QDeadlineTimer deadline(patience);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

inline PgCluster &cluster()
{
    return PgCluster::shared();
}

/// A new empty database; empty (and a test failure) when it cannot be made.
inline QString newDatabase(const QString &prefix, const QString &owner = {})
{
    QString error;
    const QString name = cluster().createDatabase(prefix, &error, owner);
    EXPECT_FALSE(name.isEmpty()) << error.toStdString();
    return name;
}

/// The superuser's URI for \a database (the password is in PGPASSWORD).
inline QString superuserUri(const QString &database)
{
    return cluster().uri(cluster().superuser(), database);
}

inline std::unique_ptr<PgSession> superuserSession(const QString &database)
{
    auto session = std::make_unique<PgSession>(cluster(), database, cluster().superuser(),
                                               cluster().superuserPassword());
    EXPECT_TRUE(session->isOpen()) << session->openError().toStdString();
    return session;
}

/// A new database on which init-server has run; empty (and a test failure) otherwise.
inline QString initialisedDatabase(const QString &prefix)
{
    const QString database = newDatabase(prefix);
    if (database.isEmpty())
        return {};
    const CentralAdmin::Report result = CentralAdmin().initServer(superuserUri(database));
    EXPECT_TRUE(result.ok()) << result.errorString().toStdString();
    return result.ok() ? database : QString();
}

/// A person of a suite: their key (what its tests call them), their role and their areas.
using Person = std::pair<QString, std::pair<QString, QStringList>>;

/// A new database on which init-server has run, with \a people added, each as a login of their
/// own made from their key, with \a password; \a logins maps each key to its login. Empty (and
/// a test failure, the first that stopped it) when any of that fails.
inline QString databaseWithPeople(const QString &prefix, const QList<Person> &people,
                                  const QString &password, QHash<QString, QString> *logins)
{
    logins->clear();
    const QString database = initialisedDatabase(prefix);
    if (database.isEmpty())
        return {};
    for (const auto &[key, person] : people) {
        const QString login = PgCluster::uniqueName(key);
        const CentralAdmin::Report result = CentralAdmin().addUser(
            superuserUri(database), login, person.first, person.second, password);
        if (!result.ok()) {
            ADD_FAILURE() << result.errorString().toStdString();
            return {};
        }
        logins->insert(key, login);
    }
    return database;
}

/// A suite with a database of its own and one user on it (s_login); each test has a folder of
/// its own for local files.
class OneUserTest : public ::testing::Test {
protected:
    /// Makes the suite's database (named after \a prefix) with \a user, whose password is
    /// \a password; s_database is left empty (and a test failure made) when that fails.
    static void setUpSuite(const QString &prefix, const Person &user, const QString &password)
    {
        QHash<QString, QString> logins;
        s_database = databaseWithPeople(prefix, {user}, password, &logins);
        s_login = logins.value(user.first);
    }

    void SetUp() override
    {
        ASSERT_FALSE(s_database.isEmpty()) << "set-up failed";
        ASSERT_TRUE(m_dir.isValid());
    }

    static inline QString s_database;
    static inline QString s_login;
    QTemporaryDir m_dir;
};

} // namespace saferhomes::synctest
