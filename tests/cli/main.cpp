// Our own main (it takes precedence over gtest_main): QSqlDatabase needs a QCoreApplication
// to load the QSQLITE driver that the tests use to look inside the database files.

#include <QCoreApplication>

#include <gtest/gtest.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
