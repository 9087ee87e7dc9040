#include "sqlitestatement.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <memory>
#include <unordered_map>

namespace saferhomes {

sqlite3 *SqliteStatement::handle(const QSqlDatabase &database)
{
    const QVariant handle = database.driver() ? database.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

SqliteStatement::SqliteStatement(const QSqlDatabase &database, const char *sql)
    : m_db(handle(database))
{
    if (!m_db) {
        m_prepareError = QStringLiteral("not an SQLite connection");
        m_prepareCode = SQLITE_MISUSE;
        return;
    }
    m_prepareCode
        = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr);
    if (m_prepareCode != SQLITE_OK) {
        m_prepareError = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::bind(int index, const QString &text)
{
    if (text.isNull()) {
        sqlite3_bind_null(m_statement, index);
        return;
    }
    if (m_texts.size() < index)
        m_texts.resize(index);
    QByteArray &utf8 = m_texts[index - 1];
    utf8 = text.toUtf8();
    sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bind(int index, const std::optional<double> &value)
{
    if (value)
        sqlite3_bind_double(m_statement, index, *value);
    else
        sqlite3_bind_null(m_statement, index);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
}

void SqliteStatement::bindStatic(int index, std::string_view utf8)
{
    // A null pointer would bind NULL: empty text is still text.
    sqlite3_bind_text(m_statement, index, utf8.data() ? utf8.data() : "", int(utf8.size()),
                      SQLITE_STATIC);
}

void SqliteStatement::bind(int index, const QVariant &value)
{
    if (value.isNull()) {
        sqlite3_bind_null(m_statement, index);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        sqlite3_bind_blob(m_statement, index, bytes.constData(), int(bytes.size()),
                          SQLITE_TRANSIENT);
        return;
    }
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong: bind(index, value.toLongLong()); return;
    case QMetaType::Double: sqlite3_bind_double(m_statement, index, value.toDouble()); return;
    default: bind(index, value.toString()); return;
    }
}

Status SqliteStatement::prepared() const
{
    if (m_statement)
        return {};
    // A lock while preparing (reading the schema) is still a lock.
    const int code = m_prepareCode & 0xff;
    return code == SQLITE_BUSY || code == SQLITE_LOCKED ? Error::locked(m_prepareError)
                                                        : Error::database(m_prepareError);
}

Error SqliteStatement::lastError(int code)
{
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_db));
    const int primary = code & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED ? Error::locked(message)
                                                              : Error::database(message);
}

Status SqliteStatement::exec()
{
    if (!m_statement)
        return prepared();
    int result = sqlite3_step(m_statement);
    while (result == SQLITE_ROW)
        result = sqlite3_step(m_statement);
    Status status;
    if (result != SQLITE_DONE)
        status = lastError(result);
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return status;
}

Result<bool> SqliteStatement::step()
{
    if (!m_statement)
        return prepared().error();
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW)
        return true;
    if (result == SQLITE_DONE)
        return false;
    return lastError(result);
}

qint64 SqliteStatement::int64(int index) const
{
    return sqlite3_column_int64(m_statement, index);
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

namespace {

using StatementsBySql = std::unordered_map<QByteArray, std::unique_ptr<SqliteStatement>>;

/// Set when this thread's kept statements are gone (the thread is ending): a Database closed
/// after that, in another object's destructor, has nothing left to release. A plain flag, so it
/// lasts as long as the thread.
thread_local bool keptStatementsGone = false;

struct KeptStatementsOfThread {
    ~KeptStatementsOfThread() { keptStatementsGone = true; }
    std::unordered_map<QString, StatementsBySql> byConnection;
};

/// The kept statements of this thread's connections, by connection name.
std::unordered_map<QString, StatementsBySql> &keptStatements()
{
    thread_local KeptStatementsOfThread statements;
    return statements.byConnection;
}

} // namespace

SqliteStatement &KeptStatements::statement(const QSqlDatabase &database, const char *sql)
{
    std::unique_ptr<SqliteStatement> &kept
        = keptStatements()[database.connectionName()][QByteArray(sql)];
    if (!kept || !kept->isValid() || kept->connectionHandle() != SqliteStatement::handle(database))
        kept = std::make_unique<SqliteStatement>(database, sql);
    return *kept;
}

void KeptStatements::release(const QString &connectionName)
{
    if (!keptStatementsGone)
        keptStatements().erase(connectionName);
}

} // namespace saferhomes
