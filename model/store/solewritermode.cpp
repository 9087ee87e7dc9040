#include "solewritermode.h"

#include "storelog.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace saferhomes {

SoleWriterMode::SoleWriterMode(QString connectionName)
    : m_connectionName(std::move(connectionName))
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    const auto value = [&query](const QString &sql) {
        return query.exec(sql) && query.next() ? query.value(0) : QVariant();
    };
    const QVariant busyTimeout = value(QStringLiteral("PRAGMA busy_timeout"));
    value(QStringLiteral("PRAGMA busy_timeout = 0")); // fail at once, do not wait
    m_active = value(QStringLiteral("PRAGMA journal_mode = DELETE")).toString()
        == QLatin1String("delete");
    value(QStringLiteral("PRAGMA busy_timeout = %1").arg(busyTimeout.toInt()));
    if (m_active) {
        m_cacheSize = value(QStringLiteral("PRAGMA cache_size")).toInt();
        value(QStringLiteral("PRAGMA cache_size = -262144"));
    }
    query.finish();
    qCDebug(lcStore) << "rollback journal for a large batch:" << m_active;
}

SoleWriterMode::~SoleWriterMode()
{
    if (!m_active)
        return;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_cacheSize));
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next()
        || query.value(0).toString() != QLatin1String("wal")) {
        // Database::open() sets WAL mode again next time.
        qCWarning(lcStore) << "could not return to WAL mode:" << query.lastError().text();
    }
}

} // namespace saferhomes
