#include "visitservice.h"

#include "store/householdrepository.h"
#include "store/visitrepository.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <climits>
#include <vector>

namespace saferhomes {

namespace {

VisitService::Result refuse(const QString &field, const QString &message)
{
    return VisitService::Result {Error::invalid(message), field, {}};
}

/// The database could not answer or take the visit: not a refused visit.
VisitService::Result failed(const Error &error)
{
    return VisitService::Result {error, {}, {}};
}

/// Where a house stands on its street, for walking order.
struct StreetKey {
    QString street;
    QString town;
    int number = INT_MAX; ///< houses without a number come after the numbered ones
    QString suffix; ///< "A" of "12A"
    QString detail; ///< flat number or house name
};

/// A house number at the start of an address line: "12 Thorpe End", "12A, Thorpe End",
/// "14-16 High Street".
const QRegularExpression &numberedLine()
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d+)([A-Za-z])?(?:\\s*[-/]\\s*\\d+[A-Za-z]?)?,?\\s+(\\S.*)$"));
    return pattern;
}

/// A flat in front of the address: "Flat 2, 14 High Street", "Flat 3".
const QRegularExpression &flatPrefix()
{
    static const QRegularExpression pattern(
        QStringLiteral("^(?:flat|apartment|apt\\.?|unit|room)\\s+([0-9A-Za-z]+)\\s*,?\\s*(.*)$"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

StreetKey streetKey(const HouseholdSummary &household)
{
    StreetKey key;
    key.town = household.town.trimmed();
    QString rest = household.addressLine1.trimmed();
    if (const auto flat = flatPrefix().match(rest); flat.hasMatch()) {
        key.detail = flat.captured(1);
        rest = flat.captured(2).trimmed();
    }
    const QString line2 = household.addressLine2.trimmed();
    // The number is on the first line ("12A Thorpe End"), or the first line names the house
    // or building and the second holds the street ("Rose Court" / "3 Mill Lane").
    const auto takeNumber = [&key](const QString &line) {
        const QRegularExpressionMatch numbered = numberedLine().match(line);
        if (!numbered.hasMatch())
            return false;
        key.number = numbered.captured(1).toInt();
        key.suffix = numbered.captured(2).toUpper();
        key.street = numbered.captured(3).trimmed();
        return true;
    };
    if (takeNumber(rest))
        return key;
    if (takeNumber(line2)) {
        if (key.detail.isEmpty())
            key.detail = rest;
        return key;
    }
    if (!line2.isEmpty()) {
        key.street = line2;
        key.detail = rest;
    } else {
        key.street = rest;
    }
    return key;
}

/// Flat numbers in number order ("2" before "10"), anything else alphabetically.
int compareDetail(const QString &a, const QString &b)
{
    bool aNumber = false;
    bool bNumber = false;
    const int aValue = a.toInt(&aNumber);
    const int bValue = b.toInt(&bNumber);
    if (aNumber && bNumber)
        return aValue < bValue ? -1 : (aValue > bValue ? 1 : 0);
    return QString::compare(a, b, Qt::CaseInsensitive);
}

int compareKeys(const StreetKey &a, const StreetKey &b)
{
    if (const int c = QString::compare(a.street, b.street, Qt::CaseInsensitive))
        return c;
    if (const int c = QString::compare(a.town, b.town, Qt::CaseInsensitive))
        return c;
    if (a.number != b.number)
        return a.number < b.number ? -1 : 1;
    if (const int c = QString::compare(a.suffix, b.suffix, Qt::CaseInsensitive))
        return c;
    return compareDetail(a.detail, b.detail);
}

} // namespace

VisitService::VisitService(HouseholdRepository &households, VisitRepository &visits)
    : m_households(households)
    , m_visits(visits)
{ }

std::optional<HouseholdStatus> VisitService::statusAfter(VisitOutcome outcome,
                                                         HouseholdStatus current)
{
    std::optional<HouseholdStatus> to;
    switch (outcome) {
    case VisitOutcome::NoAnswer: break;
    case VisitOutcome::Declined: to = HouseholdStatus::Declined; break;
    case VisitOutcome::NotEligible: to = HouseholdStatus::NotEligible; break;
    case VisitOutcome::MovedAway: to = HouseholdStatus::MovedAway; break;
    case VisitOutcome::Accepted:
    case VisitOutcome::RevisitRequested:
        // A household further along the funnel stays where it is; a closed one reopens.
        if (current == HouseholdStatus::Identified || HouseholdStatusRules::isClosed(current))
            to = HouseholdStatus::Contacted;
        break;
    }
    if (to == current)
        return std::nullopt;
    return to;
}

VisitService::Result VisitService::recordVisit(const QUuid &householdId, VisitOutcome outcome,
                                               const QString &reason, const QDateTime &revisitAt,
                                               const QString &notes)
{
    const auto household = m_households.summary(householdId);
    if (!household) {
        if (household.error().kind == Error::Kind::NotFound)
            return failed(Error::notFound(tr("There is no such household.")));
        return failed(household.error());
    }
    const QString why = reason.trimmed();
    if (outcome == VisitOutcome::Declined && why.isEmpty())
        return refuse(QStringLiteral("reason"), tr("Say why the household declined."));
    if (outcome == VisitOutcome::RevisitRequested) {
        if (!revisitAt.isValid())
            return refuse(QStringLiteral("revisit_at"), tr("Say when to come back."));
        if (revisitAt <= QDateTime::currentDateTimeUtc())
            return refuse(QStringLiteral("revisit_at"), tr("The revisit must be in the future."));
    } else if (revisitAt.isValid()) {
        return refuse(QStringLiteral("revisit_at"),
                      tr("Only a visit that asks us to come back has a revisit time."));
    }

    StatusMove move {household->status, {}};
    if (const auto to = statusAfter(outcome, household->status)) {
        const auto context = m_households.transitionContext(householdId);
        if (!context)
            return failed(context.error());
        if (const auto refused
            = HouseholdStatusRules::checkTransition(household->status, *to, *context)) {
            return refuse(QStringLiteral("outcome"),
                          tr("The visit was not saved: %1.").arg(*refused));
        }
        move.steps.append(*to);
    }

    Visit visit;
    visit.householdId = householdId;
    visit.outcome = outcome;
    visit.reason = why;
    visit.revisitAt = revisitAt;
    visit.notes = notes.trimmed();
    const auto saved = m_visits.insert(visit, move);
    if (!saved)
        return failed(saved.error().within(tr("The visit was not saved")));
    return Result {{}, {}, *saved};
}

saferhomes::Result<QList<RoundEntry>> VisitService::myRound(const QUuid &areaId, const QDate &today,
                                                            bool includeClosed) const
{
    const saferhomes::Result<QList<RoundEntry>> entries = m_visits.round(areaId);
    if (!entries)
        return entries.error();
    struct Row {
        RoundEntry entry;
        StreetKey key;
    };
    std::vector<Row> rows;
    for (const RoundEntry &entry : *entries) {
        if (!includeClosed && HouseholdStatusRules::isClosed(entry.household.status))
            continue;
        Row row {entry, streetKey(entry.household)};
        row.entry.revisitDue
            = entry.nextRevisitAt.isValid() && entry.nextRevisitAt.toLocalTime().date() <= today;
        rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.entry.revisitDue != b.entry.revisitDue)
            return a.entry.revisitDue;
        if (a.entry.revisitDue && a.entry.nextRevisitAt != b.entry.nextRevisitAt)
            return a.entry.nextRevisitAt < b.entry.nextRevisitAt;
        if (const int c = compareKeys(a.key, b.key))
            return c < 0;
        if (const int c = QString::compare(a.entry.household.addressLine1,
                                           b.entry.household.addressLine1, Qt::CaseInsensitive))
            return c < 0;
        return a.entry.household.id < b.entry.household.id;
    });
    QList<RoundEntry> result;
    result.reserve(qsizetype(rows.size()));
    for (Row &row : rows)
        result.append(std::move(row.entry));
    return result;
}

saferhomes::Result<QList<Visit>> VisitService::timeline(const QUuid &householdId) const
{
    return m_visits.visits(householdId);
}

} // namespace saferhomes
