#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSqlQuery>
#include <QString>

#include <optional>

class QSqlError;

namespace saferhomes {

class CentralConnection;
struct SyncRun;

/// Sends the outbox to the central database (DESIGN §7): in order, in batches, through the
/// idempotent sh_push; an op leaves the outbox only once the server has answered it, applied
/// (its field conflicts recorded) or refused (kept, marked rejected).
///
/// How ops get into the outbox, the one mechanism described in one place: every op is written
/// in the same SQLite transaction as the edit it sends. Households and residents are written
/// by code (HouseholdRepository, HouseholdBatchInsert through appendOutboxOp or one INSERT ...
/// SELECT), because their update ops carry each field's old and new value by its import-file
/// name and the area by its name, which only the code that validated the edit knows, and a bulk
/// import writes one op per household in the same statement as the rows. Every other synced
/// record (visits, attachments, consents, completed surveys, recommendations, jobs, job items,
/// stock movements) gets its op from an AFTER trigger (0004_sync_records.sql), so whatever
/// code writes such a row, its op is there; their updates send every column that may change.
/// Create ops of both kinds may have an empty payload: the row is read here when it is
/// pushed, so a row deleted meanwhile is not sent at all. Rows the sync itself stores make no
/// ops (sync_flag.applying is set in the sync's own transaction).
class OutboxPusher {
    Q_DECLARE_TR_FUNCTIONS(OutboxPusher)

public:
    static constexpr int kBatchSize = 200;

    OutboxPusher(CentralConnection &central, SyncRun &run);

    /// Pushes until the outbox holds nothing sendable. Fails when the outbox cannot be read or
    /// the answer not recorded (Error::Database, or Error::Locked when another program holds
    /// the lock), or when the server did not take a batch (Error::Network: retry later;
    /// Error::Refused: it answered no). What was answered before the failure stays answered.
    Status pushAll();

private:
    struct Batch;

    Result<Batch> readBatch();
    /// The payload of a create op that leaves it to be read now; nullopt when the record is
    /// gone.
    Result<std::optional<QJsonObject>> readRecord(QSqlQuery &household, const QString &entity,
                                                  const QString &entityId);
    Result<QJsonArray> send(const Batch &batch);
    Status applyAnswer(const Batch &batch, const QJsonArray &answers);
    /// A failed statement on the local database: "PATH: WHAT: SQLite's message".
    Error localError(const QString &what, const QSqlError &error) const;

    CentralConnection &m_central;
    SyncRun &m_run;
};

} // namespace saferhomes
