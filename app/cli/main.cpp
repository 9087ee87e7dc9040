#include "cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SaferHomes"));
    QCoreApplication::setApplicationName(QStringLiteral("saferhomes"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SAFERHOMES_VERSION));
    saferhomes::Cli cli;
    return cli.run(QCoreApplication::arguments());
}
