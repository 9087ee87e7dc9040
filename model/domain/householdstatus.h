#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace saferhomes {

/// Where a household stands in the scheme's funnel (DESIGN §3; the names are a contract).
enum class HouseholdStatus {
    Identified,
    Contacted,
    Surveyed,
    Accepted,
    Scheduled,
    Installed,
    FollowedUp,
    Declined,
    NotEligible,
    Unreachable,
    MovedAway,
};

/// Facts about a household's jobs that some transitions depend on.
struct TransitionContext {
    bool hasActiveJob = false; ///< a tentative or scheduled job exists
    bool hasCompletedJob = false; ///< a job has been completed
};

/// The funnel's rules: names, order and which status may follow which.
class HouseholdStatusRules {
    Q_DECLARE_TR_FUNCTIONS(HouseholdStatusRules)

public:
    static QString name(HouseholdStatus status);
    static std::optional<HouseholdStatus> fromName(const QString &name);
    /// A human label for the status, translated ("Followed up").
    static QString label(HouseholdStatus status);
    static QList<HouseholdStatus> all();
    static QStringList allNames();

    static bool isClosed(HouseholdStatus status);
    /// accepted, scheduled, installed or followed_up
    static bool isAcceptedOrBeyond(HouseholdStatus status);
    /// accepted or beyond, plus declined
    static bool isOffered(HouseholdStatus status);
    /// installed or followed_up
    static bool isSecured(HouseholdStatus status);

    /// The statuses a household may move to from \a from (whatever the context).
    static QList<HouseholdStatus> successors(HouseholdStatus from);
    /// Why \a from → \a to is not allowed, or nothing when it is.
    static std::optional<QString> checkTransition(HouseholdStatus from, HouseholdStatus to,
                                                  const TransitionContext &context);
};

} // namespace saferhomes
