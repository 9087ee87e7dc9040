#pragma once

#include "syncedtables.h"

#include <QHash>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace saferhomes::valuecodec {

// How values travel between the central database and the local store (DESIGN §7). Pure
// functions: no database, no state.

/// A timestamptz as text in the session's UTC (sh_hello sets it), e.g. "2026-11-24
/// 09:30:00.123456+00", as the local store writes times: "2026-11-24T09:30:00.123Z".
QString storeTime(const QString &server);

/// A JSON scalar of a push answer as the text a conflict records; empty for null.
QString jsonText(const QJsonValue &value);

/// The server-side expression that reads \a column of the row `t` as the download sends it.
QString serverExpression(const SyncColumn &column);

/// A value from the server (a JSON value's variant, or a column of a streamed row) as the
/// local store keeps it. \a areaIds maps the server's area ids to this device's.
QVariant localValue(const SyncColumn &column, const QVariant &value,
                    const QHash<QString, QString> &areaIds);

/// Whether \a text is an xid8 as PostgreSQL writes it (decimal digits only).
bool isXid(const QString &text);

/// \a ids, keeping only the valid UUIDs, in their lower-case form without braces.
QStringList validUuids(const QStringList &ids);

/// \a ids (checked to be UUIDs) as a PostgreSQL list of uuid literals, for an IN (...) list.
QString serverIdList(const QStringList &ids);

/// \a ids (checked to be UUIDs) as an SQLite list of text literals, for an IN (...) list.
QString localIdList(const QStringList &ids);

} // namespace saferhomes::valuecodec
