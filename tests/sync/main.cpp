// Our own main (it takes precedence over gtest_main): QSqlDatabase needs a QCoreApplication to
// load the QPSQL driver, the run's PostgreSQL cluster is a global test environment, and the
// CTest fixture starts and stops a shared cluster through this executable.

#include "pgcluster.h"

#include <QCoreApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int clusterCommand = saferhomes::synctest::runClusterCommand(app.arguments());
    if (clusterCommand >= 0)
        return clusterCommand;
    ::testing::InitGoogleTest(&argc, argv);
    ::testing::AddGlobalTestEnvironment(new saferhomes::synctest::PgClusterEnvironment);
    return RUN_ALL_TESTS();
}
