#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QString>
#include <QVarLengthArray>
#include <QVariant>

#include <optional>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

class QSqlDatabase;

namespace saferhomes {

/// A prepared statement on the SQLite handle under a Qt connection, for the bulk paths where
/// Qt SQL's per-row cost (QVariant, UTF-16 binding) would dominate; binds UTF-8 directly.
///
/// Failures are Errors with SQLite's own message ("no such table: household"): Error::Locked
/// when another connection holds the lock (SQLITE_BUSY, SQLITE_LOCKED), Error::Database
/// otherwise. Callers put what they were doing in front (Error::within()).
///
///     SqliteStatement insert(db, "INSERT INTO t (a) VALUES (?)");
///     if (const Status prepared = insert.prepared(); !prepared) return prepared;
///     insert.bind(1, text);
///     if (const Status done = insert.exec(); !done) return done.error().within(tr("..."));
///
///     while (true) {
///         const Result<bool> row = select.step();
///         if (!row) return row.error();
///         if (!*row) break;
///         ... select.int64(0) ...
///     }
class SqliteStatement {
public:
    SqliteStatement(const QSqlDatabase &database, const char *sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_statement != nullptr; }
    /// Why the statement could not be prepared (not an SQLite connection, bad SQL, a missing
    /// table); ok when isValid().
    Status prepared() const;
    void bind(int index, const QString &text); ///< 1-based; a null QString binds NULL
    void bind(int index, qint64 value);
    void bind(int index, const std::optional<double> &value);
    void bindNull(int index);
    /// UTF-8 text that stays unchanged until the statement has run (SQLite does not copy it).
    void bindStatic(int index, std::string_view utf8);
    void bindStatic(int index, const QByteArray &utf8)
    {
        bindStatic(index, std::string_view(utf8.constData(), size_t(utf8.size())));
    }
    /// By the value's type: null, QByteArray (a BLOB), integers, double, or text.
    void bind(int index, const QVariant &value);
    /// Runs the statement to completion and resets it for the next row.
    Status exec();
    /// Steps a query to its next result row: true on a row, false at the end, or the Error
    /// that stopped it (never taken for the end). Call reset() before binding it again.
    Result<bool> step();
    /// Column \a index (0-based) of the current result row.
    qint64 int64(int index) const;
    void reset();

    /// The raw handle under a Qt QSQLITE connection (nullptr for another driver).
    static sqlite3 *handle(const QSqlDatabase &database);
    /// The handle this statement was prepared on.
    sqlite3 *connectionHandle() const { return m_db; }

private:
    /// SQLite's last error on the handle, as an Error of the right kind.
    Error lastError(int code);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    QString m_prepareError; ///< SQLite's message when the statement could not be prepared
    int m_prepareCode = 0; ///< SQLite's result code of preparing the statement
    // UTF-8 of the bound texts, kept until exec() so SQLite need not copy them.
    QVarLengthArray<QByteArray, 24> m_texts;
};

/// Statements kept on a connection from one use to the next, for a write made again and again
/// from many places (an audit event): prepared once per connection and finalized by
/// Database::close() before it closes the connection, as SQLite cannot close a file while a
/// statement on it is left. Per thread, like the connections themselves.
class KeptStatements {
public:
    /// The statement \a sql on \a database's connection, prepared the first time (and again
    /// when the connection was replaced since); when it cannot be prepared, prepared() says
    /// why.
    static SqliteStatement &statement(const QSqlDatabase &database, const char *sql);
    /// Finalizes every statement kept on the connection \a connectionName.
    static void release(const QString &connectionName);
};

} // namespace saferhomes
