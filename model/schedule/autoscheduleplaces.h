#pragma once

#include "schedule/autoscheduler.h"
#include "schedule/travelmodel.h"

#include <memory>
#include <vector>

namespace saferhomes::autoschedule {

/// Where fitters start (place = fitter index) and where jobs are (fitter count + job index);
/// a place without coordinates is reached from anywhere in no time.
class Places {
public:
    explicit Places(const AutoScheduleInput &input);
    int count() const { return int(m_known.size()); }
    int ofFitter(int fitter) const { return fitter; }
    int ofJob(int job) const { return m_fitters + job; }
    bool known(int place) const { return m_known[size_t(place)]; }
    double minutes(int from, int to) const { return minutesFor(kilometres(from, to)); }
    double minutesFor(double kilometres) const { return kilometres / m_settings.speedKmh * 60.0; }
    double kilometres(int from, int to) const
    {
        return known(from) && known(to) ? m_model->distance(from, to) : 0.0;
    }

private:
    int m_fitters = 0;
    GreatCircleTravelModel::Settings m_settings;
    std::vector<bool> m_known;
    std::unique_ptr<GreatCircleTravelModel> m_model;
};

} // namespace saferhomes::autoschedule
