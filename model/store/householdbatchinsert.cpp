#include "householdbatchinsert.h"

#include "arearesolver.h"
#include "auditlog.h"
#include "domain/uuidgenerator.h"
#include "householdsearch.h"
#include "sqlitestatement.h"
#include "sqlvalues.h"
#include "storelog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace saferhomes {

using namespace sqlvalues;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HouseholdBatchInsert", text);
}

/// Many rows into one table: kBlockRows of them to a statement spare SQLite most of its
/// per-statement work; the rows that do not fill a last block go one to a statement.
class RowInserter {
public:
    static constexpr int kBlockRows = 16;

    RowInserter(const QSqlDatabase &db, const char *head, const char *values, int columns,
                qint64 rows)
        : m_block(db, blockSql(head, values).constData())
        , m_single(db, QByteArray(head).append(values).constData())
        , m_columns(columns)
        , m_blockRows(rows - rows % kBlockRows)
    { }

    bool isValid() const { return m_block.isValid() && m_single.isValid(); }
    QString errorString() const { return m_block.errorString() + m_single.errorString(); }

    /// The statement that takes the next row; bind its columns at offset() + 1, + 2, ...
    SqliteStatement &statement() { return m_row < m_blockRows ? m_block : m_single; }
    int offset() const { return m_row < m_blockRows ? int(m_row % kBlockRows) * m_columns : 0; }

    /// Call once the row is bound: runs the statement when it has all its rows.
    bool rowBound()
    {
        SqliteStatement &statement = this->statement();
        ++m_row;
        if (m_row <= m_blockRows && m_row % kBlockRows != 0)
            return true;
        return statement.exec();
    }

private:
    static QByteArray blockSql(const char *head, const char *values)
    {
        QByteArray sql(head);
        for (int row = 0; row < kBlockRows; ++row)
            sql.append(row ? ", " : "").append(values);
        return sql;
    }

    SqliteStatement m_block;
    SqliteStatement m_single;
    int m_columns;
    qint64 m_blockRows;
    qint64 m_row = 0;
};

bool hasResident(const Resident &r)
{
    return !r.name.isEmpty() || !r.phone.isEmpty() || !r.email.isEmpty();
}

/// The expressions of the CHECK constraints in a CREATE TABLE statement.
QStringList checkExpressions(const QString &createTable)
{
    static const QRegularExpression keyword(QStringLiteral("\\bCHECK\\s*\\("),
                                            QRegularExpression::CaseInsensitiveOption);
    QStringList checks;
    QRegularExpressionMatchIterator matches = keyword.globalMatch(createTable);
    while (matches.hasNext()) {
        const qsizetype start = matches.next().capturedEnd();
        int depth = 1;
        QChar quote;
        qsizetype end = start;
        for (; end < createTable.size() && depth > 0; ++end) {
            const QChar c = createTable[end];
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
            } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
                quote = c;
            } else if (c == QLatin1Char('(')) {
                ++depth;
            } else if (c == QLatin1Char(')')) {
                --depth;
            }
        }
        checks.append(createTable.mid(start, end - 1 - start));
    }
    return checks;
}

} // namespace

HouseholdBatchInsert::HouseholdBatchInsert(QString connectionName, QString userName, QString device)
    : m_connectionName(std::move(connectionName))
    , m_userName(std::move(userName))
    , m_device(std::move(device))
{ }

bool HouseholdBatchInsert::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool HouseholdBatchInsert::run(const QList<HouseholdRecord> &records,
                               const HouseholdBatchSource &source, QStringList *createdAreas,
                               const HouseholdRepository::Progress &progress)
{
    m_cancelled = false;
    m_now = storeTimestamp();
    QElapsedTimer phase;
    phase.start();
    const auto done = [&phase](const char *name) {
        qCDebug(lcStore) << "batch insert:" << name << phase.restart() << "ms";
        return true;
    };
    return writeRows(records, createdAreas, progress) && done("rows") && checkRows()
        && done("checks") && writeSearchAndOutbox() && done("quick-find and outbox")
        && writeAuditEvent(records.size(), source);
}

bool HouseholdBatchInsert::writeRows(const QList<HouseholdRecord> &records,
                                     QStringList *createdAreas,
                                     const HouseholdRepository::Progress &progress)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT (SELECT coalesce(max(rid), 0) FROM household), "
                                   "(SELECT coalesce(max(rid), 0) FROM resident)"))
        || !query.next())
        return fail(query.lastError().text());
    m_firstHouseholdRid = query.value(0).toLongLong() + 1;
    m_firstResidentRid = query.value(1).toLongLong() + 1;
    query.finish();

    const qint64 total = records.size();
    RowInserter households(
        db,
        "INSERT INTO household (id, uprn, address_line1, address_line2, town, postcode, "
        "latitude, longitude, area_id, eligibility, status, priority, notes, created_at, "
        "updated_at, rid) VALUES ",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 16, total);
    RowInserter residents(
        db,
        "INSERT INTO resident (id, household_id, name, phone, email, is_primary, created_at, "
        "rid) VALUES ",
        "(?, ?, ?, ?, ?, 1, ?, ?)", 7,
        std::count_if(records.cbegin(), records.cend(),
                      [](const HouseholdRecord &record) { return hasResident(record.resident); }));
    if (!households.isValid() || !residents.isValid())
        return fail(households.errorString() + residents.errorString());

    AuditLog audit(m_connectionName, m_userName, m_device);
    AreaResolver areas(m_connectionName, audit);
    UuidGenerator uuids;
    qint64 householdRid = m_firstHouseholdRid;
    qint64 residentRid = m_firstResidentRid;
    for (const HouseholdRecord &record : records) {
        const Household &h = record.household;
        const auto areaId = areas.resolve(h.areaName, m_now, createdAreas);
        if (!areaId)
            return fail(areas.errorString());
        m_lastId = uuidText(h.id.isNull() ? uuids.next() : h.id);
        if (m_firstId.isNull())
            m_firstId = m_lastId;
        SqliteStatement &household = households.statement();
        int at = households.offset();
        household.bind(at + 1, m_lastId);
        household.bind(at + 2, nullIfEmpty(h.uprn).toString());
        household.bind(at + 3, notNull(h.addressLine1));
        household.bind(at + 4, notNull(h.addressLine2));
        household.bind(at + 5, notNull(h.town));
        household.bind(at + 6, notNull(h.postcode));
        household.bind(at + 7, h.latitude);
        household.bind(at + 8, h.longitude);
        household.bind(at + 9, areaId->toString());
        household.bind(at + 10, notNull(h.eligibility.join(QLatin1Char(';'))));
        household.bind(at + 11, HouseholdStatusRules::name(h.status));
        household.bind(at + 12, qint64(h.priority));
        household.bind(at + 13, notNull(h.notes));
        household.bind(at + 14, m_now);
        household.bind(at + 15, m_now);
        household.bind(at + 16, householdRid++);
        if (!households.rowBound())
            return fail(
                tr("households up to %1: %2").arg(h.addressLine1, households.errorString()));
        const Resident &r = record.resident;
        if (hasResident(r)) {
            SqliteStatement &resident = residents.statement();
            at = residents.offset();
            resident.bind(at + 1, uuidText(r.id.isNull() ? uuids.next() : r.id));
            resident.bind(at + 2, m_lastId);
            resident.bind(at + 3, notNull(r.name));
            resident.bind(at + 4, notNull(r.phone));
            resident.bind(at + 5, notNull(r.email));
            resident.bind(at + 6, m_now);
            resident.bind(at + 7, residentRid++);
            if (!residents.rowBound())
                return fail(residents.errorString());
        }
        const qint64 written = householdRid - m_firstHouseholdRid;
        if (progress && written % 512 == 0 && !progress(written, total)) {
            m_cancelled = true;
            return fail(tr("cancelled"));
        }
    }
    m_endHouseholdRid = householdRid;
    return true;
}

bool HouseholdBatchInsert::checkRows()
{
    for (const auto &[table, firstRid] :
         {std::pair {QStringLiteral("household"), m_firstHouseholdRid},
          std::pair {QStringLiteral("resident"), m_firstResidentRid}}) {
        const QString broken = brokenConstraint(table, firstRid - 1);
        if (!broken.isEmpty())
            return fail(broken);
    }
    return true;
}

QString HouseholdBatchInsert::brokenConstraint(const QString &table, qint64 afterRid) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(
        QStringLiteral("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?"));
    query.addBindValue(table);
    if (!query.exec() || !query.next())
        return tr("cannot read the definition of %1: %2").arg(table, query.lastError().text());
    // The table's own CHECK expressions, read from the schema so that the two cannot drift
    // apart. A CHECK fails only when it is false, not NULL: so does NOT ((a) AND (b) ...).
    const QStringList checks = checkExpressions(query.value(0).toString());
    QStringList broken;
    if (!checks.isEmpty())
        broken.append(QStringLiteral("NOT ((%1))").arg(checks.join(QStringLiteral(") AND ("))));
    query.prepare(
        QStringLiteral("SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?)"));
    query.addBindValue(table);
    if (!query.exec())
        return query.lastError().text();
    while (query.next()) {
        broken.append(QStringLiteral("(%1.%2 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %3 "
                                     "WHERE %3.%4 = %1.%2))")
                          .arg(table, query.value(0).toString(), query.value(1).toString(),
                               query.value(2).toString()));
    }
    if (broken.isEmpty())
        return {};
    query.prepare(QStringLiteral("SELECT rid FROM %1 WHERE rid > ? AND (%2) LIMIT 1")
                      .arg(table, broken.join(QStringLiteral(" OR "))));
    query.addBindValue(afterRid);
    if (!query.exec())
        return query.lastError().text();
    if (!query.next())
        return {};
    // A bug rather than bad input (the importer has checked every value): name the rule, as
    // SQLite would have.
    const qint64 rid = query.value(0).toLongLong();
    for (const QString &check : checks) {
        query.prepare(
            QStringLiteral("SELECT 1 FROM %1 WHERE rid = ? AND NOT (%2)").arg(table, check));
        query.addBindValue(rid);
        if (query.exec() && query.next())
            return tr("%1: CHECK constraint failed: %2").arg(table, check.simplified());
    }
    return tr("%1: FOREIGN KEY constraint failed").arg(table);
}

bool HouseholdBatchInsert::writeSearchAndOutbox()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    // One statement each rather than a row at a time: quick-find entries written with a
    // statement per row cost more than three times as much (measured with 100k households).
    query.prepare(QStringLiteral("INSERT INTO household_fts (rowid, search_text) ")
                  + householdSearchTextSelect() + QStringLiteral("WHERE h.rid >= ?"));
    query.addBindValue(m_firstHouseholdRid);
    if (!query.exec())
        return fail(query.lastError().text());
    // The sync's outbox: one create op per new household. Its id is the household's (a
    // household is created once) and its payload is left empty: the row is read when it is
    // pushed (SyncEngine), which keeps this to a tenth of the time of building the JSON here.
    query.prepare(QStringLiteral(
        "INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at) "
        "SELECT h.id, 'household', h.id, 'create', '{}', ? FROM household h WHERE h.rid >= ? "
        "ORDER BY h.rid"));
    query.addBindValue(m_now);
    query.addBindValue(m_firstHouseholdRid);
    if (!query.exec())
        return fail(query.lastError().text());
    return true;
}

bool HouseholdBatchInsert::writeAuditEvent(qint64 count, const HouseholdBatchSource &source)
{
    // One event for the batch rather than one per household (those were a third of the rows
    // an import wrote): its households are the local keys in its range, created at its time,
    // and AuditLog::history() shows it as the "created" event of each.
    QJsonObject batch {
        {QStringLiteral("households"), count},
        {QStringLiteral("first_rid"), m_firstHouseholdRid},
        {QStringLiteral("last_rid"), m_endHouseholdRid - 1},
        {QStringLiteral("first_id"), m_firstId},
        {QStringLiteral("last_id"), m_lastId},
    };
    if (!source.fileName.isEmpty()) {
        batch.insert(QStringLiteral("file"), source.fileName);
        batch.insert(QStringLiteral("sha256"), source.sha256);
    }
    AuditLog audit(m_connectionName, m_userName, m_device);
    if (!audit.record(
            QStringLiteral("import"), uuidText(QUuid::createUuid()), QStringLiteral("households"),
            {}, QString::fromUtf8(QJsonDocument(batch).toJson(QJsonDocument::Compact)), m_now))
        return fail(audit.errorString());
    return true;
}

} // namespace saferhomes
