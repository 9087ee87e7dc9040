#include "reportingstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

namespace {

/// Prepares and runs \a sql with \a values; false when either step fails (lastError says why).
bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

} // namespace

ReportingStore::ReportingStore(const Database &database)
    : Repository(database, QString())
{ }

Result<ReturnRows> ReportingStore::returnRows(const QString &from, const QString &to) const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    ReturnRows rows;
    QSqlQuery query(db);

    if (!run(query,
             QStringLiteral("SELECT DISTINCT household_id, outcome FROM visit "
                            "WHERE at >= ? AND at < ?"),
             {from, to}))
        return readError(tr("visits"), query.lastError());
    while (query.next())
        rows.visits.append({query.value(0).toString(), query.value(1).toString()});
    if (query.lastError().isValid())
        return readError(tr("visits"), query.lastError());

    // A household accepted when the package of one of its surveys was first agreed
    // (package_agreed_at, synced with the survey), whenever the survey was completed.
    if (!run(query,
             QStringLiteral("SELECT DISTINCT s.household_id FROM survey s "
                            "WHERE s.package_agreed_at >= ? AND s.package_agreed_at < ? AND EXISTS "
                            "(SELECT 1 FROM recommendation r WHERE r.survey_id = s.id "
                            "AND r.agreed = 1)"),
             {from, to}))
        return readError(tr("surveys"), query.lastError());
    while (query.next())
        rows.accepted.append(query.value(0).toString());
    if (query.lastError().isValid())
        return readError(tr("surveys"), query.lastError());

    if (!run(query,
             QStringLiteral("SELECT household_id, completed_at FROM job "
                            "WHERE status = 'completed' AND completed_at < ?"),
             {to}))
        return readError(tr("jobs"), query.lastError());
    while (query.next())
        rows.completions.append({query.value(0).toString(), query.value(1).toString()});
    if (query.lastError().isValid())
        return readError(tr("jobs"), query.lastError());

    if (!run(query,
             QStringLiteral(
                 "SELECT j.household_id, j.completed_at, i.equipment_code, i.fitted_qty, "
                 "coalesce(i.unit_cost_pence, e.unit_cost_pence) FROM job j "
                 "JOIN job_item i ON i.job_id = j.id "
                 "JOIN equipment_type e ON e.code = i.equipment_code "
                 "WHERE j.status = 'completed' AND j.completed_at < ? AND i.fitted_qty > 0"),
             {to}))
        return readError(tr("fitted items"), query.lastError());
    while (query.next()) {
        rows.fitted.append({query.value(0).toString(), query.value(1).toString(),
                            query.value(2).toString(), query.value(3).toLongLong(),
                            query.value(4).toLongLong()});
    }
    if (query.lastError().isValid())
        return readError(tr("fitted items"), query.lastError());

    if (!run(query, QStringLiteral("SELECT code, name FROM equipment_type ORDER BY code"), {}))
        return readError(tr("the equipment catalogue"), query.lastError());
    while (query.next())
        rows.equipment.append({query.value(0).toString(), query.value(1).toString()});
    if (query.lastError().isValid())
        return readError(tr("the equipment catalogue"), query.lastError());

    if (!run(query, QStringLiteral("SELECT coalesce(sum(target_homes), 0) FROM area"), {})
        || !query.next())
        return readError(tr("areas"), query.lastError());
    rows.targetHomes = query.value(0).toLongLong();
    return rows;
}

Result<QHash<QString, ReturnAddress>> ReportingStore::addresses(const QStringList &ids) const
{
    QHash<QString, ReturnAddress> found;
    if (ids.isEmpty())
        return found;
    // One bound JSON array rather than an IN list: any number of ids, one statement.
    const QString list = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!run(query,
             QStringLiteral("SELECT h.id, coalesce(h.uprn, ''), h.address_line1, h.address_line2, "
                            "h.town, h.postcode, coalesce(a.name, ''), h.latitude, h.longitude "
                            "FROM household h "
                            "LEFT JOIN area a ON a.id = h.area_id "
                            "WHERE h.id IN (SELECT value FROM json_each(?))"),
             {list}))
        return readError(tr("households"), query.lastError());
    found.reserve(ids.size());
    while (query.next()) {
        ReturnAddress address;
        address.id = query.value(0).toString();
        address.uprn = query.value(1).toString();
        QStringList parts;
        for (int column = 2; column <= 5; ++column) {
            const QString part = query.value(column).toString().trimmed();
            if (!part.isEmpty())
                parts.append(part);
        }
        address.address = parts.join(QStringLiteral(", "));
        address.areaName = query.value(6).toString();
        if (!query.value(7).isNull() && !query.value(8).isNull()) {
            address.latitude = query.value(7).toDouble();
            address.longitude = query.value(8).toDouble();
        }
        found.insert(address.id, address);
    }
    if (query.lastError().isValid())
        return readError(tr("households"), query.lastError());
    return found;
}

Result<QHash<QString, qint64>> ReportingStore::spendByArea(const QString &from,
                                                           const QString &to) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!run(query,
             QStringLiteral("SELECT coalesce(h.area_id, ''), "
                            "sum(i.fitted_qty * coalesce(i.unit_cost_pence, e.unit_cost_pence)) "
                            "FROM job j JOIN job_item i ON i.job_id = j.id "
                            "JOIN equipment_type e ON e.code = i.equipment_code "
                            "LEFT JOIN household h ON h.id = j.household_id "
                            "WHERE j.status = 'completed' AND j.completed_at >= ? "
                            "AND j.completed_at < ? GROUP BY 1"),
             {from, to}))
        return readError(tr("spend"), query.lastError());
    QHash<QString, qint64> spend;
    while (query.next())
        spend.insert(query.value(0).toString(), query.value(1).toLongLong());
    if (query.lastError().isValid())
        return readError(tr("spend"), query.lastError());
    return spend;
}

Result<QStringList> ReportingStore::areaNames() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!run(query, QStringLiteral("SELECT name FROM area ORDER BY name"), {}))
        return readError(tr("areas"), query.lastError());
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    if (query.lastError().isValid())
        return readError(tr("areas"), query.lastError());
    return names;
}

} // namespace saferhomes
