#include "register/changehouseholdstatuscommand.h"

#include "register/householdeditor.h"

#include <QCoreApplication>

namespace saferhomes {

ChangeHouseholdStatusCommand::ChangeHouseholdStatusCommand(HouseholdEditor *editor, const QUuid &id,
                                                           HouseholdStatus from, HouseholdStatus to)
    : QUndoCommand(
        QCoreApplication::translate("ChangeHouseholdStatusCommand", "Change status to %1")
            .arg(HouseholdStatusRules::label(to)))
    , m_editor(editor)
    , m_id(id)
    , m_from(from)
    , m_to(to)
{ }

bool ChangeHouseholdStatusCommand::set(HouseholdStatus status, bool correction)
{
    return m_editor->apply(m_id, {{QStringLiteral("status"), HouseholdStatusRules::name(status)}},
                           correction ? HouseholdService::Mode::Correction
                                      : HouseholdService::Mode::Edit);
}

void ChangeHouseholdStatusCommand::undo()
{
    // Going back may break the funnel's forward rules (installed → scheduled): undo is a
    // correction, which the service allows.
    if (!set(m_from, true))
        setObsolete(true);
}

void ChangeHouseholdStatusCommand::redo()
{
    if (std::exchange(m_saved, false))
        return;
    if (!set(m_to, false))
        setObsolete(true);
}

} // namespace saferhomes
