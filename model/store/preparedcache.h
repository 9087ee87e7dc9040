#pragma once

#include <QSqlQuery>
#include <QString>

#include <unordered_map>

namespace saferhomes {

/// Prepared statements of one repository kept by their SQL text, so that a write or read made
/// again and again (an answer, a visit, an audit event, a household's summary) is compiled by
/// SQLite once, not on every call: QSqlQuery::prepare() with the same text compiles it again.
class PreparedCache {
public:
    struct Statement {
        QSqlQuery &query;
        bool prepared; ///< false: query.lastError() says why (nothing is kept then)
    };

    PreparedCache() = default;
    /// A copy starts empty: statements belong to the object that prepared them.
    PreparedCache(const PreparedCache &) { }
    PreparedCache &operator=(const PreparedCache &) { return *this; }

    /// A kept statement for a read: finished when this goes out of scope, so that a row left
    /// unread does not hold the connection's read snapshot open (in WAL mode that would keep
    /// this connection on an old snapshot and make its next write fail as busy).
    class Read {
    public:
        explicit Read(Statement statement)
            : query(statement.query)
            , prepared(statement.prepared)
        { }
        ~Read() { query.finish(); }
        Read(const Read &) = delete;
        Read &operator=(const Read &) = delete;

        QSqlQuery &query;
        const bool prepared; ///< false: query.lastError() says why
    };

    /// The statement \a sql on the connection \a connectionName, ready to bind and execute:
    /// prepared the first time, and again when the connection was closed or replaced since.
    /// The reference stays valid as long as the cache.
    Statement statement(const QString &connectionName, const QString &sql);
    /// The same for a read (a SELECT): the statement is finished again when the Read goes.
    /// Take what you need from the query (its values, its lastError()) before then.
    Read read(const QString &connectionName, const QString &sql)
    {
        return Read(statement(connectionName, sql));
    }

private:
    std::unordered_map<QString, QSqlQuery> m_statements;
};

} // namespace saferhomes
