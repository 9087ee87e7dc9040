#include "store/dashboardstore.h"

#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace saferhomes {

namespace {

/// A WHERE fragment and the values bound to its placeholders, in order.
struct Where {
    QString sql;
    QVariantList values;

    Where &operator+=(const Where &other)
    {
        sql += other.sql;
        values += other.values;
        return *this;
    }
};

/// The households the filter keeps (alias h): area, current status, and a job of the fitter.
Where households(const DashboardFilter &filter)
{
    Where where {QStringLiteral(" h.deleted_at IS NULL"), {}};
    if (!filter.areaId.isEmpty()) {
        where.sql += QStringLiteral(" AND h.area_id = ?");
        where.values << filter.areaId;
    }
    if (filter.status) {
        where.sql += QStringLiteral(" AND h.status = ?");
        where.values << HouseholdStatusRules::name(*filter.status);
    }
    if (!filter.fitterId.isEmpty()) {
        where.sql += QStringLiteral(
            " AND EXISTS (SELECT 1 FROM job fj WHERE fj.household_id = h.id AND fj.fitter_id = ?)");
        where.values << filter.fitterId;
    }
    return where;
}

/// The jobs the filter keeps (alias j), on top of households().
Where jobs(const DashboardFilter &filter)
{
    Where where = households(filter);
    if (!filter.fitterId.isEmpty()) {
        where.sql += QStringLiteral(" AND j.fitter_id = ?");
        where.values << filter.fitterId;
    }
    return where;
}

QString statusList(const QList<HouseholdStatus> &statuses)
{
    QStringList names;
    for (HouseholdStatus status : statuses)
        names << QLatin1Char('\'') + HouseholdStatusRules::name(status) + QLatin1Char('\'');
    return names.join(QLatin1Char(','));
}

/// The progression statuses from \a stage to followed_up.
QList<HouseholdStatus> atOrBeyond(HouseholdStatus stage)
{
    QList<HouseholdStatus> statuses;
    for (int s = int(stage); s <= int(HouseholdStatus::FollowedUp); ++s)
        statuses << HouseholdStatus(s);
    return statuses;
}

// The figures counted in SQL, each as one query yielding (household key, its part): the
// count is the number of rows (or the sum of the parts), so a figure and its drill-down
// cannot disagree. A `?` key placeholder comes first when the figure has a key.
const char kFittedItems[]
    = "SELECT h.rid, sum(i.fitted_qty) FROM job_item i "
      "JOIN job j ON j.id = i.job_id JOIN household h ON h.id = j.household_id "
      "WHERE i.equipment_code = ? AND i.fitted_qty > 0 "
      "AND j.status = 'completed' AND j.completed_at >= ? AND j.completed_at < ? "
      "AND%1 GROUP BY h.rid";
const char kDeclined[]
    = "SELECT h.rid, count(*) FROM visit v JOIN household h ON h.id = v.household_id "
      "WHERE v.reason = ? AND v.outcome = 'declined' AND v.at >= ? AND v.at < ? "
      "AND%1 GROUP BY h.rid";
const char kOutstanding[]
    = "SELECT h.rid, count(*) FROM job j JOIN household h ON h.id = j.household_id "
      "WHERE j.status IN ('unscheduled', 'tentative', 'scheduled') AND%1 "
      "GROUP BY h.rid";
const char kWithoutItems[]
    = "SELECT h.rid, count(*) FROM job j JOIN household h ON h.id = j.household_id "
      "WHERE j.status = 'completed' AND NOT EXISTS (SELECT 1 FROM job_item i "
      "WHERE i.job_id = j.id AND i.fitted_qty > 0) AND%1 GROUP BY h.rid";
const char kWithoutOutcome[]
    = "SELECT h.rid, count(*) FROM job j JOIN household h ON h.id = j.household_id "
      "WHERE j.status IN ('tentative', 'scheduled') AND j.scheduled_end < ? AND%1 GROUP BY h.rid";

} // namespace

DashboardStore::DashboardStore(const Database &database)
    : Repository(database, Database::localUserName())
{ }

namespace {

/// Runs \a sql with \a values bound in order; the query is forward-only.
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

Result<QHash<HouseholdStatus, int>>
DashboardStore::statusCounts(const DashboardFilter &filter) const
{
    const Where where = households(filter);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!run(query,
             QStringLiteral("SELECT h.status, count(*) FROM household h WHERE%1 GROUP BY h.status")
                 .arg(where.sql),
             where.values))
        return readError(tr("household statuses"), query.lastError());
    QHash<HouseholdStatus, int> counts;
    while (query.next()) {
        const auto status = HouseholdStatusRules::fromName(query.value(0).toString());
        if (!status)
            return Error::database(tr("a household has the unknown status \u201c%1\u201d")
                                       .arg(query.value(0).toString()));
        counts[*status] = query.value(1).toInt();
    }
    if (query.lastError().isValid())
        return readError(tr("household statuses"), query.lastError());
    return counts;
}

Result<QList<DashboardStore::Completion>> DashboardStore::completions(const DashboardFilter &filter,
                                                                      const QString &before) const
{
    Where where {QStringLiteral(" j.status = 'completed' AND j.completed_at < ? AND"), {before}};
    where += jobs(filter);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    const QString sql = QStringLiteral(
        "SELECT h.rid, coalesce(h.area_id, ''), j.completed_at, "
        "(SELECT coalesce(sum(i.fitted_qty * coalesce(i.unit_cost_pence, e.unit_cost_pence)), 0) "
        "FROM job_item i "
        " JOIN equipment_type e ON e.code = i.equipment_code WHERE i.job_id = j.id), "
        "(SELECT min(s.completed_at) FROM survey s WHERE s.household_id = h.id "
        " AND s.completed_at IS NOT NULL) "
        "FROM job j JOIN household h ON h.id = j.household_id WHERE%1 ORDER BY j.completed_at");
    if (!run(query, sql.arg(where.sql), where.values))
        return readError(tr("completed jobs"), query.lastError());
    QList<Completion> completions;
    while (query.next()) {
        completions.append({query.value(0).toLongLong(), query.value(1).toString(),
                            query.value(2).toString(), query.value(3).toLongLong(),
                            query.value(4).toString()});
    }
    if (query.lastError().isValid())
        return readError(tr("completed jobs"), query.lastError());
    return completions;
}

Result<QList<DashboardArea>> DashboardStore::areas(const DashboardFilter &filter) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QVariantList values;
    QString sql = QStringLiteral("SELECT id, name, target_homes FROM area");
    if (!filter.areaId.isEmpty()) {
        sql += QStringLiteral(" WHERE id = ?");
        values << filter.areaId;
    }
    if (!run(query, sql + QStringLiteral(" ORDER BY name"), values))
        return readError(tr("areas"), query.lastError());
    QList<DashboardArea> areas;
    while (query.next()) {
        areas.append(
            {query.value(0).toString(), query.value(1).toString(), 0, query.value(2).toInt()});
    }
    if (query.lastError().isValid())
        return readError(tr("areas"), query.lastError());
    return areas;
}

Result<QHash<int, qint64>> DashboardStore::budgets(const DashboardFilter &filter, int firstYear,
                                                   int lastYear) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QVariantList values {firstYear, lastYear};
    QString sql = QStringLiteral("SELECT financial_year, sum(capital_pence + revenue_pence) "
                                 "FROM area_budget WHERE financial_year BETWEEN ? AND ?");
    if (!filter.areaId.isEmpty()) {
        sql += QStringLiteral(" AND area_id = ?");
        values << filter.areaId;
    }
    if (!run(query, sql + QStringLiteral(" GROUP BY financial_year"), values))
        return readError(tr("budgets"), query.lastError());
    QHash<int, qint64> budgets;
    while (query.next())
        budgets.insert(query.value(0).toInt(), query.value(1).toLongLong());
    if (query.lastError().isValid())
        return readError(tr("budgets"), query.lastError());
    return budgets;
}

Result<QList<DashboardBar>> DashboardStore::itemsFitted(const DashboardFilter &filter,
                                                        const Span &span) const
{
    Where where {{}, {span.from, span.to}};
    where += jobs(filter);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    const QString sql = QStringLiteral(
        "SELECT i.equipment_code, e.name, sum(i.fitted_qty) FROM job_item i "
        "JOIN equipment_type e ON e.code = i.equipment_code JOIN job j ON j.id = i.job_id "
        "JOIN household h ON h.id = j.household_id WHERE i.fitted_qty > 0 "
        "AND j.status = 'completed' AND j.completed_at >= ? AND j.completed_at < ? AND%1 "
        "GROUP BY i.equipment_code ORDER BY 3 DESC, 1");
    if (!run(query, sql.arg(where.sql), where.values))
        return readError(tr("items fitted"), query.lastError());
    QList<DashboardBar> bars;
    while (query.next()) {
        bars.append({query.value(1).toString(),
                     query.value(2).toLongLong(),
                     {FigureRef::Kind::ItemsFitted, query.value(0).toString()}});
    }
    if (query.lastError().isValid())
        return readError(tr("items fitted"), query.lastError());
    return bars;
}

Result<QList<DashboardBar>> DashboardStore::declines(const DashboardFilter &filter,
                                                     const Span &span) const
{
    Where where {{}, {span.from, span.to}};
    where += households(filter);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    const QString sql
        = QStringLiteral("SELECT v.reason, count(DISTINCT h.rid) FROM visit v "
                         "JOIN household h ON h.id = v.household_id WHERE v.outcome = 'declined' "
                         "AND v.at >= ? AND v.at < ? AND%1 GROUP BY v.reason ORDER BY 2 DESC, 1");
    if (!run(query, sql.arg(where.sql), where.values))
        return readError(tr("declines"), query.lastError());
    QList<DashboardBar> bars;
    while (query.next()) {
        const QString reason = query.value(0).toString();
        bars.append({reason.isEmpty() ? tr("No reason given") : reason,
                     query.value(1).toLongLong(),
                     {FigureRef::Kind::Declines, reason}});
    }
    if (query.lastError().isValid())
        return readError(tr("declines"), query.lastError());
    return bars;
}

Result<int> DashboardStore::outstanding(const DashboardFilter &filter) const
{
    const Result<QList<Member>> open = members(filter, {}, {FigureRef::Kind::Outstanding, {}});
    if (!open)
        return open.error();
    return int(open->size());
}

Result<DashboardStore::Quality> DashboardStore::quality(const DashboardFilter &filter,
                                                        const Span &span) const
{
    const Where where = households(filter);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!run(query,
             QStringLiteral("SELECT coalesce(sum(h.latitude IS NULL), 0), "
                            "coalesce(sum(h.uprn IS NULL), 0) FROM household h WHERE%1")
                 .arg(where.sql),
             where.values)
        || !query.next())
        return readError(tr("data quality"), query.lastError());
    Quality quality;
    quality.noCoordinates = query.value(0).toInt();
    quality.noUprn = query.value(1).toInt();
    using K = FigureRef::Kind;
    const Result<QList<Member>> withoutItems
        = members(filter, span, {K::CompletedWithoutItems, {}});
    if (!withoutItems)
        return withoutItems.error();
    const Result<QList<Member>> withoutOutcome
        = members(filter, span, {K::VisitWithoutOutcome, {}});
    if (!withoutOutcome)
        return withoutOutcome.error();
    quality.completedWithoutItems = int(withoutItems->size());
    quality.visitsWithoutOutcome = int(withoutOutcome->size());
    return quality;
}

Result<QList<DashboardStore::Member>>
DashboardStore::members(const DashboardFilter &filter, const Span &span, const FigureRef &ref) const
{
    using K = FigureRef::Kind;
    const auto byHousehold = [&](const QString &condition) {
        Where where {QStringLiteral(" %1 AND").arg(condition), {}};
        where += households(filter);
        return std::pair {QStringLiteral("SELECT h.rid, 1 FROM household h WHERE%1"), where};
    };
    std::pair<QString, Where> query;
    switch (ref.kind) {
    case K::Funnel: {
        const auto stage = HouseholdStatusRules::fromName(ref.key);
        if (!stage || HouseholdStatusRules::isClosed(*stage))
            return Error::invalid(tr("\u201c%1\u201d is not a stage of the funnel").arg(ref.key));
        query = byHousehold(QStringLiteral("h.status IN (%1)").arg(statusList(atOrBeyond(*stage))));
        break;
    }
    case K::TakeUp:
        query = byHousehold(QStringLiteral("h.status IN (%1)")
                                .arg(statusList(atOrBeyond(HouseholdStatus::Accepted))));
        break;
    case K::NoCoordinates: query = byHousehold(QStringLiteral("h.latitude IS NULL")); break;
    case K::NoUprn: query = byHousehold(QStringLiteral("h.uprn IS NULL")); break;
    case K::ItemsFitted:
        query = {QString::fromLatin1(kFittedItems), {{}, {ref.key, span.from, span.to}}};
        query.second += jobs(filter);
        break;
    case K::Declines:
        query = {QString::fromLatin1(kDeclined), {{}, {ref.key, span.from, span.to}}};
        query.second += households(filter);
        break;
    case K::Outstanding: query = {QString::fromLatin1(kOutstanding), jobs(filter)}; break;
    case K::CompletedWithoutItems:
        query = {QString::fromLatin1(kWithoutItems), jobs(filter)};
        break;
    case K::VisitWithoutOutcome:
        query = {QString::fromLatin1(kWithoutOutcome), {{}, {span.now}}};
        query.second += jobs(filter);
        break;
    default: return Error::invalid(tr("this figure is not counted by the database"));
    }
    QSqlQuery sql(QSqlDatabase::database(m_connectionName, false));
    if (!run(sql, query.first.arg(query.second.sql), query.second.values))
        return readError(tr("the households behind a figure"), sql.lastError());
    QList<Member> members;
    while (sql.next())
        members.append({sql.value(0).toLongLong(), sql.value(1).toLongLong()});
    if (sql.lastError().isValid())
        return readError(tr("the households behind a figure"), sql.lastError());
    return members;
}

Result<QList<DrillRow>> DashboardStore::rows(const QList<Member> &members) const
{
    QJsonArray keys;
    QHash<qint64, qint64> amounts;
    for (const auto &[key, amount] : members) {
        keys.append(key);
        amounts.insert(key, amount);
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    const QString sql = QStringLiteral(
        "SELECT h.rid, h.id, coalesce(h.uprn, ''), h.address_line1, h.address_line2, h.town, "
        "h.postcode, coalesce(a.name, ''), h.status FROM household h "
        "LEFT JOIN area a ON a.id = h.area_id "
        "WHERE h.rid IN (SELECT value FROM json_each(?)) "
        "ORDER BY h.postcode, h.address_line1, h.rid");
    if (!run(query, sql, {QString::fromUtf8(QJsonDocument(keys).toJson(QJsonDocument::Compact))}))
        return readError(tr("households"), query.lastError());
    QList<DrillRow> rows;
    rows.reserve(members.size());
    while (query.next()) {
        QStringList address {query.value(3).toString()};
        for (int column : {4, 5}) {
            if (const QString part = query.value(column).toString(); !part.isEmpty())
                address << part;
        }
        const auto status = HouseholdStatusRules::fromName(query.value(8).toString());
        rows.append({QUuid::fromString(query.value(1).toString()), query.value(2).toString(),
                     address.join(QStringLiteral(", ")), query.value(6).toString(),
                     query.value(7).toString(), status.value_or(HouseholdStatus::Identified),
                     amounts.value(query.value(0).toLongLong())});
    }
    if (query.lastError().isValid())
        return readError(tr("households"), query.lastError());
    return rows;
}

} // namespace saferhomes
