#include "demorepository.h"

#include "householdsearch.h"

#include "domain/householdstatus.h"

#include "auditlog.h"
#include "database.h"
#include "sqlitestatement.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <initializer_list>
#include <iterator>
#include <memory>
#include <vector>

namespace saferhomes {

namespace {

/// SQL NULL. (A null QString binds as NULL too, so run() turns those into empty text.)
QVariant nullValue()
{
    return QVariant::fromValue(nullptr);
}

QVariant idValue(const QUuid &id)
{
    return id.isNull() ? nullValue() : QVariant(id.toString(QUuid::WithoutBraces));
}

/// A value for SqliteStatement: text (a null QString is stored as empty text, as the NOT NULL
/// columns need), numbers, ids and times (NULL when null or invalid), or explicit NULL.
void bindOne(SqliteStatement &statement, int index, const QString &text)
{
    statement.bind(index, text.isNull() ? QStringLiteral("") : text);
}
void bindOne(SqliteStatement &statement, int index, const std::optional<QString> &text)
{
    if (text)
        statement.bind(index, *text);
    else
        statement.bindNull(index);
}
void bindOne(SqliteStatement &statement, int index, qint64 value)
{
    statement.bind(index, value);
}
void bindOne(SqliteStatement &statement, int index, int value)
{
    statement.bind(index, qint64(value));
}
void bindOne(SqliteStatement &statement, int index, bool value)
{
    statement.bind(index, qint64(value ? 1 : 0));
}
void bindOne(SqliteStatement &statement, int index, const std::optional<double> &value)
{
    statement.bind(index, value);
}
void bindOne(SqliteStatement &statement, int index, const QUuid &id)
{
    if (id.isNull())
        statement.bindNull(index);
    else
        statement.bind(index, id.toString(QUuid::WithoutBraces));
}
/// The store's time format (as storeTimestamp() writes it), without QDateTime::toString's
/// cost, which showed in large fills.
QString isoUtc(const QDateTime &at)
{
    const QDateTime utc = at.timeSpec() == Qt::UTC ? at : at.toUTC();
    const QDate date = utc.date();
    const QTime time = utc.time();
    char text[24];
    const auto put = [&](int offset, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            text[offset + i] = char('0' + value % 10);
    };
    put(0, date.year(), 4);
    text[4] = '-';
    put(5, date.month(), 2);
    text[7] = '-';
    put(8, date.day(), 2);
    text[10] = 'T';
    put(11, time.hour(), 2);
    text[13] = ':';
    put(14, time.minute(), 2);
    text[16] = ':';
    put(17, time.second(), 2);
    text[19] = '.';
    put(20, time.msec(), 3);
    text[23] = 'Z';
    return QString::fromLatin1(text, 24);
}

void bindOne(SqliteStatement &statement, int index, const QDateTime &at)
{
    if (at.isValid() && at.date().year() >= 0 && at.date().year() <= 9999)
        statement.bind(index, isoUtc(at));
    else if (at.isValid())
        statement.bind(index, at.toUTC().toString(Qt::ISODateWithMs));
    else
        statement.bindNull(index);
}

/// Binds \a values to ?1, ?2, ... and runs the statement.
template<typename... Values> Status exec(SqliteStatement &statement, const Values &...values)
{
    int index = 0;
    (bindOne(statement, ++index, values), ...);
    return statement.exec();
}

/// Tables whose new rows get their "created" audit events in one statement each at commit,
/// with the column recorded as the new value: per-row statements were a quarter of a large
/// fill's time.
struct BulkAudit {
    const char *table;
    const char *valueColumn;
};
constexpr BulkAudit kBulkAudits[] = {{"household", "status"}, {"job", "status"}};

/// The column of each DemoTimestamp, by the enum's order.
struct Backdated {
    const char *table;
    const char *column;
};
constexpr Backdated kBackdated[] = {
    {"visit", "at"},
    {"consent", "given_at"},
    {"consent", "withdrawn_at"},
    {"attachment", "created_at"},
    {"survey", "started_at"},
    {"survey", "completed_at"},
    {"survey", "package_agreed_at"},
};

QByteArray backdateSql(const Backdated &target)
{
    return QByteArray("UPDATE ") + target.table + " SET " + target.column + " = ? WHERE id = ?";
}

/// Qt SQL's \a error as an Error: Error::Locked when another program holds the lock (SQLite's
/// code says so), Error::Database otherwise.
Error statementError(const QSqlError &error)
{
    return Database::isLocked(error) ? Error::locked(error.text()) : Error::database(error.text());
}

/// A failed write of \a what that SqliteStatement reported as \a error (its kind kept).
Error writeError(const QString &what, const Error &error)
{
    return {error.kind,
            QCoreApplication::translate("DemoRepository", "%1: %2").arg(what, error.message)};
}

/// A failed write of \a what that Qt SQL reported as \a error (its kind kept).
Error writeError(const QString &what, const QSqlError &error)
{
    return writeError(what, statementError(error));
}

} // namespace

/// The prepared statements of one fill, made once the transaction is open: Qt SQL for the
/// few catalogue rows and blobs, the SQLite handle directly for the bulk of the rows, where
/// Qt SQL's per-row cost (QVariant, UTF-16) dominated.
/// The prepared statements of one fill, made once the transaction is open: Qt SQL for the
/// few catalogue rows, the SQLite handle directly for the bulk of the rows, where Qt SQL's
/// per-row cost (QVariant, UTF-16) dominated.
struct DemoRepository::Statements {
    Statements(const QSqlDatabase &db, const QString &connectionName, const QString &userName,
               const QString &device)
        : audit(connectionName, userName, device)
        , area(db)
        , areaRow(db)
        , equipment(db)
        , fitter(db)
        , jobStatus(db)
        , statusMove(db)
        , statusAudit(db)
        , household(db,
                    "INSERT INTO household (id, uprn, address_line1, address_line2, town, "
                    "postcode, latitude, longitude, area_id, eligibility, status, priority, "
                    "notes, created_at, updated_at, rid) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        , resident(db,
                   "INSERT INTO resident (id, household_id, name, phone, email, "
                   "preferred_contact, language, access_needs, is_primary, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        , job(db,
              "INSERT INTO job (id, household_id, survey_id, fitter_id, status, "
              "scheduled_start, scheduled_end, completed_at, signed_off_by, notes, "
              "created_at, duration_minutes, availability, access_notes, sequence) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        , jobItem(db,
                  "INSERT INTO job_item (id, job_id, equipment_code, qty, serial, fitted) "
                  "VALUES (?, ?, ?, ?, ?, ?)")
        , jobUpdate(db,
                    "UPDATE job SET status = ?, completed_at = ?, signed_off_by = ?, notes = ? "
                    "WHERE id = ?")
        , jobItemUpdate(db,
                        "UPDATE job_item SET fitted = ?, serial = ?, "
                        "fitted_qty = CASE WHEN ? THEN qty ELSE 0 END WHERE id = ?")
        , stock(db,
                "INSERT INTO stock_movement (id, equipment_code, qty_change, reason, "
                "job_id, at, by_user, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    {
        const auto prepare = [&](QSqlQuery &query, const char *sql) {
            if (!error && !query.prepare(QString::fromLatin1(sql)))
                error = statementError(query.lastError());
        };
        prepare(area,
                "INSERT INTO area (id, name, target_homes, budget_pence, created_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                "target_homes = excluded.target_homes, "
                "budget_pence = excluded.budget_pence");
        prepare(areaRow, "SELECT id, target_homes, budget_pence FROM area WHERE name = ?");
        prepare(equipment,
                "INSERT INTO equipment_type (code, name, standard, unit_cost_pence, "
                "fit_minutes, skill) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (code) DO NOTHING");
        prepare(fitter,
                "INSERT INTO fitter (id, name, skills, start_latitude, start_longitude, "
                "shift_start, shift_end, weekly_shifts, absences, van) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        prepare(jobStatus, "SELECT status FROM job WHERE id = ?");
        prepare(statusMove,
                "UPDATE household SET status = ?, updated_at = ? WHERE id = ? AND status = ? "
                "AND deleted_at IS NULL");
        prepare(statusAudit,
                "INSERT INTO audit_event (at, user_name, device, entity, entity_id, field, "
                "old_value, new_value) VALUES (?, ?, ?, 'household', ?, 'status', ?, ?)");
        for (const Backdated &target : kBackdated)
            backdates.push_back(
                std::make_unique<SqliteStatement>(db, backdateSql(target).constData()));
        for (const SqliteStatement *statement :
             {&household, &resident, &job, &jobItem, &jobUpdate, &jobItemUpdate, &stock}) {
            if (!error && !statement->isValid())
                error = statement->prepared().error();
        }
        for (const auto &statement : backdates) {
            if (!error && !statement->isValid())
                error = statement->prepared().error();
        }
    }

    std::optional<Error> error; ///< the first statement that could not be prepared
    AuditLog audit;
    QSqlQuery area, areaRow, equipment, fitter, jobStatus, statusMove, statusAudit;
    SqliteStatement household, resident, job, jobItem, jobUpdate, jobItemUpdate, stock;
    std::vector<std::unique_ptr<SqliteStatement>> backdates; ///< by DemoTimestamp
};

DemoRepository::DemoRepository(const Database &database, QString userName)
    : m_connectionName(database.connectionName())
    , m_userName(std::move(userName))
    , m_device(database.deviceId())
{ }

DemoRepository::~DemoRepository()
{
    if (m_statements)
        rollback();
}

Result<int> DemoRepository::householdCount() const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM household")) || !query.next())
        return Database::sqlError(db.databaseName(), tr("cannot count households"),
                                  query.lastError());
    return query.value(0).toInt();
}

Status DemoRepository::begin()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen())
        return Error::database(tr("the database is not open"));
    if (!db.transaction())
        return writeError(tr("starting the demo transaction"), db.lastError());
    m_now = storeTimestamp();
    QSqlQuery query(db);
    const auto read = [&](const QString &sql, qint64 *value) {
        const bool ok = query.exec(sql) && query.next();
        *value = ok ? query.value(0).toLongLong() : 0;
        query.finish();
        return ok;
    };
    // Continue after the highest household (a household's quick-find entry goes with it, so
    // no entry outlives it to be mixed up with a new household's).
    bool ok = read(QStringLiteral("SELECT coalesce(max(rid), 0) FROM household"), &m_rid);
    m_firstRid = m_rid;
    m_firstRowids.clear();
    for (const BulkAudit &audit : kBulkAudits) {
        qint64 rowid = 0;
        ok = ok
            && read(QStringLiteral("SELECT coalesce(max(rowid), 0) FROM %1")
                        .arg(QLatin1String(audit.table)),
                    &rowid);
        m_firstRowids.append(rowid);
    }
    if (!ok) {
        const QSqlError error = query.lastError();
        db.rollback();
        return writeError(tr("reading the last local keys"), error);
    }
    // A large fill touches far more pages than the default cache holds; spilling them to the
    // WAL in the middle of the transaction and reading them back was most of its time.
    read(QStringLiteral("PRAGMA cache_size"), &m_cacheSize);
    query.exec(QStringLiteral("PRAGMA cache_size = -262144"));
    m_statements = std::make_unique<Statements>(db, m_connectionName, m_userName, m_device);
    if (m_statements->error) {
        const Error error = *m_statements->error;
        rollback();
        return writeError(tr("preparing the demo statements"), error);
    }
    return {};
}

Status DemoRepository::commit()
{
    if (!m_statements)
        return Error::database(tr("no demo transaction is open"));
    m_statements.reset();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    std::optional<QSqlError> failure;
    {
        // The quick-find rows, once every primary resident is written, then the audit events.
        QSqlQuery query(db);
        bool ok = query.prepare(QStringLiteral("INSERT INTO household_fts (rowid, search_text) ")
                                + householdSearchTextSelect() + QStringLiteral("WHERE h.rid > ?"));
        query.addBindValue(m_firstRid);
        ok = ok && query.exec();
        for (int i = 0; ok && i < int(std::size(kBulkAudits)); ++i) {
            const BulkAudit &audit = kBulkAudits[i];
            ok = query.prepare(
                QStringLiteral(
                    "INSERT INTO audit_event (at, user_name, device, entity, entity_id, field, "
                    "old_value, new_value) SELECT ?, ?, ?, '%1', id, 'created', NULL, %2 "
                    "FROM %1 WHERE rowid > ? ORDER BY rowid")
                    .arg(QLatin1String(audit.table), QLatin1String(audit.valueColumn)));
            query.addBindValue(m_now);
            query.addBindValue(m_userName);
            query.addBindValue(m_device);
            query.addBindValue(m_firstRowids.value(i));
            ok = ok && query.exec();
        }
        if (!ok)
            failure = query.lastError();
    }
    if (!failure && !db.commit())
        failure = db.lastError();
    if (failure) {
        db.rollback();
        restoreCacheSize();
        return writeError(tr("saving the demo households"), *failure);
    }
    restoreCacheSize();
    return {};
}

void DemoRepository::rollback()
{
    // The statements go first: an active query would keep the transaction from ending.
    m_statements.reset();
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    db.rollback();
    restoreCacheSize();
}

void DemoRepository::restoreCacheSize()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    // A number read back from SQLite, not user input: PRAGMA takes no bound values.
    query.exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_cacheSize));
}

namespace {

bool run(QSqlQuery &query, std::initializer_list<QVariant> values)
{
    int index = 0;
    for (const QVariant &value : values) {
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.bindValue(index++, QStringLiteral(""));
        else
            query.bindValue(index++, value);
    }
    return query.exec();
}

} // namespace

Result<QUuid> DemoRepository::addArea(const Area &area)
{
    Statements &s = *m_statements;
    if (!run(s.area, {idValue(area.id), area.name, area.targetHomes, area.budgetPence, m_now}))
        return writeError(tr("area %1").arg(area.name), s.area.lastError());
    if (!run(s.areaRow, {area.name}) || !s.areaRow.next())
        return writeError(tr("area %1").arg(area.name), s.areaRow.lastError());
    const QUuid id = QUuid::fromString(s.areaRow.value(0).toString());
    s.areaRow.finish();
    if (const Status recorded
        = s.audit.record(QStringLiteral("area"), area.name, QStringLiteral("target_homes"), {},
                         area.targetHomes, m_now);
        !recorded)
        return writeError(tr("area %1").arg(area.name), recorded.error());
    return id;
}

Status DemoRepository::addEquipment(const DemoEquipment &e)
{
    Statements &s = *m_statements;
    if (!run(s.equipment, {e.code, e.name, e.standard, e.unitCostPence, e.fitMinutes, e.skill}))
        return writeError(tr("equipment %1").arg(e.code), s.equipment.lastError());
    if (s.equipment.numRowsAffected() > 0) {
        if (const Status recorded = s.audit.record(QStringLiteral("equipment_type"), e.code,
                                                   QStringLiteral("created"), {}, e.name, m_now);
            !recorded)
            return writeError(tr("equipment %1").arg(e.code), recorded.error());
    }
    return {};
}

Status DemoRepository::addFitter(const DemoFitter &f)
{
    Statements &s = *m_statements;
    if (!run(s.fitter,
             {idValue(f.id), f.name, f.skills.join(QLatin1Char(';')), f.startLatitude,
              f.startLongitude, f.shiftStart, f.shiftEnd, f.weeklyShifts, f.absences,
              f.van.isNull() ? QStringLiteral("") : f.van}))
        return writeError(tr("fitter %1").arg(f.name), s.fitter.lastError());
    if (const Status recorded = s.audit.record(QStringLiteral("fitter"), idValue(f.id).toString(),
                                               QStringLiteral("created"), {}, f.name, m_now);
        !recorded)
        return writeError(tr("fitter %1").arg(f.name), recorded.error());
    return {};
}

Status DemoRepository::addHousehold(const HouseholdRecord &record)
{
    Statements &s = *m_statements;
    const Household &h = record.household;
    const auto uprn = h.uprn.isEmpty() ? std::optional<QString>() : std::optional(h.uprn);
    if (const Status done
        = exec(s.household, h.id, uprn, h.addressLine1, h.addressLine2, h.town, h.postcode,
               h.latitude, h.longitude, h.areaId, h.eligibility.join(QLatin1Char(';')),
               HouseholdStatusRules::name(h.status), h.priority, h.notes, m_now, m_now, ++m_rid);
        !done) {
        return writeError(tr("household %1").arg(h.addressLine1), done.error());
    }
    const Resident &r = record.resident;
    if (!r.name.isEmpty() || !r.phone.isEmpty() || !r.email.isEmpty()) {
        if (const Status done = exec(s.resident, r.id, h.id, r.name, r.phone, r.email,
                                     r.preferredContact, r.language, r.accessNeeds, true, m_now);
            !done)
            return writeError(tr("resident of %1").arg(h.addressLine1), done.error());
    }
    return {};
}

Status DemoRepository::addResident(const Resident &r)
{
    Statements &s = *m_statements;
    if (const Status done = exec(s.resident, r.id, r.householdId, r.name, r.phone, r.email,
                                 r.preferredContact, r.language, r.accessNeeds, false, m_now);
        !done)
        return writeError(tr("resident %1").arg(r.name), done.error());
    return {};
}

Status DemoRepository::addJob(const DemoJob &j)
{
    Statements &s = *m_statements;
    if (const Status done
        = exec(s.job, j.id, j.householdId, j.surveyId, j.fitterId, j.status, j.scheduledStart,
               j.scheduledEnd, j.completedAt, j.signedOffBy, j.notes, j.createdAt,
               j.durationMinutes, j.availability, j.accessNotes, j.sequence);
        !done)
        return writeError(tr("job"), done.error());
    return {};
}

Status DemoRepository::addJobItem(const DemoJobItem &i)
{
    // Part of its job: the job's audit event covers it.
    Statements &s = *m_statements;
    if (const Status done = exec(s.jobItem, i.id, i.jobId, i.code, i.qty, i.serial, i.fitted);
        !done)
        return writeError(tr("job item %1").arg(i.code), done.error());
    return {};
}

Status DemoRepository::completeJob(const DemoJob &j, const QList<DemoJobItem> &items)
{
    Statements &s = *m_statements;
    const QString id = idValue(j.id).toString();
    if (!run(s.jobStatus, {id}))
        return writeError(tr("job %1").arg(id), s.jobStatus.lastError());
    if (!s.jobStatus.next())
        return Error::notFound(tr("job %1 is not there to complete").arg(id));
    const QString before = s.jobStatus.value(0).toString();
    s.jobStatus.finish();
    if (const Status done
        = exec(s.jobUpdate, j.status, j.completedAt, j.signedOffBy, j.notes, j.id);
        !done)
        return writeError(tr("job %1").arg(id), done.error());
    if (before != j.status) {
        if (const Status recorded = s.audit.record(
                QStringLiteral("job"), id, QStringLiteral("status"), before, j.status, m_now);
            !recorded)
            return writeError(tr("job %1").arg(id), recorded.error());
    }
    for (const DemoJobItem &item : items) {
        if (const Status done
            = exec(s.jobItemUpdate, item.fitted, item.serial, item.fitted, item.id);
            !done)
            return writeError(tr("job item %1").arg(item.code), done.error());
    }
    return {};
}

Status DemoRepository::addStockMovement(const DemoStockMovement &m)
{
    // The ledger is itself append-only and names who and when: no separate audit event.
    Statements &s = *m_statements;
    if (const Status done
        = exec(s.stock, m.id, m.code, m.qtyChange, m.reason, m.jobId, m.at, m.byUser, m.note);
        !done)
        return writeError(tr("stock movement %1").arg(m.code), done.error());
    return {};
}

Status DemoRepository::moveStatus(const QUuid &householdId, HouseholdStatus from,
                                  HouseholdStatus to, const QString &byUser)
{
    Statements &s = *m_statements;
    const QString id = idValue(householdId).toString();
    const QString before = HouseholdStatusRules::name(from);
    const QString after = HouseholdStatusRules::name(to);
    // Stamped when written, as the service stamps it.
    const QString now = storeTimestamp();
    if (!run(s.statusMove, {after, now, id, before}))
        return writeError(tr("household %1").arg(id), s.statusMove.lastError());
    if (s.statusMove.numRowsAffected() != 1)
        return Error::invalid(tr("household %1 is not %2").arg(id, before));
    if (!run(s.statusAudit, {now, byUser, m_device, id, before, after}))
        return writeError(tr("household %1").arg(id), s.statusAudit.lastError());
    return {};
}

Status DemoRepository::backdate(DemoTimestamp which, const QUuid &id, const QDateTime &at)
{
    SqliteStatement &statement = *m_statements->backdates[size_t(which)];
    if (const Status done = exec(statement, at, id); !done)
        return writeError(QLatin1String(kBackdated[size_t(which)].table), done.error());
    return {};
}

} // namespace saferhomes
