#pragma once

#include "domain/result.h"
#include "domain/visit.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace saferhomes {

class HouseholdRepository;
class VisitRepository;

/// Records doorstep visits by the rules (what each outcome needs, the status funnel) and
/// lists an officer's round and a household's visits.
class VisitService {
    Q_DECLARE_TR_FUNCTIONS(VisitService)

public:
    struct Result {
        /// Why nothing was saved: Error::Invalid for a refused visit (the message says why),
        /// Error::Database or Error::Locked when the database could not be read or written.
        Status status;
        QString field; ///< the argument the error is about (`reason`, `revisit_at`), if any
        Visit visit; ///< the visit as saved
        bool ok() const { return status.ok(); }
        QString errorString() const { return status.errorString(); }
    };

    VisitService(HouseholdRepository &households, VisitRepository &visits);

    /// Records a visit made now and moves the household's status as \a outcome says, in one
    /// audited transaction. `declined` needs a \a reason; `revisit_requested` needs a
    /// \a revisitAt in the future (no other outcome takes one). Nothing is saved when the
    /// status funnel refuses the change (the message says why).
    Result recordVisit(const QUuid &householdId, VisitOutcome outcome, const QString &reason = {},
                       const QDateTime &revisitAt = {}, const QString &notes = {});

    /// The status a household in \a current moves to after a visit with \a outcome (nothing
    /// when it stays): declined, not_eligible and moved_away close it; accepted and
    /// revisit_requested make it contacted when it was identified or closed (a closed
    /// household that asks for a survey reopens, where the funnel allows).
    static std::optional<HouseholdStatus> statusAfter(VisitOutcome outcome,
                                                      HouseholdStatus current);

    /// The households of an area (a null id: those without one) in walking order: revisits
    /// due by the end of \a today (or overdue) first, earliest first; then by street, town
    /// and house number (2 before 12, 12 before 12A). Closed households are left out unless
    /// \a includeClosed.
    /// Fails when the database cannot be read: an empty round is never the answer to that.
    saferhomes::Result<QList<RoundEntry>> myRound(const QUuid &areaId,
                                                  const QDate &today = QDate::currentDate(),
                                                  bool includeClosed = false) const;

    /// A household's visits, newest first; fails when the database cannot be read.
    saferhomes::Result<QList<Visit>> timeline(const QUuid &householdId) const;

private:
    HouseholdRepository &m_households;
    VisitRepository &m_visits;
};

} // namespace saferhomes
