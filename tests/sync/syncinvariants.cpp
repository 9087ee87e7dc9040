#include "syncinvariants.h"

#include "pgsession.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace saferhomes::synctest {

namespace {

const QStringList kResidentFields {QStringLiteral("resident_name"), QStringLiteral("phone"),
                                   QStringLiteral("email")};

QString residentColumn(const QString &field)
{
    return field == u"resident_name" ? QStringLiteral("name") : field;
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const double number = value.toDouble();
        return number == double(qint64(number)) ? QString::number(qint64(number))
                                                : QString::number(number, 'g', 12);
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    return {};
}

QString historyKey(const QString &household, const QString &field, const QString &value)
{
    return household + QLatin1Char('|') + field + QLatin1Char('|') + value;
}

/// Every (household, field, value) the server ever held, from the row history.
QSet<QString> valuesEverHeld(PgSession &superuser)
{
    QHash<QString, QString> areaNames;
    if (const auto areas
        = superuser.rows(QStringLiteral("SELECT CAST(id AS text), name FROM area")))
        for (const QVariantList &area : *areas)
            areaNames.insert(area[0].toString(), area[1].toString());
    QSet<QString> held;
    const auto history
        = superuser.rows(QStringLiteral("SELECT tbl, CAST(row AS text) FROM test_history"));
    if (!history)
        return held;
    for (const QVariantList &entry : *history) {
        const QJsonObject row = QJsonDocument::fromJson(entry[1].toString().toUtf8()).object();
        if (entry[0].toString() == u"household") {
            const QString id = row.value(u"id").toString();
            for (auto it = row.begin(); it != row.end(); ++it)
                held.insert(historyKey(id, it.key(), jsonText(it.value())));
            held.insert(historyKey(id, QStringLiteral("area"),
                                   areaNames.value(row.value(u"area_id").toString())));
        } else if (row.value(u"is_primary").toBool()) {
            const QString household = row.value(u"household_id").toString();
            for (const QString &field : kResidentFields) {
                held.insert(
                    historyKey(household, field, jsonText(row.value(residentColumn(field)))));
            }
        }
    }
    return held;
}

struct ServerOp {
    QString user;
    QJsonObject result;
};

QHash<QString, ServerOp> appliedOps(PgSession &superuser)
{
    QHash<QString, ServerOp> ops;
    const auto rows = superuser.rows(QStringLiteral(
        "SELECT CAST(op_id AS text), user_name, CAST(result AS text) FROM applied_ops"));
    if (rows) {
        for (const QVariantList &row : *rows) {
            ops.insert(
                row[0].toString(),
                {row[1].toString(), QJsonDocument::fromJson(row[2].toString().toUtf8()).object()});
        }
    }
    return ops;
}

QStringList conflictsOf(const QJsonObject &result)
{
    QStringList conflicts;
    for (const QJsonValue &value : result.value(u"conflicts").toArray()) {
        const QJsonObject conflict = value.toObject();
        conflicts.append(conflict.value(u"field").toString() + QLatin1Char('=')
                         + jsonText(conflict.value(u"local")) + QLatin1Char('/')
                         + jsonText(conflict.value(u"server")));
    }
    conflicts.sort();
    return conflicts;
}

void checkExactlyOnce(PgSession &superuser, const QList<DeviceUnderTest> &devices,
                      QStringList &problems)
{
    const QHash<QString, ServerOp> server = appliedOps(superuser);
    const QSet<QString> held = valuesEverHeld(superuser);
    // The ids of every table ops created rows in, read once per table.
    QHash<QString, QSet<QString>> serverIds;
    const auto onServer = [&](const QString &table, const QString &id) {
        auto found = serverIds.find(table);
        if (found == serverIds.end()) {
            const QStringList ids
                = superuser.column(QStringLiteral("SELECT CAST(id AS text) FROM %1").arg(table));
            found = serverIds.insert(table, QSet<QString>(ids.begin(), ids.end()));
        }
        return found->contains(id);
    };
    QSet<QString> made;
    for (const DeviceUnderTest &entry : devices) {
        const TestDevice &device = *entry.device;
        const QHash<QString, QString> rejected = device.rejectedOps();
        QHash<QString, QStringList> recorded; // op id -> conflicts the device recorded
        for (const TestDevice::Conflict &conflict : device.conflictRecords()) {
            recorded[conflict.opId].append(conflict.field + QLatin1Char('=') + conflict.local
                                           + QLatin1Char('/') + conflict.server);
        }
        for (const TestDevice::Op &op : device.opsMade()) {
            const QString what = QStringLiteral("%1: %2 %3 %4 (op %5)")
                                     .arg(device.name(), op.kind, op.entity, op.entityId, op.opId);
            if (made.contains(op.opId)) {
                problems.append(what + QStringLiteral(": op id made twice"));
                continue;
            }
            made.insert(op.opId);
            const auto found = server.constFind(op.opId);
            if (found == server.constEnd()) {
                problems.append(what + QStringLiteral(": lost, not in applied_ops"));
                continue;
            }
            if (found->user != device.login()) {
                problems.append(
                    what
                    + QStringLiteral(": applied as %1, not %2").arg(found->user, device.login()));
            }
            const QString status = found->result.value(u"status").toString();
            if (status == u"rejected") {
                if (!rejected.contains(op.opId))
                    problems.append(what
                                    + QStringLiteral(": refused by the server (%1) but not "
                                                     "listed as refused on the device")
                                          .arg(found->result.value(u"reason").toString()));
                continue;
            }
            if (status != u"applied") {
                problems.append(what + QStringLiteral(": unknown result %1").arg(status));
                continue;
            }
            if (rejected.contains(op.opId))
                problems.append(what + QStringLiteral(": applied but listed as refused"));
            QStringList local = recorded.value(op.opId);
            local.sort();
            const QStringList conflicts = conflictsOf(found->result);
            if (local != conflicts) {
                problems.append(what
                                + QStringLiteral(": the server reported conflicts [%1], the "
                                                 "device recorded [%2]")
                                      .arg(conflicts.join(u", "), local.join(u", ")));
            }
            if (op.kind == u"create") {
                if (!onServer(op.entity, op.entityId))
                    problems.append(what + QStringLiteral(": applied but the row is missing"));
                continue;
            }
            if (op.entity != u"household")
                continue;
            QSet<QString> conflicted;
            for (const QJsonValue &value : found->result.value(u"conflicts").toArray())
                conflicted.insert(value.toObject().value(u"field").toString());
            for (auto it = op.payload.begin(); it != op.payload.end(); ++it) {
                const QString newValue = it.value().toArray().at(1).toString();
                if (!conflicted.contains(it.key())
                    && !held.contains(historyKey(op.entityId, it.key(), newValue))) {
                    problems.append(
                        what
                        + QStringLiteral(": %1 = \"%2\" applied without conflict but the "
                                         "server never held it")
                              .arg(it.key(), newValue));
                }
            }
        }
    }
    for (auto it = server.constBegin(); it != server.constEnd(); ++it) {
        if (!made.contains(it.key()))
            problems.append(QStringLiteral("applied_ops holds op %1 of %2 that no device made")
                                .arg(it.key(), it->user));
    }
    const QStringList doubled = superuser.column(QStringLiteral(
        "SELECT CAST(household_id AS text) FROM resident WHERE is_primary AND deleted_at IS NULL "
        "GROUP BY household_id HAVING count(*) > 1"));
    for (const QString &household : doubled)
        problems.append(
            QStringLiteral("server: household %1 has several primary residents").arg(household));
}

/// Stock: the ledger on the server is exactly the movements the devices made and the server
/// accepted, each once, so every level is their sum; devices that read the ledger hold it all.
void checkStock(PgSession &superuser, const QList<DeviceUnderTest> &devices, QStringList &problems)
{
    const QHash<QString, ServerOp> results = appliedOps(superuser);
    QHash<QString, std::pair<QString, int>> accepted; // id -> (code, change)
    for (const DeviceUnderTest &entry : devices) {
        QHash<QString, std::pair<QString, int>> mine;
        for (const QVariantList &row : entry.device->rows(
                 QStringLiteral("SELECT id, equipment_code, qty_change FROM stock_movement")))
            mine.insert(row[0].toString(), {row[1].toString(), row[2].toInt()});
        for (const TestDevice::Op &op : entry.device->opsMade()) {
            if (op.entity != u"stock_movement"
                || results.value(op.opId).result.value(u"status").toString() != u"applied")
                continue;
            if (!mine.contains(op.entityId))
                problems.append(QStringLiteral("%1: stock movement %2 is gone from the device")
                                    .arg(entry.device->name(), op.entityId));
            accepted.insert(op.entityId, mine.value(op.entityId));
        }
    }
    const auto levels = [](const QHash<QString, std::pair<QString, int>> &movements) {
        QMap<QString, qint64> level;
        for (const auto &[code, change] : movements)
            level[code] += change;
        return level;
    };
    QHash<QString, std::pair<QString, int>> server;
    for (const QVariantList &row :
         superuser
             .rows(QStringLiteral("SELECT CAST(id AS text), equipment_code, qty_change "
                                  "FROM stock_movement"))
             .value_or(QList<QVariantList>()))
        server.insert(row[0].toString(), {row[1].toString(), row[2].toInt()});
    const QMap<QString, qint64> expected = levels(accepted);
    if (levels(server) != expected || server.size() != accepted.size()) {
        QStringList was;
        for (auto it = expected.begin(); it != expected.end(); ++it)
            was.append(QStringLiteral("%1 %2/%3")
                           .arg(it.key())
                           .arg(levels(server).value(it.key()))
                           .arg(it.value()));
        problems.append(QStringLiteral("stock not conserved: %1 movements on the server, %2 "
                                       "accepted; levels server/made: %3")
                            .arg(server.size())
                            .arg(accepted.size())
                            .arg(was.join(QStringLiteral(", "))));
    }
    for (const DeviceUnderTest &entry : devices) {
        if (!entry.readsStock)
            continue;
        // Less the device's own movements the server refused (kept, listed).
        QSet<QString> refused;
        const QHash<QString, QString> rejected = entry.device->rejectedOps();
        for (const TestDevice::Op &op : entry.device->opsMade()) {
            if (op.entity == u"stock_movement" && rejected.contains(op.opId))
                refused.insert(op.entityId);
        }
        QHash<QString, std::pair<QString, int>> held;
        for (const QVariantList &row : entry.device->rows(
                 QStringLiteral("SELECT id, equipment_code, qty_change FROM stock_movement"))) {
            if (!refused.contains(row[0].toString()))
                held.insert(row[0].toString(), {row[1].toString(), row[2].toInt()});
        }
        if (held.size() != server.size() || levels(held) != levels(server)) {
            problems.append(QStringLiteral("%1: holds %2 stock movements, the server %3; "
                                           "levels differ: %4")
                                .arg(entry.device->name())
                                .arg(held.size())
                                .arg(server.size())
                                .arg(levels(held) != levels(server) ? u"yes" : u"no"));
        }
    }
}

void compareDevice(const DeviceUnderTest &entry, QStringList &problems)
{
    const TestDevice &device = *entry.device;
    const TextTables server = centralTables(*entry.asUser, entry.readsEligibility);
    TextTables local = device.tables();

    // What the device's own refused ops changed stays as the device made it (listed for the
    // user, never silently dropped): left out of the comparison.
    QHash<QString, QString> rejected = device.rejectedOps();
    QSet<QString> refusedCreates;
    QHash<QString, QSet<QString>> refusedFields;
    for (const TestDevice::Op &op : device.opsMade()) {
        if (!rejected.contains(op.opId))
            continue;
        if (op.kind == u"create")
            refusedCreates.insert(op.entityId);
        else
            for (auto it = op.payload.begin(); it != op.payload.end(); ++it)
                refusedFields[op.entityId].insert(it.key());
    }
    for (auto it = local.residents.begin(); it != local.residents.end();) {
        if (refusedCreates.contains(it.key()) || refusedCreates.contains(it.value().value(0)))
            it = local.residents.erase(it);
        else
            ++it;
    }
    const QStringList columns = householdTextColumns();
    const qsizetype areaColumn = columns.indexOf(u"area");
    for (const QString &id : std::as_const(refusedCreates))
        local.households.remove(id);

    for (auto it = local.households.constBegin(); it != local.households.constEnd(); ++it) {
        const QString area = it.value().value(areaColumn);
        if (!entry.areas.contains(area) && !refusedFields.value(it.key()).contains(u"area"_s)) {
            problems.append(QStringLiteral("%1: household %2 of area \"%3\" is outside %4's areas")
                                .arg(device.name(), it.key(), area, device.login()));
        }
        if (!server.households.contains(it.key())) {
            problems.append(QStringLiteral("%1: holds household %2, which %3 cannot see on the "
                                           "server")
                                .arg(device.name(), it.key(), device.login()));
        }
    }
    for (auto it = server.households.constBegin(); it != server.households.constEnd(); ++it) {
        const auto mine = local.households.constFind(it.key());
        if (mine == local.households.constEnd()) {
            problems.append(QStringLiteral("%1: lacks household %2 that %3 sees on the server")
                                .arg(device.name(), it.key(), device.login()));
            continue;
        }
        for (qsizetype c = 0; c < columns.size(); ++c) {
            if (columns[c] == u"eligibility" && !entry.readsEligibility)
                continue;
            if (refusedFields.value(it.key()).contains(columns[c]))
                continue;
            if (mine->value(c) != it->value(c)) {
                problems.append(
                    QStringLiteral("%1: household %2 %3 is \"%4\", the server's "
                                   "\"%5\"")
                        .arg(device.name(), it.key(), columns[c], mine->value(c), it->value(c)));
            }
        }
    }

    const QStringList residentColumns = residentTextColumns();
    for (auto it = local.residents.constBegin(); it != local.residents.constEnd(); ++it) {
        if (!server.residents.contains(it.key()))
            problems.append(QStringLiteral("%1: holds resident %2 (household %3), which %4 "
                                           "cannot see on the server")
                                .arg(device.name(), it.key(), it->value(0), device.login()));
    }
    for (auto it = server.residents.constBegin(); it != server.residents.constEnd(); ++it) {
        const auto mine = local.residents.constFind(it.key());
        if (mine == local.residents.constEnd()) {
            problems.append(QStringLiteral("%1: lacks resident %2 (household %3) that %4 sees "
                                           "on the server")
                                .arg(device.name(), it.key(), it->value(0), device.login()));
            continue;
        }
        for (qsizetype c = 0; c < residentColumns.size(); ++c) {
            const QString field = residentColumns[c] == u"name" ? QStringLiteral("resident_name")
                                                                : residentColumns[c];
            if (refusedFields.value(it->value(0)).contains(field))
                continue;
            if (mine->value(c) != it->value(c)) {
                problems.append(QStringLiteral("%1: resident %2 (household %3) %4 is \"%5\", the "
                                               "server's \"%6\"")
                                    .arg(device.name(), it.key(), it->value(0), residentColumns[c],
                                         mine->value(c), it->value(c)));
            }
        }
    }
}

} // namespace

bool installRowHistory(PgSession &superuser)
{
    return superuser.exec(QStringLiteral(
               "CREATE TABLE test_history (seq bigserial PRIMARY KEY, tbl text NOT NULL, "
               "row jsonb NOT NULL)"))
        && superuser.exec(QStringLiteral(
            "CREATE FUNCTION test_history_record() RETURNS trigger LANGUAGE plpgsql "
            "SECURITY DEFINER SET search_path = public AS $$ BEGIN "
            "INSERT INTO test_history (tbl, row) VALUES (TG_TABLE_NAME, to_jsonb(NEW)); "
            "RETURN NULL; END $$"))
        && superuser.exec(
            QStringLiteral("CREATE TRIGGER test_history AFTER INSERT OR UPDATE ON household "
                           "FOR EACH ROW EXECUTE FUNCTION test_history_record()"))
        && superuser.exec(
            QStringLiteral("CREATE TRIGGER test_history AFTER INSERT OR UPDATE ON resident "
                           "FOR EACH ROW EXECUTE FUNCTION test_history_record()"));
}

TextTables centralTables(PgSession &session, bool withEligibility)
{
    TextTables tables;
    const auto households = session.rows(
        QStringLiteral("SELECT CAST(h.id AS text), coalesce(h.uprn, ''), h.address_line1, "
                       "h.address_line2, h.town, h.postcode, h.latitude, h.longitude, "
                       "coalesce(a.name, ''), %1, h.status, CAST(h.priority AS integer), h.notes, "
                       "CASE WHEN h.deleted_at IS NULL THEN 0 ELSE 1 END "
                       "FROM household h LEFT JOIN area a ON a.id = h.area_id")
            .arg(withEligibility ? QStringLiteral("h.eligibility") : QStringLiteral("''")));
    if (households)
        tables.households = textRows(*households);
    const auto residents = session.rows(QStringLiteral(
        "SELECT CAST(id AS text), CAST(household_id AS text), name, phone, email, "
        "preferred_contact, language, access_needs, CASE WHEN is_primary THEN 1 ELSE 0 END "
        "FROM resident"));
    if (residents)
        tables.residents = textRows(*residents);
    return tables;
}

QStringList checkSyncInvariants(PgSession &superuser, const QList<DeviceUnderTest> &devices)
{
    QStringList problems;
    for (const DeviceUnderTest &entry : devices) {
        const TestDevice &device = *entry.device;
        const int pending = device.engine().pendingCount().valueOr(-1);
        if (pending != 0)
            problems.append(
                QStringLiteral("%1: %2 op(s) still to send").arg(device.name()).arg(pending));
        const QString integrity = device.integrityCheck();
        if (integrity != u"ok")
            problems.append(
                QStringLiteral("%1: integrity check: %2").arg(device.name(), integrity));
        for (const QString &household : device.householdsWithSeveralPrimaryResidents())
            problems.append(QStringLiteral("%1: household %2 has several primary residents")
                                .arg(device.name(), household));
    }
    checkExactlyOnce(superuser, devices, problems);
    checkStock(superuser, devices, problems);
    for (const DeviceUnderTest &entry : devices)
        compareDevice(entry, problems);
    return problems;
}

} // namespace saferhomes::synctest
