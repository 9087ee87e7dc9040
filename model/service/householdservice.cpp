#include "householdservice.h"

#include "store/householdrepository.h"

#include <QCoreApplication>

namespace saferhomes {

namespace {

HouseholdService::Result refuse(const QString &field, const QString &message)
{
    return HouseholdService::Result {Error::invalid(message), field, {}};
}

/// The database could not answer or take the change: not a refused value, and never "no
/// such household".
HouseholdService::Result unreadable(const Error &error)
{
    return HouseholdService::Result {error, {}, {}};
}

} // namespace

HouseholdService::HouseholdService(HouseholdRepository &repository)
    : m_repository(repository)
{ }

HouseholdService::Result
HouseholdService::setFields(const QUuid &id, const QList<std::pair<QString, QString>> &assignments,
                            Mode mode)
{
    const saferhomes::Result<HouseholdRecord> current = m_repository.find(id);
    if (!current) {
        if (current.error().kind == Error::Kind::NotFound)
            return refuse({}, tr("There is no such household."));
        return unreadable(current.error());
    }

    QList<std::pair<HouseholdField, QString>> changes;
    QString latitude
        = HouseholdFields::value(current->household, current->resident, HouseholdField::Latitude);
    QString longitude
        = HouseholdFields::value(current->household, current->resident, HouseholdField::Longitude);
    for (const auto &[name, raw] : assignments) {
        const std::optional<HouseholdField> field = HouseholdFields::fromName(name);
        if (!field)
            return refuse(name, tr("\u201c%1\u201d is not a household field").arg(name));
        const saferhomes::Result<QString> check = HouseholdFields::check(*field, raw);
        if (!check)
            return refuse(HouseholdFields::name(*field), check.error().message);

        if (*field == HouseholdField::Uprn && !check.value().isEmpty()) {
            const saferhomes::Result<QUuid> owner = m_repository.findByUprn(check.value());
            if (!owner && owner.error().kind != Error::Kind::NotFound)
                return unreadable(owner.error());
            if (owner && *owner != id) {
                return refuse(name, tr("UPRN %1 belongs to another household").arg(check.value()));
            }
        }
        if (*field == HouseholdField::Status && mode == Mode::Edit) {
            const HouseholdStatus to = *HouseholdStatusRules::fromName(check.value());
            const saferhomes::Result<TransitionContext> context
                = m_repository.transitionContext(id);
            if (!context)
                return unreadable(context.error());
            if (const auto why
                = HouseholdStatusRules::checkTransition(current->household.status, to, *context)) {
                return refuse(name, *why);
            }
        }
        if (*field == HouseholdField::Latitude)
            latitude = check.value();
        if (*field == HouseholdField::Longitude)
            longitude = check.value();
        changes.append({*field, check.value()});
    }
    if (latitude.isEmpty() != longitude.isEmpty()) {
        return refuse(latitude.isEmpty() ? QStringLiteral("latitude") : QStringLiteral("longitude"),
                      tr("give both latitude and longitude, or neither"));
    }
    if (!latitude.isEmpty()
        && !HouseholdFields::isInsideUk(latitude.toDouble(), longitude.toDouble())) {
        return refuse(QStringLiteral("latitude"),
                      tr("%1, %2 is not in the UK").arg(latitude, longitude));
    }

    Result result;
    QStringList createdAreas;
    // An undo leaves alone a value someone else's edit brought since (UndoGuard).
    QStringList keptByPull;
    if (const Status saved = m_repository.setFields(
            id, changes, &createdAreas, mode == Mode::Correction ? &keptByPull : nullptr);
        !saved)
        return unreadable(saved.error().within(tr("The change was not saved")));
    if (!keptByPull.isEmpty()) {
        return refuse(keptByPull.first(),
                      tr("%1 was changed on another device since your edit: that value is kept, "
                         "and the difference is listed under sync conflicts")
                          .arg(keptByPull.join(QStringLiteral(", "))));
    }
    for (const QString &area : std::as_const(createdAreas))
        result.warnings.append(tr("created the new area \u201c%1\u201d").arg(area));
    return result;
}

} // namespace saferhomes
