#include "demodata.h"

#include "demohouseholds.h"
#include "demostories.h"

#include "store/connectionname.h"
#include "store/database.h"
#include "store/demorepository.h"
#include "store/demotransfer.h"

#include <QCoreApplication>

namespace saferhomes {

namespace {

/// Writes the whole fill into \a scratch (areas, catalogue, fitters and households in one
/// transaction, then the stories).
Status writeFill(const Database &scratch, const DemoData::Options &options)
{
    DemoRepository repository(scratch, Database::localUserName());
    if (Status begun = repository.begin(); !begun)
        return begun;
    DemoHouseholds households(repository, options.households, options.seed);
    DemoStories stories(scratch, repository, options.households, options.seed);
    Status registered = households.writeAreas();
    if (registered)
        registered = stories.writeCatalogue();
    if (registered)
        registered = stories.writeFitters();
    if (registered)
        registered = households.writeHouseholds();
    if (!registered) {
        repository.rollback();
        return registered;
    }
    if (Status committed = repository.commit(); !committed)
        return committed;
    stories.setProgress([&options](int done, int total) {
        if (options.progress)
            options.progress(done, total);
        return !(options.cancel && options.cancel->load());
    });
    return stories.write(households.homes());
}

} // namespace

Status DemoData::fill(const Database &database, const Options &options)
{
    if (!database.isOpen())
        return Error::invalid(tr("the database is not open"));
    if (options.households < 0)
        return Error::invalid(tr("the number of households cannot be negative"));

    {
        // Refused before the long fill; DemoTransfer checks again inside its transaction.
        DemoRepository repository(database, Database::localUserName());
        const Result<int> counted = repository.householdCount();
        if (!counted)
            return counted.error().within(tr("Writing demo data"));
        const int existing = *counted;
        if (existing != 0) {
            return Error::refused(
                tr("the database already has %n household(s); demo data is only written to an "
                   "empty database",
                   nullptr, existing));
        }
    }

    Database scratch(ConnectionName::unique(u"demo-fill-scratch"));
    Status filled = DemoTransfer::openScratch(database, scratch);
    if (filled)
        filled = writeFill(scratch, options);
    if (filled) {
        filled = DemoTransfer::copyInto(
            database, scratch,
            QStringLiteral("%1 households, seed %2").arg(options.households).arg(options.seed));
    }
    return filled;
}

} // namespace saferhomes
