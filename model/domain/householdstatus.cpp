#include "householdstatus.h"

#include <QCoreApplication>

#include <array>

namespace saferhomes {

namespace {

struct StatusInfo {
    HouseholdStatus status;
    const char *name;
    const char *label;
};

constexpr std::array<StatusInfo, 11> kStatuses {{
    {HouseholdStatus::Identified, "identified", QT_TRANSLATE_NOOP("HouseholdStatus", "Identified")},
    {HouseholdStatus::Contacted, "contacted", QT_TRANSLATE_NOOP("HouseholdStatus", "Contacted")},
    {HouseholdStatus::Surveyed, "surveyed", QT_TRANSLATE_NOOP("HouseholdStatus", "Surveyed")},
    {HouseholdStatus::Accepted, "accepted", QT_TRANSLATE_NOOP("HouseholdStatus", "Accepted")},
    {HouseholdStatus::Scheduled, "scheduled", QT_TRANSLATE_NOOP("HouseholdStatus", "Scheduled")},
    {HouseholdStatus::Installed, "installed", QT_TRANSLATE_NOOP("HouseholdStatus", "Installed")},
    {HouseholdStatus::FollowedUp, "followed_up",
     QT_TRANSLATE_NOOP("HouseholdStatus", "Followed up")},
    {HouseholdStatus::Declined, "declined", QT_TRANSLATE_NOOP("HouseholdStatus", "Declined")},
    {HouseholdStatus::NotEligible, "not_eligible",
     QT_TRANSLATE_NOOP("HouseholdStatus", "Not eligible")},
    {HouseholdStatus::Unreachable, "unreachable",
     QT_TRANSLATE_NOOP("HouseholdStatus", "Unreachable")},
    {HouseholdStatus::MovedAway, "moved_away", QT_TRANSLATE_NOOP("HouseholdStatus", "Moved away")},
}};

const StatusInfo &info(HouseholdStatus status)
{
    return kStatuses[static_cast<size_t>(status)];
}

using S = HouseholdStatus;

} // namespace

QString HouseholdStatusRules::name(HouseholdStatus status)
{
    return QString::fromLatin1(info(status).name);
}

std::optional<HouseholdStatus> HouseholdStatusRules::fromName(const QString &name)
{
    for (const StatusInfo &entry : kStatuses) {
        if (name == QLatin1String(entry.name))
            return entry.status;
    }
    return std::nullopt;
}

QString HouseholdStatusRules::label(HouseholdStatus status)
{
    return tr(info(status).label);
}

QList<HouseholdStatus> HouseholdStatusRules::all()
{
    QList<HouseholdStatus> result;
    for (const StatusInfo &entry : kStatuses)
        result.append(entry.status);
    return result;
}

QStringList HouseholdStatusRules::allNames()
{
    QStringList result;
    for (const StatusInfo &entry : kStatuses)
        result.append(QString::fromLatin1(entry.name));
    return result;
}

bool HouseholdStatusRules::isClosed(HouseholdStatus status)
{
    return status == S::Declined || status == S::NotEligible || status == S::Unreachable
        || status == S::MovedAway;
}

bool HouseholdStatusRules::isAcceptedOrBeyond(HouseholdStatus status)
{
    return status == S::Accepted || status == S::Scheduled || status == S::Installed
        || status == S::FollowedUp;
}

bool HouseholdStatusRules::isOffered(HouseholdStatus status)
{
    return isAcceptedOrBeyond(status) || status == S::Declined;
}

bool HouseholdStatusRules::isSecured(HouseholdStatus status)
{
    return status == S::Installed || status == S::FollowedUp;
}

QList<HouseholdStatus> HouseholdStatusRules::successors(HouseholdStatus from)
{
    // Forward one step along the funnel, or out to a closed state while work is still
    // possible; closed states can be reopened because circumstances change (a new
    // occupier, a householder who changes their mind, a reassessment).
    switch (from) {
    case S::Identified:
        return {S::Contacted, S::Unreachable, S::NotEligible, S::MovedAway, S::Declined};
    case S::Contacted:
        return {S::Surveyed, S::Declined, S::NotEligible, S::Unreachable, S::MovedAway};
    case S::Surveyed: return {S::Accepted, S::Declined, S::NotEligible, S::MovedAway};
    case S::Accepted: return {S::Scheduled, S::Declined, S::MovedAway};
    case S::Scheduled: return {S::Installed, S::Accepted, S::Declined, S::MovedAway};
    case S::Installed: return {S::FollowedUp};
    case S::FollowedUp: return {};
    case S::Declined: return {S::Contacted};
    case S::NotEligible: return {S::Identified};
    case S::Unreachable: return {S::Identified, S::Contacted};
    case S::MovedAway: return {S::Identified};
    }
    return {};
}

std::optional<QString> HouseholdStatusRules::checkTransition(HouseholdStatus from,
                                                             HouseholdStatus to,
                                                             const TransitionContext &context)
{
    if (from == to)
        return std::nullopt;
    if (!successors(from).contains(to)) {
        return tr("A household cannot go from \u201c%1\u201d to "
                  "\u201c%2\u201d")
            .arg(label(from), label(to));
    }
    if (to == S::Scheduled && !context.hasActiveJob) {
        return tr("\u201cScheduled\u201d needs an installation job");
    }
    if (to == S::Installed && !context.hasCompletedJob) {
        return tr("\u201cInstalled\u201d needs a completed job");
    }
    return std::nullopt;
}

} // namespace saferhomes
