#include "reporting/dashboardsnapshot.h"

#include <QSet>

#include <algorithm>
#include <climits>

namespace saferhomes {

Result<DashboardSnapshot> DashboardSnapshot::load(const DashboardStore &store)
{
    Result<DashboardStore::Facts> facts = store.facts();
    if (!facts)
        return facts.error();
    DashboardSnapshot snapshot;
    snapshot.m_facts = std::move(*facts);
    const DashboardStore::Facts &f = snapshot.m_facts;

    snapshot.m_statuses.reserve(f.households.size());
    for (const DashboardStore::Facts::Household &home : f.households) {
        const auto status = HouseholdStatusRules::fromName(home.status);
        if (!status)
            return DashboardStore::unknownStatus(home.status);
        snapshot.m_statuses.append(*status);
    }

    // The London days of every time a figure is dated by, in one pass over the years they span.
    int firstYear = INT_MAX;
    int lastYear = INT_MIN;
    for (const DashboardStore::Facts::Job &job : f.jobs) {
        for (const QString *at : {&job.completedAt, &job.surveyedAt}) {
            if (!at->isEmpty()) {
                firstYear = std::min(firstYear, LondonDays::yearOf(*at));
                lastYear = std::max(lastYear, LondonDays::yearOf(*at));
            }
        }
    }
    const LondonDays days = firstYear <= lastYear ? LondonDays(firstYear - 1, lastYear + 1)
                                                  : LondonDays(2000, 2000); // not used

    snapshot.m_jobDays.reserve(f.jobs.size());
    for (int i = 0; i < f.jobs.size(); ++i) {
        const DashboardStore::Facts::Job &job = f.jobs[i];
        JobDays dated;
        if (job.status == QLatin1String("completed")) {
            dated.state = JobState::Completed;
            if (!job.completedAt.isNull()) {
                dated.day = days.date(job.completedAt);
                snapshot.m_completed.append(i);
            }
            if (!job.surveyedAt.isNull())
                dated.surveyed = days.date(job.surveyedAt);
        } else if (job.status == QLatin1String("unscheduled")) {
            dated.state = JobState::Open;
        } else if (job.status == QLatin1String("tentative")
                   || job.status == QLatin1String("scheduled")) {
            dated.state = JobState::Booked;
        }
        snapshot.m_jobDays.append(dated);
    }
    std::stable_sort(snapshot.m_completed.begin(), snapshot.m_completed.end(),
                     [&](int a, int b) { return f.jobs[a].completedAt < f.jobs[b].completedAt; });
    return snapshot;
}

DashboardSnapshot::Selection DashboardSnapshot::select(const DashboardFilter &filter) const
{
    Selection selection;
    const int area = filter.areaId.isEmpty() ? -1 : int(m_facts.areaIds.indexOf(filter.areaId));
    const int fitter
        = filter.fitterId.isEmpty() ? -1 : int(m_facts.fitterIds.indexOf(filter.fitterId));
    const bool none
        = (!filter.areaId.isEmpty() && area < 0) || (!filter.fitterId.isEmpty() && fitter < 0);
    selection.households.assign(size_t(m_facts.households.size()), none ? 0 : 1);
    selection.fitter = fitter;
    if (none)
        return selection;
    std::vector<char> hasFitter;
    if (fitter >= 0) {
        hasFitter.assign(selection.households.size(), 0);
        for (const DashboardStore::Facts::Job &job : m_facts.jobs) {
            if (job.fitter == fitter)
                hasFitter[size_t(job.household)] = 1;
        }
    }
    for (qsizetype i = 0; i < m_facts.households.size(); ++i) {
        if ((area >= 0 && m_facts.households[i].area != area)
            || (filter.status && m_statuses[i] != *filter.status)
            || (fitter >= 0 && !hasFitter[size_t(i)]))
            selection.households[size_t(i)] = 0;
    }
    return selection;
}

QHash<HouseholdStatus, int> DashboardSnapshot::statusCounts(const Selection &selection) const
{
    QHash<HouseholdStatus, int> counts;
    for (qsizetype i = 0; i < m_statuses.size(); ++i) {
        if (selection.households[size_t(i)])
            ++counts[m_statuses[i]];
    }
    return counts;
}

QList<DashboardArea> DashboardSnapshot::areas(const DashboardFilter &filter) const
{
    QList<DashboardArea> areas;
    for (const DashboardArea &area : m_facts.areas) {
        if (filter.areaId.isEmpty() || area.id == filter.areaId)
            areas.append(area);
    }
    return areas;
}

QList<DatedCompletion> DashboardSnapshot::completions(const Selection &selection,
                                                      const QString &before) const
{
    QList<DatedCompletion> completions;
    for (int i : m_completed) {
        const DashboardStore::Facts::Job &job = m_facts.jobs[i];
        if (job.completedAt >= before)
            break; // oldest first
        if (!selection.keepsJob(job))
            continue;
        const DashboardStore::Facts::Household &home = m_facts.households[job.household];
        completions.append({home.rid, home.area < 0 ? QString() : m_facts.areaIds[home.area],
                            job.completedAt, m_jobDays[i].day, job.spendPence,
                            m_jobDays[i].surveyed});
    }
    return completions;
}

QHash<int, qint64> DashboardSnapshot::budgets(const DashboardFilter &filter, int firstYear,
                                              int lastYear) const
{
    QHash<int, qint64> budgets;
    for (const DashboardStore::Facts::Budget &budget : m_facts.budgets) {
        if (budget.year >= firstYear && budget.year <= lastYear
            && (filter.areaId.isEmpty() || budget.areaId == filter.areaId))
            budgets[budget.year] += budget.pence;
    }
    return budgets;
}

namespace {

/// Whether \a at falls in [span.from, span.to), compared as stored text.
bool inSpan(const QString &at, const DashboardStore::Span &span)
{
    return !at.isNull() && at >= span.from && at < span.to;
}

/// SQLite's order of text (its bytes in UTF-8).
bool textBefore(const QString &a, const QString &b)
{
    return a.toUtf8() < b.toUtf8();
}

} // namespace

QList<DashboardBar> DashboardSnapshot::itemsFitted(const Selection &selection,
                                                   const DashboardStore::Span &span) const
{
    QList<qint64> quantities(m_facts.codes.size(), 0);
    QList<char> seen(m_facts.codes.size(), 0);
    for (const DashboardStore::Facts::Fitted &item : m_facts.fitted) {
        const DashboardStore::Facts::Job &job = m_facts.jobs[item.job];
        if (m_jobDays[item.job].state != JobState::Completed || !inSpan(job.completedAt, span)
            || !selection.keepsJob(job))
            continue;
        quantities[item.code] += item.qty;
        seen[item.code] = 1;
    }
    QList<DashboardBar> bars;
    for (int code = 0; code < m_facts.codes.size(); ++code) {
        if (seen[code]) {
            bars.append({m_facts.codeNames[code],
                         quantities[code],
                         {FigureRef::Kind::ItemsFitted, m_facts.codes[code]}});
        }
    }
    std::sort(bars.begin(), bars.end(), [](const DashboardBar &a, const DashboardBar &b) {
        return a.value != b.value ? a.value > b.value : textBefore(a.ref.key, b.ref.key);
    });
    return bars;
}

QList<DashboardBar> DashboardSnapshot::declines(const Selection &selection,
                                                const DashboardStore::Span &span) const
{
    QHash<QString, QSet<int>> households;
    for (const DashboardStore::Facts::Refusal &refusal : m_facts.refusals) {
        if (selection.households[size_t(refusal.household)] && inSpan(refusal.at, span))
            households[refusal.reason].insert(refusal.household);
    }
    QList<DashboardBar> bars;
    for (auto it = households.cbegin(); it != households.cend(); ++it)
        bars.append(DashboardStore::declineBar(it.key(), it.value().size()));
    std::sort(bars.begin(), bars.end(), [](const DashboardBar &a, const DashboardBar &b) {
        return a.value != b.value ? a.value > b.value : textBefore(a.ref.key, b.ref.key);
    });
    return bars;
}

int DashboardSnapshot::outstanding(const Selection &selection) const
{
    std::vector<char> counted(selection.households.size(), 0);
    int households = 0;
    for (qsizetype i = 0; i < m_facts.jobs.size(); ++i) {
        const DashboardStore::Facts::Job &job = m_facts.jobs[i];
        const JobState state = m_jobDays[i].state;
        if ((state == JobState::Open || state == JobState::Booked) && selection.keepsJob(job)
            && !counted[size_t(job.household)]) {
            counted[size_t(job.household)] = 1;
            ++households;
        }
    }
    return households;
}

DashboardStore::Quality DashboardSnapshot::quality(const Selection &selection,
                                                   const DashboardStore::Span &span) const
{
    DashboardStore::Quality quality;
    for (qsizetype i = 0; i < m_facts.households.size(); ++i) {
        if (!selection.households[size_t(i)])
            continue;
        quality.noCoordinates += m_facts.households[i].noCoordinates ? 1 : 0;
        quality.noUprn += m_facts.households[i].noUprn ? 1 : 0;
    }
    std::vector<char> withoutItems(selection.households.size(), 0);
    std::vector<char> withoutOutcome(selection.households.size(), 0);
    for (qsizetype i = 0; i < m_facts.jobs.size(); ++i) {
        const DashboardStore::Facts::Job &job = m_facts.jobs[i];
        if (!selection.keepsJob(job))
            continue;
        const JobState state = m_jobDays[i].state;
        const auto home = size_t(job.household);
        if (state == JobState::Completed && !job.fittedAnything && !withoutItems[home]) {
            withoutItems[home] = 1;
            ++quality.completedWithoutItems;
        }
        if (state == JobState::Booked && !job.scheduledEnd.isNull() && job.scheduledEnd < span.now
            && !withoutOutcome[home]) {
            withoutOutcome[home] = 1;
            ++quality.visitsWithoutOutcome;
        }
    }
    return quality;
}

} // namespace saferhomes
