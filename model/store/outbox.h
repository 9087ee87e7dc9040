#pragma once

#include "domain/result.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

namespace saferhomes {

class PreparedCache;

/// Adds one sync op to the outbox inside the caller's open transaction (DESIGN §7): the edit
/// and the op that will send it commit together or not at all. Households and residents get
/// their ops from here; every other synced record from a trigger (why: OutboxPusher, where
/// the whole outbox mechanism is described). \a payload is {field: [old,
/// new]} for an update. A failure names the database file and the outbox.
Status appendOutboxOp(const QSqlDatabase &db, const QString &entity, const QString &entityId,
                      const QString &kind, const QJsonObject &payload, const QString &now);
/// The same, with its statement kept in \a statements (a writer that queues ops again and
/// again prepares it once).
Status appendOutboxOp(PreparedCache &statements, const QSqlDatabase &db, const QString &entity,
                      const QString &entityId, const QString &kind, const QJsonObject &payload,
                      const QString &now);

} // namespace saferhomes
