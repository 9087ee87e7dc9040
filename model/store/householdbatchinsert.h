#pragma once

#include "householdrepository.h"

#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace saferhomes {

class AreaResolver;
class AuditLog;
class HouseholdRows;

/// Writes a batch of new households with their primary residents inside the caller's
/// transaction as one bulk operation: the rows (many to a statement) and their quick-find
/// entries as the encoded rows arrive (HouseholdRows, whose values were checked against the
/// tables' CHECK constraints when they were encoded), then their sync ops and one audit event
/// for the whole batch. The caller switches SQLite's own per-row constraint checks off for its
/// connection (HouseholdRepository::insert()).
class HouseholdBatchInsert {
    Q_DECLARE_TR_FUNCTIONS(HouseholdBatchInsert)

public:
    HouseholdBatchInsert(QString connectionName, QString userName, QString device);
    ~HouseholdBatchInsert();

    // On a failure (Error::Locked when another connection holds the lock the write needs,
    // Error::Database otherwise, naming what was being written) the caller rolls back.

    /// Prepares to write.
    Status begin(QStringList *createdAreas);
    /// Writes \a rows.
    Status write(const HouseholdRows &rows);
    /// Writes the sync ops and the audit event of everything written.
    Status finish(const HouseholdBatchSource &source);

    qint64 written() const { return m_nextHouseholdRid - m_firstHouseholdRid; }

private:
    /// Fills m_rowAreas for \a rows, creating the areas not known yet.
    Status resolveAreas(const HouseholdRows &rows);
    /// Indexes the gathered quick-find texts for the households they belong to.
    Status writeSearchTexts();
    Status writeOutbox();
    Status writeAuditEvent(const HouseholdBatchSource &source);

    QString m_connectionName;
    QString m_userName;
    QString m_device;
    QString m_now;
    QByteArray m_nowUtf8;
    QStringList *m_createdAreas = nullptr;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<AreaResolver> m_areas;
    QHash<QByteArray, QByteArray> m_areaIds; ///< area name to id, both UTF-8
    struct Statements;
    std::unique_ptr<Statements> m_statements;
    std::vector<QByteArray> m_rowAreas; ///< the area id of each row being written (or null)
    std::vector<qsizetype> m_withResident; ///< the rows being written that have a resident
    qint64 m_firstHouseholdRid = 0; ///< the batch's households have rids from here...
    qint64 m_nextHouseholdRid = 0; ///< ...up to but not including here
    qint64 m_nextResidentRid = 0;
    QString m_firstId;
    QString m_lastId;
    /// Quick-find texts not indexed yet (a JSON array being built) and the rid of the first.
    QByteArray m_searchTexts;
    qint64 m_searchFirstRid = 0;
    /// Index the gathered texts when they reach this size (memory against statements).
    static constexpr qsizetype kSearchTextBytes = 32 << 20;
};

} // namespace saferhomes
