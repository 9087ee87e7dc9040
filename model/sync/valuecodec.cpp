#include "valuecodec.h"

#include <QJsonDocument>
#include <QLocale>
#include <QUuid>

#include <algorithm>

namespace saferhomes::valuecodec {

QString storeTime(const QString &server)
{
    if (server.size() < 19)
        return server;
    QString time = server.left(19);
    time[10] = u'T';
    QString fraction = QStringLiteral("000");
    if (server.size() > 20 && server[19] == u'.') {
        for (qsizetype i = 20, d = 0; i < server.size() && d < 3 && server[i].isDigit(); ++i, ++d)
            fraction[d] = server[i];
    }
    return time + u'.' + fraction + u'Z';
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

QString serverExpression(const SyncColumn &column)
{
    const QString c = QStringLiteral("t.") + column.name;
    switch (column.kind) {
    case SyncColumnKind::Text: return QStringLiteral("CAST(%1 AS text)").arg(c);
    case SyncColumnKind::Time: return QStringLiteral("CAST(%1 AS text)").arg(c);
    case SyncColumnKind::Clock: return QStringLiteral("to_char(%1, 'HH24:MI')").arg(c);
    case SyncColumnKind::Bytes: return QStringLiteral("encode(%1, 'hex')").arg(c);
    case SyncColumnKind::AreaName: return QStringLiteral("CAST(%1 AS text)").arg(c);
    case SyncColumnKind::Bool:
    case SyncColumnKind::Integer:
    case SyncColumnKind::Real:
    case SyncColumnKind::Json: return c;
    }
    return c;
}

QVariant localValue(const SyncColumn &column, const QVariant &value,
                    const QHash<QString, QString> &areaIds)
{
    const QVariant null(QMetaType::fromType<QString>());
    if (value.isNull() || !value.isValid())
        return null;
    switch (column.kind) {
    case SyncColumnKind::Text:
    case SyncColumnKind::Clock: return value.toString();
    case SyncColumnKind::Time: return storeTime(value.toString());
    case SyncColumnKind::Bool: return value.toBool() ? 1 : 0;
    case SyncColumnKind::Integer: return value.toLongLong();
    case SyncColumnKind::Real: return value.toDouble();
    case SyncColumnKind::Bytes: return QByteArray::fromHex(value.toString().toLatin1());
    case SyncColumnKind::Json:
        if (value.typeId() == QMetaType::QString)
            return value;
        return QString::fromUtf8(QJsonDocument::fromVariant(value).toJson(QJsonDocument::Compact));
    case SyncColumnKind::AreaName:
        return areaIds.contains(value.toString()) ? QVariant(areaIds.value(value.toString()))
                                                  : null;
    }
    return null;
}

bool isXid(const QString &text)
{
    return !text.isEmpty()
        && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

QStringList validUuids(const QStringList &ids)
{
    QStringList valid;
    valid.reserve(ids.size());
    for (const QString &id : ids) {
        const QUuid uuid = QUuid::fromString(id);
        if (!uuid.isNull())
            valid.append(uuid.toString(QUuid::WithoutBraces));
    }
    return valid;
}

QString serverIdList(const QStringList &ids)
{
    const QStringList valid = validUuids(ids);
    if (valid.isEmpty())
        return QStringLiteral("NULL::uuid");
    return QStringLiteral("'") + valid.join(QStringLiteral("'::uuid,'")) + QStringLiteral("'::uuid");
}

QString localIdList(const QStringList &ids)
{
    const QStringList valid = validUuids(ids);
    if (valid.isEmpty())
        return QStringLiteral("NULL");
    return QStringLiteral("'") + valid.join(QStringLiteral("','")) + QStringLiteral("'");
}

} // namespace saferhomes::valuecodec
