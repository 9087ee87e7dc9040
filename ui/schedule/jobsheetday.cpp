#include "schedule/jobsheetday.h"

#include "store/database.h"
#include "store/fitterrepository.h"

#include <algorithm>

namespace saferhomes {

Result<JobSheetDay> JobSheetDay::load(const Database &database, const QUuid &fitterId,
                                      const QDate &date, bool withContacts)
{
    const QString user = Database::localUserName();
    const Result<Fitter> fitter = FitterRepository(database, user).find(fitterId);
    if (!fitter)
        return fitter.error();
    JobRepository repository(database, user);
    JobFilter filter;
    filter.day = date;
    filter.fitterId = fitterId;
    const Result<QList<Job>> jobs = repository.jobs(filter);
    if (!jobs)
        return jobs.error();
    const Result<QHash<QString, EquipmentLabel>> labels = repository.equipmentLabels();
    if (!labels)
        return labels.error();
    JobSheetDay day;
    day.fitter = *fitter;
    day.date = date;
    day.labels = *labels;
    for (const Job &job : *jobs) {
        if (job.status == JobStatus::Cancelled)
            continue;
        JobSheetStop stop {job, {}};
        if (withContacts) {
            const Result<JobContact> contact = repository.contact(job.householdId);
            if (!contact)
                return contact.error();
            stop.contact = *contact;
        }
        day.stops.append(stop);
    }
    // Route order: by start, then by the optimiser's sequence for jobs starting together.
    std::stable_sort(day.stops.begin(), day.stops.end(),
                     [](const JobSheetStop &a, const JobSheetStop &b) {
                         if (a.job.start != b.job.start)
                             return a.job.start < b.job.start;
                         return a.job.sequence < b.job.sequence;
                     });
    return day;
}

} // namespace saferhomes
