#include "localerasure.h"

#include "auditlog.h"
#include "householdsearch.h"
#include "storelog.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace saferhomes {

namespace {

/// The valid UUIDs of \a ids as a JSON array, bound to `json_each(?)`.
QString idArray(const QStringList &ids)
{
    QJsonArray array;
    for (const QString &id : ids) {
        const QUuid uuid = QUuid::fromString(id);
        if (!uuid.isNull())
            array.append(uuid.toString(QUuid::WithoutBraces));
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

const QString kIds = QStringLiteral("(SELECT value FROM json_each(?))");
const QString kOfHouseholds = QStringLiteral("household_id IN ") + kIds;
const QString kRedacted
    = QStringLiteral("(SELECT id FROM redacted_entity WHERE household_id IN %1)").arg(kIds);

/// What both kinds of erasure do: every id whose audit events may hold the households'
/// personal data is remembered, and those events' values are blanked.
QStringList redactAudit()
{
    return {
        QStringLiteral("INSERT OR IGNORE INTO redacted_entity (id, household_id) "
                       "SELECT id, id FROM household WHERE id IN %1 "
                       "UNION ALL SELECT id, household_id FROM resident WHERE %2 "
                       "UNION ALL SELECT id, household_id FROM visit WHERE %2 "
                       "UNION ALL SELECT id, household_id FROM consent WHERE %2 "
                       "UNION ALL SELECT id, household_id FROM attachment WHERE %2 "
                       "UNION ALL SELECT id, household_id FROM survey WHERE %2 "
                       "UNION ALL SELECT id, household_id FROM job WHERE %2")
            .arg(kIds, kOfHouseholds),
        QStringLiteral("UPDATE audit_event SET old_value = NULL, new_value = NULL WHERE "
                       "entity_id IN %1 AND (old_value IS NOT NULL OR new_value IS NOT NULL)")
            .arg(kRedacted),
    };
}

/// An erased household: its refused ops and conflicts hold its values too and can never be
/// sent. (A household that only left the user's areas keeps them: they are the user's own
/// refused edits, listed until the user discards them.)
QStringList blankTombstones(const QString &now)
{
    return {
        QStringLiteral("DELETE FROM outbox WHERE entity_id IN %1").arg(kRedacted),
        QStringLiteral("DELETE FROM sync_conflict WHERE entity_id IN %1").arg(kRedacted),
        QStringLiteral("DELETE FROM resident WHERE %1").arg(kOfHouseholds),
        QStringLiteral("UPDATE visit SET notes = '', reason = '' WHERE %1").arg(kOfHouseholds),
        QStringLiteral("UPDATE consent SET witness = '' WHERE %1").arg(kOfHouseholds),
        QStringLiteral("UPDATE attachment SET bytes = x'' WHERE %1").arg(kOfHouseholds),
        QStringLiteral("UPDATE survey SET answers = '{}', draft_position = '' WHERE %1")
            .arg(kOfHouseholds),
        QStringLiteral("UPDATE recommendation SET reason = '' WHERE survey_id IN "
                       "(SELECT id FROM survey WHERE %1)")
            .arg(kOfHouseholds),
        QStringLiteral("UPDATE job SET notes = '', signed_off_by = '' WHERE %1").arg(kOfHouseholds),
        QStringLiteral("UPDATE job_item SET difference_reason = '' WHERE job_id IN "
                       "(SELECT id FROM job WHERE %1)")
            .arg(kOfHouseholds),
        QStringLiteral("UPDATE household SET uprn = NULL, address_line1 = '[erased]', "
                       "address_line2 = '', town = '', latitude = NULL, longitude = NULL, "
                       "eligibility = '', notes = '', erased_at = coalesce(erased_at, '%1'), "
                       "deleted_at = coalesce(deleted_at, '%1') WHERE id IN %2")
            .arg(now, kIds),
    };
}

/// A household out of scope: its quick-find entry goes first (the index keeps no copy of its
/// text, so it is taken out with the text read from the rows).
QString removeFromIndex()
{
    return QStringLiteral("INSERT INTO household_fts (household_fts, rowid, search_text) "
                          "SELECT 'delete', s.* FROM (")
        + householdSearchTextSelect() + QStringLiteral("WHERE h.id IN %1) s").arg(kIds);
}

/// A household out of scope: then, after its audit trail is blanked, its records and row go.
QStringList removeAll()
{
    QStringList statements {
        QStringLiteral("DELETE FROM job_item WHERE job_id IN (SELECT id FROM job WHERE %1)")
            .arg(kOfHouseholds),
        QStringLiteral("DELETE FROM recommendation WHERE survey_id IN (SELECT id FROM survey "
                       "WHERE %1)")
            .arg(kOfHouseholds),
    };
    for (const char *table : {"consent", "attachment", "survey", "visit", "job", "resident"})
        statements
            << QStringLiteral("DELETE FROM %1 WHERE %2").arg(QLatin1String(table), kOfHouseholds);
    statements << QStringLiteral("DELETE FROM household WHERE id IN %1").arg(kIds);
    return statements;
}

} // namespace

LocalErasure::LocalErasure(QString connectionName)
    : m_connectionName(std::move(connectionName))
{ }

Status LocalErasure::erase(const QStringList &householdIds, Mode mode) const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QStringList statements;
    if (mode == Mode::Remove)
        statements << removeFromIndex();
    statements << redactAudit();
    if (mode == Mode::KeepTombstone)
        statements << blankTombstones(storeTimestamp());
    else
        statements << removeAll();
    const QString ids = idArray(householdIds);
    QSqlQuery query(db);
    for (const QString &statement : std::as_const(statements)) {
        query.prepare(statement);
        for (qsizetype i = statement.count(u'?'); i > 0; --i)
            query.addBindValue(ids);
        if (!query.exec()) {
            return Error::database(tr("cannot remove personal data from %1: %2")
                                       .arg(db.databaseName(), query.lastError().text()));
        }
    }
    return {};
}

Status LocalErasure::scrubFiles() const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    if (!query.exec(
            QStringLiteral("INSERT INTO household_fts (household_fts) VALUES ('optimize')"))) {
        return Error::database(tr("cannot compact the quick-find index of %1: %2")
                                   .arg(db.databaseName(), query.lastError().text()));
    }
    // PRAGMA wal_checkpoint answers (busy, log pages, checkpointed pages). TRUNCATE waits
    // for readers of other connections through the connection's busy timeout and answers
    // busy 1 if they are still there; an active statement of this connection makes it fail
    // outright ("database table is locked"), as waiting would not help.
    if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) || !query.next()) {
        return Error::locked(tr("cannot clear removed personal data from the write-ahead log "
                                "of %1: %2")
                                 .arg(db.databaseName(), query.lastError().text()));
    }
    const int busy = query.value(0).toInt();
    query.finish();
    if (busy != 0) {
        return Error::locked(tr("cannot clear removed personal data from the write-ahead log "
                                "of %1: another connection is reading it")
                                 .arg(db.databaseName()));
    }
    qCDebug(lcStore) << "emptied the write-ahead log of" << db.databaseName();
    return {};
}

} // namespace saferhomes
