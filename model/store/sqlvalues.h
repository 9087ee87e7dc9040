#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>
#include <QVariant>

namespace saferhomes::sqlvalues {

// How the local store writes and reads ids, times and text: ids as UUID text without braces,
// times as ISO 8601 UTC with milliseconds, and never a null QString for a NOT NULL column
// (Qt binds a null QString as SQL NULL).

inline QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

/// The id as text, or SQL NULL for a null id.
inline QVariant nullableId(const QUuid &id)
{
    return id.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(uuidText(id));
}

inline QString timeText(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

/// A stored id, or a null QUuid for NULL.
inline QUuid readId(const QVariant &value)
{
    return value.isNull() ? QUuid() : QUuid::fromString(value.toString());
}

/// The time as text, or SQL NULL for an invalid time.
inline QVariant nullableTime(const QDateTime &at)
{
    return at.isValid() ? QVariant(timeText(at)) : QVariant(QMetaType::fromType<QString>());
}

/// A stored time, or an invalid QDateTime for NULL.
inline QDateTime readTime(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

/// Text for a NOT NULL column.
inline QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

/// SQL NULL for empty text (optional unique columns such as the UPRN).
inline QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace saferhomes::sqlvalues
