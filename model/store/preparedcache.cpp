#include "preparedcache.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlResult>
#include <QVariant>

namespace saferhomes {

namespace {

/// Whether \a query still holds a compiled statement on \a db: closing a connection finalizes
/// its statements, and a connection removed and added again under the same name has another
/// driver.
bool isLive(const QSqlQuery &query, const QSqlDatabase &db)
{
    if (!db.isOpen() || query.driver() != db.driver() || !query.result())
        return false;
    const QVariant handle = query.result()->handle();
    return handle.isValid() && handle.constData()
        && *static_cast<void *const *>(handle.constData()) != nullptr;
}

} // namespace

PreparedCache::Statement PreparedCache::statement(const QString &connectionName, const QString &sql)
{
    const QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    auto it = m_statements.find(sql);
    if (it != m_statements.end() && isLive(it->second, db)) {
        // A read left mid-way keeps its statement busy; values bound before are replaced.
        it->second.finish();
        return {it->second, true};
    }
    if (it == m_statements.end())
        it = m_statements.emplace(sql, QSqlQuery(db)).first;
    else
        it->second = QSqlQuery(db);
    // Read forwards only, as every caller does: Qt then keeps no copy of the rows read.
    it->second.setForwardOnly(true);
    const bool prepared = it->second.prepare(sql);
    return {it->second, prepared};
}

} // namespace saferhomes
