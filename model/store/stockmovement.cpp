// What the stock ledger (stockledger.cpp) and the reservations that follow jobs
// (stockreservations.cpp) share, declared in stockledger_p.h: writing one movement with its audit
// event, reading a level and what a job holds, and saying where stock is.

#include "stockledger_p.h"

#include "auditlog.h"
#include "database.h"
#include "sqlvalues.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace saferhomes {

using namespace sqlvalues;

namespace stockdetail {

NewMovement movement(QString id, QString code, QString location, StockReason reason, int qtyChange,
                     int reservedChange)
{
    NewMovement m;
    m.id = std::move(id);
    m.code = std::move(code);
    m.location = std::move(location);
    m.reason = reason;
    m.qtyChange = qtyChange;
    m.reservedChange = reservedChange;
    return m;
}

QVariant nullableInt(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<int>());
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

/// Writes \a m with its audit event inside the caller's transaction (the outbox op comes from
/// the stock_movement trigger).
Status insertMovement(const QSqlDatabase &db, AuditLog &audit, const QString &userName,
                      const NewMovement &m, const QString &at)
{
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral(
            "INSERT INTO stock_movement (id, equipment_code, qty_change, reason, job_id, at, "
            "by_user, note, location, reserved_change, counted, expected, pair_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        return sqlFailure(db, StockLedger::tr("cannot write a stock movement"), query.lastError());
    const QString reason = StockReasonNames::name(m.reason);
    for (const QVariant &value :
         {QVariant(m.id), QVariant(m.code), QVariant(m.qtyChange), QVariant(reason),
          nullableText(m.jobId), QVariant(at), QVariant(notNull(userName)),
          QVariant(notNull(m.note)), QVariant(m.location), QVariant(m.reservedChange),
          nullableInt(m.counted), nullableInt(m.expected), nullableText(m.pairId)})
        query.addBindValue(value);
    if (!query.exec())
        return sqlFailure(db, StockLedger::tr("cannot write a stock movement"), query.lastError());
    QJsonObject what {{QStringLiteral("code"), m.code},
                      {QStringLiteral("location"), m.location},
                      {QStringLiteral("reason"), reason},
                      {QStringLiteral("qty_change"), m.qtyChange},
                      {QStringLiteral("reserved_change"), m.reservedChange}};
    if (!m.jobId.isEmpty())
        what.insert(QStringLiteral("job_id"), m.jobId);
    if (m.counted)
        what.insert(QStringLiteral("counted"), *m.counted);
    if (m.expected)
        what.insert(QStringLiteral("expected"), *m.expected);
    if (!m.note.isEmpty())
        what.insert(QStringLiteral("note"), m.note);
    return audit.record(QStringLiteral("stock_movement"), m.id, QStringLiteral("created"), {},
                        QString::fromUtf8(QJsonDocument(what).toJson(QJsonDocument::Compact)), at);
}

Error sqlFailure(const QSqlDatabase &db, const QString &what, const QSqlError &error)
{
    return Database::sqlError(db.databaseName(), what, error);
}

/// What \a location holds of \a code, from the summary (zeros when it has never held any).
Result<StockLevel> readLevel(const QSqlDatabase &db, const QString &code, const QString &location)
{
    const QString what = StockLedger::tr("cannot read the stock level of %1").arg(code);
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral("SELECT on_hand, reserved FROM stock_level "
                                      "WHERE equipment_code = ? AND location = ?")))
        return sqlFailure(db, what, query.lastError());
    query.addBindValue(code);
    query.addBindValue(location);
    if (!query.exec())
        return sqlFailure(db, what, query.lastError());
    StockLevel level {code, location, 0, 0};
    if (query.next()) {
        level.onHand = query.value(0).toInt();
        level.reserved = query.value(1).toInt();
    }
    return level;
}

/// How a location is named in messages: "the depot" or "van <fitter name>".
QString locationLabel(const QSqlDatabase &db, const QString &location)
{
    if (StockLocation::isDepot(location))
        return StockLedger::tr("the depot");
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT name FROM fitter WHERE id = ?"));
    query.addBindValue(location);
    if (query.exec() && query.next())
        return StockLedger::tr("%1's van").arg(query.value(0).toString());
    return StockLedger::tr("van %1").arg(location);
}

QString describeShortfall(const QSqlDatabase &db, const StockShortfall &shortfall)
{
    return StockLedger::tr("%1: %2 fitted, %3 of them reserved for this job; %4 has %5 more "
                           "available (%6 on hand, %7 reserved for jobs), so %8 cannot be taken "
                           "from it.")
        .arg(shortfall.code)
        .arg(shortfall.fitted)
        .arg(shortfall.reserved)
        .arg(locationLabel(db, shortfall.location))
        .arg(std::max(0, shortfall.available()))
        .arg(shortfall.onHand)
        .arg(shortfall.reservedThere)
        .arg(shortfall.missing());
}

QString newId()
{
    return uuidText(QUuid::createUuid());
}

/// What a job holds reserved, per code and location (non-zero only), counting only the
/// movements the central database has not refused.
Result<QMap<std::pair<QString, QString>, int>> heldFor(const QSqlDatabase &db, const QString &jobId)
{
    const QString what = StockLedger::tr("cannot read the stock reserved for job %1").arg(jobId);
    QSqlQuery query(db);
    // A statement that cannot be prepared (a missing table) says so, not "parameter count".
    if (!query.prepare(QStringLiteral("SELECT equipment_code, location, sum(reserved_change) "
                                      "FROM stock_movement WHERE job_id = ? AND id NOT IN (%1) "
                                      "GROUP BY equipment_code, location "
                                      "HAVING sum(reserved_change) <> 0 "
                                      "ORDER BY equipment_code, location")
                           .arg(QLatin1StringView(kRefusedIds))))
        return sqlFailure(db, what, query.lastError());
    query.addBindValue(jobId);
    if (!query.exec())
        return sqlFailure(db, what, query.lastError());
    QMap<std::pair<QString, QString>, int> held;
    while (query.next())
        held.insert({query.value(0).toString(), query.value(1).toString()}, query.value(2).toInt());
    if (query.lastError().isValid())
        return sqlFailure(db, what, query.lastError());
    return held;
}
} // namespace stockdetail

} // namespace saferhomes
