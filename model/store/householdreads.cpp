// HouseholdRepository's reads: single households, lists, areas, quick find and status counts.
// The writes (insert, setFields, saveArea) are in householdrepository.cpp.

#include "householdrepository.h"

#include "database.h"
#include "householdsummaryrow.h"
#include "preparedcache.h"
#include "sqlitestatement.h"
#include "sqlvalues.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

using namespace sqlvalues;

namespace {

std::optional<double> toOptionalDouble(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toDouble();
}

/// The ways a word of five or more characters may be a postcode typed without its space
/// ("LE131AB", or "LE131" on the way there): an outward code (A9, A99, AA9, AA99, A9A or
/// AA9A) and the start of an inward code (9, 9A or 9AA), as FTS5 terms for both tokens.
QStringList spacelessPostcode(const QString &word)
{
    static const QRegularExpression outward(QStringLiteral("^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?$"));
    static const QRegularExpression inward(QStringLiteral("^[0-9][A-Za-z]{0,2}$"));
    QStringList splits;
    if (word.size() < 5)
        return splits;
    for (qsizetype at = 2; at <= 4 && at < word.size(); ++at) {
        const QString out = word.left(at);
        const QString in = word.mid(at);
        if (outward.match(out).hasMatch() && inward.match(in).hasMatch())
            splits.append(QStringLiteral("(\"%1\" AND \"%2\"*)").arg(out, in));
    }
    return splits;
}

/// FTS5 query text: every word of \a text as a quoted prefix term, all required; a word that
/// may be a spaceless postcode also matches as one.
QString ftsQuery(const QString &text)
{
    QStringList terms;
    QString word;
    const auto flush = [&] {
        if (word.isEmpty())
            return;
        const QString prefix = QLatin1Char('"') + word + QStringLiteral("\"*");
        const QStringList postcode = spacelessPostcode(word);
        terms.append(
            postcode.isEmpty()
                ? prefix
                : QStringLiteral("(%1 OR %2)").arg(prefix, postcode.join(QStringLiteral(" OR "))));
        word.clear();
    };
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            word.append(c);
        else
            flush();
    }
    flush();
    // Explicit AND: FTS5 takes two terms side by side as both required, but not a term
    // beside a parenthesised group.
    return terms.join(QStringLiteral(" AND "));
}

const QString kSummarySelect = QStringLiteral("SELECT ") + householdsummaryrow::kColumns
    + QStringLiteral(", h.rid ") + householdsummaryrow::kLiveHouseholds;

HouseholdSummary readSummary(const QSqlQuery &query)
{
    HouseholdSummary row = householdsummaryrow::read(query);
    row.localKey = query.value(11).toLongLong();
    return row;
}

const QString kRecordSelect
    = QStringLiteral(
          "SELECT h.id, h.uprn, h.address_line1, h.address_line2, h.town, h.postcode, h.latitude, "
          "h.longitude, h.area_id, a.name, h.eligibility, h.status, h.priority, h.notes, "
          "h.created_at, h.updated_at, r.id, r.name, r.phone, r.email, r.preferred_contact, "
          "r.language, r.access_needs ")
    + householdsummaryrow::kLiveHouseholds;

HouseholdRecord readRecord(const QSqlQuery &query)
{
    HouseholdRecord record;
    Household &h = record.household;
    h.id = QUuid::fromString(query.value(0).toString());
    h.uprn = query.value(1).toString();
    h.addressLine1 = query.value(2).toString();
    h.addressLine2 = query.value(3).toString();
    h.town = query.value(4).toString();
    h.postcode = query.value(5).toString();
    h.latitude = toOptionalDouble(query.value(6));
    h.longitude = toOptionalDouble(query.value(7));
    h.areaId = QUuid::fromString(query.value(8).toString());
    h.areaName = query.value(9).toString();
    h.eligibility = query.value(10).toString().split(QLatin1Char(';'), Qt::SkipEmptyParts);
    h.status = HouseholdStatusRules::fromName(query.value(11).toString())
                   .value_or(HouseholdStatus::Identified);
    h.priority = query.value(12).toInt();
    h.notes = query.value(13).toString();
    h.createdAt = QDateTime::fromString(query.value(14).toString(), Qt::ISODateWithMs);
    h.updatedAt = QDateTime::fromString(query.value(15).toString(), Qt::ISODateWithMs);
    Resident &r = record.resident;
    r.id = QUuid::fromString(query.value(16).toString());
    r.householdId = h.id;
    r.name = query.value(17).toString();
    r.phone = query.value(18).toString();
    r.email = query.value(19).toString();
    r.preferredContact = query.value(20).toString();
    r.language = query.value(21).toString();
    r.accessNeeds = query.value(22).toString();
    return record;
}

} // namespace

Result<int> HouseholdRepository::count() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT count(*) FROM household WHERE deleted_at IS NULL"))
        || !query.next())
        return readError(tr("households"), query.lastError());
    return query.value(0).toInt();
}

Result<QList<HouseholdSummary>> HouseholdRepository::summaries() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    QList<HouseholdSummary> rows;
    if (!query.exec(kSummarySelect))
        return readError(tr("households"), query.lastError());
    while (query.next())
        rows.append(readSummary(query));
    if (query.lastError().isValid())
        return readError(tr("households"), query.lastError());
    return rows;
}

template<typename Row>
Result<Row> HouseholdRepository::readOne(const QString &sql, const QUuid &id,
                                         Row (*readRow)(const QSqlQuery &)) const
{
    const PreparedCache::Read read = m_prepared.read(m_connectionName, sql);
    QSqlQuery &query = read.query;
    query.addBindValue(uuidText(id));
    if (!read.prepared || !query.exec())
        return readError(tr("a household"), query.lastError());
    if (!query.next()) {
        if (query.lastError().isValid())
            return readError(tr("a household"), query.lastError());
        return Error::notFound(tr("no such household"));
    }
    return readRow(query);
}

Result<HouseholdSummary> HouseholdRepository::summary(const QUuid &id) const
{
    // Every doorstep step reads it: kept prepared (20% of a demo fill was compiling it).
    static const QString sql = kSummarySelect + QStringLiteral(" AND h.id = ?");
    return readOne(sql, id, readSummary);
}

Result<HouseholdRecord> HouseholdRepository::find(const QUuid &id) const
{
    static const QString sql = kRecordSelect + QStringLiteral(" AND h.id = ?");
    return readOne(sql, id, readRecord);
}

Result<QList<HouseholdRecord>> HouseholdRepository::all(const Progress &progress) const
{
    const Result<int> total = count();
    if (!total)
        return total.error();
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    QList<HouseholdRecord> records;
    records.reserve(*total);
    if (!query.exec(kRecordSelect + QStringLiteral(" ORDER BY h.rid")))
        return readError(tr("households"), query.lastError());
    while (query.next()) {
        records.append(readRecord(query));
        if (progress && records.size() % 1000 == 0 && !progress(records.size(), *total))
            return Error::cancelled(tr("cancelled"));
    }
    if (query.lastError().isValid())
        return readError(tr("households"), query.lastError());
    return records;
}

Result<QUuid> HouseholdRepository::findByUprn(const QString &uprn) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT id FROM household WHERE uprn = ?"));
    query.addBindValue(uprn);
    if (!query.exec())
        return readError(tr("households by UPRN"), query.lastError());
    if (!query.next()) {
        if (query.lastError().isValid())
            return readError(tr("households by UPRN"), query.lastError());
        return Error::notFound(tr("no household has UPRN %1").arg(uprn));
    }
    return QUuid::fromString(query.value(0).toString());
}

Result<QSet<QString>> HouseholdRepository::existingUprns() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    QSet<QString> uprns;
    if (!query.exec(QStringLiteral("SELECT uprn FROM household WHERE uprn IS NOT NULL")))
        return readError(tr("the UPRNs already in the register"), query.lastError());
    while (query.next())
        uprns.insert(query.value(0).toString());
    if (query.lastError().isValid())
        return readError(tr("the UPRNs already in the register"), query.lastError());
    return uprns;
}

Result<QSet<QUuid>> HouseholdRepository::existingIds() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    QSet<QUuid> ids;
    if (!query.exec(QStringLiteral("SELECT id FROM household")))
        return readError(tr("the household ids already in the register"), query.lastError());
    while (query.next())
        ids.insert(QUuid::fromString(query.value(0).toString()));
    if (query.lastError().isValid())
        return readError(tr("the household ids already in the register"), query.lastError());
    return ids;
}

Result<QList<Area>> HouseholdRepository::areas() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QList<Area> result;
    if (!query.exec(
            QStringLiteral("SELECT id, name, target_homes, budget_pence FROM area ORDER BY name")))
        return readError(tr("areas"), query.lastError());
    while (query.next()) {
        result.append(Area {QUuid::fromString(query.value(0).toString()), query.value(1).toString(),
                            query.value(2).toInt(), query.value(3).toLongLong()});
    }
    if (query.lastError().isValid())
        return readError(tr("areas"), query.lastError());
    return result;
}

Result<TransitionContext> HouseholdRepository::transitionContext(const QUuid &id) const
{
    const PreparedCache::Read read = m_prepared.read(
        m_connectionName,
        QStringLiteral("SELECT coalesce(sum(status IN ('tentative', 'scheduled')), 0), "
                       "coalesce(sum(status = 'completed'), 0) FROM job WHERE household_id = ?"));
    QSqlQuery &query = read.query;
    query.addBindValue(uuidText(id));
    if (!read.prepared || !query.exec() || !query.next())
        return readError(tr("the household's jobs"), query.lastError());
    TransitionContext context;
    context.hasActiveJob = query.value(0).toInt() > 0;
    context.hasCompletedJob = query.value(1).toInt() > 0;
    return context;
}

Result<QList<qint64>> HouseholdRepository::quickFind(const QString &text) const
{
    QList<qint64> ids;
    const QString match = ftsQuery(text);
    if (match.isEmpty())
        return ids;
    // A one-letter prefix matches most households: read their keys straight from SQLite
    // rather than through a QVariant each.
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    SqliteStatement query(db,
                          "SELECT rowid FROM household_fts WHERE household_fts MATCH ? "
                          "ORDER BY rowid");
    const auto failed = [&](const Error &error) {
        return error.within(
            tr("%1: cannot read %2").arg(db.databaseName(), tr("the quick-find index")));
    };
    if (const Status prepared = query.prepared(); !prepared)
        return failed(prepared.error());
    query.bind(1, match);
    for (;;) {
        const Result<bool> row = query.step();
        if (!row)
            return failed(row.error());
        if (!*row)
            break;
        ids.append(query.int64(0));
    }
    return ids;
}

Result<StatusCounts> HouseholdRepository::statusCounts() const
{
    StatusCounts counts;
    for (HouseholdStatus status : HouseholdStatusRules::all())
        counts.byStatus.insert(status, 0);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral(
            "SELECT status, count(*) FROM household WHERE deleted_at IS NULL GROUP BY status")))
        return readError(tr("households"), query.lastError());
    while (query.next()) {
        if (const auto status = HouseholdStatusRules::fromName(query.value(0).toString()))
            counts.byStatus[*status] = query.value(1).toInt();
    }
    if (query.lastError().isValid())
        return readError(tr("households"), query.lastError());
    if (!query.exec(QStringLiteral(
            "SELECT a.name, count(h.id), "
            "coalesce(sum(h.status IN ('installed', 'followed_up')), 0), a.target_homes "
            "FROM area a LEFT JOIN household h ON h.area_id = a.id AND h.deleted_at IS NULL "
            "GROUP BY a.id ORDER BY a.name")))
        return readError(tr("areas"), query.lastError());
    while (query.next()) {
        StatusCounts::AreaRow row {query.value(0).toString(), query.value(1).toInt(),
                                   query.value(2).toInt(), query.value(3).toInt()};
        counts.target += row.target;
        counts.byArea.append(row);
    }
    if (query.lastError().isValid())
        return readError(tr("areas"), query.lastError());
    if (!query.exec(QStringLiteral(
            "SELECT count(*), coalesce(sum(status IN ('installed', 'followed_up')), 0) "
            "FROM household WHERE area_id IS NULL AND deleted_at IS NULL"))
        || !query.next())
        return readError(tr("households"), query.lastError());
    if (query.value(0).toInt() > 0) {
        counts.byArea.append({tr("Unassigned"), query.value(0).toInt(), query.value(1).toInt(), 0});
    }
    return counts;
}

} // namespace saferhomes
