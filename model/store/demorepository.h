#pragma once

#include "householdrepository.h"

#include <QByteArray>
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

/// One fitter with skills, shift (local "HH:mm") and start location.
struct DemoFitter {
    QUuid id;
    QString name;
    QStringList skills;
    double startLatitude = 0;
    double startLongitude = 0;
    QString shiftStart;
    QString shiftEnd;
};

struct DemoVisit {
    QUuid id;
    QUuid householdId;
    QDateTime at;
    QString byUser;
    QString outcome;
    QString reason;
    QDateTime revisitAt; ///< null when no revisit was asked for
    QString notes;
};

/// A photo, signature or document; sha256 is computed when it is written.
struct DemoAttachment {
    QUuid id;
    QUuid householdId;
    QString kind;
    QString mimeType;
    QByteArray bytes;
    QDateTime createdAt;
    QString byUser;
};

struct DemoConsent {
    QUuid id;
    QUuid householdId;
    QUuid residentId; ///< null for a refusal (no personal details kept)
    QString purpose;
    QString wordingVersion;
    QString method;
    QString witness;
    QUuid signatureId; ///< the signature attachment, if any
    QString recordedBy;
    QDateTime givenAt;
    QDateTime withdrawnAt;
};

struct DemoSurvey {
    QUuid id;
    QUuid householdId;
    QUuid visitId;
    QString definitionVersion;
    QByteArray answersJson;
    QDateTime startedAt;
    QDateTime completedAt;
    QString byUser;
};

struct DemoRecommendation {
    QUuid id;
    QUuid surveyId;
    QString code;
    int qty = 1;
    QString reason;
    bool agreed = false;
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

/// Writes generated demo data (areas, catalogue, fitters, households and everything that
/// hangs off them) inside one transaction, each created entity with its audit event
/// (households, visits, consents, attachments, surveys and jobs get theirs at commit;
/// recommendations and job items are covered by their survey's and job's).
class DemoRepository {
public:
    DemoRepository(const Database &database, QString userName);
    ~DemoRepository();
    DemoRepository(const DemoRepository &) = delete;
    DemoRepository &operator=(const DemoRepository &) = delete;

    /// Households in the database, soft-deleted ones included; -1 when it cannot be read.
    int householdCount() const;

    /// Opens the transaction that every add...() call below writes into.
    bool begin();
    bool commit();
    void rollback();

    /// Creates the area, or updates the target and budget of the one with that name; returns
    /// the id the households must refer to.
    std::optional<QUuid> addArea(const Area &area);
    /// Adds a catalogue entry; an existing code is left as it is.
    bool addEquipment(const DemoEquipment &equipment);
    bool addFitter(const DemoFitter &fitter);
    /// Adds a household and its primary resident (when named), following the rules of
    /// HouseholdRepository::insert; the quick-find rows are written by commit().
    bool addHousehold(const HouseholdRecord &record);
    /// Adds a further, non-primary resident.
    bool addResident(const Resident &resident);
    bool addVisit(const DemoVisit &visit);
    bool addAttachment(const DemoAttachment &attachment);
    bool addConsent(const DemoConsent &consent);
    bool addSurvey(const DemoSurvey &survey);
    bool addRecommendation(const DemoRecommendation &recommendation);
    bool addJob(const DemoJob &job);
    bool addJobItem(const DemoJobItem &item);
    bool addStockMovement(const DemoStockMovement &movement);

    QString errorString() const { return m_error; }

private:
    struct Statements;
    bool fail(const QString &message);
    void restoreCacheSize();

    QString m_connectionName;
    QString m_userName;
    QString m_device;
    QString m_error;
    QString m_now;
    qint64 m_firstRid = 0; ///< households after this row were added by this fill
    qint64 m_rid = 0;
    QList<qint64> m_firstRowids; ///< per bulk-audited table: rows after these are this fill's
    qint64 m_cacheSize = -2000; ///< the connection's own setting, put back after the fill
    std::unique_ptr<Statements> m_statements;
};

} // namespace saferhomes
