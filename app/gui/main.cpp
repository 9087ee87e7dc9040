#include "demo/demodata.h"
#include "doorstep/surveyresources.h"
#include "shell/mainwindow.h"
#include "store/connectionname.h"
#include "store/database.h"
#include "store/householdrepository.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace saferhomes;

namespace {

/// --help and --version print and exit: they must work without a display.
bool printsOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "--help", "--help-all", "-?", "-v", "--version"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = printsOnly(argc, argv)
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SaferHomes"));
    QCoreApplication::setApplicationName(QStringLiteral("saferhomes"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SAFERHOMES_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "SaferHomes: home-security scheme management."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QCoreApplication::translate("main", "Use the local database at PATH (default: %1).")
            .arg(Database::defaultPath()),
        QCoreApplication::translate("main", "PATH"), Database::defaultPath());
    parser.addOption(dbOption);
    parser.process(*app);

    QApplication::setApplicationDisplayName(QStringLiteral("SaferHomes"));

    // Loaded once, checked here: a broken definition or rules file is a build or packaging
    // fault that must stop the program with the file and JSON path, not show up mid-survey.
    QString surveyError;
    const std::shared_ptr<const RecommendationEngine> survey
        = SurveyResources::loadBuiltIn(&surveyError);
    if (!survey) {
        std::fprintf(stderr, "%s\n", qPrintable(surveyError));
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("main", "SaferHomes"),
            QCoreApplication::translate("main", "SaferHomes cannot start.\n\n%1").arg(surveyError));
        return 1;
    }

    Database database(ConnectionName::main());
    if (!database.open(parser.value(dbOption))) {
        std::fprintf(stderr, "%s\n", qPrintable(database.errorString()));
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("main", "SaferHomes"),
            QCoreApplication::translate("main", "SaferHomes cannot open its database.\n\n%1")
                .arg(database.errorString()));
        return 1;
    }

    // A new user sees a populated register rather than an empty screen.
    if (HouseholdRepository(database, Database::localUserName()).count() == 0) {
        QString error;
        if (!DemoData::fill(database, DemoData::Options {300, 1}, &error)) {
            std::fprintf(
                stderr, "%s\n",
                qPrintable(
                    QCoreApplication::translate("main", "demo data not loaded: %1").arg(error)));
        }
    }

    MainWindow window(database, {}, survey);
    window.show();
    return QCoreApplication::exec();
}
