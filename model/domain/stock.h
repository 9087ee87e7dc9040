#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace saferhomes {

/// Why stock moved (DESIGN §8). The stored names are the schema's CHECK values.
enum class StockReason {
    Received, ///< a delivery into a location (+ on hand)
    Transferred, ///< one half of a transfer: out of one location (-), into the other (+)
    Reserved, ///< set aside for a job booked on the day (+ reserved)
    Released, ///< a reservation given back: rebooked away, cancelled, no access, not fitted
    Fitted, ///< fitted on a job: leaves on hand and (what was reserved for it) reserved
    Returned, ///< brought back into a location (+ on hand)
    CountAdjustment, ///< a count: counted - expected (expected: the ledger at the count)
    WrittenOff, ///< lost, damaged or faulty, with a reason (- on hand)
};

class StockReasonNames {
public:
    static QString name(StockReason reason);
    static std::optional<StockReason> fromName(const QString &name);
    static QStringList allNames();
};

/// A stock location: the depot, or a fitter's van named by the fitter's id.
class StockLocation {
public:
    static QString depot() { return QStringLiteral("depot"); }
    static QString van(const QUuid &fitterId);
    static bool isDepot(const QString &location) { return location == depot(); }
    /// The fitter whose van \a location is (null for the depot or anything else).
    static QUuid fitterOf(const QString &location);
    /// `depot` or a fitter id in the form van() writes; whether the fitter exists is the
    /// ledger's question.
    static bool isWellFormed(const QString &location);
};

/// One row of the append-only ledger. What is on hand at a location is the sum of its
/// qtyChange, what is reserved the sum of its reservedChange.
struct StockMovement {
    QUuid id;
    QString code;
    QString location;
    StockReason reason = StockReason::Received;
    int qtyChange = 0;
    int reservedChange = 0;
    QUuid jobId; ///< reserved, released, fitted (and a return from a job)
    QUuid pairId; ///< a transfer: the other half
    std::optional<int> counted; ///< a count
    std::optional<int> expected; ///< a count: what the ledger said was on hand
    QDateTime at;
    QString byUser;
    QString note; ///< a delivery note reference, a write-off's reason, a count's remark
    /// Refused by the central database: kept as history, not counted in the levels.
    bool refused = false;
};

/// What a location holds of one item.
struct StockLevel {
    QString code;
    QString location;
    int onHand = 0;
    int reserved = 0;
    int available() const { return onHand - reserved; }

    bool operator==(const StockLevel &) const = default;
};

/// One line of a delivery.
struct StockLine {
    QString code;
    int qty = 0;
};

/// Which movements to read: every condition given must hold.
struct StockMovementFilter {
    QString code;
    QString location;
    std::optional<StockReason> reason;
    QUuid jobId;
    QDateTime from; ///< inclusive
    QDateTime to; ///< exclusive
    int limit = 0; ///< newest first; 0: all
};

/// What a job has reserved of one item at one location (positive) for the rules and the
/// completion.
struct StockReservation {
    QString code;
    QString location;
    int qty = 0;
};

/// What the schedule's "stock short" rule knows of stock (DESIGN §8): what each location has
/// available (on hand, not reserved), and what each job holds reserved.
struct ScheduleStock {
    QHash<QString, QHash<QString, int>> available; ///< location → code → available
    QHash<QUuid, QHash<QString, int>> reserved; ///< job → code → reserved for it (anywhere)
};

} // namespace saferhomes
