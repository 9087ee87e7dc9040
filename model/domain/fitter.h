#pragma once

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTime>
#include <QUuid>

#include <optional>

namespace saferhomes {

/// A working day's shift (local time).
struct Shift {
    QTime start;
    QTime end;
    bool operator==(const Shift &) const = default;
};

/// Whole days a fitter does not work (leave, training), first and last included.
struct Absence {
    QDate from;
    QDate to;
    QString reason;
    bool operator==(const Absence &) const = default;
};

/// A fitter (DESIGN §8): skills, a week of shifts, absences, where their day starts, their van.
struct Fitter {
    QUuid id;
    QString name;
    QStringList skills; ///< locks, alarms, electrical, general
    std::optional<double> latitude;
    std::optional<double> longitude;
    Shift usualShift {QTime(8, 0), QTime(16, 30)};
    /// ISO weekday → its shift, or nothing for a day off; a weekday not named works the usual
    /// shift Monday to Friday and has the weekend off.
    QMap<int, std::optional<Shift>> weekdayShifts;
    QList<Absence> absences;
    QString van;
    bool active = true;

    /// The shift worked on \a day, or nothing (a day off, an absence, inactive).
    std::optional<Shift> shiftOn(const QDate &day) const;
    bool isAbsentOn(const QDate &day) const;

    QJsonObject weekdayShiftsJson() const;
    QJsonArray absencesJson() const;
    static QMap<int, std::optional<Shift>> weekdayShiftsFromJson(const QJsonObject &json);
    static QList<Absence> absencesFromJson(const QJsonArray &json);
};

/// The skills a fitter may have (DESIGN §8), as the catalogue names them.
QStringList fitterSkillNames();

} // namespace saferhomes
