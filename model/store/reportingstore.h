#pragma once

#include <optional>

#include "domain/result.h"
#include "repository.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace saferhomes {

/// The rows the quarterly return and the spend forecast are assembled from (DESIGN §9). Times
/// are the store's ISO 8601 UTC text; a bound [from, to) is compared as text, which orders as
/// the instants do. Ids are the store's UUID text.
struct ReturnRows {
    struct Visit {
        QString householdId;
        QString outcome;
    };
    /// A completed job: its household and when it was completed.
    struct Completion {
        QString householdId;
        QString completedAt;
    };
    /// A fitted item of a completed job, with the item's unit cost.
    struct Fitted {
        QString householdId;
        QString completedAt;
        QString code;
        qint64 qty = 0;
        qint64 unitCostPence = 0;
    };
    struct Equipment {
        QString code;
        QString name;
    };

    // In no particular order: the return sorts what it lists.
    QList<Visit> visits; ///< distinct (household, outcome) of the visits in [from, to)
    QStringList accepted; ///< households with a package first agreed in [from, to)
    QList<Completion> completions; ///< completed jobs with completed_at < to
    QList<Fitted> fitted; ///< fitted items (qty > 0) of completed jobs with completed_at < to
    QList<Equipment> equipment; ///< the catalogue, by code
    qint64 targetHomes = 0; ///< the sum of the areas' targets
};

/// A household as the return's evidence lists it.
struct ReturnAddress {
    QString id;
    QString uprn;
    QString address; ///< line 1, line 2, town and postcode, joined by ", "
    QString areaName;
    std::optional<double> latitude; ///< WGS84; none: the home is not on the map
    std::optional<double> longitude;
};

/// Reads the rows behind the quarterly return and the budgets' spend from the local store:
/// the one place their SQL lives. Every read returns a Result; a failed query is a failure,
/// never an empty answer.
class ReportingStore : public Repository {
    Q_DECLARE_TR_FUNCTIONS(ReportingStore)

public:
    explicit ReportingStore(const Database &database);

    /// The rows for a return over [\a from, \a to) (store timestamps); completions and fitted
    /// items are read from the beginning up to \a to, for the to-date figures.
    Result<ReturnRows> returnRows(const QString &from, const QString &to) const;
    /// The households \a ids as the evidence lists them (unknown ids are left out).
    Result<QHash<QString, ReturnAddress>> addresses(const QStringList &ids) const;
    /// Spend (fitted quantity x unit cost, pence) per area id of the jobs completed in
    /// [\a from, \a to); households without an area are under an empty id.
    Result<QHash<QString, qint64>> spendByArea(const QString &from, const QString &to) const;
    /// The scheme's name for reports: the areas' names joined by " and ", by name.
    Result<QStringList> areaNames() const;
};

} // namespace saferhomes
