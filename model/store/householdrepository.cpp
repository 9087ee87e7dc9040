#include "householdrepository.h"

#include "arearesolver.h"
#include "auditlog.h"
#include "database.h"
#include "domain/uuidgenerator.h"
#include "handover.h"
#include "householdbatchinsert.h"
#include "householdrows.h"
#include "householdsearch.h"
#include "outbox.h"
#include "solewritermode.h"
#include "sqlitestatement.h"
#include "sqlvalues.h"
#include "storelog.h"
#include "undoguard.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <thread>

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

/// Batches at least this large are written in SoleWriterMode when they can be.
constexpr qsizetype kSoleWriterRows = 10000;

const char *columnFor(HouseholdField field)
{
    switch (field) {
    case HouseholdField::Uprn: return "uprn";
    case HouseholdField::AddressLine1: return "address_line1";
    case HouseholdField::AddressLine2: return "address_line2";
    case HouseholdField::Town: return "town";
    case HouseholdField::Postcode: return "postcode";
    case HouseholdField::Area: return "area_id";
    case HouseholdField::Latitude: return "latitude";
    case HouseholdField::Longitude: return "longitude";
    case HouseholdField::Eligibility: return "eligibility";
    case HouseholdField::Status: return "status";
    case HouseholdField::Priority: return "priority";
    case HouseholdField::Notes: return "notes";
    case HouseholdField::ResidentName: return "name";
    case HouseholdField::Phone: return "phone";
    case HouseholdField::Email: return "email";
    }
    return "";
}

const QString kSummarySelect = QStringLiteral(
    "SELECT h.id, h.uprn, h.address_line1, h.address_line2, h.town, h.postcode, a.name, "
    "r.name, h.status, h.priority, h.updated_at, h.rid FROM household h "
    "LEFT JOIN area a ON a.id = h.area_id "
    "LEFT JOIN resident r ON r.household_id = h.id AND r.is_primary = 1 "
    "WHERE h.deleted_at IS NULL");

HouseholdSummary readSummary(const QSqlQuery &query)
{
    HouseholdSummary row;
    row.id = QUuid::fromString(query.value(0).toString());
    row.uprn = query.value(1).toString();
    row.addressLine1 = query.value(2).toString();
    row.addressLine2 = query.value(3).toString();
    row.town = query.value(4).toString();
    row.postcode = query.value(5).toString();
    row.areaName = query.value(6).toString();
    row.residentName = query.value(7).toString();
    row.status = HouseholdStatusRules::fromName(query.value(8).toString())
                     .value_or(HouseholdStatus::Identified);
    row.priority = query.value(9).toInt();
    row.updatedAt = QDateTime::fromString(query.value(10).toString(), Qt::ISODateWithMs);
    row.localKey = query.value(11).toLongLong();
    return row;
}

const QString kRecordSelect = QStringLiteral(
    "SELECT h.id, h.uprn, h.address_line1, h.address_line2, h.town, h.postcode, h.latitude, "
    "h.longitude, h.area_id, a.name, h.eligibility, h.status, h.priority, h.notes, "
    "h.created_at, h.updated_at, r.id, r.name, r.phone, r.email, r.preferred_contact, "
    "r.language, r.access_needs FROM household h "
    "LEFT JOIN area a ON a.id = h.area_id "
    "LEFT JOIN resident r ON r.household_id = h.id AND r.is_primary = 1 "
    "WHERE h.deleted_at IS NULL");

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

HouseholdRepository::HouseholdRepository(const Database &database, QString userName)
    : Repository(database, std::move(userName))
{ }

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

Result<HouseholdSummary> HouseholdRepository::summary(const QUuid &id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(kSummarySelect + QStringLiteral(" AND h.id = ?"));
    query.addBindValue(uuidText(id));
    if (!query.exec())
        return readError(tr("a household"), query.lastError());
    if (!query.next()) {
        if (query.lastError().isValid())
            return readError(tr("a household"), query.lastError());
        return Error::notFound(tr("no such household"));
    }
    return readSummary(query);
}

Result<HouseholdRecord> HouseholdRepository::find(const QUuid &id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(kRecordSelect + QStringLiteral(" AND h.id = ?"));
    query.addBindValue(uuidText(id));
    if (!query.exec())
        return readError(tr("a household"), query.lastError());
    if (!query.next()) {
        if (query.lastError().isValid())
            return readError(tr("a household"), query.lastError());
        return Error::notFound(tr("no such household"));
    }
    return readRecord(query);
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
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(
        QStringLiteral("SELECT coalesce(sum(status IN ('tentative', 'scheduled')), 0), "
                       "coalesce(sum(status = 'completed'), 0) FROM job WHERE household_id = ?"));
    query.addBindValue(uuidText(id));
    if (!query.exec() || !query.next())
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

Status HouseholdRepository::insert(const QList<HouseholdRecord> &records, QStringList *createdAreas,
                                   const Progress &progress, const HouseholdBatchSource &source)
{
    QString broken;
    const auto encode = [&records, &broken](HouseholdRowHandover &handover) {
        UuidGenerator uuids;
        const qsizetype total = records.size();
        for (qsizetype first = 0; first < total; first += kHouseholdRowsBatch) {
            HouseholdRows rows;
            const qsizetype end = std::min(total, first + kHouseholdRowsBatch);
            rows.reserve(end - first);
            for (qsizetype i = first; i < end; ++i) {
                const QString rule = rows.append(records[i], uuids);
                if (!rule.isEmpty()) {
                    broken = tr("household %1 of %2 (\u201c%3\u201d): %4")
                                 .arg(i + 1)
                                 .arg(total)
                                 .arg(records[i].household.addressLine1, rule);
                    return false;
                }
            }
            rows.progressDone = end;
            rows.progressTotal = total;
            if (!handover.put(std::move(rows)))
                return false;
        }
        return true;
    };
    if (records.isEmpty()) {
        m_cancelled = false;
        return {};
    }
    const Status inserted = insertRows(records.size(), encode, createdAreas, progress, source);
    if (inserted || broken.isEmpty())
        return inserted;
    return failed(Error::invalid(broken));
}

Status HouseholdRepository::failed(Error error)
{
    m_error = error.message;
    return error;
}

Status HouseholdRepository::insertRows(qint64 expectedRows,
                                       const std::function<bool(HouseholdRowHandover &)> &make,
                                       QStringList *createdAreas, const Progress &progress,
                                       const HouseholdBatchSource &source)
{
    m_cancelled = false;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    // Row by row, SQLite evaluates every CHECK constraint and looks up every foreign key:
    // half the time of writing 100k households' rows (the status IN list alone about a
    // microsecond a row). Switch both off for this connection (foreign keys only outside a
    // transaction): HouseholdRows checked every value against the same rules when it encoded
    // it, on the maker's thread, and the batch makes the keys it refers to (its households,
    // and areas through AreaResolver).
    QSqlQuery pragma(db);
    pragma.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    pragma.exec(QStringLiteral("PRAGMA ignore_check_constraints = ON"));
    const auto restoreChecks = qScopeGuard([&pragma] {
        pragma.exec(QStringLiteral("PRAGMA ignore_check_constraints = OFF"));
        pragma.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    });
    std::optional<SoleWriterMode> soleWriter;
    if (expectedRows >= kSoleWriterRows)
        soleWriter.emplace(m_connectionName);
    if (!db.transaction()) {
        return failed(
            Database::sqlError(db.databaseName(), tr("cannot start writing"), db.lastError()));
    }
    QElapsedTimer timer;
    timer.start();

    // The maker encodes the next batch on its own thread while this one writes the last.
    HouseholdRowHandover handover(4);
    bool made = false;
    std::thread maker([&make, &handover, &made] {
        made = make(handover);
        handover.finish();
    });
    HouseholdBatchInsert batch(m_connectionName, m_userName, m_device);
    Status written = batch.begin(createdAreas);
    while (written) {
        const std::optional<HouseholdRows> rows = handover.take();
        if (!rows)
            break;
        written = batch.write(*rows);
        if (written && progress && !progress(rows->progressDone, rows->progressTotal)) {
            m_cancelled = true;
            written = Error::cancelled(tr("cancelled"));
        }
    }
    if (!written)
        handover.cancel();
    maker.join();
    if (written && !made)
        written = Error::invalid(tr("nothing was written"));
    if (written)
        written = batch.finish(source);
    if (written && !db.commit()) {
        written = Database::sqlError(db.databaseName(), tr("cannot save the households"),
                                     db.lastError());
    }
    if (!written) {
        db.rollback();
        if (createdAreas)
            createdAreas->clear();
        return failed(written.error());
    }
    qCDebug(lcStore) << "inserted" << batch.written() << "households in" << timer.elapsed() << "ms";
    if (progress)
        progress(expectedRows, expectedRows);
    return {};
}

Status HouseholdRepository::setFields(const QUuid &id,
                                      const QList<std::pair<HouseholdField, QString>> &changes,
                                      QStringList *createdAreas, QStringList *keptByPull)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return failed(writeError(tr("the household"), db.lastError()));
    const auto rollback = [&](const Error &error) {
        db.rollback();
        return failed(error);
    };
    Result<HouseholdRecord> current = find(id);
    if (!current)
        return rollback(current.error());

    const QString now = storeTimestamp();
    const QString idText = uuidText(id);
    if (keptByPull) {
        // Checked in this transaction: a pull cannot slip in between the check and the write.
        const UndoGuard guard(db, now);
        for (const auto &[field, value] : changes) {
            const QString name = HouseholdFields::name(field);
            const QString old
                = HouseholdFields::value(current->household, current->resident, field);
            const Result<bool> pulled
                = old == value ? false : guard.changedByPull(idText, name, old);
            if (!pulled)
                return rollback(pulled.error());
            if (!*pulled)
                continue;
            if (const Status recorded = guard.recordConflict(idText, name, value, old); !recorded)
                return rollback(recorded.error());
            keptByPull->append(name);
        }
        if (!keptByPull->isEmpty()) {
            if (!db.commit())
                return rollback(writeError(tr("the sync conflicts"), db.lastError()));
            return {};
        }
    }
    AuditLog audit(m_prepared, m_connectionName, m_userName, m_device);
    AreaResolver areas(m_connectionName, audit);
    const auto statement = [this](const QString &sql) -> QSqlQuery & {
        return m_prepared.statement(m_connectionName, sql).query;
    };
    // The quick-find table keeps no copy of its text, so removing the old entry needs the
    // old text: read it before changing anything.
    QSqlQuery &search = statement(householdSearchTextSelect() + QStringLiteral("WHERE h.id = ?"));
    search.addBindValue(idText);
    if (!search.exec())
        return rollback(readError(tr("the quick-find index"), search.lastError()));
    if (!search.next()) {
        return rollback(search.lastError().isValid()
                            ? readError(tr("the quick-find index"), search.lastError())
                            : Error::notFound(tr("there is no such household")));
    }
    const qint64 searchRowid = search.value(0).toLongLong();
    const QString oldSearchText = search.value(1).toString();
    search.finish();
    bool changed = false;
    QJsonObject outboxChanges; // {field: [old, new]}, the sync's update op
    QList<std::pair<QString, QVariant>> householdColumns;
    QList<std::pair<QString, QVariant>> residentColumns;
    for (const auto &[field, value] : changes) {
        const QString old = HouseholdFields::value(current->household, current->resident, field);
        if (old == value)
            continue;
        QVariant stored = notNull(value);
        if (field == HouseholdField::Area) {
            const auto areaId = areas.resolve(value, now, createdAreas);
            if (!areaId)
                return rollback(areaId.error());
            stored = *areaId;
        } else if (field == HouseholdField::Uprn) {
            stored = nullIfEmpty(value);
        } else if (field == HouseholdField::Latitude || field == HouseholdField::Longitude) {
            stored = value.isEmpty() ? QVariant(QMetaType::fromType<double>())
                                     : QVariant(value.toDouble());
        } else if (field == HouseholdField::Priority) {
            stored = value.toInt();
        }

        const QString column = QString::fromLatin1(columnFor(field));
        if (HouseholdFields::isResidentField(field))
            residentColumns.append({column, stored});
        else
            householdColumns.append({column, stored});
        if (const Status recorded
            = audit.record(QStringLiteral("household"), idText, HouseholdFields::name(field),
                           nullIfEmpty(old), nullIfEmpty(value), now);
            !recorded)
            return rollback(recorded.error());
        outboxChanges.insert(HouseholdFields::name(field), QJsonArray {old, value});
        changed = true;
    }
    // One UPDATE per table, so that rules spanning columns (latitude with longitude) see
    // the whole change at once.
    if (!householdColumns.isEmpty()) {
        QStringList assignments;
        for (const auto &[column, value] : std::as_const(householdColumns))
            assignments.append(column + QStringLiteral(" = ?"));
        QSqlQuery &query = statement(QStringLiteral("UPDATE household SET %1 WHERE id = ?")
                                         .arg(assignments.join(QStringLiteral(", "))));
        for (const auto &[column, value] : std::as_const(householdColumns))
            query.addBindValue(value);
        query.addBindValue(idText);
        if (!query.exec())
            return rollback(writeError(tr("the household table"), query.lastError()));
    }
    if (!residentColumns.isEmpty()) {
        if (current->resident.id.isNull()) {
            current->resident.id = QUuid::createUuid();
            QSqlQuery &query
                = statement(QStringLiteral("INSERT INTO resident (id, household_id, is_primary, "
                                           "created_at) VALUES (?, ?, 1, ?)"));
            query.addBindValue(uuidText(current->resident.id));
            query.addBindValue(idText);
            query.addBindValue(now);
            if (!query.exec())
                return rollback(writeError(tr("the resident table"), query.lastError()));
            const QJsonObject resident {
                {QStringLiteral("household_id"), idText},
                {QStringLiteral("is_primary"), true},
                {QStringLiteral("created_at"), now},
            };
            if (const Status appended = appendOutboxOp(m_prepared, db, QStringLiteral("resident"),
                                                       uuidText(current->resident.id),
                                                       QStringLiteral("create"), resident, now);
                !appended)
                return rollback(appended.error());
        }
        QStringList assignments;
        for (const auto &[column, value] : std::as_const(residentColumns))
            assignments.append(column + QStringLiteral(" = ?"));
        QSqlQuery &query = statement(QStringLiteral("UPDATE resident SET %1 WHERE id = ?")
                                         .arg(assignments.join(QStringLiteral(", "))));
        for (const auto &[column, value] : std::as_const(residentColumns))
            query.addBindValue(value);
        query.addBindValue(uuidText(current->resident.id));
        if (!query.exec())
            return rollback(writeError(tr("the resident table"), query.lastError()));
    }
    if (changed) {
        QSqlQuery &updated
            = statement(QStringLiteral("UPDATE household SET updated_at = ? WHERE id = ?"));
        updated.addBindValue(now);
        updated.addBindValue(idText);
        if (!updated.exec())
            return rollback(writeError(tr("the household table"), updated.lastError()));
        QSqlQuery &unindex
            = statement(QStringLiteral("INSERT INTO household_fts (household_fts, rowid, "
                                       "search_text) VALUES ('delete', ?, ?)"));
        unindex.addBindValue(searchRowid);
        unindex.addBindValue(oldSearchText);
        if (!unindex.exec())
            return rollback(writeError(tr("the quick-find index"), unindex.lastError()));
        QSqlQuery &index
            = statement(QStringLiteral("INSERT INTO household_fts (rowid, search_text) ")
                        + householdSearchTextSelect() + QStringLiteral("WHERE h.id = ?"));
        index.addBindValue(idText);
        if (!index.exec())
            return rollback(writeError(tr("the quick-find index"), index.lastError()));
        if (const Status appended
            = appendOutboxOp(m_prepared, db, QStringLiteral("household"), idText,
                             QStringLiteral("update"), outboxChanges, now);
            !appended)
            return rollback(appended.error());
    }
    if (!db.commit())
        return rollback(writeError(tr("the household"), db.lastError()));
    return {};
}

Status HouseholdRepository::saveArea(const Area &area)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return failed(writeError(tr("the area"), db.lastError()));
    const QString now = storeTimestamp();
    const QString id = uuidText(area.id.isNull() ? QUuid::createUuid() : area.id);
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO area (id, name, target_homes, budget_pence, created_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
        "target_homes = excluded.target_homes, budget_pence = excluded.budget_pence"));
    query.addBindValue(id);
    query.addBindValue(area.name);
    query.addBindValue(area.targetHomes);
    query.addBindValue(area.budgetPence);
    query.addBindValue(now);
    if (!query.exec()) {
        const Error error = writeError(tr("the area table"), query.lastError());
        db.rollback();
        return failed(error);
    }
    AuditLog audit(m_connectionName, m_userName, m_device);
    if (const Status recorded
        = audit.record(QStringLiteral("area"), area.name, QStringLiteral("target_homes"), {},
                       area.targetHomes, now);
        !recorded) {
        db.rollback();
        return failed(recorded.error());
    }
    if (!db.commit()) {
        const Error error = writeError(tr("the area"), db.lastError());
        db.rollback();
        return failed(error);
    }
    return {};
}

} // namespace saferhomes
