// DashboardStore: the figures counted in SQL under the dashboard's filter (statuses, items,
// declines, outstanding jobs, data quality), the households behind them and the drill-down
// rows. The facts DashboardSnapshot holds in memory are read in dashboardfacts.cpp.

#include "store/dashboardstore.h"

#include "store/dashboardstore_p.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <utility>

namespace saferhomes {

using dashboardsql::kItemSpend;

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

Status DashboardStore::eachRow(const QString &what, const QString &sql, const QVariantList &values,
                               const std::function<void(const QSqlQuery &)> &row) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!run(query, sql, values))
        return readError(what, query.lastError());
    while (query.next())
        row(query);
    if (query.lastError().isValid())
        return readError(what, query.lastError());
    return {};
}

Result<QHash<HouseholdStatus, int>>
DashboardStore::statusCounts(const DashboardFilter &filter) const
{
    const Where where = households(filter);
    QHash<QString, int> byName;
    const Status read = eachRow(
        tr("household statuses"),
        QStringLiteral("SELECT h.status, count(*) FROM household h WHERE%1 GROUP BY h.status")
            .arg(where.sql),
        where.values,
        [&](const QSqlQuery &q) { byName.insert(q.value(0).toString(), q.value(1).toInt()); });
    if (!read)
        return read.error();
    QHash<HouseholdStatus, int> counts;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
        const auto status = HouseholdStatusRules::fromName(it.key());
        if (!status)
            return unknownStatus(it.key());
        counts[*status] = it.value();
    }
    return counts;
}

Result<QList<DashboardStore::Completion>> DashboardStore::completions(const DashboardFilter &filter,
                                                                      const QString &before) const
{
    Where where {QStringLiteral(" j.status = 'completed' AND j.completed_at < ? AND"), {before}};
    where += jobs(filter);
    const QString sql = QStringLiteral(
        "SELECT h.rid, coalesce(h.area_id, ''), j.completed_at, "
        "(SELECT coalesce(sum(%2), 0) FROM job_item i "
        " JOIN equipment_type e ON e.code = i.equipment_code WHERE i.job_id = j.id), "
        "(SELECT min(s.completed_at) FROM survey s WHERE s.household_id = h.id "
        " AND s.completed_at IS NOT NULL) "
        "FROM job j JOIN household h ON h.id = j.household_id WHERE%1 ORDER BY j.completed_at");
    QList<Completion> completions;
    const Status read
        = eachRow(tr("completed jobs"), sql.arg(where.sql, QLatin1String(kItemSpend)), where.values,
                  [&](const QSqlQuery &q) {
                      completions.append({q.value(0).toLongLong(), q.value(1).toString(),
                                          q.value(2).toString(), q.value(3).toLongLong(),
                                          q.value(4).toString()});
                  });
    if (!read)
        return read.error();
    return completions;
}

Result<QList<DashboardArea>> DashboardStore::areas(const DashboardFilter &filter) const
{
    QVariantList values;
    QString sql = QStringLiteral("SELECT id, name, target_homes FROM area");
    if (!filter.areaId.isEmpty()) {
        sql += QStringLiteral(" WHERE id = ?");
        values << filter.areaId;
    }
    QList<DashboardArea> areas;
    const Status read = eachRow(
        tr("areas"), sql + QStringLiteral(" ORDER BY name"), values, [&](const QSqlQuery &q) {
            areas.append({q.value(0).toString(), q.value(1).toString(), 0, q.value(2).toInt()});
        });
    if (!read)
        return read.error();
    return areas;
}

Result<QHash<int, qint64>> DashboardStore::budgets(const DashboardFilter &filter, int firstYear,
                                                   int lastYear) const
{
    QVariantList values {firstYear, lastYear};
    QString sql = QStringLiteral("SELECT financial_year, sum(capital_pence + revenue_pence) "
                                 "FROM area_budget WHERE financial_year BETWEEN ? AND ?");
    if (!filter.areaId.isEmpty()) {
        sql += QStringLiteral(" AND area_id = ?");
        values << filter.areaId;
    }
    QHash<int, qint64> budgets;
    const Status read = eachRow(
        tr("budgets"), sql + QStringLiteral(" GROUP BY financial_year"), values,
        [&](const QSqlQuery &q) { budgets.insert(q.value(0).toInt(), q.value(1).toLongLong()); });
    if (!read)
        return read.error();
    return budgets;
}

Result<QList<DashboardBar>> DashboardStore::itemsFitted(const DashboardFilter &filter,
                                                        const Span &span) const
{
    Where where {{}, {span.from, span.to}};
    where += jobs(filter);
    const QString sql = QStringLiteral(
        "SELECT i.equipment_code, e.name, sum(i.fitted_qty) FROM job_item i "
        "JOIN equipment_type e ON e.code = i.equipment_code JOIN job j ON j.id = i.job_id "
        "JOIN household h ON h.id = j.household_id WHERE i.fitted_qty > 0 "
        "AND j.status = 'completed' AND j.completed_at >= ? AND j.completed_at < ? AND%1 "
        "GROUP BY i.equipment_code ORDER BY 3 DESC, 1");
    QList<DashboardBar> bars;
    const Status read
        = eachRow(tr("items fitted"), sql.arg(where.sql), where.values, [&](const QSqlQuery &q) {
              bars.append({q.value(1).toString(),
                           q.value(2).toLongLong(),
                           {FigureRef::Kind::ItemsFitted, q.value(0).toString()}});
          });
    if (!read)
        return read.error();
    return bars;
}

Result<QList<DashboardBar>> DashboardStore::declines(const DashboardFilter &filter,
                                                     const Span &span) const
{
    Where where {{}, {span.from, span.to}};
    where += households(filter);
    const QString sql
        = QStringLiteral("SELECT v.reason, count(DISTINCT h.rid) FROM visit v "
                         "JOIN household h ON h.id = v.household_id WHERE v.outcome = 'declined' "
                         "AND v.at >= ? AND v.at < ? AND%1 GROUP BY v.reason ORDER BY 2 DESC, 1");
    QList<DashboardBar> bars;
    const Status read
        = eachRow(tr("declines"), sql.arg(where.sql), where.values, [&](const QSqlQuery &q) {
              bars.append(declineBar(q.value(0).toString(), q.value(1).toLongLong()));
          });
    if (!read)
        return read.error();
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
    Quality quality;
    const Status read = eachRow(tr("data quality"),
                                QStringLiteral("SELECT coalesce(sum(h.latitude IS NULL), 0), "
                                               "coalesce(sum(h.uprn IS NULL), 0) FROM household h "
                                               "WHERE%1")
                                    .arg(where.sql),
                                where.values, [&](const QSqlQuery &q) {
                                    quality.noCoordinates = q.value(0).toInt();
                                    quality.noUprn = q.value(1).toInt();
                                });
    if (!read)
        return read.error();
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
    QList<Member> members;
    const Status read
        = eachRow(tr("the households behind a figure"), query.first.arg(query.second.sql),
                  query.second.values, [&](const QSqlQuery &q) {
                      members.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
                  });
    if (!read)
        return read.error();
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
    const QString sql = QStringLiteral(
        "SELECT h.rid, h.id, coalesce(h.uprn, ''), h.address_line1, h.address_line2, h.town, "
        "h.postcode, coalesce(a.name, ''), h.status FROM household h "
        "LEFT JOIN area a ON a.id = h.area_id "
        "WHERE h.rid IN (SELECT value FROM json_each(?)) "
        "ORDER BY h.postcode, h.address_line1, h.rid");
    QList<DrillRow> rows;
    rows.reserve(members.size());
    const Status read = eachRow(
        tr("households"), sql,
        {QString::fromUtf8(QJsonDocument(keys).toJson(QJsonDocument::Compact))},
        [&](const QSqlQuery &q) {
            QStringList address {q.value(3).toString()};
            for (int column : {4, 5}) {
                if (const QString part = q.value(column).toString(); !part.isEmpty())
                    address << part;
            }
            const auto status = HouseholdStatusRules::fromName(q.value(8).toString());
            rows.append({QUuid::fromString(q.value(1).toString()), q.value(2).toString(),
                         address.join(QStringLiteral(", ")), q.value(6).toString(),
                         q.value(7).toString(), status.value_or(HouseholdStatus::Identified),
                         amounts.value(q.value(0).toLongLong())});
        });
    if (!read)
        return read.error();
    return rows;
}

Error DashboardStore::unknownStatus(const QString &name)
{
    return Error::database(tr("a household has the unknown status \u201c%1\u201d").arg(name));
}

DashboardBar DashboardStore::declineBar(const QString &reason, qint64 households)
{
    return {reason.isEmpty() ? tr("No reason given") : reason,
            households,
            {FigureRef::Kind::Declines, reason}};
}

Result<qint64> DashboardStore::dataVersion() const
{
    qint64 version = 0;
    const Status read = eachRow(tr("the database's version"), QStringLiteral("PRAGMA data_version"),
                                {}, [&](const QSqlQuery &q) { version = q.value(0).toLongLong(); });
    if (!read)
        return read.error();
    return version;
}

} // namespace saferhomes
