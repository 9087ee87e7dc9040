#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QString>

namespace saferhomes {

class Database;

/// Moves a demo fill from a scratch database into the user's database in one transaction, and
/// marks that database as a demo database (DESIGN §3: demo data is never sent to a central
/// database).
///
/// A fill is many transactions (each doorstep service call is one, as on the screens), so it is
/// written to a scratch file first; the user's database only ever sees one transaction that
/// brings all of it, so a fill stopped at any moment leaves either nothing or the whole demo.
class DemoTransfer {
    Q_DECLARE_TR_FUNCTIONS(DemoTransfer)

public:
    /// Tables brought over, parents first. Every table of the schema is either here or in
    /// skippedTables() (a test holds the two lists against the schema).
    static QStringList copiedTables();
    /// Tables a fill never brings: the database's own identity and sync state, the outbox
    /// (demo data is never sent) and the quick-find index (rebuilt from the copied rows).
    static QStringList skippedTables();

    /// Creates the scratch file \a scratchPath (which must not exist) to be filled for
    /// \a target: the schema of this version, the same device id and the same areas, catalogue
    /// and fitters, so the fill writes there what it would have written into \a target
    /// itself. Written without a journal or flushes: a file that is thrown away if anything
    /// goes wrong need not survive a crash, and the first fill of a register waited as long
    /// for the scratch's flushes as for the fill itself. Opening it as a Database then finds
    /// nothing to migrate.
    static Status createScratch(const Database &target, const QString &scratchPath);

    /// Makes the scratch database cheap to write: no flushes to disk (`synchronous = OFF`), no
    /// rollback journal, the file lock held throughout, a page cache that holds the whole fill,
    /// and no outbox triggers (the outbox is never copied). It is thrown away if anything goes
    /// wrong, so it need not survive a crash nor roll back.
    static Status makeScratchFast(const Database &scratch);

    /// Copies everything the fill wrote to the scratch file \a scratchPath into \a target in
    /// one transaction, rebuilds the quick-find entries of the households copied and marks
    /// \a target as a demo database. Refuses a target that has households by then.
    static Status copyInto(const Database &target, const QString &scratchPath,
                           const QString &description);

    /// Whether \a database holds demo data (copyInto() marked it).
    static Result<bool> isDemo(const Database &database);
    /// The same, on the connection named \a connectionName.
    static Result<bool> isDemo(const QString &connectionName);

    /// Whether the first start should fill \a database with demo data: it has never held a
    /// household, never synced, and its user has not chosen to start with an empty register.
    static Result<bool> shouldOfferDemo(const Database &database);
    /// Records that the user chose to start with an empty register: the demo is not offered
    /// again.
    static Status declineDemo(const Database &database);
};

} // namespace saferhomes
