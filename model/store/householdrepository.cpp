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
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <thread>

namespace saferhomes {

using namespace sqlvalues;

namespace {

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

} // namespace

HouseholdRepository::HouseholdRepository(const Database &database, QString userName)
    : Repository(database, std::move(userName))
{ }

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
                const Status rule = rows.append(records[i], uuids);
                if (!rule) {
                    broken = tr("household %1 of %2 (\u201c%3\u201d): %4")
                                 .arg(i + 1)
                                 .arg(total)
                                 .arg(records[i].household.addressLine1, rule.error().message);
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
    if (records.isEmpty())
        return {};
    const Status inserted = insertRows(records.size(), encode, createdAreas, progress, source);
    if (inserted || broken.isEmpty())
        return inserted;
    return Error::invalid(broken);
}

Status HouseholdRepository::insertRows(qint64 expectedRows,
                                       const std::function<bool(HouseholdRowHandover &)> &make,
                                       QStringList *createdAreas, const Progress &progress,
                                       const HouseholdBatchSource &source)
{
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
    if (!db.transaction())
        return Database::sqlError(db.databaseName(), tr("cannot start writing"), db.lastError());
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
        if (written && progress && !progress(rows->progressDone, rows->progressTotal))
            written = Error::cancelled(tr("cancelled"));
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
        return written.error();
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
        return writeError(tr("the household"), db.lastError());
    const auto rollback = [&](const Error &error) {
        db.rollback();
        return Status(error);
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
    AuditLog audit(m_connectionName, m_userName, m_device);
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
        return writeError(tr("the area"), db.lastError());
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
        return error;
    }
    AuditLog audit(m_connectionName, m_userName, m_device);
    if (const Status recorded
        = audit.record(QStringLiteral("area"), area.name, QStringLiteral("target_homes"), {},
                       area.targetHomes, now);
        !recorded) {
        db.rollback();
        return recorded.error();
    }
    if (!db.commit()) {
        const Error error = writeError(tr("the area"), db.lastError());
        db.rollback();
        return error;
    }
    return {};
}

} // namespace saferhomes
