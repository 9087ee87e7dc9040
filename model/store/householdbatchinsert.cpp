#include "householdbatchinsert.h"

#include "arearesolver.h"
#include "auditlog.h"
#include "database.h"
#include "householdrows.h"
#include "sqlitestatement.h"
#include "sqlvalues.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

namespace {

/// Rows into one table, kRows of them to a statement, which spares SQLite most of its
/// per-statement work; the rows that do not fill a last block go one to a statement.
class BlockInsert {
public:
    static constexpr int kRows = 64;

    BlockInsert(const QSqlDatabase &db, const char *head, const char *values, int columns)
        : m_block(db, blockSql(head, values).constData())
        , m_single(db, QByteArray(head).append(values).constData())
        , m_columns(columns)
    { }

    /// Why the statements could not be prepared; ok when both were.
    Status prepared() const
    {
        if (const Status block = m_block.prepared(); !block)
            return block;
        return m_single.prepared();
    }

    /// Writes \a count rows; \a bind(statement, offset, row) binds row \a row's columns at
    /// offset + 1, offset + 2, ...
    template<typename Bind> Status write(qsizetype count, const Bind &bind)
    {
        const qsizetype blocks = count - count % kRows;
        for (qsizetype row = 0; row < count; ++row) {
            const bool inBlock = row < blocks;
            SqliteStatement &statement = inBlock ? m_block : m_single;
            bind(statement, inBlock ? int(row % kRows) * m_columns : 0, row);
            if (!inBlock || row % kRows == kRows - 1) {
                if (Status written = statement.exec(); !written)
                    return written;
            }
        }
        return {};
    }

private:
    static QByteArray blockSql(const char *head, const char *values)
    {
        QByteArray sql(head);
        for (int row = 0; row < kRows; ++row)
            sql.append(row ? ", " : "").append(values);
        return sql;
    }

    SqliteStatement m_block;
    SqliteStatement m_single;
    int m_columns;
};

/// A failed query of \a what: Error::Locked when SQLite's code says another connection holds
/// the lock, Error::Database otherwise.
Error writeError(const QString &what, const QSqlError &error)
{
    const QString text
        = QCoreApplication::translate("HouseholdBatchInsert", "%1: %2").arg(what, error.text());
    return Database::isLocked(error) ? Error::locked(text) : Error::database(text);
}

/// A failed statement of \a what, keeping its kind (SqliteStatement tells a lock apart).
Error writeError(const QString &what, const Error &error)
{
    return error.within(what);
}

} // namespace

/// The batch's three inserts: households, residents and quick-find entries.
///
/// The row inserts are OR FAIL: a row the table refuses stops the statement and the caller
/// rolls the whole transaction back, as with the default (ABORT). ABORT would instead undo
/// just the statement, so SQLite opens a statement journal for every one and copies each
/// page it touches that was there before the statement (the last leaf of every index) into
/// it: a quarter of the writing thread's time for 100k households.
struct HouseholdBatchInsert::Statements {
    explicit Statements(const QSqlDatabase &db)
        : households(db,
                     "INSERT OR FAIL INTO household (id, uprn, address_line1, address_line2, "
                     "town, postcode, latitude, longitude, area_id, eligibility, status, "
                     "priority, notes, created_at, updated_at, rid) VALUES ",
                     "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 16)
        , residents(
              db,
              "INSERT OR FAIL INTO resident (id, household_id, name, phone, email, is_primary, "
              "created_at, rid) VALUES ",
              "(?, ?, ?, ?, ?, 1, ?, ?)", 7)
        , search(db,
                 "INSERT INTO household_fts (rowid, search_text) "
                 "SELECT ?1 + key, value FROM json_each(?2)")
    { }

    BlockInsert households;
    BlockInsert residents;
    SqliteStatement search;
};

HouseholdBatchInsert::HouseholdBatchInsert(QString connectionName, QString userName, QString device)
    : m_connectionName(std::move(connectionName))
    , m_userName(std::move(userName))
    , m_device(std::move(device))
{ }

HouseholdBatchInsert::~HouseholdBatchInsert() = default;

Status HouseholdBatchInsert::begin(QStringList *createdAreas)
{
    m_createdAreas = createdAreas;
    m_now = storeTimestamp();
    m_nowUtf8 = m_now.toUtf8();
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT (SELECT coalesce(max(rid), 0) FROM household), "
                                   "(SELECT coalesce(max(rid), 0) FROM resident)"))
        || !query.next())
        return writeError(tr("reading the last local keys"), query.lastError());
    m_firstHouseholdRid = query.value(0).toLongLong() + 1;
    m_nextHouseholdRid = m_firstHouseholdRid;
    m_nextResidentRid = query.value(1).toLongLong() + 1;
    query.finish();

    m_statements = std::make_unique<Statements>(db);
    for (const Status &prepared :
         {m_statements->households.prepared(), m_statements->residents.prepared(),
          m_statements->search.prepared()}) {
        if (!prepared)
            return writeError(tr("preparing the inserts"), prepared.error());
    }
    m_audit = std::make_unique<AuditLog>(m_connectionName, m_userName, m_device);
    m_areas = std::make_unique<AreaResolver>(m_connectionName, *m_audit);
    return {};
}

Status HouseholdBatchInsert::resolveAreas(const HouseholdRows &rows)
{
    m_rowAreas.resize(size_t(rows.size()));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows.isNull(i, HouseholdRows::AreaName)) {
            m_rowAreas[size_t(i)] = QByteArray();
            continue;
        }
        const std::string_view name = rows.text(i, HouseholdRows::AreaName);
        // Looked up without copying the name; a name kept as a key is copied (the rows'
        // buffer goes with the batch).
        const QByteArray key = QByteArray::fromRawData(name.data(), qsizetype(name.size()));
        auto it = m_areaIds.constFind(key);
        if (it == m_areaIds.constEnd()) {
            const auto id = m_areas->resolve(QString::fromUtf8(key), m_now, m_createdAreas);
            if (!id)
                return writeError(tr("areas"), id.error());
            it = m_areaIds.insert(QByteArray(name.data(), qsizetype(name.size())),
                                  id->toString().toUtf8());
        }
        m_rowAreas[size_t(i)] = *it; // shares the bytes: valid whatever the hash does next
    }
    return {};
}

Status HouseholdBatchInsert::write(const HouseholdRows &rows)
{
    using T = HouseholdRows;
    if (rows.isEmpty())
        return {};
    if (Status areas = resolveAreas(rows); !areas)
        return areas;
    const auto text = [&rows](SqliteStatement &statement, int index, qsizetype row, T::Text t) {
        if (rows.isNull(row, t))
            statement.bindNull(index);
        else
            statement.bindStatic(index, rows.text(row, t));
    };
    const qint64 firstRid = m_nextHouseholdRid;
    const Status households = m_statements->households.write(
        rows.size(), [&](SqliteStatement &statement, int at, qsizetype row) {
            const T::Row &r = rows.row(row);
            text(statement, at + 1, row, T::Id);
            text(statement, at + 2, row, T::Uprn);
            text(statement, at + 3, row, T::AddressLine1);
            text(statement, at + 4, row, T::AddressLine2);
            text(statement, at + 5, row, T::Town);
            text(statement, at + 6, row, T::Postcode);
            statement.bind(at + 7, r.latitude);
            statement.bind(at + 8, r.longitude);
            if (const QByteArray &area = m_rowAreas[size_t(row)]; !area.isNull())
                statement.bindStatic(at + 9, area);
            else
                statement.bindNull(at + 9);
            text(statement, at + 10, row, T::Eligibility);
            text(statement, at + 11, row, T::Status);
            statement.bind(at + 12, r.priority);
            text(statement, at + 13, row, T::Notes);
            statement.bindStatic(at + 14, m_nowUtf8);
            statement.bindStatic(at + 15, m_nowUtf8);
            statement.bind(at + 16, firstRid + row);
        });
    if (!households)
        return writeError(tr("households"), households.error());

    m_withResident.clear();
    for (qsizetype row = 0; row < rows.size(); ++row) {
        if (!rows.isNull(row, T::ResidentId))
            m_withResident.push_back(row);
    }
    const qint64 firstResidentRid = m_nextResidentRid;
    const Status residents = m_statements->residents.write(
        qsizetype(m_withResident.size()), [&](SqliteStatement &statement, int at, qsizetype i) {
            const qsizetype row = m_withResident[size_t(i)];
            text(statement, at + 1, row, T::ResidentId);
            text(statement, at + 2, row, T::Id);
            text(statement, at + 3, row, T::ResidentName);
            text(statement, at + 4, row, T::Phone);
            text(statement, at + 5, row, T::Email);
            statement.bindStatic(at + 6, m_nowUtf8);
            statement.bind(at + 7, firstResidentRid + i);
        });
    if (!residents)
        return writeError(tr("residents"), residents.error());

    // One statement for the batch's quick-find entries: FTS5 writes out what it has gathered
    // in memory at the start of every statement (its savepoint), so a statement per row or
    // per block would write thousands of small index segments and merge them again.
    // The quick-find entries are written many batches at a time, with one statement: FTS5
    // writes out the entries it has gathered in memory as a new index segment at the start
    // of every statement, so a statement per row, block or batch would write hundreds of
    // small segments and merge them again (a statement per 2048 households took 245 ms for
    // 100k, one statement 140 ms).
    if (m_searchTexts.isEmpty())
        m_searchFirstRid = firstRid;
    m_searchTexts.append(m_searchTexts.isEmpty() ? '[' : ',').append(rows.searchTexts());
    if (m_searchTexts.size() >= kSearchTextBytes) {
        if (Status indexed = writeSearchTexts(); !indexed)
            return indexed;
    }

    if (m_firstId.isNull())
        m_firstId = QString::fromUtf8(rows.text(0, T::Id));
    m_lastId = QString::fromUtf8(rows.text(rows.size() - 1, T::Id));
    m_nextHouseholdRid += rows.size();
    m_nextResidentRid += qint64(m_withResident.size());
    return {};
}

Status HouseholdBatchInsert::finish(const HouseholdBatchSource &source)
{
    if (Status indexed = writeSearchTexts(); !indexed)
        return indexed;
    m_statements.reset();
    if (written() == 0)
        return {};
    if (Status queued = writeOutbox(); !queued)
        return queued;
    return writeAuditEvent(source);
}

Status HouseholdBatchInsert::writeSearchTexts()
{
    if (m_searchTexts.isEmpty())
        return {};
    m_searchTexts.append(']');
    SqliteStatement &search = m_statements->search;
    search.bind(1, m_searchFirstRid);
    search.bindStatic(2, m_searchTexts);
    const Status indexed = search.exec();
    m_searchTexts.clear();
    if (!indexed)
        return writeError(tr("quick-find index"), indexed.error());
    return {};
}

Status HouseholdBatchInsert::writeOutbox()
{
    // The sync's outbox: one create op per new household. Its id is the household's (a
    // household is created once) and its payload is left empty: the row is read when it is
    // pushed (SyncEngine), which keeps this to a tenth of the time of building the JSON here.
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral(
        "INSERT INTO outbox (op_id, entity, entity_id, kind, payload, created_at) "
        "SELECT h.id, 'household', h.id, 'create', '{}', ? FROM household h WHERE h.rid >= ? "
        "ORDER BY h.rid"));
    query.addBindValue(m_now);
    query.addBindValue(m_firstHouseholdRid);
    if (!query.exec())
        return writeError(tr("sync outbox"), query.lastError());
    return {};
}

Status HouseholdBatchInsert::writeAuditEvent(const HouseholdBatchSource &source)
{
    // One event for the batch rather than one per household (those were a third of the rows
    // an import wrote): its households are the local keys in its range, created at its time,
    // and AuditLog::history() shows it as the "created" event of each.
    QJsonObject batch {
        {QStringLiteral("households"), written()},
        {QStringLiteral("first_rid"), m_firstHouseholdRid},
        {QStringLiteral("last_rid"), m_nextHouseholdRid - 1},
        {QStringLiteral("first_id"), m_firstId},
        {QStringLiteral("last_id"), m_lastId},
    };
    if (!source.fileName.isEmpty()) {
        batch.insert(QStringLiteral("file"), source.fileName);
        batch.insert(QStringLiteral("sha256"), source.sha256);
    }
    return m_audit->record(QStringLiteral("import"), sqlvalues::uuidText(QUuid::createUuid()),
                           QStringLiteral("households"), {},
                           QString::fromUtf8(QJsonDocument(batch).toJson(QJsonDocument::Compact)),
                           m_now);
}

} // namespace saferhomes
