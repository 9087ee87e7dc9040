#include "register/householdeditor.h"

#include "register/changehouseholdstatuscommand.h"
#include "register/edithouseholdfieldcommand.h"
#include "store/householdrepository.h"

#include <QUndoStack>

namespace saferhomes {

namespace {

/// The stored text of every field named in \a assignments.
QHash<QString, QString> storedValues(const HouseholdRecord &record,
                                     const HouseholdEditor::Assignments &assignments)
{
    QHash<QString, QString> values;
    for (const auto &[name, text] : assignments) {
        Q_UNUSED(text)
        if (const auto field = HouseholdFields::fromName(name)) {
            values.insert(HouseholdFields::name(*field),
                          HouseholdFields::value(record.household, record.resident, *field));
        }
    }
    return values;
}

} // namespace

HouseholdEditor::HouseholdEditor(HouseholdRepository &repository, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_service(repository)
    , m_undoStack(new QUndoStack(this))
{ }

HouseholdService::Result HouseholdEditor::edit(const QUuid &id, const Assignments &assignments)
{
    const auto before = m_repository.find(id);
    const HouseholdService::Result result = m_service.setFields(id, assignments);
    if (!result.ok() || !before)
        return result;
    for (const QString &message : result.warnings)
        emit warning(message);

    const auto after = m_repository.find(id);
    if (after) {
        const QHash<QString, QString> oldValues = storedValues(*before, assignments);
        const QHash<QString, QString> newValues = storedValues(*after, assignments);
        QList<FieldChange> changes;
        for (const auto &[name, text] : assignments) {
            Q_UNUSED(text)
            const auto field = HouseholdFields::fromName(name);
            const QString key = HouseholdFields::name(*field);
            if (oldValues.value(key) != newValues.value(key))
                changes.append({key, oldValues.value(key), newValues.value(key)});
        }
        if (changes.size() == 1 && changes.first().field == QLatin1String("status")) {
            m_undoStack->push(new ChangeHouseholdStatusCommand(this, id, before->household.status,
                                                               after->household.status));
        } else if (!changes.isEmpty()) {
            m_undoStack->push(new EditHouseholdFieldCommand(this, id, changes));
        }
    }
    emit householdChanged(id);
    return result;
}

bool HouseholdEditor::apply(const QUuid &id, const Assignments &values, HouseholdService::Mode mode)
{
    const HouseholdService::Result result = m_service.setFields(id, values, mode);
    if (!result.ok()) {
        emit editFailed(tr("Could not undo or redo the change: %1").arg(result.errorString()));
        return false;
    }
    emit householdChanged(id);
    return true;
}

} // namespace saferhomes
