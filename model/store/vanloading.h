#pragma once

#include "domain/result.h"
#include "repository.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QUuid>

namespace saferhomes {

/// One item of a fitter's "load the van" list: what the day's booked jobs need, what the van
/// can give them, and what is to come from the depot.
struct VanLoadLine {
    QString code;
    int needed = 0; ///< the items of the fitter's booked jobs that day
    int inVan = 0; ///< available in the van, plus what it holds reserved for those jobs
    int depotCanGive = 0; ///< available at the depot, plus what it holds reserved for them
    /// What is to be moved from the depot to the van.
    int toLoad() const { return std::max(0, needed - inVan); }

    bool operator==(const VanLoadLine &) const = default;
};

/// The "load the van" list of a fitter's day (DESIGN §8, issue 13) and the one step that loads
/// it: what their booked jobs need minus what their van holds, moved from the depot with the
/// jobs' reservations following the stock into the van.
class VanLoading : public Repository {
    Q_DECLARE_TR_FUNCTIONS(VanLoading)

public:
    VanLoading(const Database &database, QString userName);

    /// One line per item the fitter's tentative or scheduled jobs starting on \a day (Europe/
    /// London) need, by code.
    Result<QList<VanLoadLine>> list(const QUuid &fitterId, const QDate &day) const;
    /// Transfers every line's toLoad() from the depot into the fitter's van and moves the day's
    /// reservations there, in one transaction (each movement audited and queued for sync).
    /// When the depot cannot give a line, nothing moves: Error::Invalid with the figures.
    /// Returns how many items were moved.
    Result<int> load(const QUuid &fitterId, const QDate &day);

private:
    const Database &m_database;
};

} // namespace saferhomes
