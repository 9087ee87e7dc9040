#pragma once

// What stockledger.cpp (the ledger's own movements) and stockreservations.cpp (the movements
// that follow jobs) share, written in stockmovement.cpp: one way to write a movement, read a
// level and a job's holdings.

#include "domain/result.h"
#include "domain/stock.h"
#include "stockledger.h"

#include <QMap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <optional>
#include <utility>

namespace saferhomes {

class AuditLog;

namespace stockdetail {

/// The ids of movements whose op the central database refused: history, not stock.
inline constexpr char kRefusedIds[] = "SELECT entity_id FROM outbox "
                                      "WHERE entity = 'stock_movement' AND rejected_at IS NOT NULL";

/// One movement to write.
struct NewMovement {
    QString id;
    QString code;
    QString location;
    StockReason reason = StockReason::Received;
    int qtyChange = 0;
    int reservedChange = 0;
    QString jobId;
    QString pairId;
    std::optional<int> counted;
    std::optional<int> expected;
    QString note;
};

NewMovement movement(QString id, QString code, QString location, StockReason reason, int qtyChange,
                     int reservedChange = 0);
/// Writes \a m with its audit event inside the caller's transaction (the outbox op comes from
/// the stock_movement trigger). Error::Database, or Error::Locked when another program holds
/// the lock, naming the database.
Status insertMovement(const QSqlDatabase &db, AuditLog &audit, const QString &userName,
                      const NewMovement &m, const QString &at);
/// A failed statement on \a db: "PATH: WHAT: SQLite's message" (Database::sqlError()).
Error sqlFailure(const QSqlDatabase &db, const QString &what, const QSqlError &error);
/// What \a location holds of \a code, from the summary (zeros when it has never held any).
Result<StockLevel> readLevel(const QSqlDatabase &db, const QString &code, const QString &location);
QString newId();
/// How messages name \a location: "the depot", "Alex's van" or "van <id>".
QString locationLabel(const QSqlDatabase &db, const QString &location);
/// "Alex's van has 1 of WINDOW_LOCK available (3 on hand, 2 reserved for jobs): ...", the
/// figures of a completion's \a shortfall.
QString describeShortfall(const QSqlDatabase &db, const StockShortfall &shortfall);
/// What a job holds reserved, per code and location (non-zero only), counting only the
/// movements the central database has not refused.
Result<QMap<std::pair<QString, QString>, int>> heldFor(const QSqlDatabase &db,
                                                       const QString &jobId);

} // namespace stockdetail

} // namespace saferhomes
