#include "testdevice.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace saferhomes::synctest {

namespace {

// Written with every outbox insert, in the edit's own transaction.
const QString kOpLogTable = QStringLiteral(
    "CREATE TABLE IF NOT EXISTS test_op_log (seq INTEGER PRIMARY KEY, op_id TEXT NOT NULL, "
    "entity TEXT NOT NULL, entity_id TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL)");
const QString kOpLogTrigger
    = QStringLiteral("CREATE TRIGGER IF NOT EXISTS test_op_log AFTER INSERT ON outbox BEGIN "
                     "INSERT INTO test_op_log (op_id, entity, entity_id, kind, payload) "
                     "VALUES (NEW.op_id, NEW.entity, NEW.entity_id, NEW.kind, NEW.payload); END");

const QString kHouseholdText = QStringLiteral(
    "SELECT h.id, coalesce(h.uprn, ''), h.address_line1, h.address_line2, h.town, h.postcode, "
    "h.latitude, h.longitude, coalesce(a.name, ''), h.eligibility, h.status, h.priority, h.notes, "
    "CASE WHEN h.deleted_at IS NULL THEN 0 ELSE 1 END "
    "FROM household h LEFT JOIN area a ON a.id = h.area_id");
const QString kResidentText = QStringLiteral(
    "SELECT id, household_id, name, phone, email, preferred_contact, language, access_needs, "
    "is_primary FROM resident");

QList<QVariantList> readRows(QSqlQuery &query)
{
    QList<QVariantList> rows;
    while (query.next()) {
        QVariantList row;
        for (int column = 0; column < query.record().count(); ++column)
            row.append(query.value(column));
        rows.append(row);
    }
    return rows;
}

} // namespace

QStringList householdTextColumns()
{
    return {QStringLiteral("uprn"),          QStringLiteral("address_line1"),
            QStringLiteral("address_line2"), QStringLiteral("town"),
            QStringLiteral("postcode"),      QStringLiteral("latitude"),
            QStringLiteral("longitude"),     QStringLiteral("area"),
            QStringLiteral("eligibility"),   QStringLiteral("status"),
            QStringLiteral("priority"),      QStringLiteral("notes"),
            QStringLiteral("deleted")};
}

QStringList residentTextColumns()
{
    return {QStringLiteral("household_id"),
            QStringLiteral("name"),
            QStringLiteral("phone"),
            QStringLiteral("email"),
            QStringLiteral("preferred_contact"),
            QStringLiteral("language"),
            QStringLiteral("access_needs"),
            QStringLiteral("is_primary")};
}

TestDevice::TestDevice(QString name, QString path, QString login, QString password, QString uri)
    : m_name(std::move(name))
    , m_path(std::move(path))
    , m_login(std::move(login))
    , m_password(std::move(password))
    , m_uri(std::move(uri))
    , m_database(QStringLiteral("test-device-") + m_name)
{ }

TestDevice::~TestDevice() = default;

bool TestDevice::open(QString *error)
{
    if (const Status opened = m_database.open(m_path); !opened) {
        *error = opened.errorString();
        return false;
    }
    QSqlQuery query(m_database.connection());
    if (!query.exec(kOpLogTable) || !query.exec(kOpLogTrigger)) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

HouseholdRepository TestDevice::households() const
{
    return HouseholdRepository(m_database, m_login);
}

SyncEngine TestDevice::engine() const
{
    SyncEngine engine(m_database, m_login);
    engine.setPassword(m_password);
    return engine;
}

SyncResult TestDevice::sync() const
{
    return engine().run(m_uri);
}

std::unique_ptr<QProcess> TestDevice::startCliSync() const
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), m_password);
    process->setProcessEnvironment(environment);
    process->start(QStringLiteral(SAFERHOMES_CLI),
                   {QStringLiteral("--db"), m_path, QStringLiteral("--json"),
                    QStringLiteral("sync"), QStringLiteral("--server"), m_uri});
    return process;
}

bool TestDevice::saveCopy(QString *error)
{
    const QString copy = m_path + QStringLiteral(".copy");
    QFile::remove(copy);
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("VACUUM INTO ?"));
    query.addBindValue(copy);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

bool TestDevice::restoreCopy(QString *error)
{
    m_database.close();
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(m_path + QLatin1String(suffix));
    if (!QFile::copy(m_path + QStringLiteral(".copy"), m_path)) {
        *error = QStringLiteral("cannot put the copy of %1 back").arg(m_path);
        return false;
    }
    return open(error);
}

QList<TestDevice::Op> TestDevice::opsMade() const
{
    QList<Op> ops;
    QSqlQuery query(m_database.connection());
    query.exec(QStringLiteral(
        "SELECT op_id, entity, entity_id, kind, payload FROM test_op_log ORDER BY seq"));
    while (query.next()) {
        ops.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                    query.value(3).toString(),
                    QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object()});
    }
    return ops;
}

QList<TestDevice::Conflict> TestDevice::conflictRecords() const
{
    QList<Conflict> conflicts;
    QSqlQuery query(m_database.connection());
    query.exec(QStringLiteral(
        "SELECT op_id, field, local_value, server_value FROM sync_conflict ORDER BY id"));
    while (query.next()) {
        conflicts.append({query.value(0).toString(), query.value(1).toString(),
                          query.value(2).toString(), query.value(3).toString()});
    }
    return conflicts;
}

QHash<QString, QString> TestDevice::rejectedOps() const
{
    QHash<QString, QString> rejected;
    QSqlQuery query(m_database.connection());
    query.exec(
        QStringLiteral("SELECT op_id, rejected_reason FROM outbox WHERE rejected_at IS NOT NULL"));
    while (query.next())
        rejected.insert(query.value(0).toString(), query.value(1).toString());
    return rejected;
}

int TestDevice::outboxRows() const
{
    return value(QStringLiteral("SELECT count(*) FROM outbox")).toInt();
}

QList<QVariantList> TestDevice::rows(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(m_database.connection());
    bool ok = query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    ok = ok && query.exec();
    return ok ? readRows(query) : QList<QVariantList>();
}

bool TestDevice::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_database.connection());
    bool ok = query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    ok = ok && query.exec();
    m_error = ok ? QString() : query.lastError().text();
    return ok;
}

QVariant TestDevice::value(const QString &sql) const
{
    QSqlQuery query(m_database.connection());
    if (query.exec(sql) && query.next())
        return query.value(0);
    return {};
}

TextRows textRows(const QList<QVariantList> &rows)
{
    TextRows text;
    for (const QVariantList &row : rows) {
        QStringList values;
        for (qsizetype column = 1; column < row.size(); ++column) {
            const QVariant &value = row[column];
            if (value.isNull())
                values.append(QString());
            else if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Float)
                values.append(QString::number(value.toDouble(), 'g', 12));
            else if (value.typeId() == QMetaType::Bool)
                values.append(value.toBool() ? QStringLiteral("1") : QStringLiteral("0"));
            else
                values.append(value.toString());
        }
        text.insert(row.value(0).toString(), values);
    }
    return text;
}

TextTables TestDevice::tables() const
{
    TextTables tables;
    QSqlQuery query(m_database.connection());
    if (query.exec(kHouseholdText))
        tables.households = textRows(readRows(query));
    if (query.exec(kResidentText))
        tables.residents = textRows(readRows(query));
    return tables;
}

QStringList TestDevice::householdsWithSeveralPrimaryResidents() const
{
    QStringList ids;
    QSqlQuery query(m_database.connection());
    query.exec(QStringLiteral("SELECT household_id FROM resident WHERE is_primary = 1 "
                              "GROUP BY household_id HAVING count(*) > 1"));
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

QString TestDevice::integrityCheck() const
{
    return value(QStringLiteral("PRAGMA integrity_check")).toString();
}

} // namespace saferhomes::synctest
