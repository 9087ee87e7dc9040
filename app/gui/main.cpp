#include "doorstep/surveyresources.h"
#include "register/registerpage.h"
#include "shell/databaseproblemwindow.h"
#include "shell/mainwindow.h"
#include "store/connectionname.h"
#include "store/database.h"
#include "store/demotransfer.h"
#include "terminationsignals.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEvent>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>

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

/// With SAFERHOMES_REPORT_FIRST_PAINT set, prints "painted" once the main window has painted
/// for the first time and quits: the start-up benchmark (tests/bench/bench_startup.cpp) times
/// launch to first paint by it.
class FirstPaintReporter : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            QTimer::singleShot(0, qApp, [] {
                std::fputs("painted\n", stdout);
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = printsOnly(argc, argv)
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SaferHomes"));
    QCoreApplication::setApplicationName(QStringLiteral("saferhomes"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SAFERHOMES_VERSION));
    // The system language's translation, else en_GB's: it holds the English singular and
    // plural forms of the %n messages.
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("saferhomes"), QStringLiteral("_"),
                        QStringLiteral(":/i18n"))
        || translator.load(QStringLiteral(":/i18n/saferhomes_en_GB.qm")))
        QCoreApplication::installTranslator(&translator);

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
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main",
                                    "Save the main window, at 1280 x 800, as a PNG image to FILE "
                                    "and quit (for documentation and software centres)."),
        QCoreApplication::translate("main", "FILE"));
    parser.addOption(screenshotOption);
    parser.process(*app);

    QApplication::setApplicationDisplayName(QStringLiteral("SaferHomes"));
    // The desktop file's name, so that a Wayland compositor or a task bar matches the window
    // with the installed launcher and its icon; the same icon for every window.
    QGuiApplication::setDesktopFileName(QStringLiteral("uk.police.saferhomes"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/uk.police.saferhomes.svg")));

    // Installed before the database is opened: from then on, SIGTERM closes it cleanly.
    TerminationSignals termination;
    termination.install();
    QObject::connect(&termination, &TerminationSignals::terminationRequested, app.get(),
                     &QCoreApplication::quit);

    // Loaded once, checked here: a broken definition or rules file is a build or packaging
    // fault that must stop the program with the file and JSON path, not show up mid-survey.
    const Result<SurveyResources::Engine> loadedSurvey = SurveyResources::loadBuiltIn();
    if (!loadedSurvey) {
        const QString surveyError = loadedSurvey.errorString();
        std::fprintf(stderr, "%s\n", qPrintable(surveyError));
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("main", "SaferHomes"),
            QCoreApplication::translate("main", "SaferHomes cannot start.\n\n%1").arg(surveyError));
        return 1;
    }
    const std::shared_ptr<const RecommendationEngine> survey = *loadedSurvey;

    FirstPaintReporter firstPaint;
    if (qEnvironmentVariableIsSet("SAFERHOMES_REPORT_FIRST_PAINT"))
        qApp->installEventFilter(&firstPaint);
    const QString screenshot = parser.value(screenshotOption);
    // With --screenshot: once the event loop has run (the window is laid out and shows its
    // data), saves \a window and quits.
    const auto saveScreenshot = [&screenshot](QWidget *window) {
        if (screenshot.isEmpty())
            return;
        window->resize(1280, 800);
        QTimer::singleShot(0, window, [window, screenshot] {
            if (!window->grab().save(screenshot, "PNG")) {
                std::fprintf(stderr, "%s\n",
                             qPrintable(QCoreApplication::translate("main", "cannot write %1")
                                            .arg(QDir::toNativeSeparators(screenshot))));
                QCoreApplication::exit(2);
                return;
            }
            QCoreApplication::quit();
        });
    };

    const QString path = parser.value(dbOption);
    Database database(ConnectionName::main());
    std::unique_ptr<MainWindow> window;
    const auto showMainWindow = [&] {
        window = std::make_unique<MainWindow>(database, nullptr, survey);
        saveScreenshot(window.get());
        window->show();
        // A new register shows the demo at once: the window is up with the empty register,
        // and the demo fills in off the GUI thread; the user may instead start with an empty
        // register.
        const Result<bool> offerDemo = DemoTransfer::shouldOfferDemo(database);
        if (!offerDemo)
            window->showError(offerDemo.errorString());
        else if (offerDemo.value())
            window->registerPage()->startDemoFill();
    };

    // A database that cannot be opened (damaged, not a database, in use by another program,
    // from a newer version) is said so in the window's banner, never shown as an empty
    // register; the user may try again once the other program has let go.
    std::unique_ptr<DatabaseProblemWindow> problem;
    if (const Status opened = database.open(path); opened) {
        showMainWindow();
    } else {
        std::fprintf(stderr, "%s\n", qPrintable(opened.errorString()));
        problem = std::make_unique<DatabaseProblemWindow>(path, opened.errorString());
        QObject::connect(problem.get(), &DatabaseProblemWindow::tryAgainRequested, problem.get(),
                         [&] {
                             const Status again = database.open(path);
                             if (!again) {
                                 problem->showError(again.errorString());
                                 return;
                             }
                             showMainWindow();
                             problem->hide();
                             problem.release()->deleteLater();
                         });
        saveScreenshot(problem.get());
        problem->show();
    }
    return QCoreApplication::exec();
}
