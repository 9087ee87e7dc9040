#include "stockledger.h"
#include "stockledger_p.h"

#include "auditlog.h"
#include "database.h"
#include "sqlitestatement.h"
#include "sqlvalues.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace saferhomes {

using namespace sqlvalues;

int StockShortfall::missing() const
{
    return fitted - reserved - std::max(0, available());
}

namespace stockdetail {

/// Why a movement of \a qty of \a code at \a location cannot be made, or nothing when it can:
/// a known code, a known location, a positive quantity.
std::optional<Error> checkMovement(const QSqlDatabase &db, const QString &code, int qty,
                                   const QString &location)
{
    if (qty <= 0)
        return Error::invalid(StockLedger::tr("a quantity must be at least 1, not %1").arg(qty));
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM equipment_type WHERE code = ?"));
    query.addBindValue(code);
    if (!query.exec())
        return sqlFailure(db, StockLedger::tr("cannot read the catalogue"), query.lastError());
    if (!query.next())
        return Error::invalid(StockLedger::tr("there is no item %1 in the catalogue").arg(code));
    if (!StockLocation::isWellFormed(location))
        return Error::invalid(
            StockLedger::tr("%1 is not a stock location: use depot or a fitter's id")
                .arg(location));
    if (!StockLocation::isDepot(location)) {
        query.prepare(QStringLiteral("SELECT 1 FROM fitter WHERE id = ?"));
        query.addBindValue(location);
        if (!query.exec())
            return sqlFailure(db, StockLedger::tr("cannot read fitters"), query.lastError());
        if (!query.next())
            return Error::invalid(
                StockLedger::tr("there is no fitter %1 (a van is a fitter's id)").arg(location));
    }
    return std::nullopt;
}

/// Refused unless \a location has \a qty of \a code available (on hand, not reserved).
std::optional<Error> checkAvailable(const QSqlDatabase &db, const QString &code, int qty,
                                    const QString &location)
{
    const Result<StockLevel> level = readLevel(db, code, location);
    if (!level)
        return level.error();
    if (level->available() >= qty)
        return std::nullopt;
    return Error::invalid(
        StockLedger::tr("%1 has %2 of %3 available (%4 on hand, %5 reserved for jobs): "
                        "%6 cannot be taken")
            .arg(locationLabel(db, location))
            .arg(level->available())
            .arg(code)
            .arg(level->onHand)
            .arg(level->reserved)
            .arg(qty));
}

StockMovement readMovement(const QSqlQuery &query)
{
    StockMovement m;
    m.id = readId(query.value(0));
    m.code = query.value(1).toString();
    m.location = query.value(2).toString();
    m.reason
        = StockReasonNames::fromName(query.value(3).toString()).value_or(StockReason::Received);
    m.qtyChange = query.value(4).toInt();
    m.reservedChange = query.value(5).toInt();
    m.jobId = readId(query.value(6));
    m.pairId = readId(query.value(7));
    if (!query.value(8).isNull())
        m.counted = query.value(8).toInt();
    if (!query.value(9).isNull())
        m.expected = query.value(9).toInt();
    m.at = readTime(query.value(10));
    m.byUser = query.value(11).toString();
    m.note = query.value(12).toString();
    m.refused = query.value(13).toInt() == 1;
    return m;
}

} // namespace stockdetail

using namespace stockdetail;

StockLedger::StockLedger(const Database &database, QString userName)
    : Repository(database, std::move(userName))
{ }

Result<QList<StockLevel>> StockLedger::levels(const QString &location) const
{
    // Straight from SQLite: 6,000 rows through Qt SQL's QVariants cost more than the query.
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    sqlite3 *handle = SqliteStatement::handle(db);
    if (!handle)
        return Error::database(tr("the stock levels need the SQLite driver"));
    sqlite3_stmt *statement = nullptr;
    const char *sql = location.isEmpty()
        ? "SELECT equipment_code, location, on_hand, reserved FROM stock_level "
          "ORDER BY equipment_code, location"
        : "SELECT equipment_code, location, on_hand, reserved FROM stock_level "
          "WHERE location = ?1 ORDER BY equipment_code, location";
    if (sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) != SQLITE_OK) {
        const QString message = QString::fromUtf8(sqlite3_errmsg(handle));
        sqlite3_finalize(statement);
        return Error::database(message).within(tr("Reading the stock levels"));
    }
    const QByteArray where = location.toUtf8();
    if (!location.isEmpty())
        sqlite3_bind_text(statement, 1, where.constData(), int(where.size()), SQLITE_STATIC);
    QList<StockLevel> levels;
    // The same codes and locations come back many times: each is made a QString once.
    QHash<QByteArray, QString> names;
    const auto name = [&](int column) {
        const QByteArray bytes(
            reinterpret_cast<const char *>(sqlite3_column_text(statement, column)),
            sqlite3_column_bytes(statement, column));
        auto found = names.constFind(bytes);
        if (found == names.constEnd())
            found = names.insert(bytes, QString::fromUtf8(bytes));
        return *found;
    };
    int step = SQLITE_ROW;
    qsizetype codeStart = 0;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        StockLevel level {name(0), name(1), sqlite3_column_int(statement, 2),
                          sqlite3_column_int(statement, 3)};
        if (!levels.isEmpty() && levels.constLast().code != level.code)
            codeStart = levels.size();
        // The depot first among an item's locations, then the vans by fitter id.
        if (StockLocation::isDepot(level.location))
            levels.insert(codeStart, std::move(level));
        else
            levels.append(std::move(level));
    }
    const QString message = QString::fromUtf8(sqlite3_errmsg(handle));
    sqlite3_finalize(statement);
    if (step != SQLITE_DONE)
        return Error::database(message).within(tr("Reading the stock levels"));
    return levels;
}

Result<StockLevel> StockLedger::level(const QString &code, const QString &location) const
{
    Result<StockLevel> level
        = readLevel(QSqlDatabase::database(m_connectionName, false), code, location);
    if (!level)
        return level.error().within(StockLedger::tr("Reading the stock of %1").arg(code));
    return level;
}

Result<QList<StockLevel>> StockLedger::levelsFromLedger(const QString &location) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT equipment_code, location, sum(qty_change), "
                                 "sum(reserved_change) FROM stock_movement "
                                 "WHERE id NOT IN (%1) %2 "
                                 "GROUP BY equipment_code, location "
                                 "ORDER BY equipment_code, location <> 'depot', location")
                      .arg(QLatin1StringView(kRefusedIds),
                           location.isEmpty() ? QString() : QStringLiteral("AND location = ?")));
    if (!location.isEmpty())
        query.addBindValue(location);
    if (!query.exec())
        return readError(StockLedger::tr("stock movements"), query.lastError());
    QList<StockLevel> levels;
    while (query.next())
        levels.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toInt(),
                       query.value(3).toInt()});
    return levels;
}

Result<QList<StockMovement>> StockLedger::movements(const StockMovementFilter &filter) const
{
    QStringList conditions;
    QVariantList values;
    if (!filter.code.isEmpty()) {
        conditions.append(QStringLiteral("equipment_code = ?"));
        values.append(filter.code);
    }
    if (!filter.location.isEmpty()) {
        conditions.append(QStringLiteral("location = ?"));
        values.append(filter.location);
    }
    if (filter.reason) {
        conditions.append(QStringLiteral("reason = ?"));
        values.append(StockReasonNames::name(*filter.reason));
    }
    if (!filter.jobId.isNull()) {
        conditions.append(QStringLiteral("job_id = ?"));
        values.append(uuidText(filter.jobId));
    }
    if (filter.from.isValid()) {
        conditions.append(QStringLiteral("at >= ?"));
        values.append(timeText(filter.from));
    }
    if (filter.to.isValid()) {
        conditions.append(QStringLiteral("at < ?"));
        values.append(timeText(filter.to));
    }
    QString sql = QStringLiteral(
                      "SELECT id, equipment_code, location, reason, qty_change, reserved_change, "
                      "job_id, pair_id, counted, expected, at, by_user, note, id IN (%1) "
                      "FROM stock_movement")
                      .arg(QLatin1StringView(kRefusedIds));
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY at DESC, rowid DESC");
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return readError(StockLedger::tr("stock movements"), query.lastError());
    QList<StockMovement> movements;
    while (query.next())
        movements.append(readMovement(query));
    return movements;
}

Result<QList<StockReservation>> StockLedger::reservations(const QUuid &jobId) const
{
    const auto held = heldFor(QSqlDatabase::database(m_connectionName, false), uuidText(jobId));
    if (!held)
        return held.error().within(StockLedger::tr("Reading a job's reserved stock"));
    QList<StockReservation> reservations;
    for (auto it = held->cbegin(); it != held->cend(); ++it) {
        if (it.value() > 0)
            reservations.append({it.key().first, it.key().second, it.value()});
    }
    return reservations;
}

Result<ScheduleStock> StockLedger::scheduleStock() const
{
    return stockstore::readScheduleStock(m_connectionName);
}

Result<QList<StockShortfall>>
StockLedger::completionShortfalls(const QUuid &jobId, const QHash<QString, int> &fitted) const
{
    Result<QList<StockShortfall>> shortfalls
        = stockstore::fittedShortfalls(m_connectionName, uuidText(jobId), fitted);
    if (!shortfalls)
        return shortfalls.error().within(tr("Checking the van's stock for a completion"));
    return shortfalls;
}

QString StockLedger::describe(const StockShortfall &shortfall) const
{
    return describeShortfall(QSqlDatabase::database(m_connectionName, false), shortfall);
}

Result<QStringList> StockLedger::codes() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT code FROM equipment_type ORDER BY code")))
        return readError(StockLedger::tr("the catalogue"), query.lastError());
    QStringList codes;
    while (query.next())
        codes.append(query.value(0).toString());
    return codes;
}

namespace {

/// Runs \a body in one transaction of \a connectionName: commits when it gives ids, rolls
/// back (and names \a action in the error) when it fails.
template<typename Body>
Result<QList<QUuid>> inTransaction(const QString &connectionName, const QString &action, Body body)
{
    QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    if (!db.transaction())
        return sqlFailure(db, StockLedger::tr("cannot start a transaction"), db.lastError())
            .within(action);
    Result<QList<QUuid>> ids = body(db);
    if (!ids) {
        db.rollback();
        return ids.error().within(action);
    }
    if (!db.commit()) {
        const Error error = sqlFailure(db, StockLedger::tr("cannot commit"), db.lastError());
        db.rollback();
        return error.within(action);
    }
    return ids;
}

Result<QUuid> first(const Result<QList<QUuid>> &ids)
{
    if (!ids)
        return ids.error();
    return ids->isEmpty() ? QUuid() : ids->constFirst();
}

} // namespace

Result<QUuid> StockLedger::receive(const QString &code, int qty, const QString &location,
                                   const QString &note)
{
    return first(receive(QList<StockLine> {{code, qty}}, location, note));
}

Result<QList<QUuid>> StockLedger::receive(const QList<StockLine> &lines, const QString &location,
                                          const QString &note)
{
    return inTransaction(
        m_connectionName, StockLedger::tr("Receiving a delivery"),
        [&](const QSqlDatabase &db) -> Result<QList<QUuid>> {
            if (lines.isEmpty())
                return Error::invalid(StockLedger::tr("a delivery has at least one line"));
            AuditLog audit(m_connectionName, m_userName, m_device);
            const QString at = storeTimestamp();
            QList<QUuid> ids;
            for (const StockLine &line : lines) {
                if (const auto refused = checkMovement(db, line.code, line.qty, location))
                    return *refused;
                NewMovement m
                    = movement(newId(), line.code, location, StockReason::Received, line.qty);
                m.note = note;
                if (const Status written = insertMovement(db, audit, m_userName, m, at); !written)
                    return written.error();
                ids.append(QUuid(m.id));
            }
            return ids;
        });
}

Result<QUuid> StockLedger::transfer(const QString &code, int qty, const QString &from,
                                    const QString &to, const QString &note)
{
    return first(inTransaction(
        m_connectionName, StockLedger::tr("Transferring stock"),
        [&](const QSqlDatabase &db) -> Result<QList<QUuid>> {
            if (const auto refused = checkMovement(db, code, qty, from))
                return *refused;
            if (const auto refused = checkMovement(db, code, qty, to))
                return *refused;
            if (from == to)
                return Error::invalid(
                    StockLedger::tr("a transfer goes from one location to another"));
            if (const auto refused = checkAvailable(db, code, qty, from))
                return *refused;
            AuditLog audit(m_connectionName, m_userName, m_device);
            const QString at = storeTimestamp();
            NewMovement out = movement(newId(), code, from, StockReason::Transferred, -qty);
            NewMovement in = movement(newId(), code, to, StockReason::Transferred, qty);
            out.pairId = in.id;
            in.pairId = out.id;
            out.note = in.note = note;
            if (const Status written = insertMovement(db, audit, m_userName, out, at); !written)
                return written.error();
            if (const Status written = insertMovement(db, audit, m_userName, in, at); !written)
                return written.error();
            return QList<QUuid> {QUuid(out.id), QUuid(in.id)};
        }));
}

Result<QUuid> StockLedger::count(const QString &code, const QString &location, int counted,
                                 const QString &note, const QUuid &countId)
{
    return first(inTransaction(
        m_connectionName, StockLedger::tr("Recording a count"),
        [&](const QSqlDatabase &db) -> Result<QList<QUuid>> {
            if (counted < 0)
                return Error::invalid(
                    StockLedger::tr("a count cannot be below zero (%1)").arg(counted));
            if (const auto refused = checkMovement(db, code, 1, location))
                return *refused;
            const QString id = countId.isNull() ? newId() : uuidText(countId);
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT reason FROM stock_movement WHERE id = ?"));
            query.addBindValue(id);
            if (!query.exec())
                return sqlFailure(db, StockLedger::tr("cannot read stock movements"),
                                  query.lastError());
            if (query.next()) {
                if (query.value(0).toString() != u"count_adjustment")
                    return Error::invalid(StockLedger::tr("movement %1 is not a count").arg(id));
                return QList<QUuid> {QUuid(id)};
            }
            const Result<StockLevel> level = readLevel(db, code, location);
            if (!level)
                return level.error();
            NewMovement m = movement(id, code, location, StockReason::CountAdjustment,
                                     counted - level->onHand);
            m.counted = counted;
            m.expected = level->onHand;
            m.note = note;
            AuditLog audit(m_connectionName, m_userName, m_device);
            if (const Status written = insertMovement(db, audit, m_userName, m, storeTimestamp());
                !written)
                return written.error();
            return QList<QUuid> {QUuid(id)};
        }));
}

Result<QUuid> StockLedger::returnStock(const QString &code, int qty, const QString &location,
                                       const QString &note, const QUuid &jobId)
{
    return first(inTransaction(
        m_connectionName, StockLedger::tr("Recording a return"),
        [&](const QSqlDatabase &db) -> Result<QList<QUuid>> {
            if (const auto refused = checkMovement(db, code, qty, location))
                return *refused;
            NewMovement m = movement(newId(), code, location, StockReason::Returned, qty);
            m.note = note;
            if (!jobId.isNull())
                m.jobId = uuidText(jobId);
            AuditLog audit(m_connectionName, m_userName, m_device);
            if (const Status written = insertMovement(db, audit, m_userName, m, storeTimestamp());
                !written)
                return written.error();
            return QList<QUuid> {QUuid(m.id)};
        }));
}

Result<QUuid> StockLedger::writeOff(const QString &code, int qty, const QString &location,
                                    const QString &reason)
{
    return first(inTransaction(
        m_connectionName, StockLedger::tr("Writing stock off"),
        [&](const QSqlDatabase &db) -> Result<QList<QUuid>> {
            if (reason.trimmed().isEmpty())
                return Error::invalid(StockLedger::tr("a write-off needs a reason"));
            if (const auto refused = checkMovement(db, code, qty, location))
                return *refused;
            if (const auto refused = checkAvailable(db, code, qty, location))
                return *refused;
            NewMovement m = movement(newId(), code, location, StockReason::WrittenOff, -qty);
            m.note = reason.trimmed();
            AuditLog audit(m_connectionName, m_userName, m_device);
            if (const Status written = insertMovement(db, audit, m_userName, m, storeTimestamp());
                !written)
                return written.error();
            return QList<QUuid> {QUuid(m.id)};
        }));
}

} // namespace saferhomes
