#pragma once

#include "preparedcache.h"
#include "repository.h"

#include "domain/visit.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUuid>

namespace saferhomes {

class AuditLog;
class Database;

/// Reads and writes doorstep visits in the local database; a visit and the household status
/// change it causes are one transaction together with their audit events.
class VisitRepository : public Repository {
    Q_DECLARE_TR_FUNCTIONS(VisitRepository)

public:
    VisitRepository(const Database &database, QString userName);

    /// Writes \a visit (made by this repository's user; id and time filled in when missing)
    /// and moves its household along \a move, in one audited transaction. Fails, writing
    /// nothing, when the household no longer has move.from (Error::Invalid) or the database
    /// cannot be written (Error::Database or Error::Locked, naming the file and the table).
    Result<Visit> insert(Visit visit, const StatusMove &move);

    // Reads return the failure when the database cannot answer (a missing table, a damaged
    // file, a lock held by another program): "PATH: cannot read WHAT: SQLite's message".

    /// A household's visits, newest first.
    Result<QList<Visit>> visits(const QUuid &householdId) const;

    /// The households of an area (a null id: those without an area), unordered, each with
    /// its last visit and the revisit still to be made.
    Result<QList<RoundEntry>> round(const QUuid &areaId) const;

private:
    PreparedCache m_prepared; ///< the writes' statements, prepared once
};

/// Moves a household along \a move inside the caller's open transaction, one audited status
/// step at a time. Fails with Error::Invalid when the household no longer has move.from (it
/// was changed after the rules were checked) and with the database's error when it cannot be
/// written; either way the caller must roll back.
Status applyStatusMove(const QString &connectionName, AuditLog &audit, const QUuid &householdId,
                       const StatusMove &move, const QString &at);
/// The same, with its statement kept in \a statements.
Status applyStatusMove(PreparedCache &statements, const QString &connectionName, AuditLog &audit,
                       const QUuid &householdId, const StatusMove &move, const QString &at);

} // namespace saferhomes
