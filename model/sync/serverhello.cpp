#include "serverhello.h"

#include "centralconnection.h"
#include "store/migrations.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVersionNumber>

namespace saferhomes {

namespace {

QVersionNumber clientVersion()
{
    return QVersionNumber::fromString(QStringLiteral(SAFERHOMES_VERSION));
}

/// Refuses a server whose schema or minimum client version this version cannot work with.
Status checkVersions(const ServerHello &hello, const QString &minimum)
{
    const int known = int(Migrations::scripts(QStringLiteral("postgres")).size());
    if (hello.schemaVersion > known) {
        return Error::refused(
            ServerHello::tr("the central database has schema %1, newer than this version of "
                            "SaferHomes understands (%2): update SaferHomes")
                .arg(hello.schemaVersion)
                .arg(known));
    }
    if (hello.schemaVersion < known) {
        return Error::refused(
            ServerHello::tr("the central database has schema %1, older than this version of "
                            "SaferHomes needs (%2): ask an administrator to run "
                            "`saferhomes-cli admin init-server`")
                .arg(hello.schemaVersion)
                .arg(known));
    }
    if (QVersionNumber::fromString(minimum) > clientVersion()) {
        return Error::refused(
            ServerHello::tr("this version of SaferHomes (%1) is older than the central "
                            "database accepts (%2 or newer): update SaferHomes")
                .arg(clientVersion().toString(), minimum));
    }
    return {};
}

/// The synced tables \a hello's user can download: those whose required columns they may read.
void chooseTables(ServerHello &hello)
{
    for (const SyncedTable &table : syncedTables()) {
        const QStringList readableColumns = hello.readable.value(table.name);
        QList<SyncColumn> columns;
        bool usable = true;
        for (const SyncColumn &column : table.columns) {
            if (readableColumns.contains(column.name))
                columns.append(column);
            else if (column.required)
                usable = false;
        }
        if (table.softDeletes && !readableColumns.contains(QStringLiteral("deleted_at")))
            usable = false;
        if (usable)
            hello.tables.append({&table, columns});
    }
}

} // namespace

Status ServerHello::greet(CentralConnection &central, ServerHello &hello)
{
    QSqlQuery query(central.connection());
    if (!query.exec(QStringLiteral("SELECT CAST(sh_hello() AS text)")) || !query.next()) {
        // 42883: undefined function, a server from before the handshake.
        if (query.lastError().nativeErrorCode() == QStringLiteral("42883")) {
            return Error::refused(tr("the central database has an older schema than this "
                                     "version of SaferHomes needs: ask an administrator to run "
                                     "`saferhomes-cli admin init-server`"));
        }
        return central.statementError(tr("the central database did not answer the greeting"),
                                      query.lastError());
    }
    const QJsonObject json = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object();
    hello.schemaVersion = json.value(QStringLiteral("schema_version")).toInt();
    if (const Status checked
        = checkVersions(hello, json.value(QStringLiteral("min_client_version")).toString());
        !checked)
        return checked;
    hello.user = json.value(QStringLiteral("user")).toString();
    hello.role = json.value(QStringLiteral("role")).toString();
    if (hello.role == u"sh_fitter") {
        if (const Status found = findFitter(central, hello); !found)
            return found;
    }
    const QJsonArray areas = json.value(QStringLiteral("areas")).toArray();
    for (const QJsonValue &area : areas) {
        const QJsonObject object = area.toObject();
        hello.areas.insert(object.value(QStringLiteral("id")).toString(),
                           object.value(QStringLiteral("name")).toString());
    }
    const QJsonObject readable = json.value(QStringLiteral("readable")).toObject();
    for (auto it = readable.begin(); it != readable.end(); ++it) {
        QStringList columns;
        for (const QJsonValue &column : it.value().toArray())
            columns.append(column.toString());
        hello.readable.insert(it.key(), columns);
    }
    chooseTables(hello);
    return {};
}

Status ServerHello::findFitter(CentralConnection &central, ServerHello &hello)
{
    // The fitter's day on a fitter's own device shows their jobs: their row, by their login.
    QSqlQuery query(central.connection());
    if (!query.exec(QStringLiteral("SELECT CAST(f.id AS text) FROM fitter f JOIN app_user u "
                                   "ON u.id = f.user_id WHERE u.login = current_user "
                                   "AND f.deleted_at IS NULL"))) {
        return central.statementError(tr("cannot read which fitter this login is"),
                                      query.lastError());
    }
    if (query.next())
        hello.fitterId = QUuid(query.value(0).toString());
    return {};
}

QString ServerHello::roleName() const
{
    return role.startsWith(u"sh_") ? role.mid(3) : role;
}

bool ServerHello::isAreaRole() const
{
    return role == u"sh_volunteer" || role == u"sh_officer" || role == u"sh_coordinator";
}

} // namespace saferhomes
