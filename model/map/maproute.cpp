#include "map/maproute.h"

#include "map/tilemath.h"
#include "store/database.h"
#include "store/fitterrepository.h"
#include "store/jobrepository.h"

#include <algorithm>

namespace saferhomes {

std::optional<QRectF> MapRoute::bounds() const
{
    QList<QPointF> points;
    if (start)
        points.append(*start);
    for (const MapRouteStop &stop : stops) {
        if (stop.world)
            points.append(*stop.world);
    }
    if (points.isEmpty())
        return {};
    double left = points[0].x(), right = left, top = points[0].y(), bottom = top;
    for (const QPointF &p : std::as_const(points)) {
        left = std::min(left, p.x());
        right = std::max(right, p.x());
        top = std::min(top, p.y());
        bottom = std::max(bottom, p.y());
    }
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

MapRoute MapRoute::fromJobs(const Fitter &fitter, const QList<Job> &jobs)
{
    MapRoute route;
    if (fitter.latitude && fitter.longitude)
        route.start = TileMath::toWorld(*fitter.latitude, *fitter.longitude);
    for (const Job &job : jobs) {
        MapRouteStop stop {job.householdId, tr("%1, %2").arg(job.address, job.postcode), {}};
        if (job.latitude && job.longitude)
            stop.world = TileMath::toWorld(*job.latitude, *job.longitude);
        route.stops.append(stop);
    }
    return route;
}

Result<MapRoute> MapRoute::load(const Database &database, const QUuid &fitterId, const QDate &date)
{
    const QString user = Database::localUserName();
    const Result<Fitter> fitter = FitterRepository(database, user).find(fitterId);
    if (!fitter)
        return fitter.error();
    JobFilter filter;
    filter.day = date;
    filter.fitterId = fitterId;
    const Result<QList<Job>> read = JobRepository(database, user).jobs(filter);
    if (!read)
        return read.error();
    QList<Job> jobs;
    for (const Job &job : *read) {
        if (job.status != JobStatus::Cancelled)
            jobs.append(job);
    }
    std::stable_sort(jobs.begin(), jobs.end(), [](const Job &a, const Job &b) {
        if (a.start != b.start)
            return a.start < b.start;
        return a.sequence < b.sequence;
    });
    return fromJobs(*fitter, jobs);
}

} // namespace saferhomes
