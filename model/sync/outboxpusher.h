#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSqlQuery>
#include <QString>

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

    /// Pushes until the outbox holds nothing sendable; false (the reason in the run) when a
    /// batch could not be sent or its answer not recorded.
    bool pushAll();

private:
    struct Batch;

    bool readBatch(Batch &batch);
    /// The payload of a create op that leaves it to be read now; \a gone when the record is.
    bool readRecord(QSqlQuery &household, const QString &entity, const QString &entityId,
                    QJsonObject &payload, bool &gone);
    bool send(const Batch &batch, QJsonArray &answers);
    bool applyAnswer(const Batch &batch, const QJsonArray &answers);

    CentralConnection &m_central;
    SyncRun &m_run;
};

} // namespace saferhomes
