#include "register/edithouseholdfieldcommand.h"

#include "common/householdfieldlabels.h"
#include "register/householdeditor.h"

#include <QCoreApplication>

namespace saferhomes {

namespace {

QString describe(const QList<FieldChange> &changes)
{
    QStringList labels;
    for (const FieldChange &change : changes)
        labels.append(HouseholdFieldLabels::label(change.field).toLower());
    return QCoreApplication::translate("EditHouseholdFieldCommand", "Edit %1")
        .arg(labels.join(QCoreApplication::translate("EditHouseholdFieldCommand", " and ")));
}

} // namespace

EditHouseholdFieldCommand::EditHouseholdFieldCommand(HouseholdEditor *editor, const QUuid &id,
                                                     QList<FieldChange> changes)
    : QUndoCommand(describe(changes))
    , m_editor(editor)
    , m_id(id)
    , m_changes(std::move(changes))
{ }

void EditHouseholdFieldCommand::undo()
{
    HouseholdEditor::Assignments values;
    for (const FieldChange &change : std::as_const(m_changes))
        values.append({change.field, change.oldValue});
    // A correction restores the old values whatever the rules say now.
    if (!m_editor->apply(m_id, values, HouseholdService::Mode::Correction))
        setObsolete(true);
}

void EditHouseholdFieldCommand::redo()
{
    if (std::exchange(m_saved, false))
        return;
    HouseholdEditor::Assignments values;
    for (const FieldChange &change : std::as_const(m_changes))
        values.append({change.field, change.newValue});
    if (!m_editor->apply(m_id, values, HouseholdService::Mode::Edit))
        setObsolete(true);
}

} // namespace saferhomes
