#pragma once

#include "householdrepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <memory>
#include <optional>

namespace saferhomes {

class Database;

/// One equipment_type row of the catalogue.
struct DemoEquipment {
    QString code;
    QString name;
    QString standard;
    int unitCostPence = 0;
    int fitMinutes = 0;
    QString skill; ///< locks, alarms, electrical or general
};

/// One fitter with skills, shift (local "HH:mm") and start location; the weekdays that differ
/// from the usual shift, absences (JSON as the fitter table keeps them) and the van.
struct DemoFitter {
    QUuid id;
    QString name;
    QStringList skills;
    double startLatitude = 0;
    double startLongitude = 0;
    QString shiftStart;
    QString shiftEnd;
    QString weeklyShifts = QStringLiteral("{}");
    QString absences = QStringLiteral("[]");
    QString van;
};

struct DemoJob {
    QUuid id;
    QUuid householdId;
    QUuid surveyId;
    QUuid fitterId;
    QString status;
    QDateTime scheduledStart;
    QDateTime scheduledEnd;
    QDateTime completedAt;
    QString signedOffBy;
    QString notes;
    QDateTime createdAt;
    int durationMinutes = 0;
    QString availability = QStringLiteral("{}"); ///< JobAvailability's JSON
    QString accessNotes;
    int sequence = 0;
};

struct DemoJobItem {
    QUuid id;
    QUuid jobId;
    QString code;
    int qty = 1;
    QString serial;
    bool fitted = false;
};

struct DemoStockMovement {
    QUuid id;
    QString code;
    int qtyChange = 0;
    QString reason;
    QUuid jobId;
    QDateTime at;
    QString byUser;
    QString note;
};

/// A time that the doorstep services stamp "now" and a demo fill moves into its story's past.
enum class DemoTimestamp {
    VisitAt,
    ConsentGivenAt,
    ConsentWithdrawnAt,
    AttachmentCreatedAt,
    SurveyStartedAt,
    SurveyCompletedAt,
    PackageAgreedAt,
};

/// Writes generated demo data that no service writes yet (areas, catalogue, fitters,
/// households, jobs and stock) in transactions of its own, each created entity with its audit
/// event (households and jobs get theirs at commit; job items are covered by their job's).
class DemoRepository {
    Q_DECLARE_TR_FUNCTIONS(DemoRepository)

public:
    DemoRepository(const Database &database, QString userName);
    ~DemoRepository();
    DemoRepository(const DemoRepository &) = delete;
    DemoRepository &operator=(const DemoRepository &) = delete;

    /// Households in the database, soft-deleted ones included, or why they cannot be counted.
    Result<int> householdCount() const;

    // Every write below fails with Error::Database (Error::Locked when another program holds
    // the lock), naming what it was writing; the caller then rolls back.

    /// Opens the transaction that every add...(), completeJob() and backdate() call below
    /// writes into.
    Status begin();
    /// Writes the quick-find entries and the bulk audit events, and commits.
    Status commit();
    void rollback();

    /// Creates the area, or updates the target and budget of the one with that name; returns
    /// the id the households must refer to.
    Result<QUuid> addArea(const Area &area);
    /// Adds a catalogue entry; an existing code is left as it is.
    Status addEquipment(const DemoEquipment &equipment);
    Status addFitter(const DemoFitter &fitter);
    /// Adds a household and its primary resident (when named), following the rules of
    /// HouseholdRepository::insert; the quick-find rows are written by commit().
    Status addHousehold(const HouseholdRecord &record);
    /// Adds a further, non-primary resident.
    Status addResident(const Resident &resident);
    Status addJob(const DemoJob &job);
    Status addJobItem(const DemoJobItem &item);
    /// Marks a job added earlier as \a job now says it went (status, completion, sign-off,
    /// notes; audited) and its items as \a items say (fitted, serial).
    Status completeJob(const DemoJob &job, const QList<DemoJobItem> &items);
    Status addStockMovement(const DemoStockMovement &movement);
    /// Moves household \a householdId one step of the funnel, from \a from to \a to, as
    /// \a byUser: the status and the household's change time, and the step's audit event in
    /// that name (HouseholdService::setFields writes the same; the outbox op and the quick-find
    /// entry it also writes are never copied out of a fill). Fails when the household is not
    /// at \a from.
    Status moveStatus(const QUuid &householdId, HouseholdStatus from, HouseholdStatus to,
                      const QString &byUser);
    /// Sets time \a which of the row \a id to \a at (the audit events keep when the row was
    /// really written).
    Status backdate(DemoTimestamp which, const QUuid &id, const QDateTime &at);

private:
    struct Statements;
    void restoreCacheSize();

    QString m_connectionName;
    QString m_userName;
    QString m_device;
    QString m_now;
    qint64 m_firstRid = 0; ///< households after this row were added by this transaction
    qint64 m_rid = 0;
    QList<qint64> m_firstRowids; ///< per bulk-audited table: rows after these are this fill's
    qint64 m_cacheSize = -2000; ///< the connection's own setting, put back after the fill
    std::unique_ptr<Statements> m_statements;
};

} // namespace saferhomes
