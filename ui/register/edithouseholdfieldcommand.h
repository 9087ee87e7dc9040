#pragma once

#include <QList>
#include <QString>
#include <QUndoCommand>
#include <QUuid>

namespace saferhomes {

class HouseholdEditor;

/// One field's value before and after an edit, in stored form.
struct FieldChange {
    QString field; ///< as named in the import file ("postcode")
    QString oldValue;
    QString newValue;
};

/// Undoes and redoes an edit of one or more fields of a household (its address, position,
/// notes or resident details), already saved when the command is pushed.
class EditHouseholdFieldCommand : public QUndoCommand {
public:
    EditHouseholdFieldCommand(HouseholdEditor *editor, const QUuid &id, QList<FieldChange> changes);

    void undo() override;
    void redo() override;

private:
    HouseholdEditor *m_editor;
    QUuid m_id;
    QList<FieldChange> m_changes;
    bool m_saved = true; ///< the edit was saved before the command was pushed
};

} // namespace saferhomes
