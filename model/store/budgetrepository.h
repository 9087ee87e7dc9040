#pragma once

#include "domain/result.h"
#include "repository.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace saferhomes {

/// An area's allocation for one UK financial year, split into capital and revenue (pence).
struct AreaBudget {
    QUuid areaId;
    QString areaName;
    /// The calendar year the financial year starts in: 2024 for 2024/25.
    int financialYear = 0;
    qint64 capitalPence = 0;
    qint64 revenuePence = 0;
    /// Whether a budget was set (false: the area has no budget for the year yet, both zero).
    bool isSet = false;

    qint64 totalPence() const { return capitalPence + revenuePence; }
};

/// What became of this device's budget edits: those waiting to be sent to the central database,
/// and the ones it refused (newest first, "AREA YEAR: reason"; undone here when refused).
struct BudgetSyncState {
    bool syncs = false; ///< the register has synced with a central database
    int pending = 0;
    QStringList refusals;
};

/// Reads and writes each area's budget per financial year (DESIGN §9) in the local store, each
/// change audited. Money cannot roll over between financial years, so a year is never derived
/// from another.
class BudgetRepository : public Repository {
    Q_DECLARE_TR_FUNCTIONS(BudgetRepository)

public:
    BudgetRepository(const Database &database, QString userName);

    /// Every area, by name, with its budget for \a financialYear (isSet false and zeros where
    /// none has been set).
    Result<QList<AreaBudget>> forYear(int financialYear) const;
    /// The years that have at least one budget, oldest first.
    Result<QList<int>> years() const;
    /// The sum over every area of \a financialYear's budgets (areaId null, areaName empty).
    Result<AreaBudget> schemeTotal(int financialYear) const;
    /// Sets (adds or replaces) the budget of \a budget.areaId for \a budget.financialYear.
    /// Negative amounts and unknown areas are Error::Invalid / Error::NotFound.
    /// The sync then sends it (managers and admins set budgets: on a register that syncs as
    /// another role, Error::Refused).
    Status set(const AreaBudget &budget);
    /// This device's budget edits not yet sent, and those the central database refused.
    Result<BudgetSyncState> syncState() const;
};

} // namespace saferhomes
