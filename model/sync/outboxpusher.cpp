#include "outboxpusher.h"

#include "centralconnection.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "syncedtables.h"
#include "syncledger.h"
#include "syncrun.h"
#include "valuecodec.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

namespace {

/// The payload of a household's create op: the row as it is when pushed, with its primary
/// resident and the area by name.
const QString kHouseholdPayloadSelect = QStringLiteral(
    "SELECT json_object('household', json_object('uprn', h.uprn, 'address_line1', "
    "h.address_line1, 'address_line2', h.address_line2, 'town', h.town, 'postcode', h.postcode, "
    "'latitude', h.latitude, 'longitude', h.longitude, 'area', a.name, 'eligibility', "
    "h.eligibility, 'status', h.status, 'priority', h.priority, 'notes', h.notes, 'created_at', "
    "h.created_at, 'updated_at', h.updated_at), 'resident', CASE WHEN r.id IS NOT NULL THEN "
    "json_object('id', r.id, 'name', r.name, 'phone', r.phone, 'email', r.email, 'created_at', "
    "r.created_at) END) FROM household h LEFT JOIN area a ON a.id = h.area_id "
    "LEFT JOIN resident r ON r.household_id = h.id AND r.is_primary = 1 WHERE h.id = ?");

QString field(const QJsonObject &object, const char *name)
{
    return object.value(QLatin1String(name)).toString();
}

} // namespace

/// One batch of ops read from the outbox.
struct OutboxPusher::Batch {
    QList<qint64> seqs; ///< the outbox rows sent, in the order of ops
    QList<qint64> vanished; ///< create ops whose record is gone: dropped, not sent
    QJsonArray ops;
};

OutboxPusher::OutboxPusher(CentralConnection &central, SyncRun &run)
    : m_central(central)
    , m_run(run)
{ }

Error OutboxPusher::localError(const QString &what, const QSqlError &error) const
{
    return Database::sqlError(m_run.local().databaseName(), what, error);
}

Status OutboxPusher::pushAll()
{
    for (;;) {
        Result<Batch> batch = readBatch();
        if (!batch)
            return batch.error();
        if (batch->seqs.isEmpty()) {
            if (batch->vanished.isEmpty())
                return {};
            continue;
        }
        const Result<QJsonArray> answers = send(*batch);
        if (!answers)
            return answers.error();
        if (const Status applied = applyAnswer(*batch, *answers); !applied)
            return applied;
    }
}

Result<OutboxPusher::Batch> OutboxPusher::readBatch()
{
    Batch batch;
    const QSqlDatabase local = m_run.local();
    QSqlQuery read(local);
    // A statement that cannot be prepared (a missing table) says so, not "parameter count".
    const bool prepared = read.prepare(
        QStringLiteral("SELECT seq, op_id, entity, entity_id, kind, payload FROM outbox "
                       "WHERE rejected_at IS NULL ORDER BY seq LIMIT ?"));
    read.addBindValue(kBatchSize);
    if (!prepared || !read.exec())
        return localError(tr("cannot read the outbox"), read.lastError());
    QSqlQuery household(local);
    if (!household.prepare(kHouseholdPayloadSelect))
        return localError(tr("cannot read the households to send"), household.lastError());
    while (read.next()) {
        const qint64 seq = read.value(0).toLongLong();
        const QString entity = read.value(2).toString();
        const QString entityId = read.value(3).toString();
        const QString kind = read.value(4).toString();
        QJsonObject payload = QJsonDocument::fromJson(read.value(5).toString().toUtf8()).object();
        if (kind == u"create" && payload.isEmpty()) {
            const Result<std::optional<QJsonObject>> record
                = readRecord(household, entity, entityId);
            if (!record)
                return record.error();
            if (!record->has_value()) {
                batch.vanished.append(seq);
                continue;
            }
            payload = **record;
        }
        batch.seqs.append(seq);
        QJsonObject op {
            {QStringLiteral("op_id"), read.value(1).toString()},
            {QStringLiteral("entity"), entity},
            {QStringLiteral("entity_id"), entityId},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("payload"), payload},
        };
        // A record keyed by something other than a UUID (the catalogue, by code) is named by
        // its key: the server keeps entity ids as UUIDs.
        if (const SyncedTable *table = syncedTable(entity); table && table->key != u"id") {
            op.insert(QStringLiteral("entity_id"), QJsonValue::Null);
            op.insert(QStringLiteral("key"), entityId);
        }
        batch.ops.append(op);
    }
    if (read.lastError().isValid())
        return localError(tr("cannot read the outbox"), read.lastError());
    read.finish();
    QSqlQuery drop(local);
    if (!batch.vanished.isEmpty()
        && !drop.prepare(QStringLiteral("DELETE FROM outbox WHERE seq = ?")))
        return localError(tr("cannot drop an op whose record is gone"), drop.lastError());
    for (const qint64 seq : std::as_const(batch.vanished)) {
        drop.addBindValue(seq);
        if (!drop.exec())
            return localError(tr("cannot drop an op whose record is gone"), drop.lastError());
    }
    return batch;
}

Result<std::optional<QJsonObject>>
OutboxPusher::readRecord(QSqlQuery &household, const QString &entity, const QString &entityId)
{
    // A create op leaves the row to be read now (HouseholdRepository::insert, the triggers); a
    // record removed meanwhile is not sent at all (a package item replaced before it was
    // pushed). A household always has its row.
    const SyncedTable *table = syncedTable(entity);
    if (!table || (!table->pushes && entity != u"household")) {
        return Error::database(tr("%1: the outbox holds an unknown record kind %2")
                                   .arg(m_run.local().databaseName(), entity));
    }
    QSqlQuery record(m_run.local());
    QSqlQuery &row = entity == u"household" ? household : record;
    if (entity != u"household" && !row.prepare(localPayloadSelect(*table)))
        return localError(tr("cannot read %1 %2 to send it").arg(entity, entityId),
                          row.lastError());
    row.addBindValue(entityId);
    if (!row.exec())
        return localError(tr("cannot read %1 %2 to send it").arg(entity, entityId),
                          row.lastError());
    if (!row.next()) {
        if (row.lastError().isValid()) {
            return localError(tr("cannot read %1 %2 to send it").arg(entity, entityId),
                              row.lastError());
        }
        if (entity == u"household") {
            return Error::database(tr("%1: cannot read household %2 to send it: it is not there")
                                       .arg(m_run.local().databaseName(), entityId));
        }
        return std::optional<QJsonObject>();
    }
    const QJsonObject payload = QJsonDocument::fromJson(row.value(0).toString().toUtf8()).object();
    row.finish();
    return std::optional<QJsonObject>(payload);
}

Result<QJsonArray> OutboxPusher::send(const Batch &batch)
{
    QSqlQuery query(m_central.connection());
    query.prepare(QStringLiteral("SELECT CAST(sh_push(CAST(? AS jsonb)) AS text)"));
    query.addBindValue(QString::fromUtf8(QJsonDocument(batch.ops).toJson(QJsonDocument::Compact)));
    if (!query.exec() || !query.next()) {
        return m_central.statementError(tr("the central database did not take the changes"),
                                        query.lastError());
    }
    QJsonArray answers = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).array();
    if (answers.size() != batch.ops.size()) {
        // The server answered, but not what it was asked: nothing is recorded, and the ops
        // stay in the outbox for the next sync.
        return Error::network(tr("the central database answered %1 results for %n changes", nullptr,
                                 int(batch.ops.size()))
                                  .arg(answers.size()));
    }
    return answers;
}

Status OutboxPusher::applyAnswer(const Batch &batch, const QJsonArray &answers)
{
    const QString what = tr("cannot record the central database's answer");
    QSqlDatabase local = m_run.local();
    if (!local.transaction())
        return localError(what, local.lastError());
    const QString now = storeTimestamp();
    const SyncLedger ledger(m_run.connectionName);
    QSqlQuery remove(local);
    QSqlQuery reject(local);
    int pushed = 0;
    int conflicts = 0;
    QList<SyncRejection> rejected;
    const auto rollback = [&](const Error &error) -> Status {
        local.rollback();
        return error;
    };
    if (!remove.prepare(QStringLiteral("DELETE FROM outbox WHERE seq = ?")))
        return rollback(localError(what, remove.lastError()));
    if (!reject.prepare(
            QStringLiteral("UPDATE outbox SET rejected_at = ?, rejected_reason = ? WHERE seq = ?")))
        return rollback(localError(what, reject.lastError()));
    for (qsizetype i = 0; i < batch.seqs.size(); ++i) {
        const QJsonObject op = batch.ops[i].toObject();
        const QJsonObject answer = answers[i].toObject();
        if (field(answer, "status") != u"applied") {
            QString reason = field(answer, "reason");
            if (reason.isEmpty())
                reason = tr("refused by the central database");
            reject.addBindValue(now);
            reject.addBindValue(reason);
            reject.addBindValue(batch.seqs[i]);
            if (!reject.exec())
                return rollback(localError(what, reject.lastError()));
            const QString entityId
                = op.contains(u"key") ? field(op, "key") : field(op, "entity_id");
            rejected.append(
                {field(op, "op_id"), field(op, "entity"), entityId, field(op, "kind"), reason});
            continue;
        }
        remove.addBindValue(batch.seqs[i]);
        if (!remove.exec())
            return rollback(localError(what, remove.lastError()));
        ++pushed;
        for (const QJsonValue &value : answer.value(QStringLiteral("conflicts")).toArray()) {
            const QJsonObject conflict = value.toObject();
            const Status recorded = ledger.recordConflict(
                field(op, "op_id"),
                {field(op, "entity"), field(op, "entity_id"), field(conflict, "field"),
                 valuecodec::jsonText(conflict.value(QStringLiteral("local"))),
                 valuecodec::jsonText(conflict.value(QStringLiteral("server"))), now});
            if (!recorded)
                return rollback(recorded.error());
            ++conflicts;
        }
    }
    if (!local.commit())
        return rollback(localError(what, local.lastError()));
    m_run.result.pushed += pushed;
    m_run.result.conflicts += conflicts;
    m_run.result.rejected.append(rejected);
    return {};
}

} // namespace saferhomes
