#include "pgsession.h"

#include "pgcluster.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace saferhomes::synctest {

PgSession::PgSession(const PgCluster &cluster, const QString &database, const QString &user,
                     const QString &password)
    : m_name(PgCluster::uniqueName(QStringLiteral("session")))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    db.setHostName(cluster.host());
    db.setPort(cluster.port());
    db.setDatabaseName(database);
    db.setUserName(user);
    db.setPassword(password);
    if (!db.open())
        m_openError = db.lastError().text();
}

PgSession::~PgSession()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

bool PgSession::isOpen() const
{
    return QSqlDatabase::database(m_name, false).isOpen();
}

std::optional<QList<QVariantList>> PgSession::run(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    bool ok = false;
    if (values.isEmpty()) {
        ok = query.exec(sql);
    } else {
        ok = query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        ok = ok && query.exec();
    }
    if (!ok) {
        m_error = query.lastError().text();
        m_state = query.lastError().nativeErrorCode();
        m_affected = -1;
        return std::nullopt;
    }
    m_error.clear();
    m_state.clear();
    m_affected = query.numRowsAffected();
    QList<QVariantList> result;
    while (query.next()) {
        QVariantList row;
        for (int column = 0; column < query.record().count(); ++column)
            row.append(query.value(column));
        result.append(row);
    }
    return result;
}

std::optional<QList<QVariantList>> PgSession::rows(const QString &sql, const QVariantList &values)
{
    return run(sql, values);
}

QStringList PgSession::column(const QString &sql, const QVariantList &values)
{
    QStringList result;
    if (const auto rows = run(sql, values)) {
        for (const QVariantList &row : *rows)
            result.append(row.value(0).toString());
    }
    result.sort();
    return result;
}

QVariant PgSession::value(const QString &sql, const QVariantList &values)
{
    const auto rows = run(sql, values);
    if (!rows || rows->isEmpty())
        return {};
    return rows->first().value(0);
}

bool PgSession::exec(const QString &sql, const QVariantList &values)
{
    return run(sql, values).has_value();
}

} // namespace saferhomes::synctest
