#pragma once

#include "householdrepository.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace saferhomes {

/// Writes a batch of new households with their primary residents inside the caller's
/// transaction as one bulk operation: the rows (many to a statement), a check of the new rows
/// against the tables' CHECK constraints and foreign keys, their quick-find entries and sync
/// ops, and one audit event for the whole batch. The caller switches SQLite's own per-row
/// constraint checks off for its connection (HouseholdRepository::insert()).
class HouseholdBatchInsert {
public:
    HouseholdBatchInsert(QString connectionName, QString userName, QString device);

    /// False on failure (errorString()) or when \a progress cancels (wasCancelled()); the
    /// caller then rolls back.
    bool run(const QList<HouseholdRecord> &records, const HouseholdBatchSource &source,
             QStringList *createdAreas, const HouseholdRepository::Progress &progress);
    bool wasCancelled() const { return m_cancelled; }
    QString errorString() const { return m_error; }

private:
    bool writeRows(const QList<HouseholdRecord> &records, QStringList *createdAreas,
                   const HouseholdRepository::Progress &progress);
    bool checkRows();
    /// Why a row of \a table with rid above \a afterRid breaks the table's CHECK constraints
    /// or foreign keys; empty when none does.
    QString brokenConstraint(const QString &table, qint64 afterRid) const;
    bool writeSearchAndOutbox();
    bool writeAuditEvent(qint64 count, const HouseholdBatchSource &source);
    bool fail(const QString &message);

    QString m_connectionName;
    QString m_userName;
    QString m_device;
    QString m_now;
    qint64 m_firstHouseholdRid = 0; ///< the batch's households have rids from here...
    qint64 m_endHouseholdRid = 0; ///< ...up to but not including here
    qint64 m_firstResidentRid = 0;
    QString m_firstId;
    QString m_lastId;
    QString m_error;
    bool m_cancelled = false;
};

} // namespace saferhomes
