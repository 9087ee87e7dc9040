#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTime>
#include <QUuid>

#include <optional>

namespace saferhomes {

/// Where a job stands (DESIGN §8): unscheduled → tentative → scheduled → completed | no_access
/// | cancelled. The stored names are the schema's CHECK values.
enum class JobStatus { Unscheduled, Tentative, Scheduled, Completed, NoAccess, Cancelled };

class JobStatusNames {
public:
    static QString name(JobStatus status);
    static std::optional<JobStatus> fromName(const QString &name);
    static QStringList allNames();
    /// Still to be done: unscheduled, tentative or scheduled.
    static bool isOpen(JobStatus status);
    /// Booked on a fitter's time: tentative or scheduled.
    static bool isBooked(JobStatus status);
};

/// How a booked job is held when the optimiser plans (DESIGN §8, issue 12): not at all; to its
/// fitter (any day and time of the horizon, never another fitter); to its fitter's day (that
/// fitter and day, the order within the day may change); or to its exact time. The stored
/// names are the schema's CHECK values (`job.pin_kind`).
enum class PinKind { None, Fitter, Day, Time };

class PinKindNames {
public:
    static QString name(PinKind kind);
    static std::optional<PinKind> fromName(const QString &name);
    static QStringList allNames();
    /// The kind a stored row means: `pinned` (the column older devices write) is a pin to the
    /// exact time whatever `pin_kind` says; else `pin_kind` when it names a fitter or day pin.
    static PinKind fromStored(bool pinned, const QString &pinKind);
};

/// One weekly window in which the householder can let a fitter in (local time).
struct AvailabilityWindow {
    QList<int> weekdays; ///< ISO weekdays, 1 = Monday; empty: every day
    QTime from;
    QTime to;

    bool operator==(const AvailabilityWindow &) const = default;
};

/// When the householder can be visited, asked for when the package is agreed: weekly
/// windows (none: any time), weekdays and dates to avoid, and access notes for the fitter.
struct JobAvailability {
    QList<AvailabilityWindow> windows;
    QList<int> avoidWeekdays;
    QList<QDate> avoidDates;

    bool isEmpty() const
    {
        return windows.isEmpty() && avoidWeekdays.isEmpty() && avoidDates.isEmpty();
    }
    /// False on a day to avoid.
    bool allowsDay(const QDate &day) const;
    /// The windows open on \a day (local times); an empty availability is the whole day.
    QList<std::pair<QTime, QTime>> windowsOn(const QDate &day) const;
    /// True when a visit may start at \a start (local time): the householder is in to let
    /// the fitter in, so the start (not the whole visit) must fall inside a window.
    bool allows(const QDateTime &start) const;

    QJsonObject toJson() const;
    /// An empty availability for a malformed object (the store only keeps what toJson wrote).
    static JobAvailability fromJson(const QJsonObject &json);
    bool operator==(const JobAvailability &) const = default;
};

/// An item of a job: planned quantity, and what was fitted.
struct JobItem {
    QUuid id;
    QString code;
    int qty = 0;
    int fittedQty = 0;
    QString serial; ///< serial numbers, comma separated
};

/// An installation job (DESIGN §8), with what lists and the optimiser need of its household.
struct Job {
    QUuid id;
    QUuid householdId;
    QUuid surveyId;
    QUuid fitterId;
    JobStatus status = JobStatus::Unscheduled;
    QDateTime start; ///< invalid when not booked
    QDateTime end;
    int durationMinutes = 0;
    PinKind pin = PinKind::None; ///< only a booked job is pinned
    bool isPinned() const { return pin != PinKind::None; }
    int sequence = 0;
    QUuid revisitOf;
    JobAvailability availability;
    QString accessNotes;
    QDateTime completedAt;
    QString signedOffBy;
    QString notes;
    QDateTime createdAt;
    QList<JobItem> items;

    // From the household, read with the job.
    QString address;
    QString postcode;
    QString area;
    std::optional<double> latitude;
    std::optional<double> longitude;
};

/// Minutes a fitter spends setting up and clearing away at each job, on top of fit minutes.
inline constexpr int kJobSetUpMinutes = 15;

} // namespace saferhomes
