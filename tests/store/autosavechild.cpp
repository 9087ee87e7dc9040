// A child process for the doorstep kill test: saves survey answers one by one, printing
// "saved N" after each save returns, until it is killed.
//
// Usage: saferhomes_autosave_child DATABASE SURVEY_ID FIRST (answers q.FIRST, q.FIRST+1, ...)

#include "service/surveyservice.h"
#include "store/consentrepository.h"
#include "store/database.h"
#include "store/householdrepository.h"
#include "store/surveyrepository.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QUuid>

#include <cstdio>

using namespace saferhomes;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4) {
        std::fputs("usage: saferhomes_autosave_child DATABASE SURVEY_ID FIRST\n", stderr);
        return 2;
    }
    Database database(QStringLiteral("autosave-child"));
    if (const Status opened = database.open(args[1]); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.errorString()));
        return 2;
    }
    const QString user = QStringLiteral("child");
    HouseholdRepository households(database, user);
    ConsentRepository consents(database, user);
    SurveyRepository surveys(database, user);
    SurveyService service(households, consents, surveys);
    const QUuid surveyId = QUuid::fromString(args[2]);

    const int first = args[3].toInt();
    for (int i = first; i < first + 1000000; ++i) {
        const SurveyService::Result result
            = service.saveAnswer(surveyId, QStringLiteral("q.%1").arg(i), QJsonValue(i),
                                 QStringLiteral("section-%1").arg(i));
        if (!result.ok()) {
            std::fprintf(stderr, "save %d failed: %s\n", i, qPrintable(result.errorString()));
            return 1;
        }
        // Printed only once the save has returned: every number the parent reads was
        // acknowledged, so it must survive the kill.
        std::printf("saved %d\n", i);
        std::fflush(stdout);
    }
    return 0;
}
