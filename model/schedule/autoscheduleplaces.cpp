#include "autoscheduleplaces.h"

#include <QPointF>

namespace saferhomes::autoschedule {

Places::Places(const AutoScheduleInput &input)
    : m_fitters(int(input.fitters.size()))
{
    std::vector<QPointF> points;
    const auto add = [&](std::optional<double> latitude, std::optional<double> longitude) {
        const bool known = latitude && longitude;
        m_known.push_back(known);
        points.emplace_back(known ? *latitude : 0.0, known ? *longitude : 0.0);
    };
    for (const Fitter &fitter : input.fitters)
        add(fitter.latitude, fitter.longitude);
    for (const Job &job : input.jobs)
        add(job.latitude, job.longitude);
    m_model = std::make_unique<GreatCircleTravelModel>(std::move(points), m_settings);
}

} // namespace saferhomes::autoschedule
