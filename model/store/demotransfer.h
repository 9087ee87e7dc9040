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
/// written to a private temporary database first; the user's database only ever sees one
/// transaction that brings all of it, so a fill stopped at any moment leaves either nothing or
/// the whole demo, and no file behind.
class DemoTransfer {
    Q_DECLARE_TR_FUNCTIONS(DemoTransfer)

public:
    /// Tables brought over, parents first. Every table of the schema is either here or in
    /// skippedTables() (a test holds the two lists against the schema).
    static QStringList copiedTables();
    /// Tables a fill never brings: the database's own identity and sync state, the outbox
    /// (demo data is never sent) and the quick-find index (rebuilt from the copied rows).
    static QStringList skippedTables();

    /// Opens \a scratch as a temporary database (Database::openTemporary) to be filled for
    /// \a target: the schema of this version as \a target has it, the same device id and the
    /// same areas, catalogue and fitters, so the fill writes there what it would have written
    /// into \a target itself. It is made cheap to write, as it is thrown away if anything goes
    /// wrong: no journal (a rollback cannot undo a write; a fill that fails is thrown away
    /// whole), a page cache that holds the whole fill, and no outbox triggers (the outbox is
    /// never copied).
    static Status openScratch(const Database &target, Database &scratch);

    /// Copies everything the fill wrote to \a scratch into \a target in one transaction,
    /// rebuilds the quick-find entries of the households copied and marks \a target as a demo
    /// database. Refuses a target that has households by then.
    static Status copyInto(const Database &target, const Database &scratch,
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
