#pragma once

#include "domain/result.h"
#include "repository.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace saferhomes {

/// A stock location as people name it.
struct StockPlace {
    QString location; ///< `depot` or a fitter id
    QString name; ///< "Depot", "Van: Alice Ward"
    QString fitterName; ///< whose van it is; empty for the depot
};

/// One line of the stock levels: an item at a location, with the catalogue's re-order level.
struct StockOverviewLine {
    QString code;
    QString item; ///< name (standard)
    QString location;
    QString locationName;
    int onHand = 0;
    int reserved = 0;
    int available = 0;
    int reorderLevel = 0;
    /// At the depot, where deliveries arrive: available below the re-order level.
    bool belowReorder = false;

    bool operator==(const StockOverviewLine &) const = default;
};

/// The stock levels as the stock screens show them (issue 13 item 4): the ledger's levels with
/// the catalogue's names and re-order levels and the fitters' names, every catalogue item at
/// the depot (zeros when it never had any), and which items are to be ordered again.
class StockOverview : public Repository {
    Q_DECLARE_TR_FUNCTIONS(StockOverview)

public:
    StockOverview(const Database &database, QString userName);

    /// An item is to be ordered again when the depot has fewer available than its re-order
    /// level (a level of 0: never).
    static bool isBelowReorder(int available, int reorderLevel)
    {
        return reorderLevel > 0 && available < reorderLevel;
    }

    /// The depot, then every fitter's van by fitter name.
    Result<QList<StockPlace>> places() const;
    /// The levels of \a location (every location when empty), by item name, the depot first.
    Result<QList<StockOverviewLine>> levels(const QString &location = {}) const;

private:
    const Database &m_database;
};

} // namespace saferhomes
