#pragma once

#include "domain/fitter.h"
#include "domain/result.h"
#include "repository.h"

#include <QCoreApplication>

namespace saferhomes {

/// Reads and writes fitters (DESIGN §8) in the local store, each change audited.
class FitterRepository : public Repository {
    Q_DECLARE_TR_FUNCTIONS(FitterRepository)

public:
    FitterRepository(const Database &database, QString userName);

    /// Stores a new fitter (its id made here when null) and returns it as stored.
    Result<Fitter> add(Fitter fitter);
    /// Replaces the stored fitter of the same id with \a fitter; not found when there is none.
    Result<Fitter> update(const Fitter &fitter);
    /// Every fitter, active or not, by name.
    Result<QList<Fitter>> all() const;
    Result<Fitter> find(const QUuid &id) const;
};

} // namespace saferhomes
