#pragma once

#include "preparedcache.h"
#include "repository.h"

#include "domain/household.h"
#include "domain/householdfield.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

namespace saferhomes {

class Database;
class HouseholdRows;
template<typename T> class Handover;
using HouseholdRowHandover = Handover<HouseholdRows>;

/// Households to a HouseholdRows batch when they are inserted in bulk.
constexpr qsizetype kHouseholdRowsBatch = 2048;

/// A household with its primary resident, as import creates and export writes them.
struct HouseholdRecord {
    Household household;
    Resident resident;
};

/// Where a batch of new households came from, as the batch's one audit event records it.
struct HouseholdBatchSource {
    QString fileName; ///< the file imported; empty when the batch is not from a file
    QString sha256; ///< hex SHA-256 of the file's bytes
};

/// Counts behind the progress report.
struct StatusCounts {
    QHash<HouseholdStatus, int> byStatus;
    struct AreaRow {
        QString name;
        int households = 0;
        int secured = 0;
        int target = 0;
    };
    QList<AreaRow> byArea;
    int target = 0;
};

/// Reads and writes households, their primary residents and areas in the local database;
/// every write is one transaction together with its audit events.
class HouseholdRepository : public Repository {
    Q_DECLARE_TR_FUNCTIONS(HouseholdRepository)

public:
    /// Called with (done, total) during long work; return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    HouseholdRepository(const Database &database, QString userName);

    // Every read returns the failure when the database cannot answer (a missing table, a
    // damaged file, a lock held by another program): "PATH: cannot read WHAT: SQLite's
    // message". One household asked for by id or UPRN that is not there is Error::NotFound.

    Result<int> count() const;
    Result<QList<HouseholdSummary>> summaries() const;
    Result<HouseholdSummary> summary(const QUuid &id) const;
    Result<HouseholdRecord> find(const QUuid &id) const;
    Result<QUuid> findByUprn(const QString &uprn) const;
    Result<QSet<QString>> existingUprns() const;
    Result<QSet<QUuid>> existingIds() const;
    Result<QList<Area>> areas() const;
    Result<TransitionContext> transitionContext(const QUuid &id) const;
    /// The local keys (HouseholdSummary::localKey) of households matching every word of
    /// \a text as a prefix (address, postcode, names), in ascending order. Keys rather than
    /// ids: a broad prefix matches most households, and reading 50k integers is several
    /// times cheaper.
    Result<QList<qint64>> quickFind(const QString &text) const;
    /// Every household in local key order; Error::Cancelled when \a progress cancels.
    Result<QList<HouseholdRecord>> all(const Progress &progress = {}) const;
    Result<StatusCounts> statusCounts() const;

    /// Inserts \a records in one transaction (areas named but unknown are created and listed
    /// in \a createdAreas) with their quick-find entries, their sync ops and one audit event
    /// for the whole batch (entity "import": \a source, the count and the range of local keys
    /// and ids). Nothing is written when it fails (Error::Invalid naming a record that breaks
    /// a rule of the household table; Error::Locked, Error::Database as insertRows()) or
    /// \a progress cancels (Error::Cancelled). The records are encoded on a second thread
    /// while this one writes (insertRows()).
    Status insert(const QList<HouseholdRecord> &records, QStringList *createdAreas = nullptr,
                  const Progress &progress = {}, const HouseholdBatchSource &source = {});

    /// Inserts new households as \a make encodes them, in one transaction like insert():
    /// \a make runs on a thread of its own and hands each batch over as it is ready
    /// (HouseholdRowHandover::put(), false once the writing stopped), while this thread writes
    /// the one before. It returns whether to keep what it handed over; false (Error::Invalid,
    /// "nothing was written"), a failed write (Error::Locked when another program holds the
    /// lock, Error::Database otherwise) or a cancel through \a progress (Error::Cancelled;
    /// called with each batch's HouseholdRows::progressDone and progressTotal) leaves the
    /// database as it was. \a expectedRows is an estimate; \a source is read only after
    /// \a make has returned (so \a make may fill it in).
    Status insertRows(qint64 expectedRows, const std::function<bool(HouseholdRowHandover &)> &make,
                      QStringList *createdAreas = nullptr, const Progress &progress = {},
                      const HouseholdBatchSource &source = {});

    /// Applies already-validated field values to one household in one audited transaction.
    /// \a keptByPull non-null: the changes undo an edit (UndoGuard): a field a pull changed
    /// since this device last wrote it is not overwritten; a conflict is recorded instead and
    /// the field listed in \a keptByPull, and then nothing else is written either.
    /// Fails, writing nothing, with Error::Locked when another program holds the lock,
    /// Error::NotFound when there is no such household, and Error::Database otherwise, naming
    /// the file and what could not be written.
    Status setFields(const QUuid &id, const QList<std::pair<HouseholdField, QString>> &changes,
                     QStringList *createdAreas = nullptr, QStringList *keptByPull = nullptr);

    /// Creates or updates an area's target and budget (audited); fails as setFields().
    Status saveArea(const Area &area);

private:
    /// The household \a id, \a readRow of the row of \a sql (a select ending in "h.id = ?"),
    /// kept prepared; fails as find().
    template<typename Row>
    Result<Row> readOne(const QString &sql, const QUuid &id,
                        Row (*readRow)(const QSqlQuery &)) const;

    /// The statements of writes and of the reads the doorstep makes on every step, prepared
    /// once (reads keep no cursor open: PreparedCache::read()).
    mutable PreparedCache m_prepared;
};

} // namespace saferhomes
