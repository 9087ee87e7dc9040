#include "demodata.h"

#include "demohouseholds.h"
#include "demostories.h"

#include "store/database.h"
#include "store/demorepository.h"

#include <QCoreApplication>

namespace saferhomes {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DemoData", text);
}

} // namespace

bool DemoData::fill(const Database &database, const Options &options, QString *errorString)
{
    const auto fail = [&](const QString &message) {
        if (errorString)
            *errorString = message;
        return false;
    };
    if (!database.isOpen())
        return fail(tr("the database is not open"));
    if (options.households < 0)
        return fail(tr("the number of households cannot be negative"));

    DemoRepository repository(database, Database::localUserName());
    if (!repository.relaxDurability())
        return fail(repository.errorString());
    if (!repository.begin())
        return fail(repository.errorString());
    // Counted inside the transaction, so nothing can slip in between the check and the writes.
    const int existing = repository.householdCount();
    if (existing != 0) {
        repository.rollback();
        if (existing < 0)
            return fail(tr("cannot count the households already in the database"));
        return fail(QCoreApplication::translate(
            "DemoData",
            "the database already has %n household(s); demo data is only written to an "
            "empty database",
            nullptr, existing));
    }

    // First the register itself, in one transaction: all of it or none.
    DemoHouseholds households(repository, options.households, options.seed);
    DemoStories stories(database, repository, options.households, options.seed);
    if (!households.writeAreas() || !stories.writeCatalogue() || !stories.writeFitters()
        || !households.writeHouseholds() || !repository.commit()) {
        const QString message = repository.errorString();
        repository.rollback();
        return fail(message);
    }
    // Then the stories, each service call its own transaction; what a failure leaves behind
    // is taken away again.
    if (!stories.write(households.homes())) {
        QString message = stories.errorString();
        if (!repository.removeFill())
            message += QLatin1Char('\n') + repository.errorString();
        return fail(message);
    }
    repository.restoreDurability();
    return true;
}

} // namespace saferhomes
