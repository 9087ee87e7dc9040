#include "outboxpusher.h"

#include "centralconnection.h"
#include "store/auditlog.h"
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

bool OutboxPusher::pushAll()
{
    for (;;) {
        Batch batch;
        if (!readBatch(batch))
            return false;
        if (batch.seqs.isEmpty()) {
            if (batch.vanished.isEmpty())
                return true;
            continue;
        }
        QJsonArray answers;
        if (!send(batch, answers) || !applyAnswer(batch, answers))
            return false;
    }
}

bool OutboxPusher::readBatch(Batch &batch)
{
    const QSqlDatabase local = m_run.local();
    QSqlQuery read(local);
    read.prepare(QStringLiteral("SELECT seq, op_id, entity, entity_id, kind, payload FROM outbox "
                                "WHERE rejected_at IS NULL ORDER BY seq LIMIT ?"));
    read.addBindValue(kBatchSize);
    if (!read.exec())
        return m_run.fail(tr("cannot read the outbox: %1").arg(read.lastError().text()));
    QSqlQuery household(local);
    household.prepare(kHouseholdPayloadSelect);
    while (read.next()) {
        const qint64 seq = read.value(0).toLongLong();
        const QString entity = read.value(2).toString();
        const QString entityId = read.value(3).toString();
        const QString kind = read.value(4).toString();
        QJsonObject payload = QJsonDocument::fromJson(read.value(5).toString().toUtf8()).object();
        if (kind == u"create" && payload.isEmpty()) {
            bool gone = false;
            if (!readRecord(household, entity, entityId, payload, gone))
                return false;
            if (gone) {
                batch.vanished.append(seq);
                continue;
            }
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
    read.finish();
    QSqlQuery drop(local);
    drop.prepare(QStringLiteral("DELETE FROM outbox WHERE seq = ?"));
    for (const qint64 seq : std::as_const(batch.vanished)) {
        drop.addBindValue(seq);
        if (!drop.exec())
            return m_run.fail(drop.lastError().text());
    }
    return true;
}

bool OutboxPusher::readRecord(QSqlQuery &household, const QString &entity, const QString &entityId,
                              QJsonObject &payload, bool &gone)
{
    // A create op leaves the row to be read now (HouseholdRepository::insert, the triggers); a
    // record removed meanwhile is not sent at all (a package item replaced before it was
    // pushed). A household always has its row.
    const SyncedTable *table = syncedTable(entity);
    if (!table || (!table->pushes && entity != u"household"))
        return m_run.fail(tr("the outbox holds an unknown record kind %1").arg(entity));
    QSqlQuery record(m_run.local());
    QSqlQuery &row = entity == u"household" ? household : record;
    if (entity != u"household")
        row.prepare(localPayloadSelect(*table));
    row.addBindValue(entityId);
    if (!row.exec()) {
        return m_run.fail(
            tr("cannot read %1 %2 to send it: %3").arg(entity, entityId, row.lastError().text()));
    }
    if (!row.next()) {
        if (entity == u"household")
            return m_run.fail(
                tr("cannot read household %1 to send it: it is not there").arg(entityId));
        gone = true;
        return true;
    }
    payload = QJsonDocument::fromJson(row.value(0).toString().toUtf8()).object();
    row.finish();
    return true;
}

bool OutboxPusher::send(const Batch &batch, QJsonArray &answers)
{
    QSqlQuery query(m_central.connection());
    query.prepare(QStringLiteral("SELECT CAST(sh_push(CAST(? AS jsonb)) AS text)"));
    query.addBindValue(QString::fromUtf8(QJsonDocument(batch.ops).toJson(QJsonDocument::Compact)));
    if (!query.exec() || !query.next()) {
        m_central.fail(tr("the central database did not take the changes"), query.lastError());
        return m_run.failCentral(m_central);
    }
    answers = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).array();
    if (answers.size() != batch.ops.size()) {
        return m_run.fail(tr("the central database answered %1 results for %n changes", nullptr,
                             int(batch.ops.size()))
                              .arg(answers.size()));
    }
    return true;
}

bool OutboxPusher::applyAnswer(const Batch &batch, const QJsonArray &answers)
{
    QSqlDatabase local = m_run.local();
    if (!local.transaction())
        return m_run.fail(local.lastError().text());
    const QString now = storeTimestamp();
    const SyncLedger ledger(m_run.connectionName);
    QSqlQuery remove(local);
    remove.prepare(QStringLiteral("DELETE FROM outbox WHERE seq = ?"));
    QSqlQuery reject(local);
    reject.prepare(
        QStringLiteral("UPDATE outbox SET rejected_at = ?, rejected_reason = ? WHERE seq = ?"));
    int pushed = 0;
    int conflicts = 0;
    QList<SyncRejection> rejected;
    const auto rollback = [&](const QString &message) {
        local.rollback();
        return m_run.fail(message);
    };
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
                return rollback(reject.lastError().text());
            const QString entityId
                = op.contains(u"key") ? field(op, "key") : field(op, "entity_id");
            rejected.append(
                {field(op, "op_id"), field(op, "entity"), entityId, field(op, "kind"), reason});
            continue;
        }
        remove.addBindValue(batch.seqs[i]);
        if (!remove.exec())
            return rollback(remove.lastError().text());
        ++pushed;
        for (const QJsonValue &value : answer.value(QStringLiteral("conflicts")).toArray()) {
            const QJsonObject conflict = value.toObject();
            const Status recorded = ledger.recordConflict(
                field(op, "op_id"),
                {field(op, "entity"), field(op, "entity_id"), field(conflict, "field"),
                 valuecodec::jsonText(conflict.value(QStringLiteral("local"))),
                 valuecodec::jsonText(conflict.value(QStringLiteral("server"))), now});
            if (!recorded)
                return rollback(recorded.errorString());
            ++conflicts;
        }
    }
    if (!local.commit())
        return rollback(local.lastError().text());
    m_run.result.pushed += pushed;
    m_run.result.conflicts += conflicts;
    m_run.result.rejected.append(rejected);
    return true;
}

} // namespace saferhomes
