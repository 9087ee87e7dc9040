#pragma once

#include "domain/fitter.h"
#include "domain/job.h"
#include "domain/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QUuid>

#include <optional>

namespace saferhomes {

class Database;

/// One stop of a route: the household visited and where it is (none: no position).
struct MapRouteStop {
    QUuid householdId;
    QString label; ///< address and postcode
    std::optional<QPointF> world;
};

/// A fitter's day on the map: the start (the fitter's base) and the stops in route order;
/// the legs join them in that order.
struct MapRoute {
    Q_DECLARE_TR_FUNCTIONS(MapRoute)

public:
    std::optional<QPointF> start;
    QList<MapRouteStop> stops;

    bool isEmpty() const { return !start && stops.isEmpty(); }
    /// The world rectangle round the start and the stops that have positions (none: none).
    std::optional<QRectF> bounds() const;

    /// The route of \a fitter through \a jobs as given (already in route order).
    static MapRoute fromJobs(const Fitter &fitter, const QList<Job> &jobs);
    /// \a fitterId's jobs booked on \a date in route order (by start, then the optimiser's
    /// sequence; cancelled ones left out), as the job sheets list them.
    static Result<MapRoute> load(const Database &database, const QUuid &fitterId,
                                 const QDate &date);
};

} // namespace saferhomes
