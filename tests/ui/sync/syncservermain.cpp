// The sync GUI against the run's real PostgreSQL cluster (tests/sync/pgcluster.h): a
// QApplication for the widgets, and the cluster as a global test environment. Under CTest the
// cluster is the one the SyncPgCluster fixture started; run directly, this starts its own.

#include "pgcluster.h"

#include <QApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SaferHomesTest"));
    QApplication::setApplicationName(QStringLiteral("saferhomes-ui-sync-tests"));
    ::testing::InitGoogleTest(&argc, argv);
    ::testing::AddGlobalTestEnvironment(new saferhomes::synctest::PgClusterEnvironment);
    return RUN_ALL_TESTS();
}
