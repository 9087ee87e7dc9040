#pragma once

#include "reporting/dashboarddays.h"
#include "store/dashboardstore.h"

#include <QHash>
#include <QList>

#include <vector>

namespace saferhomes {

/// The dashboard's facts held in memory between refreshes (DashboardStore::facts(), with
/// their London days worked out once): it answers the same reads as DashboardStore under any
/// filter by loops over plain lists, so a filter change reads nothing from the database.
/// DashboardReport makes the figures from either the same way.
class DashboardSnapshot {
public:
    static Result<DashboardSnapshot> load(const DashboardStore &store);

    /// The store's data_version when the facts were read: another value means they are stale.
    qint64 dataVersion() const { return m_facts.dataVersion; }

    /// The households and jobs a filter keeps: its area, status and fitter.
    struct Selection {
        std::vector<char> households; ///< by position
        int fitter = -1; ///< only this fitter's jobs; -1: every job
        bool keepsJob(const DashboardStore::Facts::Job &job) const
        {
            return households[size_t(job.household)] && (fitter < 0 || job.fitter == fitter);
        }
    };
    Selection select(const DashboardFilter &filter) const;

    // As DashboardStore's reads of the same names.
    QHash<HouseholdStatus, int> statusCounts(const Selection &selection) const;
    QList<DashboardArea> areas(const DashboardFilter &filter) const;
    /// Completed jobs finished before \a before, oldest first.
    QList<DatedCompletion> completions(const Selection &selection, const QString &before) const;
    QHash<int, qint64> budgets(const DashboardFilter &filter, int firstYear, int lastYear) const;
    QList<DashboardBar> itemsFitted(const Selection &selection,
                                    const DashboardStore::Span &span) const;
    QList<DashboardBar> declines(const Selection &selection,
                                 const DashboardStore::Span &span) const;
    int outstanding(const Selection &selection) const;
    DashboardStore::Quality quality(const Selection &selection,
                                    const DashboardStore::Span &span) const;

private:
    enum class JobState : quint8 { Open, Booked, Completed, Other };
    /// What each job adds to the facts: its state, London days.
    struct JobDays {
        JobState state = JobState::Other;
        QDate day; ///< completed ones
        QDate surveyed;
    };

    DashboardStore::Facts m_facts;
    QList<HouseholdStatus> m_statuses; ///< by household position
    QList<JobDays> m_jobDays; ///< by job position
    QList<int> m_completed; ///< completed jobs with a time, oldest first
};

} // namespace saferhomes
