#include "feasibilitychecker.h"

#include <algorithm>
#include <numeric>

namespace saferhomes {

namespace {

// Times are minutes; a thousandth of a second of rounding is not a broken rule.
constexpr double kSlack = 1e-6;

bool inside(double start, double end, const TimeWindow &window)
{
    return start >= window.open - kSlack && end <= window.close + kSlack;
}

bool overlaps(double start, double end, const TimeWindow &window)
{
    return start < window.close - kSlack && end > window.open + kSlack;
}

/// The stock rule: booked jobs in start order take what they need from the van, else the
/// depot (all of an item from one place, as a reservation does).
void checkStock(const std::vector<CheckedFitter> &fitters, const std::vector<CheckedJob> &jobs,
                const CheckedStock &stock, std::vector<std::vector<RuleBreak>> &breaks)
{
    const auto needed = [&](int j) -> const std::vector<std::pair<int, int>> & {
        static const std::vector<std::pair<int, int>> nothing;
        return j < int(stock.needed.size()) ? stock.needed[size_t(j)] : nothing;
    };
    std::vector<int> order;
    for (int j = 0; j < int(jobs.size()); ++j) {
        const CheckedJob &job = jobs[size_t(j)];
        if (job.fitter >= 0 && job.fitter < int(fitters.size()) && !needed(j).empty())
            order.push_back(j);
    }
    if (order.empty())
        return;
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const CheckedJob &x = jobs[size_t(a)];
        const CheckedJob &y = jobs[size_t(b)];
        return x.start != y.start ? x.start < y.start : a < b;
    });
    std::vector<int> depot = stock.depot;
    std::vector<std::vector<int>> vans = stock.vans;
    vans.resize(fitters.size());
    const auto take = [](std::vector<int> &place, int item, int qty) {
        if (item < 0 || item >= int(place.size()) || place[size_t(item)] < qty)
            return false;
        place[size_t(item)] -= qty;
        return true;
    };
    for (const int j : order) {
        const CheckedJob &job = jobs[size_t(j)];
        bool short_ = false;
        for (const auto &[item, qty] : needed(j)) {
            if (qty > 0 && !take(vans[size_t(job.fitter)], item, qty) && !take(depot, item, qty))
                short_ = true;
        }
        if (short_)
            breaks[size_t(j)].push_back({ScheduleRule::StockShort});
    }
}

} // namespace

QString scheduleRuleName(ScheduleRule rule)
{
    switch (rule) {
    case ScheduleRule::DoubleBooking: return QStringLiteral("double_booking");
    case ScheduleRule::OutsideShift: return QStringLiteral("outside_shift");
    case ScheduleRule::Absence: return QStringLiteral("absence");
    case ScheduleRule::MissingSkill: return QStringLiteral("missing_skill");
    case ScheduleRule::WindowMissed: return QStringLiteral("window_missed");
    case ScheduleRule::TravelImpossible: return QStringLiteral("travel_impossible");
    case ScheduleRule::StockShort: return QStringLiteral("stock_short");
    }
    return {};
}

std::vector<std::vector<RuleBreak>> checkSchedule(const std::vector<CheckedFitter> &fitters,
                                                  const std::vector<CheckedJob> &jobs,
                                                  const TravelModel *travel,
                                                  const CheckedStock *stock)
{
    std::vector<std::vector<RuleBreak>> breaks(jobs.size());
    std::vector<std::vector<int>> byFitter(fitters.size());
    for (int j = 0; j < int(jobs.size()); ++j) {
        const CheckedJob &job = jobs[size_t(j)];
        if (job.fitter < 0 || job.fitter >= int(fitters.size()))
            continue;
        byFitter[size_t(job.fitter)].push_back(j);
        const CheckedFitter &fitter = fitters[size_t(job.fitter)];
        const bool absent = std::any_of(
            fitter.absences.cbegin(), fitter.absences.cend(),
            [&](const TimeWindow &absence) { return overlaps(job.start, job.end, absence); });
        if (absent)
            breaks[size_t(j)].push_back({ScheduleRule::Absence});
        const bool inShift = std::any_of(
            fitter.working.cbegin(), fitter.working.cend(),
            [&](const TimeWindow &shift) { return inside(job.start, job.end, shift); });
        if (!inShift && !absent)
            breaks[size_t(j)].push_back({ScheduleRule::OutsideShift});
        if ((job.requiredSkills & ~fitter.skills) != 0)
            breaks[size_t(j)].push_back({ScheduleRule::MissingSkill});
        const bool inWindow
            = job.windows.empty()
            || std::any_of(job.windows.cbegin(), job.windows.cend(), [&](const TimeWindow &w) {
                   return job.start >= w.open - kSlack && job.start <= w.close + kSlack;
               });
        if (!inWindow)
            breaks[size_t(j)].push_back({ScheduleRule::WindowMissed});
    }
    for (std::vector<int> &day : byFitter) {
        std::sort(day.begin(), day.end(), [&](int a, int b) {
            const CheckedJob &x = jobs[size_t(a)];
            const CheckedJob &y = jobs[size_t(b)];
            return x.start != y.start ? x.start < y.start : a < b;
        });
        for (size_t k = 0; k < day.size(); ++k) {
            const CheckedJob &job = jobs[size_t(day[k])];
            for (size_t m = 0; m < day.size(); ++m) {
                const CheckedJob &other = jobs[size_t(day[m])];
                if (m != k && job.start < other.end - kSlack && other.start < job.end - kSlack)
                    breaks[size_t(day[k])].push_back({ScheduleRule::DoubleBooking, day[m]});
            }
            if (travel && k > 0) {
                const CheckedJob &previous = jobs[size_t(day[k - 1])];
                const bool clash = previous.end > job.start + kSlack;
                const double arrival
                    = previous.end + travel->travelTime(previous.location, job.location);
                if (!clash && arrival > job.start + kSlack)
                    breaks[size_t(day[k])].push_back({ScheduleRule::TravelImpossible, day[k - 1]});
            }
        }
    }
    if (stock)
        checkStock(fitters, jobs, *stock, breaks);
    return breaks;
}

} // namespace saferhomes
