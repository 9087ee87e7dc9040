#pragma once

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
class SqliteStatement {
public:
    SqliteStatement(const QSqlDatabase &database, const char *sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_statement != nullptr; }
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
    bool exec();
    /// Steps a query to its next result row: false at the end or on an error (then
    /// errorString() says which). Call reset() before binding it again.
    bool next();
    /// Column \a index (0-based) of the current result row.
    qint64 int64(int index) const;
    void reset();
    QString errorString() const { return m_error; }

    /// The raw handle under a Qt QSQLITE connection (nullptr for another driver).
    static sqlite3 *handle(const QSqlDatabase &database);

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    QString m_error;
    // UTF-8 of the bound texts, kept until exec() so SQLite need not copy them.
    QVarLengthArray<QByteArray, 24> m_texts;
};

} // namespace saferhomes
