#pragma once

#include "domain/result.h"
#include "domain/stock.h"
#include "repository.h"

#include <QCoreApplication>
#include <QHash>

namespace saferhomes {

class AuditLog;

/// An item a completion would fit beyond what its job holds reserved and what the van has
/// available (on hand and not reserved for other jobs): the van would go below what it holds.
struct StockShortfall {
    QString code;
    QString location; ///< the van (a fitter's id; the depot for a job with no fitter)
    int fitted = 0; ///< what the completion fits
    int reserved = 0; ///< what the job holds reserved (van and depot)
    int onHand = 0; ///< at location
    int reservedThere = 0; ///< at location, for every job (this one's included)

    int available() const { return onHand - reservedThere; }
    /// What cannot be taken from anywhere.
    int missing() const;
};

/// The stock ledger (DESIGN §8): append-only movements per item code and location (`depot` or
/// a fitter's van), each written in one transaction with its audit event and its outbox op (the
/// stock_movement trigger). Levels come from the stock_level summary the triggers keep equal to
/// the sums over the ledger.
///
/// Every movement is checked before it is written: the code must be in the catalogue, the
/// location `depot` or a known fitter, the quantity positive; a movement that would take what
/// is on hand (or what is available, for a reservation) below zero is refused with
/// Error::Invalid naming the figures, and nothing is written.
class StockLedger : public Repository {
    Q_DECLARE_TR_FUNCTIONS(StockLedger)

public:
    StockLedger(const Database &database, QString userName);

    // Reads.

    /// Every code x location the ledger has seen (of \a location only when not empty), by
    /// code then location (the depot first, then vans by fitter id).
    Result<QList<StockLevel>> levels(const QString &location = {}) const;
    /// What \a location holds of \a code (zeros when the ledger has nothing there).
    Result<StockLevel> level(const QString &code, const QString &location) const;
    /// The same figures as levels(), summed over the ledger instead of read from the summary:
    /// what the summary must equal (tests), and the benchmark's baseline.
    Result<QList<StockLevel>> levelsFromLedger(const QString &location = {}) const;
    /// The movements that match \a filter, newest first.
    Result<QList<StockMovement>> movements(const StockMovementFilter &filter = {}) const;
    /// What \a jobId holds reserved now, per code and location (positive quantities only).
    Result<QList<StockReservation>> reservations(const QUuid &jobId) const;
    /// What the schedule's stock rule needs: available stock by location and code, and what
    /// each job holds reserved.
    Result<ScheduleStock> scheduleStock() const;
    /// What a completion fitting \a fitted (code → quantity) of \a jobId would take beyond
    /// what the job holds reserved and its van has available, by code; empty when the van can
    /// cover it. JobRepository::complete() refuses such a completion.
    Result<QList<StockShortfall>> completionShortfalls(const QUuid &jobId,
                                                       const QHash<QString, int> &fitted) const;
    /// \a shortfall with its figures: "LOCK: 3 fitted, 2 of them reserved for this job;
    /// Alice's van has 0 more available (2 on hand, 2 reserved for jobs), so 1 cannot be taken
    /// from it."
    QString describe(const StockShortfall &shortfall) const;
    /// The catalogue's codes (the codes a movement may name).
    Result<QStringList> codes() const;

    // Movements. Each returns the id of the movement written (for a transfer: the one out).

    /// A delivery of \a qty of \a code into \a location, with the delivery note reference.
    Result<QUuid> receive(const QString &code, int qty, const QString &location,
                          const QString &note = {});
    /// A delivery of several lines at once, all or nothing; returns the movements' ids.
    Result<QList<QUuid>> receive(const QList<StockLine> &lines, const QString &location,
                                 const QString &note = {});
    /// Moves \a qty of \a code from \a from to \a to: two movements naming each other.
    /// Refused when \a from has fewer than \a qty available (on hand and not reserved).
    Result<QUuid> transfer(const QString &code, int qty, const QString &from, const QString &to,
                           const QString &note = {});
    /// A count of \a code at \a location: records \a counted and what the ledger expected
    /// there (on hand now), and adjusts on hand by the difference. \a countId, when given,
    /// names the count: a count re-sent with the same id is applied once (the existing
    /// movement's id is returned and nothing is written).
    Result<QUuid> count(const QString &code, const QString &location, int counted,
                        const QString &note = {}, const QUuid &countId = {});
    /// Stock brought back into \a location (an item taken off a job, a van's unused stock
    /// handed in is a transfer instead).
    Result<QUuid> returnStock(const QString &code, int qty, const QString &location,
                              const QString &note = {}, const QUuid &jobId = {});
    /// Lost, damaged or faulty stock taken off \a location; \a reason is required.
    Result<QUuid> writeOff(const QString &code, int qty, const QString &location,
                           const QString &reason);
};

/// Stock movements written inside the caller's transaction by the job edits (JobRepository):
/// reservations follow jobs (DESIGN §8).
namespace stockstore {

/// Brings \a jobId's reservations in line with the job as it now stands: a booked job
/// (tentative or scheduled) with a fitter holds its items reserved at that fitter's van when
/// the van has them all available, else at the depot when it has, else nothing of that item
/// (the job is short of it); any other job (unscheduled, cancelled, no access, completed)
/// holds nothing. What it held elsewhere is released. Writes the movements (reason reserved
/// or released, naming the job) and their audit events. Error::NotFound when there is no such
/// job; Error::Database or Error::Locked, naming the database, when it could not be read or
/// written.
Status settleJobReservations(const QString &connectionName, AuditLog &audit,
                             const QString &userName, const QString &jobId, const QString &at);

/// StockLedger::scheduleStock() on \a connectionName (for the job reads).
Result<ScheduleStock> readScheduleStock(const QString &connectionName);

/// StockLedger::completionShortfalls() on \a connectionName, inside the caller's transaction.
Result<QList<StockShortfall>> fittedShortfalls(const QString &connectionName, const QString &jobId,
                                               const QHash<QString, int> &fitted);
/// A completion's refusal naming every shortfall's figures (Error::Invalid).
Error shortfallError(const QString &connectionName, const QList<StockShortfall> &shortfalls);

/// Records what a completed visit fitted: for each code, a `fitted` movement taking the
/// quantity off the location that held it reserved for the job (the fitter's van when none
/// did), using up the reservation first; what is fitted beyond the reservation comes out of
/// the van's available stock (fittedShortfalls() says when it cannot: the caller refuses the
/// completion first). Then what stays reserved for the job is released. So fitted + released
/// = reserved for each item. Fails as settleJobReservations() does.
Status recordJobFitted(const QString &connectionName, AuditLog &audit, const QString &userName,
                       const QString &jobId, const QHash<QString, int> &fitted, const QString &at);

} // namespace stockstore

} // namespace saferhomes
