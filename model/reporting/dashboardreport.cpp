#include "reporting/dashboardreport.h"

#include "domain/financialperiod.h"

#include <QHash>
#include <QTimeZone>

#include <algorithm>
#include <climits>

namespace saferhomes {

namespace {

const QTimeZone &london()
{
    static const QTimeZone zone("Europe/London");
    return zone;
}

QString storeText(const QDateTime &utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

QString dayStart(const QDate &day)
{
    return storeText(QDateTime(day, QTime(0, 0), london()));
}

QDate mondayOf(const QDate &day)
{
    return day.addDays(1 - day.dayOfWeek());
}

/// Local (Europe/London) dates of stored UTC timestamps, fast: the summer-time intervals are
/// worked out once as stored-timestamp text, so a timestamp is placed by comparing text.
class LondonDays {
public:
    explicit LondonDays(int firstYear, int lastYear)
    {
        const QDateTime from(QDate(firstYear, 1, 1), QTime(0, 0), Qt::UTC);
        const QDateTime to(QDate(lastYear + 1, 1, 1), QTime(0, 0), Qt::UTC);
        QString start;
        for (const QTimeZone::OffsetData &change : london().transitions(from, to)) {
            const QString at = storeText(change.atUtc);
            if (change.offsetFromUtc != 0) {
                start = at;
            } else if (!start.isEmpty()) {
                m_summers.append({start, at});
                start.clear();
            }
        }
        if (!start.isEmpty())
            m_summers.append({start, storeText(to)});
    }

    QDate date(const QString &utc) const
    {
        const QDate day = QDate::fromString(utc.left(10), Qt::ISODate);
        const bool summer = std::any_of(m_summers.cbegin(), m_summers.cend(), [&](const auto &s) {
            return utc >= s.first && utc < s.second;
        });
        return summer && utc.mid(11, 2) == QLatin1String("23") ? day.addDays(1) : day;
    }

private:
    QList<std::pair<QString, QString>> m_summers;
};

/// What the completed jobs say, household by household: the basis of every time-based
/// figure and of the lists behind them.
struct CompletionFacts {
    struct Home {
        QString areaId;
        QDate firstSecured;
        QDate surveyed; ///< invalid when no survey was completed
        qint64 spendInPeriod = 0;
        bool completedInPeriod = false;
        QHash<QDate, qint64> spendByMonth;
        QHash<QDate, bool> completedInMonth;
    };
    QHash<qint64, Home> homes;
    QList<qint64> order; ///< keys by first completion

    CompletionFacts(const QList<DashboardStore::Completion> &completions,
                    const DashboardFilter &filter, const DashboardStore::Span &span)
    {
        const int firstYear = completions.isEmpty()
            ? filter.from.year()
            : std::min(filter.from.year(), completions.first().completedAt.left(4).toInt());
        const LondonDays days(firstYear - 1, filter.to.year() + 1);
        for (const DashboardStore::Completion &job : completions) {
            const QDate day = days.date(job.completedAt);
            auto found = homes.find(job.household);
            if (found == homes.end()) {
                found = homes.insert(job.household, {});
                found->areaId = job.areaId;
                found->firstSecured = day;
                if (!job.surveyedAt.isEmpty())
                    found->surveyed = days.date(job.surveyedAt);
                order.append(job.household);
            }
            if (job.completedAt >= span.from) {
                const QDate month(day.year(), day.month(), 1);
                found->completedInPeriod = true;
                found->spendInPeriod += job.spendPence;
                found->spendByMonth[month] += job.spendPence;
                found->completedInMonth[month] = true;
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
                if (home.completedInMonth.value(keyDate))
                    members.append({key, home.spendByMonth.value(keyDate)});
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
        for (auto month = home.spendByMonth.cbegin(); month != home.spendByMonth.cend(); ++month)
            spendByMonth[month.key()] += month.value();
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

Result<DashboardFigures> DashboardReport::compute(const DashboardStore &store,
                                                  const DashboardFilter &filter,
                                                  const QDateTime &now,
                                                  std::optional<Standing> *standing)
{
    if (!filter.from.isValid() || !filter.to.isValid() || filter.to < filter.from)
        return Error::invalid(tr("the period must end on or after the day it starts"));
    const DashboardStore::Span period = span(filter, now);
    DashboardFigures figures;
    figures.filter = filter;

    using K = FigureRef::Kind;
    Standing read;
    const bool reuse = standing && *standing && (*standing)->fits(filter);
    if (!reuse) {
        read.areaId = filter.areaId;
        read.status = filter.status;
        read.fitterId = filter.fitterId;
        auto counts = store.statusCounts(filter);
        if (!counts)
            return counts.error();
        read.counts = std::move(*counts);
        auto areas = store.areas(filter);
        if (!areas)
            return areas.error();
        read.areas = std::move(*areas);
        const auto outstanding = store.outstanding(filter);
        if (!outstanding)
            return outstanding.error();
        read.outstanding = *outstanding;
        const auto quality = store.quality(filter, period);
        if (!quality)
            return quality.error();
        read.noCoordinates = quality->noCoordinates;
        read.noUprn = quality->noUprn;
        read.completedWithoutItems = quality->completedWithoutItems;
        figures.visitsWithoutOutcome = quality->visitsWithoutOutcome;
    } else {
        // Visits with no outcome depend on "now": counted every time.
        const auto withoutOutcome = store.members(filter, period, {K::VisitWithoutOutcome, {}});
        if (!withoutOutcome)
            return withoutOutcome.error();
        figures.visitsWithoutOutcome = int(withoutOutcome->size());
    }
    const Standing &held = reuse ? **standing : read;

    const QHash<HouseholdStatus, int> &counts = held.counts;
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

    figures.areas = held.areas;
    for (const DashboardArea &area : std::as_const(figures.areas))
        figures.target += area.target;

    const auto completions = store.completions(filter, period.to);
    if (!completions)
        return completions.error();
    const auto budgets
        = store.budgets(filter, FinancialPeriod::yearContaining(filter.from).startYear(),
                        FinancialPeriod::yearContaining(filter.to).startYear());
    if (!budgets)
        return budgets.error();
    fillTimeFigures(figures, CompletionFacts(*completions, filter, period), *budgets);

    auto items = store.itemsFitted(filter, period);
    if (!items)
        return items.error();
    figures.itemsFitted = std::move(*items);
    auto declines = store.declines(filter, period);
    if (!declines)
        return declines.error();
    figures.declines = std::move(*declines);
    figures.outstanding = held.outstanding;
    figures.noCoordinates = held.noCoordinates;
    figures.noUprn = held.noUprn;
    figures.completedWithoutItems = held.completedWithoutItems;
    if (standing && !reuse)
        *standing = std::move(read);
    return figures;
}

Result<QList<DrillRow>> DashboardReport::drillDown(const DashboardStore &store,
                                                   const DashboardFilter &filter,
                                                   const FigureRef &ref, const QDateTime &now)
{
    const DashboardStore::Span period = span(filter, now);
    using K = FigureRef::Kind;
    static const QList<K> madeHere {K::Secured, K::AreaSecured, K::TrendWeek,
                                    K::Spend,   K::SpendMonth,  K::SurveyToInstall};
    if (madeHere.contains(ref.kind)) {
        const auto completions = store.completions(filter, period.to);
        if (!completions)
            return completions.error();
        const CompletionFacts facts(*completions, filter, period);
        return store.rows(*facts.members(filter, ref));
    }
    const auto members = store.members(filter, period, ref);
    if (!members)
        return members.error();
    return store.rows(*members);
}

} // namespace saferhomes
