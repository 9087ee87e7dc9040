#pragma once

#include "domain/schemetime.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <algorithm>
#include <utility>

namespace saferhomes {

/// Local (Europe/London) dates of stored UTC timestamps, fast: the summer-time intervals of
/// the years given are worked out once as stored-timestamp text, so a timestamp is placed by
/// comparing text. A timestamp outside those years is taken as GMT.
class LondonDays {
public:
    LondonDays(int firstYear, int lastYear)
    {
        const QDateTime from(QDate(firstYear, 1, 1), QTime(0, 0), Qt::UTC);
        const QDateTime to(QDate(lastYear + 1, 1, 1), QTime(0, 0), Qt::UTC);
        QString start;
        for (const QTimeZone::OffsetData &change : london().transitions(from, to)) {
            const QString at = storeText(change.atUtc);
            if (change.offsetFromUtc != 0) {
                start = at;
            } else if (!start.isEmpty()) {
                m_summers.append({start, at});
                start.clear();
            }
        }
        if (!start.isEmpty())
            m_summers.append({start, storeText(to)});
    }

    QDate date(const QString &utc) const
    {
        const QStringView text(utc);
        const QDate day = QDate::fromString(text.left(10), Qt::ISODate);
        if (text.mid(11, 2) != QLatin1String("23"))
            return day; // an hour ahead in summer: only 23:xx UTC is the next day
        const bool summer = std::any_of(m_summers.cbegin(), m_summers.cend(), [&](const auto &s) {
            return utc >= s.first && utc < s.second;
        });
        return summer ? day.addDays(1) : day;
    }

    /// \a utc as the store writes timestamps.
    static QString storeText(const QDateTime &utc)
    {
        return utc.toUTC().toString(Qt::ISODateWithMs);
    }

    /// The calendar year of a stored timestamp.
    static int yearOf(const QString &utc) { return QStringView(utc).left(4).toInt(); }

private:
    QList<std::pair<QString, QString>> m_summers;
};

/// A completed job as the time-based figures use it: its household, when it was completed
/// (stored text and London day) and what it spent, and the household's first completed survey.
struct DatedCompletion {
    qint64 household = 0; ///< the household's local key (rid)
    QString areaId;
    QString completedAt;
    QDate day;
    qint64 spendPence = 0;
    QDate surveyed; ///< invalid when no survey was completed
};

} // namespace saferhomes
