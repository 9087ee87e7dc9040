#pragma once

// Shared helpers of the central database tests: fresh databases and superuser sessions on the
// run's cluster.

#include "pgcluster.h"
#include "pgsession.h"
#include "sync/centraladmin.h"

#include <QString>

#include <gtest/gtest.h>

#include <memory>
#include <ostream>

// Readable GoogleTest output for QString.
inline void PrintTo(const QString &text, std::ostream *stream)
{
    *stream << '"' << text.toStdString() << '"';
}

namespace saferhomes::synctest {

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
    const CentralAdmin::Result result = CentralAdmin().initServer(superuserUri(database));
    EXPECT_TRUE(result.ok()) << result.error.toStdString();
    return result.ok() ? database : QString();
}

} // namespace saferhomes::synctest
