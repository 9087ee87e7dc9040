#include "job.h"

#include <QJsonArray>

namespace saferhomes {

namespace {

const QStringList kNames {QStringLiteral("unscheduled"), QStringLiteral("tentative"),
                          QStringLiteral("scheduled"),   QStringLiteral("completed"),
                          QStringLiteral("no_access"),   QStringLiteral("cancelled")};

const QStringList kPinNames {QStringLiteral("none"), QStringLiteral("fitter"),
                             QStringLiteral("day"), QStringLiteral("time")};

QJsonArray intArray(const QList<int> &values)
{
    QJsonArray array;
    for (int value : values)
        array.append(value);
    return array;
}

QList<int> readWeekdays(const QJsonValue &value)
{
    QList<int> days;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &day : array) {
        const int d = day.toInt();
        if (d >= 1 && d <= 7)
            days.append(d);
    }
    return days;
}

} // namespace

QString JobStatusNames::name(JobStatus status)
{
    return kNames.value(int(status));
}

std::optional<JobStatus> JobStatusNames::fromName(const QString &name)
{
    const qsizetype index = kNames.indexOf(name);
    if (index < 0)
        return std::nullopt;
    return JobStatus(index);
}

QStringList JobStatusNames::allNames()
{
    return kNames;
}

QString PinKindNames::name(PinKind kind)
{
    return kPinNames.value(int(kind));
}

std::optional<PinKind> PinKindNames::fromName(const QString &name)
{
    const qsizetype index = kPinNames.indexOf(name);
    if (index < 0)
        return std::nullopt;
    return PinKind(index);
}

QStringList PinKindNames::allNames()
{
    return kPinNames;
}

PinKind PinKindNames::fromStored(bool pinned, const QString &pinKind)
{
    if (pinned)
        return PinKind::Time;
    const PinKind kind = fromName(pinKind).value_or(PinKind::None);
    return kind == PinKind::Fitter || kind == PinKind::Day ? kind : PinKind::None;
}

bool JobStatusNames::isOpen(JobStatus status)
{
    return status == JobStatus::Unscheduled || isBooked(status);
}

bool JobStatusNames::isBooked(JobStatus status)
{
    return status == JobStatus::Tentative || status == JobStatus::Scheduled;
}

bool JobAvailability::allowsDay(const QDate &day) const
{
    return !avoidWeekdays.contains(day.dayOfWeek()) && !avoidDates.contains(day);
}

QList<std::pair<QTime, QTime>> JobAvailability::windowsOn(const QDate &day) const
{
    QList<std::pair<QTime, QTime>> open;
    if (!allowsDay(day))
        return open;
    if (windows.isEmpty()) {
        open.append({QTime(0, 0), QTime(23, 59, 59, 999)});
        return open;
    }
    for (const AvailabilityWindow &window : windows) {
        if (window.weekdays.isEmpty() || window.weekdays.contains(day.dayOfWeek()))
            open.append({window.from, window.to});
    }
    return open;
}

bool JobAvailability::allows(const QDateTime &start) const
{
    const QList<std::pair<QTime, QTime>> open = windowsOn(start.date());
    for (const auto &[from, to] : open) {
        if (start.time() >= from && start.time() <= to)
            return true;
    }
    return false;
}

QJsonObject JobAvailability::toJson() const
{
    QJsonObject json;
    if (!windows.isEmpty()) {
        QJsonArray array;
        for (const AvailabilityWindow &window : windows) {
            array.append(QJsonObject {{QStringLiteral("weekdays"), intArray(window.weekdays)},
                                      {QStringLiteral("from"), window.from.toString(u"HH:mm")},
                                      {QStringLiteral("to"), window.to.toString(u"HH:mm")}});
        }
        json.insert(QStringLiteral("windows"), array);
    }
    if (!avoidWeekdays.isEmpty())
        json.insert(QStringLiteral("avoid_weekdays"), intArray(avoidWeekdays));
    if (!avoidDates.isEmpty()) {
        QJsonArray array;
        for (const QDate &day : avoidDates)
            array.append(day.toString(Qt::ISODate));
        json.insert(QStringLiteral("avoid_dates"), array);
    }
    return json;
}

JobAvailability JobAvailability::fromJson(const QJsonObject &json)
{
    JobAvailability availability;
    const QJsonArray windows = json.value(QStringLiteral("windows")).toArray();
    for (const QJsonValue &value : windows) {
        const QJsonObject object = value.toObject();
        AvailabilityWindow window;
        window.weekdays = readWeekdays(object.value(QStringLiteral("weekdays")));
        window.from = QTime::fromString(object.value(QStringLiteral("from")).toString(), u"HH:mm");
        window.to = QTime::fromString(object.value(QStringLiteral("to")).toString(), u"HH:mm");
        if (window.from.isValid() && window.to.isValid() && window.from < window.to)
            availability.windows.append(window);
    }
    availability.avoidWeekdays = readWeekdays(json.value(QStringLiteral("avoid_weekdays")));
    const QJsonArray dates = json.value(QStringLiteral("avoid_dates")).toArray();
    for (const QJsonValue &value : dates) {
        const QDate day = QDate::fromString(value.toString(), Qt::ISODate);
        if (day.isValid())
            availability.avoidDates.append(day);
    }
    return availability;
}

} // namespace saferhomes
