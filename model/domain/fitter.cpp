#include "fitter.h"

namespace saferhomes {

std::optional<Shift> Fitter::shiftOn(const QDate &day) const
{
    if (!active || isAbsentOn(day))
        return std::nullopt;
    const int weekday = day.dayOfWeek();
    if (weekdayShifts.contains(weekday))
        return weekdayShifts.value(weekday);
    if (weekday >= 6)
        return std::nullopt;
    return usualShift;
}

bool Fitter::isAbsentOn(const QDate &day) const
{
    for (const Absence &absence : absences) {
        if (day >= absence.from && day <= absence.to)
            return true;
    }
    return false;
}

QJsonObject Fitter::weekdayShiftsJson() const
{
    QJsonObject json;
    for (auto it = weekdayShifts.cbegin(); it != weekdayShifts.cend(); ++it) {
        const QString key = QString::number(it.key());
        if (it.value()) {
            json.insert(key,
                        QJsonArray {it.value()->start.toString(u"HH:mm"),
                                    it.value()->end.toString(u"HH:mm")});
        } else {
            json.insert(key, QJsonValue::Null);
        }
    }
    return json;
}

QJsonArray Fitter::absencesJson() const
{
    QJsonArray json;
    for (const Absence &absence : absences) {
        json.append(QJsonObject {{QStringLiteral("from"), absence.from.toString(Qt::ISODate)},
                                 {QStringLiteral("to"), absence.to.toString(Qt::ISODate)},
                                 {QStringLiteral("reason"), absence.reason}});
    }
    return json;
}

QMap<int, std::optional<Shift>> Fitter::weekdayShiftsFromJson(const QJsonObject &json)
{
    QMap<int, std::optional<Shift>> shifts;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        bool ok = false;
        const int weekday = it.key().toInt(&ok);
        if (!ok || weekday < 1 || weekday > 7)
            continue;
        const QJsonArray pair = it.value().toArray();
        const QTime start = QTime::fromString(pair.at(0).toString(), u"HH:mm");
        const QTime end = QTime::fromString(pair.at(1).toString(), u"HH:mm");
        if (it.value().isNull())
            shifts.insert(weekday, std::nullopt);
        else if (start.isValid() && end.isValid() && start < end)
            shifts.insert(weekday, Shift {start, end});
    }
    return shifts;
}

QList<Absence> Fitter::absencesFromJson(const QJsonArray &json)
{
    QList<Absence> absences;
    for (const QJsonValue &value : json) {
        const QJsonObject object = value.toObject();
        Absence absence {
            QDate::fromString(object.value(QStringLiteral("from")).toString(), Qt::ISODate),
            QDate::fromString(object.value(QStringLiteral("to")).toString(), Qt::ISODate),
            object.value(QStringLiteral("reason")).toString()};
        if (absence.from.isValid() && absence.to.isValid() && absence.from <= absence.to)
            absences.append(absence);
    }
    return absences;
}

QStringList fitterSkillNames()
{
    return {QStringLiteral("locks"), QStringLiteral("alarms"), QStringLiteral("electrical"),
            QStringLiteral("general")};
}

} // namespace saferhomes
