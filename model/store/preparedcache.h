#pragma once

#include <QSqlQuery>
#include <QString>

#include <unordered_map>

namespace saferhomes {

/// Prepared statements of one repository kept by their SQL text, so that a write made again
/// and again (an answer, a visit, an audit event) is compiled by SQLite once, not on every
/// call: QSqlQuery::prepare() with the same text compiles it again.
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

    /// The statement \a sql on the connection \a connectionName, ready to bind and execute:
    /// prepared the first time, and again when the connection was closed or replaced since.
    /// The reference stays valid as long as the cache.
    Statement statement(const QString &connectionName, const QString &sql);

private:
    std::unordered_map<QString, QSqlQuery> m_statements;
};

} // namespace saferhomes
