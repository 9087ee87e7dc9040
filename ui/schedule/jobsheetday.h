#pragma once

#include "domain/fitter.h"
#include "domain/job.h"
#include "domain/result.h"
#include "store/jobrepository.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QUuid>

namespace saferhomes {

class Database;

/// One stop of a fitter's day: the job and the householder's contact (empty when this device
/// holds none or the sheet must not show it).
struct JobSheetStop {
    Job job;
    JobContact contact;
};

/// What a fitter's job sheets show: the fitter, the day, the booked jobs in route order and
/// the catalogue's names and standards of their items.
struct JobSheetDay {
    Q_DECLARE_TR_FUNCTIONS(JobSheetDay)

public:
    Fitter fitter;
    QDate date;
    QList<JobSheetStop> stops;
    QHash<QString, EquipmentLabel> labels;

    /// Reads \a fitterId's jobs booked on \a date (cancelled ones left out) from \a database;
    /// with \a withContacts, each householder's contact as the device holds it.
    static Result<JobSheetDay> load(const Database &database, const QUuid &fitterId,
                                    const QDate &date, bool withContacts = true);
};

} // namespace saferhomes
