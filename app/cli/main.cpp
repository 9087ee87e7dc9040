#include "cli.h"
#include "mapcommand.h"
#include "reportcommand.h"
#include "sheetscommand.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

int main(int argc, char *argv[])
{
    // Only the job sheets, the return's PDF and the map draw (fonts need Qt Gui); every other
    // command stays headless.
    std::unique_ptr<QCoreApplication> app;
    if (saferhomes::SheetsCommand::isRequested(argc, argv)
        || saferhomes::ReportCommand::needsGui(argc, argv)
        || saferhomes::MapCommand::isRequested(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("SaferHomes"));
    QCoreApplication::setApplicationName(QStringLiteral("saferhomes"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SAFERHOMES_VERSION));
    saferhomes::Cli cli;
    return cli.run(QCoreApplication::arguments());
}
