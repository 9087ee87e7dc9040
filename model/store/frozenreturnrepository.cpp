#include "frozenreturnrepository.h"

#include "auditlog.h"
#include "database.h"
#include "sqlvalues.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace saferhomes {

using namespace sqlvalues;

QString FrozenReturn::hashOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

FrozenReturnRepository::FrozenReturnRepository(const Database &database, QString userName)
    : Repository(database, std::move(userName))
{ }

Result<FrozenReturn> FrozenReturnRepository::freeze(const QString &period,
                                                    const QByteArray &document)
{
    // Managers submit the return; the central database takes frozen copies from them and
    // admins only (central 0015_admin_sync.sql).
    const Result<QString> role = syncedRole();
    if (!role)
        return role.error();
    if (!role->isEmpty() && *role != u"manager" && *role != u"admin") {
        return Error::refused(
            tr("Only managers and admins freeze a return; this register syncs as %1.").arg(*role));
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction()) {
        return Database::sqlError(db.databaseName(),
                                  tr("cannot freeze the return of %1").arg(period), db.lastError());
    }
    const auto failed = [&](const QSqlError &error) {
        db.rollback();
        return Database::sqlError(db.databaseName(),
                                  tr("cannot freeze the return of %1").arg(period), error);
    };
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral("SELECT frozen_at FROM frozen_return WHERE period = ?")))
        return failed(query.lastError());
    query.addBindValue(period);
    if (!query.exec())
        return failed(query.lastError());
    if (query.next()) {
        const QString at = query.value(0).toString();
        db.rollback();
        return Error::refused(
            tr("The return of %1 was frozen at %2; a submitted return is never replaced.")
                .arg(period, at));
    }
    query.finish();
    FrozenReturn frozen {
        period,     document, FrozenReturn::hashOf(document), QDateTime::currentDateTimeUtc(),
        m_userName, 1};
    const QString now = timeText(frozen.frozenAt);
    if (!query.prepare(QStringLiteral("INSERT INTO frozen_return (id, period, document, sha256, "
                                      "frozen_at, frozen_by) VALUES (?, ?, ?, ?, ?, ?)")))
        return failed(query.lastError());
    const QString id = uuidText(QUuid::createUuid());
    query.addBindValue(id);
    query.addBindValue(period);
    query.addBindValue(document);
    query.addBindValue(frozen.sha256);
    query.addBindValue(now);
    query.addBindValue(notNull(m_userName));
    if (!query.exec())
        return failed(query.lastError());
    AuditLog audit(m_connectionName, m_userName, m_device);
    if (const Status recorded
        = audit.record(QStringLiteral("frozen_return"), id, QStringLiteral("frozen"), {},
                       period + QLatin1Char(' ') + frozen.sha256, now);
        !recorded) {
        db.rollback();
        return Error {recorded.error().kind,
                      tr("Freezing the return: %1").arg(recorded.error().message)};
    }
    if (!db.commit())
        return failed(db.lastError());
    return frozen;
}

Result<FrozenReturn> FrozenReturnRepository::find(const QString &period) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    // The period's return is the first frozen; a later copy (the period frozen on another
    // device before the two synced) is a later version, counted.
    if (!query.prepare(QStringLiteral("SELECT document, sha256, frozen_at, frozen_by, "
                                      "count(*) OVER () FROM frozen_return WHERE period = ? "
                                      "ORDER BY frozen_at, id LIMIT 1")))
        return readError(tr("frozen returns"), query.lastError());
    query.addBindValue(period);
    if (!query.exec())
        return readError(tr("frozen returns"), query.lastError());
    if (!query.next()) {
        if (query.lastError().isValid())
            return readError(tr("frozen returns"), query.lastError());
        return Error::notFound(tr("The return of %1 has not been frozen.").arg(period));
    }
    FrozenReturn frozen;
    frozen.period = period;
    frozen.document = query.value(0).toByteArray();
    frozen.sha256 = query.value(1).toString();
    frozen.frozenAt = QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs);
    frozen.frozenBy = query.value(3).toString();
    frozen.versions = query.value(4).toInt();
    if (!frozen.isIntact()) {
        return Error::refused(
            tr("The frozen return of %1 has been altered: its bytes no longer match the SHA-256 "
               "recorded when it was frozen (%2), so it is not the return that was submitted.")
                .arg(period, frozen.sha256));
    }
    return frozen;
}

Result<QStringList> FrozenReturnRepository::periods() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT DISTINCT period FROM frozen_return ORDER BY period")))
        return readError(tr("frozen returns"), query.lastError());
    QStringList periods;
    while (query.next())
        periods.append(query.value(0).toString());
    return periods;
}

} // namespace saferhomes
