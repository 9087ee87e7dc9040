#pragma once

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

namespace saferhomes {

/// Adds one sync op to the outbox inside the caller's open transaction (DESIGN §7): the edit
/// and the op that will send it commit together or not at all. Households and residents get
/// their ops from here; every other synced record from a trigger (why: OutboxPusher, where
/// the whole outbox mechanism is described). \a payload is {field: [old,
/// new]} for an update. Returns false with \a error set when it cannot be written.
bool appendOutboxOp(const QSqlDatabase &db, const QString &entity, const QString &entityId,
                    const QString &kind, const QJsonObject &payload, const QString &now,
                    QString *error);

} // namespace saferhomes
