#include "reporting/dashboardreport.h"

#include "domain/financialperiod.h"
#include "domain/schemetime.h"
#include "reporting/dashboarddays.h"
#include "reporting/dashboardsnapshot.h"

#include <QHash>

#include <algorithm>
#include <climits>

namespace saferhomes {

namespace {

QString storeText(const QDateTime &utc)
{
    return LondonDays::storeText(utc);
}

QString dayStart(const QDate &day)
{
    return storeText(QDateTime(day, QTime(0, 0), london()));
}

QDate mondayOf(const QDate &day)
{
    return day.addDays(1 - day.dayOfWeek());
}

/// \a completions with their London days.
QList<DatedCompletion> dated(const QList<DashboardStore::Completion> &completions,
                             const DashboardFilter &filter)
{
    int firstYear = filter.from.year();
    int lastYear = filter.to.year();
    for (const DashboardStore::Completion &job : completions) {
        for (const QString *at : {&job.completedAt, &job.surveyedAt}) {
            if (!at->isEmpty()) {
                firstYear = std::min(firstYear, LondonDays::yearOf(*at));
                lastYear = std::max(lastYear, LondonDays::yearOf(*at));
            }
        }
    }
    const LondonDays days(firstYear - 1, lastYear + 1);
    QList<DatedCompletion> list;
    list.reserve(completions.size());
    for (const DashboardStore::Completion &job : completions) {
        list.append({job.household, job.areaId, job.completedAt, days.date(job.completedAt),
                     job.spendPence,
                     job.surveyedAt.isEmpty() ? QDate() : days.date(job.surveyedAt)});
    }
    return list;
}

/// What the completed jobs say, household by household: the basis of every time-based
/// figure and of the lists behind them.
struct CompletionFacts {
    struct Home {
        QString areaId;
        QDate firstSecured;
        QDate surveyed; ///< invalid when no survey was completed
        qint64 spendInPeriod = 0;
        bool completedInPeriod = false;
        /// The months with a job completed in the period, with their spend (mostly one).
        QList<std::pair<QDate, qint64>> months;

        /// The month \a first's entry, or nullptr when no job was completed in it.
        const std::pair<QDate, qint64> *month(const QDate &first) const
        {
            for (const auto &entry : months) {
                if (entry.first == first)
                    return &entry;
            }
            return nullptr;
        }
    };
    QHash<qint64, Home> homes;
    QList<qint64> order; ///< keys by first completion

    CompletionFacts(const QList<DatedCompletion> &completions, const DashboardStore::Span &span)
    {
        homes.reserve(completions.size());
        for (const DatedCompletion &job : completions) {
            auto found = homes.find(job.household);
            if (found == homes.end()) {
                found = homes.insert(job.household, {});
                found->areaId = job.areaId;
                found->firstSecured = job.day;
                found->surveyed = job.surveyed;
                order.append(job.household);
            }
            if (job.completedAt >= span.from) {
                const QDate month(job.day.year(), job.day.month(), 1);
                found->completedInPeriod = true;
                found->spendInPeriod += job.spendPence;
                const auto entry
                    = std::find_if(found->months.begin(), found->months.end(),
                                   [&](const auto &known) { return known.first == month; });
                if (entry == found->months.end())
                    found->months.append({month, job.spendPence});
                else
                    entry->second += job.spendPence;
            }
        }
    }

    bool securedInPeriod(const Home &home, const DashboardFilter &filter) const
    {
        return home.firstSecured >= filter.from;
    }

    /// Days from survey to first completion, or -1 when it does not count (not first secured
    /// in the period, or never surveyed).
    int surveyDays(const Home &home, const DashboardFilter &filter) const
    {
        if (!securedInPeriod(home, filter) || !home.surveyed.isValid())
            return -1;
        return int(std::max<qint64>(0, home.surveyed.daysTo(home.firstSecured)));
    }

    static int bucketOf(int days)
    {
        const QList<int> bounds = DashboardDays::bucketBounds();
        for (int i = 0; i + 1 < bounds.size(); ++i) {
            if (days < bounds[i + 1])
                return i;
        }
        return int(bounds.size()) - 2;
    }

    /// The households behind \a ref, one of the figures made here; nullopt for others.
    std::optional<QList<DashboardStore::Member>> members(const DashboardFilter &filter,
                                                         const FigureRef &ref) const
    {
        using K = FigureRef::Kind;
        QList<DashboardStore::Member> members;
        const QDate keyDate = QDate::fromString(ref.key, Qt::ISODate);
        for (qint64 key : order) {
            const Home &home = homes[key];
            qint64 amount = 0;
            switch (ref.kind) {
            case K::Secured: amount = 1; break;
            case K::AreaSecured: amount = home.areaId == ref.key ? 1 : 0; break;
            case K::TrendWeek: amount = mondayOf(home.firstSecured) == keyDate ? 1 : 0; break;
            case K::Spend:
                if (home.completedInPeriod)
                    members.append({key, home.spendInPeriod});
                continue;
            case K::SpendMonth:
                if (const auto *month = home.month(keyDate))
                    members.append({key, month->second});
                continue;
            case K::SurveyToInstall: {
                const int days = surveyDays(home, filter);
                if (days >= 0 && QString::number(bucketOf(days)) == ref.key)
                    members.append({key, days});
                continue;
            }
            default: return std::nullopt;
            }
            if (amount != 0)
                members.append({key, amount});
        }
        return members;
    }
};

int nearestRank(const QList<int> &sorted, int percent)
{
    const qsizetype rank = (sorted.size() * percent + 99) / 100;
    return sorted[std::max<qsizetype>(rank, 1) - 1];
}

void fillTimeFigures(DashboardFigures &figures, const CompletionFacts &facts,
                     const QHash<int, qint64> &budgets)
{
    const DashboardFilter &filter = figures.filter;
    QHash<QString, int> securedByArea;
    QHash<QDate, int> securedByWeek;
    QHash<QDate, qint64> spendByMonth;
    QList<int> days;
    QList<qint64> buckets(DashboardDays::bucketBounds().size() - 1, 0);
    for (qint64 key : facts.order) {
        const CompletionFacts::Home &home = facts.homes[key];
        ++figures.secured;
        ++securedByArea[home.areaId];
        ++securedByWeek[mondayOf(home.firstSecured)];
        if (facts.securedInPeriod(home, filter))
            ++figures.securedInPeriod;
        figures.spendPence += home.spendInPeriod;
        for (const auto &[month, spend] : home.months)
            spendByMonth[month] += spend;
        if (const int d = facts.surveyDays(home, filter); d >= 0) {
            days.append(d);
            ++buckets[CompletionFacts::bucketOf(d)];
        }
    }
    for (DashboardArea &area : figures.areas)
        area.secured = securedByArea.value(area.id);

    const QDate firstWeek = facts.order.isEmpty()
        ? mondayOf(filter.from)
        : mondayOf(facts.homes[facts.order.first()].firstSecured);
    const double pathDays = std::max<qint64>(1, firstWeek.daysTo(filter.schemeEnd.addDays(1)));
    int cumulative = 0;
    for (QDate monday = firstWeek; monday <= filter.to; monday = monday.addDays(7)) {
        const int secured = securedByWeek.value(monday);
        cumulative += secured;
        const double share = std::min(1.0, firstWeek.daysTo(monday.addDays(7)) / pathDays);
        figures.weeks.append({monday, secured, cumulative, figures.target * share});
    }

    // Budgets are per financial year: a month gets a twelfth of its year's, the period its
    // share of each year's by days.
    const auto yearOf = [](const QDate &day) {
        return FinancialPeriod::yearContaining(day);
    };
    for (FinancialPeriod year = yearOf(filter.from); year.firstDay() <= filter.to;
         year = year.next()) {
        const QDate first = std::max(year.firstDay(), filter.from);
        const QDate last = std::min(year.lastDay(), filter.to);
        figures.budgetPence
            += budgets.value(year.startYear()) * (first.daysTo(last) + 1) / year.dayCount();
    }
    for (QDate month(filter.from.year(), filter.from.month(), 1); month <= filter.to;
         month = month.addMonths(1)) {
        figures.months.append(
            {month, spendByMonth.value(month), budgets.value(yearOf(month).startYear()) / 12});
    }

    std::sort(days.begin(), days.end());
    DashboardDays &spread = figures.surveyToInstall;
    spread.count = int(days.size());
    if (!days.isEmpty()) {
        spread.minimum = days.first();
        spread.lowerQuartile = nearestRank(days, 25);
        spread.median = nearestRank(days, 50);
        spread.upperQuartile = nearestRank(days, 75);
        spread.maximum = days.last();
    }
    for (int i = 0; i < buckets.size(); ++i) {
        spread.buckets.append({DashboardReport::bucketLabel(i),
                               buckets[i],
                               {FigureRef::Kind::SurveyToInstall, QString::number(i)}});
    }
}

} // namespace

QList<int> DashboardDays::bucketBounds()
{
    return {0, 15, 29, 43, 57, 91, INT_MAX};
}

QString DashboardReport::bucketLabel(int bucket)
{
    const QList<int> bounds = DashboardDays::bucketBounds();
    if (bucket + 2 >= bounds.size())
        return tr("%1 days or more").arg(bounds[bucket]);
    return tr("%1\u2013%2 days").arg(bounds[bucket]).arg(bounds[bucket + 1] - 1);
}

DashboardStore::Span DashboardReport::span(const DashboardFilter &filter, const QDateTime &now)
{
    return {dayStart(filter.from), dayStart(filter.to.addDays(1)), storeText(now)};
}

DashboardFilter DashboardReport::defaultFilter(const QDate &today)
{
    DashboardFilter filter;
    filter.to = today;
    filter.from = today.addMonths(-18).addDays(1);
    filter.periodLabel = tr("Last 18 months");
    // Grant money cannot roll over between financial years (ending on 31 March): the path
    // runs to the end of the current one until the scheme says otherwise.
    const int yearEnd = today.month() <= 3 ? today.year() : today.year() + 1;
    filter.schemeEnd = QDate(yearEnd, 3, 31);
    return filter;
}

namespace {

/// What the figures are made from, read from the database or from a snapshot.
struct Reads {
    QHash<HouseholdStatus, int> counts;
    QList<DashboardArea> areas;
    int outstanding = 0;
    DashboardStore::Quality quality;
    QList<DatedCompletion> completions;
    QHash<int, qint64> budgets;
    QList<DashboardBar> itemsFitted;
    QList<DashboardBar> declines;
};

std::pair<int, int> budgetYears(const DashboardFilter &filter)
{
    return {FinancialPeriod::yearContaining(filter.from).startYear(),
            FinancialPeriod::yearContaining(filter.to).startYear()};
}

DashboardFigures assemble(const DashboardFilter &filter, const DashboardStore::Span &period,
                          Reads reads)
{
    DashboardFigures figures;
    figures.filter = filter;
    const QHash<HouseholdStatus, int> &counts = reads.counts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        figures.households += it.value();
        if (HouseholdStatusRules::isOffered(it.key()))
            figures.offered += it.value();
        if (HouseholdStatusRules::isAcceptedOrBeyond(it.key()))
            figures.acceptedOrBeyond += it.value();
    }
    figures.takeUpRate
        = figures.offered == 0 ? 0 : double(figures.acceptedOrBeyond) / figures.offered;
    for (int stage = 0; stage <= int(HouseholdStatus::FollowedUp); ++stage) {
        qint64 reached = 0;
        for (int s = stage; s <= int(HouseholdStatus::FollowedUp); ++s)
            reached += counts.value(HouseholdStatus(s));
        const auto status = HouseholdStatus(stage);
        figures.funnel.append({HouseholdStatusRules::label(status),
                               reached,
                               {FigureRef::Kind::Funnel, HouseholdStatusRules::name(status)}});
    }
    figures.areas = std::move(reads.areas);
    for (const DashboardArea &area : std::as_const(figures.areas))
        figures.target += area.target;
    fillTimeFigures(figures, CompletionFacts(reads.completions, period), reads.budgets);
    figures.itemsFitted = std::move(reads.itemsFitted);
    figures.declines = std::move(reads.declines);
    figures.outstanding = reads.outstanding;
    figures.noCoordinates = reads.quality.noCoordinates;
    figures.noUprn = reads.quality.noUprn;
    figures.completedWithoutItems = reads.quality.completedWithoutItems;
    figures.visitsWithoutOutcome = reads.quality.visitsWithoutOutcome;
    return figures;
}

Status checkPeriod(const DashboardFilter &filter)
{
    if (!filter.from.isValid() || !filter.to.isValid() || filter.to < filter.from)
        return Error::invalid(
            DashboardReport::tr("the period must end on or after the day it starts"));
    return {};
}

} // namespace

Result<DashboardFigures> DashboardReport::compute(const DashboardStore &store,
                                                  const DashboardFilter &filter,
                                                  const QDateTime &now)
{
    if (const Status valid = checkPeriod(filter); !valid)
        return valid.error();
    const DashboardStore::Span period = span(filter, now);
    Reads reads;
    auto counts = store.statusCounts(filter);
    if (!counts)
        return counts.error();
    reads.counts = std::move(*counts);
    auto areas = store.areas(filter);
    if (!areas)
        return areas.error();
    reads.areas = std::move(*areas);
    const auto outstanding = store.outstanding(filter);
    if (!outstanding)
        return outstanding.error();
    reads.outstanding = *outstanding;
    const auto quality = store.quality(filter, period);
    if (!quality)
        return quality.error();
    reads.quality = *quality;
    const auto completions = store.completions(filter, period.to);
    if (!completions)
        return completions.error();
    reads.completions = dated(*completions, filter);
    const auto [firstYear, lastYear] = budgetYears(filter);
    auto budgets = store.budgets(filter, firstYear, lastYear);
    if (!budgets)
        return budgets.error();
    reads.budgets = std::move(*budgets);
    auto items = store.itemsFitted(filter, period);
    if (!items)
        return items.error();
    reads.itemsFitted = std::move(*items);
    auto declines = store.declines(filter, period);
    if (!declines)
        return declines.error();
    reads.declines = std::move(*declines);
    return assemble(filter, period, std::move(reads));
}

Result<DashboardFigures> DashboardReport::compute(const DashboardSnapshot &snapshot,
                                                  const DashboardFilter &filter,
                                                  const QDateTime &now)
{
    if (const Status valid = checkPeriod(filter); !valid)
        return valid.error();
    const DashboardStore::Span period = span(filter, now);
    const DashboardSnapshot::Selection selection = snapshot.select(filter);
    Reads reads;
    reads.counts = snapshot.statusCounts(selection);
    reads.areas = snapshot.areas(filter);
    reads.outstanding = snapshot.outstanding(selection);
    reads.quality = snapshot.quality(selection, period);
    reads.completions = snapshot.completions(selection, period.to);
    const auto [firstYear, lastYear] = budgetYears(filter);
    reads.budgets = snapshot.budgets(filter, firstYear, lastYear);
    reads.itemsFitted = snapshot.itemsFitted(selection, period);
    reads.declines = snapshot.declines(selection, period);
    return assemble(filter, period, std::move(reads));
}

Result<QList<DrillRow>> DashboardReport::drillDown(const DashboardStore &store,
                                                   const DashboardFilter &filter,
                                                   const FigureRef &ref, const QDateTime &now,
                                                   const DashboardSnapshot *snapshot)
{
    const DashboardStore::Span period = span(filter, now);
    using K = FigureRef::Kind;
    static const QList<K> madeHere {K::Secured, K::AreaSecured, K::TrendWeek,
                                    K::Spend,   K::SpendMonth,  K::SurveyToInstall};
    if (madeHere.contains(ref.kind)) {
        QList<DatedCompletion> completions;
        if (snapshot) {
            completions = snapshot->completions(snapshot->select(filter), period.to);
        } else {
            const auto read = store.completions(filter, period.to);
            if (!read)
                return read.error();
            completions = dated(*read, filter);
        }
        const CompletionFacts facts(completions, period);
        return store.rows(*facts.members(filter, ref));
    }
    const auto members = store.members(filter, period, ref);
    if (!members)
        return members.error();
    return store.rows(*members);
}

} // namespace saferhomes
